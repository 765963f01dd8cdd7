// Pipedrive goals v1: envelopes, lenient targets, "null means all", rules, round trips.
#include "goal_fixtures.hpp"

#include "core/calendar.hpp"

using namespace gp;
using namespace gp::test;

namespace {

ReadResult read_pipedrive_fixture(const char* name) {
    ReadResult r = read_goals(load_fixture(name));
    INFO(describe(r.errors));
    REQUIRE(r.ok());
    REQUIRE(r.vendor == Vendor::pipedrive);
    return r;
}

std::string one_goal(const std::string& fields) {
    return R"({"success":true,"data":{"goals":[{"id":"g1","title":"t","assignee":{"id":1,"type":"person"},)"
           R"("expected_outcome":{"target":5,"tracking_metric":"quantity"},"duration":{"start":"2025-01-01","end":null},)"
           R"("interval":"monthly",)" + fields + "}]}}";
}

}  // namespace

TEST_CASE("pipedrive list envelope reads every goal with its fields", "[pipedrive]") {
    const ReadResult r = read_pipedrive_fixture("pipedrive_list.json");
    REQUIRE(r.goals.size() == 4);
    const Goal& team = r.goals[0];
    CHECK(team.id == "7f3a1c");
    CHECK(team.title == "Nordic team: deals closed");
    CHECK(team.assignee == Assignee{AssigneeType::team, "31"});
    CHECK(team.metric.type == MetricType::deals_won);
    CHECK(team.metric.pipeline_ids == std::vector<int64_t>{3, 8});
    CHECK(team.target.amount == 40);  // "40" as a string
    CHECK(team.target.tracking == TrackingMetric::quantity);
    CHECK(team.schedule.start == parse_civil_date("2025-01-01"));
    CHECK(team.schedule.end == parse_civil_date("2025-12-31"));
    CHECK(team.schedule.interval == Interval::quarterly);
    CHECK(team.extra["owner_id"] == 4101);  // unknown fields are kept
    CHECK(team.extra["report_ids"] == Json::array({"r-19"}));

    const Goal& revenue = r.goals[1];
    CHECK_FALSE(revenue.metric.pipeline_ids.has_value());  // null: all pipelines
    CHECK(revenue.target.amount == 125000.5);
    CHECK(revenue.target.currency_id == 2);
    CHECK(revenue.target.unit == Unit::currency);
    CHECK_FALSE(revenue.schedule.end.has_value());  // open-ended

    CHECK(r.goals[2].metric.activity_type_ids == std::vector<int64_t>{2, 5});
    CHECK_FALSE(r.goals[2].active);
    CHECK(r.goals[3].metric.stage_id == 14);
}

TEST_CASE("pipedrive results envelope carries the reported progress", "[pipedrive]") {
    const ReadResult r = read_pipedrive_fixture("pipedrive_results.json");
    REQUIRE(r.goals.size() == 1);
    CHECK(r.goals[0].reported.value == 17);
    CHECK(r.goals[0].metric.type == MetricType::deals_started);
}

TEST_CASE("pipedrive single goal envelope and bare goal object", "[pipedrive]") {
    const std::string goal = R"({"id":"a","title":"x","assignee":{"id":2,"type":"person"},"type":{"name":"deals_won","params":{"pipeline_id":null}},"expected_outcome":{"target":"3","tracking_metric":"quantity"},"duration":{"start":"2025-01-01","end":"2025-02-28"},"interval":"weekly"})";
    for (const std::string& payload : {R"({"success":true,"data":{"goal":)" + goal + "}}", goal}) {
        const ReadResult r = read_goals(payload);
        INFO(payload);
        REQUIRE(r.ok());
        REQUIRE(r.goals.size() == 1);
        CHECK(r.goals[0].target.amount == 3);
    }
}

TEST_CASE("pipedrive success:false is reported at the root", "[pipedrive]") {
    const ReadResult r = read_goals(R"({"success":false,"error":"Goal not found"})");
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].code == "vendor_error");
    CHECK(r.errors[0].message == "Goal not found");
}

