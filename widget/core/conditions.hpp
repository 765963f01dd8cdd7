// The condition engine: what a page view or event is, how a goal's conditions are compiled (patterns
// normalized once), and the naive reference evaluation that the index (condition_index.hpp) must agree with.
//
// Verdicts are three-valued plus error: a condition we cannot evaluate is "unsupported", a condition whose
// configuration is wrong is "error"; neither is ever reported as a plain non-match.
//
// Index
// - [SECTION] Page views and events
// - [SECTION] Subjects (a page view's normalized fields)
// - [SECTION] Compiled conditions and goals
// - [SECTION] Naive evaluation (the reference)
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"
#include "core/url.hpp"

namespace gp {

//-----------------------------------------------------------------------------
// [SECTION] Page views and events
//-----------------------------------------------------------------------------

// One record of the canonical log: a page view (event_name empty) or an event on a page. A chat event
// with an agent is also an attribution touch (attribution.hpp).
struct PageView {
    std::string visitor_id;
    TimestampMs at = 0;
    std::string url;
    std::string title;
    std::string referrer;
    std::string event_name;
    std::string event_value;              // as given; numeric operators parse it
    std::optional<double> goal_value;     // the value a match of this event is worth, if the page says
    std::string room;                     // giosg room id, empty when unknown
    std::string agent_id;                 // chat touches only
    std::string department_id;
};

enum class Verdict : uint8_t { no_match, match, unsupported, error };
const char* verdict_name(Verdict verdict);

//-----------------------------------------------------------------------------
// [SECTION] Subjects
//-----------------------------------------------------------------------------

// A page view's fields in the form conditions compare against, built once per page view and shared by
// every goal. assign() reuses its buffers, so a matching loop allocates only while they grow.
// Only the URL is normalized in assign(): the folded spellings and the referrer are prepared the first
// time a condition asks for them, since most goal sets never read most fields (a view's texts are
// valid until the next assign()).
class Subject {
public:
    void assign(const PageView& view);
    // `folded`: the ASCII-lower-cased spelling, for case-insensitive conditions.
    std::string_view text(ConditionField field, bool folded) const;
    UrlStatus url_status() const { return url_status_; }
    // The normalized URL's parts as offsets: the same in its folded spelling.
    const NormalizedUrl& url() const { return url_; }
    const PageView* view() const { return view_; }

private:
    enum Prepared : uint8_t { url_folded, referrer, referrer_folded, title_folded, event_name_folded, event_value_folded, count };
    std::string_view prepared(Prepared which) const {
        if (!(prepared_ & (1u << which))) prepare(which);
        return {buffers_[which].data(), lengths_[which]};
    }
    void prepare(Prepared which) const;
    void fold_into(std::string_view text, Prepared which) const;

    const PageView* view_ = nullptr;
    UrlStatus url_status_ = UrlStatus::empty;
    NormalizedUrl url_;
    mutable uint8_t prepared_ = 0;  // bit per Prepared: which buffers hold this view's text
    // Buffers only grow (a std::string that shrinks and grows again re-fills itself each time): the text
    // is the first lengths_[i] bytes. The folded URL has the same length and offsets as url_.text().
    mutable std::string buffers_[Prepared::count];
    mutable size_t lengths_[Prepared::count] = {};
    mutable NormalizedUrl referrer_url_;  // scratch, kept to reuse its buffer
};

//-----------------------------------------------------------------------------
// [SECTION] Compiled conditions and goals
//-----------------------------------------------------------------------------

// What a giosg integer condition code means. The mapping table is owned by widget/core/giosg_codes.*
// (another area); the engine only needs this lookup, passed in CompileOptions (a lambda over a
// GiosgCodeTable fits). Readers that already resolved a code to a field and operator need no lookup. With no lookup, or a code
// the table does not know, the condition is "unsupported".
struct GiosgCodeMeaning {
    ConditionField field = ConditionField::url;
    ConditionOp op = ConditionOp::equals;
    std::string fixed_value;  // for codes that carry no value of their own (e.g. "a lead was sent")
};
using GiosgCodeLookup = std::function<std::optional<GiosgCodeMeaning>(int code)>;

struct CompileOptions {
    GiosgCodeLookup giosg_codes = nullptr;
};

// Case sensitivity when a vendor says nothing: Zendesk and giosg admins type URLs by hand, so their
// conditions ignore case; goalpost's own goals compare exactly.
bool default_case_sensitive(Vendor vendor);

struct CompiledCondition {
    ConditionField field = ConditionField::url;
    ConditionOp op = ConditionOp::equals;
    bool negate = false;
    bool folded = true;                  // compare against the folded subject (case-insensitive)
    std::string pattern;                 // normalized (and folded when `folded`)
    std::vector<std::string> wildcard_parts;  // pattern split at '*'
    double number = 0;                   // greater / less
    Verdict fixed = Verdict::no_match;   // unsupported / error when the condition cannot be evaluated
    std::string problem;                 // why, for those
    bool evaluable() const { return fixed != Verdict::unsupported && fixed != Verdict::error; }
};

struct CompiledGoal {
    const Goal* goal = nullptr;
    std::vector<CompiledCondition> conditions;
    Combinator combinator = Combinator::any;
    std::vector<Error> errors;  // one per condition that is "error" or "unsupported", naming its place
};

// `path_prefix` names the goal in errors ("/goals/3").
CompiledGoal compile_goal(const Goal& goal, const std::string& path_prefix, const CompileOptions& options = {});

// Is the page view's room one the goal may match in (giosg room scope)? Rooms are ignored when the view
// has none and the goal allows any room.
bool room_allowed(const Goal& goal, std::string_view room);

//-----------------------------------------------------------------------------
// [SECTION] Naive evaluation
//-----------------------------------------------------------------------------

// The operator alone, without negation: does `subject` satisfy `condition`?
bool apply_operator(const CompiledCondition& condition, std::string_view subject);
// The wildcard operator on a pattern split at '*' (`count` >= 1 parts; std::string or std::string_view):
// anchored, '*' being any run of bytes, also empty, also across '/'.
template <class Part>
bool wildcard_match(const Part* parts, size_t count, std::string_view subject);
// `reason`, when given, receives one sentence saying why.
Verdict eval_condition(const CompiledCondition& condition, const Subject& subject, std::string* reason = nullptr);
// Kleene logic over the conditions' verdicts: any/all with unsupported and error kept visible.
Verdict combine_verdicts(Combinator combinator, const Verdict* verdicts, size_t count);
// The reference loop: every condition evaluated directly. Room scope is checked by the caller.
Verdict eval_goal_naive(const CompiledGoal& goal, const Subject& subject);

}  // namespace gp
