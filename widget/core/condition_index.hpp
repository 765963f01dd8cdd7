// Conditions compiled into an index, so that one page view is checked against every goal in roughly the
// time it takes to read its fields once, instead of once per condition.
//
// The index holds:
//   - equals       : per field (and case-folding), a hash table of exact patterns;
//   - starts_with, ends_with, contains: per text (and case-folding), one Aho-Corasick automaton of every
//     literal of every field read from that text. The URL's parts (path, query, host) are slices of the
//     normalized URL, so one pass over the URL answers them all: an occurrence counts for a condition
//     when it lies inside the condition's field, and, for starts_with / ends_with, touches its start / end;
//   - wildcard     : indexed by its first (or last, or longest middle) literal, as above, then verified;
//   - the rest (numbers, a bare "*", goals that can match with no condition satisfied, e.g. negations)
//     is evaluated directly for every page view.
// Each page view costs one automaton step per byte of each text read (no backtracking), one hash per
// field with equals conditions, and work per condition hit.
// The naive loop (eval_goal_naive) is the reference: tests/unit/test_condition_index.cpp checks that both
// agree on random goal sets and URLs.
//
// A ConditionIndex keeps scratch space between calls: one index per thread.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "core/conditions.hpp"

namespace gp {

struct GoalVerdict {
    uint32_t goal = 0;  // index into the goals given to build()
    Verdict verdict = Verdict::no_match;
};

class ConditionIndex {
public:
    ConditionIndex();
    ~ConditionIndex();
    ConditionIndex(ConditionIndex&&) noexcept;
    ConditionIndex& operator=(ConditionIndex&&) noexcept;

    // The goals must outlive the index (it keeps pointers to their compiled conditions).
    void build(const std::vector<CompiledGoal>& goals);
    // Replaces `out` with every goal whose verdict for `subject` is not no_match, in goal order.
    // Room scope is the caller's: the index knows conditions only.
    void evaluate(const Subject& subject, std::vector<GoalVerdict>& out);

    size_t memory_bytes() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The reference: every goal through eval_goal_naive, with the same output shape.
void evaluate_naive(const std::vector<CompiledGoal>& goals, const Subject& subject, std::vector<GoalVerdict>& out);

}  // namespace gp
