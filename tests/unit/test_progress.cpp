#include <catch2/catch.hpp>

#include <cmath>
#include <functional>
#include <random>
#include <set>

#include "core/calendar.hpp"
#include "core/progress.hpp"

using namespace gp;

// Index
// - [SECTION] Helpers
// - [SECTION] Hand-checked scenarios per goal type
// - [SECTION] The results contract
// - [SECTION] Boundary days
// - [SECTION] Currencies and bad input
// - [SECTION] Pace
// - [SECTION] Averages, rates and the vendor's own figures
// - [SECTION] Condition goals: results from matches, the same rule
// - [SECTION] Property: the engine agrees with a naive reference

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Helpers
//-----------------------------------------------------------------------------

Date day(const char* text) {
    const auto d = parse_civil_date(text);
    REQUIRE(d.has_value());
    return *d;
}

TimestampMs at(const char* text) {
    const auto t = parse_timestamp(text);
    REQUIRE(t.has_value());
    return *t;
}

Goal make_goal(MetricType type, Interval interval, const char* start, const char* end, double target) {
    Goal g;
    g.id = "g1";
    g.vendor = Vendor::pipedrive;
    g.assignee = {AssigneeType::company, "1"};
    g.metric.type = type;
    g.target.amount = target;
    g.schedule.start = day(start);
    if (end) g.schedule.end = day(end);
    g.schedule.interval = interval;
    return g;
}

DealRow won_deal(const char* id, const char* owner, double value, const char* won_time, const char* currency = "EUR",
                 int64_t pipeline = 1) {
    DealRow d;
    d.id = id;
    d.owner = owner;
    d.value = value;
    d.currency = currency;
    d.pipeline = pipeline;
    d.status = DealStatus::won;
    d.add_time = at("2023-06-01T00:00:00Z");
    d.won_time = at(won_time);
    return d;
}

ResultsRequest period(const char* start, const char* end) {
    ResultsRequest r;
    r.period_start = start;
    r.period_end = end;
    return r;
}

GoalResults results_of(const Goal& goal, const EventStore& store, const ResultsRequest& request) {
    ResultsOutcome out = compute_results(goal, store, request);
    INFO((out.errors.empty() ? std::string() : out.errors.front().code));
    REQUIRE(out.ok());
    return *out.results;
}

