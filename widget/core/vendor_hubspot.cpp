// HubSpot CRM goal_targets: lists {results, paging.next.after / link}, bare arrays and single records.
// Every property value is a string. One visible goal is many records, grouped by
// hs_group_correlation_uuid and then hs_goal_target_group_id; each record is one time slice with its own
// target, so a goal's per-interval targets are rebuilt from its records.
//
// Index
// - [SECTION] Wire names
// - [SECTION] Reading records
// - [SECTION] Grouping records into goals
// - [SECTION] Writing
// - [SECTION] HTTP API
#include <algorithm>
#include <unordered_map>

#include "core/calendar.hpp"
#include "core/cold_code.hpp"
#include "core/cold_sort.hpp"
#include "core/json_access.hpp"
#include "core/validate.hpp"
#include "core/vendors.hpp"

namespace gp {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] Wire names
//-----------------------------------------------------------------------------

// Written as listed (the first name of a value); read without regard to case.
constexpr WireName<Direction> kTrackingMethods[] = {{"HIGHER_IS_BETTER", Direction::higher_is_better},
                                                    {"LOWER_IS_BETTER", Direction::lower_is_better}};
constexpr WireName<Unit> kUnitTypes[] = {{"COUNT", Unit::count},
                                         {"CURRENCY", Unit::currency},
                                         {"PERCENTAGE", Unit::percent},
                                         {"PERCENT", Unit::percent},
                                         {"DURATION", Unit::duration}};
constexpr WireName<TrackingMetric> kMetricTypes[] = {{"SUM", TrackingMetric::sum},
                                                     {"COUNT", TrackingMetric::quantity},
                                                     {"AVG", TrackingMetric::average},
                                                     {"AVERAGE", TrackingMetric::average}};
constexpr const char* kCorrelationKey = "hs_group_correlation_uuid";
constexpr const char* kGroupKey = "hs_goal_target_group_id";

// Every property read_properties() reads, for the request's `properties` parameter.
constexpr const char* kReadProperties =
    "hs_goal_name,hs_target_amount,hs_start_datetime,hs_end_datetime,hs_group_correlation_uuid,"
    "hs_goal_target_group_id,hs_assignee_user_id,hs_assignee_team_id,hubspot_owner_id,hubspot_team_id,"
    "hs_kpi_value,hs_kpi_progress_percent,hs_kpi_tracking_method,hs_kpi_unit_type,hs_kpi_metric_type,"
    "hs_goal_target_currency_code,hs_currency";
// Without these a record is no usable goal: the request did not ask for them.
constexpr const char* kEssentialProperties[] = {"hs_goal_name", "hs_target_amount", "hs_start_datetime",
                                                "hs_end_datetime"};

template <class E, size_t N>
const char* wire_name(const WireName<E> (&names)[N], E value) {
    for (const auto& n : names)
        if (n.value == value) return n.name.data();
    return names[0].name.data();
}

//-----------------------------------------------------------------------------
// [SECTION] Reading records
//-----------------------------------------------------------------------------

// One record: the goal-level fields it carries, its own slice, and what was not modelled.
struct Record {
    std::string path;
    std::string correlation;
    std::string group;
    std::optional<TrackingMetric> metric;  // hs_kpi_metric_type, when the record says
    Goal goal;
    IntervalTarget slice;
    bool dated = false;
    Json extra;  // unconsumed keys (properties under "properties")
    bool ok = false;
};

// HubSpot's end instant is exclusive (a month runs to the next month's first midnight); the model's end
// date is inclusive, so an end exactly at midnight belongs to the day before.
Date inclusive_end(TimestampMs end) { return civil_date_of(end - 1); }

void read_properties(ObjectReader& props, Record& rec) {
    Goal& g = rec.goal;
    props.string(kCorrelationKey, rec.correlation);
    props.string(kGroupKey, rec.group);
    props.string("hs_goal_name", g.title);
    props.number("hs_target_amount", rec.slice.target);
    std::optional<TimestampMs> start, end;
    props.timestamp("hs_start_datetime", start);
    props.timestamp("hs_end_datetime", end);
    if (start && end) {
        rec.slice.start = civil_date_of(*start);
        rec.slice.end = inclusive_end(*end);
        rec.dated = true;
    } else if (start || end) {
        props.error(start ? "hs_end_datetime" : "hs_start_datetime", "required",
                    "a goal target needs both its start and its end");
    }
    props.number("hs_kpi_value", rec.slice.reported_value);
    props.number("hs_kpi_progress_percent", rec.slice.reported_percent);
    props.enumeration_or("hs_kpi_tracking_method", kTrackingMethods, g.target.direction, Direction::higher_is_better,
                         "HIGHER_IS_BETTER");
    props.enumeration_or("hs_kpi_unit_type", kUnitTypes, g.target.unit, Unit::count, "a plain number");
    const TrackingMetric by_unit = g.target.unit == Unit::currency ? TrackingMetric::sum : TrackingMetric::quantity;
    TrackingMetric metric = by_unit;
    if (props.enumeration_or("hs_kpi_metric_type", kMetricTypes, metric, by_unit,
                             g.target.unit == Unit::currency ? "SUM (from the unit)" : "COUNT (from the unit)"))
        rec.metric = metric;
    // The currency of a currency target: HubSpot records name it under either key.
    if (!props.string("hs_goal_target_currency_code", g.target.currency_code)) props.string("hs_currency", g.target.currency_code);
    // Who it is for: the documented goal_targets properties, or the CRM owner and team properties that
    // HubSpot's own goals carry (hubspot_owner_id, hubspot_team_id).
    std::string user, team;
    if (props.id("hs_assignee_user_id", user) || props.id("hubspot_owner_id", user)) g.assignee = {AssigneeType::person, user};
    if ((props.id("hs_assignee_team_id", team) || props.id("hubspot_team_id", team)) && user.empty())
        g.assignee = {AssigneeType::team, team};
}

