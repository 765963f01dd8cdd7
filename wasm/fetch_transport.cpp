#include "fetch_transport.hpp"

#include <cstring>
#include <new>

#include <emscripten/fetch.h>

namespace gp::web {
namespace {

struct Pending {
    FetchCallback done;
    void* user;
};

void finish(emscripten_fetch_t* fetch, bool ok) {
    Pending* pending = static_cast<Pending*>(fetch->userData);
    FetchResult result;
    result.status = fetch->status;
    if (ok && fetch->status >= 200 && fetch->status < 300) {
        result.body = std::string_view(fetch->data, static_cast<size_t>(fetch->numBytes));
    } else if (fetch->status == 0) {
        result.error = "network error or timeout";
    } else {
        result.error = "HTTP " + std::to_string(fetch->status);
    }
    pending->done(pending->user, result);
    delete pending;
    emscripten_fetch_close(fetch);
}

void on_success(emscripten_fetch_t* fetch) { finish(fetch, true); }
void on_error(emscripten_fetch_t* fetch) { finish(fetch, false); }

}  // namespace

bool is_fetchable_url(std::string_view url) {
    return url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
}

bool fetch_get(const std::string& url, unsigned timeout_ms, FetchCallback done, void* user) {
    if (!is_fetchable_url(url)) return false;
    emscripten_fetch_attr_t attr;
    emscripten_fetch_attr_init(&attr);
    std::strcpy(attr.requestMethod, "GET");
    attr.attributes = EMSCRIPTEN_FETCH_LOAD_TO_MEMORY;
    attr.timeoutMSecs = timeout_ms;
    attr.onsuccess = on_success;
    attr.onerror = on_error;
    attr.userData = new Pending{done, user};
    emscripten_fetch(&attr, url.c_str());
    return true;
}

}  // namespace gp::web
