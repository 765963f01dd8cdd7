// Readers for the CRM data that goals are measured against: Pipedrive deals, activities, deal-flow stage
// changes and currencies; HubSpot deals; team membership; and goalpost's compact canonical event format
// in JSON and CSV (docs/progress.md).
//
// Like the goal readers they never throw: a payload that cannot be read at all is an Error, and a bad
// item is left out and counted in `ignored` with its reason, without taking its neighbours with it.
// Rows whose times are missing or invalid are kept without the time, so that build_event_store() counts
// them as bad_time in one place.
#pragma once

#include <string_view>
#include <vector>

#include "core/events.hpp"
#include "core/model.hpp"

namespace gp {

struct DataReadResult {
    EventRows rows;
    IgnoredTally ignored;
    std::vector<Error> errors;  // the payload as a whole could not be read
    NextPage next;              // Pipedrive next_start / HubSpot paging.next.after
    bool ok() const { return errors.empty(); }
};

struct DataReadOptions {
    size_t max_bytes = 256u * 1024u * 1024u;
    int max_depth = 64;
};

DataReadResult read_pipedrive_deals(std::string_view payload, const DataReadOptions& options = {});
DataReadResult read_pipedrive_activities(std::string_view payload, const DataReadOptions& options = {});
DataReadResult read_pipedrive_deal_flow(std::string_view payload, const DataReadOptions& options = {});
DataReadResult read_hubspot_deals(std::string_view payload, const DataReadOptions& options = {});
// {"deals":[...],"activities":[...],"stage_changes":[...]}: any of the three lists.
DataReadResult read_canonical_json(std::string_view payload, const DataReadOptions& options = {});
// One kind per file, told apart by the header row (docs/progress.md).
DataReadResult read_canonical_csv(std::string_view payload, const DataReadOptions& options = {});
// Detects which of the above a payload is from its shape.
DataReadResult read_events(std::string_view payload, const DataReadOptions& options = {});

struct CurrencyReadResult {
    std::vector<CurrencyInfo> currencies;
    std::vector<Error> errors;
};
CurrencyReadResult read_pipedrive_currencies(std::string_view payload, const DataReadOptions& options = {});

struct MembershipReadResult {
    Membership membership;
    std::vector<Error> errors;
};
// {"users":[...], "teams":[{"id":..,"users":[..]}]} (Pipedrive's /v1/teams items carry "users"; the
// canonical form may say "members"); or Pipedrive's {"data":[teams...]}.
MembershipReadResult read_membership(std::string_view payload, const DataReadOptions& options = {});

}  // namespace gp
