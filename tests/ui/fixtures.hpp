// Goals of every kind the views draw, with data the core computes from: the UI tests' stand-in for the demo.
// Today is 2024-03-20 (a Wednesday) at noon UTC; the data is in 2024 and before.
#pragma once

#include <memory>
#include <string>

#include "core/data_readers.hpp"
#include "core/read.hpp"
#include "ui/core_bridge.hpp"

namespace gp::ui::test {

constexpr TimestampMs kFixtureNow = 1710936000000;  // 2024-03-20T12:00:00Z

inline const char* fixture_goals() {
    return R"({"success": true, "data": {"goals": [
  {"id": "won", "title": "Won deals, Nordics pipeline", "type": {"name": "deals_won", "params": {"pipeline_id": null}},
   "assignee": {"id": 1, "type": "company"}, "expected_outcome": {"target": 120, "tracking_metric": "quantity"},
   "duration": {"start": "2024-01-01", "end": "2024-12-31"}, "interval": "quarterly", "is_active": true},
  {"id": "calls", "title": "Calls completed by the whole company across every team and region this year",
   "type": {"name": "activities_completed", "params": {"activity_type_id": null}},
   "assignee": {"id": 1, "type": "company"}, "expected_outcome": {"target": 300, "tracking_metric": "quantity"},
   "duration": {"start": "2024-03-06", "end": "2024-12-29"}, "interval": "weekly", "is_active": true},
  {"id": "old", "title": "Won deals, 2023", "type": {"name": "deals_won", "params": {"pipeline_id": null}},
   "assignee": {"id": 7, "type": "person"}, "expected_outcome": {"target": 40, "tracking_metric": "quantity"},
   "duration": {"start": "2023-01-01", "end": "2023-12-31"}, "interval": "monthly", "is_active": false},
  {"id": "later", "title": "Won deals from 2027", "type": {"name": "deals_won", "params": {"pipeline_id": null}},
   "assignee": {"id": 7, "type": "person"}, "expected_outcome": {"target": 10, "tracking_metric": "quantity"},
   "duration": {"start": "2027-01-01", "end": "2027-12-31"}, "interval": "monthly", "is_active": true}]}})";
}

// Won deals: two or three a week since January; calls: a few a day since March.
inline std::string fixture_events() {
    std::string deals = "[", activities = "[";
    int id = 0;
    for (int day = 1; day <= 79; ++day) {  // 2024-01-01 .. 2024-03-19
        const Date d{parse_civil_date("2024-01-01")->days + day - 1};
        const std::string when = format_civil_date(d);
        if (day % 3 == 0) {
            const std::string sep = id ? "," : "";
            ++id;
            deals += sep + R"({"id": "d)" + std::to_string(id) + R"(", "owner": "7", "status": "won", "value": 1000, )" +
                     R"("add_time": ")" + when + R"(T09:00:00Z", "won_time": ")" + when + R"(T15:00:00Z"})";
        }
        if (day >= 64) {
            for (int k = 0; k < 1 + day % 4; ++k) {
                activities += std::string(activities.size() > 1 ? "," : "") + R"({"id": "a)" + std::to_string(day * 10 + k) +
                              R"(", "owner": "7", "type": 1, "done": true, "add_time": ")" + when + R"(T08:00:00Z", "done_time": ")" +
                              when + R"(T1)" + std::to_string(k) + R"(:00:00Z"})";
            }
        }
    }
    return R"({"deals": )" + deals + "], \"activities\": " + activities + "]}";
}

inline Goal hubspot_revenue() {
    Goal g;
    g.id = "hs-revenue";
    g.vendor = Vendor::hubspot;
    g.title = "New business revenue, Lars Eriksen";
    g.metric.type = MetricType::sales_quota;
    g.target.unit = Unit::currency;
    g.target.currency_code = "EUR";
    g.assignee = {AssigneeType::person, "3301"};
    // Seasonal targets: 20,000, 30,000 and 40,000 in the first quarter's months.
    const char* months[] = {"2024-01-01", "2024-02-01", "2024-03-01"};
    const double targets[] = {20000, 30000, 40000}, values[] = {21000, 27000, 18900};
    for (int i = 0; i < 3; ++i) {
        IntervalTarget s;
        s.start = *parse_civil_date(months[i]);
        s.end = interval_containing(s.start, Interval::monthly).end;
        s.target = targets[i];
        s.reported_value = values[i];
        g.schedule.per_interval.push_back(s);
    }
    g.schedule.start = g.schedule.per_interval.front().start;
    g.schedule.end = g.schedule.per_interval.back().end;
    return g;
}

inline Goal hubspot_response_time() {
    Goal g;
    g.id = "hs-response";
    g.vendor = Vendor::hubspot;
    g.title = "Average ticket response time (hours)";
    g.metric.type = MetricType::none;
    g.target.unit = Unit::duration;
    g.target.direction = Direction::lower_is_better;
    g.target.tracking = TrackingMetric::average;  // HubSpot's AVG: a level, under its limit is on track
    g.target.amount = 4;
    g.reported.value = 3.2;
    g.schedule.start = *parse_civil_date("2024-03-01");
    g.schedule.end = *parse_civil_date("2024-03-31");
    return g;
}

inline Goal zendesk_checkout() {
    Goal g;
    g.id = "301";
    g.vendor = Vendor::zendesk;
    g.title = "Checkout completed";
    g.metric.type = MetricType::conversions;
    Condition c;
    c.field = ConditionField::url;
    c.op = ConditionOp::contains;
    c.value = "/checkout/thanks";
    g.conditions.push_back(c);
    return g;  // no target: counted, valued and compared with the month before
}

struct Fixture {
    WidgetData data;
};

// Every goal above, with the core's progress (CRM events, matches) behind the views.
inline WidgetData fixture_data() {
    WidgetData data;
    data.generation = 1;
    const ReadResult goals = read_goals(fixture_goals());
    data.goals = goals.goals;
    data.goals.push_back(hubspot_revenue());
    data.goals.push_back(hubspot_response_time());
    data.goals.push_back(zendesk_checkout());
    const DataReadResult events = read_canonical_json(fixture_events());
    auto store = std::make_shared<const EventStore>(build_event_store(events.rows));
    for (int i = 0; i < 9; ++i) {  // 5 in February, 4 in March
        const TimestampMs at = *parse_timestamp(i < 5 ? "2024-02-10T10:00:00Z" : "2024-03-12T10:00:00Z") + TimestampMs(i) * 3600000;
        data.matches.push_back({at, "301", "v" + std::to_string(i), "https://shop.example.org/checkout/thanks", 20.0 + i,
                                i % 2 ? "agent-7" : ""});
    }
    auto crm = progress_with_core(store, std::nullopt);
    data.services = core_services();
    data.services.progress = progress_with_matches(match_series_of(data.matches), [crm](const Goal& g, const ProgressQuery& q) {
        // HubSpot's goals carry their own figures; the CRM engine computes Pipedrive's.
        return g.vendor == Vendor::hubspot ? progress_from_goal(g, q) : crm(g, q);
    });
    data.current_page_url = "https://shop.example.org/checkout/thanks";
    data.status = "ready: pipedrive";
    data.loaded_at = kFixtureNow - 5 * 60000;
    return data;
}

}  // namespace gp::ui::test
