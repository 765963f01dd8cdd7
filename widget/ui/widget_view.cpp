// goalpost UI: WidgetView (the frame's skeleton: window, tabs, toolbar, status strip), the period
// arithmetic, the goal cache, and the helpers the per-view files share.
//
// Index
// - [SECTION] Labels
// - [SECTION] Periods
// - [SECTION] Goal cache
// - [SECTION] Goal texts (figures, chips, the mirror's sentence)
// - [SECTION] Helpers
// - [SECTION] Shown
// - [SECTION] Tabs
// - [SECTION] WidgetView
#include "ui/widget_view.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <unordered_set>

#include "core/cold_sort.hpp"
#include "core/model_names.hpp"
#include "core/url.hpp"
#include "ui/fonts.hpp"
#include "ui/view_parts.hpp"

namespace gp::ui {

//-----------------------------------------------------------------------------
// [SECTION] Labels
//-----------------------------------------------------------------------------

const char* tab_label(Tab tab, Lang lang) {
    switch (tab) {
        case Tab::overview: return msg(Msg::tab_overview, lang);
        case Tab::detail: return msg(Msg::tab_detail, lang);
        case Tab::conversions: return msg(Msg::tab_conversions, lang);
        case Tab::url_tester: return msg(Msg::tab_url_tester, lang);
        case Tab::editor: return msg(Msg::tab_editor, lang);
    }
    return "?";
}

const char* pace_state_label(PaceState state, Lang lang) {
    switch (state) {
        case PaceState::on_track: return msg(Msg::pace_on_track, lang);
        case PaceState::behind: return msg(Msg::pace_behind, lang);
        case PaceState::at_risk: return msg(Msg::pace_at_risk, lang);
        case PaceState::unknown: break;
    }
    return msg(Msg::pace_unknown, lang);
}

const char* outcome_label(Outcome outcome, Lang lang) {
    switch (outcome) {
        case Outcome::match: return msg(Msg::outcome_match, lang);
        case Outcome::no_match: return msg(Msg::outcome_no_match, lang);
        case Outcome::unsupported: return msg(Msg::outcome_unsupported, lang);
        case Outcome::error: return msg(Msg::outcome_error, lang);
    }
    return "?";
}

bool is_condition_goal(const Goal& goal) {
    return goal.vendor == Vendor::giosg || goal.vendor == Vendor::zendesk || !goal.conditions.empty() ||
           goal.metric.type == MetricType::conversions;
}

//-----------------------------------------------------------------------------
// [SECTION] Periods
//-----------------------------------------------------------------------------

static Interval interval_of(PeriodKind kind) {
    switch (kind) {
        case PeriodKind::week: return Interval::weekly;
        case PeriodKind::month: return Interval::monthly;
        case PeriodKind::quarter: return Interval::quarterly;
        case PeriodKind::year: return Interval::yearly;
        case PeriodKind::custom: break;
    }
    return Interval::none;
}

DateRange period_range(const PeriodState& period, Date today, const CalendarOptions& calendar) {
    if (period.kind == PeriodKind::custom) {
        if (period.custom.end < period.custom.start) return {period.custom.end, period.custom.start};
        return period.custom;
    }
    return interval_containing(period.anchor.value_or(today), interval_of(period.kind), calendar);
}

void step_period(PeriodState& period, int direction, Date today, const CalendarOptions& calendar) {
    const DateRange range = period_range(period, today, calendar);
    if (period.kind == PeriodKind::custom) {
        const int32_t shift = range.days() * (direction < 0 ? -1 : 1);
        period.custom = {Date{range.start.days + shift}, Date{range.end.days + shift}};
        return;
    }
    // The day just outside the current period lies in the neighbouring one, whatever its length.
    period.anchor = direction < 0 ? Date{range.start.days - 1} : Date{range.end.days + 1};
}

void jump_to_current(PeriodState& period, PeriodKind kind) {
    period.kind = kind;
    period.anchor.reset();
}

std::string week_label(DateRange range, Lang lang, bool short_form) {
    const IsoWeek week = iso_week_of(range.start);
    return msg(short_form ? Msg::period_week_short : Msg::period_week, lang,
               {{"week", std::to_string(week.week)}, {"year", std::to_string(week.year)}});
}

std::string period_label(const PeriodState& period, DateRange range, const LocaleFormat& locale) {
    const CivilParts start = civil_parts(range.start);
    switch (period.kind) {
        case PeriodKind::week:
            return week_label(range, locale.lang, false) + " (" + format_date(range.start, locale) +
                   " \xE2\x80\x93 " + format_date(range.end, locale) + ")";
        case PeriodKind::month: return format_month(range.start, locale, true);
        case PeriodKind::quarter:
            // Fiscal quarters are numbered from the fiscal year's first month.
            return msg(Msg::period_quarter, locale.lang,
                       {{"quarter", std::to_string((start.month + 11) % 12 / 3 + 1)}, {"year", std::to_string(start.year)}});
        case PeriodKind::year: return std::to_string(start.year);
        case PeriodKind::custom: break;
    }
    return format_date(range.start, locale) + " \xE2\x80\x93 " + format_date(range.end, locale);
}

std::optional<PeriodNote> empty_period_note(const std::optional<TimeSpan>& data_span, DateRange period,
                                            const std::string& label, int zone_offset_minutes,
                                            const LocaleFormat& locale) {
    if (!data_span) return std::nullopt;
    const Date first = civil_date_of(data_span->first, zone_offset_minutes);
    const Date last = civil_date_of(data_span->last, zone_offset_minutes);
    if (period.start <= last && first <= period.end) return std::nullopt;
    PeriodNote note;
    if (last < period.start) {
        note.nearest = last;
        note.text = msg(Msg::period_no_data_after, locale.lang, {{"period", label}, {"day", format_date(last, locale)}});
    } else {
        note.nearest = first;
        note.text = msg(Msg::period_no_data_before, locale.lang, {{"period", label}, {"day", format_date(first, locale)}});
    }
    return note;
}

Resolution resolution_of(DateRange period) {
    const int32_t days = period.days();
    if (days <= 31) return Resolution::day;
    if (days <= 120) return Resolution::week;
    if (days <= 3 * 366) return Resolution::month;
    return Resolution::quarter;
}

std::vector<DateRange> sub_intervals(DateRange period, const CalendarOptions& calendar) {
    if (period.end < period.start) return {};
    switch (resolution_of(period)) {
        case Resolution::day: {
            std::vector<DateRange> out;
            out.reserve(size_t(period.days()));
            for (int32_t d = period.start.days; d <= period.end.days; ++d) out.push_back({Date{d}, Date{d}});
            return out;
        }
        case Resolution::week: return split_into_intervals(period, Interval::weekly, calendar);
        case Resolution::month: return split_into_intervals(period, Interval::monthly, calendar);
        case Resolution::quarter: break;
    }
    return split_into_intervals(period, Interval::quarterly, calendar);
}

DateRange previous_period(const PeriodState& period, Date today, const CalendarOptions& calendar) {
    PeriodState before = period;
    step_period(before, -1, today, calendar);
    return period_range(before, today, calendar);
}

//-----------------------------------------------------------------------------
// [SECTION] Goal cache
//-----------------------------------------------------------------------------

namespace parts {

// The search box ignores ASCII case: titles and the typed text are compared folded (core/url.hpp's fold).
static std::string fold_ascii_case(std::string_view text) {
    std::string out;
    fold_ascii(text, out);
    return out;
}

// Every filter but the search text (rebuild_order looks for that in the folded titles).
static bool passes(const Goal& goal, const Filters& f) {
    if (!f.assignee.empty() && goal.assignee.id != f.assignee) return false;
    if (f.type && goal.metric.type != *f.type) return false;
    if (f.vendor && goal.vendor != *f.vendor) return false;
    if (f.active == ActiveFilter::active && !goal.active) return false;
    if (f.active == ActiveFilter::inactive && goal.active) return false;
    return true;
}

static bool same_query(const ProgressQuery& a, const ProgressQuery& b) {
    return a.period == b.period && a.zone_offset_minutes == b.zone_offset_minutes &&
           a.calendar.week_start == b.calendar.week_start &&
           a.calendar.fiscal_year_start_month == b.calendar.fiscal_year_start_month;
}

static bool same_locale(const LocaleFormat& a, const LocaleFormat& b) {
    return a.decimal == b.decimal && a.group == b.group && a.currency_before == b.currency_before &&
           a.currency_space == b.currency_space && a.date_order == b.date_order && a.date_separator == b.date_separator &&
           a.lang == b.lang;
}

void GoalCache::sync(const WidgetData& data, const ProgressQuery& query, const Filters& filters, PeriodFrame frame,
                     const LocaleFormat& locale) {
    data_ = &data;
    // Pace moves with the clock; a minute's resolution is finer than any bar can show.
    const int64_t minute = query.now / 60000;
    data_changed_ = data.generation != generation_ || data.goals.data() != goals_ptr_ ||
                    data.goals.size() != goals_size_;
    const bool progress_stale = data_changed_ || !same_query(query, query_) || minute != query_minute_;
    const bool texts_stale = progress_stale || !same_locale(locale, locale_) || frame.today != frame_.today ||
                             frame.no_data != frame_.no_data;
    if (data_changed_) {
        by_title_.clear();
        folded_titles_.clear();
        folded_starts_.clear();
        generation_ = data.generation;
        goals_ptr_ = data.goals.data();
        goals_size_ = data.goals.size();
        // Few people own many goals: deduplicate before copying and sorting.
        std::unordered_set<std::string_view> people;
        for (const Goal& g : data.goals)
            if (!g.assignee.id.empty()) people.insert(g.assignee.id);
        assignees_.assign(people.begin(), people.end());
        cold_sort(assignees_);
    }
    const size_t n = data.goals.size();
    if (progress_stale) {
        query_ = query;
        query_minute_ = minute;
        // Entries are recomputed on demand; resizing keeps their buffers for reuse.
        progress_.resize(n);
        shown_.resize(n);
        steps_.resize(n);
        step_targets_.resize(n);
        layout_.resize(n);
        ready_.assign(n, 0);
    } else if (texts_stale) {
        for (uint8_t& r : ready_) r &= uint8_t(~(kShown | kSteps));
    }
    if (texts_stale)
        for (CardLayout& l : layout_) l.width = -1.0f;
    if (texts_stale) {
        frame_ = std::move(frame);
        locale_ = locale;
    }
    const bool sorts_by_progress = filters.sort == SortKey::percent || filters.sort == SortKey::status;
    const bool order_stale = !order_valid_ || data_changed_ || (progress_stale && sorts_by_progress);
    if (order_stale) rebuild_order(filters);
    else if (filters != filters_ && !follow_order(filters)) rebuild_order(filters);
}

// memchr for the text's first character, memcmp for the rest: std::string::find does the same through a
// chain of calls that the size-optimised wasm keeps as calls.
static const char* find_needle(const char* at, const char* end, const std::string& needle) {
    while (size_t(end - at) >= needle.size() &&
           (at = static_cast<const char*>(std::memchr(at, needle[0], size_t(end - at) - needle.size() + 1)))) {
        if (std::memcmp(at, needle.data(), needle.size()) == 0) return at;
        ++at;
    }
    return nullptr;
}

bool GoalCache::title_has(uint32_t i, const std::string& needle) const {
    const char* base = folded_titles_.data();
    return find_needle(base + folded_starts_[i], base + folded_starts_[i + 1], needle) != nullptr;
}

// The order is a stable sort of the goals that pass, possibly reversed. With the same data and figures, a
// change of direction alone is that order reversed, and a search text that only grew (the old text is in
// the new one) keeps the goals of that order whose titles still match: a title with the new text has the
// old one too. Either is exactly what rebuild_order() would make, without looking at every goal again
// (a sort button's frame filtered all 10,000 titles for the search text). False: rebuild it.
bool GoalCache::follow_order(const Filters& filters) {
    Filters other_direction = filters_;
    other_direction.descending = filters.descending;
    if (other_direction == filters) {
        std::reverse(order_.begin(), order_.end());
        filters_.descending = filters.descending;
        return true;
    }
    Filters other_search = filters_;
    other_search.search = filters.search;
    if (other_search != filters) return false;
    const std::string was = fold_ascii_case(filters_.search), needle = fold_ascii_case(filters.search);
    if (was.empty() || needle.find(was) == std::string::npos || folded_starts_.size() != data_->goals.size() + 1)
        return false;
    order_.erase(std::remove_if(order_.begin(), order_.end(), [&](uint32_t i) { return !title_has(i, needle); }),
                 order_.end());
    filters_.search = filters.search;
    return true;
}

static GoalProgress ask(const WidgetData& data, const Goal& goal, const ProgressQuery& query) {
    return data.services.progress ? data.services.progress(goal, query) : progress_from_goal(goal, query);
}

const GoalProgress& GoalCache::progress(uint32_t i) {
    IM_ASSERT(data_ && i < progress_.size() && "sync() comes first, with the data the index belongs to");
    if (!(ready_[i] & kProgress)) {
        progress_[i] = ask(*data_, data_->goals[i], query_);
        ready_[i] |= kProgress;
    }
    return progress_[i];
}

const ShownGoal& GoalCache::shown(uint32_t i) {
    const GoalProgress& p = progress(i);
    if (!(ready_[i] & kShown)) {
        const Goal& goal = data_->goals[i];
        // A goal without a target is compared with the period before (when the figures are computed: a
        // vendor's total is the same number for any period).
        std::optional<double> previous;
        if (p.target <= 0 && !p.reported_by_vendor && !frame_.no_data &&
            timing_of(goal, frame_.previous) == GoalTiming::runs) {
            ProgressQuery before = query_;
            before.period = frame_.previous;
            const GoalProgress q = ask(*data_, goal, before);
            if (!q.reported_by_vendor) previous = q.value;
        }
        shown_[i] = shown_goal(goal, p, locale_, frame_, query_.period, previous);
        ready_[i] |= kShown;
    }
    return shown_[i];
}

const std::vector<IntervalResult>& GoalCache::steps(uint32_t i) {
    const GoalProgress& p = progress(i);
    if (!(ready_[i] & kSteps)) {
        std::vector<IntervalResult>& out = steps_[i];
        out.clear();
        const Goal& goal = data_->goals[i];
        if (p.reported_by_vendor) {
            // A vendor's figures split no finer than the vendor split them (HubSpot's slices).
            if (p.intervals.size() > 1) out = p.intervals;
        } else {
            // Each step asked of the same service: the core's figures and pro-rated target for that step.
            out.reserve(frame_.steps.size());
            ProgressQuery step = query_;
            for (const DateRange& range : frame_.steps) {
                IntervalResult r{range, 0.0, 0.0};
                if (timing_of(goal, range) == GoalTiming::runs) {
                    step.period = range;
                    const GoalProgress q = ask(*data_, goal, step);
                    if (!q.reported_by_vendor) {
                        r.value = q.value;
                        r.target = q.target;
                    }
                }
                out.push_back(r);
            }
        }
        double targets = 0;
        for (const IntervalResult& r : out) targets += r.target;
        step_targets_[i] = p.target > 0 && !out.empty() && std::fabs(targets - p.target) <= 1e-6 * std::max(1.0, p.target);
        ready_[i] |= kSteps;
    }
    return steps_[i];
}

bool GoalCache::step_targets(uint32_t i) {
    steps(i);
    return step_targets_[i] != 0;
}

bool targets_vary(const std::vector<IntervalResult>& steps) {
    // Months differ in length (the amount per day changes, the amount does not) and a period's first and last
    // steps may be clipped (the amount changes, the amount per day does not): a target is seasonal only when
    // both change by more than a tenth.
    double lo = 0, hi = 0, lo_day = 0, hi_day = 0;
    bool first = true;
    for (const IntervalResult& r : steps) {
        if (r.target <= 0) continue;
        const double per_day = r.target / double(r.range.days());
        lo = first ? r.target : std::min(lo, r.target);
        hi = first ? r.target : std::max(hi, r.target);
        lo_day = first ? per_day : std::min(lo_day, per_day);
        hi_day = first ? per_day : std::max(hi_day, per_day);
        first = false;
    }
    return !first && hi > lo * 1.1 && hi_day > lo_day * 1.1;
}

int GoalCache::find(const std::string& goal_id) const {
    if (!data_ || goal_id.empty()) return -1;
    for (size_t i = 0; i < data_->goals.size(); ++i)
        if (data_->goals[i].id == goal_id) return int(i);
    return -1;
}

static int status_rank(PaceState s) {
    switch (s) {
        case PaceState::at_risk: return 0;
        case PaceState::behind: return 1;
        case PaceState::on_track: return 2;
        case PaceState::unknown: break;
    }
    return 3;
}

void GoalCache::rebuild_order(const Filters& filters) {
    filters_ = filters;
    order_valid_ = true;
    order_.clear();
    const std::vector<Goal>& goals = data_->goals;
    // One comparison for every key (one instance of stable_sort in the wasm).
    auto less = [&](uint32_t a, uint32_t b) -> bool {
        switch (filters.sort) {
            case SortKey::percent:
                return progress(a).percent.value_or(-1.0) < progress(b).percent.value_or(-1.0);
            case SortKey::status: return status_rank(progress(a).status) < status_rank(progress(b).status);
            case SortKey::vendor: return goals[a].vendor < goals[b].vendor;
            case SortKey::title: break;
        }
        return goals[a].title < goals[b].title;
    };
    // The titles folded once per data: a keystroke in the search box then looks for the text with memchr and
    // memcmp instead of comparing every title character by character through a folding predicate (about 1 ms
    // of the keystroke's frame at 10,000 goals in Chromium). They are one text, end to end, searched in one
    // pass that skips to the next title at each match: a memchr per occurrence of the text's first
    // character rather than a call per title. A match must lie inside one title, which the starts tell.
    const std::string needle = fold_ascii_case(filters.search);
    if (!needle.empty() && folded_starts_.size() != goals.size() + 1) {
        folded_titles_.clear();
        folded_starts_.clear();
        folded_starts_.reserve(goals.size() + 1);
        for (const Goal& g : goals) {
            folded_starts_.push_back(uint32_t(folded_titles_.size()));
            fold_ascii(g.title, folded_titles_);
        }
        folded_starts_.push_back(uint32_t(folded_titles_.size()));
    }
    std::vector<uint8_t> has;  // per goal: its title holds the search text
    if (!needle.empty()) {
        has.assign(goals.size(), 0);
        const char* const base = folded_titles_.data();
        const char* const end = base + folded_titles_.size();
        const char* at = base;
        uint32_t i = 0;
        while (const char* hit = find_needle(at, end, needle)) {
            const uint32_t pos = uint32_t(hit - base);
            while (folded_starts_[i + 1] <= pos) ++i;  // the title the hit starts in
            if (pos + needle.size() <= folded_starts_[i + 1]) {
                has[i] = 1;
                at = base + folded_starts_[i + 1];
            } else {
                at = hit + 1;  // across two titles: not a match
            }
        }
    }
    auto shown = [&](uint32_t i) { return passes(goals[i], filters) && (needle.empty() || has[i]); };
    if (filters.sort == SortKey::title) {
        // Every goal in title order, sorted once per data: a search keystroke or a change of direction then
        // filters it in one pass, instead of sorting 10,000 titles again (1-2 ms of the frame in Chromium).
        // Filtering a stable order keeps it: the same order as sorting the filtered goals.
        if (by_title_.size() != goals.size()) {
            by_title_.resize(goals.size());
            for (uint32_t i = 0; i < goals.size(); ++i) by_title_[i] = i;
            std::stable_sort(by_title_.begin(), by_title_.end(), less);
        }
        for (uint32_t i : by_title_)
            if (shown(i)) order_.push_back(i);
    } else {
        for (uint32_t i = 0; i < goals.size(); ++i)
            if (shown(i)) order_.push_back(i);
        std::stable_sort(order_.begin(), order_.end(), less);
    }
    if (filters.descending) std::reverse(order_.begin(), order_.end());
}

//-----------------------------------------------------------------------------
// [SECTION] Goal texts (figures, chips, the mirror's sentence)
//-----------------------------------------------------------------------------

GoalTiming timing_of(const Goal& goal, DateRange period) {
    if (goal.schedule.end && *goal.schedule.end < period.start) return GoalTiming::ended;
    if (goal.schedule.start && period.end < *goal.schedule.start) return GoalTiming::not_started;
    return GoalTiming::runs;
}

// A phrase as the start of a line: "Ended 31 Dec 2023" for "ended 31 Dec 2023" (ASCII letters only; the
// catalog's phrases that start lines begin with one).
static std::string capitalized(std::string phrase) {
    if (!phrase.empty() && phrase[0] >= 'a' && phrase[0] <= 'z') phrase[0] = char(phrase[0] - 'a' + 'A');
    return phrase;
}

static std::string trend_text(const Goal& goal, double now, double before, const std::string& label,
                              const LocaleFormat& locale) {
    const double change = now - before;
    const bool whole = counts_whole_things(goal);
    const double shown = whole ? std::round(change) : change;
    if (shown == 0 || std::fabs(change) < 1e-9) return msg(Msg::goal_trend_same, locale.lang, {{"period", label}});
    const std::string amount = whole ? format_number(std::fabs(shown), 0, locale)
                                     : format_goal_figure(goal, std::fabs(change), locale);
    return msg(change > 0 ? Msg::goal_trend_up : Msg::goal_trend_down, locale.lang, {{"amount", amount}, {"period", label}});
}

ShownGoal shown_goal(const Goal& goal, const GoalProgress& progress, const LocaleFormat& locale, const PeriodFrame& frame,
                     DateRange period, const std::optional<double>& previous_value) {
    const Lang lang = locale.lang;
    ShownGoal s;
    s.goal_id = goal.id;
    s.title = std::string(goal_title(goal, lang));
    s.value = progress.value;
    s.target = progress.target;
    s.percent = progress.percent;
    // With no data in the period, a zero is not news and "at risk" would be a false alarm.
    s.status = frame.no_data ? PaceState::unknown : progress.status;
    s.no_data = frame.no_data;
    s.lower_is_better = goal.target.direction == Direction::lower_is_better;
    s.timing = timing_of(goal, period);
    s.value_text = format_goal_amount(goal, progress.value, locale);
    s.target_text = format_goal_target(goal, progress.target, locale);
    s.has_target = progress.target > 0;
    const bool counts = counts_whole_things(goal);
    const auto sentence = [&](const std::string& rest) { return msg(Msg::goal_sentence, lang, {{"title", s.title}, {"rest", rest}}); };
    const auto target_tail = [&] { return ", " + msg(Msg::goal_target, lang, {{"target", s.target_text}}); };

    if (s.timing != GoalTiming::runs) {
        // Not in this period at all: when it runs, instead of "0 of 0".
        s.status = PaceState::unknown;
        s.percent.reset();
        const bool ended = s.timing == GoalTiming::ended;
        const std::string day = format_day(ended ? *goal.schedule.end : *goal.schedule.start, locale);
        const std::string when = msg(ended ? Msg::goal_ended_on : Msg::goal_starts_on, lang, {{"day", day}});
        s.chip = msg(ended ? Msg::chip_ended : Msg::chip_upcoming, lang);
        s.detail_line = capitalized(when);
        s.has_target = goal.target.amount > 0;
        if (s.has_target) s.target_text = format_goal_target(goal, goal.target.amount, locale);
        s.text = sentence(when);
        if (s.has_target) s.text += target_tail();
        return s;
    }
    if (frame.no_data) {
        s.chip = msg(Msg::chip_no_data, lang);
        s.figure = "\xE2\x80\x94";  // an em dash: nothing to count
        if (s.has_target) s.figure_suffix = msg(Msg::goal_target, lang, {{"target", s.target_text}});
        s.detail_line = capitalized(msg(Msg::goal_no_data_line, lang));
        s.text = sentence(msg(Msg::goal_no_data_line, lang));
        if (s.has_target) s.text += target_tail();
        return s;
    }

    s.figure = format_goal_figure(goal, progress.value, locale);
    if (s.has_target) {
        const double target = counts ? whole_count_target(progress.target) : progress.target;
        const char* word = counts ? count_unit_word(goal, target, lang) : "";
        const std::string target_figure = format_goal_figure(goal, target, locale) + (*word ? std::string(" ") + word : "");
        if (s.lower_is_better) {
            s.figure_suffix = msg(Msg::goal_target_under, lang, {{"target", target_figure}});
            s.percent_text = msg(Msg::goal_percent_of_limit, lang,
                                 {{"percent", format_percent(progress.value / progress.target * 100.0, locale)}});
        } else if (progress.level) {
            // An average is compared with its target as it stands; it is not "of" it.
            s.figure_suffix = msg(Msg::goal_target, lang, {{"target", target_figure}});
            if (progress.percent)
                s.percent_text = msg(Msg::goal_percent_of_target, lang, {{"percent", format_percent(*progress.percent, locale)}});
        } else {
            s.figure_suffix = msg(Msg::goal_of_target, lang, {{"target", target_figure}});
            if (progress.percent) s.percent_text = format_percent(*progress.percent, locale);
        }
    } else {
        s.figure_suffix = counts ? count_unit_word(goal, std::round(progress.value), lang) : "";
        std::vector<std::string> parts;
        if (progress.match_value && *progress.match_value != 0) {
            const bool whole = std::floor(*progress.match_value) == *progress.match_value;
            parts.push_back(msg(Msg::goal_value, lang, {{"value", format_number(*progress.match_value, whole ? 0 : 2, locale)}}));
        }
        if (previous_value) parts.push_back(trend_text(goal, progress.value, *previous_value, frame.previous_label, locale));
        for (size_t i = 0; i < parts.size(); ++i) s.detail_line += (i ? " \xC2\xB7 " : "") + parts[i];
    }

    // The chip: a finished period has an outcome, a running one its pace (the core's), a later one waits.
    const bool over = period.end < frame.today;
    const bool later = frame.today < period.start;
    const bool met = s.lower_is_better ? progress.value <= progress.target : progress.value >= progress.target;
    if (!s.has_target) {
        s.chip = msg(Msg::chip_no_target, lang);
    } else if (over) {
        s.chip = msg(met ? Msg::chip_reached : Msg::chip_missed, lang);
        s.tone = met ? PaceState::on_track : PaceState::at_risk;
    } else if (later) {
        s.chip = msg(Msg::chip_upcoming, lang);
    } else if (met && !s.lower_is_better) {
        s.chip = msg(Msg::chip_reached, lang);
        s.tone = PaceState::on_track;
    } else if (s.status != PaceState::unknown) {
        s.chip = pace_state_label(s.status, lang);
        s.tone = s.status;
    }

    // The sentence: "Calls completed: 22 of 1,286 activities, 2 %, at risk".
    std::string rest = s.figure;
    if (!s.figure_suffix.empty())
        rest += ((s.lower_is_better || progress.level) && s.has_target ? ", " : " ") + s.figure_suffix;
    if (!s.percent_text.empty()) rest += ", " + s.percent_text;
    if (!s.detail_line.empty()) rest += ", " + s.detail_line;
    if (!s.chip.empty()) rest += ", " + s.chip;
    s.text = sentence(rest);
    return s;
}

//-----------------------------------------------------------------------------
// [SECTION] Helpers
//-----------------------------------------------------------------------------

void coloured_text(ImU32 colour, std::string_view s) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    text(s);
    ImGui::PopStyleColor();
}

void wrapped_text(ImU32 colour, std::string_view s) {
    ImGui::PushTextWrapPos(0.0f);
    coloured_text(colour, s);
    ImGui::PopTextWrapPos();
}

void badge(const ViewContext& ctx, Vendor vendor) {
    const ImFont* font = ctx.fonts[TextRole::caption];
    const char* label = vendor_label(vendor);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float h = kit::chip_height(font);
    const float line = ImGui::GetTextLineHeight();
    const ImVec2 chip_at(at.x, at.y + std::floor((line - h) * 0.5f));
    kit::chip(ImGui::GetWindowDrawList(), font, chip_at, label, ctx.palette.vendor_bg[int(vendor) % kVendors],
              ctx.palette.vendor_text[int(vendor) % kVendors]);
    ImGui::Dummy(ImVec2(kit::chip_width(font, label), line));
}

static int grow_string(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        auto* s = static_cast<std::string*>(data->UserData);
        s->resize(size_t(data->BufTextLen));
        data->Buf = s->data();
    }
    return 0;
}