Record read_record(const Json& item, std::string path, ReadContext& ctx) {
    Record rec;
    rec.path = std::move(path);
    const size_t errors_before = ctx.errors->size();
    ObjectReader r = ctx.reader(&item, rec.path);
    if (!r.is_object()) {
        ctx.errors->push_back({rec.path, "type_mismatch", "expected a goal_targets record", 400});
        return rec;
    }
    r.id("id", rec.slice.source_id);
    r.timestamp("createdAt", rec.goal.created_at);
    r.timestamp("updatedAt", rec.goal.updated_at);
    r.boolean("archived", rec.goal.archived);
    ObjectReader props = r.object("properties");
    // A list fetched without `properties` has only HubSpot's defaults: say what to ask for instead of
    // showing an untitled zero.
    if (ctx.warnings && (!props.has("hs_goal_name") || !props.has("hs_target_amount"))) {
        std::string missing;
        for (const char* key : kEssentialProperties)
            if (!props.has(key)) missing += (missing.empty() ? "" : ", ") + std::string(key);
        ctx.warnings->push_back({rec.path + "/properties", "missing_properties",
                                 "the record has no " + missing + "; fetch goal_targets with properties=" + kReadProperties,
                                 200});
    }
    read_properties(props, rec);
    keep_unknown(rec.extra, r);
    keep_unknown(rec.extra, props, {"properties"});
    // The grouping keys are per record, not goal fields: they go back out with their record.
    for (const auto& [key, value] : {std::pair{kCorrelationKey, &rec.correlation}, std::pair{kGroupKey, &rec.group}})
        if (!value->empty()) rec.extra["properties"][key] = *value;
    rec.ok = ctx.errors->size() == errors_before && !ctx.is_tainted(rec.path);
    return rec;
}

//-----------------------------------------------------------------------------
// [SECTION] Grouping records into goals
//-----------------------------------------------------------------------------

Interval interval_of(const IntervalTarget& slice) {
    const int days = slice.end.days - slice.start.days + 1;
    if (days == 7) return Interval::weekly;
    if (days >= 28 && days <= 31) return Interval::monthly;
    if (days >= 89 && days <= 92) return Interval::quarterly;
    if (days == 365 || days == 366) return Interval::yearly;
    return Interval::none;
}

template <class T>
void keep_min(std::optional<T>& into, const std::optional<T>& v) {
    if (v && (!into || *v < *into)) into = v;
}
template <class T>
void keep_max(std::optional<T>& into, const std::optional<T>& v) {
    if (v && (!into || *v > *into)) into = v;
}

// Rebuilds one goal from its records (already sorted by start date).
Goal build_goal(std::vector<Record*>& records, ReadContext& ctx, bool& ok) {
    Record& first = *records.front();
    Goal g = std::move(first.goal);
    g.vendor = Vendor::hubspot;
    g.metric.type = MetricType::sales_quota;
    g.target.tracking = first.metric.value_or(g.target.unit == Unit::currency ? TrackingMetric::sum : TrackingMetric::quantity);
    g.id = !first.group.empty() ? first.group : !first.correlation.empty() ? first.correlation : first.slice.source_id;
    g.target.amount = first.slice.target;
    ok = true;
    Json record_extras = Json::object();
    for (Record* rec : records) {
        ok = ok && rec->ok;
        if (records.size() > 1 && !rec->dated) {
            ctx.errors->push_back({rec->path + "/properties/hs_start_datetime", "required",
                                   "a goal made of several targets needs dates on each", 400});
            ok = false;
        }
        keep_min(g.created_at, rec->goal.created_at);
        keep_max(g.updated_at, rec->goal.updated_at);
        if (!rec->extra.is_null()) record_extras[rec->slice.source_id] = std::move(rec->extra);
        if (!rec->dated) {
            g.reported.value = rec->slice.reported_value;
            g.reported.percent = rec->slice.reported_percent;
            continue;
        }
        keep_min(g.schedule.start, std::optional<Date>(rec->slice.start));
        keep_max(g.schedule.end, std::optional<Date>(rec->slice.end));
        if (rec->slice.reported_value) g.reported.value = g.reported.value.value_or(0) + *rec->slice.reported_value;
        if (rec->slice.reported_percent) g.reported.percent = rec->slice.reported_percent;
        g.schedule.per_interval.push_back(std::move(rec->slice));
    }
    if (!g.schedule.per_interval.empty()) g.schedule.interval = interval_of(g.schedule.per_interval.front());
    if (!record_extras.empty()) g.extra["records"] = std::move(record_extras);
    return g;
}

