#include "fetch_transport.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <memory>

#include <emscripten/em_js.h>
#include <emscripten/emscripten.h>

#include "core/json_access.hpp"
#include "core/url.hpp"

// A URL the browser cannot parse ("http://a b") is refused before any request, as fetch_start() promises;
// fetch() would only reject it later, as if it were a network error.
EM_JS(int, js_is_http_url, (const char* url), {
    try {
        var u = new URL(UTF8ToString(url));
        return (u.protocol === "http:" || u.protocol === "https:") ? 1 : 0;
    } catch (e) {
        return 0;
    }
});

// Retry-After may be an HTTP-date; the browser's Date parser reads it. Returns ms from now, or -1.
EM_JS(double, js_ms_until_http_date, (const char* text), {
    var t = Date.parse(UTF8ToString(text));
    return isNaN(t) ? -1 : Math.max(0, t - Date.now());
});

// One request, by the browser's fetch(). A GET the loader began while the wasm was still downloading and
// compiling (web/goal-widget.js, Module.goalpostTakePrefetch) is taken over instead when `may_take` is set
// and the loader has one for `url`, so that the goals' bytes arrive in parallel with the compile. `headers`
// is a null-terminated list of name and value pointers; `body` (`body_size` bytes, none for 0) is copied
// before this returns. The reply comes later, through the two functions given by pointer:
// `reserve(handle, bytes)` returns where to write the body, the ETag and the Retry-After text one after the
// other, and `arrive(handle, status, body_bytes, etag_bytes, retry_after_bytes)` ends the request (status 0:
// a network error, -1: the timeout passed). js_abort(handle) ends a GET early, as a network error; a write
// is left to finish, since the vendor may already be applying it. The keys of objects the browser or the
// loader reads are quoted: Closure renames the glue's unquoted property names.
EM_JS(void, js_fetch, (const char* method, const char* url, const char* const* headers, const char* body,
                       size_t body_size, unsigned timeout_ms, int may_take, void* handle, void* reserve,
                       void* arrive), {
    var href = UTF8ToString(url);
    var take = may_take && Module["goalpostTakePrefetch"];
    var reply = take && take(href, timeout_ms);
    if (!reply) {
        var controller = new AbortController();
        var init = {"method": UTF8ToString(method), "headers": [], "signal": controller["signal"]};
        for (var at = headers >> 2; HEAPU32[at]; at += 2)
            init["headers"].push([UTF8ToString(HEAPU32[at]), UTF8ToString(HEAPU32[at + 1])]);
        if (body_size) init["body"] = HEAPU8.slice(body, body + body_size);
        var late = false;
        var timer = setTimeout(function() { late = true; controller["abort"](); }, timeout_ms);
        var aborts = Module.gpAborts || (Module.gpAborts = new Map());
        if (init["method"] === "GET") aborts.set(handle, controller);
        reply = fetch(href, init).then(function(r) {
            return r["arrayBuffer"]().then(function(bytes) {
                return {"status": r["status"], "body": new Uint8Array(bytes), "etag": r["headers"]["get"]("etag"),
                        "retryAfter": r["headers"]["get"]("retry-after")};
            });
        }).catch(function() { return {"status": late ? -1 : 0}; }).finally(function() {
            clearTimeout(timer);
            aborts.delete(handle);
        });
    }
    reply.then(function(r) {
        var encoder = new TextEncoder();
        var body = r["body"] || new Uint8Array(0);
        var etag = encoder.encode(r["etag"] || "");
        var retryAfter = encoder.encode(r["retryAfter"] || "");
        var at = wasmTable.get(reserve)(handle, body.length + etag.length + retryAfter.length);
        HEAPU8.set(body, at);  // HEAPU8 read after reserve(), which may have grown the memory
        HEAPU8.set(etag, at + body.length);
        HEAPU8.set(retryAfter, at + body.length + etag.length);
        wasmTable.get(arrive)(handle, r["status"], body.length, etag.length, retryAfter.length);
    });
});

EM_JS(void, js_abort, (void* handle), {
    var controller = Module.gpAborts && Module.gpAborts.get(handle);
    if (controller) controller["abort"]();
});

