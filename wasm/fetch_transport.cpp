#include "fetch_transport.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <memory>

#include <emscripten/em_js.h>
#include <emscripten/emscripten.h>
#include <emscripten/fetch.h>

#include "core/url.hpp"

// xhr.open() throws on a URL the browser cannot parse ("http://a b"), and a JS exception through the
// wasm frames would leave the caller half done; ask the same parser first.
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

// A GET the loader began while the wasm was still downloading and compiling (web/goal-widget.js,
// Module.goalpostTakePrefetch): this request takes it over instead of asking again, so that the goals' bytes
// arrive in parallel with the compile. Returns 0 when the loader has nothing for `url`. The reply
// comes later, through the two functions given by pointer: `reserve(handle, bytes)` returns where to write
// the body, the ETag and the Retry-After text one after the other, and `arrive(handle, status, body_bytes,
// etag_bytes, retry_after_bytes)` ends the request (status 0: a network error or a timeout). The reply's
// keys are quoted: Closure renames the glue's unquoted property names.
EM_JS(int, js_take_prefetched, (const char* url, unsigned timeout_ms, void* handle, void* reserve, void* arrive), {
    var take = Module["goalpostTakePrefetch"];
    var reply = take && take(UTF8ToString(url), timeout_ms);
    if (!reply) return 0;
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
    return 1;
});

