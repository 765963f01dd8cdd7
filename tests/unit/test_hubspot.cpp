// HubSpot goal_targets: string properties, grouping records into goals, per-interval targets.
#include <algorithm>

#include "goal_fixtures.hpp"

#include "core/calendar.hpp"

using namespace gp;
using namespace gp::test;

namespace {

ReadResult read_hubspot_fixture() {
    ReadResult r = read_goals(load_fixture("hubspot_list.json"));
    INFO(describe(r.errors));
    REQUIRE(r.ok());
    REQUIRE(r.vendor == Vendor::hubspot);
    return r;
}

Date day(const char* text) { return *parse_civil_date(text); }

}  // namespace

TEST_CASE("hubspot records of one group become one goal with per-interval targets", "[hubspot]") {
    const ReadResult r = read_hubspot_fixture();
    REQUIRE(r.goals.size() == 2);
    const Goal& quota = r.goals[0];
    CHECK(quota.id == "8800");
    CHECK(quota.title == "Q-revenue, Aino");
    CHECK(quota.assignee == Assignee{AssigneeType::person, "6001"});
    CHECK(quota.target.unit == Unit::currency);
    CHECK(quota.target.tracking == TrackingMetric::sum);
    REQUIRE(quota.schedule.per_interval.size() == 2);
    // Sorted by start although the payload lists Q2 first; the exclusive end midnight is the day before.
    CHECK(quota.schedule.per_interval[0].start == day("2025-01-01"));
    CHECK(quota.schedule.per_interval[0].end == day("2025-03-31"));
    CHECK(quota.schedule.per_interval[0].target == 25000);
    CHECK(quota.schedule.per_interval[0].source_id == "510001");
    CHECK(quota.schedule.per_interval[1].target == 30000);
    CHECK(quota.schedule.per_interval[1].reported_value == 12500.5);
    CHECK(quota.schedule.interval == Interval::quarterly);
    CHECK(quota.schedule.start == day("2025-01-01"));
    CHECK(quota.schedule.end == day("2025-06-30"));
    CHECK(quota.reported.value == 26010 + 12500.5);
    CHECK(quota.reported.percent == 41.67);  // the latest slice's
    CHECK(quota.created_at == parse_timestamp("2025-01-10T08:00:00Z"));
    CHECK(quota.updated_at == parse_timestamp("2025-05-02T09:30:00Z"));
    CHECK(quota.extra["records"]["510001"]["properties"]["hs_object_id"] == "510001");
}

TEST_CASE("hubspot LOWER_IS_BETTER reverses the direction and unit type drives formatting", "[hubspot]") {
    const ReadResult r = read_hubspot_fixture();
    const Goal& response = r.goals[1];
    CHECK(response.target.direction == Direction::lower_is_better);
    CHECK(response.target.unit == Unit::duration);
    CHECK(response.assignee == Assignee{AssigneeType::team, "140"});
    CHECK(response.schedule.interval == Interval::monthly);
}

TEST_CASE("hubspot paging cursor and link", "[hubspot]") {
    const ReadResult r = read_hubspot_fixture();
    CHECK(r.next.cursor == "510004");
    CHECK(r.next.url == "https://api.hubapi.com/crm/v3/objects/goal_targets?after=510004");
    CHECK(r.next.has_more());
}

TEST_CASE("hubspot single record and bare array", "[hubspot]") {
    const char* record = R"({"id":"9","properties":{"hs_goal_name":"Calls","hs_target_amount":"120","hs_start_datetime":"2025-02-01T00:00:00Z","hs_end_datetime":"2025-03-01T00:00:00Z"},"archived":false})";
    const ReadResult single = read_goals(record);
    REQUIRE(single.ok());
    REQUIRE(single.goals.size() == 1);
    CHECK(single.goals[0].id == "9");
    CHECK(single.goals[0].target.amount == 120);
    CHECK(single.goals[0].schedule.end == day("2025-02-28"));
    const ReadResult bare = read_goals(std::string("[") + record + "]");
    REQUIRE(bare.goals.size() == 1);
    CHECK(bare.goals[0] == single.goals[0]);
}

