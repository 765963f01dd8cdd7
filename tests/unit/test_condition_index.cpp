// The indexed matcher agrees with the naive reference loop, on hand-picked cases and on random goal sets
// and URLs (fixed seeds, so a failure reproduces).
#include <catch2/catch.hpp>

#include <random>

#include "core/condition_index.hpp"

namespace {

// Small vocabularies so that random patterns and random URLs overlap often.
const char* const kHosts[] = {"a.com", "Shop.A.com", "b.org", "caf\xC3\xA9.fi"};
const char* const kSegments[] = {"cart", "Cart", "pricing", "blog", "2024", "caf%C3%A9", "a", "aa", "x-y", "thanks"};
const char* const kQueries[] = {"", "?plan=pro", "?plan=basic&src=ad", "?q=%41a", "?x"};
const char* const kTitles[] = {"Thank you", "Pricing", "", "cart"};

template <class T, size_t N>
const T& pick(std::mt19937& rng, const T (&items)[N]) {
    return items[std::uniform_int_distribution<size_t>(0, N - 1)(rng)];
}

std::string random_path(std::mt19937& rng) {
    std::string path;
    const int depth = std::uniform_int_distribution<int>(0, 3)(rng);
    for (int i = 0; i < depth; ++i) path += std::string("/") + pick(rng, kSegments);
    if (std::uniform_int_distribution<int>(0, 3)(rng) == 0) path += "/";
    return path;
}

gp::PageView random_view(std::mt19937& rng) {
    gp::PageView v;
    v.visitor_id = "v";
    const int shape = std::uniform_int_distribution<int>(0, 19)(rng);
    if (shape == 0) v.url = "not a url";  // malformed pages must agree too
    else v.url = std::string(shape % 2 ? "https://" : "HTTP://") + pick(rng, kHosts) + random_path(rng) + pick(rng, kQueries);
    v.title = pick(rng, kTitles);
    v.referrer = shape % 3 ? "" : "https://b.org/blog";
    v.event_name = shape % 4 ? "" : "signup";
    v.event_value = std::to_string(std::uniform_int_distribution<int>(0, 200)(rng));
    return v;
}

std::string random_pattern(std::mt19937& rng, gp::ConditionField field, gp::ConditionOp op) {
    using F = gp::ConditionField;
    if (op == gp::ConditionOp::greater || op == gp::ConditionOp::less)
        return std::to_string(std::uniform_int_distribution<int>(0, 200)(rng));
    if (field == F::host) return pick(rng, kHosts);
    if (field == F::title) return pick(rng, kTitles);
    if (field == F::event_name) return "signup";
    if (field == F::query) {
        const std::string q = pick(rng, kQueries);
        return q.empty() ? "plan" : q.substr(1);
    }
    std::string p;
    if (field == F::url && op == gp::ConditionOp::equals) p = std::string("https://") + pick(rng, kHosts);
    if (op == gp::ConditionOp::wildcard) {
        const int parts = std::uniform_int_distribution<int>(1, 3)(rng);
        for (int i = 0; i < parts; ++i) p += (i ? "*" : "") + std::string(i % 2 ? pick(rng, kSegments) : "");
        if (std::uniform_int_distribution<int>(0, 1)(rng)) p += "*/" + std::string(pick(rng, kSegments));
        return p;
    }
    p += random_path(rng);
    if (p.empty()) p = pick(rng, kSegments);
    return p;
}

gp::Goal random_goal(std::mt19937& rng, int id) {
    gp::Goal g;
    g.id = "g" + std::to_string(id);
    g.vendor = std::uniform_int_distribution<int>(0, 3)(rng) ? gp::Vendor::unknown : gp::Vendor::zendesk;
    g.combinator = std::uniform_int_distribution<int>(0, 1)(rng) ? gp::Combinator::any : gp::Combinator::all;
    const int n = std::uniform_int_distribution<int>(0, 4)(rng);
    for (int i = 0; i < n; ++i) {
        gp::Condition c;
        c.field = static_cast<gp::ConditionField>(std::uniform_int_distribution<int>(0, 7)(rng));
        c.op = static_cast<gp::ConditionOp>(std::uniform_int_distribution<int>(0, 7)(rng));
        c.value = random_pattern(rng, c.field, c.op);
        c.negate = std::uniform_int_distribution<int>(0, 5)(rng) == 0;
        c.case_sensitive = std::uniform_int_distribution<int>(0, 1)(rng) == 0;
        g.conditions.push_back(std::move(c));
    }
    return g;
}

std::vector<gp::GoalVerdict> run_both(const std::vector<gp::CompiledGoal>& compiled, gp::ConditionIndex& index,
                                      const gp::PageView& view, std::vector<gp::GoalVerdict>& naive) {
    gp::Subject subject;
    subject.assign(view);
    std::vector<gp::GoalVerdict> indexed;
    index.evaluate(subject, indexed);
    gp::evaluate_naive(compiled, subject, naive);
    return indexed;
}

bool same(const std::vector<gp::GoalVerdict>& a, const std::vector<gp::GoalVerdict>& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (a[i].goal != b[i].goal || a[i].verdict != b[i].verdict) return false;
    return true;
}

gp::Condition cond(gp::ConditionField f, gp::ConditionOp op, std::string value, bool negate = false) {
    gp::Condition c;
    c.field = f;
    c.op = op;
    c.value = std::move(value);
    c.negate = negate;
    return c;
}

}  // namespace