bool input_text(const char* label, std::string& value, const char* hint, ImGuiInputTextFlags flags) {
    flags |= ImGuiInputTextFlags_CallbackResize;
    if (hint) return ImGui::InputTextWithHint(label, hint, value.data(), value.capacity() + 1, flags, grow_string, &value);
    return ImGui::InputText(label, value.data(), value.capacity() + 1, flags, grow_string, &value);
}

void record_rect(Shown& shown, std::string name) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    shown.rects.push_back({std::move(name), a.x, a.y, b.x, b.y});
}

void open_detail(ViewContext& ctx, const std::string& goal_id) {
    ctx.state.selected_goal_id = goal_id;
    ctx.state.detail_step = -1;
    ctx.state.tab = Tab::detail;
}

const char* metric_label(MetricType type, Lang lang) {
    switch (type) {
        case MetricType::deals_won: return msg(Msg::metric_deals_won, lang);
        case MetricType::deals_started: return msg(Msg::metric_deals_started, lang);
        case MetricType::deals_progressed: return msg(Msg::metric_deals_progressed, lang);
        case MetricType::activities_added: return msg(Msg::metric_activities_added, lang);
        case MetricType::activities_completed: return msg(Msg::metric_activities_completed, lang);
        case MetricType::revenue_forecast: return msg(Msg::metric_revenue_forecast, lang);
        case MetricType::sales_quota: return msg(Msg::metric_sales_quota, lang);
        case MetricType::conversions: return msg(Msg::metric_conversions, lang);
        case MetricType::none: break;
    }
    return msg(Msg::metric_goal, lang);
}

