// The condition engine: each operator, flag and vendor rule, through the naive reference evaluation.
#include <catch2/catch.hpp>

#include "core/conditions.hpp"
#include "core/explain.hpp"

using gp::ConditionField;
using gp::ConditionOp;
using gp::Verdict;

namespace {

gp::Condition cond(ConditionField field, ConditionOp op, std::string value, bool case_sensitive = false,
                   bool negate = false) {
    gp::Condition c;
    c.field = field;
    c.op = op;
    c.value = std::move(value);
    c.case_sensitive = case_sensitive;
    c.negate = negate;
    return c;
}

gp::Goal goal_of(std::vector<gp::Condition> conditions, gp::Vendor vendor = gp::Vendor::unknown,
                 gp::Combinator combinator = gp::Combinator::any) {
    gp::Goal g;
    g.id = "g";
    g.vendor = vendor;
    g.conditions = std::move(conditions);
    g.combinator = combinator;
    return g;
}

gp::PageView view_of(std::string url) {
    gp::PageView v;
    v.visitor_id = "v";
    v.url = std::move(url);
    return v;
}

Verdict verdict(const gp::Goal& goal, const gp::PageView& view, const gp::CompileOptions& options = {}) {
    const gp::CompiledGoal compiled = gp::compile_goal(goal, "/goals/0", options);
    gp::Subject subject;
    subject.assign(view);
    return gp::eval_goal_naive(compiled, subject);
}

Verdict one(gp::Condition c, const std::string& url) { return verdict(goal_of({std::move(c)}), view_of(url)); }

}  // namespace

TEST_CASE("conditions: each operator on the URL fields") {
    const std::string url = "https://Shop.example.com/Checkout/Done?order=42&src=ad";
    CHECK(one(cond(ConditionField::url, ConditionOp::equals, "https://shop.example.com/Checkout/Done?order=42&src=ad"), url) == Verdict::match);
    CHECK(one(cond(ConditionField::url, ConditionOp::equals, "https://shop.example.com/checkout"), url) == Verdict::no_match);
    CHECK(one(cond(ConditionField::url, ConditionOp::contains, "checkout/done"), url) == Verdict::match);
    CHECK(one(cond(ConditionField::url, ConditionOp::contains, "basket"), url) == Verdict::no_match);
    CHECK(one(cond(ConditionField::path, ConditionOp::starts_with, "/checkout"), url) == Verdict::match);
    CHECK(one(cond(ConditionField::path, ConditionOp::starts_with, "/done"), url) == Verdict::no_match);
    CHECK(one(cond(ConditionField::path, ConditionOp::ends_with, "/done/"), url) == Verdict::match);
    CHECK(one(cond(ConditionField::path, ConditionOp::equals, "checkout/done"), url) == Verdict::match);
    CHECK(one(cond(ConditionField::query, ConditionOp::contains, "order=42"), url) == Verdict::match);
    CHECK(one(cond(ConditionField::query, ConditionOp::contains, "order=43"), url) == Verdict::no_match);
    CHECK(one(cond(ConditionField::host, ConditionOp::equals, "SHOP.example.com"), url) == Verdict::match);
    CHECK(one(cond(ConditionField::host, ConditionOp::ends_with, ".example.com"), url) == Verdict::match);
    CHECK(one(cond(ConditionField::host, ConditionOp::equals, "example.com"), url) == Verdict::no_match);
}

