// The columnar event store. See events.hpp.
//
// Index
// - [SECTION] Ignored tally
// - [SECTION] Series
// - [SECTION] Building: checks
// - [SECTION] Building: layout
#include "core/events.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>
#include <unordered_set>

#include "core/calendar.hpp"

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

Series::Span Series::range(size_t s, TimestampMs t0, TimestampMs t1) const {
    const auto first = time.begin() + slice_begin[s];
    const auto last = time.begin() + slice_begin[s + 1];
    const auto lo = std::lower_bound(first, last, t0);
    const auto hi = std::lower_bound(lo, last, t1);
    const size_t i = static_cast<size_t>(lo - time.begin());
    const size_t j = static_cast<size_t>(hi - time.begin());
    return {static_cast<uint32_t>(j - i), prefix[j] - prefix[i]};
}

void Series::add_ranges(size_t s, const TimestampMs* starts, const TimestampMs* ends, size_t n, Span* out) const {
    auto cursor = time.begin() + slice_begin[s];
    const auto last = time.begin() + slice_begin[s + 1];
    auto hi = cursor;
    for (size_t i = 0; i < n; ++i) {
        const auto lo = (i > 0 && starts[i] == ends[i - 1]) ? hi : std::lower_bound(cursor, last, starts[i]);
        hi = std::lower_bound(lo, last, ends[i]);
        cursor = hi;
        const size_t a = static_cast<size_t>(lo - time.begin());
        const size_t b = static_cast<size_t>(hi - time.begin());
        out[i].count += static_cast<uint32_t>(b - a);
        out[i].sum += prefix[b] - prefix[a];
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

// One event before layout.
struct Row {
    SeriesKey key;
    TimestampMs time;
    double value;
};

// Sorts rows by (key, time) and lays them out as columns, slices and a prefix sum.
Series lay_out(std::vector<Row>& rows) {
    std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
        if (a.key == b.key) return a.time < b.time;
        return a.key < b.key;
    });
    Series s;
    s.time.reserve(rows.size());
    s.prefix.reserve(rows.size() + 1);
    s.prefix.push_back(0);
    for (size_t i = 0; i < rows.size(); ++i) {
        if (i == 0 || !(rows[i].key == rows[i - 1].key)) {
            s.slice_keys.push_back(rows[i].key);
            s.slice_begin.push_back(static_cast<uint32_t>(i));
        }
        s.time.push_back(rows[i].time);
        s.prefix.push_back(s.prefix.back() + rows[i].value);
    }
    s.slice_begin.push_back(static_cast<uint32_t>(rows.size()));
    return s;
}

//-----------------------------------------------------------------------------
// [SECTION] Building: checks
//-----------------------------------------------------------------------------

// Resolves owners and currencies to dense indices while building, refusing the unknown ones when the
// caller gave the full lists.
struct Builder {
    EventStore& store;
    std::unordered_set<std::string> known_users;
    std::unordered_set<std::string> known_currencies;

    std::optional<int32_t> owner(const std::string& user, const std::string& path) {
        if (user.empty() || (!known_users.empty() && !known_users.count(user))) {
            store.ignored.add(path, "unknown_user", "the event's owner '" + user + "' is not a known user");
            return std::nullopt;
        }
        const auto [it, inserted] = store.owner_index.emplace(user, static_cast<int32_t>(store.owners.size()));
        if (inserted) store.owners.push_back(user);
        return it->second;
    }

    std::optional<int32_t> currency(const std::string& code, const std::string& path) {
        if (!known_currencies.empty() && !code.empty() && !known_currencies.count(code)) {
            store.ignored.add(path, "unknown_currency", "the currency '" + code + "' is not in the currency list");
            return std::nullopt;
        }
        if (const auto found = store.find_currency(code)) return found;
        store.currencies.push_back(code);
        return static_cast<int32_t>(store.currencies.size() - 1);
    }
};

bool first_time_seen(std::unordered_set<std::string>& seen, const std::string& id, const std::string& path,
                     IgnoredTally& ignored) {
    if (id.empty()) {
        ignored.add(path, "missing_id", "the event has no id");
        return false;
    }
    if (seen.insert(id).second) return true;
    ignored.add(path, "duplicate_id", "the id '" + id + "' was already seen; the first one is kept");
    return false;
}

//-----------------------------------------------------------------------------
// [SECTION] Building: layout
//-----------------------------------------------------------------------------

struct DealInfo {
    int32_t owner;
    int32_t currency;
    int64_t pipeline;
    double value;
};

struct DealRowsOut {
    std::vector<Row> won, started, forecast;
};

