// The widget's data model: the page's methods (track, results, find, explain, add, update, remove), the
// events they produce, and the editor's edits going through the same store.
#include <catch2/catch.hpp>

#include "core/data_readers.hpp"
#include "core/read.hpp"
#include "core/workspace.hpp"

using namespace gp;

namespace {

constexpr TimestampMs kMarch15 = 1710504000000;  // 2024-03-15T12:00:00Z

const char* const kPipedriveGoals = R"({"success": true, "data": {"goals": [
  {"id": 41, "title": "Deals won by Mia", "type": {"name": "deals_won", "params": {"pipeline_id": null}},
   "assignee": {"id": 3, "type": "person"}, "expected_outcome": {"target": 4, "tracking_metric": "quantity"},
   "duration": {"start": "2024-01-01", "end": "2024-12-31"}, "interval": "monthly", "is_active": true},
  {"id": 42, "title": "New deals, team", "type": {"name": "deals_started", "params": {"pipeline_id": [2]}},
   "assignee": {"id": 9, "type": "company"}, "expected_outcome": {"target": "10", "tracking_metric": "quantity"},
   "duration": {"start": "2024-01-01", "end": null}, "interval": "quarterly", "is_active": false}]}})";

const char* const kPipedriveDeals = R"({"success": true, "data": [
  {"id": 1, "user_id": 3, "pipeline_id": 1, "stage_id": 2, "status": "won", "value": 10, "currency": "EUR",
   "add_time": "2024-02-01 09:00:00", "won_time": "2024-03-02 10:00:00"},
  {"id": 2, "user_id": 3, "pipeline_id": 1, "stage_id": 2, "status": "won", "value": 20, "currency": "EUR",
   "add_time": "2024-02-05 09:00:00", "won_time": "2024-03-09 16:30:00"},
  {"id": 3, "user_id": 3, "pipeline_id": 1, "stage_id": 2, "status": "won", "value": 30, "currency": "EUR",
   "add_time": "2024-02-05 09:00:00", "won_time": "2024-04-01 08:00:00"}]})";

const char* const kZendeskGoals = R"([
  {"id": 7, "name": "Order placed", "enabled": true, "attribution_model": "last_touch", "attribution_period": 2,
   "settings": {"conditions": [{"type": "url", "operator": "contains", "value": "/order/thanks"}]}}])";

Workspace pipedrive_workspace() {
    Workspace ws;
    const ReadResult goals = read_goals(kPipedriveGoals);
    REQUIRE(goals.ok());
    ws.load_goals(goals);
    DataReadResult deals = read_pipedrive_deals(kPipedriveDeals);
    REQUIRE(deals.ok());
    ws.set_event_rows("deals", std::move(deals.rows));
    return ws;
}

Workspace zendesk_workspace() {
    Workspace ws;
    const ReadResult goals = read_goals(kZendeskGoals);
    REQUIRE(goals.ok());
    ws.load_goals(goals);
    return ws;
}

CallContext at(TimestampMs now, std::string page_url = "https://shop.example/") {
    CallContext c;
    c.now = now;
    c.page_url = std::move(page_url);
    return c;
}

}  // namespace

TEST_CASE("results computes a goal's buckets over the period from the loaded deals", "[workspace]") {
    Workspace ws = pipedrive_workspace();
    const CallReply r = ws.call("results", {{"id", "41"}, {"period", "2024-03-01..2024-04-30"}}, at(kMarch15));
    REQUIRE(r.ok());
    REQUIRE(r.result["intervals"].size() == 2);
    CHECK(r.result["intervals"][0]["progress"] == 2);  // two deals won in March
    CHECK(r.result["intervals"][1]["progress"] == 1);
    CHECK(r.result["totals"]["progress"] == 3);

    // A numeric id is the same goal; the period may also come as {start, end}.
    const CallReply same = ws.call("results", {{"id", 41}, {"period", {{"start", "2024-03-01"}, {"end", "2024-03-31"}}}}, at(kMarch15));
    REQUIRE(same.ok());
    CHECK(same.result["totals"]["progress"] == 2);
}

TEST_CASE("results keeps the results contract's errors", "[workspace]") {
    Workspace ws = pipedrive_workspace();
    const CallReply half = ws.call("results", {{"id", "41"}, {"period", "2024-03-01"}}, at(kMarch15));
    REQUIRE_FALSE(half.ok());
    CHECK(half.error->status == 400);
    const CallReply missing = ws.call("results", {{"id", "999"}, {"period", "2024-03-01..2024-03-31"}}, at(kMarch15));
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error->status == 404);
    const CallReply no_id = ws.call("results", {{"period", "2024-03-01..2024-03-31"}}, at(kMarch15));
    REQUIRE_FALSE(no_id.ok());
    CHECK(no_id.error->path == "/id");
}

