// The message catalog: every language has every message with the English one's placeholders, the formatter
// copies values as text, the language follows the locale's tag, and a German frame says German everywhere
// the tests can read (the mirror's sentences, chips, the strip, the period, the tabs).
#include <algorithm>
#include <set>

#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "headless.hpp"
#include "ui/messages.hpp"
#include "ui/view_parts.hpp"

using gp::ui::test::Headless;
using namespace gp::ui;

namespace {

constexpr Lang kLangs[] = {Lang::en, Lang::de, Lang::fr, Lang::es};

std::multiset<std::string> placeholder_set(const char* pattern) {
    const std::vector<std::string> names = placeholders(pattern);
    return {names.begin(), names.end()};
}

// The English words a German page must never hear as a status or a chip.
const char* const kEnglishStatusWords[] = {"on track", "behind", "at risk", "no pace", "no target", "reached", "missed",
                                           "upcoming", "ended", "no data", "updated", "loading", "ready", "stale"};

bool has_english_status_word(const std::string& text) {
    return std::any_of(std::begin(kEnglishStatusWords), std::end(kEnglishStatusWords),
                       [&](const char* w) { return text.find(w) != std::string::npos; });
}

}  // namespace

TEST_CASE("every message has a text in every language, with the English one's placeholders", "[ui][messages]") {
    for (size_t i = 0; i < kMsgCount; ++i) {
        const Msg key = Msg(i);
        INFO(msg_translation(key, Lang::en));
        const auto english = placeholder_set(msg_translation(key, Lang::en));
        for (Lang lang : kLangs) {
            INFO(lang_code(lang));
            CHECK(*msg_translation(key, lang) != '\0');
            CHECK(placeholder_set(msg_translation(key, lang)) == english);
            // ImGui would take "##" in a label as the start of its id, and "%" is never a format here.
            CHECK(std::string(msg(key, lang)).find("##") == std::string::npos);
        }
    }
}

TEST_CASE("the formatter copies values as text, keeps unknown placeholders and reads no printf format", "[ui][messages]") {
    CHECK(fill("Show {period}", {{"period", "March 2024"}}) == "Show March 2024");
    CHECK(fill("{a} and {b}", {{"b", "{a}"}, {"a", "%s%n"}}) == "%s%n and {a}");
    CHECK(fill("{missing} stays", {}) == "{missing} stays");
    CHECK(fill("an unclosed {brace", {{"brace", "x"}}) == "an unclosed {brace");
    CHECK(fill("", {}) == "");
    CHECK(placeholders("{vendor} reports {value}") == std::vector<std::string>{"vendor", "value"});
    // A message says English where its translation is empty; none is, so every language has its own.
    CHECK(std::string(msg(Msg::tab_overview, Lang::de)) == "\xC3\x9C" "bersicht");
    CHECK(msg(Msg::period_show, Lang::fr, {{"period", "mars 2024"}}) == "Afficher mars 2024");
}

TEST_CASE("the language follows the locale's tag by its primary subtag, English otherwise", "[ui][messages]") {
    CHECK(lang_from_tag("de") == Lang::de);
    CHECK(lang_from_tag("de-AT") == Lang::de);
    CHECK(lang_from_tag("DE_ch") == Lang::de);
    CHECK(lang_from_tag("fr-CA") == Lang::fr);
    CHECK(lang_from_tag("es-419") == Lang::es);
    CHECK(lang_from_tag("en-GB") == Lang::en);
    CHECK(lang_from_tag("sv-SE") == Lang::en);
    CHECK(lang_from_tag("") == Lang::en);
    CHECK(lang_from_tag("deu") == Lang::en);
    // The page's description: "language" first, else the formatting tag.
    CHECK(locale_from_json(gp::Json{{"tag", "de-DE"}}).lang == Lang::de);
    CHECK(locale_from_json(gp::Json{{"tag", "de-DE"}, {"language", "es"}}).lang == Lang::es);
    CHECK(locale_from_json(gp::Json::object()).lang == Lang::en);
}

