// Headless tests of the views' behaviour: period navigation, filters, the editor's validation path, the
// URL tester's verdicts, opening a goal, drag-scrolling, the status strip, idle and themes.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <tuple>

#include "fixtures.hpp"
#include "headless.hpp"
#include "ui/core_bridge.hpp"

using gp::ui::test::Headless;
using namespace gp::ui;

namespace {

gp::Date date(const char* text) { return *gp::parse_civil_date(text); }

gp::Goal goal(const std::string& id, const std::string& title, gp::Vendor vendor, double value, double target) {
    gp::Goal g;
    g.id = id;
    g.title = title;
    g.vendor = vendor;
    g.metric.type = vendor == gp::Vendor::pipedrive ? gp::MetricType::deals_won : gp::MetricType::conversions;
    g.target.amount = target;
    g.reported.value = value;
    return g;
}

gp::Goal url_goal(const std::string& id, const std::string& title, gp::ConditionOp op, const std::string& value) {
    gp::Goal g = goal(id, title, gp::Vendor::zendesk, 0, 10);
    gp::Condition c;
    c.field = gp::ConditionField::url;
    c.op = op;
    c.value = value;
    g.conditions.push_back(c);
    return g;
}

WidgetData sample() {
    WidgetData data;
    data.generation = 1;
    data.goals.push_back(goal("a", "Alpha deals", gp::Vendor::pipedrive, 5, 10));
    data.goals.push_back(goal("b", "Beta quota", gp::Vendor::hubspot, 9, 10));
    data.goals.push_back(goal("c", "Gamma signups", gp::Vendor::giosg, 1, 10));
    data.goals[0].assignee = {gp::AssigneeType::person, "17"};
    data.goals[2].active = false;
    return data;
}

std::vector<std::string> shown_ids(const Headless& ui) {
    std::vector<std::string> ids;
    for (const ShownGoal& g : ui.view.shown().goals) ids.push_back(g.goal_id);
    return ids;
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Period navigation
//-----------------------------------------------------------------------------

TEST_CASE("period arithmetic steps by whole periods of the same kind", "[ui][period]") {
    const gp::CalendarOptions calendar;
    PeriodState p;
    p.kind = PeriodKind::month;
    p.anchor = date("2024-01-31");
    step_period(p, +1, date("2024-06-01"), calendar);
    CHECK(period_range(p, {}, calendar) == gp::DateRange{date("2024-02-01"), date("2024-02-29")});
    step_period(p, -1, {}, calendar);
    step_period(p, -1, {}, calendar);
    CHECK(period_range(p, {}, calendar) == gp::DateRange{date("2023-12-01"), date("2023-12-31")});

    p.kind = PeriodKind::quarter;
    step_period(p, +1, {}, calendar);
    CHECK(period_range(p, {}, calendar) == gp::DateRange{date("2024-01-01"), date("2024-03-31")});

    p.kind = PeriodKind::custom;
    p.custom = {date("2024-03-10"), date("2024-03-16")};
    step_period(p, -1, {}, calendar);
    CHECK(period_range(p, {}, calendar) == gp::DateRange{date("2024-03-03"), date("2024-03-09")});

    jump_to_current(p, PeriodKind::week);
    CHECK(period_range(p, date("2024-03-09"), calendar) == gp::DateRange{date("2024-03-04"), date("2024-03-10")});
    CHECK(period_label(p, period_range(p, date("2024-03-09"), calendar), {}).rfind("Week 10, 2024", 0) == 0);
}

TEST_CASE("the period buttons and shortcuts move the shown period", "[ui][period]") {
    Headless ui;  // today is 2024-03-09
    const WidgetData data = sample();
    ui.frames(data, 2);
    CHECK(ui.view.shown().period_label == "March 2024");
    REQUIRE(ui.click(data, "period.next"));
    CHECK(ui.view.shown().period == gp::DateRange{date("2024-04-01"), date("2024-04-30")});
    CHECK(ui.view.shown().period_label == "April 2024");
    REQUIRE(ui.click(data, "period.previous"));
    REQUIRE(ui.click(data, "period.previous"));
    CHECK(ui.view.shown().period_label == "February 2024");
    ui.type(data, "[");
    CHECK(ui.view.shown().period_label == "January 2024");
    ui.type(data, "]]]");
    CHECK(ui.view.shown().period_label == "April 2024");
    REQUIRE(ui.click(data, "period.today"));
    CHECK(ui.view.shown().period_label == "March 2024");
}

TEST_CASE("a custom period is typed as two dates", "[ui][period]") {
    Headless ui;
    const WidgetData data = sample();
    ui.view.state().period.kind = PeriodKind::custom;
    ui.view.state().period.custom = {date("2024-03-01"), date("2024-03-31")};
    ui.frames(data, 2);
    REQUIRE(ui.fill(data, "period.from", "2024-02-15"));
    ui.frame(data);
    CHECK(ui.view.shown().period == gp::DateRange{date("2024-02-15"), date("2024-03-31")});
    // A date that does not exist leaves the period as it was.
    REQUIRE(ui.fill(data, "period.to", "2024-02-30"));
    CHECK(ui.view.shown().period == gp::DateRange{date("2024-02-15"), date("2024-03-31")});
}

//-----------------------------------------------------------------------------
// [SECTION] Filters, search and sort
//-----------------------------------------------------------------------------

TEST_CASE("search, filters and sort decide which rows are shown, in which order", "[ui][filters]") {
    Headless ui;
    const WidgetData data = sample();
    ui.frames(data, 2);
    CHECK(shown_ids(ui) == std::vector<std::string>{"a", "b", "c"});

    REQUIRE(ui.fill(data, "filter.search", "BETA"));
    ui.frame(data);
    CHECK(shown_ids(ui) == std::vector<std::string>{"b"});
    CHECK(ui.view.shown().goals_matching == 1);
    REQUIRE(ui.fill(data, "filter.search", ""));
    ui.press_key(data, 8);  // Backspace empties the selected text
    ui.frame(data);
    CHECK(ui.view.shown().goals_matching == 3);

    Filters& f = ui.view.state().filters;
    f.active = ActiveFilter::active;
    ui.frame(data);
    CHECK(shown_ids(ui) == std::vector<std::string>{"a", "b"});
    f.active = ActiveFilter::any;
    f.vendor = gp::Vendor::giosg;
    ui.frame(data);
    CHECK(shown_ids(ui) == std::vector<std::string>{"c"});
    f.vendor.reset();
    f.assignee = "17";
    ui.frame(data);
    CHECK(shown_ids(ui) == std::vector<std::string>{"a"});
    f.assignee.clear();
    f.sort = SortKey::percent;
    f.descending = true;
    ui.frame(data);
    CHECK(shown_ids(ui) == std::vector<std::string>{"b", "a", "c"});
}

// The title order is sorted once per data and filtered after (GoalCache::rebuild_order): it must still be
// the order of the titles (equal ones as the data lists them), in either direction, with a search, and
// follow new data of the same size; the search looks in the new titles.
TEST_CASE("sorting by title orders the shown goals by title, and follows new data", "[ui][filters]") {
    Headless ui;
    WidgetData data;
    data.generation = 1;
    for (const auto& [id, title] : std::vector<std::pair<std::string, std::string>>{
             {"1", "Zeta cold calls"}, {"2", "Beta calls"}, {"3", "Mu deals"}, {"4", "Beta calls"}, {"5", "Alpha calls"}})
        data.goals.push_back(goal(id, title, gp::Vendor::pipedrive, 1, 10));
    Filters& f = ui.view.state().filters;
    f.sort = SortKey::title;
    ui.frames(data, 2);
    CHECK(shown_ids(ui) == std::vector<std::string>{"5", "2", "4", "3", "1"});
    f.descending = true;
    ui.frame(data);
    CHECK(shown_ids(ui) == std::vector<std::string>{"1", "3", "4", "2", "5"});
    f.search = "calls";  // (in "Zeta cold calls" after a "c" that does not start it)
    ui.frame(data);
    CHECK(shown_ids(ui) == std::vector<std::string>{"1", "4", "2", "5"});
    f.descending = false;
    data.goals[0].title = "Aardvark calls";  // new data, as many goals
    data.goals[2].title = "Mu CALLS";        // the search ignores ASCII case, in the new titles too
    ++data.generation;
    ui.frame(data);
    CHECK(shown_ids(ui) == std::vector<std::string>{"1", "5", "2", "4", "3"});
}

// A change of direction reverses the order it has and a search that grows keeps those of its goals that
// still match (GoalCache::follow_order), and the search runs over the folded titles end to end
// (GoalCache::rebuild_order): each step must give what sorting and filtering every goal, title by title, gives.
TEST_CASE("changing direction and typing more of a search give the order a fresh sort gives", "[ui][filters]") {
    Headless ui;
    WidgetData data;
    data.generation = 1;
    const std::vector<std::tuple<std::string, std::string, double>> goals = {
        {"1", "Abc calls", 5}, {"2", "xab deals", 5}, {"3", "ABCD signups", 2}, {"4", "Zab", 9},
        {"5", "abcd abc", 5}, {"6", "Nothing", 1}, {"7", "", 3}, {"8", "cab abc", 2}, {"9", "Ab", 9}};
    for (const auto& [id, title, value] : goals) data.goals.push_back(goal(id, title, gp::Vendor::pipedrive, value, 10));
    Filters& f = ui.view.state().filters;
    auto expected = [&]() {
        std::string needle = f.search;
        for (char& c : needle) c = char(std::tolower(static_cast<unsigned char>(c)));
        std::vector<size_t> order;
        for (size_t i = 0; i < goals.size(); ++i) {
            std::string title = std::get<1>(goals[i]);
            for (char& c : title) c = char(std::tolower(static_cast<unsigned char>(c)));
            if (title.find(needle) != std::string::npos) order.push_back(i);
        }
        std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
            return f.sort == SortKey::percent ? std::get<2>(goals[a]) < std::get<2>(goals[b])
                                              : std::get<1>(goals[a]) < std::get<1>(goals[b]);
        });
        if (f.descending) std::reverse(order.begin(), order.end());
        std::vector<std::string> ids;
        for (size_t i : order) ids.push_back(std::get<0>(goals[i]));
        return ids;
    };
    f.sort = SortKey::title;
    ui.frames(data, 2);
    REQUIRE(shown_ids(ui).size() == goals.size());  // every card on screen: the whole order is compared
    for (SortKey sort : {SortKey::title, SortKey::percent}) {
        f.sort = sort;
        f.descending = false;
        // "sx", "bab" and "gc" are each in two neighbouring titles put together (the search runs over them
        // end to end), and in no title.
        for (const char* step : {"a", "ab", "ABC", "~", "abcd", "~", "ab", "", "~", "c", "ca", "~", "cab abc", "x", "sx",
                                 "bab", "gc", "g"}) {
            if (std::string(step) == "~") f.descending = !f.descending;
            else f.search = step;
            ui.frame(data);
            INFO("sort " << int(sort) << ", search \"" << f.search << "\", descending " << f.descending);
            CHECK(shown_ids(ui) == expected());
            CHECK(ui.view.shown().goals_matching == expected().size());
        }
    }
}