TEST_CASE("find answers with Pipedrive's filters and envelope", "[workspace]") {
    Workspace ws = pipedrive_workspace();
    const CallReply active = ws.call("find", {{"query", Json::object()}}, at(kMarch15));
    REQUIRE(active.ok());
    REQUIRE(active.result["data"]["goals"].size() == 1);  // is_active defaults to true
    CHECK(active.result["data"]["goals"][0]["title"] == "Deals won by Mia");
    const CallReply inactive = ws.call("find", {{"query", {{"is_active", false}}}}, at(kMarch15));
    REQUIRE(inactive.ok());
    CHECK(inactive.result["data"]["goals"][0]["title"] == "New deals, team");
    const CallReply bad = ws.call("find", {{"query", {{"type.name", "deals_lost"}}}}, at(kMarch15));
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error->path == "/type.name");
}

TEST_CASE("add, update and remove change the goals and say so with goal-change", "[workspace]") {
    Workspace ws = pipedrive_workspace();
    const uint64_t before = ws.generation();
    const Json body = Json::parse(R"({"title": "Calls made", "assignee": {"id": 3, "type": "person"},
        "type": {"name": "activities_completed", "params": {"activity_type_id": [1]}},
        "expected_outcome": {"target": 30, "tracking_metric": "quantity"},
        "duration": {"start": "2024-03-01", "end": null}, "interval": "weekly"})");
    const CallReply added = ws.call("add", {{"goal", body}}, at(kMarch15));
    REQUIRE(added.ok());
    const std::string id = added.result["data"]["goal"]["id"].get<std::string>();
    CHECK(ws.goals().size() == 3);
    CHECK(ws.generation() > before);
    std::vector<WorkspaceEvent> events = ws.take_events();
    REQUIRE(events.size() == 1);
    CHECK(events[0].type == "goal-change");
    CHECK(events[0].detail["action"] == "add");
    CHECK(events[0].detail["id"] == id);

    const CallReply renamed = ws.call("update", {{"id", id}, {"changes", {{"title", "Calls completed"}}}}, at(kMarch15));
    REQUIRE(renamed.ok());
    CHECK(ws.goals().back().title == "Calls completed");
    CHECK(ws.goals().back().target.amount == 30);  // a partial update keeps what it didn't name

    REQUIRE(ws.call("remove", {{"id", id}}, at(kMarch15)).ok());
    CHECK(ws.goals().size() == 2);
    events = ws.take_events();
    REQUIRE(events.size() == 2);
    CHECK(events[1].detail["action"] == "remove");
    CHECK_FALSE(ws.call("remove", {{"id", id}}, at(kMarch15)).ok());  // already gone
}

TEST_CASE("a rejected add names the field and changes nothing", "[workspace]") {
    Workspace ws = pipedrive_workspace();
    const uint64_t before = ws.generation();
    const Json body = Json::parse(R"({"title": "Bad", "assignee": {"id": 3, "type": "person"},
        "type": {"name": "deals_won", "params": {"pipeline_id": null}},
        "expected_outcome": {"target": 5, "tracking_metric": "quantity"},
        "duration": {"start": "2024-02-30", "end": null}, "interval": "monthly"})");
    const CallReply r = ws.call("add", {{"goal", body}}, at(kMarch15));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error->status == 400);
    CHECK(r.error->path.find("/duration/start") != std::string::npos);
    CHECK(ws.goals().size() == 2);
    CHECK(ws.generation() == before);
    CHECK(ws.take_events().empty());
}

TEST_CASE("the editor's edits go through the vendor's writer and the store's validation", "[workspace]") {
    Workspace ws = pipedrive_workspace();
    Goal draft = ws.goals().front();
    draft.title = "Deals won by Mia, stretch";
    draft.target.amount = 6;
    REQUIRE(ws.edit(GoalEdit::update, draft, kMarch15).ok());
    CHECK(ws.goals().front().title == "Deals won by Mia, stretch");
    CHECK(ws.goals().front().target.amount == 6);

    Goal copy = draft;
    copy.id.clear();
    copy.title = "A copy";
    const CallReply created = ws.edit(GoalEdit::create, copy, kMarch15);
    REQUIRE(created.ok());
    CHECK(ws.goals().size() == 3);
    CHECK(ws.goals().back().title == "A copy");
    CHECK_FALSE(ws.goals().back().id.empty());

    REQUIRE(ws.edit(GoalEdit::remove, ws.goals().back(), kMarch15).ok());
    CHECK(ws.goals().size() == 2);
}

