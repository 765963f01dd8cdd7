// goalpost results: a goal's progress per interval for a period, from CRM data files (docs/cli.md).
#include <charconv>
#include <cstdio>
#include <cstring>
#include <string>

#include "cli/cli_io.hpp"
#include "cli/commands.hpp"
#include "core/calendar.hpp"
#include "core/data_readers.hpp"
#include "core/json_access.hpp"
#include "core/progress.hpp"
#include "core/read.hpp"

namespace gp::cli {

namespace {

struct ResultsArgs {
    const char* goals = nullptr;
    const char* deals = nullptr;
    const char* activities = nullptr;
    const char* stage_changes = nullptr;
    const char* currencies = nullptr;
    const char* teams = nullptr;
    const char* rates = nullptr;
    const char* goal = nullptr;
    const char* period = nullptr;
    const char* now = nullptr;
    const char* as_of = nullptr;
    const char* tz_offset = nullptr;
    const char* week_start = nullptr;
    const char* fiscal_year_start = nullptr;
};

bool parse_args(int argc, char** argv, ResultsArgs& a) {
    const std::pair<const char*, const char**> flags[] = {
        {"--goals", &a.goals},           {"--deals", &a.deals},         {"--activities", &a.activities},
        {"--stage-changes", &a.stage_changes}, {"--currencies", &a.currencies}, {"--teams", &a.teams},
        {"--rates", &a.rates},           {"--goal", &a.goal},           {"--period", &a.period},
        {"--now", &a.now},               {"--as-of", &a.as_of},         {"--tz-offset", &a.tz_offset},
        {"--week-start", &a.week_start},
        {"--fiscal-year-start", &a.fiscal_year_start}};
    for (int i = 1; i < argc; ++i) {
        bool known = false;
        for (const auto& [name, slot] : flags)
            if (std::strcmp(argv[i], name) == 0 && i + 1 < argc) {
                *slot = argv[++i];
                known = true;
                break;
            }
        if (!known) {
            std::fprintf(stderr, "goalpost results: unexpected argument '%s'\n", argv[i]);
            return false;
        }
    }
    if (!a.goals || !a.goal || !a.period) {
        std::fputs("goalpost results: --goals, --goal and --period are required\n", stderr);
        return false;
    }
    return true;
}

void print_errors(const char* file, const std::vector<Error>& errors) {
    for (const Error& e : errors)
        std::fprintf(stderr, "%s: %s %s: %s\n", file, e.path.c_str(), e.code.c_str(), e.message.c_str());
}

// Reads one event file into `rows`; structural errors are fatal, ignored items are merged into `ignored`.
bool load_events(const char* path, EventRows& rows, IgnoredTally& ignored) {
    if (!path) return true;
    std::string text;
    if (!read_file("results", path, text)) return false;
    DataReadResult r = read_events(text);
    if (!r.ok()) {
        print_errors(path, r.errors);
        return false;
    }
    for (DealRow& d : r.rows.deals) rows.deals.push_back(std::move(d));
    for (ActivityRow& a : r.rows.activities) rows.activities.push_back(std::move(a));
    for (StageChangeRow& c : r.rows.stage_changes) rows.stage_changes.push_back(std::move(c));
    ignored.merge(r.ignored);
    return true;
}

bool parse_int(const char* text, int& out) {
    const char* end = text + std::strlen(text);
    const auto r = std::from_chars(text, end, out);
    return r.ec == std::errc() && r.ptr == end;
}

std::optional<Weekday> weekday_named(std::string_view name) {
    constexpr const char* kNames[] = {"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};
    for (int i = 0; i < 7; ++i)
        if (name == kNames[i]) return static_cast<Weekday>(i);
    return std::nullopt;
}

bool load_rates(const char* path, ResultsRequest& request) {
    std::string text;
    if (!read_file("results", path, text)) return false;
    const Json doc = parse_json(text).doc;
    if (doc.is_discarded() || !doc.is_object()) {
        std::fprintf(stderr, "%s: expected an object of currency code -> rate\n", path);
        return false;
    }
    RateTable rates;
    for (auto it = doc.begin(); it != doc.end(); ++it)
        if (it.value().is_number()) rates[it.key()] = it.value().get<double>();
    request.rates = std::move(rates);
    return true;
}

// "week", "month", "quarter" or "year": the one that holds `today`, as the widget's period option.
std::optional<Interval> period_keyword(std::string_view period) {
    constexpr std::pair<const char*, Interval> kKeywords[] = {
        {"week", Interval::weekly}, {"month", Interval::monthly}, {"quarter", Interval::quarterly}, {"year", Interval::yearly}};
    for (const auto& [name, interval] : kKeywords)
        if (period == name) return interval;
    return std::nullopt;
}

// The calendar, the clock and the zone are all arguments: the core never reads them itself, and neither
// does the CLI. --as-of DAY is the widget's as-of option: pace and forecast at the end of that day.
bool build_request(const ResultsArgs& a, ResultsRequest& request) {
    if (a.now && a.as_of) {
        std::fputs("goalpost results: give --now or --as-of, not both\n", stderr);
        return false;
    }
    if (a.now && !(request.now = parse_timestamp(a.now))) {
        std::fputs("goalpost results: --now must be an ISO-8601 timestamp\n", stderr);
        return false;
    }
    if (a.tz_offset && !parse_int(a.tz_offset, request.zone_offset_minutes)) {
        std::fputs("goalpost results: --tz-offset must be minutes east of UTC\n", stderr);
        return false;
    }
    if (a.as_of) {
        const std::optional<Date> day = parse_civil_date(a.as_of);
        if (!day) {
            std::fputs("goalpost results: --as-of must be a date, YYYY-MM-DD\n", stderr);
            return false;
        }
        request.now = end_of_day(*day, request.zone_offset_minutes);
    }
    if (a.week_start) {
        const std::optional<Weekday> day = weekday_named(a.week_start);
        if (!day) {
            std::fputs("goalpost results: --week-start must be a weekday name (monday, sunday, ...)\n", stderr);
            return false;
        }
        request.calendar.week_start = *day;
    }
    int month = 1;
    if (a.fiscal_year_start && (!parse_int(a.fiscal_year_start, month) || month < 1 || month > 12)) {
        std::fputs("goalpost results: --fiscal-year-start must be a month 1..12\n", stderr);
        return false;
    }
    request.calendar.fiscal_year_start_month = static_cast<unsigned>(month);

    const std::string_view period = a.period;
    const size_t dots = period.find("..");
    if (const std::optional<Interval> keyword = period_keyword(period)) {
        if (!request.now) {
            std::fputs("goalpost results: --period week|month|quarter|year needs --as-of or --now to say which one\n", stderr);
            return false;
        }
        const DateRange range = interval_containing(civil_date_of(*request.now, request.zone_offset_minutes), *keyword,
                                                    request.calendar);
        request.period_start = format_civil_date(range.start);
        request.period_end = format_civil_date(range.end);
    } else if (dots != std::string_view::npos) {
        request.period_start = std::string(period.substr(0, dots));
        request.period_end = std::string(period.substr(dots + 2));
    } else {
        request.period_start = std::string(period);
    }
    return !a.rates || load_rates(a.rates, request);
}

bool load_context(const ResultsArgs& a, Membership& membership, std::vector<CurrencyInfo>& currencies) {
    std::string text;
    if (a.teams) {
        if (!read_file("results", a.teams, text)) return false;
        MembershipReadResult m = read_membership(text);
        print_errors(a.teams, m.errors);
        membership = std::move(m.membership);
    }
    if (a.currencies) {
        if (!read_file("results", a.currencies, text)) return false;
        CurrencyReadResult c = read_pipedrive_currencies(text);
        print_errors(a.currencies, c.errors);
        currencies = std::move(c.currencies);
    }
    return true;
}

}  // namespace

int cmd_results(int argc, char** argv) {
    ResultsArgs args;
    ResultsRequest request;
    if (!parse_args(argc, argv, args) || !build_request(args, request)) return 2;

    std::string goals_text;
    if (!read_file("results", args.goals, goals_text)) return 2;
    const ReadResult goals = read_goals(goals_text);
    print_errors(args.goals, goals.errors);
    print_errors(args.goals, goals.warnings);

    EventRows rows;
    IgnoredTally read_ignored;
    Membership membership;
    std::vector<CurrencyInfo> currencies;
    for (const char* file : {args.deals, args.activities, args.stage_changes})
        if (!load_events(file, rows, read_ignored)) return 1;
    if (!load_context(args, membership, currencies)) return 2;
    EventStore store = build_event_store(rows, membership, currencies);
    store.ignored.merge(read_ignored);

    const ResultsOutcome outcome = compute_results(goals.goals, args.goal, store, request);
    if (!outcome.ok()) {
        std::printf("%s\n", Json{{"success", false}, {"errors", errors_to_json(outcome.errors)}}.dump(2).c_str());
        return 1;
    }
    std::printf("%s\n", Json{{"success", true}, {"data", results_to_json(*outcome.results)}}.dump(2).c_str());
    return 0;
}

}  // namespace gp::cli