TEST_CASE("the slash key focuses the search field", "[ui][filters][keyboard]") {
    Headless ui;
    const WidgetData data = sample();
    ui.frames(data, 2);
    ui.type(data, "/");
    ui.frame(data);
    ui.type(data, "gam");
    ui.frame(data);
    CHECK(ui.view.state().filters.search == "gam");
    CHECK(shown_ids(ui) == std::vector<std::string>{"c"});
}

//-----------------------------------------------------------------------------
// [SECTION] Overview rows and detail
//-----------------------------------------------------------------------------

TEST_CASE("rows show value, target, percent and unit, and a click opens the detail", "[ui][overview]") {
    Headless ui;
    WidgetData data = sample();
    ui.frames(data, 2);
    const ShownGoal& alpha = ui.view.shown().goals[0];
    CHECK(alpha.value_text == "5 deals");
    CHECK(alpha.target_text == "10 deals");
    REQUIRE(alpha.percent);
    CHECK(*alpha.percent == Approx(50.0));
    // On 2024-03-09 at 16:00 UTC, 26.7% of March has passed: 50% is ahead of pace.
    CHECK(alpha.status == PaceState::on_track);
    CHECK(ui.view.shown().goals[2].status == PaceState::at_risk);

    REQUIRE(ui.click(data, "row:b"));
    ui.frames(data, 2);
    CHECK(ui.view.shown().tab == Tab::detail);
    REQUIRE(ui.view.shown().detail);
    CHECK(ui.view.shown().detail->goal_id == "b");
    CHECK(ui.view.shown().detail_intervals.size() == 1);
    REQUIRE(ui.view.shown().detail_forecast);
    CHECK(*ui.view.shown().detail_forecast > 9.0);
}

