// Pipedrive goals v1: goal objects and the envelopes
//   {success, data: {goals: [...]}}, {success, data: {goal}}, {success, data: {progress, goal}}.
// A target may come as a string or a number; pipeline_id / activity_type_id null means "all".
//
// Index
// - [SECTION] Wire names
// - [SECTION] Reading
// - [SECTION] Writing
// - [SECTION] HTTP API
#include <algorithm>

#include "core/calendar.hpp"
#include "core/cold_code.hpp"
#include "core/json_access.hpp"
#include "core/model_names.hpp"
#include "core/vendors.hpp"

namespace gp {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] Wire names
//-----------------------------------------------------------------------------

constexpr WireName<MetricType> kGoalTypes[] = {{"deals_won", MetricType::deals_won},
                                               {"deals_progressed", MetricType::deals_progressed},
                                               {"activities_completed", MetricType::activities_completed},
                                               {"activities_added", MetricType::activities_added},
                                               {"deals_started", MetricType::deals_started},
                                               {"revenue_forecast", MetricType::revenue_forecast}};
constexpr WireName<AssigneeType> kAssigneeTypes[] = {
    {"person", AssigneeType::person}, {"company", AssigneeType::company}, {"team", AssigneeType::team}};
constexpr WireName<TrackingMetric> kTrackingMetrics[] = {{"quantity", TrackingMetric::quantity},
                                                         {"sum", TrackingMetric::sum}};
constexpr WireName<Interval> kIntervals[] = {{"weekly", Interval::weekly},
                                             {"monthly", Interval::monthly},
                                             {"quarterly", Interval::quarterly},
                                             {"yearly", Interval::yearly}};

bool is_activity_metric(MetricType t) { return t == MetricType::activities_added || t == MetricType::activities_completed; }

//-----------------------------------------------------------------------------
// [SECTION] Reading
//-----------------------------------------------------------------------------

void read_type(ObjectReader& r, Goal& g) {
    ObjectReader type = r.object("type");
    type.enumeration("name", kGoalTypes, g.metric.type);
    ObjectReader params = type.object("params");
    params.integer_list("pipeline_id", g.metric.pipeline_ids);
    params.integer("stage_id", g.metric.stage_id);
    params.integer_list("activity_type_id", g.metric.activity_type_ids);
    keep_unknown(g.extra, type, {"type"});
    keep_unknown(g.extra, params, {"type", "params"});
}

void read_outcome(ObjectReader& r, Goal& g) {
    ObjectReader outcome = r.object("expected_outcome");
    outcome.number("target", g.target.amount);
    outcome.enumeration("tracking_metric", kTrackingMetrics, g.target.tracking);
    outcome.integer("currency_id", g.target.currency_id);
    g.target.unit = g.target.tracking == TrackingMetric::sum ? Unit::currency : Unit::count;
    keep_unknown(g.extra, outcome, {"expected_outcome"});
}

// The envelope's {data: {...}} part: a list, one goal, or a goal with its results.
void read_data(const Json& data, ReadContext& ctx, ReadResult& out) {
    if (data.is_array()) return read_goal_items(data, Vendor::pipedrive, "/data", ctx, out);
    ObjectReader r = ctx.reader(&data, "/data");
    if (!r.is_object()) {
        ctx.errors->push_back({"/data", "type_mismatch", "expected an object or an array", 400});
        return;
    }
    if (const Json* goals = r.array("goals")) return read_goal_items(*goals, Vendor::pipedrive, "/data/goals", ctx, out);
    const Json* goal = r.raw("goal");
    if (!goal) {
        if (!r.has("goals")) ctx.errors->push_back({"/data/goals", "required", "expected data.goals or data.goal", 400});
        return;
    }
    Goal g;
    std::optional<double> progress;
    const size_t errors_before = ctx.errors->size();
    r.number("progress", progress);
    if (read_goal_item(*goal, Vendor::pipedrive, "/data/goal", ctx, g) && ctx.errors->size() == errors_before) {
        if (progress) g.reported.value = progress;
        out.goals.push_back(std::move(g));
    }
}

}  // namespace