TEST_CASE("explain answers per goal and condition", "[workspace]") {
    Workspace ws = zendesk_workspace();
    const CallReply hit = ws.call("explain", {{"url", "https://shop.example/order/thanks?id=5"}}, at(kMarch15));
    REQUIRE(hit.ok());
    REQUIRE(hit.result["goals"].size() == 1);
    CHECK(hit.result["goals"][0]["verdict"] == "match");
    const CallReply miss = ws.call("explain", {{"url", "https://shop.example/cart"}}, at(kMarch15));
    CHECK(miss.result["goals"][0]["verdict"] == "no_match");
    CHECK_FALSE(ws.call("explain", {{"url", 5}}, at(kMarch15)).ok());
}

TEST_CASE("track matches a page view, emits match events, and credits the last agent touch", "[workspace]") {
    Workspace ws = zendesk_workspace();
    // A chat touch a day before, inside the goal's 2-day window.
    REQUIRE(ws.call("track", {{"event", {{"visitor_id", "v1"}, {"at", kMarch15 - 86400000}, {"agent_id", "agent-4"},
                                          {"department_id", "sales"}}}}, at(kMarch15)).ok());
    const CallReply cart = ws.call("track", {{"event", {{"visitor_id", "v1"}}}}, at(kMarch15, "https://shop.example/cart"));
    REQUIRE(cart.ok());
    CHECK(cart.result["matches"].empty());  // the page's own URL stood in, and it matches nothing

    const CallReply done = ws.call("track", {{"event", {{"visitor_id", "v1"}, {"url", "https://shop.example/order/thanks"}}}},
                                   at(kMarch15 + 60000));
    REQUIRE(done.ok());
    REQUIRE(done.result["matches"].size() == 1);
    CHECK(done.result["matches"][0]["goal"] == "7");
    CHECK(done.result["matches"][0]["agent"] == "agent-4");
    REQUIRE(ws.matches().size() == 1);
    CHECK(ws.matches()[0].at == kMarch15 + 60000);
    const std::vector<WorkspaceEvent> events = ws.take_events();
    REQUIRE(events.size() == 1);
    CHECK(events[0].type == "match");
    CHECK(events[0].detail["title"] == "Order placed");
}

TEST_CASE("track refuses a bad event by its field and keeps the log", "[workspace]") {
    Workspace ws = zendesk_workspace();
    const CallReply r = ws.call("track", {{"event", {{"visitor_id", "v1"}, {"at", "yesterday"}}}}, at(kMarch15));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error->path == "/event/at");
    CHECK(ws.event_log().empty());
    CHECK_FALSE(ws.call("track", {{"event", "not an object"}}, at(kMarch15)).ok());
}

TEST_CASE("a goal keeps its revision while an edit changes others, and the figures move only with what they depend on", "[workspace]") {
    Workspace ws = pipedrive_workspace();
    const std::vector<uint64_t> first = ws.goal_revisions();
    REQUIRE(first.size() == 2);
    CHECK(first[0] != first[1]);
    const uint64_t figures = ws.figures_generation();
    const Json body = Json::parse(R"({"title": "Calls made", "assignee": {"id": 3, "type": "person"},
        "type": {"name": "activities_completed", "params": {"activity_type_id": [1]}},
        "expected_outcome": {"target": 30, "tracking_metric": "quantity"},
        "duration": {"start": "2024-03-01", "end": null}, "interval": "weekly"})");
    REQUIRE(ws.call("add", {{"goal", body}}, at(kMarch15)).ok());
    const std::vector<uint64_t> added = ws.goal_revisions();
    REQUIRE(added.size() == 3);
    CHECK(added[0] == first[0]);
    CHECK(added[1] == first[1]);
    CHECK(added[2] != first[0]);
    CHECK(added[2] != first[1]);
    CHECK(ws.figures_generation() == figures);  // no log: no goal's matches changed

    REQUIRE(ws.call("update", {{"id", "41"}, {"changes", {{"title", "Deals won by Mia, renamed"}}}}, at(kMarch15)).ok());
    const std::vector<uint64_t> updated = ws.goal_revisions();
    CHECK(updated[0] != added[0]);
    CHECK(updated[1] == added[1]);
    CHECK(updated[2] == added[2]);

    REQUIRE(ws.call("remove", {{"id", "41"}}, at(kMarch15)).ok());
    CHECK(ws.goal_revisions() == std::vector<uint64_t>{updated[1], updated[2]});
    // Loaded again with the same goals (a refresh): the ones unchanged keep theirs.
    ws.load_goals(read_goals(kPipedriveGoals));
    CHECK(ws.goal_revisions()[1] == first[1]);
    CHECK(ws.figures_generation() == figures);

    ws.set_event_rows("deals", read_pipedrive_deals(kPipedriveDeals).rows);
    CHECK(ws.figures_generation() > figures);
}

