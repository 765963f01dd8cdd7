// Index
// - [SECTION] Shared errors
// - [SECTION] Rules on one goal, per vendor
// - [SECTION] Create bodies
// - [SECTION] Collections
#include "core/validate.hpp"

#include "core/cold_code.hpp"
#include "core/json_access.hpp"

namespace gp {

//-----------------------------------------------------------------------------
// [SECTION] Shared errors
//-----------------------------------------------------------------------------

Error attribution_period_error(const std::string& path, long long days) {
    return {path, "out_of_range",
            "attribution_period must be between " + std::to_string(kZendeskMinAttributionDays) + " and " +
                std::to_string(kZendeskMaxAttributionDays) + " days, got " + std::to_string(days),
            400};
}

// Zendesk gives no status for this error; 400 is what its API answers other invalid bodies with.
Error goals_limit_error(const std::string& path) { return {path, "limit_exceeded", "Goals limit exceeded", 400}; }

namespace {

void add(std::vector<Error>& errors, const std::string& path, const char* field, const char* code, std::string message) {
    errors.push_back({path + field, code, std::move(message), 400});
}

bool is_activity_metric(MetricType t) { return t == MetricType::activities_added || t == MetricType::activities_completed; }

bool starts_with(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

//-----------------------------------------------------------------------------
// [SECTION] Rules on one goal, per vendor
//-----------------------------------------------------------------------------

const char* schedule_end_field(Vendor vendor) {
    switch (vendor) {
        case Vendor::pipedrive: return "/duration/end";
        case Vendor::hubspot: return "/properties/hs_end_datetime";
        default: return "/end";
    }
}

void validate_pipedrive(const Goal& g, const std::string& path, std::vector<Error>& errors) {
    if (g.metric.stage_id && g.metric.type != MetricType::deals_progressed)
        add(errors, path, "/type/params/stage_id", "not_allowed", "stage_id applies only to deals_progressed goals");
    if (g.metric.activity_type_ids && !is_activity_metric(g.metric.type))
        add(errors, path, "/type/params/activity_type_id", "not_allowed",
            "activity_type_id applies only to activities_completed and activities_added goals");
    if (g.target.currency_id && g.target.tracking != TrackingMetric::sum)
        add(errors, path, "/expected_outcome/currency_id", "not_allowed",
            "currency_id applies only to goals tracked by sum");
    if (g.target.amount < 0) add(errors, path, "/expected_outcome/target", "out_of_range", "target cannot be negative");
}

void validate_zendesk(const Goal& g, const std::string& path, std::vector<Error>& errors) {
    const int days = g.attribution.window_days;
    if (days != 0 && (days < kZendeskMinAttributionDays || days > kZendeskMaxAttributionDays))
        errors.push_back(attribution_period_error(path + "/attribution_period", days));
    for (size_t i = 0; i < g.conditions.size(); ++i) {
        const Condition& c = g.conditions[i];
        if (c.op != ConditionOp::equals || starts_with(c.value, "http://") || starts_with(c.value, "https://")) continue;
        errors.push_back({child_path(path + "/settings/conditions", i) + "/value", "bad_url",
                          "an equals condition's value must start with http:// or https://", 400});
    }
}

void validate_giosg(const Goal& g, const std::string& path, std::vector<Error>& errors) {
    if (!g.rooms.any_room && g.rooms.allowed_rooms.empty())
        add(errors, path, "/allowed_rooms", "required", "allowed_rooms is required unless any room is allowed");
}

}  // namespace

void validate_goal(const Goal& g, Vendor vendor, const std::string& path, std::vector<Error>& errors) {
    if (g.schedule.start && g.schedule.end && *g.schedule.end < *g.schedule.start)
        add(errors, path, schedule_end_field(vendor), "bad_range", "the end date is before the start date");
    switch (vendor) {
        case Vendor::pipedrive: validate_pipedrive(g, path, errors); break;
        case Vendor::zendesk: validate_zendesk(g, path, errors); break;
        case Vendor::giosg: validate_giosg(g, path, errors); break;
        default: break;
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Create bodies
//-----------------------------------------------------------------------------
GP_COLD_CODE_BEGIN

namespace {

// Requires every dotted field in `fields` ("assignee.id") to be present and not null.
void require(const Json& body, const std::string& path, std::initializer_list<const char*> fields,
             std::vector<Error>& errors) {
    for (const char* dotted : fields) {
        const Json* at = &body;
        std::string at_path = path;
        std::string_view rest = dotted;
        while (at) {
            const size_t dot = rest.find('.');
            const std::string_view key = rest.substr(0, dot);
            at_path = child_path(at_path, key);
            at = member(*at, key);
            if (!at) {
                errors.push_back({at_path, "required", std::string(dotted) + " is required", 400});
                break;
            }
            if (dot == std::string_view::npos) break;
            rest = rest.substr(dot + 1);
        }
    }
}

}  // namespace

void validate_create_body(const Json& body, Vendor vendor, const std::string& path, std::vector<Error>& errors) {
    if (!body.is_object()) {
        errors.push_back({path, "type_mismatch", "the request body must be a JSON object", 400});
        return;
    }
    switch (vendor) {
        case Vendor::pipedrive:
            require(body, path,
                    {"assignee.id", "assignee.type", "type.name", "expected_outcome.target",
                     "expected_outcome.tracking_metric", "duration.start", "interval"},
                    errors);
            break;
        case Vendor::giosg: {
            require(body, path, {"name", "conditions"}, errors);
            const bool any_room_given = member(body, "is_any_room_allowed") || member(body, "allow_any_room");
            if (!any_room_given) errors.push_back({path + "/is_any_room_allowed", "required", "is_any_room_allowed is required", 400});
            break;
        }
        default: break;  // Zendesk marks no field mandatory; HubSpot goal_targets are read-only
    }
}

GP_COLD_CODE_END

//-----------------------------------------------------------------------------
// [SECTION] Collections
//-----------------------------------------------------------------------------

void validate_collection(const std::vector<Goal>& goals, Vendor vendor, std::vector<Error>& errors,
                         const std::vector<std::string>& paths) {
    if (vendor != Vendor::zendesk) return;
    int active = 0;
    for (size_t i = 0; i < goals.size(); ++i) {
        if (!goals[i].active || goals[i].deleted) continue;
        if (++active > kZendeskActiveGoalLimit)
            errors.push_back(goals_limit_error(i < paths.size() ? paths[i] : child_path("", i)));
    }
}

}  // namespace gp
