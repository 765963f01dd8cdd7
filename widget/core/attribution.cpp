// Attribution (see attribution.hpp).
//
// Index
// - [SECTION] Touches
// - [SECTION] First / last touch
// - [SECTION] giosg external matches
#include "core/attribution.hpp"

#include <algorithm>

#include "core/calendar.hpp"
#include "core/cold_sort.hpp"

namespace gp {

//-----------------------------------------------------------------------------
// [SECTION] Touches
//-----------------------------------------------------------------------------

namespace {

bool touch_before(const Touch& a, const Touch& b) {
    if (a.visitor_id != b.visitor_id) return a.visitor_id < b.visitor_id;
    return a.at < b.at;
}

}  // namespace

// Built once per log, not per record or frame, so the index shares the cold sort (core/cold_sort.hpp).
TouchIndex::TouchIndex(std::vector<Touch> touches) : touches_(std::move(touches)) {
    cold_sort(touches_, touch_before);
}

TouchIndex::TouchIndex(const std::vector<PageView>& log) {
    for (const PageView& v : log)
        if (!v.agent_id.empty() && !v.department_id.empty())
            touches_.push_back({v.visitor_id, v.at, v.agent_id, v.department_id});
    cold_sort(touches_, touch_before);
}

std::pair<const Touch*, const Touch*> TouchIndex::range(const std::string& visitor, TimestampMs from,
                                                        TimestampMs to) const {
    const Touch lo{visitor, from, {}, {}};
    const Touch hi{visitor, to, {}, {}};
    auto first = std::lower_bound(touches_.begin(), touches_.end(), lo, touch_before);
    auto last = std::upper_bound(first, touches_.end(), hi, touch_before);
    const Touch* base = touches_.data();
    return {base + (first - touches_.begin()), base + (last - touches_.begin())};
}

//-----------------------------------------------------------------------------
// [SECTION] First / last touch
//-----------------------------------------------------------------------------

const char* attribution_state_name(AttributionState state) {
    switch (state) {
        case AttributionState::attributed: return "attributed";
        case AttributionState::unattributed: return "unattributed";
        case AttributionState::no_model: return "no_model";
        case AttributionState::invalid_period: return "invalid_period";
    }
    return "unattributed";
}

std::optional<Error> check_attribution(const Goal& goal, const std::string& path) {
    if (goal.attribution.model == AttributionModel::none) return std::nullopt;
    const int days = goal.attribution.window_days;
    if (days >= kMinAttributionDays && days <= kMaxAttributionDays) return std::nullopt;
    return Error{path + "/attribution_period", "out_of_range",
                 "the attribution period is " + std::to_string(days) + " days; it must be 1 to 30", 400};
}

AttributionResult attribute(const Goal& goal, const std::string& visitor_id, TimestampMs at, const TouchIndex& touches) {
    AttributionResult out;
    if (goal.attribution.model == AttributionModel::none) return out;
    if (check_attribution(goal, "")) {
        out.state = AttributionState::invalid_period;
        return out;
    }
    const TimestampMs from = at - int64_t{goal.attribution.window_days} * kMsPerDay;
    const auto [first, last] = touches.range(visitor_id, from, at);
    if (first == last) {
        out.state = AttributionState::unattributed;
        return out;
    }
    out.state = AttributionState::attributed;
    out.touch = goal.attribution.model == AttributionModel::first_touch ? *first : *(last - 1);
    return out;
}

//-----------------------------------------------------------------------------
// [SECTION] giosg external matches
//-----------------------------------------------------------------------------

namespace {

// The visitor's most recent session that started strictly before `at`, or null.
const Session* session_before(const std::vector<Session>& sessions, const std::string& visitor, TimestampMs at) {
    auto it = std::lower_bound(sessions.begin(), sessions.end(), std::make_pair(&visitor, at),
                               [](const Session& s, const std::pair<const std::string*, TimestampMs>& key) {
                                   if (s.visitor_id != *key.first) return s.visitor_id < *key.first;
                                   return s.start < key.second;
                               });
    if (it == sessions.begin()) return nullptr;
    --it;
    return it->visitor_id == visitor ? &*it : nullptr;
}

bool shares_room(const Session& s, const std::vector<std::string>& rooms) {
    for (const std::string& r : rooms)
        if (std::find(s.rooms.begin(), s.rooms.end(), r) != s.rooms.end()) return true;
    return false;
}

LinkedMatch not_found(const std::string& path, const char* code, std::string message) {
    LinkedMatch out;
    out.error = Error{path, code, std::move(message), 404};
    return out;
}

}  // namespace

LinkedMatch link_external_match(const ExternalMatch& match, const std::vector<Goal>& goals,
                                const std::vector<Session>& sessions, const std::string& path) {
    auto goal = std::find_if(goals.begin(), goals.end(), [&](const Goal& g) { return g.id == match.goal_id; });
    if (goal == goals.end()) return not_found(path + "/goal_id", "goal_not_found", "goal '" + match.goal_id + "' was not found");
    const Session* session = session_before(sessions, match.visitor_identity, match.matched_at);
    if (!session)
        return not_found(path + "/visitor_identity", "session_not_found",
                         "no session of visitor '" + match.visitor_identity + "' started before goal_matched_at");
    if (!shares_room(*session, match.rooms))
        return not_found(path + "/rooms", "room_not_found", "no connected rooms found for the visitor's session");
    MatchRecord r;
    r.goal_id = goal->id;
    r.visitor_id = match.visitor_identity;
    r.session = session->number;
    r.at = match.matched_at;
    r.value = match.value ? match.value : goal->default_value;
    r.goal = static_cast<size_t>(goal - goals.begin());
    LinkedMatch out;
    out.record = std::move(r);
    return out;
}

}  // namespace gp