std::vector<double> progress_per_bucket(const GoalResults& r) {
    std::vector<double> v;
    for (const Bucket& b : r.buckets) v.push_back(b.progress);
    return v;
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Hand-checked scenarios per goal type
//-----------------------------------------------------------------------------

TEST_CASE("deals_won counts and sums by won_time per month", "[progress]") {
    EventRows rows;
    rows.deals = {won_deal("1", "7", 100, "2024-01-10T10:00:00Z"), won_deal("2", "7", 250, "2024-01-31T12:00:00Z"),
                  won_deal("3", "8", 40, "2024-02-01T00:00:00Z"), won_deal("4", "8", 5, "2024-03-31T23:59:59Z"),
                  won_deal("5", "8", 999, "2024-04-01T00:00:00Z")};
    DealRow open = won_deal("6", "7", 70, "2024-01-15T00:00:00Z");
    open.status = DealStatus::open;
    open.won_time.reset();
    rows.deals.push_back(open);
    const EventStore store = build_event_store(rows);

    Goal g = make_goal(MetricType::deals_won, Interval::monthly, "2024-01-01", "2024-12-31", 2);
    GoalResults count = results_of(g, store, period("2024-01-01", "2024-03-31"));
    REQUIRE(count.buckets.size() == 3);
    CHECK(progress_per_bucket(count) == std::vector<double>{2, 1, 1});
    CHECK(count.buckets[0].target == 2);
    CHECK(count.buckets[1].percent == Approx(50));
    CHECK(count.total_progress == 4);
    CHECK(count.total_target == 6);

    g.target.tracking = TrackingMetric::sum;
    g.target.currency_code = "EUR";
    GoalResults sum = results_of(g, store, period("2024-01-01", "2024-03-31"));
    CHECK(progress_per_bucket(sum) == std::vector<double>{350, 40, 5});
    CHECK(sum.currency == "EUR");

    g.assignee = {AssigneeType::person, "8"};
    CHECK(results_of(g, store, period("2024-01-01", "2024-03-31")).total_progress == 45);
}

TEST_CASE("deals_started counts by add_time, whatever became of the deal", "[progress]") {
    EventRows rows;
    for (const char* id : {"1", "2", "3"}) {
        DealRow d = won_deal(id, "7", 10, "2024-05-01T00:00:00Z");
        d.add_time = at(id[0] == '3' ? "2024-02-02T00:00:00Z" : "2024-01-02T00:00:00Z");
        d.status = id[0] == '2' ? DealStatus::lost : DealStatus::open;
        rows.deals.push_back(d);
    }
    const EventStore store = build_event_store(rows);
    const Goal g = make_goal(MetricType::deals_started, Interval::quarterly, "2024-01-01", nullptr, 10);
    const GoalResults r = results_of(g, store, period("2024-01-01", "2024-06-30"));
    CHECK(progress_per_bucket(r) == std::vector<double>{3, 0});
}

TEST_CASE("deals_progressed counts entries into the stage, not sitting in it", "[progress]") {
    EventRows rows;
    rows.deals = {won_deal("1", "7", 10, "2024-05-01T00:00:00Z"), won_deal("2", "7", 20, "2024-05-01T00:00:00Z"),
                  won_deal("3", "7", 30, "2024-05-01T00:00:00Z")};
    rows.deals[2].stage = 5;  // sits in stage 5 all along: never entered it in the period
    rows.stage_changes = {{"c1", "1", 5, at("2024-01-10T00:00:00Z"), ""},
                          {"c2", "2", 4, at("2024-01-11T00:00:00Z"), ""},
                          {"c3", "2", 5, at("2024-02-11T00:00:00Z"), ""},
                          {"c4", "1", 4, at("2024-02-12T00:00:00Z"), ""},
                          {"c5", "1", 5, at("2024-02-13T00:00:00Z"), ""}};  // back again: not a second entry
    const EventStore store = build_event_store(rows);
    Goal g = make_goal(MetricType::deals_progressed, Interval::monthly, "2024-01-01", "2024-12-31", 1);
    g.metric.stage_id = 5;
    const GoalResults r = results_of(g, store, period("2024-01-01", "2024-02-29"));
    CHECK(progress_per_bucket(r) == std::vector<double>{1, 1});
}

TEST_CASE("activities_added and activities_completed with the type filter", "[progress]") {
    EventRows rows;
    const auto activity = [](const char* id, int64_t type, const char* added, const char* done) {
        ActivityRow a;
        a.id = id;
        a.owner = "7";
        a.type = type;
        a.add_time = at(added);
        a.done = done != nullptr;
        if (done) a.done_time = at(done);
        return a;
    };
    rows.activities = {activity("a", 9, "2024-01-05T00:00:00Z", "2024-02-01T10:00:00Z"),
                       activity("b", 9, "2024-01-06T00:00:00Z", nullptr),
                       activity("c", 4, "2024-02-06T00:00:00Z", "2024-02-07T00:00:00Z")};
    const EventStore store = build_event_store(rows);
    Goal added = make_goal(MetricType::activities_added, Interval::monthly, "2024-01-01", "2024-12-31", 5);
    CHECK(progress_per_bucket(results_of(added, store, period("2024-01-01", "2024-02-29"))) ==
          std::vector<double>{2, 1});
    Goal done = make_goal(MetricType::activities_completed, Interval::monthly, "2024-01-01", "2024-12-31", 5);
    CHECK(progress_per_bucket(results_of(done, store, period("2024-01-01", "2024-02-29"))) ==
          std::vector<double>{0, 2});
    done.metric.activity_type_ids = std::vector<int64_t>{9};
    CHECK(progress_per_bucket(results_of(done, store, period("2024-01-01", "2024-02-29"))) ==
          std::vector<double>{0, 1});
}

TEST_CASE("revenue_forecast weighs open deals by expected close and adds deals won", "[progress]") {
    EventRows rows;
    rows.deals = {won_deal("1", "7", 1000, "2024-03-05T00:00:00Z")};
    DealRow open = won_deal("2", "7", 400, "2024-03-05T00:00:00Z");
    open.status = DealStatus::open;
    open.won_time.reset();
    open.expected_close = day("2024-03-31");
    open.probability = 25;
    DealRow lost = open;
    lost.id = "3";
    lost.status = DealStatus::lost;
    rows.deals.push_back(open);
    rows.deals.push_back(lost);
    const EventStore store = build_event_store(rows);
    Goal g = make_goal(MetricType::revenue_forecast, Interval::monthly, "2024-01-01", "2024-12-31", 2000);
    g.target.currency_code = "EUR";
    ResultsRequest request = period("2024-03-01", "2024-04-30");
    request.zone_offset_minutes = 600;  // expected close is a civil date: the zone must not move it
    const GoalResults r = results_of(g, store, request);
    CHECK(progress_per_bucket(r) == std::vector<double>{1100, 0});
}

TEST_CASE("pipeline filters and team assignees", "[progress]") {
    EventRows rows;
    rows.deals = {won_deal("1", "7", 1, "2024-01-10T00:00:00Z", "EUR", 1),
                  won_deal("2", "8", 1, "2024-01-10T00:00:00Z", "EUR", 2),
                  won_deal("3", "9", 1, "2024-01-10T00:00:00Z", "EUR", 1)};
    Membership m;
    m.teams["north"] = {"7", "8"};
    const EventStore store = build_event_store(rows, m);
    Goal g = make_goal(MetricType::deals_won, Interval::yearly, "2024-01-01", "2024-12-31", 10);
    g.assignee = {AssigneeType::team, "north"};
    CHECK(results_of(g, store, period("2024-01-01", "2024-12-31")).total_progress == 2);
    g.metric.pipeline_ids = std::vector<int64_t>{1};
    CHECK(results_of(g, store, period("2024-01-01", "2024-12-31")).total_progress == 1);
    g.assignee = {AssigneeType::company, ""};
    CHECK(results_of(g, store, period("2024-01-01", "2024-12-31")).total_progress == 2);
    g.assignee = {AssigneeType::team, "nobody"};
    CHECK(results_of(g, store, period("2024-01-01", "2024-12-31")).total_progress == 0);
}

TEST_CASE("per-interval targets come from the vendor's slices", "[progress]") {
    EventRows rows;
    rows.deals = {won_deal("1", "7", 300, "2024-01-10T00:00:00Z"), won_deal("2", "7", 100, "2024-02-10T00:00:00Z")};
    const EventStore store = build_event_store(rows);
    Goal g = make_goal(MetricType::sales_quota, Interval::none, "2024-01-01", "2024-02-29", 0);
    g.vendor = Vendor::hubspot;
    g.target.currency_code = "EUR";
    const auto slice = [](const char* start, const char* end, double target) {
        IntervalTarget t;
        t.start = day(start);
        t.end = day(end);
        t.target = target;
        return t;
    };
    g.schedule.per_interval = {slice("2024-01-01", "2024-01-31", 1000), slice("2024-02-01", "2024-02-29", 500)};
    const GoalResults r = results_of(g, store, period("2024-01-01", "2024-02-29"));
    REQUIRE(r.buckets.size() == 2);
    CHECK(r.buckets[0].target == 1000);
    CHECK(r.buckets[1].target == 500);
    CHECK(r.buckets[0].percent == Approx(30));
    CHECK(r.buckets[1].percent == Approx(20));
    CHECK(r.total_percent == Approx(400.0 / 1500.0 * 100.0));
}

//-----------------------------------------------------------------------------
// [SECTION] The results contract
//-----------------------------------------------------------------------------

TEST_CASE("the results call needs both bounds inside the goal's duration", "[progress]") {
    const EventStore store = build_event_store({});
    const Goal g = make_goal(MetricType::deals_won, Interval::monthly, "2024-01-01", "2024-12-31", 1);
    const auto first_error = [&](ResultsRequest r) {
        const ResultsOutcome out = compute_results(g, store, r);
        REQUIRE_FALSE(out.ok());
        return out.errors.front();
    };
    ResultsRequest missing;
    missing.period_start = "2024-01-01";
    CHECK(first_error(missing).code == "required");
    CHECK(first_error(missing).path == "/period.end");
    CHECK(first_error(period("2024-02-30", "2024-03-01")).code == "bad_date");
    CHECK(first_error(period("2024-03-01", "2024-02-01")).code == "bad_period");
    CHECK(first_error(period("2023-12-31", "2024-03-01")).code == "period_outside_duration");
    CHECK(first_error(period("2024-01-01", "2025-01-01")).code == "period_outside_duration");
    CHECK(first_error(period("2024-01-01", "2025-01-01")).status == 400);
    const ResultsOutcome unknown = compute_results(std::vector<Goal>{g}, "nope", store, period("2024-01-01", "2024-01-31"));
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.errors.front().status == 404);

    Goal open_ended = make_goal(MetricType::deals_won, Interval::yearly, "2024-01-01", nullptr, 1);
    CHECK(compute_results(open_ended, store, period("2024-01-01", "2031-12-31")).ok());
}