TEST_CASE("conditions: wildcard is anchored and '*' spans any run of characters") {
    const std::string url = "https://a.com/blog/2024/05/post?x=1";
    CHECK(one(cond(ConditionField::path, ConditionOp::wildcard, "/blog/*/post"), url) == Verdict::match);
    CHECK(one(cond(ConditionField::path, ConditionOp::wildcard, "/blog/*"), url) == Verdict::match);
    CHECK(one(cond(ConditionField::path, ConditionOp::wildcard, "blog/*"), url) == Verdict::no_match);  // anchored
    CHECK(one(cond(ConditionField::path, ConditionOp::wildcard, "*/05/*"), url) == Verdict::match);
    CHECK(one(cond(ConditionField::path, ConditionOp::wildcard, "/blog/*/06/*"), url) == Verdict::no_match);
    CHECK(one(cond(ConditionField::path, ConditionOp::wildcard, "*"), url) == Verdict::match);
    CHECK(one(cond(ConditionField::path, ConditionOp::wildcard, "/blog/2024/05/post"), url) == Verdict::match);
    CHECK(one(cond(ConditionField::url, ConditionOp::wildcard, "https://*.com/blog/*"), url) == Verdict::match);
    CHECK(one(cond(ConditionField::path, ConditionOp::wildcard, "/a*a*a"), "https://a.com/aa") == Verdict::no_match);
}

TEST_CASE("conditions: numeric greater and less on event values") {
    gp::PageView v = view_of("https://a.com/");
    v.event_name = "purchase";
    v.event_value = "149.5";
    CHECK(verdict(goal_of({cond(ConditionField::event_value, ConditionOp::greater, "100")}), v) == Verdict::match);
    CHECK(verdict(goal_of({cond(ConditionField::event_value, ConditionOp::greater, "149.5")}), v) == Verdict::no_match);
    CHECK(verdict(goal_of({cond(ConditionField::event_value, ConditionOp::less, "150")}), v) == Verdict::match);
    v.event_value = "lots";
    CHECK(verdict(goal_of({cond(ConditionField::event_value, ConditionOp::less, "150")}), v) == Verdict::no_match);
    CHECK(verdict(goal_of({cond(ConditionField::event_value, ConditionOp::less, "abc")}), v) == Verdict::error);
}

TEST_CASE("conditions: title, referrer and event name") {
    gp::PageView v = view_of("https://a.com/");
    v.title = "Thank You!";
    v.referrer = "HTTPS://Google.com:443/search?q=shoes";
    v.event_name = "Signup";
    CHECK(verdict(goal_of({cond(ConditionField::title, ConditionOp::starts_with, "thank you")}), v) == Verdict::match);
    CHECK(verdict(goal_of({cond(ConditionField::referrer, ConditionOp::starts_with, "https://google.com/search")}), v) ==
          Verdict::match);
    CHECK(verdict(goal_of({cond(ConditionField::event_name, ConditionOp::equals, "signup")}), v) == Verdict::match);
    CHECK(verdict(goal_of({cond(ConditionField::event_name, ConditionOp::equals, "signup", true)}), v) == Verdict::no_match);
}

TEST_CASE("conditions: case-sensitivity flag and vendor defaults") {
    const std::string url = "https://a.com/Pricing";
    CHECK(one(cond(ConditionField::path, ConditionOp::equals, "/pricing", false), url) == Verdict::match);
    CHECK(one(cond(ConditionField::path, ConditionOp::equals, "/pricing", true), url) == Verdict::no_match);
    CHECK(one(cond(ConditionField::path, ConditionOp::equals, "/Pricing", true), url) == Verdict::match);
    CHECK_FALSE(gp::default_case_sensitive(gp::Vendor::zendesk));
    CHECK_FALSE(gp::default_case_sensitive(gp::Vendor::giosg));
    CHECK(gp::default_case_sensitive(gp::Vendor::unknown));
}

TEST_CASE("conditions: negate flips match and no_match, never unsupported") {
    const std::string url = "https://a.com/pricing";
    CHECK(one(cond(ConditionField::url, ConditionOp::contains, "pricing", false, true), url) == Verdict::no_match);
    CHECK(one(cond(ConditionField::url, ConditionOp::contains, "cart", false, true), url) == Verdict::match);
    gp::Condition unsupported = cond(ConditionField::url, ConditionOp::unsupported, "x", false, true);
    CHECK(one(unsupported, url) == Verdict::unsupported);
}

