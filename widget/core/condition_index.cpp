// The condition index (see condition_index.hpp).
//
// Index
// - [SECTION] Byte automaton (trie / Aho-Corasick with byte classes)
// - [SECTION] Exact-value table
// - [SECTION] Channels (one field, folded or not)
// - [SECTION] Building
// - [SECTION] Evaluating
#include "core/condition_index.hpp"

#include <algorithm>
#include <cassert>
#include <deque>
#include <unordered_map>

namespace gp {

//-----------------------------------------------------------------------------
// [SECTION] Byte automaton
//-----------------------------------------------------------------------------

namespace {

// A dense transition table over byte classes: bytes that occur in no pattern share class 0, so the table
// is nodes x (distinct pattern bytes + 1) rather than nodes x 256. Used three ways: as a prefix trie
// (walk until no edge), as a suffix trie (patterns and walk reversed) and, after link(), as an
// Aho-Corasick automaton whose missing edges follow failure links (every step is one table read).
class ByteAutomaton {
public:
    void add(std::string_view pattern, uint32_t condition, bool reversed) {
        pending_.push_back({std::string(pattern), condition});
        if (reversed) std::reverse(pending_.back().pattern.begin(), pending_.back().pattern.end());
    }
    bool empty() const { return pending_.empty(); }

    void build(bool aho_corasick) {
        if (pending_.empty()) return;  // no nodes: every walk returns at once
        assign_classes();
        new_node();
        for (const Pending& p : pending_) insert(p);
        if (aho_corasick) link();
        flatten_outputs();
    }

    // Calls `hit(condition)` for every pattern that is a prefix of `s` (or, reversed, a suffix).
    template <class F>
    void walk_prefixes(std::string_view s, bool reversed, F&& hit) const {
        if (nodes_ == 0) return;
        int32_t node = 0;
        const size_t n = s.size();
        for (size_t i = 0; i < n; ++i) {
            const unsigned char c = static_cast<unsigned char>(reversed ? s[n - 1 - i] : s[i]);
            node = next_[static_cast<size_t>(node) * classes_ + byte_class_[c]];
            if (node < 0) return;
            emit_own(node, hit);
        }
    }

    // Calls `hit(condition)` for every occurrence of every pattern in `s` (Aho-Corasick).
    template <class F>
    void scan(std::string_view s, F&& hit) const {
        if (nodes_ == 0) return;
        int32_t node = 0;
        for (char ch : s) {
            node = next_[static_cast<size_t>(node) * classes_ + byte_class_[static_cast<unsigned char>(ch)]];
            for (int32_t o = node; o > 0; o = dict_link_[static_cast<size_t>(o)]) emit_own(o, hit);
        }
    }

    size_t memory_bytes() const {
        return next_.size() * sizeof(int32_t) + dict_link_.size() * sizeof(int32_t) +
               out_begin_.size() * sizeof(uint32_t) + outputs_.size() * sizeof(uint32_t);
    }

private:
    struct Pending {
        std::string pattern;
        uint32_t condition;
    };

    template <class F>
    void emit_own(int32_t node, F& hit) const {
        for (uint32_t k = out_begin_[static_cast<size_t>(node)]; k < out_begin_[static_cast<size_t>(node) + 1]; ++k)
            hit(outputs_[k]);
    }

    void assign_classes() {
        std::fill(std::begin(byte_class_), std::end(byte_class_), uint16_t{0});
        classes_ = 1;
        for (const Pending& p : pending_)
            for (char ch : p.pattern) {
                uint16_t& cls = byte_class_[static_cast<unsigned char>(ch)];
                if (cls == 0) cls = static_cast<uint16_t>(classes_++);
            }
    }

    int32_t new_node() {
        next_.resize(next_.size() + classes_, -1);
        node_outputs_.emplace_back();
        return static_cast<int32_t>(nodes_++);
    }

    void insert(const Pending& p) {
        int32_t node = 0;
        for (char ch : p.pattern) {
            const size_t slot = static_cast<size_t>(node) * classes_ + byte_class_[static_cast<unsigned char>(ch)];
            if (next_[slot] < 0) {
                const int32_t created = new_node();  // may reallocate next_: index again below
                next_[slot] = created;
            }
            node = next_[slot];
        }
        node_outputs_[static_cast<size_t>(node)].push_back(p.condition);
    }