void group_records(std::vector<Record>& records, ReadContext& ctx, ReadResult& out) {
    std::unordered_map<std::string, size_t> group_of;
    std::vector<std::vector<Record*>> groups;
    group_of.reserve(records.size());
    for (Record& rec : records) {
        // Records with neither key are goals of their own.
        std::string key = rec.correlation + '\x1f' + rec.group;
        if (rec.correlation.empty() && rec.group.empty()) key = "\x1e" + rec.slice.source_id + '\x1f' + rec.path;
        const auto [it, added] = group_of.emplace(std::move(key), groups.size());
        if (added) groups.emplace_back();
        groups[it->second].push_back(&rec);
    }
    out.goals.reserve(out.goals.size() + groups.size());
    for (std::vector<Record*>& group : groups) {
        cold_sort(group, [](const Record* a, const Record* b) { return a->slice.start < b->slice.start; });
        bool ok = false;
        Goal g = build_goal(group, ctx, ok);
        const size_t errors_before = ctx.errors->size();
        if (ok && ctx.options->validate) validate_goal(g, Vendor::hubspot, group.front()->path, *ctx.errors);
        if (ok && ctx.errors->size() == errors_before) out.goals.push_back(std::move(g));
    }
}

void read_record_array(const Json& items, const std::string& path, ReadContext& ctx, ReadResult& out) {
    std::vector<Record> records;
    records.reserve(items.size());
    for (size_t i = 0; i < items.size(); ++i) records.push_back(read_record(items[i], child_path(path, i), ctx));
    group_records(records, ctx, out);
}

}  // namespace

std::string hubspot_goals_url(std::string_view url) {
    const std::string_view before_hash = url.substr(0, url.find('#'));
    const size_t question = before_hash.find('?');
    if (question != std::string_view::npos) {
        std::string_view query = before_hash.substr(question + 1);
        while (!query.empty()) {
            const size_t amp = query.find('&');
            const std::string_view name = query.substr(0, std::min(query.find('='), amp));
            if (name == "properties") return std::string(url);  // the page chose its own
            query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
        }
    }
    std::string out(before_hash);
    out += question == std::string_view::npos ? '?' : '&';
    out += "properties=";
    out += kReadProperties;
    out += url.substr(before_hash.size());
    return out;
}

void read_hubspot(const Json& doc, ReadContext& ctx, ReadResult& out) {
    if (doc.is_array()) return read_record_array(doc, "", ctx, out);
    ObjectReader root = ctx.reader(&doc, "");
    if (!root.has("results")) {
        std::vector<Record> records;
        records.push_back(read_record(doc, "", ctx));
        return group_records(records, ctx, out);
    }
    ObjectReader next = root.object("paging").object("next");
    next.string("after", out.next.cursor);
    next.string("link", out.next.url);
    if (const Json* results = root.array("results")) read_record_array(*results, "/results", ctx, out);
}

//-----------------------------------------------------------------------------
// [SECTION] Writing
//-----------------------------------------------------------------------------
GP_COLD_CODE_BEGIN

namespace {

// A goal from elsewhere with a per-interval target and a bounded schedule is written as one record per
// interval (HubSpot's own shape); past this many intervals it stays one record for the whole schedule.
constexpr size_t kMaxExpandedSlices = 1000;

// The slices to write: the goal's own, or ones made from its schedule and target.
std::vector<IntervalTarget> slices_of(const Goal& g) {
    if (!g.schedule.per_interval.empty()) return g.schedule.per_interval;
    IntervalTarget whole;
    whole.target = g.target.amount;
    whole.source_id = g.id;
    whole.reported_value = g.reported.value;
    whole.reported_percent = g.reported.percent;
    if (g.schedule.start) whole.start = *g.schedule.start;
    if (g.schedule.end) whole.end = *g.schedule.end;
    if (!g.schedule.start || !g.schedule.end || g.schedule.interval == Interval::none) return {whole};
    const std::vector<DateRange> ranges = split_into_intervals({whole.start, whole.end}, g.schedule.interval);
    if (ranges.size() < 2 || ranges.size() > kMaxExpandedSlices) return {whole};
    std::vector<IntervalTarget> slices;
    for (const DateRange& range : ranges) {
        IntervalTarget slice;
        slice.start = range.start;
        slice.end = range.end;
        slice.target = g.target.amount;
        slices.push_back(slice);
    }
    return slices;
}

}  // namespace