TEST_CASE("hubspot read -> write -> read keeps the model", "[hubspot][roundtrip]") {
    const ReadResult r = read_hubspot_fixture();
    require_round_trip(r.goals, Vendor::hubspot);
}

TEST_CASE("hubspot: one bad record drops its own goal only", "[hubspot]") {
    const std::string payload = R"({"results":[
      {"id":"1","properties":{"hs_goal_target_group_id":"A","hs_target_amount":"ten","hs_start_datetime":"2025-01-01T00:00:00Z","hs_end_datetime":"2025-02-01T00:00:00Z"}},
      {"id":"2","properties":{"hs_goal_target_group_id":"A","hs_target_amount":"10","hs_start_datetime":"2025-02-01T00:00:00Z","hs_end_datetime":"2025-03-01T00:00:00Z"}},
      {"id":"3","properties":{"hs_goal_target_group_id":"B","hs_target_amount":"7","hs_kpi_unit_type":"LITRES"}},
      {"id":"4","properties":{"hs_goal_target_group_id":"C","hs_target_amount":"8"}}]})";
    const ReadResult r = read_goals(payload);
    REQUIRE(r.goals.size() == 2);
    CHECK(r.goals[0].id == "B");
    CHECK(r.goals[1].id == "C");
    CHECK(find_error(r, "/results/0/properties/hs_target_amount", "bad_number"));
    // An unknown unit keeps its goal, as a plain number, and says so.
    CHECK(r.goals[0].target.unit == Unit::count);
    const auto unit = std::find_if(r.warnings.begin(), r.warnings.end(), [](const Error& w) { return w.code == "unknown_value"; });
    REQUIRE(unit != r.warnings.end());
    CHECK(unit->path == "/results/2/properties/hs_kpi_unit_type");
    CHECK(unit->message.find("LITRES") != std::string::npos);
    // These records have no names either: each says so (and the reading goes on).
    CHECK(std::count_if(r.warnings.begin(), r.warnings.end(), [](const Error& w) { return w.code == "missing_properties"; }) == 4);
}

TEST_CASE("hubspot: enum values in any case, currency, owners and metric types as real records carry them", "[hubspot]") {
    // Shaped like the goal families HubSpot's own UI and integrations write: lower-case unit, a currency
    // code, the CRM owner property, a metric type, and properties with null values.
    const std::string payload = R"({"results":[
      {"id":"11","properties":{"hs_goal_name":"Revenue","hs_target_amount":"1000.00","hs_start_datetime":"2026-01-01T00:00:00Z",
        "hs_end_datetime":"2026-01-31T23:59:59.999Z","hs_group_correlation_uuid":"fam-1","hs_goal_target_group_id":"77",
        "hubspot_owner_id":"737","hs_assignee_team_id":null,"hs_kpi_unit_type":"currency","hs_kpi_metric_type":"SUM",
        "hs_kpi_tracking_method":"higher_is_better","hs_goal_target_currency_code":"USD","hs_pipeline_ids":null}},
      {"id":"12","properties":{"hs_goal_name":"Revenue","hs_target_amount":"1500.00","hs_start_datetime":"2026-02-01T00:00:00Z",
        "hs_end_datetime":"2026-02-28T23:59:59.999Z","hs_group_correlation_uuid":"fam-1","hs_goal_target_group_id":"77",
        "hubspot_owner_id":"737","hs_kpi_unit_type":"currency","hs_kpi_metric_type":"SUM","hs_goal_target_currency_code":"USD"}},
      {"id":"21","properties":{"hs_goal_name":"First reply time","hs_target_amount":"4","hs_start_datetime":"2026-01-01T00:00:00Z",
        "hs_end_datetime":"2026-02-01T00:00:00Z","hs_goal_target_group_id":"88","hubspot_team_id":"42",
        "hs_kpi_unit_type":"Duration","hs_kpi_metric_type":"avg","hs_kpi_tracking_method":"LOWER_IS_BETTER","hs_kpi_value":"3.2"}},
      {"id":"31","properties":{"hs_goal_name":"Calls","hs_target_amount":"50","hs_kpi_metric_type":"MEDIAN","hs_kpi_unit_type":"COUNT"}}]})";
    const ReadResult r = read_goals(payload);
    INFO((r.errors.empty() ? std::string() : r.errors[0].path + " " + r.errors[0].message));
    REQUIRE(r.errors.empty());
    REQUIRE(r.goals.size() == 3);
    const Goal& revenue = r.goals[0];
    CHECK(revenue.target.unit == Unit::currency);
    CHECK(revenue.target.tracking == TrackingMetric::sum);
    CHECK(revenue.target.currency_code == "USD");
    CHECK(revenue.assignee == Assignee{AssigneeType::person, "737"});
    REQUIRE(revenue.schedule.per_interval.size() == 2);
    CHECK(revenue.schedule.per_interval[0].end == day("2026-01-31"));  // an inclusive end instant
    CHECK(revenue.schedule.interval == Interval::monthly);
    const Goal& reply = r.goals[1];
    CHECK(reply.target.tracking == TrackingMetric::average);
    CHECK(reply.target.unit == Unit::duration);
    CHECK(reply.target.direction == Direction::lower_is_better);
    CHECK(reply.assignee == Assignee{AssigneeType::team, "42"});
    // A metric type goalpost does not know is a warning; the unit decides (COUNT).
    CHECK(r.goals[2].target.tracking == TrackingMetric::quantity);
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].path == "/results/3/properties/hs_kpi_metric_type");

    // Written back, HubSpot gets its documented names (upper case) and the fields it gave.
    WriteOptions w;
    w.format = Vendor::hubspot;
    const WriteResult out = write_goals(r.goals, w);
    REQUIRE(out.ok());
    const Json& first = out.document["results"][0]["properties"];
    CHECK(first["hs_kpi_unit_type"] == "CURRENCY");
    CHECK(first["hs_kpi_metric_type"] == "SUM");
    CHECK(first["hs_goal_target_currency_code"] == "USD");
    CHECK(out.document["results"][2]["properties"]["hs_kpi_metric_type"] == "AVG");
    const ReadResult again = read_goals(out.text);
    REQUIRE(again.goals.size() == 3);
    CHECK(again.goals[0].target == revenue.target);
    CHECK(again.goals[1].target == reply.target);
}