TEST_CASE("conditions: any/all combinators with three-valued logic") {
    const gp::PageView v = view_of("https://a.com/cart?step=2");
    const gp::Condition yes = cond(ConditionField::path, ConditionOp::equals, "/cart");
    const gp::Condition no = cond(ConditionField::query, ConditionOp::contains, "step=3");
    const gp::Condition odd = cond(ConditionField::url, ConditionOp::unsupported, "x");
    CHECK(verdict(goal_of({no, yes}, gp::Vendor::unknown, gp::Combinator::any), v) == Verdict::match);
    CHECK(verdict(goal_of({no, yes}, gp::Vendor::unknown, gp::Combinator::all), v) == Verdict::no_match);
    CHECK(verdict(goal_of({yes, yes}, gp::Vendor::unknown, gp::Combinator::all), v) == Verdict::match);
    CHECK(verdict(goal_of({odd, yes}, gp::Vendor::unknown, gp::Combinator::any), v) == Verdict::match);
    CHECK(verdict(goal_of({odd, no}, gp::Vendor::unknown, gp::Combinator::any), v) == Verdict::unsupported);
    CHECK(verdict(goal_of({odd, yes}, gp::Vendor::unknown, gp::Combinator::all), v) == Verdict::unsupported);
    CHECK(verdict(goal_of({odd, no}, gp::Vendor::unknown, gp::Combinator::all), v) == Verdict::no_match);
    CHECK(verdict(goal_of({}, gp::Vendor::unknown, gp::Combinator::all), v) == Verdict::no_match);
}

TEST_CASE("conditions: normalization applies to patterns too") {
    const std::string url = "https://a.com/caf%C3%A9/menu/";
    CHECK(one(cond(ConditionField::url, ConditionOp::equals, "HTTPS://A.COM:443/caf\xC3\xA9/menu"), url) == Verdict::match);
    CHECK(one(cond(ConditionField::path, ConditionOp::contains, "caf%c3%a9"), url) == Verdict::match);
    CHECK(one(cond(ConditionField::path, ConditionOp::contains, "caf\xC3\xA9/"), url) == Verdict::match);
    CHECK(one(cond(ConditionField::url, ConditionOp::starts_with, "https://a.com/caf%C3%A9/"), url) == Verdict::match);
}

TEST_CASE("conditions: Zendesk equals needs the scheme") {
    const gp::PageView v = view_of("http://cart.example/");
    const gp::Goal bare = goal_of({cond(ConditionField::url, ConditionOp::equals, "cart.example/")}, gp::Vendor::zendesk);
    const gp::CompiledGoal compiled = gp::compile_goal(bare, "/goals/4");
    REQUIRE(compiled.errors.size() == 1);
    CHECK(compiled.errors[0].code == "equals_needs_scheme");
    CHECK(compiled.errors[0].path == "/goals/4/conditions/0/value");
    CHECK(verdict(bare, v) == Verdict::error);
    const gp::Goal full = goal_of({cond(ConditionField::url, ConditionOp::equals, "http://cart.example/")}, gp::Vendor::zendesk);
    CHECK(verdict(full, v) == Verdict::match);
    // contains needs no scheme
    CHECK(verdict(goal_of({cond(ConditionField::url, ConditionOp::contains, "cart")}, gp::Vendor::zendesk), v) == Verdict::match);
}

TEST_CASE("conditions: bad input is explicit, never a silent non-match") {
    const gp::Goal empty = goal_of({cond(ConditionField::url, ConditionOp::contains, "")});
    const gp::CompiledGoal compiled = gp::compile_goal(empty, "/goals/0");
    REQUIRE(compiled.errors.size() == 1);
    CHECK(compiled.errors[0].code == "empty_value");
    CHECK(verdict(empty, view_of("https://a.com/")) == Verdict::error);

    const gp::Goal bad_pattern = goal_of({cond(ConditionField::url, ConditionOp::equals, "http://a.com:70000/")});
    CHECK(gp::compile_goal(bad_pattern, "").errors.at(0).code == "bad_url");

    // a malformed page URL makes URL conditions errors, not non-matches
    CHECK(one(cond(ConditionField::url, ConditionOp::contains, "a"), "not a url") == Verdict::error);
    CHECK(one(cond(ConditionField::url, ConditionOp::contains, "a"), "") == Verdict::error);
}

