// goalpost UI: the Services that connect the views to the core's engines (validation, explain, progress).
// The views speak the small adapter types of widget_data.hpp; this file maps the core's results onto them,
// so an engine's API can change without touching a view.
#pragma once

#include <memory>

#include "core/events.hpp"
#include "core/progress.hpp"
#include "core/workspace.hpp"
#include "ui/widget_data.hpp"

namespace gp::ui {

// The core's per-vendor validation, with each error's wire path (e.g. "/expected_outcome/target")
// mapped to the canonical field the editor draws ("/target/amount"). Unknown paths are kept as given.
std::vector<Error> validate_with_core(const Goal& goal);
std::string canonical_field_path(Vendor vendor, const std::string& wire_path);

// The condition engine's explanation of one URL over the goals.
UrlExplanation explain_with_core(std::string_view url, const std::vector<Goal>& goals);

// Progress from the progress engine over the workspace's events (an empty store when none were given:
// the vendor's figures then), with its explicit rate table when the page gave one. A period the goal does
// not run in gives no progress.
std::function<GoalProgress(const Goal&, const ProgressQuery&)> progress_with_core(
    std::shared_ptr<const EventStore> events, std::optional<RateTable> rates);

// The feed's matches indexed by goal and time, for condition goals' results (what the overview and the
// conversions view both count).
std::shared_ptr<const MatchSeries> match_series_of(const std::vector<MatchRecord>& feed);

// A condition goal's results over the query's period (cut to the goal's duration) from the core's one rule
// (compute_results over matches): buckets of the goal's interval, or of `buckets` when given; none when the
// goal does not run in the period.
std::optional<GoalResults> condition_results(const Goal& goal, const MatchSeries& matches, const ProgressQuery& query,
                                             std::optional<Interval> buckets = std::nullopt);

// Progress of condition goals (giosg, Zendesk) over the period from condition_results(): counts (or sums,
// for sum goals), targets and pace by the same rule as CRM goals; other goals go to `otherwise`.
std::function<GoalProgress(const Goal&, const ProgressQuery&)> progress_with_matches(
    std::shared_ptr<const MatchSeries> matches, std::function<GoalProgress(const Goal&, const ProgressQuery&)> otherwise);

// The conversions view's feed: the matches found in the browser, each with the agent its goal's
// attribution credits, and the conversions the vendor computed.
std::vector<MatchRecord> matches_for_view(const Workspace& workspace);

// validate_with_core and explain_with_core; progress from the goals themselves.
Services core_services();

}  // namespace gp::ui