namespace gp::web {

struct FetchHandle {
    FetchCallback done;
    void* user;
    unsigned timeout_ms;
    std::string reply = {};  // the body, the ETag and the Retry-After text, in that order
};

namespace {

double parse_retry_after_ms(std::string_view value) {
    unsigned long long seconds = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
    if (ec == std::errc() && end == value.data() + value.size()) return double(seconds) * 1000.0;
    const std::string copy(value);
    return js_ms_until_http_date(copy.c_str());
}

std::string describe_failure(const FetchResult& result, unsigned timeout_ms) {
    if (result.timed_out) return "timed out after " + std::to_string(timeout_ms) + " ms";
    if (result.status == 0) return "network error (offline, refused, or blocked by CORS)";
    return "HTTP " + std::to_string(result.status);
}

char* reserve_reply(FetchHandle* handle, int bytes) {
    handle->reply.resize(static_cast<size_t>(bytes));
    return handle->reply.data();
}

void arrive(FetchHandle* raw, int status, int body_bytes, int etag_bytes, int retry_after_bytes) {
    std::unique_ptr<FetchHandle> handle(raw);
    if (!handle->done) return;  // forgotten meanwhile
    FetchResult result;
    result.timed_out = status < 0;
    result.status = std::max(status, 0);
    result.ok = (status >= 200 && status < 300) || status == 304;
    const std::string_view text(handle->reply);
    if (result.status != 0) {
        result.body = text.substr(0, static_cast<size_t>(body_bytes));
        result.etag = std::string(text.substr(static_cast<size_t>(body_bytes), static_cast<size_t>(etag_bytes)));
        if (retry_after_bytes > 0)
            result.retry_after_ms = parse_retry_after_ms(text.substr(static_cast<size_t>(body_bytes + etag_bytes),
                                                                     static_cast<size_t>(retry_after_bytes)));
    }
    if (!result.ok) result.error = describe_failure(result, handle->timeout_ms);
    handle->done(handle->user, result);
}

}  // namespace

bool is_fetchable_url(std::string_view url) { return is_http_url(url); }  // the core's rule, shared with paging

bool is_valid_header(std::string_view name, std::string_view value) {
    if (name.empty()) return false;
    for (char c : name) {
        const bool token = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                           std::strchr("!#$%&'*+-.^_`|~", c) != nullptr;
        if (!token || c == '\0') return false;
    }
    for (char c : value)
        if (c == '\r' || c == '\n' || c == '\0') return false;
    return true;
}

FetchHandle* fetch_start(const FetchRequest& request, FetchCallback done, void* user) {
    if (!is_fetchable_url(request.url) || !js_is_http_url(request.url.c_str())) return nullptr;
    for (const auto& [name, value] : request.headers)
        if (!is_valid_header(name, value)) return nullptr;
    static constexpr const char* kMethods[] = {"GET", "POST", "PUT", "PATCH", "DELETE"};
    if (std::none_of(std::begin(kMethods), std::end(kMethods), [&](const char* m) { return std::strcmp(m, request.method) == 0; }))
        return nullptr;

    std::vector<const char*> header_list;
    for (const auto& [name, value] : request.headers) {
        header_list.push_back(name.c_str());
        header_list.push_back(value.c_str());
    }
    const bool typed = std::any_of(request.headers.begin(), request.headers.end(),
                                   [](const auto& h) { return equals_ignoring_ascii_case(h.first, "content-type"); });
    if (!request.body.empty() && !typed) {  // the page's own Content-Type, if it gave one, stands
        header_list.push_back("Content-Type");
        header_list.push_back("application/json");
    }
    header_list.push_back(nullptr);

    auto* handle = new FetchHandle{done, user, request.timeout_ms};
    // Only a request the loader could have made itself may take its reply over: a GET with no header.
    const bool may_take = std::strcmp(request.method, "GET") == 0 && request.headers.empty();
    js_fetch(request.method, request.url.c_str(), header_list.data(), request.body.data(), request.body.size(),
             request.timeout_ms, may_take, handle, reinterpret_cast<void*>(&reserve_reply),
             reinterpret_cast<void*>(&arrive));
    return handle;
}

void fetch_forget(FetchHandle* handle) {
    if (!handle) return;
    handle->done = nullptr;
    js_abort(handle);  // a GET ends now; its reply, a network error, is dropped by arrive()
}

}  // namespace gp::web