namespace {

std::optional<gp::GiosgCodeMeaning> test_codes(int code) {
    if (code == 1) return gp::GiosgCodeMeaning{ConditionField::url, ConditionOp::contains, ""};
    if (code == 27) return gp::GiosgCodeMeaning{ConditionField::event_name, ConditionOp::equals, "lead_sent"};
    return std::nullopt;
}

gp::Condition giosg(int code, std::string value) {
    gp::Condition c = cond(ConditionField::giosg_code, ConditionOp::equals, std::move(value));
    c.vendor_code = code;
    return c;
}

}  // namespace

TEST_CASE("conditions: giosg codes go through the mapping table, unknown codes are unsupported") {
    gp::CompileOptions options;
    options.giosg_codes = &test_codes;
    gp::PageView v = view_of("https://a.com/helsinki/offices");
    CHECK(verdict(goal_of({giosg(1, "helsinki")}, gp::Vendor::giosg), v, options) == Verdict::match);
    CHECK(verdict(goal_of({giosg(1, "tampere")}, gp::Vendor::giosg), v, options) == Verdict::no_match);
    v.event_name = "lead_sent";
    CHECK(verdict(goal_of({giosg(27, "")}, gp::Vendor::giosg), v, options) == Verdict::match);

    const gp::Goal unknown = goal_of({giosg(99, "x")}, gp::Vendor::giosg);
    CHECK(verdict(unknown, v, options) == Verdict::unsupported);
    CHECK(verdict(goal_of({giosg(1, "helsinki")}, gp::Vendor::giosg), v) == Verdict::unsupported);  // no table
    const gp::CompiledGoal compiled = gp::compile_goal(unknown, "/goals/2", options);
    REQUIRE(compiled.errors.size() == 1);
    CHECK(compiled.errors[0].code == "unsupported_code");
    CHECK(compiled.errors[0].path == "/goals/2/conditions/0/type");
}

TEST_CASE("conditions: room scope") {
    gp::Goal g = goal_of({cond(ConditionField::url, ConditionOp::contains, "a")}, gp::Vendor::giosg);
    CHECK(gp::room_allowed(g, "r1"));
    g.rooms.any_room = false;
    g.rooms.allowed_rooms = {"r1", "r2"};
    CHECK(gp::room_allowed(g, "r2"));
    CHECK_FALSE(gp::room_allowed(g, "r3"));
    CHECK_FALSE(gp::room_allowed(g, ""));
}

TEST_CASE("explain: every condition says why") {
    gp::Goal pricing = goal_of({cond(ConditionField::path, ConditionOp::equals, "/pricing"),
                                cond(ConditionField::query, ConditionOp::contains, "plan=pro")},
                               gp::Vendor::unknown, gp::Combinator::all);
    pricing.id = "pricing-pro";
    gp::Goal broken = goal_of({cond(ConditionField::url, ConditionOp::unsupported, "x")});
    broken.id = "broken";
    const std::vector<gp::Goal> goals{pricing, broken};
    const gp::ExplainReport report = gp::explain(goals, view_of("https://a.com/pricing/?plan=basic"));
    REQUIRE(report.goals.size() == 2);
    CHECK(report.url_normalized == "https://a.com/pricing?plan=basic");
    CHECK(report.goals[0].verdict == Verdict::no_match);
    REQUIRE(report.goals[0].conditions.size() == 2);
    CHECK(report.goals[0].conditions[0].verdict == Verdict::match);
    CHECK(report.goals[0].conditions[1].verdict == Verdict::no_match);
    CHECK(report.goals[0].conditions[1].reason.find("does not contain 'plan=pro'") != std::string::npos);
    CHECK(report.goals[1].verdict == Verdict::unsupported);
    const gp::Json json = gp::explain_to_json(report);
    CHECK(json["goals"][0]["conditions"][1]["verdict"] == "no_match");
    CHECK(json["goals"][1]["verdict"] == "unsupported");
    CHECK(json["matched"].size() == 0);
}
