// The client-side goal store: each vendor's operations with their semantics and statuses.
#include "goal_fixtures.hpp"

#include "core/goal_store.hpp"
#include "core/calendar.hpp"

using namespace gp;
using namespace gp::test;

namespace {

constexpr TimestampMs kNow = 1750000000000;  // a fixed instant: the store never reads the clock

GoalStore loaded(Vendor vendor, const char* fixture) {
    GoalStore store(vendor);
    const ReadResult r = store.load(load_fixture(fixture));
    INFO(describe(r.errors));
    REQUIRE(r.ok());
    return store;
}

std::vector<std::string> ids(const StoreResult& r) {
    std::vector<std::string> out;
    for (const Goal& g : r.goals) out.push_back(g.id);
    return out;
}

const Json kPipedriveBody = Json::parse(R"({"title":"New quota","assignee":{"id":"5","type":"person"},
    "type":{"name":"deals_won","params":{"pipeline_id":null}},"expected_outcome":{"target":"20","tracking_metric":"quantity"},
    "duration":{"start":"2025-07-01","end":null},"interval":"monthly"})");

}  // namespace

TEST_CASE("pipedrive find: dot-notation filters, is_active defaults to true", "[goal_store]") {
    const GoalStore store = loaded(Vendor::pipedrive, "pipedrive_list.json");
    CHECK(ids(store.find({})) == std::vector<std::string>{"7f3a1c", "7f3a1d", "7f3a1f"});
    CHECK(ids(store.find({{"is_active", "false"}})) == std::vector<std::string>{"7f3a1e"});
    CHECK(ids(store.find({{"type.name", "deals_progressed"}})) == std::vector<std::string>{"7f3a1f"});
    CHECK(ids(store.find({{"assignee.type", "team"}, {"assignee.id", "31"}})) == std::vector<std::string>{"7f3a1c"});
    CHECK(ids(store.find({{"expected_outcome.tracking_metric", "sum"}, {"expected_outcome.currency_id", "2"}})) ==
          std::vector<std::string>{"7f3a1d"});
    CHECK(ids(store.find({{"expected_outcome.target", "12"}})) == std::vector<std::string>{"7f3a1f"});
    CHECK(ids(store.find({{"type.params.pipeline_id", "3"}})) == std::vector<std::string>{"7f3a1c", "7f3a1f"});
    CHECK(ids(store.find({{"type.params.pipeline_id", "null"}})) == std::vector<std::string>{"7f3a1d"});
    CHECK(ids(store.find({{"type.params.stage_id", "14"}})) == std::vector<std::string>{"7f3a1f"});
    CHECK(ids(store.find({{"type.params.activity_type_id", "5"}, {"is_active", "false"}})) == std::vector<std::string>{"7f3a1e"});
    CHECK(ids(store.find({{"title", "Revenue, whole company"}})) == std::vector<std::string>{"7f3a1d"});
    const StoreResult body = store.find({{"title", "Revenue, whole company"}});
    CHECK(body.body["success"] == true);
    CHECK(body.body["data"]["goals"].size() == 1);
}

TEST_CASE("pipedrive find: period overlap and its pairing rule", "[goal_store]") {
    const GoalStore store = loaded(Vendor::pipedrive, "pipedrive_list.json");
    // 7f3a1c runs all 2025, 7f3a1d from March on with no end, 7f3a1f Jan-Mar 2025.
    CHECK(ids(store.find({{"period.start", "2025-05-01"}, {"period.end", "2025-05-31"}})) ==
          std::vector<std::string>{"7f3a1c", "7f3a1d"});
    CHECK(ids(store.find({{"period.start", "2024-01-01"}, {"period.end", "2024-12-31"}})).empty());
    const StoreResult half = store.find({{"period.start", "2025-01-01"}});
    CHECK(half.status == 400);
    REQUIRE(half.errors.size() == 1);
    CHECK(half.errors[0].path == "/period.end");
    CHECK(half.body["success"] == false);
    CHECK(store.find({{"period.start", "2025-02-30"}, {"period.end", "2025-03-01"}}).status == 400);
    CHECK(store.find({{"type.name", "deals_lost"}}).errors.at(0).path == "/type.name");
    CHECK(store.find({{"colour", "red"}}).status == 400);
}

TEST_CASE("pipedrive add, get, partial update, soft delete", "[goal_store]") {
    GoalStore store = loaded(Vendor::pipedrive, "pipedrive_list.json");
    const StoreResult added = store.create(kPipedriveBody, kNow);
    REQUIRE(added.status == 200);
    REQUIRE(added.goals.size() == 1);
    const std::string id = added.goals[0].id;
    CHECK(added.body["data"]["goal"]["title"] == "New quota");
    CHECK(store.get(id).goals.at(0).target.amount == 20);

    const StoreResult updated = store.update(id, Json::parse(R"({"expected_outcome":{"target":35}})"), kNow);
    REQUIRE(updated.status == 200);
    CHECK(updated.goals[0].target.amount == 35);
    CHECK(updated.goals[0].target.tracking == TrackingMetric::quantity);  // kept: partial update
    CHECK(updated.goals[0].title == "New quota");

    const StoreResult bad = store.update(id, Json::parse(R"({"type":{"params":{"stage_id":3}}})"), kNow);
    CHECK(bad.status == 400);
    CHECK(bad.errors.at(0).path == "/type/params/stage_id");
    CHECK(store.get(id).goals.at(0).metric.stage_id == std::nullopt);  // a refused update changes nothing

    const StoreResult removed = store.remove(id, kNow);
    CHECK(removed.status == 200);
    CHECK(store.get(id).status == 404);
    CHECK(ids(store.find({{"title", "New quota"}})).empty());
    const auto kept = std::find_if(store.goals().begin(), store.goals().end(), [&](const Goal& g) { return g.id == id; });
    REQUIRE(kept != store.goals().end());
    CHECK(kept->deleted);  // soft: still held, marked deleted
}

