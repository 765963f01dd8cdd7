// Progress engine benchmark: 1,000 goals over 500,000 and 1,000,000 deals, a full year by month.
// Building the store (dedupe, owners, layout, prefix sums) is measured apart from computing the results,
// which is what runs each time the widget redraws a period. The two sizes show how each grows with the
// events (scripts/bench_report.py prints the ratios). Deal ids are sequential integers, as Pipedrive's
// are; one more store build over text ids measures the hashed path that other ids take.
#include <random>
#include <string>
#include <vector>

#include "bench.hpp"
#include "core/calendar.hpp"
#include "core/progress.hpp"

namespace {

constexpr int kOwners = 200;
constexpr int kTeams = 20;
constexpr int kGoals = 1000;

gp::EventRows make_deals(int count, std::mt19937& rng, bool text_ids = false) {
    gp::EventRows rows;
    rows.deals.reserve(static_cast<size_t>(count));
    const gp::TimestampMs start = *gp::parse_timestamp("2023-07-01T00:00:00Z");
    std::uniform_int_distribution<gp::TimestampMs> when(start, start + 548LL * gp::kMsPerDay);
    std::uniform_int_distribution<int> owner(0, kOwners - 1), pipeline(1, 4), currency(0, 2), status(0, 3);
    std::uniform_int_distribution<int> value(1, 100000), probability(0, 100);
    const char* currencies[] = {"EUR", "USD", "GBP"};
    for (int i = 0; i < count; ++i) {
        gp::DealRow d;
        d.id = text_ids ? "deal-" + std::to_string(i) : std::to_string(i);
        d.owner = std::to_string(owner(rng));
        d.pipeline = pipeline(rng);
        d.currency = currencies[currency(rng)];
        const int s = status(rng);
        d.status = s == 0 ? gp::DealStatus::lost : s == 1 ? gp::DealStatus::open : gp::DealStatus::won;
        d.value = value(rng);
        d.add_time = when(rng);
        if (d.status == gp::DealStatus::won) d.won_time = *d.add_time + 20 * gp::kMsPerDay;
        d.expected_close = gp::civil_date_of(*d.add_time + 30 * gp::kMsPerDay);
        d.probability = probability(rng);
        rows.deals.push_back(std::move(d));
    }
    return rows;
}

gp::Membership make_teams() {
    gp::Membership m;
    for (int o = 0; o < kOwners; ++o) m.teams[std::to_string(o % kTeams)].push_back(std::to_string(o));
    return m;
}

// A mix like a real account's: mostly personal goals, some team goals, a few company goals.
std::vector<gp::Goal> make_goals() {
    std::vector<gp::Goal> goals;
    const gp::MetricType types[] = {gp::MetricType::deals_won, gp::MetricType::deals_started,
                                    gp::MetricType::revenue_forecast};
    for (int i = 0; i < kGoals; ++i) {
        gp::Goal g;
        g.id = std::to_string(i);
        g.metric.type = types[i % 3];
        if (i % 10 < 8) g.assignee = {gp::AssigneeType::person, std::to_string(i % kOwners)};
        else if (i % 10 == 8) g.assignee = {gp::AssigneeType::team, std::to_string(i % kTeams)};
        else g.assignee = {gp::AssigneeType::company, "1"};
        if (i % 4 == 0) g.metric.pipeline_ids = std::vector<int64_t>{1, 3};
        g.target.amount = 1000;
        g.target.tracking = i % 2 ? gp::TrackingMetric::sum : gp::TrackingMetric::quantity;
        g.target.currency_code = "EUR";
        g.schedule.start = gp::parse_civil_date("2024-01-01");
        g.schedule.end = gp::parse_civil_date("2024-12-31");
        g.schedule.interval = gp::Interval::monthly;
        goals.push_back(std::move(g));
    }
    return goals;
}

std::string size_name(int deal_count) {
    return deal_count % 1000000 == 0 ? std::to_string(deal_count / 1000000) + "m" : std::to_string(deal_count / 1000) + "k";
}

void run(int deal_count, const std::vector<gp::Goal>& goals, const gp::Membership& teams) {
    std::mt19937 rng(42);
    const gp::EventRows rows = make_deals(deal_count, rng);
    const std::string suffix = size_name(deal_count);

    gp::EventStore store;
    const double build_ms = gp::bench::median_ms(3, [&] { store = gp::build_event_store(rows, teams); });
    gp::bench::report({"progress.build_store." + suffix, build_ms, 3, 0, static_cast<double>(deal_count)});

    gp::ResultsRequest request;
    request.period_start = "2024-01-01";
    request.period_end = "2024-12-31";
    request.now = *gp::parse_timestamp("2024-06-15T12:00:00Z");
    double checksum = 0;
    // A pass takes a few milliseconds, so it is timed many times, after enough warm-up passes (about half a
    // second) for V8 to have optimised the code: a median of few short runs moved by a third between runs.
    constexpr int kResultsRuns = 31;
    constexpr int kResultsWarmups = 50;
    const double results_ms = gp::bench::median_ms(kResultsRuns, [&] {
        for (const gp::Goal& g : goals) {
            const gp::ResultsOutcome out = gp::compute_results(g, store, request);
            if (out.results) checksum += out.results->total_progress;
        }
    }, kResultsWarmups);
    gp::bench::keep(checksum);
    gp::bench::report({"progress.results_1000_goals_year_by_month." + suffix, results_ms, kResultsRuns, 0,
                       static_cast<double>(deal_count)});
}

void run_text_ids(int deal_count, const gp::Membership& teams) {
    std::mt19937 rng(42);
    const gp::EventRows rows = make_deals(deal_count, rng, true);
    gp::EventStore store;
    const double build_ms = gp::bench::median_ms(3, [&] { store = gp::build_event_store(rows, teams); });
    gp::bench::report({"progress.build_store_text_ids." + size_name(deal_count), build_ms, 3, 0,
                       static_cast<double>(deal_count)});
}

}  // namespace

int main() {
    const std::vector<gp::Goal> goals = make_goals();
    const gp::Membership teams = make_teams();
    run(500000, goals, teams);
    run(1000000, goals, teams);
    run_text_ids(1000000, teams);
    return 0;
}
