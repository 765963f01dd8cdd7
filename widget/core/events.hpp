// The event store: the CRM data that goals are measured against, as columns sorted by time.
//
// Readers (data_readers.hpp) produce plain rows; build_event_store() checks them (duplicate ids, unknown
// users, unknown currencies), leaves the bad ones out with a reason in the ignored tally, and lays the
// rest out as one Series per kind of event. A Series is a struct of arrays sorted by (key, time), cut
// into slices of equal key, with a prefix sum of values: any [t0, t1) sum over a slice is two searches
// and a subtraction, so results never rescan the events.
//
// Index
// - [SECTION] Rows (what readers produce)
// - [SECTION] Ignored tally
// - [SECTION] Series (columns)
// - [SECTION] Event store
#pragma once

#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/model.hpp"

namespace gp {

//-----------------------------------------------------------------------------
// [SECTION] Rows
//-----------------------------------------------------------------------------

enum class DealStatus : uint8_t { open, won, lost, deleted };

struct DealRow {
    std::string id;
    std::string owner;       // user id as text (Pipedrive ints become decimal text)
    int64_t pipeline = 0;
    int64_t stage = 0;
    DealStatus status = DealStatus::open;
    double value = 0;
    std::string currency;    // ISO code; empty when the source gave none
    std::optional<TimestampMs> add_time;
    std::optional<TimestampMs> won_time;
    std::optional<Date> expected_close;
    std::optional<double> probability;  // percent 0..100; missing counts as 100 in forecasts
    std::string path;        // where the row came from, for the ignored tally
};

constexpr int64_t kUnknownActivityType = -1;

struct ActivityRow {
    std::string id;
    std::string owner;
    int64_t type = kUnknownActivityType;
    std::optional<TimestampMs> add_time;
    bool done = false;
    std::optional<TimestampMs> done_time;
    std::string path;
};

// A deal entering a stage (the deal flow's stage_id update).
struct StageChangeRow {
    std::string id;       // the change's own id where the source has one; empty otherwise
    std::string deal_id;
    int64_t stage = 0;
    TimestampMs time = 0;
    std::string path;
};

// Team id -> member user ids. `users`, when non-empty, is the full list of known users: events owned by
// anyone else are ignored as unknown_user. Empty means "accept every owner".
struct Membership {
    std::map<std::string, std::vector<std::string>> teams;
    std::vector<std::string> users;
};

// Pipedrive currency ids -> ISO code and decimals. Empty means "accept every currency code".
struct CurrencyInfo {
    int64_t id = 0;
    std::string code;
    int decimals = 2;
};

struct EventRows {
    std::vector<DealRow> deals;
    std::vector<ActivityRow> activities;
    std::vector<StageChangeRow> stage_changes;
};

//-----------------------------------------------------------------------------
// [SECTION] Ignored tally
//-----------------------------------------------------------------------------

// Events left out, counted by reason ("bad_time", "unknown_currency", "unknown_user", "duplicate_id",
// "unknown_deal", "bad_value", ...), with the first few kept as Errors naming their place.
struct IgnoredTally {
    static constexpr size_t kMaxSamples = 20;
    std::map<std::string, int64_t> by_reason;
    std::vector<Error> samples;

    void add(std::string path, std::string code, std::string message);
    void merge(const IgnoredTally& other);
    int64_t total() const;
};

//-----------------------------------------------------------------------------
// [SECTION] Series
//-----------------------------------------------------------------------------

// What a slice's events share. `group` is the pipeline (deals) or activity type (activities); `stage`
// is only set for stage changes; `currency` indexes EventStore::currencies (-1 for activities).
// `owner` indexes EventStore::owners, or is kEveryone for the slices that merge all owners' events.
constexpr int32_t kEveryone = -1;
struct SeriesKey {
    int32_t owner = 0;
    int32_t currency = -1;
    int64_t group = 0;
    int64_t stage = 0;
};
bool operator<(const SeriesKey& a, const SeriesKey& b);
bool operator==(const SeriesKey& a, const SeriesKey& b);

// Every event is in two slices: its owner's, and the kEveryone slice of the same currency, group and
// stage. Company goals read the latter: a dozen slices instead of a dozen per owner.
struct Series {
    std::vector<SeriesKey> slice_keys;     // sorted (the kEveryone slices first)
    std::vector<uint32_t> slice_begin;     // slice i is [slice_begin[i], slice_begin[i+1]); size = slices + 1
    std::vector<TimestampMs> time;         // sorted within each slice
    std::vector<double> prefix;            // prefix[i] = sum of the values before i; size = time.size() + 1
    struct SliceTimes {
        TimestampMs first, last;
    };
    std::vector<SliceTimes> slice_times;   // each slice's earliest and latest time: searches start from them
    size_t events = 0;                     // distinct events (each is laid out twice)

    size_t slice_count() const { return slice_keys.size(); }
    size_t event_count() const { return events; }
    // Events of slice `s` with t0 <= time < t1.
    struct Span {
        uint32_t count = 0;
        double sum = 0;
    };
    Span range(size_t s, TimestampMs t0, TimestampMs t1) const;
    // range().count alone: the prefix sums (another cache miss or two) are not read.
    uint32_t count(size_t s, TimestampMs t0, TimestampMs t1) const;
    // range() for n windows [starts[i], ends[i]) given in ascending, non-overlapping order, added into
    // out[i]. Each search starts where the previous one ended, and a window that begins where the last
    // one ended reuses its bound: n + 1 searches for n back-to-back intervals instead of 2n.
    // With `sums` false only the counts are added (quantity goals need no prefix sums).
    void add_ranges(size_t s, const TimestampMs* starts, const TimestampMs* ends, size_t n, Span* out,
                    bool sums = true) const;
    // The slices whose owner is `owner` (or kEveryone), as [first, last).
    std::pair<size_t, size_t> slices_of_owner(int32_t owner) const;

private:
    // The events of slice `s` with t0 <= time < t1, as [first, last) in `time`.
    std::pair<const TimestampMs*, const TimestampMs*> bounds(size_t s, TimestampMs t0, TimestampMs t1) const;
};

//-----------------------------------------------------------------------------
// [SECTION] Event store
//-----------------------------------------------------------------------------

struct EventStore {
    std::vector<std::string> owners;                      // dense owner index -> user id
    std::unordered_map<std::string, int32_t> owner_index;
    std::vector<std::string> currencies;                  // dense currency index -> ISO code
    std::map<int64_t, std::string> currency_codes;        // Pipedrive currency id -> ISO code
    std::map<std::string, std::vector<int32_t>> teams;    // team id -> owner indices

    Series won;            // won deals by won_time; value = deal value
    Series started;        // all deals by add_time; value = deal value
    Series forecast_open;  // open deals by expected close date (midnight UTC of the civil date); weighted value
    Series progressed;     // first entry of each deal into each stage, by time; value = deal value
    Series activities_added;      // by add_time
    Series activities_completed;  // done activities by done time

    IgnoredTally ignored;

    std::optional<int32_t> find_owner(const std::string& user) const;
    std::optional<int32_t> find_currency(const std::string& code) const;
};

EventStore build_event_store(const EventRows& rows, const Membership& membership = {},
                             const std::vector<CurrencyInfo>& currencies = {});
// The same over rows kept apart (each kind from its own source), without first copying them together.
EventStore build_event_store(const std::vector<DealRow>& deals, const std::vector<ActivityRow>& activities,
                             const std::vector<StageChangeRow>& stage_changes, const Membership& membership,
                             const std::vector<CurrencyInfo>& currencies);

}  // namespace gp