TEST_CASE("a goal added that matches the log moves the figures", "[workspace]") {
    Workspace ws = zendesk_workspace();
    std::vector<PageView> log(1);
    log[0].visitor_id = "v9";
    log[0].at = kMarch15;
    log[0].url = "https://shop.example/pricing";
    ws.set_event_log(log);
    const uint64_t figures = ws.figures_generation();
    const Json elsewhere = Json::parse(R"({"name": "Saw the blog", "enabled": true,
        "settings": {"conditions": [{"type": "url", "operator": "contains", "value": "/blog"}]}})");
    REQUIRE(ws.call("add", {{"goal", elsewhere}}, at(kMarch15)).ok());
    CHECK(ws.figures_generation() == figures);
    const Json pricing = Json::parse(R"({"name": "Saw pricing", "enabled": true,
        "settings": {"conditions": [{"type": "url", "operator": "contains", "value": "/pricing"}]}})");
    REQUIRE(ws.call("add", {{"goal", pricing}}, at(kMarch15)).ok());
    CHECK(ws.figures_generation() > figures);
}

TEST_CASE("a goal added after the log loaded is evaluated over it", "[workspace]") {
    Workspace ws = zendesk_workspace();
    std::vector<PageView> log(2);
    log[0].visitor_id = "v9";
    log[0].at = kMarch15;
    log[0].url = "https://shop.example/pricing";
    log[1] = log[0];
    log[1].at = kMarch15 + 1000;
    log[1].url = "https://shop.example/order/thanks";
    ws.set_event_log(log);
    REQUIRE(ws.matches().size() == 1);

    const Json pricing = Json::parse(R"({"name": "Saw pricing", "enabled": true,
        "settings": {"conditions": [{"type": "url", "operator": "contains", "value": "/pricing"}]}})");
    REQUIRE(ws.call("add", {{"goal", pricing}}, at(kMarch15)).ok());
    REQUIRE(ws.matches().size() == 2);
    CHECK(ws.matches()[0].url == "https://shop.example/pricing");

    // track() uses the goals as they are now: the added goal matches, a removed one no longer does.
    const CallReply seen = ws.call("track", {{"event", {{"visitor_id", "v10"}}}}, at(kMarch15 + 5000, "https://shop.example/pricing"));
    REQUIRE(seen.ok());
    REQUIRE(seen.result["matches"].size() == 1);
    CHECK(seen.result["matches"][0]["title"] == "Saw pricing");
    REQUIRE(ws.call("remove", {{"id", "7"}}, at(kMarch15)).ok());
    const CallReply gone = ws.call("track", {{"event", {{"visitor_id", "v10"}, {"url", "https://shop.example/order/thanks"}}}},
                                   at(kMarch15 + 6000));
    REQUIRE(gone.ok());
    CHECK(gone.result["matches"].empty());
    // The run stays in time order with the tracked matches in it.
    for (size_t i = 1; i < ws.matches().size(); ++i) CHECK(ws.matches()[i - 1].at <= ws.matches()[i].at);
}

TEST_CASE("an unknown method is a 404, and arguments must be an object", "[workspace]") {
    Workspace ws = zendesk_workspace();
    const CallReply r = ws.call("launch", Json::object(), at(kMarch15));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error->status == 404);
    CHECK_FALSE(ws.call("find", Json::array(), at(kMarch15)).ok());
}

TEST_CASE("a currency map names a Pipedrive goal's currency and counts its deals", "[workspace]") {
    Workspace ws;
    ws.set_currencies({{1, "USD", 2}, {2, "EUR", 2}});
    const ReadResult goals = read_goals(R"({"success": true, "data": {"goals": [
      {"id": 50, "title": "Revenue", "type": {"name": "deals_won", "params": {"pipeline_id": null}},
       "assignee": {"id": 3, "type": "person"}, "expected_outcome": {"target": 100, "tracking_metric": "sum", "currency_id": 2},
       "duration": {"start": "2024-01-01", "end": null}, "interval": "monthly", "is_active": true}]}})");
    REQUIRE(goals.ok());
    ws.load_goals(goals);
    CHECK(ws.goals().front().target.currency_code == "EUR");
    DataReadResult deals = read_pipedrive_deals(kPipedriveDeals);
    ws.set_event_rows("deals", std::move(deals.rows));
    const CallReply r = ws.call("results", {{"id", "50"}, {"period", "2024-03-01..2024-03-31"}}, at(kMarch15));
    REQUIRE(r.ok());
    CHECK(r.result["totals"]["progress"] == 30);  // 10 + 20 EUR won in March
    CHECK(r.result["currency"] == "EUR");
}