namespace gp::web {

struct FetchHandle {
    FetchCallback done;
    void* user;
    double started_ms;
    unsigned timeout_ms;
    bool starting = true;            // emscripten_fetch() has not returned yet
    bool failed_during_start = false;
    std::string prefetched = {};     // a taken-over reply: body, ETag and Retry-After text, in that order
};

namespace {

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = char(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = char(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

double parse_retry_after_ms(std::string_view value) {
    unsigned long long seconds = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
    if (ec == std::errc() && end == value.data() + value.size()) return double(seconds) * 1000.0;
    const std::string copy(value);
    return js_ms_until_http_date(copy.c_str());
}

// getAllResponseHeaders() gives "name: value\r\n" lines; only the two headers the loader uses are kept.
void read_response_headers(emscripten_fetch_t* fetch, FetchResult& result) {
    const size_t length = emscripten_fetch_get_response_headers_length(fetch);
    if (length == 0) return;
    std::string text(length, '\0');
    emscripten_fetch_get_response_headers(fetch, text.data(), length);
    std::string_view rest(text.c_str());
    while (!rest.empty()) {
        const size_t eol = rest.find('\n');
        const std::string_view line = rest.substr(0, eol);
        rest = eol == std::string_view::npos ? std::string_view() : rest.substr(eol + 1);
        const size_t colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        const std::string_view name = trim(line.substr(0, colon));
        const std::string_view value = trim(line.substr(colon + 1));
        if (equals_ignoring_case(name, "etag")) result.etag = std::string(value);
        else if (equals_ignoring_case(name, "retry-after")) result.retry_after_ms = parse_retry_after_ms(value);
    }
}

std::string describe_failure(const FetchResult& result, unsigned timeout_ms) {
    if (result.timed_out) return "timed out after " + std::to_string(timeout_ms) + " ms";
    if (result.status == 0) return "network error (offline, refused, or blocked by CORS)";
    return "HTTP " + std::to_string(result.status);
}

// What every reply starts from; the caller adds the body and the headers, then calls end_request().
FetchResult result_of(const FetchHandle& handle, int status) {
    FetchResult result;
    result.status = status;
    result.ok = (status >= 200 && status < 300) || status == 304;
    // XHR reports a timeout as status 0 with no other mark; the clock tells it from a refusal.
    result.timed_out = status == 0 && emscripten_get_now() - handle.started_ms >= handle.timeout_ms * 0.9;
    return result;
}

void end_request(const FetchHandle& handle, FetchResult& result) {
    if (!result.ok) result.error = describe_failure(result, handle.timeout_ms);
    handle.done(handle.user, result);
}

char* reserve_prefetched(FetchHandle* handle, int bytes) {
    handle->prefetched.resize(static_cast<size_t>(bytes));
    return handle->prefetched.data();
}

void arrive_prefetched(FetchHandle* raw, int status, int body_bytes, int etag_bytes, int retry_after_bytes) {
    std::unique_ptr<FetchHandle> handle(raw);
    if (!handle->done) return;  // forgotten meanwhile
    FetchResult result = result_of(*handle, status);
    const std::string_view text(handle->prefetched);
    if (status != 0) {
        result.body = text.substr(0, static_cast<size_t>(body_bytes));
        result.etag = std::string(text.substr(static_cast<size_t>(body_bytes), static_cast<size_t>(etag_bytes)));
        if (retry_after_bytes > 0)
            result.retry_after_ms = parse_retry_after_ms(text.substr(static_cast<size_t>(body_bytes + etag_bytes),
                                                                     static_cast<size_t>(retry_after_bytes)));
    }
    end_request(*handle, result);
}

void finish(emscripten_fetch_t* fetch) {
    FetchHandle* starting = static_cast<FetchHandle*>(fetch->userData);
    if (starting->starting) {
        // xhr.send() threw inside emscripten_fetch(): fetch_start() reports it by returning nullptr.
        starting->failed_during_start = true;
        emscripten_fetch_close(fetch);
        return;
    }
    std::unique_ptr<FetchHandle> handle(starting);
    if (handle->done) {
        FetchResult result = result_of(*handle, fetch->status);
        if (result.status != 0) read_response_headers(fetch, result);
        if (result.status != 0 && fetch->data)
            result.body = std::string_view(fetch->data, static_cast<size_t>(fetch->numBytes));
        end_request(*handle, result);
    }
    emscripten_fetch_close(fetch);
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

    auto handle = std::make_unique<FetchHandle>(FetchHandle{done, user, emscripten_get_now(), request.timeout_ms});
    // Only a request the loader could have made itself: a GET with no header of the page's or ours.
    if (std::strcmp(request.method, "GET") == 0 && request.headers.empty() &&
        js_take_prefetched(request.url.c_str(), request.timeout_ms, handle.get(),
                           reinterpret_cast<void*>(&reserve_prefetched), reinterpret_cast<void*>(&arrive_prefetched))) {
        handle->starting = false;
        return handle.release();
    }
    std::vector<const char*> header_list;
    for (const auto& [name, value] : request.headers) {
        header_list.push_back(name.c_str());
        header_list.push_back(value.c_str());
    }
    const bool typed = std::any_of(request.headers.begin(), request.headers.end(),
                                   [](const auto& h) { return equals_ignoring_case(h.first, "content-type"); });
    if (!request.body.empty() && !typed) {  // the page's own Content-Type, if it gave one, stands
        header_list.push_back("Content-Type");
        header_list.push_back("application/json");
    }
    header_list.push_back(nullptr);

    emscripten_fetch_attr_t attr;
    emscripten_fetch_attr_init(&attr);
    std::strcpy(attr.requestMethod, request.method);
    attr.attributes = EMSCRIPTEN_FETCH_LOAD_TO_MEMORY;
    attr.timeoutMSecs = request.timeout_ms;
    attr.requestHeaders = header_list.size() > 1 ? header_list.data() : nullptr;
    attr.onsuccess = finish;
    attr.onerror = finish;  // 304 and every HTTP error arrive here too; finish() sorts them out
    attr.userData = handle.get();
    if (!request.body.empty()) {
        attr.requestData = request.body.data();  // copied by emscripten_fetch into the XHR's send()
        attr.requestDataSize = request.body.size();
    }
    const bool started = emscripten_fetch(&attr, request.url.c_str()) != nullptr;
    handle->starting = false;
    if (!started || handle->failed_during_start) return nullptr;
    return handle.release();
}

void fetch_forget(FetchHandle* handle) {
    if (handle) handle->done = nullptr;
}

}  // namespace gp::web
