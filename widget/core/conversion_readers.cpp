// Readers for logs, conversions and external matches (see conversion_readers.hpp).
//
// Index
// - [SECTION] Checked access
// - [SECTION] Event log (JSON lines)
// - [SECTION] Zendesk Chat conversions
// - [SECTION] giosg external matches
// - [SECTION] Either vendor's conversions
#include "core/conversion_readers.hpp"

#include <algorithm>

#include <cmath>
#include <cstdio>


#include "core/calendar.hpp"
#include "core/json_access.hpp"

namespace gp {

//-----------------------------------------------------------------------------
// [SECTION] Checked access
//-----------------------------------------------------------------------------

namespace {

// Reads members of one JSON object, type-checking each and recording an Error naming its place.
class Fields {
public:
    Fields(const Json& object, std::string path, std::vector<Error>& errors)
        : object_(object), path_(std::move(path)), errors_(errors) {}

    const Json* find(const char* key) const {
        if (!object_.is_object()) return nullptr;
        auto it = object_.find(key);
        return it == object_.end() || it->is_null() ? nullptr : &*it;
    }

    // Strings, and integer ids as their decimal text.
    bool text(const char* key, std::string& out, bool required) {
        const Json* v = find(key);
        if (!v) return !required || fail(key, "required", "is required");
        if (const auto* s = v->get_ptr<const std::string*>()) {
            out = *s;
            return true;
        }
        if (v->is_number_integer()) {
            out = v->dump();
            return true;
        }
        return fail(key, "type_mismatch", "must be a string");
    }

    // Numbers, and decimal strings ("123.45": the vendors send money as text).
    bool number(const char* key, std::optional<double>& out) {
        const Json* v = find(key);
        if (!v) return true;
        if (v->is_number()) {
            out = v->get<double>();
            return std::isfinite(*out) || fail(key, "bad_number", "must be a finite number");
        }
        const auto* s = v->get_ptr<const std::string*>();
        if (!s) return fail(key, "type_mismatch", "must be a number or a decimal string");
        if (s->empty()) return true;  // giosg: "If there is no default value, the value is left empty"
        const std::optional<double> d = parse_decimal(*s);
        if (!d) return fail(key, "bad_number", "'" + *s + "' is not a decimal number");
        out = *d;
        return true;
    }

    // ISO-8601 text, or epoch milliseconds as an integer.
    bool timestamp(const char* key, TimestampMs& out, bool required) {
        const Json* v = find(key);
        if (!v) return !required || fail(key, "required", "is required");
        if (v->is_number_integer()) {
            out = v->get<int64_t>();
            return true;
        }
        const auto* s = v->get_ptr<const std::string*>();
        if (!s) return fail(key, "type_mismatch", "must be an ISO-8601 timestamp or epoch milliseconds");
        const std::optional<TimestampMs> parsed = parse_timestamp(*s);
        if (!parsed) return fail(key, "bad_timestamp", "'" + *s + "' is not an ISO-8601 timestamp");
        out = *parsed;
        return true;
    }

    bool string_list(const char* key, std::vector<std::string>& out, bool required) {
        const Json* v = find(key);
        if (!v || (v->is_array() && v->empty())) return !required || fail(key, "required", "needs at least one entry");
        if (!v->is_array()) return fail(key, "type_mismatch", "must be an array of strings");
        for (const Json& item : *v) {
            const auto* s = item.get_ptr<const std::string*>();
            if (!s) return fail(key, "type_mismatch", "must be an array of strings");
            out.push_back(*s);
        }
        return true;
    }

    const std::string& path() const { return path_; }

private:
    bool fail(const char* key, const char* code, const std::string& what) {
        errors_.push_back({path_ + "/" + key, code, std::string(key) + " " + what, 400});
        return false;
    }