TEST_CASE("giosg external matches join the matches of the session they belong to, or say why not", "[workspace]") {
    Workspace ws;
    const ReadResult goals = read_goals(R"({"next": null, "previous": null, "results": [
      {"id": "0b6f2c1a-0000-4000-8000-000000000001", "name": "Lead", "organization_id": "o", "is_any_room_allowed": true,
       "allowed_rooms": [], "default_value": "25.5", "conditions": []}]})");
    REQUIRE(goals.ok());
    ws.load_goals(goals);
    std::vector<PageView> log(1);
    log[0].visitor_id = "vis-1";
    log[0].at = kMarch15;
    log[0].url = "https://www.example.com/pricing";
    log[0].room = "room-a";
    ws.set_event_log(log);

    ExternalMatch linked;
    linked.goal_id = "0b6f2c1a-0000-4000-8000-000000000001";
    linked.visitor_identity = "vis-1";
    linked.matched_at = kMarch15 + 60000;
    linked.rooms = {"room-a"};
    ExternalMatch early = linked;
    early.matched_at = kMarch15 - 60000;  // before any session of the visitor started
    ws.set_external_matches({linked, early});
    REQUIRE(ws.matches().size() == 1);
    CHECK(ws.matches()[0].visitor_id == "vis-1");
    CHECK(ws.matches()[0].session == 1);
    REQUIRE(ws.matches()[0].value);
    CHECK(*ws.matches()[0].value == 25.5);  // the goal's default value
    REQUIRE(ws.external_errors().size() == 1);
    CHECK(ws.external_errors()[0].status == 404);
    CHECK(ws.external_errors()[0].path == "/1/visitor_identity");
}

TEST_CASE("a team goal counts its members' deals once the membership is known", "[workspace]") {
    Workspace ws;
    const ReadResult goals = read_goals(R"({"success": true, "data": {"goals": [
      {"id": 60, "title": "Team wins", "type": {"name": "deals_won", "params": {"pipeline_id": null}},
       "assignee": {"id": 31, "type": "team"}, "expected_outcome": {"target": 5, "tracking_metric": "quantity"},
       "duration": {"start": "2024-01-01", "end": null}, "interval": "monthly", "is_active": true}]}})");
    REQUIRE(goals.ok());
    ws.load_goals(goals);
    DataReadResult deals = read_pipedrive_deals(kPipedriveDeals);
    ws.set_event_rows("deals", std::move(deals.rows));
    const Json march = {{"id", "60"}, {"period", "2024-03-01..2024-03-31"}};
    CHECK(ws.call("results", march, at(kMarch15)).result["totals"]["progress"] == 0);
    Membership teams;
    teams.teams["31"] = {"3", "4"};
    ws.set_membership(teams);
    CHECK(ws.call("results", march, at(kMarch15)).result["totals"]["progress"] == 2);
}

TEST_CASE("editing a giosg goal with a configured code table keeps its coded conditions", "[workspace]") {
    Workspace ws;
    std::vector<Error> errors;
    ws.set_giosg_codes(GiosgCodeTable::from_json(
        Json::parse(R"({"codes": [{"code": 1, "field": "path", "op": "contains", "name": "path contains"}]})"), errors));
    REQUIRE(errors.empty());
    ReadOptions read;
    read.giosg_codes = ws.codes_for_readers();
    const ReadResult goals = read_goals(R"({"next": null, "previous": null, "results": [
      {"id": "0b6f2c1a-0000-4000-8000-000000000002", "name": "Pricing", "organization_id": "o", "is_any_room_allowed": true,
       "allowed_rooms": [], "default_value": 5, "conditions": [{"type": 1, "negate": false, "settings": {}, "value": "/pricing"}]}]})", read);
    REQUIRE(goals.ok());
    ws.load_goals(goals);
    Goal draft = ws.goals().front();
    draft.title = "Pricing, renamed";
    const CallReply r = ws.edit(GoalEdit::update, draft, kMarch15);
    INFO((r.error ? r.error->path + " " + r.error->message : std::string()));
    REQUIRE(r.ok());
    CHECK(ws.goals().front().title == "Pricing, renamed");
    REQUIRE(ws.goals().front().conditions.size() == 1);
    CHECK(ws.goals().front().conditions[0].value == "/pricing");
}