//-----------------------------------------------------------------------------
// [SECTION] Boundary days
//-----------------------------------------------------------------------------

TEST_CASE("first and last days, leap days, week 53 and year ends", "[progress]") {
    EventRows rows;
    rows.deals = {won_deal("first", "7", 1, "2024-01-01T00:00:00Z"), won_deal("leap", "7", 1, "2024-02-29T23:59:59Z"),
                  won_deal("march", "7", 1, "2024-03-01T00:00:00Z"), won_deal("last", "7", 1, "2024-12-31T23:59:59.999Z"),
                  won_deal("next", "7", 1, "2025-01-01T00:00:00Z"), won_deal("w53", "7", 1, "2021-01-03T12:00:00Z")};
    const EventStore store = build_event_store(rows);

    const Goal monthly = make_goal(MetricType::deals_won, Interval::monthly, "2020-01-01", nullptr, 1);
    const GoalResults feb = results_of(monthly, store, period("2024-02-01", "2024-02-29"));
    CHECK(feb.total_progress == 1);
    const GoalResults year = results_of(monthly, store, period("2024-01-01", "2024-12-31"));
    CHECK(year.buckets.front().progress == 1);
    CHECK(year.buckets.back().progress == 1);
    CHECK(year.total_progress == 4);

    // An hour east of UTC, the last instant of 2024 UTC is already 2025 and the leap-day deal is March 1st.
    ResultsRequest east = period("2024-01-01", "2024-12-31");
    east.zone_offset_minutes = 60;
    const GoalResults shifted = results_of(monthly, store, east);
    CHECK(shifted.buckets[1].progress == 0);
    CHECK(shifted.buckets[2].progress == 2);
    CHECK(shifted.total_progress == 3);

    const Goal weekly = make_goal(MetricType::deals_won, Interval::weekly, "2020-01-01", nullptr, 1);
    const GoalResults w = results_of(weekly, store, period("2020-12-28", "2021-01-10"));
    REQUIRE(w.buckets.size() == 2);
    CHECK(format_civil_date(w.buckets[0].range.end) == "2021-01-03");
    CHECK(w.buckets[0].progress == 1);  // ISO week 53 of 2020, ending on a Sunday in 2021
}

TEST_CASE("a clipped interval gets its share of the target by days", "[progress]") {
    const EventStore store = build_event_store({});
    const Goal g = make_goal(MetricType::deals_won, Interval::monthly, "2024-01-01", "2024-12-31", 31);
    const GoalResults r = results_of(g, store, period("2024-01-17", "2024-02-29"));
    REQUIRE(r.buckets.size() == 2);
    CHECK(r.buckets[0].target == Approx(15));
    CHECK(r.buckets[1].target == Approx(31));
    REQUIRE(r.buckets[0].percent.has_value());
    CHECK(*r.buckets[0].percent == 0);
}

//-----------------------------------------------------------------------------
// [SECTION] Currencies and bad input
//-----------------------------------------------------------------------------

TEST_CASE("sum goals count only their currency unless an explicit rate table is given", "[progress]") {
    EventRows rows;
    rows.deals = {won_deal("1", "7", 100, "2024-01-10T00:00:00Z", "EUR"),
                  won_deal("2", "7", 100, "2024-01-11T00:00:00Z", "USD")};
    const EventStore store = build_event_store(rows);
    Goal g = make_goal(MetricType::deals_won, Interval::monthly, "2024-01-01", "2024-12-31", 1000);
    g.target.tracking = TrackingMetric::sum;
    g.target.currency_code = "EUR";
    const GoalResults plain = results_of(g, store, period("2024-01-01", "2024-01-31"));
    CHECK(plain.total_progress == 100);
    CHECK(plain.other_currency_events == 1);
    CHECK_FALSE(plain.converted);

    ResultsRequest with_rates = period("2024-01-01", "2024-01-31");
    with_rates.rates = RateTable{{"EUR", 1.0}, {"USD", 0.5}};
    const GoalResults converted = results_of(g, store, with_rates);
    CHECK(converted.total_progress == Approx(150));
    CHECK(converted.converted);
    CHECK(converted.other_currency_events == 0);
    CHECK(results_to_json(converted)["currency_conversion"] == "explicit_rate_table");

    g.target.tracking = TrackingMetric::quantity;  // counting needs no currency
    CHECK(results_of(g, store, period("2024-01-01", "2024-01-31")).total_progress == 2);
}