TEST_CASE("dates, months and units in each language", "[ui][messages][format]") {
    const gp::Date d = *gp::parse_civil_date("2023-12-31");
    LocaleFormat de;
    de.lang = Lang::de;
    de.date_order = DateOrder::dmy;
    LocaleFormat fr = de, es = de;
    fr.lang = Lang::fr;
    es.lang = Lang::es;
    CHECK(format_day(d, de) == "31. Dez. 2023");
    CHECK(format_day(d, fr) == "31 d\xC3\xA9" "c. 2023");
    CHECK(format_day(d, es) == "31 dic 2023");
    CHECK(format_month(d, de, true) == "Dezember 2023");
    CHECK(format_range({*gp::parse_civil_date("2026-11-01"), *gp::parse_civil_date("2026-11-30")}, de) ==
          "1.\xE2\x80\x93" "30. Nov. 2026");
    // German and French put the day first even where a page's numeric dates would not.
    LocaleFormat de_mdy = de;
    de_mdy.date_order = DateOrder::mdy;
    CHECK(format_day(d, de_mdy) == "31. Dez. 2023");

    gp::Goal deals;
    deals.metric.type = gp::MetricType::deals_won;
    deals.target.unit = gp::Unit::count;
    CHECK(format_goal_amount(deals, 12, de) == "12 Deals");
    CHECK(format_goal_amount(deals, 1, de) == "1 Deal");
    CHECK(format_goal_amount(deals, 0, fr) == "0 affaire");  // French counts nothing as one
    CHECK(format_goal_amount(deals, 2, fr) == "2 affaires");
    CHECK(format_goal_amount(deals, 0, LocaleFormat{}) == "0 deals");
}

TEST_CASE("the status line of several sources reads as before in English and says German on a German page",
          "[ui][messages][status]") {
    std::vector<SourceStatus> sources = {
        {"pipedrive", {Msg::source_ready, {{"vendor", "pipedrive"}, {"pages", "2"}}}},
        {"zendesk", {Msg::source_ready, {{"vendor", "zendesk"}, {"pages", "1"}}}},
        {"giosg", {Msg::source_failed, {{"reason", "HTTP 404"}}}},
    };
    CHECK(status_line(sources, Lang::en) == "ready: pipedrive (2 pages), zendesk; giosg: could not load goals: HTTP 404");
    CHECK(status_line(sources, Lang::de) ==
          "bereit: pipedrive (2 Seiten), zendesk; giosg: Ziele konnten nicht geladen werden: HTTP 404");
    CHECK(status_line({{"", {Msg::source_ready, {{"vendor", "hubspot"}, {"pages", "1"}}}}}, Lang::en) == "ready: hubspot");
    CHECK(status_line({{"", {Msg::source_loading_page, {{"page", "2"}}}}}, Lang::en) == "loading goals: page 2");
    CHECK(status_line({{"", {Msg::source_stale, {{"page", "2"}, {"reason", "HTTP 503"}}}}}, Lang::en) ==
          "stale: the refresh failed at page 2 (HTTP 503); showing earlier data");
}

TEST_CASE("a German frame says German: the goals' sentences, chips, the strip, the period and the tabs",
          "[ui][messages][views]") {
    Headless ui;
    ui.context.now = gp::ui::test::kFixtureNow;
    ui.context.locale.lang = Lang::de;
    ui.context.locale.decimal = ",";
    ui.context.locale.group = ".";
    WidgetData data = gp::ui::test::fixture_data();
    data.loaded_at = ui.context.now - 5 * 60000;
    data.statuses = {{"", {Msg::source_ready, {{"vendor", "pipedrive"}, {"pages", "1"}}}}};
    data.status = status_line(data.statuses, Lang::en);
    ui.frames(data, 3);

    const Shown& shown = ui.view.shown();
    CHECK(shown.period_label == "M\xC3\xA4rz 2024");
    const auto& lines = shown.status_lines;
    CHECK(std::find(lines.begin(), lines.end(), "vor 5 Min. aktualisiert") != lines.end());
    CHECK(std::find(lines.begin(), lines.end(), "bereit: pipedrive") != lines.end());
    for (const std::string& line : lines) CHECK_FALSE(has_english_status_word(line));

    const std::vector<ShownGoal> goals = ui.view.summaries(data, ui.context);
    REQUIRE(goals.size() >= 5);
    std::set<std::string> german_chips;
    for (Msg m : {Msg::chip_ended, Msg::chip_upcoming, Msg::chip_no_data, Msg::chip_no_target, Msg::chip_reached,
                  Msg::chip_missed, Msg::pace_on_track, Msg::pace_behind, Msg::pace_at_risk})
        german_chips.insert(msg(m, Lang::de));
    for (const ShownGoal& g : goals) {
        INFO(g.text);
        CHECK_FALSE(has_english_status_word(g.text));
        if (!g.chip.empty()) CHECK(german_chips.count(g.chip) == 1);
    }
    const auto find = [&](const char* id) {
        return *std::find_if(goals.begin(), goals.end(), [&](const ShownGoal& g) { return g.goal_id == id; });
    };
    CHECK(find("old").chip == "beendet");
    CHECK(find("old").text.find("beendet am 31. Dez. 2023") != std::string::npos);
    CHECK(find("later").chip == "demn\xC3\xA4" "chst");
    CHECK(find("won").text.find(" von ") != std::string::npos);
    CHECK(find("won").text.find("Deals") != std::string::npos);
    CHECK(find("301").chip == "kein Zielwert");

    // The tabs, drawn and named in German; state().tab stays English for the page's code.
    CHECK(std::string(tab_label(Tab::overview, Lang::de)) == "\xC3\x9C" "bersicht");
    ui.view.state().tab = Tab::detail;
    ui.frames(data, 2);
    CHECK(ui.view.shown().rect("tab.detail") != nullptr);
}

