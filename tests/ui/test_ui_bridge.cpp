// The bridge between the views and the core's engines: progress for a view period that reaches past the
// goal's duration, and the match feed with attributed agents.
#include <catch2/catch.hpp>

#include <random>

#include "core/data_readers.hpp"
#include "core/read.hpp"
#include "ui/core_bridge.hpp"

using namespace gp;

namespace {

constexpr TimestampMs kNow = 1711886400000;  // 2024-03-31T12:00:00Z

const char* const kGoals = R"({"success": true, "data": {"goals": [
  {"id": 1, "title": "Calls from March", "type": {"name": "activities_completed", "params": {"activity_type_id": null}},
   "assignee": {"id": 9, "type": "company"}, "expected_outcome": {"target": 2, "tracking_metric": "quantity"},
   "duration": {"start": "2024-03-04", "end": "2024-03-31"}, "interval": "weekly", "is_active": true}]}})";

const char* const kActivities = R"({"success": true, "data": [
  {"id": 1, "user_id": 3, "type_id": 1, "done": true, "add_time": "2024-03-05 09:00:00", "marked_as_done_time": "2024-03-05 10:00:00"},
  {"id": 2, "user_id": 3, "type_id": 1, "done": true, "add_time": "2024-03-12 09:00:00", "marked_as_done_time": "2024-03-12 10:00:00"},
  {"id": 3, "user_id": 3, "type_id": 1, "done": true, "add_time": "2024-02-12 09:00:00", "marked_as_done_time": "2024-02-12 10:00:00"}]})";

}  // namespace

TEST_CASE("progress over a view period wider than the goal counts the part the goal covers", "[ui][bridge]") {
    const ReadResult goals = read_goals(kGoals);
    REQUIRE(goals.ok());
    DataReadResult activities = read_pipedrive_activities(kActivities);
    REQUIRE(activities.ok());
    auto store = std::make_shared<const EventStore>(build_event_store(activities.rows));
    const auto progress = ui::progress_with_core(store, std::nullopt);

    ui::ProgressQuery year;
    year.period = {*parse_civil_date("2024-01-01"), *parse_civil_date("2024-12-31")};
    year.now = kNow;
    const ui::GoalProgress p = progress(goals.goals[0], year);
    CHECK_FALSE(p.reported_by_vendor);
    CHECK(p.value == 2);  // the February call is before the goal
    REQUIRE(p.intervals.size() == 4);  // the four weeks from March 4
    CHECK(p.intervals.front().range.start == *parse_civil_date("2024-03-04"));
    CHECK(p.target == 8);

    ui::ProgressQuery before;
    before.period = {*parse_civil_date("2023-01-01"), *parse_civil_date("2023-12-31")};
    before.now = kNow;
    CHECK(progress(goals.goals[0], before).value == 0);
}

TEST_CASE("the match feed credits the agent of the goal's attribution", "[ui][bridge]") {
    Workspace ws;
    const ReadResult goals = read_goals(R"([{"id": 5, "name": "Thanks page", "enabled": true, "attribution_model": "first_touch",
        "attribution_period": 1, "settings": {"conditions": [{"type": "url", "operator": "contains", "value": "/thanks"}]}}])");
    REQUIRE(goals.ok());
    ws.load_goals(goals);
    std::vector<PageView> log(2);
    log[0].visitor_id = log[1].visitor_id = "v";
    log[0].at = kNow - 3600000;
    log[0].agent_id = "agent-7";
    log[0].department_id = "sales";  // a touch is an agent and a department
    log[1].at = kNow;
    log[1].url = "https://shop.example/thanks";
    ws.set_event_log(log);
    const std::vector<ui::MatchRecord> feed = ui::matches_for_view(ws);
    REQUIRE(feed.size() == 1);
    CHECK(feed[0].goal_id == "5");
    CHECK(feed[0].agent_id == "agent-7");
    CHECK(feed[0].url == "https://shop.example/thanks");
}

