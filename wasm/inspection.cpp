// The inspection call (state(), docs/embedding.md) and the accessibility mirror's revision.
#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "app.hpp"
#include "core/calendar.hpp"
#include "core/former_places.hpp"
#include "core/json_access.hpp"
#include "core/model_names.hpp"
#include "goalpost_abi.h"

namespace gp::web {

namespace {

// [SECTION] The inspection state's goal list
//
// state() lists every goal as the overview draws it, for the page's accessibility mirror. Written through
// nlohmann's object model, 10,000 goals cost about 130 ms per call in Chromium (a std::map per goal), and the
// loader asked for it on every event; the list is now written as text once per change of what it shows, and
// handed over apart from the rest of the state (gp_state(1)), which the loader reads far more often. After an
// edit of one goal, gp_state(2) writes that goal only and names the others by their place in the list the
// loader holds: all 10,000 written again cost about 100 ms of an add() call in Chromium.

// What every goal's line depends on besides the goal: the figures (events, matches, rates), the period on
// screen, the minute (pace), loading, the locale.
std::string shown_goals_key(const App& app, const ui::FrameContext& frame) {
    const Date today = civil_date_of(frame.now, frame.zone_offset_minutes);
    const DateRange period = ui::period_range(app.view.state().period, today, frame.calendar);
    return std::to_string(app.data.figures_generation) + ' ' + std::to_string(period.start.days) + ' ' +
           std::to_string(period.end.days) + ' ' + std::to_string(frame.now / 60000) + ' ' +
           std::to_string(frame.zone_offset_minutes) + ' ' + (app.data.loading ? '1' : '0') + app.options.locale.dump() + ' ' +
           ui::lang_code(frame.locale.lang);  // the language shown: a language file may come after its locale
}

unsigned mirror_revision(App& app, const ui::FrameContext& frame) {
    ShownGoalsCache& cache = app.shown_goals;
    std::string key = shown_goals_key(app, frame);
    if (key != cache.key || app.data.goal_revisions != cache.goals) {
        cache.key = std::move(key);
        cache.goals = app.data.goal_revisions;
        cache.json.clear();  // written again at the next state()
        ++cache.revision;
    }
    return cache.revision;
}

// A JSON string: nlohmann's own escaping where the text is not plain printable ASCII (it also replaces
// invalid UTF-8, as the rest of the state does).
void append_json_string(std::string& out, const std::string& text) {
    const bool plain = std::all_of(text.begin(), text.end(), [](char c) {
        return static_cast<unsigned char>(c) >= 0x20 && static_cast<unsigned char>(c) < 0x80 && c != '"' && c != '\\';
    });
    if (!plain) {
        out += Json(text).dump(-1, ' ', false, Json::error_handler_t::replace);
        return;
    }
    out += '"';
    out += text;
    out += '"';
}

// A number as nlohmann writes it (shortest round trip; null when not finite).
void append_json_number(std::string& out, double value) {
    if (!std::isfinite(value)) {
        out += "null";
        return;
    }
    char digits[64];
    out.append(digits, nlohmann::detail::to_chars(digits, digits + sizeof digits, value));
}

const char* pace_code(ui::PaceState state) {
    switch (state) {
        case ui::PaceState::on_track: return "on_track";
        case ui::PaceState::behind: return "behind";
        case ui::PaceState::at_risk: return "at_risk";
        case ui::PaceState::unknown: break;
    }
    return "unknown";
}

// What the page's loader says itself (web/goal-widget.js): the widget's default label, the live region's
// announcement of a match and the mirror's as-of line, in the page's language, with their placeholders.
Json phrases_json(ui::Lang lang) {
    return json_object({{"label", ui::msg(ui::Msg::page_label, lang)},
                        {"goal_reached", ui::msg(ui::Msg::page_goal_reached, lang)},
                        {"as_of", ui::msg(ui::Msg::page_as_of, lang)}});
}

void append_shown_goal(std::string& out, const ui::ShownGoal& row, ui::Lang lang) {
    out += "{\"id\":";
    append_json_string(out, row.goal_id);
    out += ",\"title\":";
    append_json_string(out, row.title);
    out += ",\"progress\":";
    append_json_number(out, row.value);
    out += ",\"target\":";
    append_json_number(out, row.target);
    out += ",\"percent\":";
    if (row.percent) append_json_number(out, *row.percent);
    else out += "null";
    out += ",\"status\":";
    // The status as the widget says it (in the page's language), and the pace as a code that does not change with it.
    append_json_string(out, row.no_data ? ui::msg(ui::Msg::chip_no_data, lang) : ui::pace_state_label(row.status, lang));
    out += ",\"pace\":";
    append_json_string(out, row.no_data ? "no_data" : pace_code(row.status));
    out += row.no_data ? ",\"no_data\":true" : ",\"no_data\":false";
    out += ",\"value_text\":";
    append_json_string(out, row.value_text);
    out += ",\"target_text\":";
    append_json_string(out, row.target_text);
    out += ",\"text\":";
    append_json_string(out, row.text);
    out += '}';
}

// The list as the loader now holds it.
void hand_over(ShownGoalsCache& cache) {
    cache.handed = cache.revision;
    cache.handed_key = cache.key;
    cache.handed_goals = cache.goals;
}

// gp_state(1): every goal.
const std::string& shown_goals_json(App& app, const ui::FrameContext& frame) {
    mirror_revision(app, frame);
    ShownGoalsCache& cache = app.shown_goals;
    hand_over(cache);
    std::string& out = cache.json;
    if (!out.empty()) return out;
    out += '[';
    std::vector<uint32_t> every(app.data.goals.size());
    for (uint32_t i = 0; i < every.size(); ++i) every[i] = i;
    app.view.summaries(app.data, frame, every, [&out, lang = frame.locale.lang](uint32_t, const ui::ShownGoal& row) {
        if (out.size() > 1) out += ',';
        append_shown_goal(out, row, lang);
    });
    out += ']';
    return out;
}

// gp_state(2): {"base": revision, "goals": [...]}, where a number is the place of the same line in the list of
// that revision, the one last handed (as it was written: a line depends on nothing but its goal and the key).
const std::string& shown_goals_changes(App& app, const ui::FrameContext& frame) {
    mirror_revision(app, frame);
    ShownGoalsCache& cache = app.shown_goals;
    const std::vector<uint64_t>& was = cache.handed_goals;
    const std::vector<uint64_t>& now = cache.goals;
    std::vector<int64_t> place(now.size(), -1);
    if (cache.handed_key == cache.key) {
        std::unordered_map<uint64_t, uint32_t> by_revision;  // made when first needed
        place = former_places(now.size(), was.size(), [&](size_t i, size_t j) { return was[j] == now[i]; },
                              [&](size_t i) -> size_t {
                                  if (by_revision.empty())
                                      for (uint32_t k = 0; k < was.size(); ++k) by_revision.emplace(was[k], k);
                                  const auto at = by_revision.find(now[i]);
                                  return at == by_revision.end() ? was.size() : at->second;
                              });
    }
    std::vector<uint32_t> changed;
    for (uint32_t i = 0; i < now.size(); ++i)
        if (place[i] < 0) changed.push_back(i);
    std::vector<std::string> written(now.size());
    app.view.summaries(app.data, frame, changed, [&written, lang = frame.locale.lang](uint32_t i, const ui::ShownGoal& row) {
        append_shown_goal(written[i], row, lang);
    });
    static std::string out;
    out = "{\"base\":" + std::to_string(cache.handed) + ",\"goals\":[";
    for (uint32_t i = 0; i < now.size(); ++i) {
        if (i) out += ',';
        if (place[i] >= 0) out += std::to_string(place[i]);
        else out += written[i];
    }
    out += "]}";
    hand_over(cache);
    return out;
}


// Where the last frame drew its named controls ("tab.editor", "row:<id>", "editor.save", ...), as
// [x0, y0, x1, y1] in CSS pixels from the canvas's top left: for tests that drive the canvas with a pointer.
Json controls_json(const ui::Shown& shown) {
    Json out = Json::object();
    for (const ui::ShownRect& r : shown.rects) out[r.name] = {r.x0, r.y0, r.x1, r.y1};
    return out;
}

// The editor as the last frame left it: the goal being edited (as typed), the errors it shows, and the
// line about saving.
Json editor_json(const App& app) {
    const ui::EditorState& editor = app.view.state().editor;
    Json draft;
    if (editor.draft) draft = json_object({{"id", editor.draft->id}, {"title", editor.draft->title}, {"new", editor.is_new}});
    return json_object({{"draft", std::move(draft)}, {"errors", errors_to_json(editor.errors)}, {"note", ui::say(app.data.save_note, frame_context(app).locale.lang)}});
}

}  // namespace

}  // namespace gp::web

