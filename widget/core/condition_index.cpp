// The condition index (see condition_index.hpp).
//
// Index
// - [SECTION] Candidates
// - [SECTION] Byte automaton (Aho-Corasick over byte classes)
// - [SECTION] Exact-value table
// - [SECTION] Plans
// - [SECTION] Building
// - [SECTION] Evaluating
#include "core/condition_index.hpp"
#include "core/cold_code.hpp"
#include "core/cold_sort.hpp"

#include <algorithm>
#include <cassert>
#include <functional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>

namespace gp {

//-----------------------------------------------------------------------------
// [SECTION] Candidates
//-----------------------------------------------------------------------------

namespace {

constexpr size_t kFieldCount = 9;  // ConditionField values
constexpr size_t kChannels = kFieldCount * 2;  // per field, folded or not

size_t channel_of(ConditionField field, bool folded) { return static_cast<size_t>(field) * 2 + (folded ? 1 : 0); }
ConditionField field_of_channel(size_t channel) { return static_cast<ConditionField>(channel / 2); }
bool folded_channel(size_t channel) { return channel % 2 != 0; }

bool is_url_part(ConditionField f) {
    return f == ConditionField::url || f == ConditionField::path || f == ConditionField::query ||
           f == ConditionField::host;
}

// A condition as the tables report it: its flat id, its goal, and how a hit is taken.
struct Candidate {
    static constexpr uint32_t kVerify = 1u << 31;   // only proposed (wildcards): the glob decides
    static constexpr uint32_t kDecides = 1u << 30;  // its goal matches once any condition is hit
    static constexpr uint32_t kGoalMask = kDecides - 1;
    uint32_t condition = 0;
    uint32_t goal_and_flags = 0;
};

// Where a literal must lie inside its field for its condition to hold (before any verification).
enum class Place : uint8_t { anywhere, at_start, at_end };

// Candidates whose literal ends at the same automaton state with the same length, field and place:
// one position check answers for all of them (a literal shared by many goals is common).
struct CandidateGroup {
    uint32_t length = 0;
    ConditionField field = ConditionField::url;
    Place place = Place::anywhere;
    uint32_t first = 0, last = 0;  // range in the automaton's candidates
};

//-----------------------------------------------------------------------------
// [SECTION] Byte automaton
//-----------------------------------------------------------------------------

// Aho-Corasick as a dense transition table over byte classes: bytes that occur in no literal share
// class 0, so a row has (distinct literal bytes + 1) cells rather than 256, and missing edges are filled
// from the failure links at build time, so that every byte is one table read and nothing is re-read.
//
// The per-byte step is a chain of dependent loads, so a cell holds exactly what the next step needs:
// the target row's offset in the table. States with outputs are numbered last, so "is there an output
// here" is a comparison beside the chain rather than a step in it. Each row ends with two cells, the
// range of its candidate groups; that range already includes its dictionary-suffix states' outputs.
class ByteAutomaton {
public:
    void add(std::string_view literal, ConditionField field, Place place, Candidate candidate) {
        pending_.push_back({std::string(literal), field, place, candidate});
    }
    bool empty() const { return table_.empty(); }
    void build();

    // Where literals end in a text: the state reached (a row offset) and the offset just past the byte.
    struct Stop {
        uint32_t state;
        uint32_t end;
    };
    // Scans s[from..] from `state` (0: the start), leaving the state reached in `state`. Writes a Stop
    // for every byte after which some literal ends into `stops` (room for s.size() - from of them) and
    // returns how many. The loop has no branch but its own: a branch on "any output here?" would be
    // mispredicted at about every other stop, so stops are written always and counted when real.
    size_t scan(std::string_view s, size_t from, uint32_t& state, Stop* stops) const {
        const uint32_t* table = table_.data();
        const uint32_t first_output = first_output_;
        uint32_t cell = state;
        size_t count = 0;
        const size_t n = s.size();
        for (size_t i = from; i < n; ++i) {
            cell = table[cell + byte_class_[static_cast<unsigned char>(s[i])]];
            stops[count] = {cell, static_cast<uint32_t>(i + 1)};
            count += cell >= first_output;
        }
        state = cell;
        return count;
    }
    // The groups of literals that end at a stop's state.
    const CandidateGroup* groups_begin(uint32_t state) const { return groups_.data() + table_[state + classes_]; }
    const CandidateGroup* groups_end(uint32_t state) const { return groups_.data() + table_[state + classes_ + 1]; }
    const Candidate* candidates() const { return candidates_.data(); }