TEST_CASE("condition goals count the matches in the period, other goals go to the CRM progress", "[ui][bridge]") {
    Goal conversions;
    conversions.id = "5";
    conversions.vendor = Vendor::zendesk;
    conversions.metric.type = MetricType::conversions;
    conversions.target.amount = 4;
    Goal quota;
    quota.id = "q";
    quota.vendor = Vendor::pipedrive;
    std::vector<ui::MatchRecord> matches(3);
    matches[0].goal_id = matches[1].goal_id = matches[2].goal_id = "5";
    matches[0].at = kNow;                      // 2024-03-31 12:00 UTC
    matches[1].at = kNow + 11 * 3600000;       // 23:00 UTC: April 1st for a viewer at UTC+2
    matches[2].at = kNow - 40LL * 86400000;    // February
    int other_calls = 0;
    const auto progress = ui::progress_with_matches(ui::match_series_of(matches), [&](const Goal&, const ui::ProgressQuery&) {
        ++other_calls;
        return ui::GoalProgress{};
    });
    ui::ProgressQuery march;
    march.period = {*parse_civil_date("2024-03-01"), *parse_civil_date("2024-03-31")};
    const ui::GoalProgress utc = progress(conversions, march);
    CHECK(utc.value == 2);
    REQUIRE(utc.percent);
    CHECK(*utc.percent == Approx(50.0));
    march.zone_offset_minutes = 120;
    CHECK(progress(conversions, march).value == 1);
    progress(quota, march);
    CHECK(other_calls == 1);
}

TEST_CASE("condition goal progress agrees with counting every match, for any period, zone and order", "[ui][bridge]") {
    std::mt19937 rng(11);
    std::uniform_int_distribution<TimestampMs> when(kNow - 90LL * 86400000, kNow + 90LL * 86400000);
    std::uniform_int_distribution<int> goal_of(0, 2), value(0, 50), day(-100, 100), length(0, 40), zone(-12, 14);
    const char* ids[] = {"a", "b", "c"};
    std::vector<ui::MatchRecord> matches(600);  // in no particular order, as a merged feed may be
    for (ui::MatchRecord& m : matches) {
        m.goal_id = ids[goal_of(rng)];
        m.at = when(rng);
        if (value(rng) > 5) m.value = value(rng) / 4.0;
    }
    const auto progress = ui::progress_with_matches(ui::match_series_of(matches), nullptr);
    const Date today = civil_date_of(kNow);
    for (int round = 0; round < 200; ++round) {
        Goal g;
        g.id = ids[round % 3];
        g.vendor = Vendor::giosg;
        g.metric.type = MetricType::conversions;
        g.target.tracking = round % 2 ? TrackingMetric::sum : TrackingMetric::quantity;
        ui::ProgressQuery query;
        query.period.start = Date{today.days + day(rng)};
        query.period.end = Date{query.period.start.days + length(rng)};
        query.zone_offset_minutes = zone(rng) * 60 + (round % 4) * 15;
        double expected = 0;
        for (const ui::MatchRecord& m : matches)
            if (m.goal_id == g.id && query.period.contains(civil_date_of(m.at, query.zone_offset_minutes)))
                expected += g.target.tracking == TrackingMetric::sum ? m.value : 1.0;
        INFO("round " << round);
        CHECK(progress(g, query).value == Approx(expected).margin(1e-9));
    }
}

TEST_CASE("a vendor's conversion counts once when a match found here is the same visit", "[ui][bridge]") {
    using gp::ui::MatchRecord;
    const gp::TimestampMs at = 1710000000000, day = 24LL * 3600 * 1000;
    const std::vector<MatchRecord> feed = {
        {at, "both", "v1", "https://shop.test/thanks", 0, "", false},
        {at + 60000, "both", "v1", "", 0, "", true},     // the same visit, as the vendor reported it
        {at + 120000, "both", "v2", "", 0, "", true},    // another visitor: only the vendor saw it
        {at + 3 * day, "both", "v1", "", 0, "", true},   // the same visitor days later: another visit
        {at + 2, "vendor-only", "v3", "", 0, "", true},
        {at + 3, "vendor-only", "v4", "", 0, "", true},
    };
    const auto series = gp::ui::match_series_of(feed);
    CHECK(series->tally("both", at, at + 10 * day).count == 3);
    CHECK(series->tally("vendor-only", at, at + 10).count == 2);
}