TEST_CASE("pipedrive add refuses a body without required fields", "[goal_store]") {
    GoalStore store(Vendor::pipedrive);
    const StoreResult r = store.create(Json::parse(R"({"title":"x"})"), kNow);
    CHECK(r.status == 400);
    CHECK(r.errors.size() == 7);
    CHECK(store.goals().empty());
}

TEST_CASE("zendesk list, show, create, update, delete and the five-goal limit", "[goal_store]") {
    GoalStore store = loaded(Vendor::zendesk, "zendesk_list.json");  // two active, one disabled
    CHECK(store.list().body.size() == 3);
    CHECK(store.get("42").body["name"] == "Newsletter signup");
    CHECK(store.get("99").status == 404);
    const Json body = Json::parse(R"({"name":"More","enabled":1,"settings":{"conditions":[{"type":"url","operator":"contains","value":"x"}]}})");
    for (int i = 0; i < 3; ++i) CHECK(store.create(body, kNow).status == 201);
    const StoreResult over = store.create(body, kNow);
    CHECK(over.status == 400);
    CHECK(over.errors.at(0).message == "Goals limit exceeded");
    CHECK(store.create(Json::parse(R"({"name":"Off","enabled":0})"), kNow).status == 201);
    CHECK(store.update("42", Json::parse(R"({"enabled":1})"), kNow).errors.at(0).message == "Goals limit exceeded");
    const StoreResult renamed = store.update("41", Json::parse(R"({"name":"Checkout, renamed"})"), kNow);
    REQUIRE(renamed.status == 200);
    CHECK(renamed.goals[0].attribution.window_days == 7);  // kept
    CHECK(store.remove("41", kNow).status == 204);
    CHECK(store.get("41").status == 404);
    CHECK(store.update("42", Json::parse(R"({"enabled":true})"), kNow).status == 200);  // room again
    CHECK(store.create(Json::parse(R"({"attribution_period":45})"), kNow).errors.at(0).path == "/attribution_period");
}

TEST_CASE("giosg paged list, get, create, PUT, PATCH and DELETE", "[goal_store]") {
    StoreOptions options;
    options.giosg_page_size = 1;
    options.giosg_list_url = "https://service.giosg.com/api/v5/orgs/o1/goals";
    GoalStore store(Vendor::giosg, options);
    REQUIRE(store.load(load_fixture("giosg_list.json")).ok());
    const StoreResult page1 = store.list(1);
    CHECK(ids(page1) == std::vector<std::string>{"5c1d2e3f-0000-4a00-8b00-000000000101"});
    CHECK(page1.next.url == "https://service.giosg.com/api/v5/orgs/o1/goals?page=2");
    CHECK(page1.body["previous"].is_null());
    const StoreResult page2 = store.list(2);
    CHECK(page2.body["next"].is_null());
    CHECK(page2.body["previous"] == "https://service.giosg.com/api/v5/orgs/o1/goals?page=1");
    CHECK(store.list(3).status == 404);

    const StoreResult created = store.create(Json::parse(R"({"name":"Chat started","allow_any_room":true,"allowed_rooms":[],"conditions":[{"type":3,"negate":false,"settings":{},"value":"x"}]})"), kNow);
    REQUIRE(created.status == 201);
    const std::string id = created.goals[0].id;
    CHECK(created.goals[0].created_at == kNow);
    CHECK(store.get(id).body["name"] == "Chat started");

    const StoreResult patched = store.update(id, Json::parse(R"({"name":"Chat opened"})"), kNow + 1000);
    REQUIRE(patched.status == 200);
    CHECK(patched.goals[0].conditions.size() == 1);  // PATCH keeps the rest
    CHECK(patched.goals[0].updated_at == kNow + 1000);
    const StoreResult put_incomplete = store.replace(id, Json::parse(R"({"name":"Only a name"})"), kNow);
    CHECK(put_incomplete.status == 400);
    const StoreResult put = store.replace(id, Json::parse(R"({"name":"Replaced","is_any_room_allowed":false,"allowed_rooms":["r1"],"conditions":[]})"), kNow);
    REQUIRE(put.status == 200);
    CHECK(put.goals[0].conditions.empty());
    CHECK(put.goals[0].created_at == kNow);  // read-only fields survive a PUT
    const StoreResult no_rooms = store.update(id, Json::parse(R"({"allowed_rooms":[]})"), kNow);
    CHECK(no_rooms.status == 400);
    CHECK(no_rooms.body.contains("allowed_rooms"));
    CHECK(store.get("missing").body["detail"].is_string());
    CHECK(store.remove(id, kNow).status == 204);
    CHECK(store.get(id).status == 404);
    CHECK(store.remove(id, kNow).status == 404);
}

TEST_CASE("hubspot goal targets are read-only", "[goal_store]") {
    GoalStore store = loaded(Vendor::hubspot, "hubspot_list.json");
    CHECK(store.list().goals.size() == 2);
    CHECK(store.get("8800").status == 200);
    CHECK(store.create(Json::object(), kNow).status == 405);
    CHECK(store.remove("8800", kNow).status == 405);
}