TEST_CASE("CRM rows count together whether each kind has its own source or several sources share one", "[workspace]") {
    const auto march_won = [](Workspace& ws) {
        const CallReply r = ws.call("results", {{"id", "41"}, {"period", "2024-03-01..2024-03-31"}}, at(kMarch15));
        REQUIRE(r.ok());
        return r.result["totals"]["progress"].get<double>();
    };
    Workspace ws = pipedrive_workspace();  // deals 1 and 2 won in March, 3 in April
    CHECK(march_won(ws) == 2);
    // Another kind from its own source: the deals are still counted where they are.
    DataReadResult activities = read_pipedrive_activities(R"({"success": true, "data": [
      {"id": 5, "user_id": 3, "type": "call", "done": true, "add_time": "2024-03-01 09:00:00",
       "marked_as_done_time": "2024-03-01 10:00:00"}]})");
    REQUIRE(activities.ok());
    ws.set_event_rows("activities", std::move(activities.rows));
    CHECK(march_won(ws) == 2);
    // A second source of deals: both sources' deals count, and a deal both name counts once.
    DataReadResult more = read_pipedrive_deals(R"({"success": true, "data": [
      {"id": 2, "user_id": 3, "pipeline_id": 1, "stage_id": 2, "status": "won", "value": 20, "currency": "EUR",
       "add_time": "2024-02-05 09:00:00", "won_time": "2024-03-09 16:30:00"},
      {"id": 8, "user_id": 3, "pipeline_id": 1, "stage_id": 2, "status": "won", "value": 5, "currency": "EUR",
       "add_time": "2024-02-05 09:00:00", "won_time": "2024-03-20 16:30:00"}]})");
    REQUIRE(more.ok());
    ws.set_event_rows("deals-archive", std::move(more.rows));
    CHECK(march_won(ws) == 3);
    ws.set_event_rows("deals-archive", {});
    CHECK(march_won(ws) == 2);
}


TEST_CASE("the data span covers what the sources hold, and not open deals' planned close dates", "[workspace][as-of]") {
    Workspace ws = zendesk_workspace();
    CHECK_FALSE(ws.data_span());
    DataReadResult deals = read_pipedrive_deals(R"({"success": true, "data": [
      {"id": 1, "user_id": 3, "pipeline_id": 1, "stage_id": 2, "status": "won", "value": 10, "currency": "EUR",
       "add_time": "2024-02-01 09:00:00", "won_time": "2024-03-02 10:00:00"},
      {"id": 2, "user_id": 3, "pipeline_id": 1, "stage_id": 2, "status": "open", "value": 20, "currency": "EUR",
       "add_time": "2024-02-05 09:00:00", "expected_close_date": "2024-12-31"}]})");
    REQUIRE(deals.ok());
    ws.set_event_rows("deals", std::move(deals.rows));
    REQUIRE(ws.data_span());
    CHECK(ws.data_span()->first == *parse_timestamp("2024-02-01T09:00:00Z"));
    CHECK(ws.data_span()->last == *parse_timestamp("2024-03-02T10:00:00Z"));

    std::vector<PageView> log(2);
    log[0].visitor_id = log[1].visitor_id = "v";
    log[0].at = *parse_timestamp("2024-04-10T08:00:00Z");
    log[1].at = *parse_timestamp("2024-01-20T08:00:00Z");
    log[0].url = log[1].url = "https://shop.example/";
    ws.set_event_log(log);
    CHECK(ws.data_span()->first == *parse_timestamp("2024-01-20T08:00:00Z"));
    CHECK(ws.data_span()->last == *parse_timestamp("2024-04-10T08:00:00Z"));
}

//-----------------------------------------------------------------------------
// Several goal sources, and edits the vendor refuses or answers
//-----------------------------------------------------------------------------

namespace {

const char* const kPipedriveUrl = "https://proxy.test/pipedrive/v1/goals/find";
const char* const kZendeskUrl = "https://proxy.test/zendesk/api/v2/goals";

Workspace two_vendor_workspace() {
    Workspace ws;
    ws.set_goal_sources({kPipedriveUrl, kZendeskUrl});
    ws.load_goals(kZendeskUrl, read_goals(kZendeskGoals));
    ws.load_goals(kPipedriveUrl, read_goals(kPipedriveGoals));
    return ws;
}

const Json kNewZendeskGoal = {{"name", "Signed up"}, {"enabled", false}, {"attribution_model", "first_touch"},
                              {"attribution_period", 5},
                              {"settings", {{"conditions", {{{"type", "url"}, {"operator", "equals"}, {"value", "https://shop.test/welcome"}}}}}}};

}  // namespace

