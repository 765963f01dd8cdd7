// A client-side goal store with the vendors' API semantics, for the browser widget and the static demo
// (which has no server). No I/O and no clock: the caller passes `now` to the operations that stamp times.
//
// One store holds one vendor's goals and answers like that vendor's API would:
// - Pipedrive v1: find (dot-notation filters, is_active defaulting to true, period overlap), get, add
//   (returns the created goal), partial update, soft delete (the goal is marked deleted and disappears
//   from find/get);
// - Zendesk Chat v2: list, show, create, update, delete (at most 5 active goals: "Goals limit exceeded");
// - giosg v5: paged list (sorted by creation time, `next` as a full URL), get, create, PUT, PATCH, DELETE.
// HubSpot goal_targets are read-only in their API: the store lists and gets them, and refuses writes (405).
// Every result carries the status the vendor would answer with and a body in the vendor's wire shape.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/model.hpp"
#include "core/read.hpp"

namespace gp {

class GiosgCodeTable;

struct StoreOptions {
    std::string giosg_list_url = "https://service.giosg.com/api/v5/orgs/demo/goals";  // base of `next`/`previous`
    size_t giosg_page_size = 20;
    const GiosgCodeTable* giosg_codes = nullptr;  // nullptr: GiosgCodeTable::builtin()
};

struct StoreResult {
    int status = 200;
    std::vector<Goal> goals;    // what the operation returns: found, fetched, created or updated goals
    std::vector<Error> errors;  // why it failed, each naming its place (a body field or a query key)
    NextPage next;              // giosg pages
    Json body;                  // the response body as the vendor shapes it (null for 204 No Content)
    bool ok() const { return status >= 200 && status < 300; }
};

// Query parameters in request order, e.g. {{"type.name", "deals_won"}, {"is_active", "false"}}.
using Query = std::vector<std::pair<std::string, std::string>>;

class GoalStore {
public:
    explicit GoalStore(Vendor vendor, StoreOptions options = {});

    // Replaces the contents with the valid goals of a payload; the result lists the invalid ones.
    ReadResult load(std::string_view payload, ReadOptions options = {});
    void set_goals(std::vector<Goal> goals);
    const std::vector<Goal>& goals() const { return goals_; }  // deleted Pipedrive goals included
    Vendor vendor() const { return vendor_; }

    StoreResult find(const Query& filters) const;  // Pipedrive GET /v1/goals/find
    StoreResult list(size_t page = 1) const;       // the vendor's list; `page` is giosg's (1-based)
    StoreResult get(std::string_view id) const;
    StoreResult create(const Json& body, TimestampMs now);
    // Partial update: Pipedrive PUT, Zendesk PUT, giosg PATCH. Fields absent from `body` keep their values.
    StoreResult update(std::string_view id, const Json& body, TimestampMs now);
    // Full replacement: giosg PUT (the body must be complete, as for a create).
    StoreResult replace(std::string_view id, const Json& body, TimestampMs now);
    StoreResult remove(std::string_view id, TimestampMs now);

private:
    Goal* live_goal(std::string_view id);
    const Goal* live_goal(std::string_view id) const;
    bool read_body(const Json& item, Goal& out, StoreResult& result) const;
    StoreResult respond(int status, std::vector<Goal> goals, bool single) const;
    StoreResult fail(int status, std::vector<Error> errors) const;
    StoreResult store_edit(Goal* current, const Json& item, TimestampMs now);
    std::string new_id();

    Vendor vendor_;
    StoreOptions options_;
    std::vector<Goal> goals_;
    long long next_id_ = 1;
};

}  // namespace gp