void add_deal(const DealRow& d, Builder& b, DealRowsOut& out, std::unordered_map<std::string, DealInfo>& infos) {
    if (!d.add_time) return b.store.ignored.add(d.path, "bad_time", "the deal has no valid add_time");
    if (d.status == DealStatus::won && !d.won_time)
        return b.store.ignored.add(d.path, "bad_time", "the won deal has no valid won_time");
    if (!std::isfinite(d.value)) return b.store.ignored.add(d.path, "bad_value", "the deal's value is not a number");
    const std::optional<int32_t> owner = b.owner(d.owner, d.path);
    if (!owner) return;
    const std::optional<int32_t> currency = b.currency(d.currency, d.path);
    if (!currency) return;
    const SeriesKey key{*owner, *currency, d.pipeline, 0};
    infos.emplace(d.id, DealInfo{*owner, *currency, d.pipeline, d.value});
    if (d.status == DealStatus::deleted) return;  // known (for stage changes) but never counted
    out.started.push_back({key, *d.add_time, d.value});
    if (d.status == DealStatus::won) out.won.push_back({key, *d.won_time, d.value});
    if (d.status == DealStatus::open && d.expected_close) {
        const double weight = d.probability ? std::clamp(*d.probability, 0.0, 100.0) / 100.0 : 1.0;
        out.forecast.push_back({key, d.expected_close->days * kMsPerDay, d.value * weight});
    }
}

void build_deals(const EventRows& rows, Builder& b, std::unordered_map<std::string, DealInfo>& infos) {
    DealRowsOut out;
    std::unordered_set<std::string> seen;
    for (const DealRow& d : rows.deals)
        if (first_time_seen(seen, d.id, d.path, b.store.ignored)) add_deal(d, b, out, infos);
    b.store.won = lay_out(out.won);
    b.store.started = lay_out(out.started);
    b.store.forecast_open = lay_out(out.forecast);
}

// Only the first entry of a deal into a stage counts: a deal that leaves and comes back has not progressed
// again, and keeping one entry per (deal, stage) keeps the count a plain prefix sum.
void build_stage_changes(const EventRows& rows, Builder& b, const std::unordered_map<std::string, DealInfo>& infos) {
    std::vector<const StageChangeRow*> order;
    for (const StageChangeRow& c : rows.stage_changes) order.push_back(&c);
    std::stable_sort(order.begin(), order.end(),
                     [](const StageChangeRow* x, const StageChangeRow* y) { return x->time < y->time; });
    std::unordered_set<std::string> seen_ids;
    std::unordered_set<std::string> entered;  // "deal\nstage"
    std::vector<Row> progressed;
    for (const StageChangeRow* c : order) {
        if (!c->id.empty() && !seen_ids.insert(c->id).second) {
            b.store.ignored.add(c->path, "duplicate_id", "the stage change '" + c->id + "' was already seen");
            continue;
        }
        const auto deal = infos.find(c->deal_id);
        if (deal == infos.end()) {
            b.store.ignored.add(c->path, "unknown_deal", "the stage change names a deal that is not in the deals");
            continue;
        }
        if (!entered.insert(c->deal_id + "\n" + std::to_string(c->stage)).second) continue;
        const DealInfo& info = deal->second;
        progressed.push_back({{info.owner, info.currency, info.pipeline, c->stage}, c->time, info.value});
    }
    b.store.progressed = lay_out(progressed);
}

void build_activities(const EventRows& rows, Builder& b) {
    std::vector<Row> added, completed;
    std::unordered_set<std::string> seen;
    for (const ActivityRow& a : rows.activities) {
        if (!first_time_seen(seen, a.id, a.path, b.store.ignored)) continue;
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
        const SeriesKey key{*owner, -1, a.type, 0};
        added.push_back({key, *a.add_time, 1.0});
        if (a.done) completed.push_back({key, *a.done_time, 1.0});
    }
    b.store.activities_added = lay_out(added);
    b.store.activities_completed = lay_out(completed);
}

void build_teams(const Membership& membership, EventStore& store) {
    for (const auto& [team, members] : membership.teams) {
        std::vector<int32_t>& owners = store.teams[team];
        for (const std::string& user : members)
            if (const auto o = store.find_owner(user)) owners.push_back(*o);
        std::sort(owners.begin(), owners.end());
        owners.erase(std::unique(owners.begin(), owners.end()), owners.end());
    }
}

}  // namespace

EventStore build_event_store(const EventRows& rows, const Membership& membership,
                             const std::vector<CurrencyInfo>& currencies) {
    EventStore store;
    Builder b{store, {membership.users.begin(), membership.users.end()}, {}};
    for (const CurrencyInfo& c : currencies) {
        b.known_currencies.insert(c.code);
        store.currency_codes[c.id] = c.code;
    }
    std::unordered_map<std::string, DealInfo> infos;
    build_deals(rows, b, infos);
    build_stage_changes(rows, b, infos);
    build_activities(rows, b);
    build_teams(membership, store);
    return store;
}

}  // namespace gp
