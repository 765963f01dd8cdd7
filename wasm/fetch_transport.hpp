// HTTP GET for the widget, over emscripten_fetch. Only http(s) URLs are followed; every request has a
// timeout. The body is handed to the callback and freed when it returns.
#pragma once

#include <string>
#include <string_view>

namespace gp::web {

struct FetchResult {
    int status = 0;          // HTTP status; 0 when the request never got one (network error, timeout)
    std::string_view body;   // valid only during the callback
    std::string error;       // empty on success
};

using FetchCallback = void (*)(void* user, const FetchResult& result);

// Starts a GET; `done` is called exactly once, later, on the main thread. Returns false (and does not call
// `done`) when the URL is refused before any request is made.
bool fetch_get(const std::string& url, unsigned timeout_ms, FetchCallback done, void* user);

// Whether a URL may be fetched at all: absolute http:// or https:// only.
bool is_fetchable_url(std::string_view url);

}  // namespace gp::web
