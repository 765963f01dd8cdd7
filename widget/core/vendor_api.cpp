// The vendor layer's HTTP API (vendor_api.hpp): the rules every vendor shares, dispatching to the vendor
// files for what differs (vendors.hpp).
//
// Index
// - [SECTION] Dispatch
// - [SECTION] Paging
// - [SECTION] Write requests
// - [SECTION] Write replies
// - [SECTION] Field paths
#include "core/vendor_api.hpp"

#include "core/giosg_codes.hpp"
#include "core/model_names.hpp"
#include "core/url.hpp"
#include "core/validate.hpp"
#include "core/vendors.hpp"

namespace gp {

//-----------------------------------------------------------------------------
// [SECTION] Dispatch
//-----------------------------------------------------------------------------

namespace {


ApiShape api_shape(Vendor vendor) {
    switch (vendor) {
        case Vendor::pipedrive: return pipedrive_api_shape();
        case Vendor::hubspot: return hubspot_api_shape();
        case Vendor::giosg: return giosg_api_shape();
        case Vendor::zendesk: return zendesk_api_shape();
        case Vendor::unknown: break;
    }
    ApiShape none;
    none.writes = false;
    return none;
}

Error not_written_error(Vendor vendor) {
    if (vendor == Vendor::unknown) return {"", "unknown_format", "no vendor is known to write the goal to", 400};
    return {"", "read_only", "the " + std::string(name_of(vendor)) + " goals API is read-only: goals are not written back", 405};
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Paging
//-----------------------------------------------------------------------------

namespace {

// Where the path of an absolute URL begins (after "scheme://authority"); npos when it has no scheme.
size_t path_begin(std::string_view url) {
    const size_t scheme_end = url.find("://");
    if (scheme_end == std::string_view::npos) return std::string_view::npos;
    const size_t begin = url.find_first_of("/?#", scheme_end + 3);
    return begin == std::string_view::npos ? url.size() : begin;
}

// The path of an absolute URL from its `root` on, without the query, fragment or trailing slashes; npos in
// `at` when the path has no `root`.
std::string_view api_path(std::string_view url, std::string_view root, size_t& at) {
    at = std::string_view::npos;
    const size_t begin = path_begin(url);
    if (begin == std::string_view::npos) return {};
    std::string_view path = url.substr(begin, url.find_first_of("?#", begin) - begin);
    const size_t found = path.find(root);
    if (found == std::string_view::npos) return {};
    at = begin + found;
    path.remove_prefix(found);
    while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
    return path;
}

// A link on another origin, put on the first URL's origin and prefix when it names the same API resource
// as the first URL (see next_page_url); empty when it does not.
std::string rebased_link(std::string_view root, std::string_view first_url, std::string_view link) {
    if (root.empty()) return {};
    size_t first_at = 0, link_at = 0;
    const std::string_view first_path = api_path(first_url, root, first_at);
    const std::string_view link_path = api_path(link, root, link_at);
    if (first_at == std::string_view::npos || link_at == std::string_view::npos || first_path != link_path) return {};
    return std::string(first_url.substr(0, first_at)) + std::string(link.substr(link_at));
}

bool is_root_relative(std::string_view link) { return link.size() > 1 && link[0] == '/' && link[1] != '/'; }

}  // namespace

std::string next_page_url(Vendor vendor, std::string_view first_url, std::string_view current_url, const NextPage& next,
                          std::string& problem) {
    const ApiShape shape = api_shape(vendor);
    std::string url;
    if (!next.cursor.empty() && !shape.cursor_param.empty()) {
        // On the URL already fetched: its origin (often the page's own proxy) and its other parameters stay.
        url = with_query_param(current_url, shape.cursor_param, next.cursor);
    } else if (!next.url.empty()) {
        url = is_root_relative(next.url) ? origin_of(first_url) + next.url : next.url;
        // Vendors write their own host into their links, also when the page reaches them through its proxy.
        if (is_http_url(url) && origin_of(url) != origin_of(first_url))
            if (std::string rebased = rebased_link(shape.api_root, first_url, url); !rebased.empty()) url = std::move(rebased);
    } else {
        problem = "a page cursor came from a format that has no cursor parameter";
        return {};
    }
    if (!is_http_url(url)) {
        problem = "the next-page link is not an absolute http(s) URL";
        return {};
    }
    // The page's headers (a token, perhaps) go with every request of the cycle: never to another origin.
    if (origin_of(url) != origin_of(first_url)) {
        problem = "the next-page link points to another origin and is not followed";
        return {};
    }
    return url;
}

//-----------------------------------------------------------------------------
// [SECTION] Write requests
//-----------------------------------------------------------------------------

namespace {

// Trailing slashes of the path, never into "scheme://" (nor the lone "/" of a root-relative URL).
void drop_trailing_slashes(std::string& url) {
    const size_t begin = path_begin(url);
    const size_t keep = begin == std::string_view::npos ? 1 : begin;
    while (url.size() > keep && url.back() == '/') url.pop_back();
}

Json request_body(Vendor vendor, GoalEdit edit, const Goal& goal, WriteContext& ctx) {
    switch (vendor) {
        case Vendor::pipedrive: return pipedrive_request_body(goal, edit, ctx);
        case Vendor::giosg: return giosg_request_body(goal, edit, ctx);
        case Vendor::zendesk: return zendesk_request_body(goal, edit, ctx);
        default: return Json();
    }
}

}  // namespace

const char* method_name(HttpMethod method) {
    switch (method) {
        case HttpMethod::get: return "GET";
        case HttpMethod::post: return "POST";
        case HttpMethod::put: return "PUT";
        case HttpMethod::patch: return "PATCH";
        case HttpMethod::del: return "DELETE";
    }
    return "GET";
}

bool vendor_writes_goals(Vendor vendor) { return api_shape(vendor).writes; }

std::string goals_collection_url(Vendor vendor, std::string_view goals_url) {
    std::string url(goals_url.substr(0, goals_url.find_first_of("?#")));
    drop_trailing_slashes(url);
    const std::string_view suffix = api_shape(vendor).list_suffix;
    if (!suffix.empty() && url.size() >= suffix.size() && url.compare(url.size() - suffix.size(), suffix.size(), suffix) == 0) {
        url.resize(url.size() - suffix.size());
        drop_trailing_slashes(url);
    }
    return url;
}

std::optional<ApiRequest> goal_write_request(Vendor vendor, std::string_view goals_url, GoalEdit edit, const Goal& goal,
                                             std::vector<Error>& errors, std::vector<Error>* warnings,
                                             const GiosgCodeTable* giosg_codes) {
    const ApiShape shape = api_shape(vendor);
    if (!shape.writes) {
        errors.push_back(not_written_error(vendor));
        return std::nullopt;
    }
    ApiRequest request;
    request.url = goals_collection_url(vendor, goals_url);
    if (request.url.empty()) {
        errors.push_back({"", "no_url", "the page gave no goals URL to write to", 400});
        return std::nullopt;
    }
    if (edit != GoalEdit::create) {
        if (goal.id.empty()) {
            errors.push_back({"/id", "required", "the goal has no id, so the vendor cannot be told which goal to change", 400});
            return std::nullopt;
        }
        request.url.push_back('/');
        append_percent_encoded(goal.id, request.url);
    }
    if (edit == GoalEdit::remove) {
        request.method = HttpMethod::del;
        return request;
    }
    request.method = edit == GoalEdit::create ? HttpMethod::post : shape.update;
    const size_t errors_before = errors.size();
    WriteContext ctx;
    ctx.codes = giosg_codes ? giosg_codes : &GiosgCodeTable::builtin();
    ctx.errors = &errors;
    ctx.warnings = warnings;
    request.body = request_body(vendor, edit, goal, ctx);
    if (errors.size() != errors_before) return std::nullopt;
    // The writers name the model's fields already; the requiredness rules name the body's.
    if (edit == GoalEdit::create) {
        std::vector<Error> missing;
        validate_create_body(request.body, vendor, "", missing);
        for (Error& e : missing) {
            e.path = model_field_path(vendor, e.path);
            errors.push_back(std::move(e));
        }
    }
    if (errors.size() != errors_before) return std::nullopt;
    return request;
}

Json documented_fields(const Json& item, std::initializer_list<std::string_view> dotted_paths) {
    Json out = Json::object();
    for (std::string_view dotted : dotted_paths) {
        const Json* from = &item;
        for (std::string_view rest = dotted; from;) {
            const size_t dot = rest.find('.');
            from = find_member(*from, rest.substr(0, dot));  // a null is copied as the item has it
            if (dot == std::string_view::npos) break;
            rest.remove_prefix(dot + 1);
        }
        if (!from) continue;
        // Only now the parents: a field the item lacks leaves no empty object behind in the body.
        Json* to = &out;
        for (std::string_view rest = dotted; to;) {
            const size_t dot = rest.find('.');
            // A path under a value an earlier path copied whole is in it already (and [] would throw on it).
            to = to->is_null() || to->is_object() ? &(*to)[std::string(rest.substr(0, dot))] : nullptr;
            if (dot == std::string_view::npos) break;
            rest.remove_prefix(dot + 1);
        }
        if (to) *to = *from;
    }
    return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Write replies
//-----------------------------------------------------------------------------

namespace {

constexpr size_t kMaxPlainMessage = 200;

// The machine code of a refusal, by its status.
const char* refusal_code(int status) {
    switch (status) {
        case 401: return "unauthorized";
        case 403: return "forbidden";
        case 404: return "not_found";
        case 409:
        case 412: return "conflict";
        case 429: return "rate_limited";
        default: break;
    }
    if (status >= 500) return "server_error";
    if (status <= 0) return "no_reply";
    return "rejected";
}

// A short one-line text body ("Goals limit exceeded"): some servers and proxies answer refusals in plain
// text. An HTML error page or anything long says nothing a person should read in a status line.
std::string plain_text_message(std::string_view body) {
    while (!body.empty() && (body.front() == ' ' || body.front() == '\n' || body.front() == '\r')) body.remove_prefix(1);
    while (!body.empty() && (body.back() == ' ' || body.back() == '\n' || body.back() == '\r')) body.remove_suffix(1);
    if (body.empty() || body.size() > kMaxPlainMessage || body.front() == '<' || body.front() == '{' || body.front() == '[')
        return {};
    for (char c : body)
        if (static_cast<unsigned char>(c) < 0x20) return {};
    return std::string(body);
}

void reply_body(Vendor vendor, const Json& doc, bool success, ReplyBody& out) {
    switch (vendor) {
        case Vendor::pipedrive: return pipedrive_reply(doc, success, out);
        case Vendor::giosg: return giosg_reply(doc, success, out);
        case Vendor::zendesk: return zendesk_reply(doc, success, out);
        default: return;
    }
}

// The returned goal of a taken write, read by the vendor's item reader at the item's own paths.
void read_returned_goal(Vendor vendor, const Json& item, const std::vector<std::string>& tainted,
                        const ReadOptions& options, ApiReply& out) {
    ReadContext ctx;
    ctx.options = &options;
    ctx.codes = options.giosg_codes ? options.giosg_codes : &GiosgCodeTable::builtin();
    ctx.errors = &out.errors;
    ctx.warnings = options.lenient ? &out.warnings : nullptr;
    ctx.tainted = tainted.empty() ? nullptr : &tainted;
    Goal goal;
    if (read_goal_item(item, vendor, "", ctx, goal)) out.goal = std::move(goal);
    for (std::vector<Error>* list : {&out.errors, &out.warnings})
        for (Error& e : *list) e.path = model_field_path(vendor, e.path);
}

}  // namespace

ApiReply read_write_reply(Vendor vendor, GoalEdit edit, int status, std::string_view body, const ReadOptions& options) {
    ApiReply out;
    out.status = status;
    out.conflict = status == 409 || status == 412;
    const bool success = status >= 200 && status < 300;
    if (!vendor_writes_goals(vendor)) {
        out.errors.push_back(not_written_error(vendor));
        out.message = out.errors.back().message;
        return out;
    }
    ParsedJson parsed;
    parsed.doc = Json(Json::value_t::discarded);
    if (!body.empty() && status != 204) parsed = parse_json(body, {options.max_bytes, options.max_depth});
    // A refusal in plain text is read as if it were a JSON string: the vendor's reader may know the sentence.
    if (!parsed.ok() && !success)
        if (std::string text = plain_text_message(body); !text.empty()) parsed.doc = std::move(text);
    ReplyBody reply;
    if (parsed.ok()) reply_body(vendor, parsed.doc, success, reply);
    out.ok = success && !reply.refused;
    if (out.ok) {
        if (edit == GoalEdit::remove) return out;  // what a removal answers is no goal
        if (reply.goal) read_returned_goal(vendor, *reply.goal, parsed.tainted, options, out);
        else if (!parsed.errors.empty()) out.errors = std::move(parsed.errors);
        return out;
    }
    if (reply.message.empty() && parsed.doc.is_string()) reply.message = parsed.doc.get_ref<const std::string&>();
    if (reply.message.empty()) reply.message = status > 0 ? "HTTP " + std::to_string(status) : "no reply from the server";
    out.message = reply.message;
    const char* code = refusal_code(success ? 400 : status);
    for (Error& e : reply.field_errors) {
        e.path = model_field_path(vendor, e.path);
        if (e.code.empty()) e.code = code;
        e.status = status;
        out.errors.push_back(std::move(e));
    }
    if (out.errors.empty()) out.errors.push_back({"", code, out.message, status});
    return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Field paths
//-----------------------------------------------------------------------------

std::optional<std::string> renamed_field_path(const std::string& wire, const FieldRename* renames, size_t count) {
    for (size_t i = 0; i < count; ++i) {
        const std::string_view prefix = renames[i].wire;
        if (wire.compare(0, prefix.size(), prefix) != 0) continue;
        if (wire.size() != prefix.size() && wire[prefix.size()] != '/') continue;
        return std::string(renames[i].field) + wire.substr(prefix.size());
    }
    return std::nullopt;
}

std::string model_field_path(Vendor vendor, const std::string& wire_path) {
    std::optional<std::string> renamed;
    switch (vendor) {
        case Vendor::pipedrive: renamed = pipedrive_field_path(wire_path); break;
        case Vendor::hubspot: renamed = hubspot_field_path(wire_path); break;
        case Vendor::giosg: renamed = giosg_field_path(wire_path); break;
        case Vendor::zendesk: renamed = zendesk_field_path(wire_path); break;
        case Vendor::unknown: break;
    }
    if (renamed) return *renamed;
    // Spellings several formats share (and the ones a page's own JSON uses).
    static constexpr FieldRename kShared[] = {
        {"/start", "/schedule/start"}, {"/end", "/schedule/end"}, {"/name", "/title"}};
    return renamed_field_path(wire_path, kShared).value_or(wire_path);
}

}  // namespace gp
