// Goal formats benchmark: 100,000 goals per vendor, generated in memory and written in the vendor's wire
// format, then parsed and validated by read_goals (pre-scan, nlohmann parse, mapping, the vendor's rules).
// "bytes" is the payload size and "items" the goals read, so MB/s and goals/s follow from median_ms.
// Decimal numbers appear the way each vendor sends them (Pipedrive sum targets as JSON numbers, HubSpot
// and giosg amounts as strings), so the float-parsing cost in wasm is part of what is measured.
#include <cstdio>
#include <string>
#include <vector>

#include "bench.hpp"
#include "core/calendar.hpp"
#include "core/read.hpp"
#include "core/write.hpp"

namespace {

constexpr int kGoals = 100000;
constexpr int kRuns = 5;

gp::Goal base_goal(int i, gp::Vendor vendor) {
    gp::Goal g;
    g.vendor = vendor;
    g.id = std::to_string(100000 + i);
    g.title = "Goal number " + std::to_string(i) + " for the quarterly review";
    return g;
}

gp::Goal pipedrive_goal(int i) {
    gp::Goal g = base_goal(i, gp::Vendor::pipedrive);
    g.assignee = {gp::AssigneeType::person, std::to_string(i % 500)};
    g.metric.type = i % 2 ? gp::MetricType::deals_won : gp::MetricType::revenue_forecast;
    g.metric.pipeline_ids = std::vector<int64_t>{1 + i % 7, 9};
    g.target.tracking = i % 2 ? gp::TrackingMetric::quantity : gp::TrackingMetric::sum;
    g.target.amount = i % 2 ? 40 + i % 13 : 15000.25 + i;
    if (g.target.tracking == gp::TrackingMetric::sum) g.target.currency_id = 1;
    g.schedule.start = gp::parse_civil_date("2025-01-01");
    g.schedule.end = gp::parse_civil_date("2025-12-31");
    g.schedule.interval = gp::Interval::quarterly;
    return g;
}

gp::Goal hubspot_goal(int i) {
    gp::Goal g = base_goal(i, gp::Vendor::hubspot);
    g.assignee = {gp::AssigneeType::person, std::to_string(6000 + i % 300)};
    g.target.unit = gp::Unit::currency;
    gp::IntervalTarget slice;
    slice.start = *gp::parse_civil_date("2025-04-01");
    slice.end = *gp::parse_civil_date("2025-06-30");
    slice.target = 25000.5 + i;
    slice.source_id = g.id;
    slice.reported_value = 1234.75 + i;
    g.schedule.per_interval.push_back(slice);
    g.extra["records"][g.id]["properties"] = {{"hs_group_correlation_uuid", "c0ffee00-0000-4000-8000-" + g.id},
                                              {"hs_goal_target_group_id", g.id}};
    return g;
}

gp::Goal giosg_goal(int i) {
    gp::Goal g = base_goal(i, gp::Vendor::giosg);
    g.id = "5c1d2e3f-0000-4a00-8b00-" + std::to_string(100000000000 + i);
    g.rooms.any_room = i % 3 != 0;
    if (!g.rooms.any_room) g.rooms.allowed_rooms = {"9a9a0001-1111-4222-8333-444455556666"};
    g.default_value = 12.5 + i % 100;
    g.created_at = *gp::parse_timestamp("2024-11-03T10:15:00.250Z") + i * 1000LL;
    for (int c = 0; c < 2; ++c) {
        gp::Condition cond;
        cond.vendor_code = 4 + c;
        cond.op = gp::ConditionOp::unsupported;
        cond.field = gp::ConditionField::giosg_code;
        cond.value = "/products/" + std::to_string(i % 1000);
        cond.settings = gp::Json::object();
        g.conditions.push_back(cond);
    }
    return g;
}

gp::Goal zendesk_goal(int i) {
    gp::Goal g = base_goal(i, gp::Vendor::zendesk);
    g.description = "Visitors who reach the checkout";
    g.active = i % 2 == 0;
    g.attribution = {gp::AttributionModel::last_touch, 1 + i % 30};
    g.conditions.push_back({gp::ConditionField::url, gp::ConditionOp::equals, "https://shop.example.org/pay/" + std::to_string(i)});
    g.conditions.push_back({gp::ConditionField::url, gp::ConditionOp::contains, "/checkout/"});
    return g;
}

void bench_vendor(const char* name, gp::Vendor vendor, gp::Goal (*make)(int)) {
    std::vector<gp::Goal> goals;
    goals.reserve(kGoals);
    for (int i = 0; i < kGoals; ++i) goals.push_back(make(i));
    gp::WriteOptions w;
    w.format = vendor;
    const std::string payload = gp::write_goals(goals, w).text;
    goals.clear();
    gp::ReadOptions options;
    options.format = vendor;
    options.max_bytes = payload.size() + 1;
    size_t read = 0, errors = 0;
    const double ms = gp::bench::median_ms(kRuns, [&] {
        const gp::ReadResult r = gp::read_goals(payload, options);
        read = r.goals.size();
        errors = r.errors.size();
        gp::bench::keep(r);
    });
    if (read != static_cast<size_t>(kGoals) || errors != 0)
        std::fprintf(stderr, "bench_read: %s read %zu goals with %zu errors\n", name, read, errors);
    gp::bench::report({std::string("read.") + name, ms, kRuns, static_cast<double>(payload.size()), static_cast<double>(read)});
}

}  // namespace

int main() {
    bench_vendor("pipedrive", gp::Vendor::pipedrive, pipedrive_goal);
    bench_vendor("hubspot", gp::Vendor::hubspot, hubspot_goal);
    bench_vendor("giosg", gp::Vendor::giosg, giosg_goal);
    bench_vendor("zendesk", gp::Vendor::zendesk, zendesk_goal);
    return 0;
}