std::string assignee_label(const Assignee& assignee, Lang lang) {
    switch (assignee.id.empty() ? AssigneeType::none : assignee.type) {
        case AssigneeType::person: return msg(Msg::assignee_person, lang, {{"id", assignee.id}});
        case AssigneeType::team: return msg(Msg::assignee_team, lang, {{"id", assignee.id}});
        case AssigneeType::company: return msg(Msg::assignee_company, lang, {{"id", assignee.id}});
        case AssigneeType::none: break;
    }
    return msg(Msg::assignee_none, lang);
}

std::string_view goal_title(const Goal& goal, Lang lang) {
    return goal.title.empty() ? std::string_view(msg(Msg::goal_untitled, lang)) : std::string_view(goal.title);
}

std::string short_period_label(const PeriodState& period, DateRange range, const LocaleFormat& locale) {
    if (period.kind == PeriodKind::week) return week_label(range, locale.lang, false);
    if (period.kind == PeriodKind::custom)
        return format_day_short(range.start, locale) + " \xE2\x80\x93 " + format_day_short(range.end, locale);
    return period_label(period, range, locale);
}

bool draw_period_note(ViewContext& ctx) {
    if (!ctx.period_note) return false;
    // A notice card: the sentence, wrapped, and the way to the nearest period with data.
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->ChannelsSplit(2);
    draw->ChannelsSetCurrent(1);
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::SetCursorScreenPos(ImVec2(start.x + space::m, start.y + space::s));
    ImGui::PushTextWrapPos(start.x + width - space::m - ImGui::GetWindowPos().x);
    coloured_text(ctx.palette.text, ctx.period_note->text);
    ImGui::PopTextWrapPos();
    PeriodState nearest = ctx.state.period;
    if (nearest.kind == PeriodKind::custom) nearest.kind = PeriodKind::month;
    nearest.anchor = ctx.period_note->nearest;
    const std::string label = msg(Msg::period_show, ctx.frame.locale.lang,
                                  {{"period", short_period_label(nearest, period_range(nearest, ctx.today, ctx.frame.calendar),
                                                                 ctx.frame.locale)}});
    ImGui::SetCursorScreenPos(ImVec2(start.x + space::m, ImGui::GetCursorScreenPos().y));
    if (kit::button(label.c_str())) {
        ctx.state.period = nearest;
        ctx.state.detail_step = -1;
    }
    record_rect(ctx.shown, "period.nearest_data");
    const float end_y = ImGui::GetItemRectMax().y + space::s;
    draw->ChannelsSetCurrent(0);
    draw->AddRectFilled(start, ImVec2(start.x + width, end_y), ctx.palette.card, radius::card);
    draw->AddRect(start, ImVec2(start.x + width, end_y), ctx.palette.card_border, radius::card);
    draw->ChannelsMerge();
    ImGui::SetCursorScreenPos(start);
    ImGui::Dummy(ImVec2(width, end_y - start.y));
    return true;
}

}  // namespace parts

