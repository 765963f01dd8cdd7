// The matching runtime: sessions, counting modes across session boundaries, values, room scope,
// retroactive evaluation, the event log reader and pace on conversion goals.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "core/calendar.hpp"
#include "core/conversion_readers.hpp"
#include "core/matching.hpp"

namespace {

constexpr gp::TimestampMs kMinute = 60 * 1000;

gp::Goal url_goal(std::string id, std::string contains, gp::CountingMode mode = gp::CountingMode::every) {
    gp::Goal g;
    g.id = std::move(id);
    g.vendor = gp::Vendor::giosg;
    gp::Condition c;
    c.field = gp::ConditionField::url;
    c.op = gp::ConditionOp::contains;
    c.value = std::move(contains);
    g.conditions.push_back(c);
    g.counting = mode;
    return g;
}

gp::PageView at(std::string visitor, gp::TimestampMs minute, std::string url) {
    gp::PageView v;
    v.visitor_id = std::move(visitor);
    v.at = minute * kMinute;
    v.url = std::move(url);
    return v;
}

// Visitor v1: two views of /thanks and one of /thanks#again in session 1; a 45-minute gap; one more
// /thanks in session 2. Visitor v2: one /thanks.
std::vector<gp::PageView> two_sessions() {
    return {at("v1", 0, "https://a.com/thanks"),  at("v1", 10, "https://a.com/thanks/"),
            at("v1", 20, "https://a.com/thanks#again"), at("v1", 65, "https://a.com/thanks"),
            at("v2", 5, "https://a.com/thanks")};
}

size_t count_for(const gp::MatchRun& run, const std::string& goal) {
    size_t n = 0;
    for (const gp::MatchRecord& m : run.matches) n += m.goal_id == goal;
    return n;
}

std::string read_fixture(const std::string& name) {
    std::ifstream in(std::string(GP_FIXTURE_DIR) + "/conditions/" + name, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

TEST_CASE("matching: sessions end after 30 minutes of inactivity") {
    const gp::MatchRun run = gp::run_matching({url_goal("g", "thanks")}, two_sessions());
    REQUIRE(run.sessions.size() == 3);
    CHECK(run.sessions[0].visitor_id == "v1");
    CHECK(run.sessions[0].number == 1);
    CHECK(run.sessions[0].end == 20 * kMinute);
    CHECK(run.sessions[1].number == 2);
    CHECK(run.sessions[1].start == 65 * kMinute);
    CHECK(run.sessions[2].visitor_id == "v2");

    // exactly 30 minutes of inactivity ends the session; 29:59.999 does not
    std::vector<gp::PageView> edge{at("v", 0, "https://a.com/x"), at("v", 30, "https://a.com/x")};
    CHECK(gp::run_matching({}, edge).sessions.size() == 2);
    edge[1].at = 30 * kMinute - 1;
    CHECK(gp::run_matching({}, edge).sessions.size() == 1);
    gp::MatchOptions longer;
    longer.session_timeout_ms = 60 * kMinute;
    CHECK(gp::run_matching({}, two_sessions(), longer).sessions.size() == 2);
}

TEST_CASE("matching: counting modes across session boundaries") {
    const std::vector<gp::Goal> goals{url_goal("every", "thanks", gp::CountingMode::every),
                                      url_goal("page", "thanks", gp::CountingMode::once_per_page),
                                      url_goal("session", "thanks", gp::CountingMode::once_per_session),
                                      url_goal("visitor", "thanks", gp::CountingMode::once_per_visitor)};
    const gp::MatchRun run = gp::run_matching(goals, two_sessions());
    CHECK(count_for(run, "every") == 5);
    // /thanks, /thanks/ and /thanks#again are one page: once in each of v1's sessions, once for v2
    CHECK(count_for(run, "page") == 3);
    CHECK(count_for(run, "session") == 3);
    CHECK(count_for(run, "visitor") == 2);
    for (const gp::MatchRecord& m : run.matches)
        if (m.goal_id == "session" && m.visitor_id == "v1") CHECK((m.at == 0 || m.at == 65 * kMinute));
}

TEST_CASE("matching: records carry session, time, url and value") {
    gp::Goal g = url_goal("g", "thanks");
    g.default_value = 10;
    std::vector<gp::PageView> log = two_sessions();
    log[3].goal_value = 99.5;
    const gp::MatchRun run = gp::run_matching({g}, log);
    REQUIRE(run.matches.size() == 5);
    for (size_t i = 1; i < run.matches.size(); ++i) CHECK(run.matches[i - 1].at <= run.matches[i].at);
    const auto second_session = std::find_if(run.matches.begin(), run.matches.end(),
                                             [](const gp::MatchRecord& m) { return m.at == 65 * kMinute; });
    REQUIRE(second_session != run.matches.end());
    CHECK(second_session->session == 2);
    CHECK(second_session->value == 99.5);
    CHECK(run.matches.front().value == 10);
    CHECK(run.matches.front().url == "https://a.com/thanks");
    g.default_value.reset();
    CHECK_FALSE(gp::run_matching({g}, {log[0]}).matches.at(0).value.has_value());
}

TEST_CASE("matching: times before 1970 and ties keep the log's order: time, then visitor, then position") {
    // Out of order in the log, across the epoch, with two visitors at the same minute and one visitor
    // twice at the same minute: matches come by time, then visitor id, then place in the log; sessions
    // by visitor, then time.
    const std::vector<gp::PageView> log{at("b", 5, "https://a.com/thanks?x=1"), at("a", -600, "https://a.com/thanks"),
                                        at("a", 5, "https://a.com/thanks"), at("b", 5, "https://a.com/thanks?x=2"),
                                        at("a", -1, "https://a.com/thanks")};
    const gp::MatchRun run = gp::run_matching({url_goal("g", "thanks")}, log);
    REQUIRE(run.matches.size() == 5);
    std::vector<std::string> order;
    for (const gp::MatchRecord& m : run.matches)
        order.push_back(m.visitor_id + "@" + std::to_string(m.at / kMinute) + m.url.substr(20));  // the query
    CHECK(order == std::vector<std::string>{"a@-600", "a@-1", "a@5", "b@5?x=1", "b@5?x=2"});
    // a: -600 alone (over 30 minutes before -1), then -1 and 5 together; b: one session
    REQUIRE(run.sessions.size() == 3);
    CHECK(run.sessions[0].visitor_id == "a");
    CHECK(run.sessions[0].start == -600 * kMinute);
    CHECK(run.sessions[1].start == -1 * kMinute);
    CHECK(run.sessions[1].end == 5 * kMinute);
    CHECK(run.sessions[2].visitor_id == "b");
}

TEST_CASE("matching: room scope and unsupported goals") {
    gp::Goal scoped = url_goal("scoped", "thanks");
    scoped.rooms.any_room = false;
    scoped.rooms.allowed_rooms = {"room-a"};
    gp::Goal broken = url_goal("broken", "thanks");
    broken.conditions[0].op = gp::ConditionOp::unsupported;
    std::vector<gp::PageView> log = two_sessions();
    log[0].room = "room-a";
    log[1].room = "room-b";
    const gp::MatchRun run = gp::run_matching({scoped, broken}, log);
    REQUIRE(count_for(run, "scoped") == 1);
    CHECK(run.matches[0].at == 0);
    CHECK(count_for(run, "broken") == 0);
    REQUIRE(run.goal_problems.size() == 1);
    CHECK(run.goal_problems[0].goal_id == "broken");
    CHECK(run.goal_problems[0].state == gp::Verdict::unsupported);
    CHECK(run.goal_problems[0].errors.at(0).path == "/goals/1/conditions/0/value");
}

TEST_CASE("matching: bad URLs in the log are reported, the rest still match") {
    std::vector<gp::PageView> log = two_sessions();
    log[2].url = "thanks-page-without-scheme";
    const gp::MatchRun run = gp::run_matching({url_goal("g", "thanks")}, log);
    CHECK(run.matches.size() == 4);
    REQUIRE(run.errors.size() == 1);
    CHECK(run.errors[0].path == "/events/2/url");
    CHECK(run.errors[0].code == "bad_url");
}

TEST_CASE("matching: the index and the naive loop give the same run") {
    const std::vector<gp::Goal> goals{url_goal("a", "thanks", gp::CountingMode::once_per_session), url_goal("b", "a.com")};
    gp::MatchOptions naive;
    naive.use_index = false;
    const gp::MatchRun fast = gp::run_matching(goals, two_sessions());
    const gp::MatchRun slow = gp::run_matching(goals, two_sessions(), naive);
    REQUIRE(fast.matches.size() == slow.matches.size());
    for (size_t i = 0; i < fast.matches.size(); ++i) {
        CHECK(fast.matches[i].goal_id == slow.matches[i].goal_id);
        CHECK(fast.matches[i].at == slow.matches[i].at);
    }
}

TEST_CASE("matching: goals compiled once give the same runs, run after run, as compiling each time") {
    gp::Goal broken = url_goal("broken", "thanks");
    broken.conditions[0].op = gp::ConditionOp::unsupported;
    const std::vector<gp::Goal> goals{url_goal("a", "thanks", gp::CountingMode::once_per_session), broken,
                                      url_goal("b", "a.com", gp::CountingMode::once_per_visitor)};
    gp::CompiledGoals compiled(goals);
    CHECK(compiled.size() == 3);
    REQUIRE(compiled.problems().size() == 1);
    // Different logs through the one index: nothing of an earlier run (verdicts, counting) may carry over.
    std::vector<gp::PageView> shorter = two_sessions();
    shorter.resize(2);
    for (const std::vector<gp::PageView>& log : {two_sessions(), shorter, two_sessions()}) {
        const gp::MatchRun fresh = gp::run_matching(goals, log);
        const gp::MatchRun reused = gp::run_matching(compiled, goals, log);
        REQUIRE(reused.matches.size() == fresh.matches.size());
        for (size_t i = 0; i < fresh.matches.size(); ++i) {
            CHECK(reused.matches[i].goal_id == fresh.matches[i].goal_id);
            CHECK(reused.matches[i].at == fresh.matches[i].at);
            CHECK(reused.matches[i].session == fresh.matches[i].session);
        }
        REQUIRE(reused.goal_problems.size() == 1);
        CHECK(reused.goal_problems[0].goal_id == "broken");
    }
}

TEST_CASE("event log reader: JSON lines with errors per line") {
    const gp::EventLogRead log = gp::read_event_log(read_fixture("events.jsonl"));
    CHECK(log.views.size() == 6);
    REQUIRE(log.errors.size() == 3);
    CHECK(log.errors[0].path == "/lines/4");
    CHECK(log.errors[0].code == "malformed_json");
    CHECK(log.errors[1].path == "/lines/5/at");
    CHECK(log.errors[2].path == "/lines/6/visitor_id");
    const gp::PageView& purchase = log.views[2];
    CHECK(purchase.event_name == "purchase");
    CHECK(purchase.event_value == "149.9");
    CHECK(purchase.goal_value == 149.9);
    CHECK(purchase.at == *gp::parse_timestamp("2024-05-02T10:03:00Z"));
    CHECK(log.views[1].at == 1714644120000);
    CHECK(gp::read_event_log("\n\n").views.empty());
    CHECK(gp::read_event_log("[1]").errors.at(0).code == "type_mismatch");
}

TEST_CASE("event log reader: epoch milliseconds past the 64-bit range are an error, not a wrapped time") {
    const gp::EventLogRead log = gp::read_event_log(R"({"visitor_id": "v", "at": 18446744073709551615, "url": "https://a.example/"})");
    CHECK(log.views.empty());
    REQUIRE(log.errors.size() == 1);
    CHECK(log.errors[0].path == "/lines/1/at");
    CHECK(log.errors[0].code == "bad_timestamp");
    CHECK(log.errors[0].message.rfind("at ", 0) == 0);  // the log's messages name their key
}

