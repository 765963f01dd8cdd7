// Attribution: first/last touch at the edges of the window, out-of-range periods, giosg external matches
// linked to sessions (and the 404 cases), and the Zendesk conversion and giosg match readers.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "core/attribution.hpp"
#include "core/calendar.hpp"
#include "core/conversion_readers.hpp"

namespace {

constexpr gp::TimestampMs kDay = gp::kMsPerDay;

gp::Goal attributed_goal(gp::AttributionModel model, int days) {
    gp::Goal g;
    g.id = "g";
    g.vendor = gp::Vendor::zendesk;
    g.attribution.model = model;
    g.attribution.window_days = days;
    return g;
}

std::string read_fixture(const std::string& name) {
    std::ifstream in(std::string(GP_FIXTURE_DIR) + "/conditions/" + name, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

gp::PageView visit(std::string visitor, gp::TimestampMs at, std::string room) {
    gp::PageView v;
    v.visitor_id = std::move(visitor);
    v.at = at;
    v.url = "https://a.com/";
    v.room = std::move(room);
    return v;
}

}  // namespace

TEST_CASE("attribution: first and last touch inside the window, edges included") {
    const gp::TimestampMs match = 100 * kDay;
    const gp::TouchIndex touches(std::vector<gp::Touch>{{"v", match - 7 * kDay - 1, "too-early", "d"},
                                  {"v", match - 7 * kDay, "first", "d"},
                                  {"v", match - kDay, "middle", "d"},
                                  {"v", match, "last", "d"},
                                  {"v", match + 1, "after", "d"},
                                  {"other", match - kDay, "someone-else", "d"}});
    const auto first = gp::attribute(attributed_goal(gp::AttributionModel::first_touch, 7), "v", match, touches);
    REQUIRE(first.state == gp::AttributionState::attributed);
    CHECK(first.touch->agent_id == "first");
    const auto last = gp::attribute(attributed_goal(gp::AttributionModel::last_touch, 7), "v", match, touches);
    REQUIRE(last.state == gp::AttributionState::attributed);
    CHECK(last.touch->agent_id == "last");
    // one millisecond before the window's start is outside: a shorter window finds only the late touches
    const auto short_window = gp::attribute(attributed_goal(gp::AttributionModel::first_touch, 1), "v", match, touches);
    CHECK(short_window.touch->agent_id == "middle");
    const auto nobody = gp::attribute(attributed_goal(gp::AttributionModel::last_touch, 30), "v", match - 8 * kDay, touches);
    CHECK(nobody.state == gp::AttributionState::unattributed);
    CHECK_FALSE(nobody.touch.has_value());
    CHECK(gp::attribute(attributed_goal(gp::AttributionModel::none, 7), "v", match, touches).state ==
          gp::AttributionState::no_model);
}

TEST_CASE("attribution: touches come from chat events with an agent and a department") {
    std::vector<gp::PageView> log{visit("v", 0, "")};
    gp::PageView chat;
    chat.visitor_id = "v";
    chat.at = 5;
    chat.agent_id = "agent-1";
    chat.department_id = "dept-1";
    log.push_back(chat);
    chat.department_id.clear();  // no department: not a touch
    log.push_back(chat);
    const gp::TouchIndex touches(log);
    CHECK(touches.size() == 1);
    CHECK(gp::attribute(attributed_goal(gp::AttributionModel::last_touch, 1), "v", 10, touches).touch->agent_id == "agent-1");
}

TEST_CASE("attribution: periods outside 1..30 days are explicit errors") {
    const gp::TouchIndex none(std::vector<gp::Touch>{});
    for (int days : {0, -3, 31, 365}) {
        const gp::Goal g = attributed_goal(gp::AttributionModel::first_touch, days);
        const auto error = gp::check_attribution(g, "/goals/2");
        REQUIRE(error);
        CHECK(error->code == "out_of_range");
        CHECK(error->path == "/goals/2/attribution_period");
        CHECK(gp::attribute(g, "v", 0, none).state == gp::AttributionState::invalid_period);
    }
    CHECK_FALSE(gp::check_attribution(attributed_goal(gp::AttributionModel::first_touch, 1), ""));
    CHECK_FALSE(gp::check_attribution(attributed_goal(gp::AttributionModel::first_touch, 30), ""));
    CHECK_FALSE(gp::check_attribution(attributed_goal(gp::AttributionModel::none, 0), ""));
}

TEST_CASE("giosg external matches link to the latest session that started before them") {
    gp::Goal g;
    g.id = "lead";
    g.default_value = 5;
    const std::vector<gp::PageView> log{visit("v", 0, "room-a"), visit("v", 60 * 60 * 1000, "room-b"),
                                        visit("w", 0, "room-a")};
    const gp::MatchRun run = gp::run_matching({}, log);
    REQUIRE(run.sessions.size() == 3);

    gp::ExternalMatch m{"lead", "v", 60 * 60 * 1000 + 1, std::nullopt, {"room-b"}};
    gp::LinkedMatch linked = gp::link_external_match(m, {g}, run.sessions, "/0");
    REQUIRE(linked.record);
    CHECK(linked.record->session == 2);
    CHECK(linked.record->value == 5);

    m.matched_at = 60 * 60 * 1000;  // the second session starts exactly then: not before, so the first one
    m.rooms = {"room-a"};
    m.value = 7;
    linked = gp::link_external_match(m, {g}, run.sessions, "/0");
    REQUIRE(linked.record);
    CHECK(linked.record->session == 1);
    CHECK(linked.record->value == 7);

    m.rooms = {"room-z"};
    linked = gp::link_external_match(m, {g}, run.sessions, "/0");
    REQUIRE(linked.error);
    CHECK(linked.error->status == 404);
    CHECK(linked.error->code == "room_not_found");

    m.rooms = {"room-a"};
    m.matched_at = 0;  // no session started before it
    linked = gp::link_external_match(m, {g}, run.sessions, "/0");
    REQUIRE(linked.error);
    CHECK(linked.error->code == "session_not_found");
    CHECK(linked.error->status == 404);

    m.matched_at = 10;
    m.visitor_identity = "nobody";
    CHECK(gp::link_external_match(m, {g}, run.sessions, "/0").error->code == "session_not_found");
    m.goal_id = "missing";
    CHECK(gp::link_external_match(m, {g}, run.sessions, "/0").error->code == "goal_not_found");
}

TEST_CASE("readers: giosg external match payloads") {
    const gp::ExternalMatchesRead read = gp::read_giosg_matches(read_fixture("giosg_matches.json"), "lead");
    REQUIRE(read.matches.size() == 2);
    CHECK(read.matches[0].goal_id == "lead");
    CHECK(read.matches[0].value == 42.5);
    CHECK(read.matches[0].matched_at == *gp::parse_timestamp("2024-05-02T12:30:00.250Z"));
    CHECK(read.matches[0].rooms.size() == 2);
    CHECK(read.matches[1].goal_id == "other-goal");
    REQUIRE(read.errors.size() == 2);
    CHECK(read.errors[0].path == "/1/rooms");
    CHECK(read.errors[1].path == "/2/goal_value");
    CHECK(gp::read_giosg_matches("{", "g").errors.at(0).code == "malformed_json");
}

TEST_CASE("readers: Zendesk chat conversions with attribution") {
    const gp::ConversionsRead read = gp::read_zendesk_chat_conversions(read_fixture("zendesk_chats.json"));
    REQUIRE(read.conversions.size() == 2);
    const gp::Conversion& first = read.conversions[0];
    CHECK(first.goal_id == "501");
    CHECK(first.chat_id == "chat-1a");
    CHECK(first.visitor_id == "vis-100");
    REQUIRE(first.attributed_to);
    CHECK(first.attributed_to->agent_id == "7001");
    CHECK(first.attributed_to->department_id == "31");
    CHECK(first.attributed_to->at == *gp::parse_timestamp("2024-05-01T09:00:00Z"));
    CHECK(first.agent_name == "Ada");
    CHECK_FALSE(read.conversions[1].attributed_to.has_value());
    REQUIRE(read.errors.size() == 3);
    CHECK(read.errors[0].path == "/chats/1/conversions/0/goal_id");
    CHECK(read.errors[1].path == "/chats/1/conversions/1/attribution");
    CHECK(read.errors[2].path == "/chats/2/conversions");
}

TEST_CASE("readers: the Zendesk incremental conversions export") {
    const gp::ConversionsRead read = gp::read_zendesk_incremental_conversions(read_fixture("zendesk_incremental.json"));
    REQUIRE(read.conversions.size() == 1);
    CHECK(read.conversions[0].visitor_id == "vis-300");
    CHECK(read.conversions[0].attributed_to->agent_id == "7002");
    REQUIRE(read.errors.size() == 1);
    CHECK(read.errors[0].path == "/conversions/1/timestamp");
    CHECK(read.next.has_more());
    CHECK(read.end_time == gp::TimestampMs{1718006400} * 1000);
    CHECK(gp::read_zendesk_incremental_conversions("{}").errors.at(0).code == "required");
}

// Seconds times 1000 would overflow TimestampMs (undefined behaviour): such an end_time is dropped.
TEST_CASE("readers: an export end_time past the millisecond range is not kept") {
    const gp::ConversionsRead huge =
        gp::read_zendesk_incremental_conversions(R"({"conversions": [], "end_time": 9223372036854776})");
    CHECK(huge.errors.empty());
    CHECK_FALSE(huge.end_time);
    const gp::ConversionsRead fits = gp::read_zendesk_incremental_conversions(R"({"conversions": [], "end_time": 9223372036854775})");
    CHECK(fits.end_time == gp::TimestampMs{9223372036854775} * 1000);
    // A null list is named, so it is reported as no array rather than as missing.
    CHECK(gp::read_zendesk_incremental_conversions(R"({"conversions": null})").errors.at(0).code == "type_mismatch");
}

TEST_CASE("readers: Zendesk conversions told apart by shape") {
    const gp::ConversionsRead chats = gp::read_zendesk_conversions(read_fixture("zendesk_chats.json"));
    CHECK(chats.conversions.size() == 2);
    CHECK_FALSE(chats.next.has_more());
    const gp::ConversionsRead page = gp::read_zendesk_conversions(read_fixture("zendesk_incremental.json"));
    CHECK(page.conversions.size() == 1);
    CHECK(page.next.has_more());
    // One chat object also has `conversions`; its `id` says it is a chat.
    const gp::ConversionsRead one = gp::read_zendesk_conversions(
        R"({"id": "c-9", "visitor": {"id": "v-1"}, "conversions": [{"id": "x", "goal_id": 7, "timestamp": "2024-05-01T10:00:00Z"}]})");
    REQUIRE(one.conversions.size() == 1);
    CHECK(one.conversions[0].chat_id == "c-9");
    CHECK(one.conversions[0].visitor_id == "v-1");
}

TEST_CASE("readers: a conversions payload of either vendor, parsed once and told apart by shape") {
    const gp::AnyConversionsRead giosg = gp::read_any_conversions(read_fixture("giosg_matches.json"), "lead");
    REQUIRE(giosg.giosg);
    CHECK(giosg.giosg_matches.matches.size() == 2);
    CHECK(giosg.giosg_matches.matches[0].goal_id == "lead");
    CHECK(giosg.giosg_matches.errors.size() == 2);
    CHECK(giosg.zendesk.conversions.empty());
    for (const char* fixture : {"zendesk_chats.json", "zendesk_incremental.json"}) {
        INFO(fixture);
        const gp::AnyConversionsRead zendesk = gp::read_any_conversions(read_fixture(fixture), "lead");
        CHECK_FALSE(zendesk.giosg);
        CHECK(zendesk.zendesk.conversions.size() == gp::read_zendesk_conversions(read_fixture(fixture)).conversions.size());
        CHECK(zendesk.giosg_matches.matches.empty());
    }
    // A giosg page whose first match is broken is still giosg's: the good match is kept, the bad one named.
    const gp::AnyConversionsRead first_bad = gp::read_any_conversions(
        R"([{"goal_matched_at": "2024-05-02T12:30:00Z"},
            {"visitor_identity": "v-2", "goal_matched_at": "2024-05-02T12:31:00Z", "rooms": ["r"]}])", "lead");
    REQUIRE(first_bad.giosg);
    CHECK(first_bad.giosg_matches.matches.size() == 1);
    REQUIRE_FALSE(first_bad.giosg_matches.errors.empty());
    for (const gp::Error& e : first_bad.giosg_matches.errors) CHECK(e.path.rfind("/0/", 0) == 0);
    const gp::AnyConversionsRead broken = gp::read_any_conversions("[{", "lead");
    CHECK_FALSE(broken.giosg);
    CHECK(broken.zendesk.errors.at(0).code == "malformed_json");
}
