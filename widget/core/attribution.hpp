// Attribution: which agent touch a match is credited to (Zendesk first/last touch), and linking giosg
// external matches to a visitor's session.
//
// Index
// - [SECTION] Touches
// - [SECTION] First / last touch
// - [SECTION] giosg external matches
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/matching.hpp"
#include "core/model.hpp"

namespace gp {

//-----------------------------------------------------------------------------
// [SECTION] Touches
//-----------------------------------------------------------------------------

// A chat event with an agent and a department.
struct Touch {
    std::string visitor_id;
    TimestampMs at = 0;
    std::string agent_id;
    std::string department_id;
};

// The touches of a log, sorted by visitor then time, for binary search.
class TouchIndex {
public:
    explicit TouchIndex(const std::vector<PageView>& log);
    explicit TouchIndex(std::vector<Touch> touches);
    // Touches of `visitor` with from <= at <= to, in time order.
    std::pair<const Touch*, const Touch*> range(const std::string& visitor, TimestampMs from, TimestampMs to) const;
    size_t size() const { return touches_.size(); }

private:
    std::vector<Touch> touches_;
};

//-----------------------------------------------------------------------------
// [SECTION] First / last touch
//-----------------------------------------------------------------------------

constexpr int kMinAttributionDays = 1;   // Zendesk's documented range
constexpr int kMaxAttributionDays = 30;

// An explicit error when the goal's attribution period is outside 1..30 days (and a model is set).
std::optional<Error> check_attribution(const Goal& goal, const std::string& path);

enum class AttributionState : uint8_t { attributed, unattributed, no_model, invalid_period };
const char* attribution_state_name(AttributionState state);

struct AttributionResult {
    AttributionState state = AttributionState::no_model;
    std::optional<Touch> touch;
};

// The touch inside [at - window, at] (both ends included): the earliest for first_touch, the latest for
// last_touch. None: unattributed.
AttributionResult attribute(const Goal& goal, const std::string& visitor_id, TimestampMs at, const TouchIndex& touches);

//-----------------------------------------------------------------------------
// [SECTION] giosg external matches
//-----------------------------------------------------------------------------

struct ExternalMatch {
    std::string goal_id;
    std::string visitor_identity;  // the log's visitor_id (giosg's Visitor Identifier API maps them)
    TimestampMs matched_at = 0;
    std::optional<double> value;
    std::vector<std::string> rooms;
};

struct LinkedMatch {
    std::optional<MatchRecord> record;
    std::optional<Error> error;  // 404 when the goal, a session or a connected room is missing
};

// Links to the visitor's most recent session that started strictly before matched_at, in one of the
// match's rooms. `sessions` as MatchRun::sessions (by visitor, then time).
LinkedMatch link_external_match(const ExternalMatch& match, const std::vector<Goal>& goals,
                                const std::vector<Session>& sessions, const std::string& path);

}  // namespace gp
