// The widget's data loader: load cycles of paged GETs with timeouts, retries, ETag revalidation and a
// polling refresh. docs/network.md describes the behaviour a page sees.
//
// A cycle fetches page 1, asks the PageSink to read it, follows the page's next pointer (a URL, or a
// vendor cursor turned into a query parameter: gp::next_page_url in core/vendor_api.hpp) and so on to the
// last page; then the owner commits the sink's merged run. A cycle that breaks after page 1 is "partial":
// its totals are never committed as final (the owner shows them flagged, and only when it has nothing
// complete to show instead).
// Timers are emscripten_set_timeout: nothing polls, and nothing is drawn between cycles.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ui/messages.hpp"

#include "core/model.hpp"
#include "core/conversion_readers.hpp"
#include "core/data_readers.hpp"
#include "core/read.hpp"
#include "fetch_transport.hpp"

namespace gp::web {

struct LoaderOptions {
    std::string url;             // page 1; absolute http(s)
    unsigned timeout_ms = 15000;  // per request, and for the page's headers callback
    int max_retries = 3;          // per page, on 429, 5xx and network errors
    double refresh_ms = 0;        // 0: load once
    bool page_headers = false;    // ask the page for request headers before each cycle
    int max_pages = 1000;         // a server that never stops paging is cut off here
};

// What one page said to the loader.
struct PageRead {
    bool readable = true;   // false: nothing in it could be used (malformed JSON, wrong shape)
    Vendor vendor = Vendor::unknown;
    NextPage next;
    std::string problem;    // why it was unreadable
};

// Knows the payload; the loader knows HTTP and paging. A run is the pages of one cycle, in order.
class PageSink {
public:
    virtual ~PageSink() = default;
    virtual void begin_run() = 0;
    virtual PageRead read_page(std::string_view body) = 0;
};

// Goal payloads: merges every page's goals and errors into `run`.
class GoalPages final : public PageSink {
public:
    ReadOptions options;
    ReadResult run;
    void begin_run() override;
    PageRead read_page(std::string_view body) override;

private:
    int pages_ = 0;
};

// Event payloads (deals, activities, stage changes, in any shape read_events() knows): merges every
// page's rows and ignored tally into `run`.
class EventPages final : public PageSink {
public:
    DataReadResult run;
    void begin_run() override;
    PageRead read_page(std::string_view body) override;
};

// Page views and events for condition goals: the canonical event log in JSON lines (one page, no paging).
class PageViewPages final : public PageSink {
public:
    EventLogRead run;
    void begin_run() override;
    PageRead read_page(std::string_view body) override;
};

// Conversions a vendor reported: Zendesk chats with their `conversions` or the incremental export's pages,
// or giosg external goal matches (objects with `visitor_identity`).
class ConversionPages final : public PageSink {
public:
    std::string giosg_goal_id;  // from a .../goals/<id>/matches URL; a match's own goal_id wins
    ConversionsRead run;
    ExternalMatchesRead external;
    void begin_run() override;
    PageRead read_page(std::string_view body) override;
};

struct LoadFailure {
    std::string stage;   // "fetch" (HTTP, network, timeout), "read", "paging", "headers"
    int status = 0;      // HTTP status, 0 when there was none
    std::string message;
    std::string url;
    int page = 1;        // the page that failed, 1-based
    bool partial = false;  // pages before it had loaded
};

enum class RunEnd : uint8_t { loaded, unchanged, partial, failed };

struct LoaderHooks {
    void* user = nullptr;
    // A cycle ended. `commit`: show the sink's run now (a full load, or a partial one when nothing complete
    // is on screen). `failure` is set for partial and failed runs.
    void (*run_ended)(void* user, RunEnd end, bool commit, const LoadFailure* failure) = nullptr;
    // The progress line changed in a way worth drawing (first load, page 2 and later, a retry): a message and
    // its values (ui/messages.hpp), said in the page's language where it is drawn.
    void (*progress)(void* user, const ui::Message& line) = nullptr;
    // Ask the page for this cycle's headers; it answers with DataLoader::set_headers(cycle, ...).
    void (*need_headers)(void* user, unsigned cycle) = nullptr;
};

class DataLoader {
public:
    DataLoader(LoaderOptions options, PageSink& sink, LoaderHooks hooks);
    ~DataLoader();  // drops the timer and detaches the request in flight
    DataLoader(const DataLoader&) = delete;
    DataLoader& operator=(const DataLoader&) = delete;

    void start();
    // Starts a cycle for `url` now, dropping the one in flight and the pages kept for revalidation (the
    // same bytes may read differently: another format, other giosg codes). What the owner shows stays
    // until the new run completes.
    void reload(std::string url);
    // New timeout, retries and refresh interval (the rest of `timing` is ignored), without a reload: a
    // cycle in progress keeps going, and the wait for the next refresh starts again from now.
    void set_timing(const LoaderOptions& timing);
    // The page's headers for `cycle` (a JSON object of strings); nullptr when its callback failed.
    void set_headers(unsigned cycle, const Json* headers);
    bool loading() const { return loading_; }
    size_t pages_loaded() const { return pages_loaded_; }
    bool stale() const { return stale_; }
    bool partial() const { return shows_partial_; }
    // What the inspection call shows. Never contains a header.
    Json state_json() const;

private:
    struct Page {
        std::string url, etag, body;  // body kept only when an ETag lets it be revalidated
        size_t body_hash = 0, body_size = 0;
        PageRead read;
    };

    static void on_reply(void* self, const FetchResult& result);
    static void on_timer(void* self);
    void begin_cycle();
    void on_headers_timeout();
    void request_page();
    void handle_reply(const FetchResult& result);
    void accept_page(Page page);
    void feed_pending_pages();
    void retry_or_fail(const FetchResult& result);
    void complete_cycle();
    void fail_cycle(LoadFailure failure, double next_cycle_not_before_ms = 0);
    void end_cycle(double next_cycle_not_before_ms);
    void set_timer(double delay_ms, void (DataLoader::*then)());
    void report_progress(const ui::Message& line);
    bool shows_data() const { return has_complete_ || shows_partial_; }
    const Page* cached_page(const std::string& url, bool revalidatable) const;

    LoaderOptions options_;
    PageSink& sink_;
    LoaderHooks hooks_;

    // The cycle in progress.
    unsigned cycle_ = 0;
    bool loading_ = false, waiting_headers_ = false, retrying_ = false;
    HttpHeaders headers_;        // the page's, for this cycle only
    std::string page_url_;
    int attempt_ = 0;
    std::vector<Page> run_pages_;
    size_t fed_pages_ = 0;        // run_pages_[0, fed) have been given to the sink
    bool run_changed_ = false;    // some page differs from the last complete run
    FetchHandle* in_flight_ = nullptr;
    long timer_ = 0;
    void (DataLoader::*timer_action_)() = nullptr;

    // What earlier cycles left.
    std::vector<Page> cache_;     // the last complete run, for If-None-Match
    bool has_complete_ = false, shows_partial_ = false, stale_ = false;
    const char* last_result_ = "none";
    bool has_error_ = false;
    LoadFailure last_error_;
    unsigned long long requests_ = 0, retries_ = 0, not_modified_ = 0;
    size_t pages_loaded_ = 0;
};

// The retry policy of every request that may be repeated (pages, and the saves that are idempotent): which
// answers are worth another try (no answer, 429, 5xx), and how long to wait before attempt `attempt` + 1.
bool is_retryable(int status);
double backoff_ms(int attempt);

}  // namespace gp::web