TEST_CASE("the detail chart has one bar per HubSpot slice in the period", "[ui][detail]") {
    Headless ui;
    WidgetData data;
    gp::Goal g = goal("q", "Quota", gp::Vendor::hubspot, 0, 0);
    g.reported.value.reset();
    for (const char* month : {"2024-01", "2024-02", "2024-03", "2024-04"}) {
        gp::IntervalTarget slice;
        slice.start = date((std::string(month) + "-01").c_str());
        slice.end = gp::interval_containing(slice.start, gp::Interval::monthly).end;
        slice.target = 100;
        slice.reported_value = 60;
        g.schedule.per_interval.push_back(slice);
    }
    data.goals.push_back(g);
    ui.view.state().period.kind = PeriodKind::quarter;
    ui.view.state().selected_goal_id = "q";
    ui.view.state().tab = Tab::detail;
    ui.frames(data, 3);
    const auto& bars = ui.view.shown().detail_intervals;
    REQUIRE(bars.size() == 3);  // January to March; April is the next quarter
    CHECK(bars[0].target == 100);
    CHECK(ui.view.shown().detail->value == 180);
    CHECK(ui.view.shown().detail->target == 300);
}

TEST_CASE("dragging the list scrolls it and does not open a goal", "[ui][touch]") {
    Headless ui(640, 480);
    WidgetData data;
    for (int i = 0; i < 500; ++i) data.goals.push_back(goal(std::to_string(1000 + i), "Row " + std::to_string(1000 + i), gp::Vendor::pipedrive, 1, 2));
    ui.frames(data, 2);
    const std::string first = ui.view.shown().goals.front().goal_id;
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(300, 400);
    ui.frame(data);
    io.MouseDown[0] = true;
    ui.frame(data);
    for (int step = 0; step < 15; ++step) {
        io.MousePos.y -= 20;
        ui.frame(data);
    }
    io.MouseDown[0] = false;
    ui.frames(data, 2);
    CHECK(ui.view.shown().goals.front().goal_id != first);
    CHECK(ui.view.shown().tab == Tab::overview);
    CHECK(ui.view.state().selected_goal_id.empty());

}

