// Ingest benchmark: what the widget reads from the network, goals and the data they are measured against.
// - read.<vendor>: 100,000 goals per vendor, generated in memory and written in the vendor's wire format,
//   then parsed and validated by read_goals (the parse into the DOM, mapping, the vendor's rules).
// - read.data.*: 200,000 Pipedrive deals and HubSpot deals in the shape real records have (nested owners,
//   nulls, money as text), and 200,000 lines of a page-view event log, through their readers.
// "bytes" is the payload size and "items" the goals or rows read, so MB/s and items/s follow from median_ms.
// Decimal numbers appear the way each vendor sends them (Pipedrive sum targets as JSON numbers, HubSpot
// and giosg amounts as strings), so the float-parsing cost in wasm is part of what is measured.
#include <cstdio>
#include <string>
#include <vector>

#include "bench.hpp"
#include "core/calendar.hpp"
#include "core/conversion_readers.hpp"
#include "core/data_readers.hpp"
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

constexpr int kRows = 200000;

// Dates spread over two years, so that the time parser sees many different days.
std::string day_text(int i) {
    const gp::Date d{gp::parse_civil_date("2025-01-01")->days + i % 730};
    return gp::format_civil_date(d);
}

std::string pipedrive_deals_payload() {
    std::string out = "{\"success\":true,\"data\":[";
    for (int i = 0; i < kRows; ++i) {
        if (i) out += ',';
        const bool won = i % 3 != 0;
        out += "{\"id\":" + std::to_string(500000 + i) + ",\"title\":\"Deal " + std::to_string(i) +
               " for the harbour office\",\"value\":" + std::to_string(1000 + i % 9000) + "." +
               std::to_string(i % 100) + ",\"currency\":\"" + (i % 4 ? "EUR" : "USD") +
               "\",\"user_id\":{\"id\":" + std::to_string(i % 300) + ",\"name\":\"Owner " +
               std::to_string(i % 300) + "\",\"email\":\"owner" + std::to_string(i % 300) +
               "@example.org\",\"has_pic\":0,\"active_flag\":true},\"pipeline_id\":" + std::to_string(1 + i % 5) +
               ",\"stage_id\":" + std::to_string(1 + i % 12) + ",\"status\":\"" + (won ? "won" : "open") +
               "\",\"add_time\":\"" + day_text(i) + " 09:15:00\",\"won_time\":" +
               (won ? "\"" + day_text(i + 20) + " 16:40:00\"" : std::string("null")) +
               ",\"expected_close_date\":\"" + day_text(i + 40) + "\",\"probability\":null,\"lost_reason\":null}";
    }
    out += "],\"additional_data\":{\"pagination\":{\"start\":0,\"limit\":500,\"more_items_in_collection\":false}}}";
    return out;
}

std::string hubspot_deals_payload() {
    std::string out = "{\"results\":[";
    for (int i = 0; i < kRows; ++i) {
        if (i) out += ',';
        out += "{\"id\":\"" + std::to_string(880000 + i) + "\",\"properties\":{\"amount\":\"" +
               std::to_string(500 + i % 9000) + ".50\",\"closedate\":\"" + day_text(i) +
               "T15:00:00.000Z\",\"dealstage\":\"" + (i % 3 ? "closedwon" : "appointmentscheduled") +
               "\",\"pipeline\":\"default\",\"hubspot_owner_id\":\"" + std::to_string(500 + i % 200) +
               "\",\"deal_currency_code\":\"USD\",\"createdate\":\"" + day_text(i + 700) +
               "T10:00:00Z\",\"hs_object_id\":\"" + std::to_string(880000 + i) +
               "\"},\"createdAt\":\"" + day_text(i) + "T10:00:00Z\",\"archived\":false}";
    }
    out += "]}";
    return out;
}

std::string event_log_payload() {
    std::string out;
    for (int i = 0; i < kRows; ++i) {
        out += "{\"visitor_id\":\"vis-" + std::to_string(i % 20000) + "\",\"at\":\"" + day_text(i) + "T10:" +
               std::to_string(10 + i % 50) + ":00Z\",\"url\":\"https://store.example.net/products/" +
               std::to_string(i % 1000) + "?ref=mail\",\"title\":\"Product " + std::to_string(i % 1000) +
               "\",\"referrer\":\"https://search.example/?q=shoes\"}\n";
    }
    return out;
}

template <class Read>
void bench_data(const char* name, const std::string& payload, Read read) {
    size_t rows = 0;
    const double ms = gp::bench::median_ms(kRuns, [&] { rows = read(payload); });
    if (rows != static_cast<size_t>(kRows)) std::fprintf(stderr, "bench_read: %s read %zu rows\n", name, rows);
    gp::bench::report({std::string("read.data.") + name, ms, kRuns, static_cast<double>(payload.size()), static_cast<double>(rows)});
}

}  // namespace

int main() {
    bench_vendor("pipedrive", gp::Vendor::pipedrive, pipedrive_goal);
    bench_vendor("hubspot", gp::Vendor::hubspot, hubspot_goal);
    bench_vendor("giosg", gp::Vendor::giosg, giosg_goal);
    bench_vendor("zendesk", gp::Vendor::zendesk, zendesk_goal);
    gp::DataReadOptions data;
    data.max_bytes = 512u * 1024u * 1024u;
    bench_data("pipedrive_deals", pipedrive_deals_payload(), [&](const std::string& p) {
        const gp::DataReadResult r = gp::read_pipedrive_deals(p, data);
        gp::bench::keep(r);
        return r.rows.deals.size();
    });
    bench_data("hubspot_deals", hubspot_deals_payload(), [&](const std::string& p) {
        const gp::DataReadResult r = gp::read_hubspot_deals(p, data);
        gp::bench::keep(r);
        return r.rows.deals.size();
    });
    bench_data("event_log", event_log_payload(), [](const std::string& p) {
        const gp::EventLogRead r = gp::read_event_log(p);
        gp::bench::keep(r);
        return r.views.size();
    });
    return 0;
}