//-----------------------------------------------------------------------------
// [SECTION] Shown
//-----------------------------------------------------------------------------

const ShownRect* Shown::rect(const std::string& name) const {
    for (const ShownRect& r : rects)
        if (r.name == name) return &r;
    return nullptr;
}

void Shown::clear() { *this = Shown{}; }

//-----------------------------------------------------------------------------
// [SECTION] Tabs
//-----------------------------------------------------------------------------

namespace parts {

namespace {

constexpr Tab kTabs[] = {Tab::overview, Tab::detail, Tab::conversions, Tab::editor, Tab::url_tester};
constexpr const char* kTabRects[] = {"tab.overview", "tab.detail", "tab.conversions", "tab.editor", "tab.url_tester"};
IM_STATIC_ASSERT(IM_ARRAYSIZE(kTabs) == IM_ARRAYSIZE(kTabRects));

void choose_tab(ViewContext& ctx, Tab tab) { ctx.state.tab = tab; }

void tab_menu_items(ViewContext& ctx, const bool* listed) {
    for (size_t i = 0; i < IM_ARRAYSIZE(kTabs); ++i) {
        if (listed && !listed[i]) continue;
        if (ImGui::Selectable(tab_label(kTabs[i], ctx.frame.locale.lang), ctx.state.tab == kTabs[i], 0, ImVec2(0, kTouchTarget)))
            choose_tab(ctx, kTabs[i]);
        record_rect(ctx.shown, kTabRects[i]);
    }
}

}  // namespace

// The tabs as a strip of text buttons; those that do not fit go into a "More" menu (the tab on screen is
// always on the strip). `as_menu`: one button naming the tab on screen, for short containers.
void draw_tabs(ViewContext& ctx, bool as_menu) {
    constexpr size_t n = IM_ARRAYSIZE(kTabs);
    const Lang lang = ctx.frame.locale.lang;
    if (as_menu) {
        const std::string label = std::string(tab_label(ctx.state.tab, lang)) + " \xE2\x96\xBE##tab-menu";  // ▾
        if (kit::button(label.c_str())) ImGui::OpenPopup("tab-menu");
        record_rect(ctx.shown, "tab.menu");
        if (ImGui::BeginPopup("tab-menu")) {
            tab_menu_items(ctx, nullptr);
            ImGui::EndPopup();
        }
        return;
    }
    const ImFont* font = ImGui::GetFont();
    float widths[n];
    float total = 0;
    for (size_t i = 0; i < n; ++i) {
        widths[i] = kit::width_of(font, tab_label(kTabs[i], lang)) + 2 * space::m;
        total += widths[i];
    }
    const float avail = ImGui::GetContentRegionAvail().x;
    const std::string more_text = std::string(msg(Msg::tab_more, lang)) + " \xE2\x96\xBE";  // ▾
    const std::string more_label = more_text + "##tab-more";
    const float more = kit::width_of(font, more_text) + 2 * space::m;
    bool on_strip[n];
    for (size_t i = 0; i < n; ++i) on_strip[i] = true;
    if (total > avail) {
        // Keep tabs in their order while they and the More button fit; the tab on screen takes the last place.
        float used = more;
        size_t current = 0;
        for (size_t i = 0; i < n; ++i)
            if (kTabs[i] == ctx.state.tab) current = i;
        for (size_t i = 0; i < n; ++i) {
            on_strip[i] = used + widths[i] <= avail;
            if (on_strip[i]) used += widths[i];
        }
        if (!on_strip[current]) {
            for (size_t i = n; i-- > 0;) {
                if (on_strip[i] && used - widths[i] + widths[current] <= avail) {
                    on_strip[i] = false;
                    used -= widths[i];
                    break;
                }
            }
            on_strip[current] = used + widths[current] <= avail;
        }
    }
    bool in_menu[n];
    bool any_in_menu = false;
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0.0f, ImGui::GetStyle().ItemSpacing.y));
    bool first = true;
    for (size_t i = 0; i < n; ++i) {
        in_menu[i] = !on_strip[i];
        any_in_menu |= in_menu[i];
        if (!on_strip[i]) continue;
        if (!first) ImGui::SameLine();
        first = false;
        if (kit::tab_button(tab_label(kTabs[i], lang), ctx.state.tab == kTabs[i], ctx.palette, widths[i])) choose_tab(ctx, kTabs[i]);
        record_rect(ctx.shown, kTabRects[i]);
    }
    if (any_in_menu) {
        if (!first) ImGui::SameLine();
        if (kit::tab_button(more_label.c_str(), false, ctx.palette, more)) ImGui::OpenPopup("tab-more");
        record_rect(ctx.shown, "tab.more");
        if (ImGui::BeginPopup("tab-more")) {
            tab_menu_items(ctx, in_menu);
            ImGui::EndPopup();
        }
    }
    ImGui::PopStyleVar();
    // A hairline under the strip.
    const ImVec2 a = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddLine(ImVec2(a.x, a.y - ImGui::GetStyle().ItemSpacing.y),
                                        ImVec2(a.x + avail, a.y - ImGui::GetStyle().ItemSpacing.y), ctx.palette.divider);
}

}  // namespace parts