TEST_CASE("condition index: hand-picked goals give the reference's verdicts") {
    using F = gp::ConditionField;
    using O = gp::ConditionOp;
    std::vector<gp::Goal> goals(6);
    goals[0].conditions = {cond(F::url, O::equals, "https://a.com/cart")};
    goals[1].conditions = {cond(F::path, O::starts_with, "/blog/")};
    goals[2].conditions = {cond(F::url, O::contains, "thanks")};
    goals[3].conditions = {cond(F::path, O::ends_with, "/pricing")};
    goals[4].conditions = {cond(F::url, O::contains, "cart", true)};  // negated: matches everything but carts
    goals[5].conditions = {cond(F::path, O::wildcard, "/blog/*/thanks")};
    std::vector<gp::CompiledGoal> compiled;
    for (const gp::Goal& g : goals) compiled.push_back(gp::compile_goal(g, ""));
    gp::ConditionIndex index;
    index.build(compiled);
    std::vector<gp::GoalVerdict> naive;

    gp::PageView v;
    v.url = "https://A.com/blog/2024/thanks/";
    const auto indexed = run_both(compiled, index, v, naive);
    REQUIRE(same(indexed, naive));
    std::vector<uint32_t> matched;
    for (const auto& gv : indexed) matched.push_back(gv.goal);
    CHECK(matched == std::vector<uint32_t>{1, 2, 4, 5});

    v.url = "https://a.com/cart/";
    const auto cart = run_both(compiled, index, v, naive);
    REQUIRE(same(cart, naive));
    REQUIRE(cart.size() == 1);
    CHECK(cart[0].goal == 0);
    CHECK(index.memory_bytes() > 0);
}

TEST_CASE("condition index: agrees with the naive loop on random goal sets and URLs") {
    size_t matches_seen = 0;
    for (uint32_t seed = 1; seed <= 40; ++seed) {
        std::mt19937 rng(seed);
        std::vector<gp::Goal> goals;
        const int goal_count = std::uniform_int_distribution<int>(1, 60)(rng);
        for (int i = 0; i < goal_count; ++i) goals.push_back(random_goal(rng, i));
        std::vector<gp::CompiledGoal> compiled;
        for (const gp::Goal& g : goals) compiled.push_back(gp::compile_goal(g, ""));
        gp::ConditionIndex index;
        index.build(compiled);
        std::vector<gp::GoalVerdict> naive;
        for (int n = 0; n < 150; ++n) {
            const gp::PageView v = random_view(rng);
            const auto indexed = run_both(compiled, index, v, naive);
            INFO("seed " << seed << " url " << v.url);
            REQUIRE(same(indexed, naive));
            for (const auto& gv : indexed) matches_seen += gv.verdict == gp::Verdict::match;
        }
    }
    // A generator that never produced matches would make the comparison vacuous (the distributions differ
    // between libstdc++ and libc++, so this is counted over all seeds, not per seed).
    CHECK(matches_seen > 100);
}

