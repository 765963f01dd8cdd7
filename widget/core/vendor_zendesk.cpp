// Zendesk Chat goals v2: bare arrays (list) and single objects. `enabled` comes as 0/1 or true/false;
// url conditions are `equals` or `contains` and any one of them fulfils the goal; first- or last-touch
// attribution over 1..30 days.
//
// Index
// - [SECTION] Reading
// - [SECTION] Writing
// - [SECTION] HTTP API
#include "core/cold_code.hpp"
#include "core/json_access.hpp"
#include "core/model_names.hpp"
#include "core/validate.hpp"
#include "core/vendors.hpp"

namespace gp {
namespace {

constexpr WireName<AttributionModel> kAttributionModels[] = {{"first_touch", AttributionModel::first_touch},
                                                             {"last_touch", AttributionModel::last_touch}};
constexpr WireName<ConditionField> kConditionTypes[] = {{"url", ConditionField::url}};
constexpr WireName<ConditionOp> kOperators[] = {{"equals", ConditionOp::equals}, {"contains", ConditionOp::contains}};

//-----------------------------------------------------------------------------
// [SECTION] Reading
//-----------------------------------------------------------------------------

void read_conditions(ObjectReader& goal, ReadContext& ctx, Goal& g) {
    ObjectReader settings = goal.object("settings");
    if (const Json* conditions = settings.array("conditions")) {
        g.conditions.reserve(conditions->size());
        for (size_t i = 0; i < conditions->size(); ++i) {
            ObjectReader c(&(*conditions)[i], child_path(settings.path_of("conditions"), i), *ctx.errors);
            if (!c.is_object()) {
                ctx.errors->push_back({std::string(c.path()), "type_mismatch", "expected a condition object", 400});
                continue;
            }
            Condition cond;
            c.enumeration("type", kConditionTypes, cond.field);
            if (!c.enumeration("operator", kOperators, cond.op) && !c.has("operator"))
                c.error("operator", "required", "a condition needs an operator");
            c.string("value", cond.value);
            g.conditions.push_back(std::move(cond));
        }
    }
    keep_unknown(g.extra, settings, {"settings"});
}

}  // namespace

bool read_zendesk_goal(const Json& item, const std::string& path, ReadContext& ctx, Goal& g) {
    const size_t errors_before = ctx.errors->size();
    ObjectReader r = ctx.reader(&item, path);
    if (!r.is_object()) {
        ctx.errors->push_back({path, "type_mismatch", "expected a goal object", 400});
        return false;
    }
    g.vendor = Vendor::zendesk;
    g.metric.type = MetricType::conversions;
    g.combinator = Combinator::any;
    r.id("id", g.id);
    r.string("name", g.title);
    r.string("description", g.description);
    r.boolean("enabled", g.active);  // absent: enabled, as the API's own list shows goals without the field
    // A model Zendesk may add later credits no agent here rather than the wrong one.
    r.enumeration_or("attribution_model", kAttributionModels, g.attribution.model, AttributionModel::none,
                     "no attribution (no agent is credited)");
    int64_t days = 0;
    if (r.integer("attribution_period", days)) {
        // 0 would read back as "no period given", so it is refused here rather than in validate_goal.
        if (days == 0) ctx.errors->push_back(attribution_period_error(r.path_of("attribution_period"), days));
        g.attribution.window_days = static_cast<int>(std::max<int64_t>(-1, std::min<int64_t>(days, 1000)));
    }
    read_conditions(r, ctx, g);
    keep_unknown(g.extra, r);
    return ctx.errors->size() == errors_before;
}

void read_zendesk(const Json& doc, ReadContext& ctx, ReadResult& out) {
    if (doc.is_array()) return read_goal_items(doc, Vendor::zendesk, "", ctx, out);
    Goal g;
    if (read_goal_item(doc, Vendor::zendesk, "", ctx, g)) out.goals.push_back(std::move(g));
}

//-----------------------------------------------------------------------------
// [SECTION] Writing
//-----------------------------------------------------------------------------
GP_COLD_CODE_BEGIN

Json write_zendesk_goal(const Goal& g, const std::string& path, WriteContext& ctx) {
    if (!writable_as_condition_goal(g, path, ctx, "Zendesk Chat", "URL conditions")) return Json();
    if (!g.rooms.any_room)
        ctx.warn(path + "/rooms", "rooms_dropped", "Zendesk Chat goals have no room scope; the goal counts in every room");
    Json conditions = Json::array();
    for (size_t i = 0; i < g.conditions.size(); ++i) {
        const Condition& c = g.conditions[i];
        const bool representable = c.field == ConditionField::url && !c.negate &&
                                   (c.op == ConditionOp::equals || c.op == ConditionOp::contains);
        if (!representable) {
            ctx.errors->push_back({child_path(path + "/conditions", i), "not_representable",
                                   "Zendesk conditions are url equals/contains only, not " +
                                       std::string(c.negate ? "negated " : "") + std::string(name_of(c.field)) + " " +
                                       std::string(name_of(c.op)),
                                   400});
            return Json();
        }
        conditions.push_back(json_object({{"type", "url"}, {"operator", name_of(c.op)}, {"value", c.value}}));
    }
    Json o = Json::object();
    if (!g.id.empty()) o["id"] = id_json(g.id);
    o["name"] = g.title;
    if (!g.description.empty()) o["description"] = g.description;
    o["enabled"] = g.active ? 1 : 0;
    if (g.attribution.model != AttributionModel::none) o["attribution_model"] = name_of(g.attribution.model);
    if (g.attribution.window_days != 0) o["attribution_period"] = g.attribution.window_days;
    o["settings"] = json_object({{"conditions", std::move(conditions)}});
    if (g.vendor == Vendor::zendesk) merge_missing(o, g.extra);
    return o;
}

Json write_zendesk(const std::vector<Goal>& goals, bool single, WriteContext& ctx) {
    Json items = write_items(goals, ctx, write_zendesk_goal);
    if (single && items.size() == 1) return std::move(items[0]);
    return items;
}

//-----------------------------------------------------------------------------
// [SECTION] HTTP API
//-----------------------------------------------------------------------------

ApiShape zendesk_api_shape() {
    ApiShape shape;
    shape.api_root = "/api/v2/";  // goals are one unpaged list: no cursor
    shape.update = HttpMethod::put;
    return shape;
}

Json zendesk_request_body(const Goal& g, GoalEdit edit, WriteContext& ctx) {
    Json item = write_zendesk_goal(g, "", ctx);
    if (item.is_null()) return item;
    // The goal's read-write properties; id is read-only, and fields the reader kept are no part of a request.
    Json body = documented_fields(item, {"name", "description", "enabled", "attribution_model", "attribution_period",
                                         "settings.conditions"});
    // An update keeps what it is not sent: a description cleared in the editor is sent empty.
    if (edit == GoalEdit::update && !body.contains("description")) body["description"] = "";
    return body;
}

void zendesk_reply(const Json& doc, bool success, ReplyBody& out) {
    if (success) {
        if (doc.is_object()) out.goal = &doc;
        return;
    }
    std::vector<Error> ignored;  // a reply's odd member types are no error of the goal's
    ObjectReader root(&doc, "", ignored);
    // {error: "RecordInvalid", description: "..."}: the description is the sentence, error a title.
    if (doc.is_string()) out.message = doc.get_ref<const std::string&>();
    else if (!root.string("description", out.message) && !root.string("message", out.message)) root.string("error", out.message);
    if (equals_ignoring_ascii_case(out.message, goals_limit_error("").message)) out.field_errors.push_back(goals_limit_error("/enabled"));
}

std::optional<std::string> zendesk_field_path(const std::string& wire) {
    static constexpr FieldRename kRenames[] = {
        {"/attribution_period", "/attribution"},
        {"/attribution_model", "/attribution"},
        {"/settings/conditions", "/conditions"},
        {"/enabled", "/active"},
    };
    return renamed_field_path(wire, kRenames);
}

GP_COLD_CODE_END

}  // namespace gp