//-----------------------------------------------------------------------------
// [SECTION] WidgetView
//-----------------------------------------------------------------------------

struct WidgetView::Impl {
    ViewState state;
    Shown shown;
    std::vector<Action> actions;
    parts::GoalCache cache;
    Palette palette;
    int theme_applied = -1;  // -1: none yet, 0 light, 1 dark
    float fonts_ratio = 0.0f;
    FontBaker font_baker;
    FontSet fonts;
    int font_generation = 0;
    bool first_frame = true;
    // Bars ease in over kRevealSeconds after new data, if the page allows motion.
    static constexpr float kRevealSeconds = 0.25f;
    double reveal_started = -1.0;
    bool reveal_running = false;
    bool reveal_pending = false;  // summaries() saw new data before a frame did
    // Touch and mouse drag-scroll.
    bool drag_scrolled = false;
};

WidgetView::WidgetView() : impl_(std::make_unique<Impl>()) {}
WidgetView::~WidgetView() = default;

const Shown& WidgetView::shown() const { return impl_->shown; }
bool WidgetView::wants_frame() const { return impl_->reveal_running; }
ViewState& WidgetView::state() { return impl_->state; }
const ViewState& WidgetView::state() const { return impl_->state; }

std::vector<Action> WidgetView::take_actions() {
    std::vector<Action> out;
    out.swap(impl_->actions);
    return out;
}