    const Json& object_;
    std::string path_;
    std::vector<Error>& errors_;
};

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
    Fields f(line, path, errors);
    bool ok = f.text("visitor_id", v.visitor_id, true);
    ok &= f.timestamp("at", v.at, true);
    ok &= f.text("url", v.url, false) && f.text("title", v.title, false) && f.text("referrer", v.referrer, false);
    ok &= f.text("event", v.event_name, false) && f.text("room", v.room, false);
    ok &= f.text("agent_id", v.agent_id, false) && f.text("department_id", v.department_id, false);
    ok &= f.number("goal_value", v.goal_value);
    if (const Json* ev = f.find("event_value")) {
        if (ev->is_number()) v.event_value = ev->dump();
        else ok &= f.text("event_value", v.event_value, false);
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

namespace {

void read_attribution(Fields& parent, Conversion& c, std::vector<Error>& errors) {
    const Json* a = parent.find("attribution");
    if (!a) return;
    if (!a->is_object()) {
        errors.push_back({parent.path() + "/attribution", "type_mismatch", "attribution must be an object", 400});
        return;
    }
    Fields f(*a, parent.path() + "/attribution", errors);
    Touch t;
    t.visitor_id = c.visitor_id;
    const bool ok = f.text("agent_id", t.agent_id, true) && f.text("department_id", t.department_id, false) &&
                    f.text("agent_name", c.agent_name, false) && f.text("department_name", c.department_name, false) &&
                    f.timestamp("chat_timestamp", t.at, false);
    if (ok) c.attributed_to = std::move(t);
}

// `context` carries the chat's ids into its conversions (an export record names them itself).
void read_conversion(const Json& item, const std::string& path, const Conversion& context, ConversionsRead& out) {
    if (!item.is_object()) {
        out.errors.push_back({path, "type_mismatch", "a conversion must be an object", 400});
        return;
    }
    Fields f(item, path, out.errors);
    Conversion c = context;
    bool ok = f.text("id", c.id, false) && f.text("goal_id", c.goal_id, true);
    ok &= f.text("goal_name", c.goal_name, false) && f.timestamp("timestamp", c.at, true);
    ok &= f.text("chat_id", c.chat_id, false) && f.text("visitor_id", c.visitor_id, false);
    if (!ok) return;
    const size_t errors_before = out.errors.size();
    read_attribution(f, c, out.errors);
    if (out.errors.size() == errors_before) out.conversions.push_back(std::move(c));
}

void read_conversion_array(const Json* list, const std::string& path, const Conversion& context, ConversionsRead& out) {
    if (!list) return;
    if (!list->is_array()) {
        out.errors.push_back({path, "type_mismatch", "conversions must be an array", 400});
        return;
    }
    for (size_t i = 0; i < list->size(); ++i)
        read_conversion((*list)[i], path + "/" + std::to_string(i), context, out);
}

void read_chat(const Json& chat, const std::string& path, ConversionsRead& out) {
    if (!chat.is_object()) {
        out.errors.push_back({path, "type_mismatch", "a chat must be an object", 400});
        return;
    }
    Fields f(chat, path, out.errors);
    Conversion context;
    f.text("id", context.chat_id, false);
    if (const Json* visitor = f.find("visitor"); visitor && visitor->is_object()) {
        Fields vf(*visitor, path + "/visitor", out.errors);
        vf.text("id", context.visitor_id, false);
    }
    read_conversion_array(f.find("conversions"), path + "/conversions", context, out);
}

}  // namespace

namespace {

void read_chats_document(const Json& doc, ConversionsRead& out) {
    const Json* chats = &doc;
    std::string base;
    if (doc.is_object() && doc.contains("chats")) {
        chats = &doc["chats"];
        base = "/chats";
    }
    if (chats->is_array()) {
        for (size_t i = 0; i < chats->size(); ++i) read_chat((*chats)[i], base + "/" + std::to_string(i), out);
    } else {
        read_chat(*chats, base, out);
    }
}

void read_export_document(const Json& doc, ConversionsRead& out) {
    if (!doc.is_object() || !doc.contains("conversions")) {
        out.errors.push_back({"/conversions", "required", "the export page needs a conversions array", 400});
        return;
    }
    read_conversion_array(&doc["conversions"], "/conversions", Conversion{}, out);
    Fields f(doc, "", out.errors);
    f.text("next_page", out.next.url, false);
    // end_time is in seconds in the export; the model counts milliseconds.
    if (const Json* end = f.find("end_time"); end && end->is_number_integer()) out.end_time = end->get<int64_t>() * 1000;
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
    const bool export_page = doc.is_object() && doc.contains("conversions") && !doc.contains("id");
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
    Fields f(item, path, out.errors);
    ExternalMatch m;
    m.goal_id = goal_id;
    bool ok = f.text("goal_id", m.goal_id, false) && f.text("visitor_identity", m.visitor_identity, true);
    ok &= f.timestamp("goal_matched_at", m.matched_at, true);
    ok &= f.number("goal_value", m.value);
    ok &= f.string_list("rooms", m.rooms, true);
    if (ok && m.goal_id.empty()) {
        out.errors.push_back({path + "/goal_id", "required", "the match names no goal", 400});
        ok = false;
    }
    if (ok) out.matches.push_back(std::move(m));
}

void read_giosg_document(const Json& doc, const std::string& goal_id, ExternalMatchesRead& out) {
    if (doc.is_array()) {
        for (size_t i = 0; i < doc.size(); ++i) read_external(doc[i], "/" + std::to_string(i), goal_id, out);
    } else {
        read_external(doc, "", goal_id, out);
    }
}

// giosg's matches are the only conversions that name a `visitor_identity`. Any item that does decides, so
// that a page whose first match is broken is still read (and its error reported) as giosg's.
bool is_giosg_matches_document(const Json& doc) {
    const auto names_visitor = [](const Json& item) { return item.is_object() && item.contains("visitor_identity"); };
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

}  // namespace gp