TEST_CASE("the mouse wheel scrolls the list", "[ui][wheel]") {
    Headless ui(640, 480);
    WidgetData data;
    for (int i = 0; i < 500; ++i) data.goals.push_back(goal(std::to_string(1000 + i), "Row", gp::Vendor::pipedrive, 1, 2));
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(300, 300);
    ui.frames(data, 2);
    CHECK(ui.view.shown().goals.front().goal_id == "1000");
    io.MouseWheel = -3.0f;
    ui.frames(data, 2);
    CHECK(ui.view.shown().goals.front().goal_id != "1000");
}

//-----------------------------------------------------------------------------
// [SECTION] Editor
//-----------------------------------------------------------------------------

TEST_CASE("the editor shows a bad field's error at the field and saves once it is fixed", "[ui][editor]") {
    Headless ui;
    WidgetData data = sample();
    data.services.validate = validate_with_core;
    ui.view.state().tab = Tab::editor;
    ui.frames(data, 2);
    REQUIRE(ui.click(data, "editor.new.pipedrive"));
    ui.frame(data);
    REQUIRE(ui.fill(data, "editor.title", "Won deals, Q2"));
    REQUIRE(ui.fill(data, "editor.amount", "twelve"));
    REQUIRE(ui.click(data, "editor.save"));
    ui.frame(data);
    const auto& errors = ui.view.shown().editor_errors;
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].path == "/target/amount");
    CHECK(ui.view.take_actions().empty());

    // The core's rule (a negative target) comes back on the same field.
    REQUIRE(ui.fill(data, "editor.amount", "-5"));
    REQUIRE(ui.click(data, "editor.save"));
    ui.frame(data);
    REQUIRE(ui.view.shown().editor_errors.size() == 1);
    CHECK(ui.view.shown().editor_errors[0].path == "/target/amount");
    CHECK(ui.view.shown().editor_errors[0].code == "out_of_range");
    CHECK(ui.view.take_actions().empty());

    REQUIRE(ui.fill(data, "editor.amount", "12"));
    REQUIRE(ui.click(data, "editor.save"));
    ui.frame(data);
    CHECK(ui.view.shown().editor_errors.empty());
    const std::vector<Action> actions = ui.view.take_actions();
    REQUIRE(actions.size() == 1);
    CHECK(actions[0].kind == Action::Kind::create_goal);
    CHECK(actions[0].goal.title == "Won deals, Q2");
    CHECK(actions[0].goal.target.amount == 12);
    CHECK(actions[0].goal.vendor == gp::Vendor::pipedrive);
}

