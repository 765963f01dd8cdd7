// Readers for logs, conversions and external matches (see conversion_readers.hpp).
//
// Index
// - [SECTION] Record fields
// - [SECTION] Event log (JSON lines)
// - [SECTION] Zendesk Chat conversions
// - [SECTION] giosg external matches
// - [SECTION] Either vendor's conversions
#include "core/conversion_readers.hpp"

#include <algorithm>
#include <cstdint>

#include "core/calendar.hpp"
#include "core/cold_code.hpp"
#include "core/json_access.hpp"

namespace gp {

//-----------------------------------------------------------------------------
// [SECTION] Record fields
//-----------------------------------------------------------------------------

namespace {

// Records are looked up through ObjectReader and their values read with the shared accessors
// (json_access.hpp). What is these formats' own is which fields are required and the messages: they name
// the key ("visitor_id is required"), since a log line has no documented schema a path alone would recall.

bool fail(ObjectReader& r, std::string_view key, const char* code, const std::string& what) {
    r.error(key, code, std::string(key) + " " + what);
    return false;
}

// Strings, and integer ids as their decimal text.
bool text(ObjectReader& r, std::string_view key, std::string& out, bool required) {
    const Json* v = r.value(key);
    if (!v) return !required || fail(r, key, "required", "is required");
    if (std::optional<std::string> s = id_value(v)) {
        out = std::move(*s);
        return true;
    }
    return fail(r, key, "type_mismatch", "must be a string");
}

// Numbers, and decimal strings ("123.45": the vendors send money as text).
bool number(ObjectReader& r, std::string_view key, std::optional<double>& out) {
    const Json* v = r.value(key);
    if (!v) return true;
    const std::string* s = string_value(v);
    if (!s && !v->is_number()) return fail(r, key, "type_mismatch", "must be a number or a decimal string");
    if (s && s->empty()) return true;  // giosg: "If there is no default value, the value is left empty"
    const std::optional<double> d = number_value(v);
    if (!d) return s ? fail(r, key, "bad_number", "'" + *s + "' is not a decimal number") : fail(r, key, "bad_number", "must be a finite number");
    out = *d;
    return true;
}

// ISO-8601 text, or epoch milliseconds as an integer.
bool timestamp(ObjectReader& r, std::string_view key, TimestampMs& out, bool required) {
    const Json* v = r.value(key);
    if (!v) return !required || fail(r, key, "required", "is required");
    if (v->is_number_integer()) {
        const std::optional<int64_t> ms = integer_value(v);
        if (!ms) return fail(r, key, "bad_timestamp", "is past the 64-bit range of epoch milliseconds");
        out = *ms;
        return true;
    }
    const std::string* s = string_value(v);
    if (!s) return fail(r, key, "type_mismatch", "must be an ISO-8601 timestamp or epoch milliseconds");
    const std::optional<TimestampMs> parsed = parse_timestamp(*s);
    if (!parsed) return fail(r, key, "bad_timestamp", "'" + *s + "' is not an ISO-8601 timestamp");
    out = *parsed;
    return true;
}

bool string_list(ObjectReader& r, std::string_view key, std::vector<std::string>& out, bool required) {
    const Json* v = r.value(key);
    if (!v || (v->is_array() && v->empty())) return !required || fail(r, key, "required", "needs at least one entry");
    if (!v->is_array()) return fail(r, key, "type_mismatch", "must be an array of strings");
    for (const Json& item : *v) {
        const std::string* s = string_value(&item);
        if (!s) return fail(r, key, "type_mismatch", "must be an array of strings");
        out.push_back(*s);
    }
    return true;
}

bool parse_checked(std::string_view payload, const ReaderLimits& limits, Json& doc, std::vector<Error>& errors) {
    ParsedJson parsed = parse_json(payload, {limits.max_bytes, limits.max_depth});
    errors.insert(errors.end(), parsed.errors.begin(), parsed.errors.end());
    doc = std::move(parsed.doc);
    return parsed.ok();
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Event log
//-----------------------------------------------------------------------------

namespace {

bool read_view(const Json& line, const std::string& path, PageView& v, std::vector<Error>& errors) {
    if (!line.is_object()) {
        errors.push_back({path, "type_mismatch", "each line must be a JSON object", 400});
        return false;
    }
    ObjectReader f(&line, path, errors);
    bool ok = text(f, "visitor_id", v.visitor_id, true);
    ok &= timestamp(f, "at", v.at, true);
    ok &= text(f, "url", v.url, false) && text(f, "title", v.title, false) && text(f, "referrer", v.referrer, false);
    ok &= text(f, "event", v.event_name, false) && text(f, "room", v.room, false);
    ok &= text(f, "agent_id", v.agent_id, false) && text(f, "department_id", v.department_id, false);
    ok &= number(f, "goal_value", v.goal_value);
    if (const Json* ev = f.value("event_value")) {
        if (ev->is_number()) v.event_value = ev->dump();
        else ok &= text(f, "event_value", v.event_value, false);
    }
    if (ok && v.url.empty() && v.event_name.empty() && v.agent_id.empty()) {
        errors.push_back({path, "required", "a record needs a url, an event or an agent", 400});
        ok = false;
    }
    return ok;
}

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r") == std::string_view::npos; }

}  // namespace

EventLogRead read_event_log(std::string_view text, const ReaderLimits& limits) {
    EventLogRead out;
    if (text.size() > limits.max_bytes) {
        out.errors.push_back({"", "too_large", "the log is larger than the limit", 413});
        return out;
    }
    size_t line_number = 0;
    while (!text.empty()) {
        const size_t nl = text.find('\n');
        const std::string_view line = text.substr(0, nl);
        text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
        ++line_number;
        if (blank(line)) continue;
        const std::string path = "/lines/" + std::to_string(line_number);
        ParsedJson parsed = parse_json(line, {limits.max_line_bytes, limits.max_depth});
        for (Error& e : parsed.errors) {
            e.path = path + e.path;  // the line's own path, then the place inside it
            out.errors.push_back(std::move(e));
        }
        if (!parsed.ok()) continue;
        const Json& doc = parsed.doc;
        PageView v;
        if (read_view(doc, path, v, out.errors)) out.views.push_back(std::move(v));
    }
    return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Zendesk Chat conversions
//-----------------------------------------------------------------------------

// From here to the end of the file (Zendesk's conversions, giosg's external matches): no benchmark reads
// them (read.data.event_log is the event log above), so in the shipped wasm they are built for size
// (core/cold_code.hpp).
GP_COLD_CODE_BEGIN

namespace {

void read_attribution(ObjectReader& parent, Conversion& c) {
    const Json* a = parent.value("attribution");
    if (!a) return;
    if (!a->is_object()) {
        fail(parent, "attribution", "type_mismatch", "must be an object");
        return;
    }
    ObjectReader f = parent.object("attribution");
    Touch t;
    t.visitor_id = c.visitor_id;
    const bool ok = text(f, "agent_id", t.agent_id, true) && text(f, "department_id", t.department_id, false) &&
                    text(f, "agent_name", c.agent_name, false) && text(f, "department_name", c.department_name, false) &&
                    timestamp(f, "chat_timestamp", t.at, false);
    if (ok) c.attributed_to = std::move(t);
}

// `context` carries the chat's ids into its conversions (an export record names them itself).
void read_conversion(const Json& item, const std::string& path, const Conversion& context, ConversionsRead& out) {
    if (!item.is_object()) {
        out.errors.push_back({path, "type_mismatch", "a conversion must be an object", 400});
        return;
    }
    ObjectReader f(&item, path, out.errors);
    Conversion c = context;
    bool ok = text(f, "id", c.id, false) && text(f, "goal_id", c.goal_id, true);
    ok &= text(f, "goal_name", c.goal_name, false) && timestamp(f, "timestamp", c.at, true);
    ok &= text(f, "chat_id", c.chat_id, false) && text(f, "visitor_id", c.visitor_id, false);
    if (!ok) return;
    const size_t errors_before = out.errors.size();
    read_attribution(f, c);
    if (out.errors.size() == errors_before) out.conversions.push_back(std::move(c));
}

void read_conversion_array(const Json* list, const std::string& path, const Conversion& context, ConversionsRead& out) {
    if (!list) return;
    if (!list->is_array()) {
        out.errors.push_back({path, "type_mismatch", "conversions must be an array", 400});
        return;
    }
    for (size_t i = 0; i < list->size(); ++i)
        read_conversion((*list)[i], child_path(path, i), context, out);
}

void read_chat(const Json& chat, const std::string& path, ConversionsRead& out) {
    if (!chat.is_object()) {
        out.errors.push_back({path, "type_mismatch", "a chat must be an object", 400});
        return;
    }
    ObjectReader f(&chat, path, out.errors);
    Conversion context;
    text(f, "id", context.chat_id, false);
    // A visitor that is not an object names no one; the chat's conversions still count.
    if (const Json* visitor = f.value("visitor"); visitor && visitor->is_object()) {
        ObjectReader vf = f.object("visitor");
        text(vf, "id", context.visitor_id, false);
    }
    read_conversion_array(f.value("conversions"), f.path_of("conversions"), context, out);
}

}  // namespace

namespace {

void read_chats_document(const Json& doc, ConversionsRead& out) {
    const Json* chats = &doc;
    std::string base;
    // A null "chats" still names the list: it is reported as a chat that is not an object.
    if (const Json* listed = find_member(doc, "chats")) {
        chats = listed;
        base = "/chats";
    }
    if (chats->is_array()) {
        for (size_t i = 0; i < chats->size(); ++i) read_chat((*chats)[i], child_path(base, i), out);
    } else {
        read_chat(*chats, base, out);
    }
}

// The export's end_time (seconds) whose milliseconds still fit the model's TimestampMs.
constexpr int64_t kMaxEpochSeconds = INT64_MAX / 1000;

void read_export_document(const Json& doc, ConversionsRead& out) {
    // A null list is reported as not an array, rather than as missing.
    const Json* conversions = find_member(doc, "conversions");
    if (!conversions) {
        out.errors.push_back({"/conversions", "required", "the export page needs a conversions array", 400});
        return;
    }
    read_conversion_array(conversions, "/conversions", Conversion{}, out);
    ObjectReader f(&doc, "", out.errors);
    text(f, "next_page", out.next.url, false);
    // end_time is in seconds in the export; the model counts milliseconds (a time past their range is dropped).
    if (const Json* end = f.value("end_time"); end && end->is_number_integer())
        if (const std::optional<int64_t> seconds = integer_value(end); seconds && *seconds <= kMaxEpochSeconds && *seconds >= -kMaxEpochSeconds)
            out.end_time = *seconds * 1000;
}

}  // namespace

ConversionsRead read_zendesk_chat_conversions(std::string_view payload, const ReaderLimits& limits) {
    ConversionsRead out;
    Json doc;
    if (parse_checked(payload, limits, doc, out.errors)) read_chats_document(doc, out);
    return out;
}

ConversionsRead read_zendesk_incremental_conversions(std::string_view payload, const ReaderLimits& limits) {
    ConversionsRead out;
    Json doc;
    if (parse_checked(payload, limits, doc, out.errors)) read_export_document(doc, out);
    return out;
}

// An export page is an object with `conversions` and no chat `id`; a chat has both.
namespace {

void read_zendesk_document(const Json& doc, ConversionsRead& out) {
    const bool export_page = find_member(doc, "conversions") && !find_member(doc, "id");
    if (export_page) read_export_document(doc, out);
    else read_chats_document(doc, out);
}

}  // namespace

ConversionsRead read_zendesk_conversions(std::string_view payload, const ReaderLimits& limits) {
    ConversionsRead out;
    Json doc;
    if (!parse_checked(payload, limits, doc, out.errors)) return out;
    read_zendesk_document(doc, out);
    return out;
}

//-----------------------------------------------------------------------------
// [SECTION] giosg external matches
//-----------------------------------------------------------------------------

namespace {

void read_external(const Json& item, const std::string& path, const std::string& goal_id, ExternalMatchesRead& out) {
    if (!item.is_object()) {
        out.errors.push_back({path, "type_mismatch", "a goal match must be an object", 400});
        return;
    }
    ObjectReader f(&item, path, out.errors);
    ExternalMatch m;
    m.goal_id = goal_id;
    bool ok = text(f, "goal_id", m.goal_id, false) && text(f, "visitor_identity", m.visitor_identity, true);
    ok &= timestamp(f, "goal_matched_at", m.matched_at, true);
    ok &= number(f, "goal_value", m.value);
    ok &= string_list(f, "rooms", m.rooms, true);
    if (ok && m.goal_id.empty()) {
        out.errors.push_back({path + "/goal_id", "required", "the match names no goal", 400});
        ok = false;
    }
    if (ok) out.matches.push_back(std::move(m));
}

void read_giosg_document(const Json& doc, const std::string& goal_id, ExternalMatchesRead& out) {
    if (doc.is_array()) {
        for (size_t i = 0; i < doc.size(); ++i) read_external(doc[i], child_path("", i), goal_id, out);
    } else {
        read_external(doc, "", goal_id, out);
    }
}

// giosg's matches are the only conversions that name a `visitor_identity`. Any item that does decides, so
// that a page whose first match is broken is still read (and its error reported) as giosg's.
bool is_giosg_matches_document(const Json& doc) {
    const auto names_visitor = [](const Json& item) { return find_member(item, "visitor_identity") != nullptr; };
    if (!doc.is_array()) return names_visitor(doc);
    return std::any_of(doc.begin(), doc.end(), names_visitor);
}

}  // namespace

ExternalMatchesRead read_giosg_matches(std::string_view payload, const std::string& goal_id, const ReaderLimits& limits) {
    ExternalMatchesRead out;
    Json doc;
    if (!parse_checked(payload, limits, doc, out.errors)) return out;
    read_giosg_document(doc, goal_id, out);
    return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Either vendor's conversions
//-----------------------------------------------------------------------------

AnyConversionsRead read_any_conversions(std::string_view payload, const std::string& giosg_goal_id,
                                        const ReaderLimits& limits) {
    AnyConversionsRead out;
    Json doc;
    if (!parse_checked(payload, limits, doc, out.zendesk.errors)) return out;
    out.giosg = is_giosg_matches_document(doc);
    if (out.giosg) read_giosg_document(doc, giosg_goal_id, out.giosg_matches);
    else read_zendesk_document(doc, out.zendesk);
    return out;
}

GP_COLD_CODE_END

}  // namespace gp