TEST_CASE("condition index: agrees with the naive loop when page views come from many origins") {
    // The index remembers where its URL automaton stands after a few recent origins: more origins than it
    // keeps, revisited in turn, with literals that span the origin and the path.
    using F = gp::ConditionField;
    using O = gp::ConditionOp;
    std::vector<gp::Goal> goals(5);
    goals[0].conditions = {cond(F::url, O::contains, "example.org:8080/ca")};
    goals[1].conditions = {cond(F::host, O::ends_with, "7.example.org")};
    goals[2].conditions = {cond(F::url, O::contains, "org/cart")};
    goals[3].conditions = {cond(F::path, O::starts_with, "/cart")};
    goals[4].conditions = {cond(F::url, O::starts_with, "https://shop1")};
    for (gp::Goal& g : goals)
        for (gp::Condition& c : g.conditions) c.case_sensitive = false;
    std::vector<gp::CompiledGoal> compiled;
    for (const gp::Goal& g : goals) compiled.push_back(gp::compile_goal(g, ""));
    gp::ConditionIndex index;
    index.build(compiled);
    std::vector<gp::GoalVerdict> naive;
    size_t matches = 0;
    for (int round = 0; round < 3; ++round)
        for (int host = 0; host < 20; ++host) {
            gp::PageView v;
            v.url = std::string(host % 3 ? "https://" : "http://") + "shop" + std::to_string(host) + ".example.org" +
                    (host % 4 ? "" : ":8080") + (round % 2 ? "/cart/x" : "/about");
            const auto indexed = run_both(compiled, index, v, naive);
            INFO(v.url);
            REQUIRE(same(indexed, naive));
            matches += indexed.size();
        }
    CHECK(matches > 30);
}

TEST_CASE("condition index: wildcards indexed by all their parts give the reference's verdicts") {
    // Parts that overlap, repeat, come in the wrong order, or touch both ends of the field.
    using F = gp::ConditionField;
    using O = gp::ConditionOp;
    const char* const patterns[] = {"/a/*/b*", "/a*a", "*a*a*", "a*a", "/ab*b/", "*/x/*/x/*", "/*", "*b", "/a/*/a/*/a"};
    const char* const paths[] = {"/a/x/b", "/a/b", "/a", "/aa", "/a/a", "/ab/b/", "/b/a/b", "/x/x/", "/x/x/x/",
                                 "/a/b/a/c/a", "/a/a/a", "/", "/b"};
    std::vector<gp::Goal> goals;
    for (const char* p : patterns) {
        goals.emplace_back();
        goals.back().conditions = {cond(F::path, O::wildcard, p)};
        goals.emplace_back();  // the same with a second condition, so hits alone do not decide the goal
        goals.back().combinator = gp::Combinator::all;
        goals.back().conditions = {cond(F::path, O::wildcard, p), cond(F::url, O::contains, "a")};
    }
    std::vector<gp::CompiledGoal> compiled;
    for (const gp::Goal& g : goals) compiled.push_back(gp::compile_goal(g, ""));
    gp::ConditionIndex index;
    index.build(compiled);
    std::vector<gp::GoalVerdict> naive;
    size_t matches = 0;
    for (const char* path : paths) {
        gp::PageView v;
        v.url = std::string("https://h.example") + path;
        const auto indexed = run_both(compiled, index, v, naive);
        INFO(v.url);
        REQUIRE(same(indexed, naive));
        matches += indexed.size();
    }
    CHECK(matches >= 20);
}
