// Edits sent to the vendor their goal came from (the save="vendor" option; docs/embedding.md, "Saving").
//
// The workspace makes the change at once, so it shows at once; this file sends the vendor's request for it
// (core/vendor_api.hpp says which, with what body) and settles it by the answer:
// - 2xx: the vendor's own version of the goal replaces the local one (a created goal takes the vendor's id),
//   and a "saved" event carries the vendor's response body;
// - 4xx, 5xx, no answer, a timeout: the change is reverted, the editor shows the vendor's reason at the
//   field or above the form, and an "error" event with stage "save" says why;
// - 409 and 412 (the goal changed at the vendor since it was loaded): reverted, and the source reloaded.
// A POST is never repeated (a second one could create the goal twice); PUT, PATCH and DELETE follow the
// loaders' retry policy (data_loader.hpp). The page's headers callback is asked for each request.
#include <algorithm>

#include <emscripten/emscripten.h>

#include "app.hpp"
#include "core/json_access.hpp"
#include "core/model_names.hpp"
#include "core/vendor_api.hpp"
#include "fetch_transport.hpp"
#include "ui/core_bridge.hpp"

namespace gp::web {


namespace {

const char* const kActions[] = {"add", "update", "remove"};

PendingSave* save_by_serial(App& app, unsigned serial) {
    for (auto& save : app.saves)
        if (save->serial == serial) return save.get();
    return nullptr;
}

// The goal the change is about, under the id the workspace knows it by now.
const Goal& goal_of(const PendingSave& save) {
    return save.change.after && save.change.kind != GoalEdit::remove ? *save.change.after : *save.change.before;
}

void finish(App& app, PendingSave* save) {
    for (auto ticket = app.header_tickets.begin(); ticket != app.header_tickets.end();)
        ticket = ticket->second.target == HeaderTicket::For::save && ticket->second.serial == save->serial
                     ? app.header_tickets.erase(ticket)
                     : std::next(ticket);
    const auto it = std::find_if(app.saves.begin(), app.saves.end(), [&](const auto& s) { return s.get() == save; });
    if (it != app.saves.end()) app.saves.erase(it);
}

// The editor still shows the goal the change is about: what the user typed stays, with the vendor's
// reasons at their fields (or above the form); a refused create can be sent again as a create.
void show_refusal_in_editor(App& app, const PendingSave& save, const std::vector<Error>& errors, const std::string& message) {
    ui::EditorState& editor = app.view.state().editor;
    if (!save.from_editor || !editor.draft || editor.draft->id != goal_of(save).id) return;
    editor.errors.clear();
    for (Error e : errors) {
        e.path = ui::canonical_field_path(save.vendor, e.path);
        editor.errors.push_back(std::move(e));
    }
    if (editor.errors.empty()) editor.errors.push_back({"", "refused", message, 400});
    if (save.change.kind == GoalEdit::create) {
        editor.is_new = true;
        editor.draft->id.clear();
    }
}

// `code`: what the widget itself found wrong (a pending create, the page's headers), for saying `message`
// in the page's language (ui::error_message); empty for the vendor's own reasons, which stay as written.
void refused(App& app, PendingSave* save, int status, const std::string& message, const std::vector<Error>& errors,
             bool conflict, bool timed_out, const char* code = "") {
    const std::string vendor = ui::vendor_label(save->vendor);
    const bool reverted = app.workspace.revert(save->change);
    const std::string said = ui::error_message(code, message, frame_context(app).locale.lang);
    ui::Message note{reverted ? ui::Msg::save_refused_undone : ui::Msg::save_refused, {{"vendor", vendor}, {"reason", said}}};
    if (conflict) note = {ui::Msg::save_conflict, {{"vendor", vendor}}};
    app.data.save_note = note;
    show_refusal_in_editor(app, *save, errors, conflict ? ui::say(note, frame_context(app).locale.lang) : said);
    Json detail = json_object({{"stage", "save"},        {"save", save->serial},
                               {"action", kActions[size_t(save->change.kind)]},
                               {"id", goal_of(*save).id}, {"source", save->change.source},
                               {"vendor", name_of(save->vendor)},
                               {"status", status},       {"message", message},
                               {"reverted", reverted},   {"conflict", conflict},
                               {"timed_out", timed_out}, {"method", method_name(save->request.method)}});
    if (!errors.empty()) detail["errors"] = errors_to_json(errors);
    const std::string source = save->change.source;
    // A create that timed out may have been made at the vendor all the same: the source's list says.
    const bool reload = conflict || (timed_out && save->change.kind == GoalEdit::create && save->sent);
    finish(app, save);
    show_workspace(app);
    emit("error", detail);
    if (reload) reload_goal_source(app, source);
    request_frames();
}

void taken(App& app, PendingSave* save, int status, std::string_view body) {
    ReadOptions options;
    options.format = save->vendor;
    options.giosg_codes = app.workspace.codes_for_readers();
    ApiReply reply = read_write_reply(save->vendor, save->change.kind, status, body, options);
    if (!reply.ok) {
        // A 2xx whose body says the vendor did not do it (Pipedrive's {"success": false}).
        refused(app, save, status, reply.message.empty() ? "HTTP " + std::to_string(status) : reply.message, reply.errors,
                reply.conflict, false);
        return;
    }
    const std::string local_id = goal_of(*save).id;
    std::string id = local_id;
    if (reply.goal && save->change.kind != GoalEdit::remove) {
        if (reply.goal->id.empty()) reply.goal->id = local_id;
        id = reply.goal->id;
        app.workspace.settle(save->change, std::move(*reply.goal));
        // The editor keeps showing the goal it saved, under the vendor's id.
        ui::EditorState& editor = app.view.state().editor;
        if (editor.draft && editor.draft->id == local_id) editor.draft->id = id;
        if (app.view.state().selected_goal_id == local_id) app.view.state().selected_goal_id = id;
    }
    app.data.save_note = {ui::Msg::save_saved, {{"vendor", ui::vendor_label(save->vendor)}}};
    const ParsedJson parsed = parse_json(body, ParseLimits{});
    Json detail = json_object({{"save", save->serial},
                               {"action", kActions[size_t(save->change.kind)]},
                               {"id", id},
                               {"local_id", local_id},
                               {"source", save->change.source},
                               {"vendor", name_of(save->vendor)},
                               {"status", status},
                               {"body", parsed.doc.is_discarded() ? Json() : parsed.doc}});
    if (!reply.warnings.empty()) detail["warnings"] = errors_to_json(reply.warnings);
    finish(app, save);
    show_workspace(app);
    emit("saved", detail);
    request_frames();
}

void send(App& app, PendingSave& save);

void ask_headers_then_send(App& app, PendingSave& save);

void on_retry_timer(void* user) {
    if (!g_app) return;
    PendingSave* save = save_by_serial(*g_app, unsigned(reinterpret_cast<uintptr_t>(user)));
    if (!save) return;
    save->timer = 0;
    ask_headers_then_send(*g_app, *save);  // a token may have expired since the first attempt
}

void on_headers_late(void* user) {
    if (!g_app) return;
    PendingSave* save = save_by_serial(*g_app, unsigned(reinterpret_cast<uintptr_t>(user)));
    if (!save || save->in_flight) return;
    save->timer = 0;
    refused(*g_app, save, 0, "the page's headers callback did not answer in time", {}, false, true, "headers_failed");
}

void on_reply(void* user, const FetchResult& result) {
    if (!g_app) return;
    App& app = *g_app;
    PendingSave* save = save_by_serial(app, unsigned(reinterpret_cast<uintptr_t>(user)));
    if (!save) return;
    save->in_flight = nullptr;
    if (result.status >= 200 && result.status < 300) {
        taken(app, save, result.status, result.body);
        return;
    }
    // Repeating a POST could create the goal twice: only the idempotent methods are tried again.
    const bool idempotent = save->request.method != HttpMethod::post;
    if (idempotent && is_retryable(result.status) && save->attempt < app.loading.max_retries) {
        const double wait_ms = result.retry_after_ms >= 0 ? result.retry_after_ms : backoff_ms(save->attempt);
        ++save->attempt;
        save->timer = emscripten_set_timeout(on_retry_timer, wait_ms, reinterpret_cast<void*>(uintptr_t(save->serial)));
        return;
    }
    if (result.status == 0) {
        refused(app, save, 0, result.error, {}, false, result.timed_out);
        return;
    }
    const ApiReply reply = read_write_reply(save->vendor, save->change.kind, result.status, result.body);
    refused(app, save, result.status, reply.message.empty() ? result.error : reply.message, reply.errors, reply.conflict, false);
}

// The page's headers callback has as long to answer as a request has; then the request goes.
void on_headers_late(void* user);
void ask_headers_then_send(App& app, PendingSave& save) {
    if (!app.loading.page_headers) {
        send(app, save);
        return;
    }
    save.headers.clear();
    save.timer = emscripten_set_timeout(on_headers_late, app.loading.timeout_ms, reinterpret_cast<void*>(uintptr_t(save.serial)));
    ask_for_headers(app, {HeaderTicket::For::save, save.serial, 0}, save.request.url, method_name(save.request.method));
}

void send(App& app, PendingSave& save) {
    FetchRequest request;
    request.url = save.request.url;
    request.timeout_ms = app.loading.timeout_ms;
    request.headers = save.headers;
    request.method = method_name(save.request.method);
    request.body = save.body;
    save.in_flight = fetch_start(request, on_reply, reinterpret_cast<void*>(uintptr_t(save.serial)));
    save.sent = save.sent || save.in_flight != nullptr;
    if (!save.in_flight)
        refused(app, &save, 0, "the request was refused before it was sent (its URL or a header is not valid)", {},
                false, false, "not_sendable");
}

}  // namespace

SaveStart save_to_vendor(App& app, const GoalChange& change, bool from_editor) {
    SaveStart start;
    if (app.options.save != ui::SaveMode::vendor) return start;
    Vendor vendor = app.workspace.vendor_of(change.source);
    if (vendor == Vendor::unknown)
        if (const GoalSource* source = goal_source(app, change.source)) vendor = source->option.format;
    if (change.source.empty()) {
        start.why = {ui::Msg::save_no_source, {}};
        return start;
    }
    if (vendor == Vendor::unknown) {
        start.why = {ui::Msg::error_vendor_unknown, {}};
        return start;
    }
    if (!vendor_writes_goals(vendor)) {
        start.why = {ui::Msg::save_read_only, {{"vendor", ui::vendor_label(vendor)}}};
        return start;
    }
    auto save = std::make_unique<PendingSave>();
    save->serial = app.next_serial++;
    save->change = change;
    save->vendor = vendor;
    save->from_editor = from_editor;
    std::vector<Error> errors;
    std::optional<ApiRequest> request =
        goal_write_request(vendor, change.source, change.kind, goal_of(*save), errors, nullptr, app.workspace.codes_for_readers());
    // One change of a goal at a time: its id is the page's own until its create is answered (an edit now
    // would name another goal at the vendor, or none), and a change made on top of one still in flight could
    // not be undone alone if the first were refused.
    const auto in_flight = std::find_if(app.saves.begin(), app.saves.end(), [&](const auto& other) {
        return other->change.source == change.source && goal_of(*other).id == goal_of(*save).id;
    });
    if (change.kind != GoalEdit::create && in_flight != app.saves.end()) {
        request.reset();
        errors = {(*in_flight)->change.kind == GoalEdit::create
                      ? Error{"", "create_pending", "the goal is still being created at the vendor: change it once it is saved", 409}
                      : Error{"", "save_pending", "the goal's last change is still being saved: make this one once it is answered", 409}};
    }
    app.saves.push_back(std::move(save));
    PendingSave& pending = *app.saves.back();
    if (!request) {
        start.refused = true;
        const std::string reason = errors.empty() ? ui::msg(ui::Msg::save_cannot_write, ui::Lang::en) : errors.front().message;
        const char* code = errors.empty() ? "" : errors.front().code.c_str();
        start.why = {ui::Msg::save_not_sent, {{"reason", ui::error_message(code, reason, ui::Lang::en)}}};
        refused(app, &pending, 0, reason, errors, false, false, code);
        return start;
    }
    pending.request = std::move(*request);
    if (!pending.request.body.is_null()) pending.body = pending.request.body.dump(-1, ' ', false, Json::error_handler_t::replace);
    app.data.save_note = {ui::Msg::save_saving, {{"vendor", ui::vendor_label(vendor)}}};
    const unsigned serial = start.serial = pending.serial;
    ask_headers_then_send(app, pending);
    if (!save_by_serial(app, serial)) {
        // Refused before it was sent (a URL or header the browser would not take): already undone.
        start = {0, true, {ui::Msg::save_not_sent, {{"reason", ui::msg(ui::Msg::error_not_sendable, ui::Lang::en)}}}};
    }
    return start;
}

void save_headers_ready(App& app, unsigned serial, const Json* headers) {
    PendingSave* save = save_by_serial(app, serial);
    if (!save || save->in_flight) return;
    if (save->timer) emscripten_clear_timeout(save->timer);
    save->timer = 0;
    if (!headers) {
        refused(app, save, 0, "the page's headers callback failed", {}, false, false, "headers_failed");
        return;
    }
    for (const auto& [name, value] : headers->items())
        if (value.is_string()) save->headers.emplace_back(name, value.get_ref<const std::string&>());
    send(app, *save);
}

void add_saves_state(const App& app, Json& state) {
    Json pending = Json::array();
    for (const auto& save : app.saves)
        pending.push_back(json_object({{"save", save->serial}, {"action", kActions[size_t(save->change.kind)]},
                                       {"method", method_name(save->request.method)}, {"url", save->request.url},
                                       {"attempt", save->attempt}}));
    state["save"] = app.options.save == ui::SaveMode::vendor ? "vendor" : "none";
    state["saving"] = std::move(pending);
}

void drop_saves(App& app) {
    for (auto& save : app.saves) {
        fetch_forget(save->in_flight);
        if (save->timer) emscripten_clear_timeout(save->timer);
    }
    app.saves.clear();
}

}  // namespace gp::web