TEST_CASE("goal currency ids resolve through the currency list", "[progress]") {
    EventRows rows;
    rows.deals = {won_deal("1", "7", 100, "2024-01-10T00:00:00Z", "EUR"),
                  won_deal("2", "7", 100, "2024-01-10T00:00:00Z", "XXX")};
    const EventStore store = build_event_store(rows, {}, {{1, "EUR", 2}, {2, "USD", 2}});
    Goal g = make_goal(MetricType::deals_won, Interval::monthly, "2024-01-01", "2024-12-31", 1000);
    g.target.tracking = TrackingMetric::sum;
    g.target.currency_id = 1;
    const GoalResults r = results_of(g, store, period("2024-01-01", "2024-01-31"));
    CHECK(r.currency == "EUR");
    CHECK(r.total_progress == 100);
    CHECK(r.ignored.by_reason.at("unknown_currency") == 1);
}

TEST_CASE("bad events are left out and tallied with reasons", "[progress]") {
    EventRows rows;
    rows.deals = {won_deal("1", "7", 1, "2024-01-10T00:00:00Z"), won_deal("1", "7", 1, "2024-01-11T00:00:00Z"),
                  won_deal("2", "stranger", 1, "2024-01-10T00:00:00Z"), won_deal("3", "7", 1, "2024-01-10T00:00:00Z"),
                  won_deal("", "7", 1, "2024-01-10T00:00:00Z")};
    rows.deals[3].won_time.reset();
    rows.stage_changes = {{"c1", "ghost", 5, at("2024-01-10T00:00:00Z"), "/stage_changes/0"}};
    Membership m;
    m.users = {"7", "8"};
    const EventStore store = build_event_store(rows, m);
    CHECK(store.ignored.by_reason.at("duplicate_id") == 1);
    CHECK(store.ignored.by_reason.at("unknown_user") == 1);
    CHECK(store.ignored.by_reason.at("bad_time") == 1);
    CHECK(store.ignored.by_reason.at("missing_id") == 1);
    CHECK(store.ignored.by_reason.at("unknown_deal") == 1);
    CHECK(store.ignored.total() == 5);
    const Goal g = make_goal(MetricType::deals_won, Interval::monthly, "2024-01-01", "2024-12-31", 1);
    const GoalResults r = results_of(g, store, period("2024-01-01", "2024-01-31"));
    CHECK(r.total_progress == 1);
    const Json j = results_to_json(r);
    CHECK(j["ignored"]["total"] == 5);
    CHECK(j["intervals"].size() == 1);
}

TEST_CASE("repeated ids are found whatever their form", "[progress]") {
    const auto duplicates = [](std::vector<const char*> ids) {
        EventRows rows;
        for (const char* id : ids) rows.deals.push_back(won_deal(id, "7", 1, "2024-01-10T00:00:00Z"));
        const EventStore store = build_event_store(rows);
        const auto it = store.ignored.by_reason.find("duplicate_id");
        return std::make_pair(it == store.ignored.by_reason.end() ? 0 : it->second, store.won.event_count());
    };
    CHECK(duplicates({"1", "2", "3", "2", "1"}) == std::make_pair(int64_t{2}, size_t{3}));
    CHECK(duplicates({"7", "007", "07", "7"}) == std::make_pair(int64_t{1}, size_t{3}));  // leading zeros: other ids
    CHECK(duplicates({"5", "900000000000", "5", "900000000000"}) == std::make_pair(int64_t{2}, size_t{2}));
    CHECK(duplicates({"a", "b", "a", "18446744073709551615", "18446744073709551615"}) ==
          std::make_pair(int64_t{2}, size_t{3}));
}

TEST_CASE("stage changes find their deal by id in either form", "[progress]") {
    for (const char* prefix : {"", "deal-"}) {
        EventRows rows;
        for (int i = 0; i < 50; ++i) rows.deals.push_back(won_deal((prefix + std::to_string(i)).c_str(), "7", 1, "2024-01-10T00:00:00Z"));
        rows.stage_changes = {{"", std::string(prefix) + "3", 5, at("2024-01-11T00:00:00Z"), "/stage_changes/0"},
                              {"", std::string(prefix) + "3", 5, at("2024-01-12T00:00:00Z"), "/stage_changes/1"},
                              {"", std::string(prefix) + "49", 5, at("2024-01-12T00:00:00Z"), "/stage_changes/2"},
                              {"", std::string(prefix) + "50", 5, at("2024-01-12T00:00:00Z"), "/stage_changes/3"},
                              {"", "x", 5, at("2024-01-12T00:00:00Z"), "/stage_changes/4"}};
        const EventStore store = build_event_store(rows);
        INFO(prefix);
        CHECK(store.progressed.event_count() == 2);  // deal 3 entered stage 5 once, deal 49 once
        CHECK(store.ignored.by_reason.at("unknown_deal") == 2);
    }
}

TEST_CASE("a slice's range counts and sums exactly the events from t0 up to but not including t1, ties included", "[progress]") {
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> hour(0, 40), cents(1, 10000);
    EventRows rows;
    for (int i = 0; i < 300; ++i) {
        DealRow d;
        d.id = std::to_string(i);
        d.owner = i % 3 ? "7" : "8";
        d.currency = "EUR";
        d.value = cents(rng) / 100.0;
        d.add_time = at("2024-03-01T00:00:00Z") + hour(rng) * 3600000LL;  // many events share a time
        rows.deals.push_back(d);
    }
    const EventStore store = build_event_store(rows);
    const Series& s = store.started;
    for (const int32_t owner : {*store.find_owner("7"), *store.find_owner("8"), kEveryone}) {
        const auto [first, last] = s.slices_of_owner(owner);
        REQUIRE(last == first + 1);
        for (int a = -2; a <= 42; ++a)
            for (int b = a; b <= 43; b += 3) {
                const TimestampMs t0 = at("2024-03-01T00:00:00Z") + a * 3600000LL, t1 = at("2024-03-01T00:00:00Z") + b * 3600000LL;
                uint32_t count = 0;
                double sum = 0;
                for (const DealRow& d : rows.deals)
                    if ((owner == kEveryone || *store.find_owner(d.owner) == owner) && *d.add_time >= t0 && *d.add_time < t1) {
                        ++count;
                        sum += d.value;
                    }
                const Series::Span span = s.range(first, t0, t1);
                INFO("owner " << owner << " hours " << a << ".." << b);
                CHECK(span.count == count);
                CHECK(span.sum == Approx(sum).margin(1e-9));
            }
    }
    CHECK(s.event_count() == 300);
}