extern "C" {

// The inspection state as JSON (goalpost_abi.h): what the widget loaded and shows. The goal list comes on
// its own (`part` 1, or `part` 2 as changes to the list last handed): at 10,000 goals it is 2 MB of JSON, so
// the loader asks for it, and parses it, only when gp_mirror_revision() moved; the rest (`part` 0) is a few
// kilobytes, read at every state().
EMSCRIPTEN_KEEPALIVE const char* gp_state(int part) {
    using namespace gp::web;
    if (part == 1) {
        static const std::string none = "[]";
        return g_app ? shown_goals_json(*g_app, frame_context(*g_app)).c_str() : none.c_str();
    }
    if (part == 2) {
        static const std::string none = "{\"base\":0,\"goals\":[]}";
        return g_app ? shown_goals_changes(*g_app, frame_context(*g_app)).c_str() : none.c_str();
    }
    gp::Json state;
    state["started"] = g_app != nullptr;
    if (g_app) {
        App& app = *g_app;
        const gp::ui::FrameContext frame = frame_context(app);
        const std::optional<gp::ui::PeriodNote> note = app.view.period_note(app.data, frame);
        // One key at a time: nlohmann's initializer list of pairs builds and checks a temporary per pair
        // (about 300 bytes of wasm per key), and json_object() came out 0.3 KB brotli larger here.
        state["ready"] = app.ready;
        state["loading"] = app.data.loading;
        state["status"] = app.data.status;
        state["goal_count"] = app.data.goals.size();
        state["errors"] = gp::errors_to_json(app.data.errors);
        state["warnings"] = gp::errors_to_json(app.data.warnings);
        gp::Json& period = state["period"];
        period["start"] = gp::format_civil_date(app.view.shown().period.start);
        period["end"] = gp::format_civil_date(app.view.shown().period.end);
        period["label"] = app.view.shown().period_label;
        state["notice"] = note ? gp::Json(note->text) : gp::Json();
        state["as_of"] = app.options.as_of ? gp::Json(gp::format_civil_date(*app.options.as_of)) : gp::Json();
        gp::Json& span = state["data_span"];
        if (app.data.data_span) {
            span["first"] = app.data.data_span->first;
            span["last"] = app.data.data_span->last;
        }
        state["tab"] = gp::ui::tab_label(app.view.shown().tab, gp::ui::Lang::en);
        state["lang"] = gp::ui::lang_code(frame.locale.lang);
        state["phrases"] = phrases_json(frame.locale.lang);
        state["page"] = app.options.page_url;
        gp::Json& font = state["font"];
        font["css"] = app.font.css_font();
        font["glyphs"] = app.font.glyphs();
        font["inked_glyphs"] = app.font.inked_glyphs();
        state["controls"] = controls_json(app.view.shown());
        state["matches"] = app.workspace.matches().size();
        state["conversions"] = app.workspace.conversions().size();
        state["editor"] = editor_json(app);
        state["frames_drawn"] = app.frames_drawn;
        state["loop_paused"] = app.loop_paused;
        add_goal_sources_state(app, state);
        add_data_sources_state(app, state);
        add_saves_state(app, state);
    }
    static std::string buffer;
    buffer = state.dump(-1, ' ', false, gp::Json::error_handler_t::replace);
    return buffer.c_str();
}

// What the page's accessibility mirror shows (the goal list, the as-of day and an empty period's note, the
// loading flag) changes only with this number, so the loader rebuilds the mirror only when it moves: most
// events (a match for a goal off screen, a refresh that changed nothing) leave it.
EMSCRIPTEN_KEEPALIVE unsigned gp_mirror_revision() {
    if (!gp::web::g_app) return 0;
    return gp::web::mirror_revision(*gp::web::g_app, gp::web::frame_context(*gp::web::g_app));
}

}  // extern "C"