TEST_CASE("conversions refuse what the target format cannot mean, and say what they changed", "[hubspot][convert]") {
    const std::string payload = R"({"results":[
      {"id":"21","properties":{"hs_goal_name":"First reply time","hs_target_amount":"4","hs_start_datetime":"2026-01-01T00:00:00Z",
        "hs_end_datetime":"2026-02-01T00:00:00Z","hs_goal_target_group_id":"88","hs_kpi_unit_type":"DURATION",
        "hs_kpi_metric_type":"AVG","hs_kpi_tracking_method":"LOWER_IS_BETTER"}},
      {"id":"41","properties":{"hs_goal_name":"Seasonal","hs_target_amount":"1000","hs_start_datetime":"2026-01-01T00:00:00Z",
        "hs_end_datetime":"2026-02-01T00:00:00Z","hs_goal_target_group_id":"99","hs_kpi_unit_type":"CURRENCY"}},
      {"id":"42","properties":{"hs_goal_name":"Seasonal","hs_target_amount":"1500","hs_start_datetime":"2026-02-01T00:00:00Z",
        "hs_end_datetime":"2026-03-01T00:00:00Z","hs_goal_target_group_id":"99","hs_kpi_unit_type":"CURRENCY"}},
      {"id":"43","properties":{"hs_goal_name":"Seasonal","hs_target_amount":"2000","hs_start_datetime":"2026-03-01T00:00:00Z",
        "hs_end_datetime":"2026-04-01T00:00:00Z","hs_goal_target_group_id":"99","hs_kpi_unit_type":"CURRENCY"}}]})";
    const ReadResult r = read_goals(payload);
    REQUIRE(r.goals.size() == 2);
    WriteOptions w;
    w.format = Vendor::pipedrive;
    const WriteResult out = write_goals(r.goals, w);
    // The lower-is-better average is not a deals_won goal: refused, naming what would be lost.
    REQUIRE(out.errors.size() == 1);
    CHECK(out.errors[0].code == "not_representable");
    CHECK(out.errors[0].path == "/0/target/tracking");
    // The seasonal quota is written with one target, and a warning says which.
    REQUIRE(out.document["data"]["goals"].size() == 1);
    CHECK(out.document["data"]["goals"][0]["expected_outcome"]["target"] == 1000);
    REQUIRE(out.warnings.size() == 1);
    CHECK(out.warnings[0].code == "targets_collapsed");
    CHECK(out.warnings[0].path == "/1/schedule/per_interval");

    // A quota goal has no Zendesk Chat or giosg counterpart at all.
    w.format = Vendor::zendesk;
    CHECK(write_goals({r.goals[1]}, w).errors.at(0).code == "not_representable");
    w.format = Vendor::giosg;
    CHECK(write_goals({r.goals[1]}, w).errors.at(0).code == "not_representable");
}

