// Fuzz target for Pipedrive's /v1/goals/find query: lines "key=value" as a page or the CLI passes them,
// run over a fixed set of goals. Beyond "no crash": a 200 answer lists only goals of the store, and a
// failed one names at least one error.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/goal_store.hpp"
#include "core/read.hpp"

namespace {

const char* const kGoals = R"({"success": true, "data": {"goals": [
  {"id": 1, "title": "Won", "type": {"name": "deals_won", "params": {"pipeline_id": [1, 2]}},
   "assignee": {"id": 7, "type": "person"}, "expected_outcome": {"target": 10, "tracking_metric": "quantity"},
   "duration": {"start": "2026-01-01", "end": "2026-12-31"}, "interval": "monthly", "is_active": true},
  {"id": 2, "title": "Calls", "type": {"name": "activities_added", "params": {"activity_type_id": [3]}},
   "assignee": {"id": 1, "type": "company"}, "expected_outcome": {"target": 40, "tracking_metric": "quantity"},
   "duration": {"start": "2025-01-01", "end": null}, "interval": "weekly", "is_active": false},
  {"id": 3, "title": "Revenue", "type": {"name": "deals_won", "params": {"pipeline_id": null}},
   "assignee": {"id": 4, "type": "team"}, "expected_outcome": {"target": 5000, "tracking_metric": "sum", "currency_id": 1},
   "duration": {"start": "2026-04-01", "end": "2026-06-30"}, "interval": "quarterly", "is_active": true}]}})";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const gp::ReadResult goals = gp::read_goals(kGoals);
    gp::GoalStore store(gp::Vendor::pipedrive);
    store.set_goals(goals.goals);
    gp::Query query;
    std::string_view text(reinterpret_cast<const char*>(data), size);
    while (!text.empty() && query.size() < 16) {
        const size_t nl = text.find('\n');
        const std::string_view line = text.substr(0, nl);
        text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
        const size_t eq = line.find('=');
        if (eq != std::string_view::npos) query.emplace_back(std::string(line.substr(0, eq)), std::string(line.substr(eq + 1)));
    }
    const gp::StoreResult found = store.find(query);
    if (found.ok()) {
        for (const gp::Goal& g : found.goals)
            if (g.id != "1" && g.id != "2" && g.id != "3") std::abort();
    } else if (found.errors.empty()) {
        std::abort();
    }
    return 0;
}