void WidgetView::set_font_baker(FontBaker baker) {
    impl_->font_baker = std::move(baker);
    impl_->fonts_ratio = 0.0f;  // bake again with it at the next chance
}

bool WidgetView::needs_fonts_rebuilt(float pixel_ratio) const {
    return impl_->fonts_ratio != font_bake_ratio(pixel_ratio);
}

void WidgetView::rebuild_fonts(float pixel_ratio) {
    IM_ASSERT(impl_->font_baker && "set_font_baker() first: without one the widget draws ImGui's own font");
    impl_->fonts = build_fonts(ImGui::GetIO(), pixel_ratio, impl_->font_baker);
    impl_->fonts_ratio = font_bake_ratio(pixel_ratio);
    ++impl_->font_generation;
}

// Shortcuts while no text field has focus: [ and ] step the period, / jumps to the search field.
static void handle_shortcuts(ViewState& state, Date today, const CalendarOptions& calendar, bool& focus_search) {
    ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return;
    for (ImWchar c : io.InputQueueCharacters) {
        if (c == '[') step_period(state.period, -1, today, calendar);
        if (c == ']') step_period(state.period, +1, today, calendar);
        if (c == '/') focus_search = true;
    }
}

// Dragging the content (a finger, or a mouse held on empty space) scrolls it; the release that ends a
// drag never counts as a click on the row below.
static bool drag_scroll(bool& drag_scrolled) {
    ImGuiIO& io = ImGui::GetIO();
    if (!io.MouseDown[0]) {
        const bool was = drag_scrolled;
        drag_scrolled = false;
        return was;  // the release frame still suppresses clicks
    }
    if (ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows | ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) &&
        ImGui::IsMouseDragging(0, io.MouseDragThreshold) && !io.WantTextInput) {
        if (io.MouseDelta.y != 0.0f) ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
        drag_scrolled = true;
    }
    return drag_scrolled;
}