// The editor's numbers are text fields the core parses (ImGui's number fields scan with sscanf, which the
// shipped wasm leaves out): what is typed reaches the goal, and what does not parse is named at its field.
TEST_CASE("the editor's attribution window and default value are typed and parsed on save", "[ui][editor]") {
    Headless ui;
    WidgetData data = sample();
    ui.view.state().tab = Tab::editor;
    ui.frames(data, 2);
    REQUIRE(ui.click(data, "editor.new.zendesk"));
    ui.frame(data);
    REQUIRE(ui.fill(data, "editor.title", "Reached checkout"));
    REQUIRE(ui.fill(data, "editor.window", "seven"));
    REQUIRE(ui.click(data, "editor.save"));
    ui.frame(data);
    REQUIRE(ui.view.shown().editor_errors.size() == 1);
    CHECK(ui.view.shown().editor_errors[0].path == "/attribution/window_days");
    CHECK(ui.view.take_actions().empty());
    REQUIRE(ui.fill(data, "editor.window", "7"));
    REQUIRE(ui.click(data, "editor.save"));
    ui.frame(data);
    CHECK(ui.view.shown().editor_errors.empty());
    std::vector<Action> actions = ui.view.take_actions();
    REQUIRE(actions.size() == 1);
    CHECK(actions[0].goal.attribution.window_days == 7);
    CHECK(ui.view.state().editor.window_text == "7");  // the form shows what was saved

    ui.view.state().editor = {};
    ui.frame(data);
    REQUIRE(ui.click(data, "editor.new.giosg"));
    ui.frame(data);
    REQUIRE(ui.fill(data, "editor.title", "Bought"));
    REQUIRE(ui.fill(data, "editor.default_value", "12,5"));
    REQUIRE(ui.click(data, "editor.save"));
    ui.frame(data);
    REQUIRE(ui.view.shown().editor_errors.size() == 1);
    CHECK(ui.view.shown().editor_errors[0].path == "/default_value");
    REQUIRE(ui.fill(data, "editor.default_value", "12.5"));
    REQUIRE(ui.click(data, "editor.save"));
    ui.frame(data);
    actions = ui.view.take_actions();
    REQUIRE(actions.size() == 1);
    REQUIRE(actions[0].goal.default_value);
    CHECK(*actions[0].goal.default_value == 12.5);
    CHECK(ui.view.state().editor.default_value_text == "12.5");
    // An emptied field means no default value.
    REQUIRE(ui.fill(data, "editor.default_value", ""));
    REQUIRE(ui.click(data, "editor.save"));
    ui.frame(data);
    actions = ui.view.take_actions();
    REQUIRE(actions.size() == 1);
    CHECK_FALSE(actions[0].goal.default_value);
}

TEST_CASE("errors at paths the form has no field for are listed, never dropped", "[ui][editor]") {
    Headless ui;
    WidgetData data = sample();
    data.services.validate = [](const gp::Goal&) {
        return std::vector<gp::Error>{{"/somewhere/else", "odd", "Something else is wrong.", 400}};
    };
    ui.view.state().tab = Tab::editor;
    ui.frames(data, 2);
    REQUIRE(ui.click(data, "editor.goal:a"));
    REQUIRE(ui.click(data, "editor.save"));
    ui.frame(data);
    REQUIRE(ui.view.shown().editor_errors.size() == 1);
    CHECK(ui.view.shown().editor_errors[0].path == "/somewhere/else");
    CHECK(ui.view.take_actions().empty());
}

TEST_CASE("deleting a goal asks once more", "[ui][editor]") {
    Headless ui;
    WidgetData data = sample();
    ui.view.state().tab = Tab::editor;
    ui.frames(data, 2);
    REQUIRE(ui.click(data, "editor.goal:b"));
    REQUIRE(ui.click(data, "editor.delete"));
    CHECK(ui.view.take_actions().empty());
    REQUIRE(ui.click(data, "editor.confirm_delete"));
    const std::vector<Action> actions = ui.view.take_actions();
    REQUIRE(actions.size() == 1);
    CHECK(actions[0].kind == Action::Kind::delete_goal);
    CHECK(actions[0].goal.id == "b");
}

