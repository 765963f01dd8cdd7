// Readers for what condition goals are measured against: the canonical page-view/event log (JSON lines),
// Zendesk Chat conversions (a chat's `conversions[]`, and the incremental conversions export) and giosg
// external goal match payloads. Shapes are in docs/conditions.md. Never throws; a bad record becomes an
// Error naming its place and the good records beside it are kept.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/attribution.hpp"
#include "core/conditions.hpp"
#include "core/model.hpp"

namespace gp {

struct ReaderLimits {
    size_t max_bytes = 256u * 1024u * 1024u;  // refused before parsing
    size_t max_line_bytes = 64u * 1024u;      // one event log line
    int max_depth = 64;                       // as every reader of outside bytes (json_access.hpp, parse_json)
};

struct EventLogRead {
    std::vector<PageView> views;
    std::vector<Error> errors;  // path "/lines/<n>" (1-based line numbers, as editors show them)
};

EventLogRead read_event_log(std::string_view jsonl, const ReaderLimits& limits = {});

// One Zendesk Chat conversion and the touch it was credited to, if any.
struct Conversion {
    std::string id;
    std::string goal_id;
    std::string goal_name;
    std::string chat_id;
    std::string visitor_id;
    TimestampMs at = 0;
    std::optional<Touch> attributed_to;  // agent, department and the chat's time
    std::string agent_name;
    std::string department_name;
};

struct ConversionsRead {
    std::vector<Conversion> conversions;
    std::vector<Error> errors;
    NextPage next;                         // incremental export: next_page
    std::optional<TimestampMs> end_time;   // incremental export: where the next request starts
};

// A chat object, an array of chats, or {"chats": [...]}; each chat's `conversions` array.
ConversionsRead read_zendesk_chat_conversions(std::string_view payload, const ReaderLimits& limits = {});
// The incremental export page: {"conversions": [...], "next_page", "end_time", ...}.
ConversionsRead read_zendesk_incremental_conversions(std::string_view payload, const ReaderLimits& limits = {});
// Either of the two, told apart by shape: an export page has `conversions` at the top and no chat `id`.
ConversionsRead read_zendesk_conversions(std::string_view payload, const ReaderLimits& limits = {});

struct ExternalMatchesRead {
    std::vector<ExternalMatch> matches;
    std::vector<Error> errors;
};

// One external match object or an array of them. `goal_id` is the goal of the request URL
// (/goals/<goal_id>/matches); a "goal_id" member in a match overrides it.
ExternalMatchesRead read_giosg_matches(std::string_view payload, const std::string& goal_id,
                                       const ReaderLimits& limits = {});

// A conversions payload whose vendor is not known beforehand, parsed once: giosg's goal matches (the only
// conversions that name a `visitor_identity`), else Zendesk Chat's chats or export page. A payload that is
// not JSON is reported as Zendesk's (malformed_json, like every reader).
struct AnyConversionsRead {
    bool giosg = false;             // which of the two below holds the result
    ConversionsRead zendesk;
    ExternalMatchesRead giosg_matches;
};
AnyConversionsRead read_any_conversions(std::string_view payload, const std::string& giosg_goal_id,
                                        const ReaderLimits& limits = {});

}  // namespace gp
