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

namespace gp::web {

struct FetchHandle {
    FetchCallback done;
    void* user;
    double started_ms;
    unsigned timeout_ms;
    bool starting = true;            // emscripten_fetch() has not returned yet
    bool failed_during_start = false;
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
        FetchResult result;
        result.status = fetch->status;
        result.ok = (result.status >= 200 && result.status < 300) || result.status == 304;
        // XHR reports a timeout as status 0 with no other mark; the clock tells it from a refusal.
        result.timed_out = result.status == 0 && emscripten_get_now() - handle->started_ms >= handle->timeout_ms * 0.9;
        if (result.status != 0) read_response_headers(fetch, result);
        if (result.status != 0 && fetch->data)
            result.body = std::string_view(fetch->data, static_cast<size_t>(fetch->numBytes));
        if (!result.ok) result.error = describe_failure(result, handle->timeout_ms);
        handle->done(handle->user, result);
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