TEST_CASE("Zendesk wire paths map to the editor's fields", "[ui][editor]") {
    CHECK(canonical_field_path(gp::Vendor::zendesk, "/settings/conditions/1/value") == "/conditions/1/value");
    CHECK(canonical_field_path(gp::Vendor::pipedrive, "/expected_outcome/target") == "/target/amount");
    CHECK(canonical_field_path(gp::Vendor::pipedrive, "/title") == "/title");
    CHECK(canonical_field_path(gp::Vendor::hubspot, "/durationx") == "/durationx");
}

//-----------------------------------------------------------------------------
// [SECTION] URL tester and conversions
//-----------------------------------------------------------------------------

TEST_CASE("the URL tester shows every goal's verdict from the core's explanation", "[ui][url]") {
    Headless ui;
    WidgetData data;
    data.services = core_services();
    data.goals.push_back(url_goal("pricing", "Saw pricing", gp::ConditionOp::contains, "/pricing"));
    data.goals.push_back(url_goal("thanks", "Thank-you page", gp::ConditionOp::equals, "https://shop.example/thanks"));
    ui.view.state().tab = Tab::url_tester;
    ui.frames(data, 2);
    REQUIRE(ui.fill(data, "url.input", "https://Shop.Example/pricing/?plan=pro"));
    ui.frame(data);
    const auto& verdicts = ui.view.shown().verdicts;
    REQUIRE(verdicts.size() == 2);
    CHECK(verdicts[0].goal_id == "pricing");
    CHECK(verdicts[0].outcome == Outcome::match);
    CHECK(verdicts[1].outcome == Outcome::no_match);
    REQUIRE(verdicts[1].conditions.size() == 1);
    CHECK(verdicts[1].conditions[0].outcome == Outcome::no_match);

    REQUIRE(ui.fill(data, "url.input", "https://shop.example/thanks"));
    ui.frame(data);
    CHECK(ui.view.shown().verdicts[0].outcome == Outcome::no_match);
    CHECK(ui.view.shown().verdicts[1].outcome == Outcome::match);

    REQUIRE(ui.fill(data, "url.input", "not a url"));
    ui.frame(data);
    CHECK_FALSE(ui.view.shown().url_problem.empty());
}

TEST_CASE("conversions: counts per interval, the feed with agents, and the page's goals", "[ui][conversions]") {
    Headless ui;
    WidgetData data;
    data.services = core_services();
    data.goals.push_back(url_goal("pricing", "Saw pricing", gp::ConditionOp::contains, "/pricing"));
    data.goals.push_back(goal("deals", "Deals", gp::Vendor::pipedrive, 1, 2));
    const gp::TimestampMs march_5 = gp::start_of_day(date("2024-03-05"));
    data.matches.push_back({march_5 + 3600000, "pricing", "v1", "https://x.example/pricing", 20, "agent-7"});
    data.matches.push_back({march_5 + 7200000, "pricing", "v2", "https://x.example/pricing", 5, ""});
    data.matches.push_back({march_5 - 40 * gp::kMsPerDay, "pricing", "v3", "https://x.example/pricing", 1, ""});
    data.current_page_url = "https://x.example/pricing";
    ui.view.state().tab = Tab::conversions;
    ui.frames(data, 2);
    const Shown& s = ui.view.shown();
    REQUIRE(s.conversion_goals.size() == 1);  // the Pipedrive goal has no conditions
    CHECK(s.conversion_goals[0].value == 2);  // March only
    REQUIRE(s.feed.size() == 3);
    CHECK(s.feed[0].agent_id.empty());        // newest first
    CHECK(s.feed[1].agent_id == "agent-7");
    CHECK(s.goals_matching_page == std::vector<std::string>{"pricing"});
}