static void draw_current_tab(parts::ViewContext& ctx) {
    switch (ctx.state.tab) {
        case Tab::overview: parts::draw_overview(ctx); break;
        case Tab::detail: parts::draw_detail(ctx); break;
        case Tab::conversions: parts::draw_conversions(ctx); break;
        case Tab::url_tester: parts::draw_url_tester(ctx); break;
        case Tab::editor: parts::draw_editor(ctx); break;
    }
}

static ProgressQuery make_query(const ViewState& state, Date today, const FrameContext& frame) {
    ProgressQuery query;
    query.period = period_range(state.period, today, frame.calendar);
    query.now = frame.now;
    query.zone_offset_minutes = frame.zone_offset_minutes;
    query.calendar = frame.calendar;
    return query;
}

static std::string previous_label(const PeriodState& period, DateRange previous, const LocaleFormat& locale) {
    const CivilParts p = civil_parts(previous.start);
    switch (period.kind) {
        case PeriodKind::month: {
            const std::string month = format_month(previous.start, locale, true);  // "October 2026"
            return month.substr(0, month.find(' '));
        }
        case PeriodKind::quarter: return msg(Msg::period_quarter_only, locale.lang, {{"quarter", std::to_string((p.month + 11) % 12 / 3 + 1)}});
        case PeriodKind::year: return std::to_string(p.year);
        case PeriodKind::week: return msg(Msg::previous_week, locale.lang);
        case PeriodKind::custom: break;
    }
    return msg(Msg::previous_days, locale.lang);
}