TEST_CASE("pipedrive read -> write -> read keeps the model", "[pipedrive][roundtrip]") {
    const ReadResult r = read_pipedrive_fixture("pipedrive_list.json");
    require_round_trip(r.goals, Vendor::pipedrive);
    const ReadResult results = read_pipedrive_fixture("pipedrive_results.json");
    require_round_trip(results.goals, Vendor::pipedrive);
}

TEST_CASE("pipedrive rules between fields", "[pipedrive][validate]") {
    SECTION("stage_id only for deals_progressed") {
        const ReadResult r = read_goals(one_goal(R"("type":{"name":"deals_won","params":{"stage_id":3}})"));
        CHECK(find_error(r, "/data/goals/0/type/params/stage_id", "not_allowed"));
        CHECK(r.goals.empty());
    }
    SECTION("activity_type_id only for activity goals") {
        const ReadResult r = read_goals(one_goal(R"("type":{"name":"deals_started","params":{"activity_type_id":[1]}})"));
        CHECK(find_error(r, "/data/goals/0/type/params/activity_type_id", "not_allowed"));
    }
    SECTION("activity_type_id null is fine on any type") {
        const ReadResult r = read_goals(one_goal(R"("type":{"name":"deals_started","params":{"activity_type_id":null}})"));
        CHECK(r.ok());
    }
    SECTION("currency_id only with sum") {
        const std::string payload = R"({"success":true,"data":{"goals":[{"id":"g","type":{"name":"deals_won"},"expected_outcome":{"target":5,"tracking_metric":"quantity","currency_id":1}}]}})";
        const ReadResult bad = read_goals(payload);
        CHECK(find_error(bad, "/data/goals/0/expected_outcome/currency_id", "not_allowed"));
        CHECK(bad.goals.empty());
    }
    SECTION("enums and calendar dates") {
        const ReadResult r = read_goals(one_goal(R"("type":{"name":"deals_lost"},"interval":"daily")"));
        CHECK(find_error(r, "/data/goals/0/type/name", "bad_enum"));
        const ReadResult d = read_goals(R"({"data":{"goals":[{"id":"x","type":{"name":"deals_won"},"duration":{"start":"2025-02-30"}}]}})");
        CHECK(find_error(d, "/data/goals/0/duration/start", "bad_date"));
        const ReadResult order = read_goals(R"({"data":{"goals":[{"id":"x","type":{"name":"deals_won"},"duration":{"start":"2025-03-01","end":"2025-02-01"}}]}})");
        CHECK(find_error(order, "/data/goals/0/duration/end", "bad_range"));
    }
}

TEST_CASE("pipedrive: a bad goal does not drop the good ones beside it", "[pipedrive]") {
    const std::string payload = R"({"success":true,"data":{"goals":[
        {"id":"ok1","type":{"name":"deals_won"},"expected_outcome":{"target":1,"tracking_metric":"quantity"}},
        {"id":"bad","type":{"name":"deals_won"},"expected_outcome":{"target":{"nested":1},"tracking_metric":"quantity"}},
        {"id":"ok2","type":{"name":"deals_started"},"expected_outcome":{"target":"2.5","tracking_metric":"quantity"}}]}})";
    const ReadResult r = read_goals(payload);
    REQUIRE(r.goals.size() == 2);
    CHECK(r.goals[0].id == "ok1");
    CHECK(r.goals[1].id == "ok2");
    CHECK(r.goals[1].target.amount == 2.5);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].path == "/data/goals/1/expected_outcome/target");
    CHECK(r.errors[0].code == "type_mismatch");
}

TEST_CASE("a Pipedrive list page points at the next one while more items remain", "[pipedrive][paging]") {
    const char* more = R"({"success":true,"data":{"goals":[]},
        "additional_data":{"pagination":{"start":0,"limit":2,"more_items_in_collection":true,"next_start":2}}})";
    const char* last = R"({"success":true,"data":{"goals":[]},
        "additional_data":{"pagination":{"start":2,"limit":2,"more_items_in_collection":false,"next_start":4}}})";
    gp::ReadOptions options;
    options.format = gp::Vendor::pipedrive;
    const gp::ReadResult first = gp::read_goals(more, options);
    CHECK(first.next.cursor == "2");
    CHECK(first.next.has_more());
    CHECK_FALSE(gp::read_goals(last, options).next.has_more());
}
