// The columnar event store. See events.hpp.
//
// Index
// - [SECTION] Ignored tally
// - [SECTION] Series
// - [SECTION] Building: interning
// - [SECTION] Building: layout
// - [SECTION] Building: checks
// - [SECTION] Building: events
#include "core/events.hpp"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <tuple>
#include <unordered_set>

#include "core/calendar.hpp"
#include "core/cold_sort.hpp"

namespace gp {

//-----------------------------------------------------------------------------
// [SECTION] Ignored tally
//-----------------------------------------------------------------------------

void IgnoredTally::add(std::string path, std::string code, std::string message) {
    ++by_reason[code];
    if (samples.size() < kMaxSamples) samples.push_back({std::move(path), std::move(code), std::move(message), 422});
}

void IgnoredTally::merge(const IgnoredTally& other) {
    for (const auto& [reason, count] : other.by_reason) by_reason[reason] += count;
    for (const Error& e : other.samples)
        if (samples.size() < kMaxSamples) samples.push_back(e);
}

int64_t IgnoredTally::total() const {
    int64_t sum = 0;
    for (const auto& entry : by_reason) sum += entry.second;
    return sum;
}

//-----------------------------------------------------------------------------
// [SECTION] Series
//-----------------------------------------------------------------------------

bool operator<(const SeriesKey& a, const SeriesKey& b) {
    return std::tie(a.owner, a.currency, a.group, a.stage) < std::tie(b.owner, b.currency, b.group, b.stage);
}
bool operator==(const SeriesKey& a, const SeriesKey& b) {
    return a.owner == b.owner && a.currency == b.currency && a.group == b.group && a.stage == b.stage;
}

namespace {

// Finding where a bound falls in a slice is most of what a goal's results cost, and the slices are far
// larger than the caches: each probe that lands on a new cache line is a wait for memory. So the searches
// below aim to touch few lines: the first bound of a slice is guessed from its times, later bounds are
// looked for just past the previous one, and only a short final gap is bisected.

// std::lower_bound without branches on the data: each probe's outcome picks the next base with a
// conditional move (a select in wasm), so no search pays for mispredicted branches.
const TimestampMs* first_not_before(const TimestampMs* first, const TimestampMs* last, TimestampMs t) {
    size_t n = static_cast<size_t>(last - first);
    if (n == 0) return first;
    while (n > 1) {
        const size_t half = n / 2;
        first = first[half - 1] < t ? first + half : first;
        n -= half;
    }
    return *first < t ? first + 1 : first;
}

// The same answer when it is known to be at or after `from`, and probably close to it: probe 1, 2, 4, ...
// elements ahead, then bisect only the last gap. Back-to-back intervals of a slice are a few dozen events
// apart, so this reads a few lines just past the previous bound.
const TimestampMs* first_not_before_after(const TimestampMs* from, const TimestampMs* last, TimestampMs t) {
    size_t step = 1;
    while (static_cast<size_t>(last - from) > step && from[step - 1] < t) {
        from += step;
        step *= 2;
    }
    return first_not_before(from, static_cast<size_t>(last - from) > step ? from + step : last, t);
}

// The same mirrored: the answer is at or before `to` (from[-1] < t is unknown), probably close to it.
const TimestampMs* first_not_before_before(const TimestampMs* first, const TimestampMs* to, TimestampMs t) {
    size_t step = 1;
    while (static_cast<size_t>(to - first) > step && !(to[-static_cast<ptrdiff_t>(step)] < t)) {
        to -= step;
        step *= 2;
    }
    return first_not_before(static_cast<size_t>(to - first) > step ? to - step : first, to, t);
}

// A search of [first, last) that starts where `t` would be if the times were spread evenly between
// `first_time` (*first) and `last_time` (last[-1]), then gallops from there. Event times are close enough
// to even that the guess is usually a few elements off; an uneven slice costs at most twice a bisection.
// The caller passes the two times so that a fresh slice costs one cache miss for the guess, not three.
const TimestampMs* first_not_before_guessed(const TimestampMs* first, const TimestampMs* last, TimestampMs first_time,
                                            TimestampMs last_time, TimestampMs t) {
    const size_t n = static_cast<size_t>(last - first);
    if (n < 16) return first_not_before(first, last, t);
    if (!(first_time < t)) return first;
    if (last_time < t) return last;
    // first_time < t <= last_time, so the fraction is in (0, 1] and the guess is inside the range.
    const double fraction = static_cast<double>(t - first_time) / static_cast<double>(last_time - first_time);
    const TimestampMs* guess = first + static_cast<size_t>(fraction * static_cast<double>(n - 1));
    return *guess < t ? first_not_before_after(guess + 1, last, t) : first_not_before_before(first, guess + 1, t);
}

}  // namespace

std::pair<const TimestampMs*, const TimestampMs*> Series::bounds(size_t s, TimestampMs t0, TimestampMs t1) const {
    const TimestampMs* first = time.data() + slice_begin[s];
    const TimestampMs* last = time.data() + slice_begin[s + 1];
    const SliceTimes& span = slice_times[s];
    const TimestampMs* lo = first_not_before_guessed(first, last, span.first, span.last, t0);
    const TimestampMs* hi = lo == last ? last : first_not_before_guessed(lo, last, *lo, span.last, t1);
    return {lo, hi};
}

Series::Span Series::range(size_t s, TimestampMs t0, TimestampMs t1) const {
    const auto [lo, hi] = bounds(s, t0, t1);
    const size_t i = static_cast<size_t>(lo - time.data());
    const size_t j = static_cast<size_t>(hi - time.data());
    return {static_cast<uint32_t>(j - i), prefix[j] - prefix[i]};
}

uint32_t Series::count(size_t s, TimestampMs t0, TimestampMs t1) const {
    const auto [lo, hi] = bounds(s, t0, t1);
    return static_cast<uint32_t>(hi - lo);
}

void Series::add_ranges(size_t s, const TimestampMs* starts, const TimestampMs* ends, size_t n, Span* out,
                        bool sums) const {
    const TimestampMs* cursor = time.data() + slice_begin[s];
    const TimestampMs* last = time.data() + slice_begin[s + 1];
    const SliceTimes& span = slice_times[s];
    const TimestampMs* hi = cursor;
    for (size_t i = 0; i < n; ++i) {
        const TimestampMs* lo = i == 0 ? first_not_before_guessed(cursor, last, span.first, span.last, starts[i])
                                : starts[i] == ends[i - 1] ? hi
                                                           : first_not_before_after(cursor, last, starts[i]);
        hi = first_not_before_after(lo, last, ends[i]);
        cursor = hi;
        const size_t a = static_cast<size_t>(lo - time.data());
        const size_t b = static_cast<size_t>(hi - time.data());
        out[i].count += static_cast<uint32_t>(b - a);
        if (sums) out[i].sum += prefix[b] - prefix[a];
    }
}

std::pair<size_t, size_t> Series::slices_of_owner(int32_t owner) const {
    const auto by_owner = [](const SeriesKey& k, int32_t o) { return k.owner < o; };
    const auto owner_before = [](int32_t o, const SeriesKey& k) { return o < k.owner; };
    const auto lo = std::lower_bound(slice_keys.begin(), slice_keys.end(), owner, by_owner);
    const auto hi = std::upper_bound(lo, slice_keys.end(), owner, owner_before);
    return {static_cast<size_t>(lo - slice_keys.begin()), static_cast<size_t>(hi - slice_keys.begin())};
}

std::optional<int32_t> EventStore::find_owner(const std::string& user) const {
    const auto it = owner_index.find(user);
    if (it == owner_index.end()) return std::nullopt;
    return it->second;
}

std::optional<int32_t> EventStore::find_currency(const std::string& code) const {
    for (size_t i = 0; i < currencies.size(); ++i)
        if (currencies[i] == code) return static_cast<int32_t>(i);
    return std::nullopt;
}

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Building: interning
//-----------------------------------------------------------------------------

// splitmix64's finaliser: std::hash of an integer is the identity, which linear probing over a
// power-of-two table handles badly.
uint64_t mix(uint64_t x) {
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ull;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

// Hashes are 64-bit everywhere (wasm's size_t is 32): an Interner places a key by the hash's lower half
// and tags its slot with the upper half.
constexpr uint64_t kTagMask = 0xffffffff00000000ull;

struct TextHash {
    uint64_t operator()(std::string_view s) const { return mix(std::hash<std::string_view>()(s)); }
};
struct SeriesKeyHash {
    uint64_t operator()(const SeriesKey& k) const {
        return mix(mix(static_cast<uint64_t>(k.group) * 31 + static_cast<uint64_t>(k.stage)) ^
                   (static_cast<uint64_t>(static_cast<uint32_t>(k.owner)) << 32 | static_cast<uint32_t>(k.currency)));
    }
};
// (deal, stage): a deal's first entry into a stage.
using DealStage = std::pair<uint32_t, int64_t>;
struct DealStageHash {
    uint64_t operator()(const DealStage& k) const { return mix(k.first ^ mix(static_cast<uint64_t>(k.second))); }
};

// Dense indices for distinct keys, in first-seen order: an open-addressing table of indices into one
// vector of keys. Ids, owners and stage entries are interned once per row with no allocation per row
// (text keys are views into the rows, which outlive the build); node-based sets of std::string copies
// made building a store of a million deals take seconds. Each slot keeps the upper half of its key's
// hash beside the index, so probing past other keys rarely has to read them.
template <class Key, class Hash>
class Interner {
public:
    Interner() { rehash(0); }
    explicit Interner(size_t expected) { rehash(expected); }

    // The index of `key`, adding it if new; `added` tells which.
    uint32_t intern(const Key& key, bool& added) {
        if ((keys_.size() + 1) * 2 > slots_.size()) rehash(slots_.size());
        const uint64_t hash = Hash()(key);
        const size_t mask = slots_.size() - 1;
        for (size_t i = hash & mask;; i = (i + 1) & mask) {
            const uint64_t slot = slots_[i];
            if (slot == 0) {
                keys_.push_back(key);
                slots_[i] = (hash & kTagMask) | keys_.size();
                added = true;
                return static_cast<uint32_t>(keys_.size() - 1);
            }
            if ((slot & kTagMask) == (hash & kTagMask) && keys_[index_of(slot)] == key) {
                added = false;
                return index_of(slot);
            }
        }
    }
    uint32_t intern(const Key& key) {
        bool added = false;
        return intern(key, added);
    }
    std::optional<uint32_t> find(const Key& key) const {
        const uint64_t hash = Hash()(key);
        const size_t mask = slots_.size() - 1;
        for (size_t i = hash & mask;; i = (i + 1) & mask) {
            const uint64_t slot = slots_[i];
            if (slot == 0) return std::nullopt;
            if ((slot & kTagMask) == (hash & kTagMask) && keys_[index_of(slot)] == key) return index_of(slot);
        }
    }
    const std::vector<Key>& keys() const { return keys_; }
    size_t size() const { return keys_.size(); }

private:
    // A slot: the hash's upper 32 bits, and the key's index + 1 below them (0 marks an empty slot).
    static uint32_t index_of(uint64_t slot) { return static_cast<uint32_t>(slot) - 1; }

    // At most half full, so probes stay short.
    void rehash(size_t at_least) {
        size_t capacity = 16;
        while (capacity < at_least * 2) capacity <<= 1;
        slots_.assign(capacity, 0);
        keys_.reserve(capacity / 2);
        const size_t mask = capacity - 1;
        for (size_t k = 0; k < keys_.size(); ++k) {
            const uint64_t hash = Hash()(keys_[k]);
            size_t i = hash & mask;
            while (slots_[i] != 0) i = (i + 1) & mask;
            slots_[i] = (hash & kTagMask) | (k + 1);
        }
    }

    std::vector<uint64_t> slots_;
    std::vector<Key> keys_;
};

// The dense index of each distinct event id, in first-seen order. The vendors' ids are mostly decimal
// integers handed out in sequence; when every id of a list is one and they span a range not much wider
// than the list, an id's slot is found by subtraction, which walks memory in order instead of missing the
// cache once per row as any hash table of a million ids does. Other lists use an Interner.
class IdIndex {
public:
    template <class Rows, class IdOf>
    IdIndex(const Rows& rows, IdOf id_of) : hashed_(0) {
        uint64_t lo = UINT64_MAX, hi = 0;
        size_t count = 0;
        for (const auto& row : rows) {
            const std::string& id = id_of(row);
            if (id.empty()) continue;  // never interned: refused as missing_id
            const std::optional<uint64_t> n = canonical_number(id);
            if (!n) {
                hashed_ = Interner<std::string_view, TextHash>(rows.size());
                return;
            }
            lo = std::min(lo, *n);
            hi = std::max(hi, *n);
            ++count;
        }
        if (count == 0) return;
        if (hi - lo <= 4 * count + 4096) {
            dense_ = true;
            lo_ = lo;
            slots_.assign(static_cast<size_t>(hi - lo + 1), 0);
        } else {
            hashed_ = Interner<std::string_view, TextHash>(rows.size());
        }
    }

    uint32_t intern(const std::string& id, bool& added) {
        if (!dense_) return hashed_.intern(id, added);
        uint32_t& slot = slots_[static_cast<size_t>(*canonical_number(id) - lo_)];  // every id was checked
        added = slot == 0;
        if (added) slot = ++count_;
        return slot - 1;
    }
    std::optional<uint32_t> find(const std::string& id) const {
        if (!dense_) return hashed_.find(id);
        const std::optional<uint64_t> n = canonical_number(id);
        if (!n || *n < lo_ || *n - lo_ >= slots_.size() || slots_[static_cast<size_t>(*n - lo_)] == 0) return std::nullopt;
        return slots_[static_cast<size_t>(*n - lo_)] - 1;
    }

private:
    // Digits only, no leading zero ("007" and "7" are different ids), at most 19 of them (fits 64 bits).
    static std::optional<uint64_t> canonical_number(std::string_view s) {
        if (s.empty() || s.size() > 19 || (s[0] == '0' && s.size() > 1)) return std::nullopt;
        uint64_t v = 0;
        for (const char c : s) {
            if (c < '0' || c > '9') return std::nullopt;
            v = v * 10 + static_cast<uint64_t>(c - '0');
        }
        return v;
    }

    bool dense_ = false;
    uint64_t lo_ = 0;
    std::vector<uint32_t> slots_;  // id - lo_ -> index + 1; 0: not seen
    uint32_t count_ = 0;
    Interner<std::string_view, TextHash> hashed_;
};

//-----------------------------------------------------------------------------
// [SECTION] Building: layout
//-----------------------------------------------------------------------------

// One event before layout; `key` indexes the builder's interned SeriesKeys.
struct Row {
    uint32_t key;
    TimestampMs time;
    double value;
};

// Lays rows out as slices in key order, each sorted by time, with a prefix sum; every row goes into its
// own key's slice and into the kEveryone slice of that key. There are few distinct keys (owners x
// currencies x pipelines or types), so the rows are bucketed by slice in one counting pass and only each
// slice is sorted by time, instead of sorting all rows by a four-field key.
Series lay_out(const std::vector<Row>& rows, const std::vector<SeriesKey>& keys) {
    // Slice ids: the builder's key ids, then the kEveryone keys after them.
    Interner<SeriesKey, SeriesKeyHash> everyone_keys;
    std::vector<uint32_t> everyone_of(keys.size());
    for (uint32_t k = 0; k < keys.size(); ++k) {
        const SeriesKey& key = keys[k];
        everyone_of[k] = static_cast<uint32_t>(keys.size()) +
                         everyone_keys.intern(SeriesKey{kEveryone, key.currency, key.group, key.stage});
    }
    const auto key_of = [&](uint32_t slice) -> const SeriesKey& {
        return slice < keys.size() ? keys[slice] : everyone_keys.keys()[slice - keys.size()];
    };
    const size_t slice_ids = keys.size() + everyone_keys.size();
    std::vector<uint32_t> count(slice_ids, 0);
    for (const Row& r : rows) {
        ++count[r.key];
        ++count[everyone_of[r.key]];
    }
    std::vector<uint32_t> present;
    for (uint32_t k = 0; k < slice_ids; ++k)
        if (count[k] > 0) present.push_back(k);
    cold_sort(present, [&](uint32_t a, uint32_t b) { return key_of(a) < key_of(b); });

    Series s;
    s.events = rows.size();
    std::vector<uint32_t> next(slice_ids, 0);  // where the next row of each slice goes
    uint32_t begin = 0;
    for (const uint32_t k : present) {
        s.slice_keys.push_back(key_of(k));
        s.slice_begin.push_back(begin);
        next[k] = begin;
        begin += count[k];
    }
    s.slice_begin.push_back(begin);

    struct Event {
        TimestampMs time;
        double value;
    };
    std::vector<Event> events(begin);
    for (const Row& r : rows) {
        events[next[r.key]++] = {r.time, r.value};
        events[next[everyone_of[r.key]]++] = {r.time, r.value};
    }
    for (size_t i = 0; i + 1 < s.slice_begin.size(); ++i)
        std::sort(events.begin() + s.slice_begin[i], events.begin() + s.slice_begin[i + 1],
                  [](const Event& a, const Event& b) { return a.time < b.time; });

    s.slice_times.reserve(s.slice_keys.size());
    for (size_t i = 0; i + 1 < s.slice_begin.size(); ++i)  // slices are never empty
        s.slice_times.push_back({events[s.slice_begin[i]].time, events[s.slice_begin[i + 1] - 1].time});
    s.time.resize(events.size());
    s.prefix.resize(events.size() + 1);
    s.prefix[0] = 0;
    for (size_t i = 0; i < events.size(); ++i) {
        s.time[i] = events[i].time;
        s.prefix[i + 1] = s.prefix[i] + events[i].value;
    }
    return s;
}

//-----------------------------------------------------------------------------
// [SECTION] Building: checks
//-----------------------------------------------------------------------------

// Resolves owners, currencies and series keys to dense indices while building, refusing the unknown
// owners and currencies when the caller gave the full lists.
struct Builder {
    EventStore& store;
    Interner<std::string_view, TextHash> known_users;
    std::unordered_set<std::string> known_currencies;
    Interner<std::string_view, TextHash> owners;
    Interner<SeriesKey, SeriesKeyHash> keys;

    std::optional<int32_t> owner(const std::string& user, const std::string& path) {
        if (user.empty() || (known_users.size() > 0 && !known_users.find(user))) {
            store.ignored.add(path, "unknown_user", "the event's owner '" + user + "' is not a known user");
            return std::nullopt;
        }
        return static_cast<int32_t>(owners.intern(user));
    }

    std::optional<int32_t> currency(const std::string& code, const std::string& path) {
        if (const auto found = store.find_currency(code)) return found;  // few currencies: a short scan
        if (!known_currencies.empty() && !code.empty() && !known_currencies.count(code)) {
            store.ignored.add(path, "unknown_currency", "the currency '" + code + "' is not in the currency list");
            return std::nullopt;
        }
        store.currencies.push_back(code);
        return static_cast<int32_t>(store.currencies.size() - 1);
    }

    // The owners in index order, for EventStore::owners and find_owner().
    void publish_owners() {
        store.owners.reserve(owners.size());
        store.owner_index.reserve(owners.size());
        for (const std::string_view user : owners.keys()) {
            store.owner_index.emplace(std::string(user), static_cast<int32_t>(store.owners.size()));
            store.owners.emplace_back(user);
        }
    }
};

// False (and tallied) when the row has no id or its id was seen before: the first row with an id wins.
bool first_time_seen(IdIndex& seen, const std::string& id, const std::string& path,
                     IgnoredTally& ignored, uint32_t& index) {
    if (id.empty()) {
        ignored.add(path, "missing_id", "the event has no id");
        return false;
    }
    bool added = false;
    index = seen.intern(id, added);
    if (added) return true;
    ignored.add(path, "duplicate_id", "the id '" + id + "' was already seen; the first one is kept");
    return false;
}

//-----------------------------------------------------------------------------
// [SECTION] Building: events
//-----------------------------------------------------------------------------

// What stage changes need of their deal, by the deal id's interned index; owner -1: the deal was left out.
struct DealInfo {
    int32_t owner = -1;
    int32_t currency = -1;
    int64_t pipeline = 0;
    double value = 0;
};

struct Deals {
    IdIndex ids;
    std::vector<DealInfo> infos;  // by index in `ids`
};

struct DealRowsOut {
    std::vector<Row> won, started, forecast;
};

void add_deal(const DealRow& d, Builder& b, DealRowsOut& out, DealInfo& info) {
    if (!d.add_time) return b.store.ignored.add(d.path, "bad_time", "the deal has no valid add_time");
    if (d.status == DealStatus::won && !d.won_time)
        return b.store.ignored.add(d.path, "bad_time", "the won deal has no valid won_time");
    if (!std::isfinite(d.value)) return b.store.ignored.add(d.path, "bad_value", "the deal's value is not a number");
    const std::optional<int32_t> owner = b.owner(d.owner, d.path);
    if (!owner) return;
    const std::optional<int32_t> currency = b.currency(d.currency, d.path);
    if (!currency) return;
    info = DealInfo{*owner, *currency, d.pipeline, d.value};
    if (d.status == DealStatus::deleted) return;  // known (for stage changes) but never counted
    const uint32_t key = b.keys.intern(SeriesKey{*owner, *currency, d.pipeline, 0});
    out.started.push_back({key, *d.add_time, d.value});
    if (d.status == DealStatus::won) out.won.push_back({key, *d.won_time, d.value});
    if (d.status == DealStatus::open && d.expected_close) {
        const double weight = d.probability ? std::clamp(*d.probability, 0.0, 100.0) / 100.0 : 1.0;
        out.forecast.push_back({key, d.expected_close->days * kMsPerDay, d.value * weight});
    }
}

void build_deals(const std::vector<DealRow>& rows, Builder& b, Deals& deals) {
    DealRowsOut out;
    out.started.reserve(rows.size());
    deals.infos.reserve(rows.size());
    for (const DealRow& d : rows) {
        uint32_t index = 0;
        if (!first_time_seen(deals.ids, d.id, d.path, b.store.ignored, index)) continue;
        deals.infos.emplace_back();
        add_deal(d, b, out, deals.infos[index]);
    }
    b.store.won = lay_out(out.won, b.keys.keys());
    b.store.started = lay_out(out.started, b.keys.keys());
    b.store.forecast_open = lay_out(out.forecast, b.keys.keys());
}

// Only the first entry of a deal into a stage counts: a deal that leaves and comes back has not progressed
// again, and keeping one entry per (deal, stage) keeps the count a plain prefix sum.
void build_stage_changes(const std::vector<StageChangeRow>& rows, Builder& b, const Deals& deals) {
    std::vector<const StageChangeRow*> order;
    order.reserve(rows.size());
    for (const StageChangeRow& c : rows) order.push_back(&c);
    std::stable_sort(order.begin(), order.end(),
                     [](const StageChangeRow* x, const StageChangeRow* y) { return x->time < y->time; });
    IdIndex seen_ids(rows, [](const StageChangeRow& c) -> const std::string& { return c.id; });
    Interner<DealStage, DealStageHash> entered(rows.size());
    std::vector<Row> progressed;
    progressed.reserve(rows.size());
    for (const StageChangeRow* c : order) {
        bool added = true;
        if (!c->id.empty()) seen_ids.intern(c->id, added);
        if (!added) {
            b.store.ignored.add(c->path, "duplicate_id", "the stage change '" + c->id + "' was already seen");
            continue;
        }
        const std::optional<uint32_t> deal = deals.ids.find(c->deal_id);
        if (!deal || deals.infos[*deal].owner < 0) {
            b.store.ignored.add(c->path, "unknown_deal", "the stage change names a deal that is not in the deals");
            continue;
        }
        entered.intern({*deal, c->stage}, added);
        if (!added) continue;
        const DealInfo& info = deals.infos[*deal];
        const uint32_t key = b.keys.intern(SeriesKey{info.owner, info.currency, info.pipeline, c->stage});
        progressed.push_back({key, c->time, info.value});
    }
    b.store.progressed = lay_out(progressed, b.keys.keys());
}

void build_activities(const std::vector<ActivityRow>& rows, Builder& b) {
    std::vector<Row> added, completed;
    added.reserve(rows.size());
    IdIndex seen(rows, [](const ActivityRow& a) -> const std::string& { return a.id; });
    for (const ActivityRow& a : rows) {
        uint32_t index = 0;
        if (!first_time_seen(seen, a.id, a.path, b.store.ignored, index)) continue;
        if (!a.add_time) {
            b.store.ignored.add(a.path, "bad_time", "the activity has no valid add_time");
            continue;
        }
        if (a.done && !a.done_time) {
            b.store.ignored.add(a.path, "bad_time", "the done activity has no valid done time");
            continue;
        }
        const std::optional<int32_t> owner = b.owner(a.owner, a.path);
        if (!owner) continue;
        const uint32_t key = b.keys.intern(SeriesKey{*owner, -1, a.type, 0});
        added.push_back({key, *a.add_time, 1.0});
        if (a.done) completed.push_back({key, *a.done_time, 1.0});
    }
    b.store.activities_added = lay_out(added, b.keys.keys());
    b.store.activities_completed = lay_out(completed, b.keys.keys());
}

void build_teams(const Membership& membership, EventStore& store) {
    for (const auto& [team, members] : membership.teams) {
        std::vector<int32_t>& owners = store.teams[team];
        for (const std::string& user : members)
            if (const auto o = store.find_owner(user)) owners.push_back(*o);
        cold_sort(owners);
        owners.erase(std::unique(owners.begin(), owners.end()), owners.end());
    }
}

}  // namespace

EventStore build_event_store(const std::vector<DealRow>& deal_rows, const std::vector<ActivityRow>& activity_rows,
                             const std::vector<StageChangeRow>& stage_change_rows, const Membership& membership,
                             const std::vector<CurrencyInfo>& currencies) {
    EventStore store;
    Builder b{store, Interner<std::string_view, TextHash>(membership.users.size()), {}, {}, {}};
    for (const std::string& user : membership.users) b.known_users.intern(user);
    for (const CurrencyInfo& c : currencies) {
        b.known_currencies.insert(c.code);
        store.currency_codes[c.id] = c.code;
    }
    Deals deals{IdIndex(deal_rows, [](const DealRow& d) -> const std::string& { return d.id; }), {}};
    build_deals(deal_rows, b, deals);
    build_stage_changes(stage_change_rows, b, deals);
    build_activities(activity_rows, b);
    b.publish_owners();
    build_teams(membership, store);
    return store;
}

EventStore build_event_store(const EventRows& rows, const Membership& membership,
                             const std::vector<CurrencyInfo>& currencies) {
    return build_event_store(rows.deals, rows.activities, rows.stage_changes, membership, currencies);
}

}  // namespace gp
