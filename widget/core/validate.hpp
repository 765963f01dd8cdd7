// Validation by each vendor's rules. Every failure is an Error {path, code, message, status} whose path
// uses the vendor's own wire names ("/expected_outcome/currency_id"), so it points into the payload.
//
// The readers already report what the wire itself gets wrong (types, enums, dates that do not exist);
// these are the rules between fields, the requiredness of a create body, and the rules across goals.
#pragma once

#include <string>
#include <vector>

#include "core/model.hpp"

namespace gp {

constexpr int kZendeskActiveGoalLimit = 5;
constexpr int kZendeskMinAttributionDays = 1;
constexpr int kZendeskMaxAttributionDays = 30;

// The rules on one goal in `vendor`'s model:
// - all: the schedule's start is not after its end;
// - Pipedrive: stage_id only for deals_progressed, activity_type_id only for activities_*, currency_id only
//   with the sum tracking metric;
// - Zendesk: attribution_period within 1..30, an `equals` url value starting with http:// or https://;
// - giosg: allowed_rooms required unless any room is allowed.
void validate_goal(const Goal& g, Vendor vendor, const std::string& path, std::vector<Error>& errors);

// The fields a create (POST, or giosg PUT) body must carry, checked on the raw JSON because the model
// cannot tell an absent field from its default.
void validate_create_body(const Json& body, Vendor vendor, const std::string& path, std::vector<Error>& errors);

// Rules across goals: at most kZendeskActiveGoalLimit active Zendesk goals ("Goals limit exceeded").
// `paths[i]` names goals[i] in the errors (may be empty: "/<i>" is used).
void validate_collection(const std::vector<Goal>& goals, Vendor vendor, std::vector<Error>& errors,
                         const std::vector<std::string>& paths = {});

// The error for an attribution period outside 1..30, shared by the Zendesk reader and the rules above.
Error attribution_period_error(const std::string& path, long long days);
Error goals_limit_error(const std::string& path);

}  // namespace gp