    // Breadth-first: failure links, then missing edges filled from the failure node's edges, and
    // dictionary links to the nearest node on the failure chain that has outputs.
    void link() {
        std::vector<int32_t> fail(nodes_, 0);
        dict_link_.assign(nodes_, 0);
        std::deque<int32_t> queue;
        for (size_t c = 0; c < classes_; ++c) {
            int32_t& child = next_[c];
            if (child < 0) child = 0;
            else queue.push_back(child);
        }
        while (!queue.empty()) {
            const int32_t node = queue.front();
            queue.pop_front();
            for (size_t c = 0; c < classes_; ++c) {
                const size_t slot = static_cast<size_t>(node) * classes_ + c;
                const int32_t via_fail = next_[static_cast<size_t>(fail[static_cast<size_t>(node)]) * classes_ + c];
                if (next_[slot] < 0) {
                    next_[slot] = via_fail;
                    continue;
                }
                const int32_t child = next_[slot];
                fail[static_cast<size_t>(child)] = via_fail;
                dict_link_[static_cast<size_t>(child)] =
                    node_outputs_[static_cast<size_t>(via_fail)].empty() ? dict_link_[static_cast<size_t>(via_fail)] : via_fail;
                queue.push_back(child);
            }
        }
    }

    void flatten_outputs() {
        out_begin_.assign(nodes_ + 1, 0);
        for (size_t n = 0; n < nodes_; ++n) {
            out_begin_[n + 1] = out_begin_[n] + static_cast<uint32_t>(node_outputs_[n].size());
            outputs_.insert(outputs_.end(), node_outputs_[n].begin(), node_outputs_[n].end());
        }
        node_outputs_.clear();
        node_outputs_.shrink_to_fit();
        pending_.clear();
        pending_.shrink_to_fit();
    }

    std::vector<Pending> pending_;
    uint16_t byte_class_[256] = {};
    size_t classes_ = 1;
    size_t nodes_ = 0;
    std::vector<int32_t> next_;
    std::vector<int32_t> dict_link_;
    std::vector<std::vector<uint32_t>> node_outputs_;  // while building
    std::vector<uint32_t> out_begin_;
    std::vector<uint32_t> outputs_;
};

//-----------------------------------------------------------------------------
// [SECTION] Exact-value table
//-----------------------------------------------------------------------------

uint64_t hash_bytes(std::string_view s) {
    uint64_t h = 1469598103934665603ull;  // FNV-1a: short keys, no allocation to look one up
    for (char c : s) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ull;
    }
    return h;
}

// Keyed by hash: a collision only costs a verification, which apply_operator does anyway.
using ExactTable = std::unordered_map<uint64_t, std::vector<uint32_t>>;

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Channels
//-----------------------------------------------------------------------------

namespace {

constexpr size_t kFieldCount = 9;  // ConditionField values

struct Channel {
    ConditionField field = ConditionField::url;
    bool folded = false;
    bool used = false;
    ExactTable exact;
    ByteAutomaton prefixes, suffixes, substrings;
};

struct FlatCondition {
    const CompiledCondition* condition = nullptr;
    uint32_t goal = 0;
    bool verify = false;  // the index only proposed it (wildcards): apply_operator decides
};

size_t channel_of(ConditionField field, bool folded) { return static_cast<size_t>(field) * 2 + (folded ? 1 : 0); }

// The literal a wildcard is indexed by, and where: its first part as a prefix, else its last part as a
// suffix, else its longest middle part as a substring. False for a pattern of stars only.
enum class Anchor { prefix, suffix, substring, none };
Anchor wildcard_anchor(const CompiledCondition& c, std::string_view& literal) {
    const auto& parts = c.wildcard_parts;
    if (!parts.front().empty()) {
        literal = parts.front();
        return Anchor::prefix;
    }
    if (!parts.back().empty()) {
        literal = parts.back();
        return Anchor::suffix;
    }
    literal = {};
    for (const std::string& p : parts)
        if (p.size() > literal.size()) literal = p;
    return literal.empty() ? Anchor::none : Anchor::substring;
}

}  // namespace

struct ConditionIndex::Impl {
    const std::vector<CompiledGoal>* goals = nullptr;
    std::vector<FlatCondition> conditions;
    std::vector<uint32_t> goal_first;        // first flat condition of each goal (size goals + 1)
    std::vector<uint8_t> evaluate_directly;  // per flat condition: not indexable, eval every time
    std::vector<uint32_t> always_goals;      // goals that must be looked at for every page view
    Channel channels[kFieldCount * 2];