static parts::PeriodFrame make_frame(const ViewState& state, const ProgressQuery& query, Date today,
                                     const FrameContext& frame, bool no_data) {
    parts::PeriodFrame f;
    f.today = today;
    f.previous = previous_period(state.period, today, frame.calendar);
    f.previous_label = previous_label(state.period, f.previous, frame.locale);
    f.steps = sub_intervals(query.period, frame.calendar);
    f.no_data = no_data;
    return f;
}

static void describe_period(Shown& shown, const ViewState& state, const ProgressQuery& query,
                            const FrameContext& frame, const WidgetData& data, const parts::GoalCache& cache) {
    shown.period = query.period;
    shown.period_label = period_label(state.period, query.period, frame.locale);
    shown.goals_total = data.goals.size();
    shown.goals_matching = cache.order().size();
}

void WidgetView::draw(const WidgetData& data, const FrameContext& frame) {
    Impl& m = *impl_;
    m.shown.clear();
    const int dark = resolve_dark(frame.theme, frame.system_prefers_dark) ? 1 : 0;
    if (dark != m.theme_applied) {
        m.palette = apply_theme(dark != 0, ImGui::GetStyle());
        m.theme_applied = dark;
    }
    if (!m.fonts[TextRole::body]) {
        // No bake yet: every step draws with ImGui's current font, so text still shows.
        for (ImFont*& f : m.fonts.role) f = ImGui::GetFont();
    }

    const Date today = civil_date_of(frame.now, frame.zone_offset_minutes);
    bool focus_search = false;
    handle_shortcuts(m.state, today, frame.calendar, focus_search);
    const auto sync = [&](const ProgressQuery& query) {
        const std::string label = period_label(m.state.period, query.period, frame.locale);
        const bool no_data =
            empty_period_note(data.data_span, query.period, label, frame.zone_offset_minutes, frame.locale).has_value();
        m.cache.sync(data, query, m.state.filters, make_frame(m.state, query, today, frame, no_data), frame.locale);
    };
    const ProgressQuery query = make_query(m.state, today, frame);
    sync(query);

    // Bars ease in after new data only when the page allows motion, and the easing always ends.
    const double time = ImGui::GetTime();
    if ((m.cache.data_changed_this_frame() || m.reveal_pending) && !frame.reduced_motion && !m.first_frame)
        m.reveal_started = time;
    m.reveal_pending = false;
    float reveal = 1.0f;
    if (m.reveal_started >= 0.0 && !frame.reduced_motion)
        reveal = std::min(1.0f, float((time - m.reveal_started) / Impl::kRevealSeconds));
    m.reveal_running = reveal < 1.0f;
    m.first_frame = false;

    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                        ImGuiWindowFlags_NoScrollWithMouse;
    ImGui::Begin("goalpost", nullptr, kFlags);

    parts::ViewContext ctx{data,  frame, m.palette,        m.fonts, m.state, m.cache, m.shown, m.actions,
                           today, query, 0,                0.0f,    WidthClass::wide, false, 1.0f, false,
                           false, std::nullopt};
    ctx.font_generation = m.font_generation;
    ctx.width = viewport->Size.x;
    ctx.width_class = width_class(viewport->Size.x);
    ctx.compact = viewport->Size.y < kCompactHeight;
    ctx.bar_reveal = reveal;
    ctx.focus_search = focus_search;
    m.shown.width_class = ctx.width_class;
    m.shown.compact = ctx.compact;
    describe_period(m.shown, m.state, query, frame, data, m.cache);

    // The header: the tabs (a menu button in the compact form, on the toolbar's line), then the toolbar.
    if (ctx.compact) {
        parts::draw_tabs(ctx, true);
        ImGui::SameLine();
    } else {
        parts::draw_tabs(ctx, false);
    }
    parts::draw_toolbar(ctx);
    // The toolbar may have moved the period or changed a filter: the content shows the new state at once.
    ctx.query = make_query(m.state, today, frame);
    sync(ctx.query);
    describe_period(m.shown, m.state, ctx.query, frame, data, m.cache);
    ctx.period_note = empty_period_note(data.data_span, ctx.query.period, m.shown.period_label,
                                        frame.zone_offset_minutes, frame.locale);
    if (ctx.period_note) m.shown.period_note = ctx.period_note->text;

    // The status strip keeps its place at the bottom; the current tab gets the space above it.
    const float strip_height = parts::status_strip_height(ctx);
    ImGui::BeginChild("tab-content", ImVec2(0, -strip_height), false, ImGuiWindowFlags_NoBackground);
    ctx.suppress_clicks = drag_scroll(m.drag_scrolled);
    draw_current_tab(ctx);
    ImGui::EndChild();
    parts::draw_status_strip(ctx);
    m.shown.tab = m.state.tab;
    ImGui::End();
}

std::optional<PeriodNote> WidgetView::period_note(const WidgetData& data, const FrameContext& frame) const {
    const DateRange period = period_range(impl_->state.period, civil_date_of(frame.now, frame.zone_offset_minutes),
                                          frame.calendar);
    return empty_period_note(data.data_span, period, period_label(impl_->state.period, period, frame.locale),
                             frame.zone_offset_minutes, frame.locale);
}

std::vector<ShownGoal> WidgetView::summaries(const WidgetData& data, const FrameContext& frame) {
    std::vector<uint32_t> every(data.goals.size());
    for (uint32_t i = 0; i < every.size(); ++i) every[i] = i;
    std::vector<ShownGoal> out;
    out.reserve(every.size());
    summaries(data, frame, every, [&out](uint32_t, const ShownGoal& s) { out.push_back(s); });
    return out;
}

void WidgetView::summaries(const WidgetData& data, const FrameContext& frame, const std::vector<uint32_t>& indexes,
                           const std::function<void(uint32_t, const ShownGoal&)>& take) {
    Impl& m = *impl_;
    const Date today = civil_date_of(frame.now, frame.zone_offset_minutes);
    const ProgressQuery query = make_query(m.state, today, frame);
    const bool no_data = period_note(data, frame).has_value();
    m.cache.sync(data, query, m.state.filters, make_frame(m.state, query, today, frame, no_data), frame.locale);
    m.reveal_pending = m.reveal_pending || m.cache.data_changed_this_frame();
    for (uint32_t i : indexes) take(i, m.cache.shown(i));
}

}  // namespace gp::ui