TEST_CASE("goals of several sources show together in the sources' order, each with its vendor", "[workspace][sources]") {
    Workspace ws = two_vendor_workspace();
    REQUIRE(ws.goals().size() == 3);
    CHECK(ws.goals()[0].vendor == Vendor::pipedrive);  // the order of set_goal_sources, not of the loads
    CHECK(ws.source_of(0) == kPipedriveUrl);
    CHECK(ws.goals()[2].vendor == Vendor::zendesk);
    CHECK(ws.source_of(2) == kZendeskUrl);
    CHECK(ws.vendor_of(kZendeskUrl) == Vendor::zendesk);

    // A source loaded again replaces its own goals only; a source dropped takes its goals along.
    ReadResult none;
    none.vendor = Vendor::zendesk;
    ws.load_goals(kZendeskUrl, none);
    CHECK(ws.goals().size() == 2);
    ws.set_goal_sources({kZendeskUrl});
    CHECK(ws.goals().empty());
    CHECK(ws.vendor_of(kPipedriveUrl) == Vendor::unknown);
}

TEST_CASE("with several sources an add names its source, by URL or vendor, and an edit finds its goal's", "[workspace][sources]") {
    Workspace ws = two_vendor_workspace();
    const CallReply unnamed = ws.call("add", {{"goal", kNewZendeskGoal}}, at(kMarch15));
    REQUIRE_FALSE(unnamed.ok());
    CHECK(unnamed.error->code == "ambiguous_source");
    CHECK(unnamed.error->path == "/source");
    CHECK(ws.call("add", {{"goal", kNewZendeskGoal}, {"source", "hubspot"}}, at(kMarch15)).error->code == "unknown_source");

    const CallReply added = ws.call("add", {{"goal", kNewZendeskGoal}, {"source", "zendesk"}}, at(kMarch15));
    REQUIRE(added.ok());
    REQUIRE(added.change);
    CHECK(added.change->source == kZendeskUrl);
    CHECK(added.change->kind == GoalEdit::create);
    CHECK_FALSE(added.change->before);
    REQUIRE(added.change->after);
    CHECK(added.change->after->title == "Signed up");
    CHECK(ws.goals().back().vendor == Vendor::zendesk);

    // Goal 41 is only Pipedrive's: no source needed, and the change says where it was.
    const CallReply renamed = ws.call("update", {{"id", "41"}, {"changes", {{"title", "Won, Mia"}}}}, at(kMarch15));
    REQUIRE(renamed.ok());
    CHECK(renamed.change->source == kPipedriveUrl);
    CHECK(renamed.change->before->title == "Deals won by Mia");
    CHECK(renamed.change->after->title == "Won, Mia");
}

TEST_CASE("an id two sources use is reported, and an edit of it must name the source", "[workspace][sources]") {
    Workspace ws;
    ws.set_goal_sources({"a", "b"});
    ws.load_goals("a", read_goals(kZendeskGoals));
    ws.load_goals("b", read_goals(kZendeskGoals));
    REQUIRE(ws.goals().size() == 2);
    REQUIRE(ws.id_conflicts().size() == 1);
    CHECK(ws.id_conflicts().front().code == "duplicate_id");
    CHECK(ws.call("update", {{"id", "7"}, {"changes", {{"name", "x"}}}}, at(kMarch15)).error->code == "ambiguous_source");
    const CallReply named = ws.call("update", {{"id", "7"}, {"source", "b"}, {"changes", {{"name", "x"}}}}, at(kMarch15));
    REQUIRE(named.ok());
    CHECK(ws.goals()[0].title == "Order placed");
    CHECK(ws.goals()[1].title == "x");
}

TEST_CASE("a refused edit is reverted: a create goes, an update and a removal are put back in place", "[workspace][sources]") {
    Workspace ws = two_vendor_workspace();
    const std::vector<Goal> original = ws.goals();

    const CallReply added = ws.call("add", {{"goal", kNewZendeskGoal}, {"source", kZendeskUrl}}, at(kMarch15));
    REQUIRE(added.ok());
    CHECK(ws.revert(*added.change));
    CHECK(ws.goals() == original);

    const CallReply renamed = ws.call("update", {{"id", 42}, {"changes", {{"title", "Renamed"}}}}, at(kMarch15));
    REQUIRE(renamed.ok());
    CHECK(ws.revert(*renamed.change));
    CHECK(ws.goals() == original);

    // Pipedrive's removal marks the goal deleted; Zendesk's takes it out of the list: both come back where
    // they were.
    const CallReply gone = ws.call("remove", {{"id", "41"}}, at(kMarch15));
    REQUIRE(gone.ok());
    CHECK(ws.goals().size() == 2);
    CHECK(ws.revert(*gone.change));
    CHECK(ws.goals() == original);
    const CallReply erased = ws.call("remove", {{"id", "7"}}, at(kMarch15));
    REQUIRE(erased.ok());
    CHECK(ws.revert(*erased.change));
    CHECK(ws.goals() == original);

    std::vector<WorkspaceEvent> events = ws.take_events();
    CHECK(events.size() == 4);  // the edits said so; the reverts are the caller's to announce
}