bool read_pipedrive_goal(const Json& item, const std::string& path, ReadContext& ctx, Goal& g) {
    const size_t errors_before = ctx.errors->size();
    ObjectReader r = ctx.reader(&item, path);
    if (!r.is_object()) {
        ctx.errors->push_back({path, "type_mismatch", "expected a goal object", 400});
        return false;
    }
    g.vendor = Vendor::pipedrive;
    r.id("id", g.id);
    r.string("title", g.title);
    r.boolean("is_active", g.active);
    r.boolean("is_deleted", g.deleted);
    ObjectReader assignee = r.object("assignee");
    assignee.id("id", g.assignee.id);
    assignee.enumeration("type", kAssigneeTypes, g.assignee.type);
    keep_unknown(g.extra, assignee, {"assignee"});
    read_type(r, g);
    read_outcome(r, g);
    ObjectReader duration = r.object("duration");
    duration.date("start", g.schedule.start);
    duration.date("end", g.schedule.end);
    keep_unknown(g.extra, duration, {"duration"});
    r.enumeration("interval", kIntervals, g.schedule.interval);
    r.number("progress", g.reported.value);
    keep_unknown(g.extra, r);
    return ctx.errors->size() == errors_before;
}

void read_pipedrive(const Json& doc, ReadContext& ctx, ReadResult& out) {
    if (doc.is_array()) return read_goal_items(doc, Vendor::pipedrive, "", ctx, out);
    ObjectReader root = ctx.reader(&doc, "");
    if (!root.is_object()) {
        ctx.errors->push_back({"", "type_mismatch", "expected a Pipedrive response object", 400});
        return;
    }
    bool success = true;
    root.boolean("success", success);
    if (!success) {
        std::string message = "the response reports success: false";
        root.string("error", message);
        ctx.errors->push_back({"", "vendor_error", message, 400});
        return;
    }
    // List pages: the next page starts at next_start while more items remain.
    ObjectReader pagination = root.object("additional_data").object("pagination");
    bool more = false;
    pagination.boolean("more_items_in_collection", more);
    if (more) pagination.id("next_start", out.next.cursor);
    if (const Json* data = root.raw("data")) {
        if (!data->is_null()) read_data(*data, ctx, out);
        return;
    }
    // No envelope: a bare goal object.
    Goal g;
    if (read_goal_item(doc, Vendor::pipedrive, "", ctx, g)) out.goals.push_back(std::move(g));
}

//-----------------------------------------------------------------------------
// [SECTION] Writing
//-----------------------------------------------------------------------------
GP_COLD_CODE_BEGIN

namespace {

Json id_list(const std::optional<std::vector<int64_t>>& ids) { return ids ? Json(*ids) : Json(nullptr); }

// HubSpot's revenue quota is the closest Pipedrive type; condition goals have none.
std::optional<MetricType> pipedrive_type(MetricType t) {
    if (t == MetricType::sales_quota) return MetricType::deals_won;
    if (t == MetricType::conversions || t == MetricType::none) return std::nullopt;
    return t;
}

}  // namespace

Json write_pipedrive_goal(const Goal& g, const std::string& path, WriteContext& ctx) {
    Json o = Json::object();
    if (!g.id.empty()) o["id"] = g.id;
    o["title"] = g.title;
    if (g.assignee.type != AssigneeType::none || !g.assignee.id.empty()) {
        Json assignee = json_object({{"id", id_json(g.assignee.id)}});
        if (g.assignee.type != AssigneeType::none) assignee["type"] = name_of(g.assignee.type);
        o["assignee"] = std::move(assignee);
    }
    const std::optional<MetricType> type = pipedrive_type(g.metric.type);
    if (!type) {
        ctx.errors->push_back({path + "/metric", "not_representable",
                               "a " + std::string(name_of(g.metric.type)) + " goal has no Pipedrive goal type", 400});
        return Json();
    }
    // Pipedrive counts deals or activities, or sums deal values, and more is always better: anything else
    // would be written as a goal that means something different.
    if (g.target.tracking == TrackingMetric::average) {
        ctx.errors->push_back({path + "/target/tracking", "not_representable",
                               "an average has no Pipedrive tracking metric (Pipedrive counts or sums)", 400});
        return Json();
    }
    if (g.target.unit == Unit::duration || g.target.unit == Unit::percent) {
        ctx.errors->push_back({path + "/target/unit", "not_representable",
                               "a " + std::string(name_of(g.target.unit)) + " target has no Pipedrive counterpart", 400});
        return Json();
    }
    if (g.target.direction == Direction::lower_is_better) {
        ctx.errors->push_back({path + "/target/direction", "not_representable",
                               "Pipedrive goals are all higher-is-better: a lower-is-better target would read as its opposite",
                               400});
        return Json();
    }
    const std::vector<IntervalTarget>& slices = g.schedule.per_interval;
    const bool seasonal = std::any_of(slices.begin(), slices.end(),
                                      [&](const IntervalTarget& s) { return s.target != slices.front().target; });
    if (seasonal)
        ctx.warn(path + "/schedule/per_interval", "targets_collapsed",
                 "the targets differ by interval (" + format_decimal(slices.front().target) + " first); Pipedrive has one "
                 "target per interval, so " + format_decimal(g.target.amount) + " is written for every interval");
    Json params = json_object({{"pipeline_id", id_list(g.metric.pipeline_ids)}});
    if (g.metric.stage_id) params["stage_id"] = *g.metric.stage_id;
    if (g.metric.activity_type_ids || is_activity_metric(*type)) params["activity_type_id"] = id_list(g.metric.activity_type_ids);
    o["type"] = json_object({{"name", name_of(*type)}, {"params", std::move(params)}});
    Json outcome = json_object({{"target", number_json(g.target.amount)}, {"tracking_metric", name_of(g.target.tracking)}});
    if (g.target.currency_id) outcome["currency_id"] = *g.target.currency_id;
    o["expected_outcome"] = std::move(outcome);
    o["duration"] = json_object({{"start", g.schedule.start ? Json(format_civil_date(*g.schedule.start)) : Json(nullptr)},
                                 {"end", g.schedule.end ? Json(format_civil_date(*g.schedule.end)) : Json(nullptr)}});
    if (g.schedule.interval != Interval::none) o["interval"] = name_of(g.schedule.interval);
    o["is_active"] = g.active;
    if (g.deleted) o["is_deleted"] = true;
    if (g.reported.value) o["progress"] = number_json(*g.reported.value);
    if (g.vendor == Vendor::pipedrive) merge_missing(o, g.extra);
    return o;
}