TEST_CASE("a condition goal's count, target and pace come from the core, the same in the overview and the conversions view", "[ui][conversions]") {
    Headless ui;
    ui.context.now = gp::ui::test::kFixtureNow;  // 2024-03-20 12:00 UTC
    WidgetData data = gp::ui::test::fixture_data();
    gp::Goal& checkout = data.goals.back();
    REQUIRE(checkout.id == "301");
    checkout.target.amount = 12;  // a month: 4 matches by the 20th is well behind the pro-rated 7.5
    checkout.schedule.interval = gp::Interval::monthly;
    ui.view.state().period.kind = PeriodKind::custom;
    ui.view.state().period.custom = {date("2024-03-01"), date("2024-03-31")};

    // The core's figures: March's matches in the weeks the conversions view lists, the monthly target shared
    // by days, and pace by the one rule.
    ProgressQuery query;
    query.period = {date("2024-03-01"), date("2024-03-31")};
    query.now = ui.context.now;
    const auto series = match_series_of(data.matches);
    const std::optional<gp::GoalResults> weeks = condition_results(checkout, *series, query, gp::Interval::weekly);
    REQUIRE(weeks);
    REQUIRE(weeks->buckets.size() == 5);  // Mar 1-3, then the weeks from Monday the 4th
    CHECK(weeks->buckets[2].matches->count == 4);  // the 12th
    CHECK(weeks->buckets[0].target == Approx(12 * 3 / 31.0));
    CHECK(weeks->total_target == Approx(12));
    REQUIRE(weeks->matches);
    CHECK(weeks->matches->count == 4);
    CHECK(weeks->matches->value == Approx(25 + 26 + 27 + 28));
    const std::optional<gp::GoalResults> month = condition_results(checkout, *series, query);
    REQUIRE(month);
    REQUIRE(month->pace);
    CHECK(month->pace->status == gp::PaceStatus::at_risk);

    ui.view.state().tab = Tab::overview;
    ui.frames(data, 2);
    const std::vector<ShownGoal> rows = ui.view.summaries(data, ui.context);
    const auto overview = std::find_if(rows.begin(), rows.end(), [](const ShownGoal& g) { return g.goal_id == "301"; });
    REQUIRE(overview != rows.end());
    CHECK(overview->value == 4);
    CHECK(overview->target == Approx(12));
    CHECK(overview->status == PaceState::at_risk);
    CHECK(overview->chip == "at risk");

    ui.view.state().tab = Tab::conversions;
    ui.frames(data, 2);
    const Shown& s = ui.view.shown();
    REQUIRE(s.conversion_goals.size() == 1);
    CHECK(s.conversion_goals[0].goal_id == "301");
    CHECK(s.conversion_goals[0].value == overview->value);
    CHECK(s.conversion_goals[0].target == Approx(overview->target));
}

//-----------------------------------------------------------------------------
// [SECTION] Status strip, idle, themes
//-----------------------------------------------------------------------------

TEST_CASE("the status strip says how fresh the data is and offers a retry after a failure", "[ui][status]") {
    Headless ui;
    WidgetData data = sample();
    data.loaded_at = ui.context.now - 5 * 60000;
    ui.frames(data, 2);
    CHECK_FALSE(ui.view.shown().retry_offered);
    const auto& lines = ui.view.shown().status_lines;
    CHECK(std::find(lines.begin(), lines.end(), "updated 5 min ago") != lines.end());

    data.stale = true;
    data.status = "could not refresh: 503";
    ui.frames(data, 2);
    CHECK(ui.view.shown().retry_offered);
    REQUIRE(ui.click(data, "status.retry"));
    const std::vector<Action> actions = ui.view.take_actions();
    REQUIRE(actions.size() == 1);
    CHECK(actions[0].kind == Action::Kind::retry);

    data.loading = true;
    data.pages_loaded = 2;
    data.pages_expected = 5;
    ui.frame(data);
    CHECK(ui.view.shown().status_lines.front() == "loading page 3 of 5");
    CHECK_FALSE(ui.view.shown().retry_offered);
}

TEST_CASE("an idle view asks for no frames, and motion, when allowed, ends", "[ui][idle]") {
    Headless ui;
    WidgetData data = sample();
    ui.frames(data, 3);
    CHECK_FALSE(ui.view.wants_frame());
    data.generation = 2;  // new data with reduced motion: no easing
    ui.frame(data);
    CHECK_FALSE(ui.view.wants_frame());

    ui.context.reduced_motion = false;
    data.generation = 3;
    ui.frame(data);
    CHECK(ui.view.wants_frame());
    int frames = 0;
    while (ui.view.wants_frame() && frames < 1000) {
        ui.frame(data);
        ++frames;
    }
    CHECK_FALSE(ui.view.wants_frame());
    CHECK(frames < 60);  // a quarter of a second at 60 frames per second, not forever
}