TEST_CASE("the vendor's answer settles a change: a created goal takes the vendor's id", "[workspace][sources]") {
    Workspace ws = two_vendor_workspace();
    const CallReply added = ws.call("add", {{"goal", kNewZendeskGoal}, {"source", kZendeskUrl}}, at(kMarch15));
    REQUIRE(added.ok());
    Goal from_vendor = *added.change->after;
    from_vendor.id = "90210";
    CHECK(ws.settle(*added.change, from_vendor));
    CHECK(ws.goals().back().id == "90210");
    CHECK(ws.goals().size() == 4);
    // The change now names a goal that is no longer there under its local id: a late revert does nothing.
    CHECK_FALSE(ws.revert(*added.change));
    CHECK(ws.goals().size() == 4);
}

TEST_CASE("the editor's new goal goes to the first source of its vendor", "[workspace][sources]") {
    Workspace ws = two_vendor_workspace();
    Goal draft = ws.goals().back();  // Zendesk's
    draft.id.clear();
    draft.title = "Another URL goal";
    draft.active = false;
    const CallReply created = ws.edit(GoalEdit::create, draft, kMarch15);
    REQUIRE(created.ok());
    CHECK(created.change->source == kZendeskUrl);
    CHECK(ws.goals().back().title == "Another URL goal");
}

TEST_CASE("a late revert leaves a goal that changed again since, and a removal is not put back twice", "[workspace][sources]") {
    Workspace ws = two_vendor_workspace();
    // Two updates of one goal in flight; the second is settled, then the first is refused.
    const CallReply first = ws.call("update", {{"id", "41"}, {"changes", {{"title", "v1"}}}}, at(kMarch15));
    const CallReply second = ws.call("update", {{"id", "41"}, {"changes", {{"title", "v2"}}}}, at(kMarch15));
    REQUIRE((first.ok() && second.ok()));
    CHECK(ws.settle(*second.change, *second.change->after));
    CHECK_FALSE(ws.revert(*first.change));
    CHECK(ws.goals()[0].title == "v2");

    // An update in flight, then a Pipedrive removal: the update's refusal does not bring the goal back.
    const CallReply renamed = ws.call("update", {{"id", "42"}, {"changes", {{"title", "Renamed"}}}}, at(kMarch15));
    REQUIRE(ws.call("remove", {{"id", "42"}}, at(kMarch15)).ok());
    CHECK_FALSE(ws.revert(*renamed.change));
    CHECK(std::none_of(ws.goals().begin(), ws.goals().end(), [](const Goal& g) { return g.id == "42"; }));

    // A Zendesk removal whose goal came back with a reload of its source is not inserted again.
    const CallReply erased = ws.call("remove", {{"id", "7"}}, at(kMarch15));
    REQUIRE(erased.ok());
    ws.load_goals(kZendeskUrl, read_goals(kZendeskGoals));
    CHECK_FALSE(ws.revert(*erased.change));
    CHECK(std::count_if(ws.goals().begin(), ws.goals().end(), [](const Goal& g) { return g.id == "7"; }) == 1);
}

TEST_CASE("the editor's edit of an id two vendors use goes to the goal of its own vendor", "[workspace][sources]") {
    Workspace ws;
    ws.set_goal_sources({"pd", "zd"});
    ws.load_goals("pd", read_goals(kPipedriveGoals));
    ReadResult zendesk = read_goals(kZendeskGoals);
    zendesk.goals[0].id = "41";  // the same id as a Pipedrive goal
    ws.load_goals("zd", zendesk);
    Goal draft = ws.goals().back();
    REQUIRE(draft.vendor == Vendor::zendesk);
    draft.title = "Only Zendesk's";
    const CallReply edited = ws.edit(GoalEdit::update, draft, kMarch15);
    REQUIRE(edited.ok());
    CHECK(edited.change->source == "zd");
    CHECK(ws.goals()[0].title == "Deals won by Mia");
    CHECK(ws.goals().back().title == "Only Zendesk's");
}

TEST_CASE("a source named before it loads takes its vendor, so an add there is that vendor's", "[workspace][sources]") {
    Workspace ws;
    ws.set_goal_sources({kZendeskUrl}, {Vendor::zendesk});
    CHECK(ws.vendor_of(kZendeskUrl) == Vendor::zendesk);
    const CallReply added = ws.call("add", {{"goal", kNewZendeskGoal}}, at(kMarch15));
    REQUIRE(added.ok());
    CHECK(ws.goals().front().vendor == Vendor::zendesk);
}