TEST_CASE("an English frame says what it said before the catalog", "[ui][messages][views]") {
    Headless ui;
    ui.context.now = gp::ui::test::kFixtureNow;
    WidgetData data = gp::ui::test::fixture_data();
    const std::vector<ShownGoal> goals = ui.view.summaries(data, ui.context);
    const auto find = [&](const char* id) {
        return *std::find_if(goals.begin(), goals.end(), [&](const ShownGoal& g) { return g.goal_id == id; });
    };
    CHECK(find("old").text == "Won deals, 2023: ended 31 Dec 2023, target 40 deals");
    CHECK(find("old").detail_line == "Ended 31 Dec 2023");
    CHECK(find("later").chip == "upcoming");
    CHECK(find("301").chip == "no target");
}

TEST_CASE("field errors keep the core's sentence in English and are said by their code elsewhere", "[ui][messages]") {
    const std::string core = "target cannot be negative";
    CHECK(error_message("out_of_range", core, Lang::en) == core);
    CHECK(error_message("out_of_range", core, Lang::de) == msg(Msg::error_out_of_range, Lang::de));
    CHECK(error_message("required", "title is required", Lang::fr) == "Ce champ est obligatoire.");
    CHECK(error_message("limit_exceeded", "Goals limit exceeded", Lang::es).find("cinco") != std::string::npos);
    // A vendor's own reason, under a code the catalog does not know, is shown as the vendor wrote it.
    CHECK(error_message("refused", "A goal with this name already exists.", Lang::de) == "A goal with this name already exists.");
    CHECK(error_message("required", "", Lang::en) == "This field is required.");  // no sentence: the code's
}

TEST_CASE("the URL tester says a condition and its reason in the page's language, English as the core wrote it", "[ui][messages]") {
    ConditionExplanation c;
    c.condition = "url contains \"/pricing\"";
    c.outcome = Outcome::match;
    c.reason = "'https://shop.test/pricing' does contain '/pricing'";
    c.field = gp::ConditionField::url;
    c.op = gp::ConditionOp::contains;
    c.pattern = "/pricing";
    c.subject = "https://shop.test/pricing";
    CHECK(parts::condition_words(c, Lang::en) == c.condition);
    CHECK(parts::reason_words(c, Lang::en) == c.reason);
    CHECK(parts::condition_words(c, Lang::de) == "URL enth\xC3\xA4lt \xE2\x80\x9E/pricing\xE2\x80\x9C");
    CHECK(parts::reason_words(c, Lang::de) ==
          "\xE2\x80\x9Ehttps://shop.test/pricing\xE2\x80\x9C enth\xC3\xA4lt \xE2\x80\x9E/pricing\xE2\x80\x9C");
    // Negated and not held: the comparison was true, so the condition fails.
    c.negate = true;
    c.outcome = Outcome::no_match;
    c.folded = true;
    const std::string fr = parts::reason_words(c, Lang::fr);
    CHECK(fr.find("contient") != std::string::npos);
    CHECK(fr.find("casse") != std::string::npos);
    CHECK(fr.find("invers\xC3\xA9" "e") != std::string::npos);
    CHECK(fr.find("donc remplie") == std::string::npos);
    CHECK(parts::condition_words(c, Lang::es).rfind("no: URL contiene", 0) == 0);
    // An unsupported condition keeps the core's sentence, which says what is wrong with it.
    c.outcome = Outcome::unsupported;
    c.reason = "this operator cannot be evaluated";
    CHECK(parts::reason_words(c, Lang::de) == c.reason);
    ConditionExplanation room;
    room.room_scope = true;
    CHECK(parts::reason_words(room, Lang::es) == msg(Msg::cond_room_reason, Lang::es));
}