    // Scratch between calls.
    std::vector<uint8_t> hit;
    std::vector<uint8_t> goal_seen;
    std::vector<uint32_t> touched;
    std::vector<Verdict> verdicts;

    void add_condition(uint32_t flat_id);
    void build(const std::vector<CompiledGoal>& goals);
    void record_hit(uint32_t flat_id, std::string_view subject);
    void scan_channel(const Channel& ch, const Subject& subject);
    Verdict goal_verdict(uint32_t goal, const Subject& subject);
};

//-----------------------------------------------------------------------------
// [SECTION] Building
//-----------------------------------------------------------------------------

void ConditionIndex::Impl::add_condition(uint32_t flat_id) {
    FlatCondition& flat = conditions[flat_id];
    const CompiledCondition& c = *flat.condition;
    if (!c.evaluable()) return;  // its verdict is fixed; goal_verdict reads it
    Channel& ch = channels[channel_of(c.field, c.folded)];
    ch.field = c.field;
    ch.folded = c.folded;
    switch (c.op) {
        case ConditionOp::equals: ch.exact[hash_bytes(c.pattern)].push_back(flat_id); break;
        case ConditionOp::starts_with: ch.prefixes.add(c.pattern, flat_id, false); break;
        case ConditionOp::ends_with: ch.suffixes.add(c.pattern, flat_id, true); break;
        case ConditionOp::contains: ch.substrings.add(c.pattern, flat_id, false); break;
        case ConditionOp::wildcard: {
            std::string_view literal;
            flat.verify = true;
            switch (wildcard_anchor(c, literal)) {
                case Anchor::prefix: ch.prefixes.add(literal, flat_id, false); break;
                case Anchor::suffix: ch.suffixes.add(literal, flat_id, true); break;
                case Anchor::substring: ch.substrings.add(literal, flat_id, false); break;
                case Anchor::none: evaluate_directly[flat_id] = 1; return;
            }
            break;
        }
        default: evaluate_directly[flat_id] = 1; return;
    }
    ch.used = true;
}

void ConditionIndex::Impl::build(const std::vector<CompiledGoal>& all) {
    goals = &all;
    goal_first.assign(1, 0);
    for (uint32_t g = 0; g < all.size(); ++g) {
        for (const CompiledCondition& c : all[g].conditions) conditions.push_back({&c, g, false});
        goal_first.push_back(static_cast<uint32_t>(conditions.size()));
    }
    evaluate_directly.assign(conditions.size(), 0);
    for (uint32_t id = 0; id < conditions.size(); ++id) add_condition(id);
    for (Channel& ch : channels) {
        ch.prefixes.build(false);
        ch.suffixes.build(false);
        ch.substrings.build(true);
    }
    // A goal needs a look on every page view when hits alone cannot decide it: a condition evaluated
    // directly, or a verdict other than no_match when nothing is hit (negations, unsupported, "all" of none).
    hit.assign(conditions.size(), 0);
    goal_seen.assign(all.size(), 0);
    for (uint32_t g = 0; g < all.size(); ++g) {
        bool direct = false;
        for (uint32_t id = goal_first[g]; id < goal_first[g + 1]; ++id) direct |= evaluate_directly[id] != 0;
        verdicts.clear();
        for (uint32_t id = goal_first[g]; id < goal_first[g + 1]; ++id) {
            const CompiledCondition& c = *conditions[id].condition;
            verdicts.push_back(!c.evaluable() ? c.fixed : (c.negate ? Verdict::match : Verdict::no_match));
        }
        if (direct || combine_verdicts(all[g].combinator, verdicts.data(), verdicts.size()) != Verdict::no_match)
            always_goals.push_back(g);
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Evaluating
//-----------------------------------------------------------------------------

void ConditionIndex::Impl::record_hit(uint32_t id, std::string_view subject) {
    if (hit[id]) return;
    const FlatCondition& flat = conditions[id];
    if (flat.verify && !apply_operator(*flat.condition, subject)) return;
    hit[id] = 1;
    if (!goal_seen[flat.goal]) {
        goal_seen[flat.goal] = 1;
        touched.push_back(flat.goal);
    }
}

void ConditionIndex::Impl::scan_channel(const Channel& ch, const Subject& subject) {
    const std::string_view s = subject.text(ch.field, ch.folded);
    auto on_hit = [&](uint32_t id) { record_hit(id, s); };
    if (!ch.exact.empty()) {
        auto it = ch.exact.find(hash_bytes(s));
        if (it != ch.exact.end())
            for (uint32_t id : it->second)
                if (conditions[id].condition->pattern == s) on_hit(id);
    }
    ch.prefixes.walk_prefixes(s, false, on_hit);
    ch.suffixes.walk_prefixes(s, true, on_hit);
    ch.substrings.scan(s, on_hit);
}

Verdict ConditionIndex::Impl::goal_verdict(uint32_t g, const Subject& subject) {
    verdicts.clear();
    for (uint32_t id = goal_first[g]; id < goal_first[g + 1]; ++id) {
        const CompiledCondition& c = *conditions[id].condition;
        if (!c.evaluable()) verdicts.push_back(c.fixed);
        else if (evaluate_directly[id]) verdicts.push_back(eval_condition(c, subject));
        else verdicts.push_back((hit[id] != 0) != c.negate ? Verdict::match : Verdict::no_match);
    }
    return combine_verdicts((*goals)[g].combinator, verdicts.data(), verdicts.size());
}

ConditionIndex::ConditionIndex() : impl_(std::make_unique<Impl>()) {}
ConditionIndex::~ConditionIndex() = default;
ConditionIndex::ConditionIndex(ConditionIndex&&) noexcept = default;
ConditionIndex& ConditionIndex::operator=(ConditionIndex&&) noexcept = default;

void ConditionIndex::build(const std::vector<CompiledGoal>& goals) {
    impl_ = std::make_unique<Impl>();
    impl_->build(goals);
}

void ConditionIndex::evaluate(const Subject& subject, std::vector<GoalVerdict>& out) {
    Impl& m = *impl_;
    assert(m.goals && "build() before evaluate()");
    out.clear();
    if (subject.url_status() != UrlStatus::ok) {
        // Every URL condition is an explicit error on such a page: rare, so the reference loop answers.
        evaluate_naive(*m.goals, subject, out);
        return;
    }
    for (const Channel& ch : m.channels)
        if (ch.used) m.scan_channel(ch, subject);
    for (uint32_t g : m.always_goals)
        if (!m.goal_seen[g]) {
            m.goal_seen[g] = 1;
            m.touched.push_back(g);
        }
    std::sort(m.touched.begin(), m.touched.end());
    for (uint32_t g : m.touched) {
        const Verdict v = m.goal_verdict(g, subject);
        if (v != Verdict::no_match) out.push_back({g, v});
        m.goal_seen[g] = 0;
        std::fill(m.hit.begin() + m.goal_first[g], m.hit.begin() + m.goal_first[g + 1], uint8_t{0});
    }
    m.touched.clear();
}

size_t ConditionIndex::memory_bytes() const {
    size_t bytes = impl_->conditions.size() * sizeof(FlatCondition);
    for (const Channel& ch : impl_->channels)
        bytes += ch.prefixes.memory_bytes() + ch.suffixes.memory_bytes() + ch.substrings.memory_bytes() +
                 ch.exact.size() * 48;
    return bytes;
}

void evaluate_naive(const std::vector<CompiledGoal>& goals, const Subject& subject, std::vector<GoalVerdict>& out) {
    out.clear();
    for (uint32_t g = 0; g < goals.size(); ++g) {
        const Verdict v = eval_goal_naive(goals[g], subject);
        if (v != Verdict::no_match) out.push_back({g, v});
    }
}

}  // namespace gp
