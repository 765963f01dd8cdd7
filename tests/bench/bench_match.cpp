// Condition matching: 1,000 goals x 3 conditions against 1,000,000 page views.
//   match.index.evaluate  : the hot path per page view (normalize the fields, walk the index), 1M views
//   match.naive.evaluate  : the reference loop on a 10,000-view sample (items/s compares with the above)
//   match.run             : the whole runtime on 1M views: sessions, counting, records
// Page views per second = items / median_ms * 1000; the index's speed-up = the two evaluate rates' ratio.
// An argument runs only the measurements whose name starts with it (scripts/bench gives none).
#include <random>
#include <string>
#include <vector>

#include "bench.hpp"
#include "core/condition_index.hpp"
#include "core/matching.hpp"

namespace {

constexpr int kGoals = 1000;
constexpr int kConditionsPerGoal = 3;
constexpr int kPageViews = 1000000;
constexpr int kDistinctViews = 50000;
constexpr int kNaiveSample = 10000;

const char* const kHosts[] = {"www.shop.example", "shop.example", "blog.example.org", "help.example.net"};
const char* const kWords[] = {"cart",   "checkout", "pricing", "blog",   "product", "thanks", "signup", "login",
                              "search", "help",     "docs",    "team",   "careers", "shoes",  "bags",   "sale",
                              "order",  "account",  "promo",   "gift",   "news",    "about",  "contact", "plans"};

// From the engine's raw output, which the standard fixes: distributions differ between libstdc++ and
// libc++, and native and wasm must measure the same goals and page views.
template <class T, size_t N>
const T& pick(std::mt19937& rng, const T (&items)[N]) {
    return items[rng() % N];
}

// Every draw is a statement of its own: the order in which one expression's operands are evaluated is
// unspecified (GCC and Clang differ), and native and wasm must draw in the same order.
std::string random_path(std::mt19937& rng, int depth) {
    std::string p;
    for (int i = 0; i < depth; ++i) {
        p += '/';
        p += pick(rng, kWords);
        if (i == depth - 1) p += std::to_string(rng() % 50);
    }
    return p;
}

gp::Condition random_condition(std::mt19937& rng) {
    gp::Condition c;
    const int kind = static_cast<int>(rng() % 20);
    if (kind < 6) {
        c.field = gp::ConditionField::url;
        c.op = gp::ConditionOp::equals;
        c.value = std::string("https://") + pick(rng, kHosts);
        c.value += random_path(rng, 2);
    } else if (kind < 12) {
        c.field = rng() % 2 ? gp::ConditionField::url : gp::ConditionField::path;
        c.op = gp::ConditionOp::contains;
        c.value = std::string(pick(rng, kWords)) + "/";
        c.value += pick(rng, kWords);
        c.value += std::to_string(rng() % 50);
    } else if (kind < 16) {
        c.field = gp::ConditionField::path;
        c.op = gp::ConditionOp::starts_with;
        c.value = random_path(rng, 2);
    } else if (kind < 19) {
        c.field = rng() % 2 ? gp::ConditionField::path : gp::ConditionField::host;
        c.op = gp::ConditionOp::ends_with;
        if (c.field == gp::ConditionField::host) {
            c.value = std::string(".") + pick(rng, kHosts);
        } else {
            c.value = "/" + std::string(pick(rng, kWords));
            c.value += std::to_string(rng() % 50);
        }
    } else {
        c.field = gp::ConditionField::path;
        c.op = gp::ConditionOp::wildcard;
        c.value = std::string("/") + pick(rng, kWords) + "/*/";
        c.value += pick(rng, kWords);
        c.value += "*";
    }
    return c;
}

std::vector<gp::Goal> make_goals(std::mt19937& rng) {
    std::vector<gp::Goal> goals(kGoals);
    for (int g = 0; g < kGoals; ++g) {
        goals[g].id = "goal-" + std::to_string(g);
        goals[g].vendor = gp::Vendor::giosg;
        goals[g].combinator = g % 10 == 0 ? gp::Combinator::all : gp::Combinator::any;
        for (int c = 0; c < kConditionsPerGoal; ++c) goals[g].conditions.push_back(random_condition(rng));
    }
    return goals;
}

gp::PageView make_view(std::mt19937& rng, int i) {
    gp::PageView v;
    v.visitor_id = "visitor-" + std::to_string(i % 40000);
    v.at = int64_t{i} * 1000;
    v.url = rng() % 8 ? "https://" : "HTTPS://";
    v.url += pick(rng, kHosts);
    const int depth = 1 + static_cast<int>(rng() % 3);
    v.url += random_path(rng, depth);
    if (rng() % 3 == 0) v.url += "?utm_source=ad&ref=" + std::to_string(rng() % 100);
    v.title = pick(rng, kWords);
    return v;
}

}  // namespace

int main(int argc, char** argv) {
    const std::string only = argc > 1 ? argv[1] : "";
    auto wanted = [&](const char* name) { return std::string(name).compare(0, only.size(), only) == 0; };
    std::mt19937 rng(20240501);
    const std::vector<gp::Goal> goals = make_goals(rng);
    std::vector<gp::CompiledGoal> compiled;
    for (const gp::Goal& g : goals) compiled.push_back(gp::compile_goal(g, ""));
    gp::ConditionIndex index;
    index.build(compiled);
    std::vector<gp::PageView> distinct;
    for (int i = 0; i < kDistinctViews; ++i) distinct.push_back(make_view(rng, i));

    gp::Subject subject;
    std::vector<gp::GoalVerdict> verdicts;
    size_t matched = 0;
    if (wanted("match.index.evaluate")) {
        const double ms = gp::bench::median_ms(5, [&] {
            for (int i = 0; i < kPageViews; ++i) {
                subject.assign(distinct[static_cast<size_t>(i % kDistinctViews)]);
                index.evaluate(subject, verdicts);
                matched += verdicts.size();
            }
        });
        gp::bench::report({"match.index.evaluate", ms, 5, 0, kPageViews});
    }
    if (wanted("match.naive.evaluate")) {
        const double ms = gp::bench::median_ms(3, [&] {
            for (int i = 0; i < kNaiveSample; ++i) {
                subject.assign(distinct[static_cast<size_t>(i)]);
                gp::evaluate_naive(compiled, subject, verdicts);
                matched += verdicts.size();
            }
        });
        gp::bench::report({"match.naive.evaluate", ms, 3, 0, kNaiveSample});
    }
    gp::bench::keep(matched);

    if (wanted("match.run")) {
        std::vector<gp::PageView> log;
        log.reserve(kPageViews);
        for (int i = 0; i < kPageViews; ++i) log.push_back(distinct[static_cast<size_t>(i % kDistinctViews)]);
        for (int i = 0; i < kPageViews; ++i) log[static_cast<size_t>(i)].at = int64_t{i} * 1000;
        size_t records = 0;
        const double ms = gp::bench::median_ms(3, [&] { records += gp::run_matching(goals, log).matches.size(); });
        gp::bench::keep(records);
        gp::bench::report({"match.run", ms, 3, 0, kPageViews});
    }
    return 0;
}