TEST_CASE("a language pack carries every message of its language and the catalog it was made from", "[ui][messages][packs]") {
    const gp::Json pack = language_pack(Lang::de);
    REQUIRE(pack["texts"].is_array());
    CHECK(pack["lang"] == "de");
    CHECK(pack["texts"].size() == kMsgCount);
    CHECK(pack["texts"][size_t(Msg::tab_overview)] == "\xC3\x9C" "bersicht");
    CHECK(pack["catalog"].get<std::string>().size() == 16);
    CHECK(pack["catalog"] == language_pack(Lang::fr)["catalog"]);  // the English texts, not the language's
    CHECK(catalog_has(Lang::en));
}

TEST_CASE("an installed pack's texts are said, and one not for this catalog or language is refused", "[ui][messages][packs]") {
    gp::Json pack = language_pack(Lang::de);
    pack["texts"][size_t(Msg::tab_overview)] = "\xC3\x9C" "berblick";
    std::vector<std::string> problems;
    REQUIRE(install_language_pack(pack, problems));
    CHECK(problems.empty());
    CHECK(std::string(msg(Msg::tab_overview, Lang::de)) == "\xC3\x9C" "berblick");
    CHECK(std::string(msg(Msg::tab_overview, Lang::fr)) == "Vue d'ensemble");  // other languages untouched
    remove_language_pack(Lang::de);
    CHECK(std::string(msg(Msg::tab_overview, Lang::de)) == "\xC3\x9C" "bersicht");

    gp::Json stale = language_pack(Lang::de);
    stale["catalog"] = "0000000000000000";
    CHECK_FALSE(install_language_pack(stale, problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].find("another build") != std::string::npos);

    gp::Json english = language_pack(Lang::de);
    english["lang"] = "en";
    CHECK_FALSE(install_language_pack(english, problems));
    gp::Json short_pack = language_pack(Lang::de);
    short_pack["texts"].erase(short_pack["texts"].size() - 1);
    CHECK_FALSE(install_language_pack(short_pack, problems));
    CHECK_FALSE(install_language_pack(gp::Json::array(), problems));
    CHECK_FALSE(install_language_pack(gp::Json(), problems));
    CHECK(problems.size() == 5);
    CHECK(std::string(msg(Msg::tab_overview, Lang::de)) == "\xC3\x9C" "bersicht");  // nothing was installed
}

TEST_CASE("a pack's text that is not text or lacks the English values is said in English, and the rest is kept", "[ui][messages][packs]") {
    gp::Json pack = language_pack(Lang::es);
    pack["texts"][size_t(Msg::period_show)] = "Mostrar";  // {period} lost: the period would not be shown
    pack["texts"][size_t(Msg::tab_detail)] = 7;
    pack["texts"][size_t(Msg::tab_conversions)] = "Conversiones##x";  // ImGui would read an id in a label
    pack["texts"][size_t(Msg::tab_more)] = std::string(5000, 'M');
    std::vector<std::string> problems;
    REQUIRE(install_language_pack(pack, problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].find("4 unusable texts") != std::string::npos);
    CHECK(std::string(msg(Msg::tab_conversions, Lang::es)) == "Conversions");
    CHECK(std::string(msg(Msg::tab_more, Lang::es)) == "More");
    CHECK(msg(Msg::period_show, Lang::es, {{"period", "marzo 2024"}}) == "Show marzo 2024");
    CHECK(std::string(msg(Msg::tab_detail, Lang::es)) == "Detail");
    CHECK(std::string(msg(Msg::tab_overview, Lang::es)) == "Resumen");
    remove_language_pack(Lang::es);
    CHECK(msg(Msg::period_show, Lang::es, {{"period", "marzo 2024"}}) != "Show marzo 2024");
}