TEST_CASE("a per-interval goal from another vendor becomes one HubSpot record per interval", "[hubspot]") {
    Goal g;
    g.id = "q";
    g.vendor = Vendor::pipedrive;
    g.metric.type = MetricType::deals_won;
    g.target.amount = 40;
    g.schedule.start = day("2025-01-01");
    g.schedule.end = day("2025-12-31");
    g.schedule.interval = Interval::quarterly;
    WriteOptions w;
    w.format = Vendor::hubspot;
    const WriteResult out = write_goals({g}, w);
    REQUIRE(out.ok());
    CHECK(out.document["results"].size() == 4);
    const ReadResult back = read_goals(out.text);
    REQUIRE(back.goals.size() == 1);
    const Goal& h = back.goals[0];
    CHECK(h.id == "q");
    REQUIRE(h.schedule.per_interval.size() == 4);
    CHECK(h.schedule.per_interval[3].start == day("2025-10-01"));
    CHECK(h.schedule.per_interval[3].target == 40);
    CHECK(h.schedule.interval == Interval::quarterly);
}

TEST_CASE("hubspot: the goals request asks for the properties the reader uses, unless the page chose", "[hubspot][request]") {
    const std::string list = goals_request_url("https://proxy.example/crm/v3/objects/goal_targets");
    CHECK(list.rfind("https://proxy.example/crm/v3/objects/goal_targets?properties=hs_goal_name,hs_target_amount,", 0) == 0);
    CHECK(list.find("hs_kpi_metric_type") != std::string::npos);
    CHECK(goals_request_url("https://proxy.example/crm/v3/objects/goal_targets?limit=50#x").find("?limit=50&properties=") !=
          std::string::npos);
    CHECK(goals_request_url("https://proxy.example/crm/v3/objects/goal_targets?limit=50#x").substr(
              goals_request_url("https://proxy.example/crm/v3/objects/goal_targets?limit=50#x").size() - 2) == "#x");
    const std::string chosen = "https://proxy.example/crm/v3/objects/goal_targets/44?properties=hs_goal_name";
    CHECK(goals_request_url(chosen) == chosen);
    // A file named by the page is fetched as it is, unless the page says it is HubSpot's.
    CHECK(goals_request_url("/data/goals.json") == "/data/goals.json");
    CHECK(goals_request_url("/data/goals.json", Vendor::hubspot).rfind("/data/goals.json?properties=", 0) == 0);
    CHECK(goals_request_url("/data/goals.json", Vendor::pipedrive) == "/data/goals.json");
}

TEST_CASE("hubspot: a record fetched without properties says which ones it lacks", "[hubspot][request]") {
    // The shape of a list fetched with HubSpot's defaults only.
    const ReadResult r = read_goals(R"([{"id":"87504620389","properties":{"hs_createdate":"2021-11-30T22:18:49.923Z",
        "hs_lastmodifieddate":"2023-12-11T19:21:32.851Z","hs_object_id":"87504620389"},
        "createdAt":"2021-11-30T22:18:49.923Z","updatedAt":"2023-12-11T19:21:32.851Z","archived":false}])");
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].path == "/0/properties");
    CHECK(r.warnings[0].code == "missing_properties");
    CHECK(r.warnings[0].message.find("hs_goal_name, hs_target_amount, hs_start_datetime, hs_end_datetime") != std::string::npos);
}