Json write_pipedrive(const std::vector<Goal>& goals, bool single, WriteContext& ctx) {
    Json items = write_items(goals, ctx, write_pipedrive_goal);
    Json data;
    if (single && items.size() == 1) data = json_object({{"goal", std::move(items[0])}});
    else data = json_object({{"goals", std::move(items)}});
    return json_object({{"success", true}, {"data", std::move(data)}});
}

//-----------------------------------------------------------------------------
// [SECTION] HTTP API
//-----------------------------------------------------------------------------

ApiShape pipedrive_api_shape() {
    ApiShape shape;
    shape.api_root = "/v1/";
    shape.cursor_param = "start";  // pagination.next_start
    shape.list_suffix = "/find";   // GET /v1/goals/find lists; the writes go to /v1/goals
    shape.update = HttpMethod::put;
    return shape;
}

Json pipedrive_request_body(const Goal& g, GoalEdit /*edit*/, WriteContext& ctx) {
    Json item = write_pipedrive_goal(g, "", ctx);
    if (item.is_null()) return item;
    // Add and update take the same fields (an add needs all but the title; validate_create_body checks).
    // The id goes in the path; is_active, is_deleted and progress are the server's, and whatever else the
    // reader kept is not part of either request.
    if (!g.active)
        ctx.warn("/active", "active_not_sent",
                 "Pipedrive's add and update take no is_active: the goal stays as active as the server has it");
    return documented_fields(item, {"title", "assignee.id", "assignee.type", "type.name", "type.params.pipeline_id",
                                    "type.params.stage_id", "type.params.activity_type_id", "expected_outcome.target",
                                    "expected_outcome.tracking_metric", "expected_outcome.currency_id",
                                    "duration.start", "duration.end", "interval"});
}

void pipedrive_reply(const Json& doc, bool success, ReplyBody& out) {
    std::vector<Error> ignored;  // a reply's odd member types are no error of the goal's
    ObjectReader root(&doc, "", ignored);
    bool reported = true;
    root.boolean("success", reported);
    out.refused = !reported;
    if (!success || !reported) {
        // error is the sentence; error_info, where sent, mostly points at the docs.
        if (!root.string("error", out.message)) root.string("error_info", out.message);
        return;
    }
    // {data: {goal}} or the goal as data itself.
    const Json* data = root.raw("data");
    if (!data || !data->is_object()) return;
    const Json* goal = member(*data, "goal");
    out.goal = goal && goal->is_object() ? goal : data;
}

std::optional<std::string> pipedrive_field_path(const std::string& wire) {
    static constexpr FieldRename kRenames[] = {
        {"/expected_outcome/target", "/target/amount"},
        {"/expected_outcome/currency_id", "/target/currency_code"},
        {"/expected_outcome/tracking_metric", "/target/tracking"},
        {"/type/params", "/metric"},
        {"/type", "/metric"},
        {"/duration/start", "/schedule/start"},
        {"/duration/end", "/schedule/end"},
        {"/interval", "/schedule/interval"},
        {"/is_active", "/active"},
    };
    return renamed_field_path(wire, kRenames);
}

GP_COLD_CODE_END

}  // namespace gp
