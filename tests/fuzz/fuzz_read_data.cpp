// Fuzz target for the CRM data readers (deals, activities, stage changes in every format read_events
// detects, the canonical CSV, Pipedrive currencies, team membership). Beyond "no crash": a payload read
// without errors keeps every row it counted, and the store built from the rows holds no more events.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/data_readers.hpp"
#include "core/events.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view payload(reinterpret_cast<const char*>(data), size);
    gp::DataReadOptions options;
    options.max_depth = 32;
    const gp::DataReadResult events = gp::read_events(payload, options);
    (void)gp::read_canonical_csv(payload, options);
    (void)gp::read_pipedrive_currencies(payload, options);
    const gp::MembershipReadResult teams = gp::read_membership(payload, options);
    const gp::EventStore store = gp::build_event_store(events.rows, teams.membership);
    const size_t rows = events.rows.deals.size() + events.rows.activities.size() + events.rows.stage_changes.size();
    // Each row gives at most two events (a deal is added and may be won): never more than the rows allow.
    const size_t stored = store.won.event_count() + store.started.event_count() + store.activities_added.event_count() +
                          store.activities_completed.event_count();
    if (stored > 2 * rows) std::abort();
    return 0;
}