TEST_CASE("add_ranges, range and count agree with counting on even, clustered, skewed and tied slices", "[progress]") {
    // The searches start from a guess made as if a slice's times were even, and gallop from the previous
    // bound: these shapes put the guess far off, and the windows are back to back, gapped, or outside.
    std::mt19937 rng(7);
    const TimestampMs t_start = at("2024-01-01T00:00:00Z");
    const TimestampMs year = 366LL * 86400000LL;
    std::uniform_int_distribution<TimestampMs> anywhere(0, year - 1);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const std::vector<std::pair<const char*, std::function<TimestampMs()>>> shapes = {
        {"even", [&] { return anywhere(rng); }},
        {"skewed to the start", [&] { return static_cast<TimestampMs>(std::pow(unit(rng), 8) * (year - 1)); }},
        {"two far clusters", [&] { return unit(rng) < 0.5 ? anywhere(rng) % 86400000LL : year - 1 - anywhere(rng) % 86400000LL; }},
        {"all tied", [&] { return year / 2; }},
    };
    for (const auto& [shape, when] : shapes) {
        for (const int events : {5, 40, 3000}) {
            EventRows rows;
            for (int i = 0; i < events; ++i) {
                DealRow d;
                d.id = std::to_string(i);
                d.owner = "7";
                d.currency = "EUR";
                d.value = i % 10 + 1;
                d.add_time = t_start + when();
                rows.deals.push_back(d);
            }
            const EventStore store = build_event_store(rows);
            const Series& s = store.started;
            const auto [slice, end] = s.slices_of_owner(*store.find_owner("7"));
            REQUIRE(end == slice + 1);
            for (int round = 0; round < 20; ++round) {
                // Sorted cut points, some of them before or after every event, paired into windows.
                std::vector<TimestampMs> cuts;
                for (int c = 0; c < 26; ++c) cuts.push_back(t_start - year / 4 + static_cast<TimestampMs>(unit(rng) * 1.5 * year));
                if (round % 2) cuts.push_back(t_start + year / 2);  // exactly on the tied events
                std::sort(cuts.begin(), cuts.end());
                std::vector<TimestampMs> starts, ends;
                for (size_t c = 0; c + 1 < cuts.size(); c += (round % 3 == 0 ? 2 : 1)) {  // gapped or back to back
                    starts.push_back(cuts[c]);
                    ends.push_back(cuts[c + 1]);
                }
                std::vector<Series::Span> spans(starts.size()), counts(starts.size());
                s.add_ranges(slice, starts.data(), ends.data(), starts.size(), spans.data());
                s.add_ranges(slice, starts.data(), ends.data(), starts.size(), counts.data(), false);
                for (size_t w = 0; w < starts.size(); ++w) {
                    uint32_t count = 0;
                    double sum = 0;
                    for (const DealRow& d : rows.deals)
                        if (*d.add_time >= starts[w] && *d.add_time < ends[w]) {
                            ++count;
                            sum += d.value;
                        }
                    INFO(shape << ", " << events << " events, round " << round << ", window " << w);
                    CHECK(spans[w].count == count);
                    CHECK(spans[w].sum == Approx(sum).margin(1e-9));
                    CHECK(counts[w].count == count);
                    CHECK(counts[w].sum == 0);  // sums not asked for
                    const Series::Span alone = s.range(slice, starts[w], ends[w]);
                    CHECK(alone.count == count);
                    CHECK(alone.sum == Approx(sum).margin(1e-9));
                    CHECK(s.count(slice, starts[w], ends[w]) == count);
                }
            }
        }
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Pace
//-----------------------------------------------------------------------------

TEST_CASE("pace pro-rates the current interval's target and forecasts its end", "[progress]") {
    EventRows rows;
    for (int i = 0; i < 9; ++i) rows.deals.push_back(won_deal(std::to_string(i).c_str(), "7", 1, "2024-04-03T00:00:00Z"));
    const EventStore store = build_event_store(rows);
    Goal g = make_goal(MetricType::deals_won, Interval::monthly, "2024-01-01", "2024-12-31", 30);
    ResultsRequest r = period("2024-04-01", "2024-06-30");
    r.now = at("2024-04-11T00:00:00Z");  // 10 of April's 30 days have passed
    const auto pace_at = [&](const Goal& goal) {
        const GoalResults res = results_of(goal, store, r);
        REQUIRE(res.pace.has_value());
        return *res.pace;
    };
    Pace p = pace_at(g);
    CHECK(p.elapsed_fraction == Approx(1.0 / 3.0));
    CHECK(p.prorated_target == Approx(10));
    CHECK(p.forecast == Approx(27));
    CHECK(p.status == PaceStatus::behind);  // 9 of 10: at least 80%
    g.target.amount = 24;                    // 9 of 8
    CHECK(pace_at(g).status == PaceStatus::on_track);
    g.target.amount = 60;                    // 9 of 20
    CHECK(pace_at(g).status == PaceStatus::at_risk);

    g.target.direction = Direction::lower_is_better;  // a cap of 60: 9 is far below the pro-rated 20
    CHECK(pace_at(g).status == PaceStatus::on_track);
    g.target.amount = 24;                             // 9 against a pro-rated cap of 8: 8/9 = 89%
    CHECK(pace_at(g).status == PaceStatus::behind);
    g.target.amount = 15;                             // 5/9
    CHECK(pace_at(g).status == PaceStatus::at_risk);

    r.now = at("2024-08-01T00:00:00Z");  // outside the period: no current interval, no pace
    CHECK_FALSE(results_of(g, store, r).pace.has_value());
}

//-----------------------------------------------------------------------------
// [SECTION] Condition goals: results from matches, the same rule
//-----------------------------------------------------------------------------

namespace {

Goal condition_goal(Interval interval, double target) {
    Goal g;
    g.id = "c1";
    g.vendor = Vendor::zendesk;
    g.metric.type = MetricType::conversions;
    g.target.amount = target;
    g.schedule.interval = interval;
    return g;
}

GoalResults match_results_of(const Goal& goal, const MatchSeries& matches, const ResultsRequest& request) {
    ResultsOutcome out = compute_results(goal, matches, request);
    INFO((out.errors.empty() ? std::string() : out.errors.front().code));
    REQUIRE(out.ok());
    return *out.results;
}

}  // namespace

TEST_CASE("condition goals: matches counted per bucket with their values, the target per interval and pace", "[progress][matches]") {
    MatchSeries m;
    // April 2024: 3 matches in the week of the 1st, 2 in the week of the 8th, one on the 11th at 23:30 UTC
    // (the 12th at UTC+2), one for another goal.
    m.add("c1", at("2024-04-01T09:00:00Z"), 10);
    m.add("c1", at("2024-04-03T09:00:00Z"), 0);
    m.add("c1", at("2024-04-07T21:59:59Z"), 5);  // Sunday, the 7th, also at UTC+2
    m.add("c1", at("2024-04-09T12:00:00Z"), 2.5);
    m.add("c1", at("2024-04-11T23:30:00Z"), 1);
    m.add("other", at("2024-04-02T09:00:00Z"), 100);
    m.finish();
    Goal g = condition_goal(Interval::weekly, 4);
    ResultsRequest r = period("2024-04-01", "2024-04-14");
    r.now = at("2024-04-10T12:00:00Z");  // Wednesday of the second week: 2.5 of its 7 days

    const GoalResults res = match_results_of(g, m, r);
    CHECK(res.source == ResultSource::matches);
    REQUIRE(res.buckets.size() == 2);
    CHECK(progress_per_bucket(res) == std::vector<double>{3, 2});
    REQUIRE(res.buckets[0].matches);
    CHECK(res.buckets[0].matches->count == 3);
    CHECK(res.buckets[0].matches->value == Approx(15));
    CHECK(res.buckets[1].matches->value == Approx(3.5));
    CHECK(res.buckets[0].target == 4);  // the weekly target, per week, as for a CRM goal
    CHECK(res.total_target == 8);
    REQUIRE(res.matches);
    CHECK(res.matches->count == 5);
    CHECK(res.total_progress == 5);
    REQUIRE(res.total_percent);
    CHECK(*res.total_percent == Approx(62.5));
    REQUIRE(res.pace);
    CHECK(res.pace->elapsed_fraction == Approx(2.5 / 7));
    CHECK(res.pace->prorated_target == Approx(4 * 2.5 / 7));
    CHECK(res.pace->status == PaceStatus::on_track);  // 2 of 1.43
    g.target.amount = 9;                               // 2 of 3.21: 62%
    CHECK(match_results_of(g, m, r).pace->status == PaceStatus::at_risk);
    g.target.amount = 6.5;                             // 2 of 2.32: 86%
    CHECK(match_results_of(g, m, r).pace->status == PaceStatus::behind);

    // A sum goal's progress is the values; the viewer's zone decides the day.
    g.target.tracking = TrackingMetric::sum;
    r.zone_offset_minutes = 120;
    const GoalResults sum = match_results_of(g, m, r);
    CHECK(progress_per_bucket(sum) == std::vector<double>{15, 3.5});
    r.zone_offset_minutes = -600;  // UTC-10: the 11th 23:30 UTC is still the 11th (and 04-01 09:00 UTC is March 31st)
    CHECK(match_results_of(g, m, r).buckets[1].matches->count == 2);
}

TEST_CASE("condition goals: the targets of buckets cut by another interval follow the goal's rule by days", "[progress][matches]") {
    MatchSeries none;
    none.finish();
    // A monthly target of 30 over April's weeks (a view that lists weeks): each week gets its days' share.
    const Goal monthly = condition_goal(Interval::monthly, 30);
    ResultsRequest r = period("2024-04-01", "2024-04-30");
    r.buckets = Interval::weekly;
    const GoalResults weeks = match_results_of(monthly, none, r);
    REQUIRE(weeks.buckets.size() == 5);  // Monday the 1st .. Tuesday the 30th
    CHECK(weeks.buckets[0].target == Approx(7));
    CHECK(weeks.buckets[4].target == Approx(2));
    CHECK(weeks.total_target == Approx(30));
    // A week that reaches over two months takes a share of each.
    ResultsRequest across = period("2024-04-29", "2024-05-05");
    across.buckets = Interval::weekly;
    CHECK(match_results_of(monthly, none, across).buckets[0].target == Approx(2 + 5 * 30.0 / 31));
    // With no interval and no duration the goal's target holds for any period, as for a CRM goal.
    const Goal open = condition_goal(Interval::none, 12);
    CHECK(match_results_of(open, none, period("2024-04-01", "2024-04-30")).total_target == 12);
    CHECK(match_results_of(open, none, r).buckets[1].target == 12);
    // The same cut gives a CRM goal the same targets: one rule.
    const EventStore store = build_event_store(EventRows{});
    Goal crm = make_goal(MetricType::deals_won, Interval::monthly, "2024-01-01", "2024-12-31", 30);
    const GoalResults crm_weeks = results_of(crm, store, r);
    REQUIRE(crm_weeks.buckets.size() == weeks.buckets.size());
    for (size_t i = 0; i < weeks.buckets.size(); ++i) CHECK(crm_weeks.buckets[i].target == Approx(weeks.buckets[i].target));
}

TEST_CASE("condition goals keep the results contract and agree with counting every match", "[progress][matches]") {
    Goal g = condition_goal(Interval::none, 0);
    g.schedule.start = day("2024-03-01");
    MatchSeries m;
    std::mt19937 rng(5);
    std::uniform_int_distribution<TimestampMs> when(at("2024-02-01T00:00:00Z"), at("2024-06-01T00:00:00Z"));
    std::vector<std::pair<TimestampMs, double>> all;
    for (int i = 0; i < 400; ++i) {
        const TimestampMs t = when(rng);
        const double v = double(i % 7);
        all.push_back({t, v});
        m.add(i % 3 ? "c1" : "other", t, v);
        if (i % 3 == 0) all.back().second = -1;  // not the goal's
    }
    m.finish();
    CHECK_FALSE(compute_results(g, m, period("2024-02-01", "2024-03-31")).ok());  // before the goal's start
    for (int round = 0; round < 40; ++round) {
        ResultsRequest r = period("2024-03-01", "2024-05-31");
        r.buckets = round % 2 ? Interval::weekly : Interval::monthly;
        r.zone_offset_minutes = (round % 9 - 4) * 90;
        const GoalResults res = match_results_of(g, m, r);
        for (const Bucket& b : res.buckets) {
            int64_t count = 0;
            double value = 0;
            for (const auto& [t, v] : all)
                if (v >= 0 && b.range.contains(civil_date_of(t, r.zone_offset_minutes))) {
                    ++count;
                    value += v;
                }
            CHECK(b.progress == double(count));
            CHECK(b.matches->value == Approx(value));
        }
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Property: the engine agrees with a naive reference
//-----------------------------------------------------------------------------

namespace {

// The obvious loop over every row for every bucket, written from the documented semantics.
double naive_progress(const Goal& g, const EventRows& rows, const Membership& m, DateRange bucket, int offset) {
    std::set<std::string> owners;
    if (g.assignee.type == AssigneeType::person) owners = {g.assignee.id};
    if (g.assignee.type == AssigneeType::team && m.teams.count(g.assignee.id))
        owners = {m.teams.at(g.assignee.id).begin(), m.teams.at(g.assignee.id).end()};
    const bool everyone = g.assignee.type == AssigneeType::company;
    const auto in_bucket = [&](TimestampMs t) { return bucket.contains(civil_date_of(t, offset)); };
    const auto pipeline_ok = [&](int64_t p) {
        return !g.metric.pipeline_ids || std::count(g.metric.pipeline_ids->begin(), g.metric.pipeline_ids->end(), p);
    };
    const bool sum = g.target.tracking == TrackingMetric::sum || g.metric.type == MetricType::revenue_forecast;
    double total = 0;
    std::set<std::string> seen;
    for (const DealRow& d : rows.deals) {
        if (!seen.insert(d.id).second || (!everyone && !owners.count(d.owner)) || !pipeline_ok(d.pipeline)) continue;
        if (sum && d.currency != g.target.currency_code) continue;
        const double amount = sum ? d.value : 1.0;
        if (g.metric.type == MetricType::deals_won && d.status == DealStatus::won && in_bucket(*d.won_time))
            total += amount;
        if (g.metric.type == MetricType::deals_started && in_bucket(*d.add_time)) total += amount;
        if (g.metric.type == MetricType::revenue_forecast) {
            if (d.status == DealStatus::won && in_bucket(*d.won_time)) total += amount;
            if (d.status == DealStatus::open && d.expected_close && bucket.contains(*d.expected_close))
                total += amount * *d.probability / 100.0;
        }
    }
    return total;
}

// The store finds repeated ids by subtraction when all ids are small sequential integers and by hashing
// otherwise: `id_style` 0 gives the first, 1 text ids, 2 integers too sparse for subtraction.
EventRows random_rows(std::mt19937& rng, int count, int id_style = 0) {
    EventRows rows;
    std::uniform_int_distribution<int> owner(1, 6), pipeline(1, 3), currency(0, 2), status(0, 2), id(0, count * 2);
    std::uniform_int_distribution<int64_t> when(at("2023-11-01T00:00:00Z"), at("2025-02-01T00:00:00Z"));
    std::uniform_int_distribution<int> cents(0, 1000000), probability(0, 100);
    const char* currencies[] = {"EUR", "USD", "GBP"};
    for (int i = 0; i < count; ++i) {
        DealRow d;
        const int n = id(rng);  // some ids repeat: the first one wins in both
        d.id = id_style == 1 ? "deal-" + std::to_string(n) : std::to_string(id_style == 2 ? n * 1000003LL : n);
        d.owner = std::to_string(owner(rng));
        d.pipeline = pipeline(rng);
        d.currency = currencies[currency(rng)];
        d.status = static_cast<DealStatus>(status(rng));
        d.value = cents(rng) / 100.0;
        d.add_time = when(rng);
        if (d.status == DealStatus::won) d.won_time = when(rng);
        d.expected_close = civil_date_of(when(rng));
        d.probability = probability(rng);
        rows.deals.push_back(d);
    }
    return rows;
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Averages, rates and the vendor's own figures
//-----------------------------------------------------------------------------

namespace {

// A HubSpot-style goal of monthly slices, each with the vendor's figure when `values` has one.
Goal sliced_goal(TrackingMetric tracking, Unit unit, Direction direction, std::vector<double> targets,
                 std::vector<std::optional<double>> values) {
    Goal g = make_goal(MetricType::sales_quota, Interval::monthly, "2026-01-01", "2026-12-31", targets.front());
    g.vendor = Vendor::hubspot;
    g.target.tracking = tracking;
    g.target.unit = unit;
    g.target.direction = direction;
    for (size_t i = 0; i < targets.size(); ++i) {
        IntervalTarget slice;
        const DateRange month = interval_containing(Date{day("2026-01-01").days + int32_t(i) * 31}, Interval::monthly);
        slice.start = month.start;
        slice.end = month.end;
        slice.target = targets[i];
        slice.reported_value = values[i];
        g.schedule.per_interval.push_back(slice);
    }
    return g;
}

}  // namespace

TEST_CASE("an average is compared with its whole target, never pro-rated, and lower is better under it", "[progress][level]") {
    // Average first-reply time: 3.2 h in January against a 4 h lower-is-better target.
    const Goal reply = sliced_goal(TrackingMetric::average, Unit::duration, Direction::lower_is_better, {4, 4, 3},
                                   {3.2, 4.5, std::nullopt});
    ResultsRequest r = period("2026-01-01", "2026-01-31");
    r.now = at("2026-01-10T12:00:00Z");  // a third of the month: an accumulating 4 would be pro-rated to 1.3
    const GoalResults jan = results_of(reply, EventStore{}, r);
    CHECK(jan.source == ResultSource::vendor);
    CHECK(jan.level);
    CHECK(jan.total_progress == Approx(3.2));
    CHECK(jan.total_target == Approx(4));
    REQUIRE(jan.pace);
    CHECK(jan.pace->prorated_target == Approx(4));
    CHECK(jan.pace->status == PaceStatus::on_track);
    CHECK(jan.pace->forecast == Approx(3.2));  // a level forecasts itself

    // Over two months the totals are the months' means, not their sums.
    const GoalResults both = results_of(reply, EventStore{}, period("2026-01-01", "2026-02-28"));
    CHECK(both.total_progress == Approx((3.2 + 4.5) / 2));
    CHECK(both.total_target == Approx(4));
    // A clipped month keeps its whole target.
    const GoalResults half = results_of(reply, EventStore{}, period("2026-03-01", "2026-03-15"));
    CHECK(half.total_target == Approx(3));

    // In February 4.5 h is over the 4 h limit: not on track.
    ResultsRequest feb = period("2026-02-01", "2026-02-28");
    feb.now = at("2026-02-20T12:00:00Z");
    const GoalResults late = results_of(reply, EventStore{}, feb);
    REQUIRE(late.pace);
    CHECK(late.pace->status != PaceStatus::on_track);
}

TEST_CASE("a percentage rate is a level too", "[progress][level]") {
    const Goal rate = sliced_goal(TrackingMetric::quantity, Unit::percent, Direction::higher_is_better, {30, 30},
                                  {25, 35});
    CHECK(is_level_goal(rate));
    const GoalResults r = results_of(rate, EventStore{}, period("2026-01-01", "2026-02-28"));
    CHECK(r.total_progress == Approx(30));
    CHECK(r.total_target == Approx(30));
}

TEST_CASE("the vendor's figures are the progress without CRM data, and are reported beside computed ones", "[progress][vendor]") {
    Goal quota = sliced_goal(TrackingMetric::sum, Unit::currency, Direction::higher_is_better, {1000, 1500},
                             {800, 600});
    quota.assignee = {AssigneeType::company, ""};
    quota.target.currency_code = "EUR";
    ResultsRequest r = period("2026-01-01", "2026-02-28");
    const GoalResults vendor = results_of(quota, EventStore{}, r);
    CHECK(vendor.source == ResultSource::vendor);
    CHECK(progress_per_bucket(vendor) == std::vector<double>{800, 600});
    CHECK(vendor.total_progress == Approx(1400));
    CHECK(vendor.total_target == Approx(2500));
    CHECK(vendor.currency == "EUR");
    CHECK_FALSE(vendor.reported);
    const Json j = results_to_json(vendor);
    CHECK(j["source"] == "vendor");

    // With deals given, the figures are computed from them, and the vendor's are reported beside.
    EventRows rows;
    rows.deals.push_back(won_deal("1", "5", 300, "2026-01-15T10:00:00Z"));
    rows.deals.push_back(won_deal("2", "5", 200, "2026-02-03T10:00:00Z"));
    const EventStore store = build_event_store(rows);
    const GoalResults computed = results_of(quota, store, r);
    CHECK(computed.source == ResultSource::computed);
    CHECK(progress_per_bucket(computed) == std::vector<double>{300, 200});
    REQUIRE(computed.reported);
    CHECK(computed.reported->progress == Approx(1400));
    CHECK(results_to_json(computed)["reported"]["progress"] == 1400.0);

    // An average has no CRM counterpart: the vendor's figure stays, data or not; without one it is a 422.
    const Goal reply = sliced_goal(TrackingMetric::average, Unit::duration, Direction::lower_is_better, {4}, {3.2});
    CHECK(results_of(reply, store, period("2026-01-01", "2026-01-31")).source == ResultSource::vendor);
    Goal blind = reply;
    blind.schedule.per_interval[0].reported_value.reset();
    const ResultsOutcome none = compute_results(blind, store, period("2026-01-01", "2026-01-31"));
    REQUIRE_FALSE(none.ok());
    CHECK(none.errors[0].code == "unsupported_metric");
}

TEST_CASE("property: the indexed engine agrees with the naive reference on random data", "[progress][property]") {
    std::mt19937 rng(20240229);
    Membership m;
    m.teams["a"] = {"1", "2", "5"};
    const MetricType types[] = {MetricType::deals_won, MetricType::deals_started, MetricType::revenue_forecast};
    const Interval intervals[] = {Interval::weekly, Interval::monthly, Interval::quarterly, Interval::yearly};
    const AssigneeType assignees[] = {AssigneeType::person, AssigneeType::team, AssigneeType::company};
    for (int round = 0; round < 30; ++round) {
        const EventRows rows = random_rows(rng, 400, round % 3);
        const EventStore store = build_event_store(rows, m);
        Goal g = make_goal(types[round % 3], intervals[round % 4], "2024-01-01", "2024-12-31", 100);
        g.assignee = {assignees[(round / 3) % 3], (round / 3) % 3 == 1 ? "a" : "3"};
        g.target.tracking = round % 2 ? TrackingMetric::sum : TrackingMetric::quantity;
        g.target.currency_code = "EUR";
        if (round % 5 == 0) g.metric.pipeline_ids = std::vector<int64_t>{1, 3};
        ResultsRequest request = period("2024-01-01", "2024-12-31");
        request.zone_offset_minutes = (round % 7 - 3) * 150;
        const GoalResults r = results_of(g, store, request);
        for (const Bucket& b : r.buckets) {
            INFO("round " << round << " bucket " << format_civil_date(b.range.start));
            CHECK(b.progress == Approx(naive_progress(g, rows, m, b.range, request.zone_offset_minutes)).epsilon(1e-9));
        }
    }
}
