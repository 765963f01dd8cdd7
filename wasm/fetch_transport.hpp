// HTTP for the widget, over the browser's fetch(): the loaders' GETs and the writes that save edits to a
// vendor (POST, PUT, PATCH, DELETE with a JSON body).
//
// - Only absolute http(s) URLs that the browser's URL parser accepts are requested.
// - Every request has a timeout; a timed-out request is told apart from other network errors.
// - Request headers (a page-supplied Authorization, If-None-Match) are handed to fetch() and kept nowhere;
//   nothing here logs them.
// - The response's ETag and Retry-After are read when the browser lets the page see them (same origin,
//   or the server lists them in Access-Control-Expose-Headers).
// - The goals' first GETs start in the loader, before the wasm is compiled (web/goal-widget.js): a GET with
//   no headers for a URL the loader already asked for takes that reply over instead of asking again.
// - fetch_forget() detaches the callback and aborts a GET in flight; a write is left to finish, since the
//   vendor may be applying it already. Either way the reply, if one comes, is dropped.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gp::web {

using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

struct FetchRequest {
    std::string url;
    unsigned timeout_ms = 15000;
    HttpHeaders headers;
    const char* method = "GET";  // GET, POST, PUT, PATCH or DELETE
    std::string body;            // sent as application/json when not empty
};

struct FetchResult {
    int status = 0;               // HTTP status; 0 when the request never got one (network error, timeout)
    bool ok = false;              // 2xx or 304
    bool timed_out = false;
    std::string_view body;        // valid only during the callback; an error's body too (the vendor's message)
    std::string error;            // empty when ok
    std::string etag;             // empty when absent or not exposed to the page
    double retry_after_ms = -1;   // < 0 when absent, unreadable or not exposed
};

using FetchCallback = void (*)(void* user, const FetchResult& result);
struct FetchHandle;  // one request in flight

// Starts a request; `done` is called exactly once, later, on the main thread (unless forgotten). Returns
// nullptr (and never calls `done`) when the URL or a header is refused before any request is made.
FetchHandle* fetch_start(const FetchRequest& request, FetchCallback done, void* user);

// Detaches `done` from a request in flight; its reply will be dropped. The handle is invalid afterwards.
void fetch_forget(FetchHandle* handle);

// Whether a URL may be fetched at all: absolute http:// or https:// only.
bool is_fetchable_url(std::string_view url);

// Header names must be HTTP tokens and values must not break the header line; XHR would throw otherwise.
bool is_valid_header(std::string_view name, std::string_view value);

}  // namespace gp::web
