// The page's methods (gp_call) and the edits of the widget's own editor.
//
// Every method takes its arguments as a JSON object and answers {"result": ...} or {"error": {"code",
// "message", ...}}; methods never abort and never take the widget down. The goal methods (track, results,
// find, explain, add, update, remove) are the workspace's; only what concerns drawing is answered here. An
// edit that goes to a vendor (save="vendor") also answers {"save": id} (saving.cpp).
#include <algorithm>

#include <emscripten/emscripten.h>

#include "app.hpp"
#include "core/json_access.hpp"
#include "core/model_names.hpp"
#include "goalpost_abi.h"
#include "ui/core_bridge.hpp"

namespace gp::web {

namespace {

// What the page passes in (method arguments) is read like any outside bytes; a method's argument (a goal
// body, an event) is small, but a page may hand over a whole goal list to add.
constexpr ParseLimits kPageJsonLimits{16u * 1024u * 1024u, 64};

struct MethodReply {
    Json result;
    std::optional<Error> error;
    Json errors;       // every field error of a refused body
    unsigned save = 0;  // the save this edit started, if any
};

MethodReply answer(Json result) {
    MethodReply reply;
    reply.result = std::move(result);
    return reply;
}

MethodReply method_error(std::string code, std::string message, int status = 400) {
    MethodReply reply;
    reply.error = Error{"", std::move(code), std::move(message), status};
    return reply;
}

MethodReply call_set_theme(App& app, const Json& args) {
    const Json* theme = args.is_object() && args.contains("theme") ? &args["theme"] : nullptr;
    if (!theme || !theme->is_string() || (*theme != "light" && *theme != "dark"))
        return method_error("bad_theme", "theme must be light or dark");
    apply_theme(app, theme->get_ref<const std::string&>());
    request_frames();
    return answer(*theme);
}

std::string string_argument(const Json& args, const char* key) {
    const auto it = args.find(key);
    return it != args.end() && it->is_string() ? it->get_ref<const std::string&>() : std::string();
}

// The host page's URL changed ({url}): a single-page app navigated without reloading. It becomes the
// default URL of track() and the page whose matching goals the conversions view lists.
MethodReply call_set_page(App& app, const Json& args) {
    std::string url = string_argument(args, "url");
    if (url.empty()) return method_error("bad_url", "url must be a non-empty string");
    if (url != app.options.page_url) {
        app.options.page_url = url;
        app.data.current_page_url = std::move(url);
        request_frames();
    }
    return answer(Json(app.options.page_url));
}

// {asOf: "2026-11-20"} shows every figure as of that day; {asOf: ""} follows the page's clock again.
MethodReply call_set_as_of(App& app, const Json& args) {
    const std::string day = string_argument(args, "asOf");
    const std::optional<Date> parsed = parse_civil_date(day);
    if (!day.empty() && !parsed) return method_error("bad_as_of", "asOf is a date, YYYY-MM-DD, or empty for the page's clock");
    app.options.as_of = parsed;
    request_frames();
    return answer(app.options.as_of ? Json(format_civil_date(*app.options.as_of)) : Json());
}

// The page's font family changed, or a web font it names finished loading ({family}): the glyphs are drawn
// again at the next frame.
MethodReply call_set_font(App& app, const Json& args) {
    use_page_font(app, string_argument(args, "family"));
    request_frames();
    return answer(Json(true));
}

// Opens a view: {tab: "overview" | "detail" | "conversions" | "url_tester" | "editor"}, and for the detail
// view the goal {id}. For deep links from the page, and for the README's screenshots.
MethodReply call_show(App& app, const Json& args) {
    using ui::Tab;
    constexpr std::pair<const char*, Tab> kTabs[] = {{"overview", Tab::overview}, {"detail", Tab::detail},
                                                     {"conversions", Tab::conversions}, {"url_tester", Tab::url_tester},
                                                     {"editor", Tab::editor}};
    const std::string id = string_argument(args, "id");
    std::string tab = string_argument(args, "tab");
    if (tab.empty()) tab = id.empty() ? "overview" : "detail";
    const auto known = std::find_if(std::begin(kTabs), std::end(kTabs), [&](const auto& t) { return tab == t.first; });
    if (known == std::end(kTabs)) return method_error("bad_tab", "no such view: " + tab);
    ui::ViewState& view = app.view.state();
    if (!id.empty()) {
        const auto& goals = app.data.goals;
        if (std::none_of(goals.begin(), goals.end(), [&](const Goal& g) { return g.id == id; }))
            return method_error("not_found", "no goal with id " + id, 404);
        view.selected_goal_id = id;
    }
    view.tab = known->second;
    request_frames();
    return answer(json_object({{"tab", tab}, {"id", id.empty() ? Json() : Json(id)}}));
}

// Options the page changed after start ({theme: "dark"}, {deals: URL}, ...: gp_start's names and values);
// what they concern is reloaded or redrawn, nothing else. Problems come as "error" events, as at start.
MethodReply call_set_options(App& app, const Json& args) {
    apply_options(app, args, "options");
    return answer(Json(true));
}

using Method = MethodReply (*)(App&, const Json& args);
struct MethodEntry {
    const char* name;
    Method run;
};
constexpr MethodEntry kMethods[] = {
    {"set_as_of", call_set_as_of},
    {"set_font", call_set_font},
    {"set_options", call_set_options},
    {"set_page", call_set_page},
    {"set_theme", call_set_theme},
    {"show", call_show},
};

CallContext call_context(const App& app) {
    CallContext context;
    context.now = shown_now(app);
    context.zone_offset_minutes = app.options.zone_offset_minutes;
    context.page_url = app.options.page_url;
    return context;
}

MethodReply call_workspace(App& app, const std::string& name, const Json& args) {
    const uint64_t generation = app.workspace.generation();
    CallReply reply = app.workspace.call(name, args, call_context(app));
    MethodReply out;
    if (reply.ok() && reply.change) {
        const SaveStart save = save_to_vendor(app, *reply.change, false);
        if (save.refused) {
            reply.error = Error{"", "save_refused", ui::say(save.why, ui::Lang::en), 400};
            reply.result = Json();
        }
        out.save = save.serial;
    }
    if (app.workspace.generation() != generation) {
        show_workspace(app);
        request_frames();
    }
    if (!reply.errors.empty()) out.errors = errors_to_json(reply.errors);
    if (reply.ok()) out.result = std::move(reply.result);
    else out.error = std::move(reply.error);
    return out;
}

}  // namespace

// The editor's edits, after the frame that made them: through the workspace (the same rules as the page's
// add, update and remove), then to the vendor when saving is on.
void apply_view_actions(App& app) {
    for (const ui::Action& action : app.view.take_actions()) {
        using Kind = ui::Action::Kind;
        if (action.kind == Kind::retry) {
            reload_goal_sources(app);
            continue;
        }
        const GoalEdit edit = action.kind == Kind::create_goal   ? GoalEdit::create
                              : action.kind == Kind::update_goal ? GoalEdit::update
                                                                 : GoalEdit::remove;
        const CallReply reply = app.workspace.edit(edit, action.goal, TimestampMs(emscripten_date_now()));
        ui::EditorState& editor = app.view.state().editor;
        if (reply.ok()) {
            // A created goal gets its id from the store; the draft the editor keeps open takes it too.
            if (edit == GoalEdit::create && editor.draft && reply.change && reply.change->after)
                editor.draft->id = reply.change->after->id;
            if (reply.change) {
                const SaveStart save = save_to_vendor(app, *reply.change, true);
                if (!save.serial && !save.why.empty() && !save.refused) app.data.save_note = save.why;
            }
        } else if (editor.draft && edit != GoalEdit::remove) {
            // The store's own rules (e.g. Zendesk's five active goals) refused it: shown at the fields they
            // name, and a refused create stays a create. Nothing was sent.
            editor.errors.clear();
            const std::vector<Error>& errors = reply.errors.empty() ? std::vector<Error>{*reply.error} : reply.errors;
            for (Error e : errors) {
                e.path = ui::canonical_field_path(action.goal.vendor, e.path);
                editor.errors.push_back(std::move(e));
            }
            editor.is_new = edit == GoalEdit::create;
        }
        show_workspace(app);
        if (!reply.ok() && (edit == GoalEdit::remove || !editor.draft)) {
            // The strip says why the editor's edit did not go through, until the sources' lines are shown again.
            const std::string reason = ui::error_message(reply.error->code, reply.error->message, frame_context(app).locale.lang);
            app.data.statuses = {{std::string(), {edit == GoalEdit::remove ? ui::Msg::source_delete_failed : ui::Msg::source_save_failed,
                                                  {{"reason", reason}}}}};
            app.data.status = ui::status_line(app.data.statuses, ui::Lang::en);
        }
        request_frames();
    }
}

}  // namespace gp::web

