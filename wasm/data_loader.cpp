// Index
// - [SECTION] Goal pages
// - [SECTION] Cycle: headers, requests, pages
// - [SECTION] Retries and endings
// - [SECTION] Inspection state
#include "data_loader.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

#include <emscripten/em_math.h>
#include <emscripten/eventloop.h>

#include "core/json_access.hpp"
#include "core/read.hpp"
#include "core/vendor_api.hpp"

namespace gp::web {
namespace {

constexpr double kBackoffBaseMs = 500;
constexpr double kBackoffCapMs = 30000;
// A Retry-After longer than this is not waited for inside a cycle; the next cycle waits for it instead.
constexpr double kMaxRetryWaitMs = 120000;
constexpr size_t kMaxPageHeaders = 32;

}  // namespace

// Full jitter around an exponential step: attempt 0 waits 250..500 ms, 1 waits 500..1000 ms, and so on.
double backoff_ms(int attempt) {
    const double step = std::min(kBackoffCapMs, std::ldexp(kBackoffBaseMs, std::min(attempt, 16)));
    return step * (0.5 + 0.5 * emscripten_math_random());
}

bool is_retryable(int status) { return status == 0 || status == 429 || (status >= 500 && status <= 599); }

namespace {

std::string seconds_text(double ms) {
    const long tenths = std::lround(ms / 100.0);
    return std::to_string(tenths / 10) + (tenths % 10 ? "." + std::to_string(tenths % 10) : "") + " s";
}

LoadFailure failure_of(std::string stage, int status, std::string message) {
    LoadFailure failure;
    failure.stage = std::move(stage);
    failure.status = status;
    failure.message = std::move(message);
    return failure;
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Goal pages
//-----------------------------------------------------------------------------

void GoalPages::begin_run() {
    run = ReadResult{};
    pages_ = 0;
}

PageRead GoalPages::read_page(std::string_view body) {
    ++pages_;
    ReadOptions page_options = options;
    if (pages_ > 1 && run.vendor != Vendor::unknown) page_options.format = run.vendor;  // one vendor per run
    ReadResult page = read_goals(body, page_options);
    PageRead out;
    out.vendor = page.vendor;
    out.next = page.next;
    if (page.goals.empty() && !page.errors.empty()) {
        out.readable = false;
        out.problem = page.errors.front().message;
    }
    if (run.vendor == Vendor::unknown) run.vendor = page.vendor;
    for (std::vector<Error>* kind : {&page.errors, &page.warnings})
        for (Error& e : *kind) {
            if (pages_ > 1) e.message += " (page " + std::to_string(pages_) + ")";
            (kind == &page.errors ? run.errors : run.warnings).push_back(std::move(e));
        }
    for (Goal& g : page.goals) run.goals.push_back(std::move(g));
    return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Cycle: headers, requests, pages
//-----------------------------------------------------------------------------

DataLoader::DataLoader(LoaderOptions options, PageSink& sink, LoaderHooks hooks)
    : options_(std::move(options)), sink_(sink), hooks_(hooks) {}

DataLoader::~DataLoader() {
    if (timer_) emscripten_clear_timeout(timer_);
    fetch_forget(in_flight_);
}

void DataLoader::start() { begin_cycle(); }

void DataLoader::reload(std::string url) {
    if (timer_) emscripten_clear_timeout(timer_);
    timer_ = 0;
    fetch_forget(in_flight_);
    in_flight_ = nullptr;
    options_.url = std::move(url);
    cache_.clear();
    begin_cycle();
}

void DataLoader::set_timing(const LoaderOptions& timing) {
    options_.timeout_ms = timing.timeout_ms;
    options_.max_retries = timing.max_retries;
    if (timing.refresh_ms == options_.refresh_ms) return;
    options_.refresh_ms = timing.refresh_ms;
    if (loading_) return;  // end_cycle() sets the next refresh
    if (timer_) emscripten_clear_timeout(timer_);
    timer_ = 0;
    if (options_.refresh_ms > 0) set_timer(options_.refresh_ms, &DataLoader::begin_cycle);
}

void DataLoader::on_timer(void* self) {
    auto* loader = static_cast<DataLoader*>(self);
    loader->timer_ = 0;
    (loader->*(loader->timer_action_))();
}

void DataLoader::set_timer(double delay_ms, void (DataLoader::*then)()) {
    if (timer_) emscripten_clear_timeout(timer_);
    timer_action_ = then;
    timer_ = emscripten_set_timeout(on_timer, delay_ms, this);
}

void DataLoader::report_progress(const ui::Message& line) {
    if (hooks_.progress) hooks_.progress(hooks_.user, line);
}

void DataLoader::begin_cycle() {
    ++cycle_;
    loading_ = true;
    retrying_ = false;
    attempt_ = 0;
    page_url_ = options_.url;
    run_pages_.clear();
    fed_pages_ = 0;
    run_changed_ = false;
    pages_loaded_ = 0;
    sink_.begin_run();
    if (!options_.page_headers) {
        request_page();
        return;
    }
    waiting_headers_ = true;
    set_timer(options_.timeout_ms, &DataLoader::on_headers_timeout);
    hooks_.need_headers(hooks_.user, cycle_);
}

void DataLoader::on_headers_timeout() {
    waiting_headers_ = false;
    fail_cycle(failure_of("headers", 0, "the page's headers callback did not answer within " + seconds_text(options_.timeout_ms)));
}

void DataLoader::set_headers(unsigned cycle, const Json* headers) {
    if (!waiting_headers_ || cycle != cycle_) return;  // a late answer for a cycle that already ended
    waiting_headers_ = false;
    if (timer_) emscripten_clear_timeout(timer_);
    timer_ = 0;
    headers_.clear();
    if (!headers || !headers->is_object() || headers->size() > kMaxPageHeaders) {
        fail_cycle(failure_of("headers", 0, "the page's headers callback failed or gave no object of headers"));
        return;
    }
    for (auto it = headers->begin(); it != headers->end(); ++it) {
        const std::string* value = it->get_ptr<const std::string*>();
        // The value is never quoted back: it may be a token.
        if (!value || !is_valid_header(it.key(), *value)) {
            headers_.clear();
            fail_cycle(failure_of("headers", 0, "the header \"" + it.key() + "\" from the page is not a valid header"));
            return;
        }
        headers_.emplace_back(it.key(), *value);
    }
    request_page();
}

const DataLoader::Page* DataLoader::cached_page(const std::string& url, bool revalidatable) const {
    for (const Page& p : cache_)
        if (p.url == url && (!revalidatable || !p.etag.empty())) return &p;
    return nullptr;
}

void DataLoader::request_page() {
    const size_t page_number = run_pages_.size() + 1;
    if (!shows_data() || page_number > 1 || retrying_)
        report_progress({shows_data() ? ui::Msg::source_refreshing_page : ui::Msg::source_loading_page,
                         {{"page", std::to_string(page_number)}}});
    retrying_ = false;
    FetchRequest request;
    request.url = page_url_;
    request.timeout_ms = options_.timeout_ms;
    request.headers = headers_;
    if (const Page* cached = cached_page(page_url_, true)) request.headers.emplace_back("If-None-Match", cached->etag);
    in_flight_ = fetch_start(request, on_reply, this);
    if (!in_flight_) {
        fail_cycle(failure_of("fetch", 0, "refused: only absolute http(s) URLs are fetched"));
        return;
    }
    ++requests_;
}

void DataLoader::on_reply(void* self, const FetchResult& result) {
    auto* loader = static_cast<DataLoader*>(self);
    loader->in_flight_ = nullptr;
    loader->handle_reply(result);
}

void DataLoader::handle_reply(const FetchResult& result) {
    if (!result.ok) {
        retry_or_fail(result);
        return;
    }
    if (result.status == 304) {
        ++not_modified_;
        const Page* cached = cached_page(page_url_, true);
        if (!cached) {
            fail_cycle(failure_of("fetch", 304, "the server said \"not modified\" but no earlier copy is kept"));
            return;
        }
        accept_page(*cached);
        return;
    }
    feed_pending_pages();
    PageRead read = sink_.read_page(result.body);
    fed_pages_ = run_pages_.size() + 1;
    if (!read.readable) {
        fail_cycle(failure_of("read", result.status, read.problem));
        return;
    }
    Page page{page_url_, result.etag, std::string(), std::hash<std::string_view>()(result.body), result.body.size(),
              std::move(read)};
    if (!page.etag.empty()) page.body = std::string(result.body);
    // A server without ETags that sends the same bytes again has not changed anything either.
    const Page* before = cached_page(page_url_, false);
    if (!before || before->body_hash != page.body_hash || before->body_size != page.body_size) run_changed_ = true;
    accept_page(std::move(page));
}

// Pages answered "304 not modified" are read from the cache only once some page of the run has changed;
// a run where every page is unchanged is never read again at all.
void DataLoader::feed_pending_pages() {
    for (; fed_pages_ < run_pages_.size(); ++fed_pages_) sink_.read_page(run_pages_[fed_pages_].body);
}

void DataLoader::accept_page(Page page) {
    const NextPage next = page.read.next;
    const Vendor vendor = page.read.vendor;
    run_pages_.push_back(std::move(page));
    pages_loaded_ = run_pages_.size();
    attempt_ = 0;
    if (!next.has_more()) {
        complete_cycle();
        return;
    }
    std::string problem;
    // Cursors, links and the proxy rule are the vendor layer's (core/vendor_api.hpp).
    std::string url = next_page_url(vendor, options_.url, page_url_, next, problem);
    for (const Page& earlier : run_pages_)
        if (problem.empty() && earlier.url == url) problem = "the next-page link repeats an earlier page";
    if (problem.empty() && run_pages_.size() >= size_t(options_.max_pages))
        problem = "more than " + std::to_string(options_.max_pages) + " pages";
    if (!problem.empty()) {
        fail_cycle(failure_of("paging", 0, problem));
        return;
    }
    page_url_ = std::move(url);
    request_page();
}

//-----------------------------------------------------------------------------
// [SECTION] Retries and endings
//-----------------------------------------------------------------------------

void DataLoader::retry_or_fail(const FetchResult& result) {
    LoadFailure failure = failure_of("fetch", result.status, result.error);
    if (!is_retryable(result.status) || attempt_ >= options_.max_retries) {
        fail_cycle(std::move(failure), result.retry_after_ms);
        return;
    }
    const double wait_ms = result.retry_after_ms >= 0 ? result.retry_after_ms : backoff_ms(attempt_);
    if (wait_ms > kMaxRetryWaitMs) {
        failure.message += "; the server asked to wait " + seconds_text(wait_ms);
        fail_cycle(std::move(failure), wait_ms);
        return;
    }
    ++attempt_;
    ++retries_;
    retrying_ = true;
    failure.url = page_url_;
    failure.page = int(run_pages_.size()) + 1;
    has_error_ = true;
    last_error_ = failure;
    report_progress({ui::Msg::source_retrying,
                     {{"page", std::to_string(failure.page)}, {"wait", seconds_text(wait_ms)}, {"reason", failure.message}}});
    set_timer(wait_ms, &DataLoader::request_page);
}

void DataLoader::complete_cycle() {
    const bool unchanged = !run_changed_ && has_complete_ && run_pages_.size() == cache_.size();
    if (!unchanged) feed_pending_pages();
    cache_ = std::move(run_pages_);
    run_pages_.clear();
    has_complete_ = true;
    shows_partial_ = false;
    stale_ = false;
    has_error_ = false;
    last_result_ = unchanged ? "unchanged" : "loaded";
    end_cycle(0);
    hooks_.run_ended(hooks_.user, unchanged ? RunEnd::unchanged : RunEnd::loaded, !unchanged, nullptr);
}

void DataLoader::fail_cycle(LoadFailure failure, double next_cycle_not_before_ms) {
    failure.url = page_url_;
    failure.page = int(run_pages_.size()) + 1;
    failure.partial = !run_pages_.empty();
    // A run that broke midway is shown only when nothing complete is on screen, and then flagged partial.
    const bool commit = failure.partial && !has_complete_;
    if (commit) {
        feed_pending_pages();
        shows_partial_ = true;
        stale_ = false;
    } else {
        stale_ = shows_data();
    }
    has_error_ = true;
    last_error_ = failure;
    last_result_ = failure.partial ? "partial" : "failed";
    end_cycle(next_cycle_not_before_ms);
    hooks_.run_ended(hooks_.user, failure.partial ? RunEnd::partial : RunEnd::failed, commit, &last_error_);
}

void DataLoader::end_cycle(double next_cycle_not_before_ms) {
    loading_ = false;
    retrying_ = false;
    waiting_headers_ = false;
    headers_.clear();  // asked for again before the next cycle; never kept between cycles
    run_pages_.clear();
    if (options_.refresh_ms > 0)
        set_timer(std::max(options_.refresh_ms, next_cycle_not_before_ms), &DataLoader::begin_cycle);
}

//-----------------------------------------------------------------------------
// [SECTION] Inspection state
//-----------------------------------------------------------------------------

Json DataLoader::state_json() const {
    Json error;  // null when the last cycle ended well
    if (has_error_)
        error = json_object({{"stage", last_error_.stage}, {"status", last_error_.status}, {"message", last_error_.message},
                             {"url", last_error_.url}, {"page", last_error_.page}, {"partial", last_error_.partial}});
    return json_object({{"loading", loading_},
                        {"retrying", retrying_},
                        {"pages_loaded", pages_loaded_},
                        {"partial", shows_partial_},
                        {"stale", stale_},
                        {"last_result", last_result_},
                        {"last_error", std::move(error)},
                        {"cycles", cycle_},
                        {"requests", requests_},
                        {"retries", retries_},
                        {"not_modified", not_modified_},
                        {"refresh_seconds", options_.refresh_ms / 1000.0}});
}

void EventPages::begin_run() { run = DataReadResult{}; }

PageRead EventPages::read_page(std::string_view body) {
    DataReadResult page = read_events(body);
    PageRead read;
    read.next = page.next;
    if (!page.ok()) {
        read.readable = false;
        read.problem = page.errors.front().message;
        run.errors.insert(run.errors.end(), page.errors.begin(), page.errors.end());
        return read;
    }
    auto append = [](auto& into, auto& from) {
        into.insert(into.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
    };
    append(run.rows.deals, page.rows.deals);
    append(run.rows.activities, page.rows.activities);
    append(run.rows.stage_changes, page.rows.stage_changes);
    run.ignored.merge(page.ignored);
    return read;
}

void PageViewPages::begin_run() { run = EventLogRead{}; }

PageRead PageViewPages::read_page(std::string_view body) {
    EventLogRead page = read_event_log(body);
    PageRead read;
    // A bad line is reported and skipped; the log is unusable only when no line could be read.
    if (page.views.empty() && !page.errors.empty()) {
        read.readable = false;
        read.problem = page.errors.front().path + ": " + page.errors.front().message;
    }
    run.views.insert(run.views.end(), std::make_move_iterator(page.views.begin()), std::make_move_iterator(page.views.end()));
    run.errors.insert(run.errors.end(), page.errors.begin(), page.errors.end());
    return read;
}

void ConversionPages::begin_run() {
    run = ConversionsRead{};
    external = ExternalMatchesRead{};
}

PageRead ConversionPages::read_page(std::string_view body) {
    AnyConversionsRead any = read_any_conversions(body, giosg_goal_id);
    PageRead read;
    if (any.giosg) {
        ExternalMatchesRead& page = any.giosg_matches;
        if (page.matches.empty() && !page.errors.empty()) {
            read.readable = false;
            read.problem = page.errors.front().path + ": " + page.errors.front().message;
        }
        external.matches.insert(external.matches.end(), page.matches.begin(), page.matches.end());
        external.errors.insert(external.errors.end(), page.errors.begin(), page.errors.end());
        return read;
    }
    ConversionsRead& page = any.zendesk;
    read.next = page.next;
    if (page.conversions.empty() && !page.errors.empty()) {
        read.readable = false;
        read.problem = page.errors.front().path + ": " + page.errors.front().message;
    }
    run.conversions.insert(run.conversions.end(), std::make_move_iterator(page.conversions.begin()),
                           std::make_move_iterator(page.conversions.end()));
    run.errors.insert(run.errors.end(), page.errors.begin(), page.errors.end());
    return read;
}

}  // namespace gp::web
