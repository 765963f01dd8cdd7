// giosg goals v5: paged lists {next, previous, results} (next is a full URL) and single objects.
// Both `is_any_room_allowed` and `allow_any_room` are accepted; `default_value` is a number or a decimal
// string; conditions are {type: int, negate, settings, value} with the integer's meaning taken from the
// configurable GiosgCodeTable (unknown codes are unsupported, never silently matched).
//
// Index
// - [SECTION] Reading
// - [SECTION] Writing
// - [SECTION] HTTP API
#include "core/cold_code.hpp"
#include "core/giosg_codes.hpp"
#include "core/json_access.hpp"
#include "core/model_names.hpp"
#include "core/vendors.hpp"

namespace gp {
namespace {

// The room flag has two spellings in giosg's own docs; the first is the attribute table's.
constexpr const char* kAnyRoomKeys[] = {"is_any_room_allowed", "allow_any_room"};

//-----------------------------------------------------------------------------
// [SECTION] Reading
//-----------------------------------------------------------------------------

bool read_condition(const Json& item, const std::string& path, ReadContext& ctx, Condition& cond) {
    const size_t errors_before = ctx.errors->size();
    ObjectReader c(&item, path, *ctx.errors);
    if (!c.is_object()) {
        ctx.errors->push_back({path, "type_mismatch", "expected a condition object", 400});
        return false;
    }
    int64_t code = 0;
    if (c.integer("type", code)) {
        if (code < INT32_MIN || code > INT32_MAX) c.error("type", "bad_number", "condition type out of range");
        cond.vendor_code = static_cast<int>(code);
        const GiosgCode* known = ctx.codes->find(static_cast<int>(code));
        cond.field = known ? known->field : ConditionField::giosg_code;
        cond.op = known ? known->op : ConditionOp::unsupported;
    } else if (!c.has("type")) {
        c.error("type", "required", "a condition needs its integer type");
    }
    c.boolean("negate", cond.negate);
    if (const Json* value = c.value("value")) {
        // Values are strings on the wire; a number is kept as its text rather than refused.
        if (const std::string* s = string_value(value)) cond.value = *s;
        else if (value->is_number()) cond.value = dump_json(*value);
        else c.error("value", "type_mismatch", "expected a string");
    }
    cond.settings = Json::object();
    if (const Json* settings = c.value("settings")) {
        if (settings->is_object()) cond.settings = *settings;
        else c.error("settings", "type_mismatch", "expected an object");
    }
    return ctx.errors->size() == errors_before;
}

void read_rooms(ObjectReader& r, Goal& g) {
    std::optional<bool> any_room;
    for (const char* key : kAnyRoomKeys) {
        bool value = true;
        if (!r.boolean(key, value)) continue;
        if (any_room && *any_room != value) r.error(key, "conflict", "is_any_room_allowed and allow_any_room disagree");
        any_room = value;
    }
    g.rooms.any_room = any_room.value_or(true);
    r.string_list("allowed_rooms", g.rooms.allowed_rooms);
}

}  // namespace

bool read_giosg_goal(const Json& item, const std::string& path, ReadContext& ctx, Goal& g) {
    const size_t errors_before = ctx.errors->size();
    ObjectReader r = ctx.reader(&item, path);
    if (!r.is_object()) {
        ctx.errors->push_back({path, "type_mismatch", "expected a goal object", 400});
        return false;
    }
    g.vendor = Vendor::giosg;
    g.metric.type = MetricType::conversions;
    r.id("id", g.id);
    r.string("name", g.title);
    read_rooms(r, g);
    // An empty string is giosg's "no default value" (its match values are left empty the same way).
    if (const Json* v = r.raw("default_value"); v && v->is_string() && v->get_ref<const std::string&>().empty())
        g.default_value.reset();
    else
        r.number("default_value", g.default_value);
    r.timestamp("created_at", g.created_at);
    r.timestamp("updated_at", g.updated_at);
    if (const Json* conditions = r.array("conditions")) {
        g.conditions.resize(conditions->size());
        for (size_t i = 0; i < conditions->size(); ++i)
            read_condition((*conditions)[i], child_path(r.path_of("conditions"), i), ctx, g.conditions[i]);
    }
    keep_unknown(g.extra, r);
    return ctx.errors->size() == errors_before;
}

void read_giosg(const Json& doc, ReadContext& ctx, ReadResult& out) {
    if (doc.is_array()) return read_goal_items(doc, Vendor::giosg, "", ctx, out);
    ObjectReader root = ctx.reader(&doc, "");
    if (!root.has("results")) {
        Goal g;
        if (read_goal_item(doc, Vendor::giosg, "", ctx, g)) out.goals.push_back(std::move(g));
        return;
    }
    root.string("next", out.next.url);
    if (const Json* results = root.array("results")) read_goal_items(*results, Vendor::giosg, "/results", ctx, out);
}

//-----------------------------------------------------------------------------
// [SECTION] Writing
//-----------------------------------------------------------------------------
GP_COLD_CODE_BEGIN

Json write_giosg_goal(const Goal& g, const std::string& path, WriteContext& ctx) {
    if (!writable_as_condition_goal(g, path, ctx, "giosg", "rule conditions")) return Json();
    if (g.attribution.model != AttributionModel::none)
        ctx.warn(path + "/attribution", "attribution_dropped",
                 "giosg goals have no agent attribution; " + std::string(name_of(g.attribution.model)) + " is not written");
    Json conditions = Json::array();
    for (size_t i = 0; i < g.conditions.size(); ++i) {
        const Condition& c = g.conditions[i];
        std::optional<int> code = c.vendor_code;
        if (!code)
            if (const GiosgCode* known = ctx.codes->find(c.field, c.op)) code = known->code;
        if (!code) {
            ctx.errors->push_back({child_path(path + "/conditions", i), "not_representable",
                                   "no giosg condition code is configured for " + std::string(name_of(c.field)) + " " +
                                       std::string(name_of(c.op)),
                                   400});
            return Json();
        }
        conditions.push_back(json_object({{"type", *code},
                                          {"negate", c.negate},
                                          {"settings", c.settings.is_object() ? c.settings : Json::object()},
                                          {"value", c.value}}));
    }
    Json o = Json::object();
    if (!g.id.empty()) o["id"] = g.id;
    o["name"] = g.title;
    o[kAnyRoomKeys[0]] = g.rooms.any_room;
    o["allowed_rooms"] = g.rooms.allowed_rooms;
    if (g.default_value) o["default_value"] = format_decimal(*g.default_value);
    o["conditions"] = std::move(conditions);
    if (g.created_at) o["created_at"] = format_timestamp(*g.created_at);
    if (g.updated_at) o["updated_at"] = format_timestamp(*g.updated_at);
    if (g.vendor == Vendor::giosg) merge_missing(o, g.extra);
    return o;
}

Json write_giosg(const std::vector<Goal>& goals, bool single, WriteContext& ctx) {
    Json items = write_items(goals, ctx, write_giosg_goal);
    if (single && items.size() == 1) return std::move(items[0]);
    return json_object({{"next", nullptr}, {"previous", nullptr}, {"results", std::move(items)}});
}

//-----------------------------------------------------------------------------
// [SECTION] HTTP API
//-----------------------------------------------------------------------------

namespace {

// A REST framework's field errors: {field: ["message"]}, nested for lists of objects
// ({conditions: [{value: ["message"]}, {}]}). Each message becomes an error at its field's path.
void collect_field_errors(const Json& value, const std::string& path, std::vector<Error>& out) {
    if (value.is_string()) {
        out.push_back({path, "", value.get_ref<const std::string&>(), 400});
    } else if (value.is_array()) {
        for (size_t i = 0; i < value.size(); ++i) {
            if (value[i].is_string()) collect_field_errors(value[i], path, out);
            else collect_field_errors(value[i], child_path(path, i), out);
        }
    } else if (value.is_object()) {
        for (auto it = value.begin(); it != value.end(); ++it) collect_field_errors(*it, child_path(path, it.key()), out);
    }
}

}  // namespace

ApiShape giosg_api_shape() {
    ApiShape shape;
    shape.api_root = "/api/v5/";  // `next` and `previous` are full service.giosg.com URLs
    shape.update = HttpMethod::patch;
    return shape;
}

Json giosg_request_body(const Goal& g, GoalEdit edit, WriteContext& ctx) {
    Json item = write_giosg_goal(g, "", ctx);
    if (item.is_null()) return item;
    // The editable attributes; id, organization and the created/updated stamps and users are read-only.
    if (edit == GoalEdit::create)
        return documented_fields(item, {"name", kAnyRoomKeys[0], "allowed_rooms", "default_value", "conditions"});
    // A PATCH sends what giosg's update takes: the name, the room scope and the conditions.
    if (g.default_value)
        ctx.warn("/default_value", "default_value_not_sent",
                 "giosg's update takes the name, rooms and conditions only; the default value is not sent");
    return documented_fields(item, {"name", kAnyRoomKeys[0], "allowed_rooms", "conditions"});
}

void giosg_reply(const Json& doc, bool success, ReplyBody& out) {
    if (success) {
        if (doc.is_object()) out.goal = &doc;
        return;
    }
    if (!doc.is_object()) return;
    std::string fields;  // "name: This field is required." for each field, when no sentence covers them
    for (auto it = doc.begin(); it != doc.end(); ++it) {
        if (it.key() == "detail" && it->is_string()) {
            out.message = it->get_ref<const std::string&>();
            continue;
        }
        std::vector<Error> found;
        collect_field_errors(*it, it.key() == "non_field_errors" ? "" : child_path("", it.key()), found);
        for (Error& e : found) {
            fields += (fields.empty() ? "" : "; ") + (e.path.empty() ? e.message : e.path.substr(1) + ": " + e.message);
            out.field_errors.push_back(std::move(e));
        }
    }
    if (out.message.empty()) out.message = std::move(fields);
}

std::optional<std::string> giosg_field_path(const std::string& wire) {
    static constexpr FieldRename kRenames[] = {
        {"/is_any_room_allowed", "/rooms"},
        {"/allow_any_room", "/rooms"},
        {"/allowed_rooms", "/rooms"},
        {"/name", "/title"},
    };
    return renamed_field_path(wire, kRenames);
}

std::string giosg_goal_id_of_matches_url(std::string_view url) {
    std::string_view path = url.substr(0, url.find_first_of("?#"));
    while (!path.empty() && path.back() == '/') path.remove_suffix(1);
    constexpr std::string_view kMatches = "/matches";
    if (path.size() < kMatches.size() || path.substr(path.size() - kMatches.size()) != kMatches) return {};
    path.remove_suffix(kMatches.size());
    const size_t slash = path.rfind('/');
    if (slash == std::string_view::npos || slash < 6 || path.substr(slash - 6, 7) != "/goals/") return {};
    return std::string(path.substr(slash + 1));
}

GP_COLD_CODE_END

}  // namespace gp