void write_hubspot_records(const Goal& g, const std::string& path, WriteContext& ctx, Json& records) {
    if (g.metric.type == MetricType::conversions || !g.conditions.empty()) {
        ctx.errors->push_back({path + "/conditions", "not_representable",
                               "HubSpot goal targets have no conditions: a condition goal has no counterpart", 400});
        return;
    }
    const bool own = g.vendor == Vendor::hubspot;
    const Json* extras = nullptr;
    if (own) {
        const auto it = g.extra.find("records");
        if (it != g.extra.end() && it->is_object()) extras = &*it;
    }
    const bool dated = !g.schedule.per_interval.empty() || (g.schedule.start && g.schedule.end);
    std::vector<IntervalTarget> slices = slices_of(g);
    // An undated goal of HubSpot's own is one record, whose id its extras remember.
    if (g.schedule.per_interval.empty() && extras && extras->size() == 1) slices[0].source_id = extras->begin().key();
    for (size_t i = 0; i < slices.size(); ++i) {
        const IntervalTarget& s = slices[i];
        Json props = json_object({{"hs_goal_name", g.title},
                                  {"hs_target_amount", format_decimal(s.target)},
                                  {"hs_kpi_tracking_method", wire_name(kTrackingMethods, g.target.direction)},
                                  {"hs_kpi_unit_type", wire_name(kUnitTypes, g.target.unit)},
                                  {"hs_kpi_metric_type", wire_name(kMetricTypes, g.target.tracking)}});
        if (!g.target.currency_code.empty()) props["hs_goal_target_currency_code"] = g.target.currency_code;
        if (dated) {
            props["hs_start_datetime"] = format_timestamp(start_of_day(s.start));
            props["hs_end_datetime"] = format_timestamp(start_of_day(Date{s.end.days + 1}));
        }
        if (s.reported_value) props["hs_kpi_value"] = format_decimal(*s.reported_value);
        if (s.reported_percent) props["hs_kpi_progress_percent"] = format_decimal(*s.reported_percent);
        if (g.assignee.type == AssigneeType::person) props["hs_assignee_user_id"] = g.assignee.id;
        if (g.assignee.type == AssigneeType::team) props["hs_assignee_team_id"] = g.assignee.id;
        // Goals from elsewhere get a group id so their slices read back as one goal.
        if (!own && slices.size() > 1) props[kGroupKey] = g.id;
        // Slices made here need ids of their own; a HubSpot record without one stays without.
        const std::string id = s.source_id.empty() && !own ? g.id + "-" + std::to_string(i) : s.source_id;
        Json record = json_object({{"properties", std::move(props)}, {"archived", g.archived}});
        if (!id.empty()) record["id"] = id;
        if (g.created_at) record["createdAt"] = format_timestamp(*g.created_at);
        if (g.updated_at) record["updatedAt"] = format_timestamp(*g.updated_at);
        if (extras) {
            const auto extra = extras->find(id);
            if (extra != extras->end()) merge_missing(record, *extra);
        }
        records.push_back(std::move(record));
    }
}

Json write_hubspot(const std::vector<Goal>& goals, bool single, WriteContext& ctx) {
    Json records = Json::array();
    for (size_t i = 0; i < goals.size(); ++i) write_hubspot_records(goals[i], child_path("", i), ctx, records);
    if (single && records.size() == 1) return std::move(records[0]);
    return json_object({{"results", std::move(records)}});
}

//-----------------------------------------------------------------------------
// [SECTION] HTTP API
//-----------------------------------------------------------------------------

ApiShape hubspot_api_shape() {
    ApiShape shape;
    shape.api_root = "/crm/v3/";
    // paging.next.after, put on the URL already fetched: paging.next.link is an api.hubapi.com URL without
    // the request's properties parameter.
    shape.cursor_param = "after";
    shape.writes = false;  // goal_targets can be read, not written, in this API
    return shape;
}

std::optional<std::string> hubspot_field_path(const std::string& wire) {
    static constexpr FieldRename kRenames[] = {
        {"/properties/hs_start_datetime", "/schedule/start"},
        {"/properties/hs_end_datetime", "/schedule/end"},
        {"/properties/hs_target_amount", "/target/amount"},
    };
    return renamed_field_path(wire, kRenames);
}

GP_COLD_CODE_END

}  // namespace gp