TEST_CASE("light, dark and follow-the-system themes", "[ui][theme]") {
    Headless ui;
    const WidgetData data = sample();
    auto background = [&] {
        ui.frame(data);
        const ImVec4 c = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
        return c.x + c.y + c.z;
    };
    ui.context.theme = ThemeChoice::light;
    const float light = background();
    ui.context.theme = ThemeChoice::dark;
    const float dark = background();
    CHECK(dark < light);
    ui.context.theme = ThemeChoice::follow_system;
    ui.context.system_prefers_dark = true;
    CHECK(background() == dark);
    ui.context.system_prefers_dark = false;
    CHECK(background() == light);
}

//-----------------------------------------------------------------------------
// [SECTION] As of a day, and periods without data
//-----------------------------------------------------------------------------

TEST_CASE("an as-of day is today for the period, pace and the Today button, and the strip says so", "[ui][as-of]") {
    Headless ui;
    WidgetData data = sample();
    data.loaded_at = ui.context.now - 5 * 60000;
    // The page's clock says 2024-03-09; the page fixes the day at 2026-11-20.
    ui.context.wall_clock = ui.context.now;
    ui.context.as_of = date("2026-11-20");
    ui.context.now = gp::end_of_day(date("2026-11-20"));
    ui.frames(data, 2);
    CHECK(ui.view.shown().period == gp::DateRange{date("2026-11-01"), date("2026-11-30")});
    const auto& lines = ui.view.shown().status_lines;
    CHECK(std::find(lines.begin(), lines.end(), "as of 20 Nov 2026") != lines.end());
    // "updated ... ago" still reads the page's clock, not the as-of day.
    CHECK(std::find(lines.begin(), lines.end(), "updated 5 min ago") != lines.end());
    // At the end of 20 November, 2/3 of the month has passed: 5 of 10 is 75 % of pace (on track on the
    // clock's 9 March), 9 of 10 is ahead.
    CHECK(ui.view.shown().goals[0].status == PaceState::at_risk);
    CHECK(ui.view.shown().goals[1].status == PaceState::on_track);

    REQUIRE(ui.click(data, "period.next"));
    CHECK(ui.view.shown().period.start == date("2026-12-01"));
    REQUIRE(ui.click(data, "period.today"));
    CHECK(ui.view.shown().period.start == date("2026-11-01"));
}

TEST_CASE("a period with none of the loaded data says so, names the last day with data and goes there", "[ui][as-of]") {
    Headless ui;  // the clock says 2024-03-09
    WidgetData data = sample();
    data.data_span = gp::TimeSpan{*gp::parse_timestamp("2023-06-02T10:00:00Z"), *gp::parse_timestamp("2024-01-20T18:00:00Z")};
    ui.frames(data, 2);
    CHECK(ui.view.shown().period_note == "No data in March 2024. The last day with data is 2024-01-20.");
    REQUIRE(ui.view.shown().goals.size() == 3);
    for (const ShownGoal& g : ui.view.shown().goals) {
        CHECK(g.no_data);
        CHECK(g.status == PaceState::unknown);  // no "at risk" for a month nobody has data for
    }
    const std::optional<PeriodNote> note = ui.view.period_note(data, ui.context);
    REQUIRE(note);
    CHECK(note->nearest == date("2024-01-20"));
    CHECK(ui.view.summaries(data, ui.context)[0].no_data);

    REQUIRE(ui.click(data, "period.nearest_data"));
    CHECK(ui.view.shown().period == gp::DateRange{date("2024-01-01"), date("2024-01-31")});
    CHECK(ui.view.shown().period_note.empty());
    CHECK_FALSE(ui.view.shown().goals[0].no_data);
    CHECK_FALSE(ui.view.summaries(data, ui.context)[0].no_data);

    // Before the data starts, the note names its first day instead.
    for (int i = 0; i < 8; ++i) REQUIRE(ui.click(data, "period.previous"));
    CHECK(ui.view.shown().period.start == date("2023-05-01"));
    CHECK(ui.view.shown().period_note == "No data in May 2023. The data starts on 2023-06-02.");

    // Without any loaded data there is nothing to say: vendor-reported figures are shown as they are.
    data.data_span.reset();
    ++data.generation;
    ui.frames(data, 2);
    CHECK(ui.view.shown().period_note.empty());
}