extern "C" EMSCRIPTEN_KEEPALIVE const char* gp_call(const char* method, const char* args_json) {
    using namespace gp::web;
    static std::string buffer;
    gp::Json reply;
    const std::string name = method ? method : "";
    const gp::Json args = gp::parse_json(args_json ? args_json : "{}", kPageJsonLimits).doc;
    const MethodEntry* entry = nullptr;
    for (const MethodEntry& m : kMethods)
        if (name == m.name) entry = &m;
    MethodReply outcome;
    if (!g_app)
        outcome = method_error("not_started", "the widget has not started", 409);
    else if (args.is_discarded() || !args.is_object())
        outcome = method_error("bad_arguments", "arguments must be a JSON object");
    else if (entry)
        outcome = entry->run(*g_app, args);
    else
        outcome = call_workspace(*g_app, name, args);
    if (outcome.error) {
        reply["error"] = gp::json_object({{"code", outcome.error->code}, {"message", outcome.error->message},
                                          {"status", outcome.error->status}, {"path", outcome.error->path}});
        if (!outcome.errors.is_null()) reply["error"]["errors"] = std::move(outcome.errors);
    } else {
        reply["result"] = std::move(outcome.result);
        if (outcome.save) reply["save"] = outcome.save;
    }
    buffer = reply.dump(-1, ' ', false, gp::Json::error_handler_t::replace);
    return buffer.c_str();
}