    size_t memory_bytes() const {
        return table_.size() * sizeof(uint32_t) + groups_.size() * sizeof(CandidateGroup) +
               candidates_.size() * sizeof(Candidate);
    }

private:
    struct Pending {
        std::string literal;
        ConditionField field;
        Place place;
        Candidate candidate;
    };
    void add_groups(std::vector<uint32_t>& outputs);

    std::vector<Pending> pending_;
    uint32_t byte_class_[256] = {};
    uint32_t classes_ = 1;
    uint32_t first_output_ = 0;   // the first row offset of a state with outputs
    std::vector<uint32_t> table_;  // rows of classes_ + 2 cells
    std::vector<CandidateGroup> groups_;
    std::vector<Candidate> candidates_;
};

void ByteAutomaton::build() {
    if (pending_.empty()) return;  // no table: a scan returns at once
    for (const Pending& p : pending_)
        for (char ch : p.literal) {
            uint32_t& cls = byte_class_[static_cast<unsigned char>(ch)];
            if (cls == 0) cls = classes_++;
        }

    // The trie, node by node (-1: no edge yet), with the literals that end at each node.
    std::vector<int32_t> next;
    std::vector<std::vector<uint32_t>> outputs;  // indices into pending_
    auto new_node = [&] {
        next.resize(next.size() + classes_, -1);
        outputs.emplace_back();
        return static_cast<int32_t>(outputs.size() - 1);
    };
    new_node();
    for (uint32_t i = 0; i < pending_.size(); ++i) {
        int32_t node = 0;
        for (char ch : pending_[i].literal) {
            const size_t slot = static_cast<size_t>(node) * classes_ + byte_class_[static_cast<unsigned char>(ch)];
            if (next[slot] < 0) {
                const int32_t created = new_node();  // may reallocate `next`: index again below
                next[slot] = created;
            }
            node = next[slot];
        }
        outputs[static_cast<size_t>(node)].push_back(i);
    }
    const size_t nodes = outputs.size();

    // Breadth-first: failure links, missing edges taken from the failure state, and each state's
    // outputs extended by its failure state's, whose list is complete first (it is shallower).
    std::vector<int32_t> fail(nodes, 0);
    std::vector<int32_t> queue;
    queue.reserve(nodes);
    for (size_t c = 0; c < classes_; ++c) {
        if (next[c] < 0) next[c] = 0;
        else queue.push_back(next[c]);
    }
    for (size_t head = 0; head < queue.size(); ++head) {
        const size_t node = static_cast<size_t>(queue[head]);
        const std::vector<uint32_t>& inherited = outputs[static_cast<size_t>(fail[node])];
        outputs[node].insert(outputs[node].end(), inherited.begin(), inherited.end());
        for (size_t c = 0; c < classes_; ++c) {
            const int32_t via_fail = next[static_cast<size_t>(fail[node]) * classes_ + c];
            int32_t& child = next[node * classes_ + c];
            if (child < 0) {
                child = via_fail;
            } else {
                fail[static_cast<size_t>(child)] = via_fail;
                queue.push_back(child);
            }
        }
    }

    // Rows: states without outputs first (the root among them: no literal is empty), then the others,
    // each group in breadth-first order, so that the shallow states every scan visits share few pages.
    const uint32_t width = classes_ + 2;
    std::vector<uint32_t> row_of(nodes);
    uint32_t row = 0;
    for (int pass = 0; pass < 2; ++pass)
        for (size_t k = 0; k <= queue.size(); ++k) {
            const size_t node = k == 0 ? 0 : static_cast<size_t>(queue[k - 1]);
            if (outputs[node].empty() != (pass == 0)) continue;
            row_of[node] = row;
            row += width;
        }
    assert(row_of[0] == 0 && "the root is the first row");
    table_.assign(static_cast<size_t>(nodes) * width, 0);
    first_output_ = row;
    for (size_t node = 0; node < nodes; ++node) {
        uint32_t* cells = &table_[row_of[node]];
        for (size_t c = 0; c < classes_; ++c) cells[c] = row_of[static_cast<size_t>(next[node * classes_ + c])];
        if (outputs[node].empty()) continue;
        first_output_ = std::min(first_output_, row_of[node]);
        cells[classes_] = static_cast<uint32_t>(groups_.size());
        add_groups(outputs[node]);
        cells[classes_ + 1] = static_cast<uint32_t>(groups_.size());
    }
    pending_.clear();
    pending_.shrink_to_fit();
}

// One state's outputs as groups of candidates sharing length, field and place (in condition order
// within a group).
void ByteAutomaton::add_groups(std::vector<uint32_t>& outputs) {
    auto key = [&](uint32_t i) {
        const Pending& p = pending_[i];
        return std::make_tuple(p.literal.size(), p.field, p.place);
    };
    cold_sort(outputs, [&](uint32_t a, uint32_t b) { return key(a) < key(b); });
    for (size_t i = 0; i < outputs.size(); ++i) {
        const Pending& p = pending_[outputs[i]];
        if (i == 0 || key(outputs[i]) != key(outputs[i - 1])) {
            CandidateGroup group;
            group.length = static_cast<uint32_t>(p.literal.size());
            group.field = p.field;
            group.place = p.place;
            group.first = group.last = static_cast<uint32_t>(candidates_.size());
            groups_.push_back(group);
        }
        candidates_.push_back(p.candidate);
        groups_.back().last = static_cast<uint32_t>(candidates_.size());
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Exact-value table
//-----------------------------------------------------------------------------

// Distinct patterns in an open-addressed table (linear probing, power-of-two size), each with the
// candidates of every condition that spells it: one hash and at most one comparison per lookup.
class ExactTable {
public:
    void add(std::string_view pattern, Candidate candidate) { pending_[std::string(pattern)].push_back(candidate); }
    bool empty() const { return slots_.empty(); }

    void build() {
        if (pending_.empty()) return;
        size_t size = 4;
        while (size < pending_.size() * 2) size *= 2;
        slots_.assign(size, Slot{});
        mask_ = size - 1;
        for (auto& [pattern, candidates] : pending_) {
            const size_t h = hash(pattern);
            size_t i = h & mask_;
            while (slots_[i].pattern != kEmpty) i = (i + 1) & mask_;
            slots_[i] = {h, static_cast<uint32_t>(patterns_.size()), static_cast<uint32_t>(candidates_.size()),
                         static_cast<uint32_t>(candidates_.size() + candidates.size())};
            patterns_.push_back(pattern);
            candidates_.insert(candidates_.end(), candidates.begin(), candidates.end());
        }
        pending_.clear();
    }

    // The candidates of the pattern equal to `s`, as [first, last), or an empty range.
    std::pair<const Candidate*, const Candidate*> find(std::string_view s) const {
        const size_t h = hash(s);
        for (size_t i = h & mask_; slots_[i].pattern != kEmpty; i = (i + 1) & mask_) {
            const Slot& slot = slots_[i];
            if (slot.hash == h && patterns_[slot.pattern] == s)
                return {candidates_.data() + slot.begin, candidates_.data() + slot.end};
        }
        return {nullptr, nullptr};
    }

    size_t memory_bytes() const {
        size_t bytes = slots_.size() * sizeof(Slot) + candidates_.size() * sizeof(Candidate);
        for (const std::string& p : patterns_) bytes += sizeof(std::string) + p.capacity();
        return bytes;
    }

private:
    static constexpr uint32_t kEmpty = UINT32_MAX;
    struct Slot {
        size_t hash = 0;
        uint32_t pattern = kEmpty;
        uint32_t begin = 0, end = 0;
    };
    static size_t hash(std::string_view s) { return std::hash<std::string_view>{}(s); }

    std::unordered_map<std::string, std::vector<Candidate>> pending_;
    std::vector<Slot> slots_;
    size_t mask_ = 0;
    std::vector<std::string> patterns_;
    std::vector<Candidate> candidates_;
};

//-----------------------------------------------------------------------------
// [SECTION] Plans
//-----------------------------------------------------------------------------

// How a condition's verdict is found once the hits are in.
enum class Source : uint8_t { hit, direct, fixed };
struct Plan {
    Source source = Source::hit;
    bool negate = false;
    Verdict fixed = Verdict::no_match;
    std::string_view literal;  // what the tables index it by (Source::hit)
    Place place = Place::anywhere;
    bool verify = false;
};

// How a goal's verdict is found: most goals are conditions the index answers alone, without negation,
// and then the hits decide (any: one was hit, since the goal was touched; all: every one was hit).
enum class GoalRule : uint8_t { any_hit, all_hit, general };

// The literal a wildcard is indexed by, and where: its first part at the start, else its last part at
// the end, else its longest middle part anywhere. False for a pattern of stars only.
bool wildcard_anchor(const CompiledCondition& c, std::string_view& literal, Place& place) {
    const auto& parts = c.wildcard_parts;
    if (!parts.front().empty()) {
        literal = parts.front();
        place = Place::at_start;
        return true;
    }
    if (!parts.back().empty()) {
        literal = parts.back();
        place = Place::at_end;
        return true;
    }
    literal = {};
    for (const std::string& p : parts)
        if (p.size() > literal.size()) literal = p;
    place = Place::anywhere;
    return !literal.empty();
}

Plan plan_condition(const CompiledCondition& c) {
    Plan plan;
    plan.negate = c.negate;
    if (!c.evaluable()) {
        plan.source = Source::fixed;
        plan.fixed = c.fixed;
        return plan;
    }
    plan.literal = c.pattern;
    switch (c.op) {
        case ConditionOp::equals: break;
        case ConditionOp::contains: plan.place = Place::anywhere; break;
        case ConditionOp::starts_with: plan.place = Place::at_start; break;
        case ConditionOp::ends_with: plan.place = Place::at_end; break;
        case ConditionOp::wildcard:
            plan.verify = true;
            if (!wildcard_anchor(c, plan.literal, plan.place)) plan.source = Source::direct;
            break;
        default: plan.source = Source::direct; break;
    }
    if (plan.literal.empty()) plan.source = Source::direct;  // in every text: the operator decides
    return plan;
}

// Where a field lies inside the text an automaton scans: [begin, end) offsets.
struct Span {
    size_t begin = 0, end = 0;
};

}  // namespace

struct ConditionIndex::Impl {
    const std::vector<CompiledGoal>* goals = nullptr;
    std::vector<const CompiledCondition*> conditions;  // flat, goal by goal
    std::vector<Plan> plans;                           // per flat condition
    std::vector<uint32_t> goal_first;                  // first flat condition of each goal (size goals + 1)
    std::vector<GoalRule> goal_rules;                  // per goal
    std::vector<uint32_t> always_goals;                // goals that must be looked at for every page view
    ExactTable exact[kChannels];        // per field
    ByteAutomaton literals[kChannels];  // per text scanned: the URL holds its parts' literals
    std::vector<size_t> exact_used, literals_used;  // the channels that hold something

    // Wildcards' parts, copied here back to back so that verifying one reads memory the index keeps warm.
    std::string wildcard_bytes;
    std::vector<std::string_view> wildcard_parts;            // into wildcard_bytes
    std::vector<std::pair<uint32_t, uint32_t>> wildcard_of;  // per flat condition: first part, part count

    // Scratch between calls. Flags are 16-bit: a byte store may alias anything, so after each one the
    // compiler would re-read every vector's data pointer in the loops that set them.
    std::vector<uint16_t> hit;       // per flat condition (of goals that hits alone do not decide)
    std::vector<uint32_t> hit_list;  // the conditions hit, to reset
    size_t hit_count = 0;
    // The goals touched (hit, or always looked at), as bits read back in goal order: a word per 64 goals,
    // and a summary bit per word, so that reading them costs the words touched rather than all of them.
    std::vector<uint64_t> goal_bits;
    std::vector<uint64_t> goal_summary;
    std::vector<ByteAutomaton::Stop> stops;
    std::vector<Verdict> verdicts;
    // Where the URL automaton stands after a URL's origin ("scheme://host:port"), and the stops inside
    // it: they depend on the origin alone, and a site's page views share a few origins, so the bytes
    // of a remembered origin are not scanned again (per folding; a few origins, replaced in turn).
    struct OriginMemo {
        std::string origin;
        uint32_t state = 0;
        std::vector<ByteAutomaton::Stop> stops;
    };
    static constexpr size_t kOrigins = 8;
    OriginMemo origins[2][kOrigins];
    size_t next_origin[2] = {0, 0};
    size_t last_origin[2] = {0, 0};
    size_t scan_url(const ByteAutomaton& automaton, std::string_view url, size_t origin_end, bool folded);

    void build(const std::vector<CompiledGoal>& goals);
    void index_condition(uint32_t flat_id, uint32_t goal);
    void touch(uint32_t goal) {
        goal_bits[goal >> 6] |= uint64_t{1} << (goal & 63);
        goal_summary[goal >> 12] |= uint64_t{1} << ((goal >> 6) & 63);
    }
    void take(const Candidate* first, const Candidate* last, std::string_view field_text);
    void scan_literals(size_t channel, const Subject& subject);
    Verdict goal_verdict(uint32_t goal, const Subject& subject);
};

//-----------------------------------------------------------------------------
// [SECTION] Building
//-----------------------------------------------------------------------------
GP_COLD_CODE_BEGIN

void ConditionIndex::Impl::index_condition(uint32_t id, uint32_t goal) {
    const Plan& plan = plans[id];
    const CompiledCondition& c = *conditions[id];
    Candidate candidate;
    candidate.condition = id;
    candidate.goal_and_flags = goal;
    if (plan.verify) {
        candidate.goal_and_flags |= Candidate::kVerify;
        wildcard_of[id] = {static_cast<uint32_t>(wildcard_parts.size()), static_cast<uint32_t>(c.wildcard_parts.size())};
        for (const std::string& part : c.wildcard_parts) {
            // The condition's own bytes for now (wildcard_bytes still grows); build() points them into it.
            wildcard_parts.emplace_back(part);
            wildcard_bytes += part;
        }
    } else if (goal_rules[goal] == GoalRule::any_hit) {
        candidate.goal_and_flags |= Candidate::kDecides;
    }
    if (c.op == ConditionOp::equals) exact[channel_of(c.field, c.folded)].add(plan.literal, candidate);
    else
        literals[channel_of(is_url_part(c.field) ? ConditionField::url : c.field, c.folded)].add(
            plan.literal, c.field, plan.place, candidate);
}

void ConditionIndex::Impl::build(const std::vector<CompiledGoal>& all) {
    goals = &all;
    goal_first.assign(1, 0);
    for (uint32_t g = 0; g < all.size(); ++g) {
        for (const CompiledCondition& c : all[g].conditions) {
            conditions.push_back(&c);
            plans.push_back(plan_condition(c));
        }
        goal_first.push_back(static_cast<uint32_t>(conditions.size()));
    }

    // A goal needs a look on every page view when hits alone cannot decide it: a condition evaluated
    // directly, or a verdict other than no_match when nothing is hit (negations, unsupported, "all" of none).
    goal_rules.assign(all.size(), GoalRule::general);
    for (uint32_t g = 0; g < all.size(); ++g) {
        bool direct = false, only_hits = true;
        verdicts.clear();
        for (uint32_t id = goal_first[g]; id < goal_first[g + 1]; ++id) {
            const Plan& p = plans[id];
            direct |= p.source == Source::direct;
            only_hits &= p.source == Source::hit && !p.negate;
            verdicts.push_back(p.source == Source::fixed ? p.fixed : (p.negate ? Verdict::match : Verdict::no_match));
        }
        if (only_hits && goal_first[g + 1] > goal_first[g])
            goal_rules[g] = all[g].combinator == Combinator::any ? GoalRule::any_hit : GoalRule::all_hit;
        if (direct || combine_verdicts(all[g].combinator, verdicts.data(), verdicts.size()) != Verdict::no_match)
            always_goals.push_back(g);
    }

    wildcard_of.assign(conditions.size(), {0, 0});
    for (uint32_t g = 0; g < all.size(); ++g)
        for (uint32_t id = goal_first[g]; id < goal_first[g + 1]; ++id)
            if (plans[id].source == Source::hit) index_condition(id, g);
    size_t offset = 0;
    for (std::string_view& part : wildcard_parts) {
        part = std::string_view(wildcard_bytes).substr(offset, part.size());
        offset += part.size();
    }
    for (size_t k = 0; k < kChannels; ++k) {
        exact[k].build();
        literals[k].build();
        if (!exact[k].empty()) exact_used.push_back(k);
        if (!literals[k].empty()) literals_used.push_back(k);
    }

    hit.assign(conditions.size(), 0);
    hit_list.assign(conditions.size(), 0);
    goal_bits.assign(all.size() / 64 + 1, 0);
    goal_summary.assign(goal_bits.size() / 64 + 1, 0);
}

GP_COLD_CODE_END

//-----------------------------------------------------------------------------
// [SECTION] Evaluating
//-----------------------------------------------------------------------------

// Takes the hits on candidates whose literal is where their conditions need it in `field_text`.
void ConditionIndex::Impl::take(const Candidate* first, const Candidate* last, std::string_view field_text) {
    for (const Candidate* c = first; c != last; ++c) {
        const uint32_t goal = c->goal_and_flags & Candidate::kGoalMask;
        if (c->goal_and_flags & Candidate::kDecides) {  // no flag to keep: the goal is decided
            touch(goal);
            continue;
        }
        if (hit[c->condition]) continue;
        if (c->goal_and_flags & Candidate::kVerify) {
            const auto [part, count] = wildcard_of[c->condition];
            if (!wildcard_match(wildcard_parts.data() + part, count, field_text)) continue;
        }
        hit[c->condition] = 1;
        hit_list[hit_count++] = c->condition;
        touch(goal);
    }
}

void ConditionIndex::Impl::scan_literals(size_t channel, const Subject& subject) {
    const ConditionField field = field_of_channel(channel);
    const bool folded = folded_channel(channel);
    const std::string_view s = subject.text(field, folded);
    // The URL's parts are slices of the same text: their spans inside it bound where an occurrence counts.
    Span spans[kFieldCount];
    spans[static_cast<size_t>(field)] = {0, s.size()};
    if (field == ConditionField::url) {
        const NormalizedUrl& url = subject.url();
        spans[static_cast<size_t>(ConditionField::path)] = {url.path_begin, url.path_end};
        spans[static_cast<size_t>(ConditionField::query)] = {url.query_begin, url.query_end};
        spans[static_cast<size_t>(ConditionField::host)] = {url.host_begin, url.host_end};
    }
    const ByteAutomaton& automaton = literals[channel];
    if (stops.size() < s.size()) stops.resize(s.size());
    uint32_t state = 0;
    const size_t stop_count = field == ConditionField::url
                                  ? scan_url(automaton, s, spans[static_cast<size_t>(ConditionField::path)].begin, folded)
                                  : automaton.scan(s, 0, state, stops.data());
    for (size_t k = 0; k < stop_count; ++k) {
        const ByteAutomaton::Stop stop = stops[k];
        const CandidateGroup* const groups_end = automaton.groups_end(stop.state);
        for (const CandidateGroup* group = automaton.groups_begin(stop.state); group != groups_end; ++group) {
            const Span span = spans[static_cast<size_t>(group->field)];
            const size_t start = stop.end - group->length;
            if (start < span.begin || stop.end > span.end) continue;
            if (group->place == Place::at_start ? start != span.begin
                                                : group->place == Place::at_end && stop.end != span.end)
                continue;
            take(automaton.candidates() + group->first, automaton.candidates() + group->last,
                 s.substr(span.begin, span.end - span.begin));
        }
    }
}

size_t ConditionIndex::Impl::scan_url(const ByteAutomaton& automaton, std::string_view url, size_t origin_end,
                                      bool folded) {
    const std::string_view origin = url.substr(0, origin_end);
    OriginMemo* const memos = origins[folded];
    OriginMemo* memo = nullptr;
    // The last origin used first: page views of one site often come in runs from one origin.
    const size_t last = last_origin[folded];
    if (memos[last].origin == origin) memo = &memos[last];
    for (size_t k = 0; k < kOrigins && !memo; ++k)
        if (memos[k].origin == origin) memo = &memos[k];
    if (!memo) {
        memo = &memos[next_origin[folded]];
        next_origin[folded] = (next_origin[folded] + 1) % kOrigins;
        memo->origin.assign(origin.data(), origin.size());
        memo->state = 0;
        memo->stops.resize(origin.size());
        memo->stops.resize(automaton.scan(origin, 0, memo->state, memo->stops.data()));
    }
    last_origin[folded] = static_cast<size_t>(memo - memos);
    std::copy(memo->stops.begin(), memo->stops.end(), stops.begin());
    uint32_t state = memo->state;
    return memo->stops.size() + automaton.scan(url, origin_end, state, stops.data() + memo->stops.size());
}

Verdict ConditionIndex::Impl::goal_verdict(uint32_t g, const Subject& subject) {
    const uint32_t first = goal_first[g], end = goal_first[g + 1];
    switch (goal_rules[g]) {
        case GoalRule::any_hit: return Verdict::match;
        case GoalRule::all_hit:
            for (uint32_t id = first; id < end; ++id)
                if (!hit[id]) return Verdict::no_match;
            return Verdict::match;
        case GoalRule::general: break;
    }
    verdicts.clear();
    for (uint32_t id = first; id < end; ++id) {
        const Plan& p = plans[id];
        switch (p.source) {
            case Source::fixed: verdicts.push_back(p.fixed); break;
            case Source::direct: verdicts.push_back(eval_condition(*conditions[id], subject)); break;
            case Source::hit: verdicts.push_back((hit[id] != 0) != p.negate ? Verdict::match : Verdict::no_match); break;
        }
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
    for (size_t k : m.exact_used) {
        const auto [first, last] = m.exact[k].find(subject.text(field_of_channel(k), folded_channel(k)));
        m.take(first, last, {});  // equals is never verified
    }
    for (size_t k : m.literals_used) m.scan_literals(k, subject);
    for (uint32_t g : m.always_goals) m.touch(g);

    for (size_t si = 0; si < m.goal_summary.size(); ++si) {
        for (uint64_t summary = std::exchange(m.goal_summary[si], 0); summary != 0; summary &= summary - 1) {
            const size_t wi = si * 64 + static_cast<size_t>(__builtin_ctzll(summary));  // GCC and Clang
            for (uint64_t word = std::exchange(m.goal_bits[wi], 0); word != 0; word &= word - 1) {
                const uint32_t g = static_cast<uint32_t>(wi * 64 + static_cast<size_t>(__builtin_ctzll(word)));
                const Verdict v = m.goal_rules[g] == GoalRule::any_hit ? Verdict::match : m.goal_verdict(g, subject);
                if (v == Verdict::no_match) continue;
                // Field by field: a GoalVerdict built whole on the stack is written in pieces and read back
                // as one word, which stalls on store forwarding once per match.
                GoalVerdict& gv = out.emplace_back();
                gv.goal = g;
                gv.verdict = v;
            }
        }
    }
    uint16_t* const hit = m.hit.data();
    const uint32_t* const hit_list = m.hit_list.data();
    for (size_t k = 0; k < m.hit_count; ++k) hit[hit_list[k]] = 0;
    m.hit_count = 0;
}

size_t ConditionIndex::memory_bytes() const {
    size_t bytes = impl_->conditions.size() * (sizeof(const CompiledCondition*) + sizeof(Plan));
    for (size_t k = 0; k < kChannels; ++k) bytes += impl_->exact[k].memory_bytes() + impl_->literals[k].memory_bytes();
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
