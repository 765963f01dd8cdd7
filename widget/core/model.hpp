// goalpost core: the canonical goal model.
//
// One Goal can hold everything the four vendors' goals express (Pipedrive v1 quotas, HubSpot
// goal_targets slices, giosg v5 rule goals, Zendesk Chat v2 URL goals). Readers fill it, writers
// emit it back in a vendor's wire shape, engines compute from it. The model holds no UI state,
// does no I/O and never reads the clock: times are values passed in.
//
// Index
// - [SECTION] Time values
// - [SECTION] Enumerations (with stable wire names in model_names.cpp)
// - [SECTION] Goal parts
// - [SECTION] Goal
// - [SECTION] Errors and read results
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace gp {

using Json = nlohmann::json;

//-----------------------------------------------------------------------------
// [SECTION] Time values
//-----------------------------------------------------------------------------

// A civil date, counted in days since 1970-01-01 (the same count as date::sys_days).
// Civil dates carry no zone: a goal that runs 2024-01-01..2024-12-31 does so wherever it is viewed.
struct Date {
    int32_t days = 0;
    friend bool operator==(Date a, Date b) { return a.days == b.days; }
    friend bool operator!=(Date a, Date b) { return a.days != b.days; }
    friend bool operator<(Date a, Date b) { return a.days < b.days; }
    friend bool operator<=(Date a, Date b) { return a.days <= b.days; }
    friend bool operator>(Date a, Date b) { return a.days > b.days; }
    friend bool operator>=(Date a, Date b) { return a.days >= b.days; }
};

// A UTC instant in milliseconds since the Unix epoch.
using TimestampMs = int64_t;

// The first and last instant some data holds, both inclusive.
struct TimeSpan {
    TimestampMs first = 0;
    TimestampMs last = 0;
};

//-----------------------------------------------------------------------------
// [SECTION] Enumerations
//-----------------------------------------------------------------------------

enum class Vendor : uint8_t { unknown, pipedrive, hubspot, giosg, zendesk };

enum class AssigneeType : uint8_t { none, person, team, company };

// What a goal measures. The first six are Pipedrive's type.name values; sales_quota is HubSpot's
// revenue quota; conversions covers condition goals (giosg, Zendesk) whose progress is a match count
// or value.
enum class MetricType : uint8_t {
    none,
    deals_won,
    deals_started,
    deals_progressed,
    activities_added,
    activities_completed,
    revenue_forecast,
    sales_quota,
    conversions,
};

// How a goal's figure comes about: counted, summed, or an average (HubSpot's AVG KPIs: a level such as a
// mean reply time, which is neither pro-rated over a period nor added up across slices).
enum class TrackingMetric : uint8_t { quantity, sum, average };
enum class Unit : uint8_t { count, currency, duration, percent };
enum class Direction : uint8_t { higher_is_better, lower_is_better };
enum class Interval : uint8_t { none, weekly, monthly, quarterly, yearly };

enum class ConditionField : uint8_t {
    url,           // the full URL
    path,
    query,
    host,
    title,
    referrer,
    event_name,
    event_value,
    giosg_code,    // a giosg integer code whose meaning comes from the mapping table
};

enum class ConditionOp : uint8_t {
    equals,
    contains,
    starts_with,
    ends_with,
    wildcard,
    greater,
    less,
    unsupported,   // a code or operator we cannot evaluate: never silently matched
};

enum class Combinator : uint8_t { any, all };
enum class CountingMode : uint8_t { every, once_per_page, once_per_session, once_per_visitor };
enum class AttributionModel : uint8_t { none, first_touch, last_touch };

//-----------------------------------------------------------------------------
// [SECTION] Goal parts
//-----------------------------------------------------------------------------

struct Assignee {
    AssigneeType type = AssigneeType::none;
    std::string id;
    bool operator==(const Assignee& o) const { return type == o.type && id == o.id; }
};

struct Metric {
    MetricType type = MetricType::none;
    // nullopt means "all pipelines" / "all activity types" (the vendors' null).
    std::optional<std::vector<int64_t>> pipeline_ids;
    std::optional<int64_t> stage_id;
    std::optional<std::vector<int64_t>> activity_type_ids;
    bool operator==(const Metric& o) const {
        return type == o.type && pipeline_ids == o.pipeline_ids && stage_id == o.stage_id &&
               activity_type_ids == o.activity_type_ids;
    }
};

struct Target {
    double amount = 0;
    TrackingMetric tracking = TrackingMetric::quantity;
    std::optional<int64_t> currency_id;  // Pipedrive's numeric currency id
    std::string currency_code;           // ISO code where known ("EUR")
    Unit unit = Unit::count;
    Direction direction = Direction::higher_is_better;
    bool operator==(const Target& o) const {
        return amount == o.amount && tracking == o.tracking && currency_id == o.currency_id &&
               currency_code == o.currency_code && unit == o.unit && direction == o.direction;
    }
};

// One interval's own target, where the vendor gives one (HubSpot: one record per time slice).
struct IntervalTarget {
    Date start;
    Date end;             // inclusive
    double target = 0;
    std::string source_id;  // the vendor record this slice came from
    std::optional<double> reported_value;
    std::optional<double> reported_percent;  // HubSpot hs_kpi_progress_percent, per slice
    bool operator==(const IntervalTarget& o) const {
        return start == o.start && end == o.end && target == o.target && source_id == o.source_id &&
               reported_value == o.reported_value && reported_percent == o.reported_percent;
    }
};

struct Schedule {
    std::optional<Date> start;
    std::optional<Date> end;  // nullopt: open-ended
    Interval interval = Interval::none;
    std::vector<IntervalTarget> per_interval;
    bool operator==(const Schedule& o) const {
        return start == o.start && end == o.end && interval == o.interval && per_interval == o.per_interval;
    }
};

struct Condition {
    ConditionField field = ConditionField::url;
    ConditionOp op = ConditionOp::equals;
    std::string value;
    bool negate = false;
    bool case_sensitive = false;
    std::optional<int> vendor_code;  // giosg's integer condition type, kept for round trips
    Json settings;                   // giosg's opaque per-condition settings, kept as given
    bool operator==(const Condition& o) const {
        return field == o.field && op == o.op && value == o.value && negate == o.negate &&
               case_sensitive == o.case_sensitive && vendor_code == o.vendor_code && settings == o.settings;
    }
};

struct Attribution {
    AttributionModel model = AttributionModel::none;
    int window_days = 0;
    bool operator==(const Attribution& o) const { return model == o.model && window_days == o.window_days; }
};

struct RoomScope {
    bool any_room = true;
    std::vector<std::string> allowed_rooms;
    bool operator==(const RoomScope& o) const { return any_room == o.any_room && allowed_rooms == o.allowed_rooms; }
};

// Progress as the vendor reported it (Pipedrive results, HubSpot hs_kpi_*). The engines compute their
// own; this is what the source said, shown for comparison.
struct ReportedProgress {
    std::optional<double> value;
    std::optional<double> percent;
    bool operator==(const ReportedProgress& o) const { return value == o.value && percent == o.percent; }
};

//-----------------------------------------------------------------------------
// [SECTION] Goal
//-----------------------------------------------------------------------------

struct Goal {
    std::string id;
    Vendor vendor = Vendor::unknown;
    std::string title;
    std::string description;
    bool active = true;
    bool archived = false;
    bool deleted = false;
    std::optional<TimestampMs> created_at;
    std::optional<TimestampMs> updated_at;

    Assignee assignee;
    Metric metric;
    Target target;
    Schedule schedule;

    std::vector<Condition> conditions;
    Combinator combinator = Combinator::any;
    CountingMode counting = CountingMode::every;
    Attribution attribution;
    RoomScope rooms;
    std::optional<double> default_value;

    ReportedProgress reported;

    // Fields the reader did not model, kept so that a write gives them back (never fatal).
    Json extra = Json::object();

    bool operator==(const Goal& o) const {
        return id == o.id && vendor == o.vendor && title == o.title && description == o.description &&
               active == o.active && archived == o.archived && deleted == o.deleted &&
               created_at == o.created_at && updated_at == o.updated_at && assignee == o.assignee &&
               metric == o.metric && target == o.target && schedule == o.schedule &&
               conditions == o.conditions && combinator == o.combinator && counting == o.counting &&
               attribution == o.attribution && rooms == o.rooms && default_value == o.default_value &&
               reported == o.reported && extra == o.extra;
    }
};

// An editor or page edit in canonical form (the UI's editor saves Goals, not wire JSON); the vendor layer
// (vendor_api.hpp) turns one into the vendor's request.
enum class GoalEdit : uint8_t { create, update, remove };

//-----------------------------------------------------------------------------
// [SECTION] Errors and read results
//-----------------------------------------------------------------------------

// Errors are values, never exceptions. `path` names the place, JSON-pointer style ("/data/goals/3/title").
struct Error {
    std::string path;
    std::string code;     // stable machine code, e.g. "type_mismatch", "required", "bad_date"
    std::string message;  // one human sentence
    int status = 400;     // the status the vendor would answer with
};

// Where the next page of a paged list is, in the vendor's own scheme.
struct NextPage {
    std::string url;     // giosg `next`, HubSpot `paging.next.link`
    std::string cursor;  // HubSpot `paging.next.after`, Pipedrive `next_start`
    bool has_more() const { return !url.empty() || !cursor.empty(); }
};

struct ReadResult {
    Vendor vendor = Vendor::unknown;
    std::vector<Goal> goals;     // every valid goal, even when others in the payload were bad
    std::vector<Error> errors;   // one entry per problem, each naming its place
    // Odd but usable values (an unknown optional enum value read as its fallback, a property the request
    // did not ask for): the goal is kept, and these say what was assumed. Same shape as errors.
    std::vector<Error> warnings;
    NextPage next;
    bool ok() const { return errors.empty(); }
};

}  // namespace gp
