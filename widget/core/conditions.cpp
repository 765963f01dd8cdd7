// The condition engine (see conditions.hpp).
//
// Index
// - [SECTION] Names
// - [SECTION] Subjects
// - [SECTION] Pattern normalization
// - [SECTION] Compiling
// - [SECTION] Operators
// - [SECTION] Evaluation
#include "core/conditions.hpp"
#include "core/cold_code.hpp"
#include "core/json_access.hpp"

#include <algorithm>
#include <cstdio>


namespace gp {

//-----------------------------------------------------------------------------
// [SECTION] Names
//-----------------------------------------------------------------------------

const char* verdict_name(Verdict verdict) {
    switch (verdict) {
        case Verdict::no_match: return "no_match";
        case Verdict::match: return "match";
        case Verdict::unsupported: return "unsupported";
        case Verdict::error: return "error";
    }
    return "error";
}

bool default_case_sensitive(Vendor vendor) { return !(vendor == Vendor::zendesk || vendor == Vendor::giosg); }

//-----------------------------------------------------------------------------
// [SECTION] Subjects
//-----------------------------------------------------------------------------

namespace {

// A referrer is a URL when it parses as one; otherwise (a bare domain, garbage) it is compared as given.
void normalize_loose_url(std::string_view raw, NormalizedUrl& scratch, std::string& out) {
    out.clear();
    if (normalize_url(raw, scratch) == UrlStatus::ok) out = scratch.text();
    else canonicalize_percent(raw, out);
}

void refold(std::string_view text, std::string& out) {
    out.clear();
    fold_ascii(text, out);
}

}  // namespace

void Subject::assign(const PageView& view) {
    view_ = &view;
    url_status_ = normalize_url(view.url, url_);
    prepared_ = 0;
}

void Subject::fold_into(std::string_view text, Prepared which) const {
    std::string& out = buffers_[which];
    if (out.size() < text.size()) out.resize(text.size());
    fold_ascii(text, &out[0]);
    lengths_[which] = text.size();
}

void Subject::prepare(Prepared which) const {
    switch (which) {
        case url_folded: fold_into(url_.text(), url_folded); break;
        case referrer: {
            std::string& out = buffers_[referrer];
            if (view_->referrer.empty()) out.clear();
            else normalize_loose_url(view_->referrer, referrer_url_, out);
            lengths_[referrer] = out.size();
            break;
        }
        case referrer_folded: fold_into(prepared(referrer), referrer_folded); break;
        case title_folded: fold_into(view_->title, title_folded); break;
        case event_name_folded: fold_into(view_->event_name, event_name_folded); break;
        case event_value_folded: fold_into(view_->event_value, event_value_folded); break;
        case count: break;
    }
    prepared_ |= static_cast<uint8_t>(1u << which);
}

std::string_view Subject::text(ConditionField field, bool folded) const {
    switch (field) {
        case ConditionField::url:
        case ConditionField::path:
        case ConditionField::query:
        case ConditionField::host: {
            const std::string_view url = folded ? prepared(url_folded) : url_.text();
            if (field == ConditionField::url) return url;
            if (field == ConditionField::path) return url.substr(url_.path_begin, url_.path_end - url_.path_begin);
            if (field == ConditionField::query) return url.substr(url_.query_begin, url_.query_end - url_.query_begin);
            return url.substr(url_.host_begin, url_.host_end - url_.host_begin);
        }
        case ConditionField::title: return folded ? prepared(title_folded) : std::string_view(view_->title);
        case ConditionField::referrer: return folded ? prepared(referrer_folded) : prepared(referrer);
        case ConditionField::event_name:
            return folded ? prepared(event_name_folded) : std::string_view(view_->event_name);
        case ConditionField::event_value:
            return folded ? prepared(event_value_folded) : std::string_view(view_->event_value);
        case ConditionField::giosg_code: return {};
    }
    return {};
}

//-----------------------------------------------------------------------------
// [SECTION] Pattern normalization
//-----------------------------------------------------------------------------

namespace {

bool is_url_field(ConditionField f) { return f == ConditionField::url || f == ConditionField::referrer; }
bool is_path_like(ConditionField f) { return is_url_field(f) || f == ConditionField::path; }

// Whole-URL patterns of equals/starts_with/wildcard are normalized like page URLs, so that
// "HTTP://Example.COM:80/a/" equals "http://example.com/a". A starts_with pattern keeps its trailing '/'
// ("/blog/" means "under /blog/", not "/blog" itself).
bool normalize_url_pattern(std::string_view value, ConditionOp op, std::string& out, std::string& problem) {
    NormalizedUrl url;
    const UrlStatus status = normalize_url(value, url);
    if (status != UrlStatus::ok) {
        problem = url_status_message(status);
        return false;
    }
    out = url.text();
    if (op == ConditionOp::starts_with && value.back() == '/' && out.back() != '/') out.push_back('/');
    return true;
}

bool normalize_pattern(const Condition& c, ConditionField field, ConditionOp op, std::string_view value,
                       std::string& out, std::string& problem) {
    const bool whole_url_op = op == ConditionOp::equals || op == ConditionOp::starts_with || op == ConditionOp::wildcard;
    if (is_url_field(field) && whole_url_op && has_scheme(value))
        return normalize_url_pattern(value, op, out, problem);
    if (field == ConditionField::title || field == ConditionField::event_name || field == ConditionField::event_value) {
        out.assign(value.data(), value.size());
        return true;
    }
    out.clear();
    canonicalize_percent(value, out);
    if (field == ConditionField::host) refold(std::string(out), out);
    if (is_path_like(field) && (op == ConditionOp::equals || op == ConditionOp::ends_with)) drop_trailing_slash(out);
    if (field == ConditionField::path && op == ConditionOp::equals && (out.empty() || out[0] != '/')) out.insert(0, "/");
    (void)c;
    return true;
}

void split_wildcard(std::string_view pattern, std::vector<std::string>& parts) {
    parts.clear();
    size_t start = 0;
    for (;;) {
        const size_t star = pattern.find('*', start);
        parts.emplace_back(pattern.substr(start, star == std::string_view::npos ? std::string_view::npos : star - start));
        if (star == std::string_view::npos) break;
        start = star + 1;
    }
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Compiling
//-----------------------------------------------------------------------------
GP_COLD_CODE_BEGIN

namespace {

struct Problem {
    Verdict verdict;
    const char* code;
    std::string message;
};

void mark(CompiledCondition& cc, CompiledGoal& goal, const std::string& path, Problem p) {
    cc.fixed = p.verdict;
    cc.problem = p.message;
    goal.errors.push_back({path, p.code, std::move(p.message), p.verdict == Verdict::unsupported ? 422 : 400});
}

// Resolves giosg codes through the lookup; false (and the condition marked) when it cannot be.
bool resolve_field(const Condition& c, const CompileOptions& options, CompiledCondition& cc, std::string& value,
                   CompiledGoal& goal, const std::string& path) {
    if (c.field != ConditionField::giosg_code) return true;
    const int code = c.vendor_code ? *c.vendor_code : -1;
    std::optional<GiosgCodeMeaning> meaning;
    if (options.giosg_codes && c.vendor_code) meaning = options.giosg_codes(code);
    if (!meaning) {
        mark(cc, goal, path + "/type", {Verdict::unsupported, "unsupported_code",
                                        "giosg condition type " + std::to_string(code) + " is not in the mapping table"});
        return false;
    }
    cc.field = meaning->field;
    cc.op = meaning->op;
    if (!meaning->fixed_value.empty()) value = meaning->fixed_value;
    return true;
}

bool check_value(const Goal& g, const CompiledCondition& cc, std::string_view value, Problem& problem) {
    if (cc.op == ConditionOp::unsupported) {
        problem = {Verdict::unsupported, "unsupported_operator", "this operator cannot be evaluated"};
        return false;
    }
    if (value.empty()) {
        problem = {Verdict::error, "empty_value", "the condition's value is empty, so it would match everything or nothing"};
        return false;
    }
    if (g.vendor == Vendor::zendesk && cc.op == ConditionOp::equals && cc.field == ConditionField::url &&
        !(value.substr(0, 7) == "http://" || value.substr(0, 8) == "https://")) {
        problem = {Verdict::error, "equals_needs_scheme", "a Zendesk 'equals' URL must start with http:// or https://"};
        return false;
    }
    return true;
}

bool compile_number(std::string_view value, CompiledCondition& cc, Problem& problem) {
    const std::optional<double> number = parse_decimal(value);
    if (!number) {
        problem = {Verdict::error, "bad_number", "'" + std::string(value) + "' is not a number"};
        return false;
    }
    cc.number = *number;
    return true;
}

CompiledCondition compile_condition(const Goal& g, const Condition& c, const CompileOptions& options,
                                    CompiledGoal& goal, const std::string& path) {
    CompiledCondition cc;
    cc.field = c.field;
    cc.op = c.op;
    cc.negate = c.negate;
    cc.folded = !c.case_sensitive;
    std::string value = c.value;
    if (!resolve_field(c, options, cc, value, goal, path)) return cc;
    Problem problem{Verdict::error, "", ""};
    if (!check_value(g, cc, value, problem)) {
        mark(cc, goal, path + "/value", std::move(problem));
        return cc;
    }
    if (cc.op == ConditionOp::greater || cc.op == ConditionOp::less) {
        if (!compile_number(value, cc, problem)) mark(cc, goal, path + "/value", std::move(problem));
        return cc;
    }
    std::string why;
    if (!normalize_pattern(c, cc.field, cc.op, value, cc.pattern, why)) {
        mark(cc, goal, path + "/value", {Verdict::error, "bad_url", "the pattern is not a usable URL: " + why});
        return cc;
    }
    if (cc.field == ConditionField::url && cc.op == ConditionOp::equals && !has_scheme(cc.pattern)) {
        mark(cc, goal, path + "/value", {Verdict::error, "equals_needs_scheme",
                                         "'equals' on the full URL needs an absolute URL (scheme://host/...)"});
        return cc;
    }
    if (cc.folded) refold(std::string(cc.pattern), cc.pattern);
    if (cc.op == ConditionOp::wildcard) split_wildcard(cc.pattern, cc.wildcard_parts);
    return cc;
}

}  // namespace

CompiledGoal compile_goal(const Goal& goal, const std::string& path_prefix, const CompileOptions& options) {
    CompiledGoal out;
    out.goal = &goal;
    out.combinator = goal.combinator;
    out.conditions.reserve(goal.conditions.size());
    for (size_t i = 0; i < goal.conditions.size(); ++i)
        out.conditions.push_back(compile_condition(goal, goal.conditions[i], options, out,
                                                   path_prefix + "/conditions/" + std::to_string(i)));
    return out;
}

GP_COLD_CODE_END

bool room_allowed(const Goal& goal, std::string_view room) {
    if (goal.rooms.any_room) return true;
    return std::find(goal.rooms.allowed_rooms.begin(), goal.rooms.allowed_rooms.end(), room) !=
           goal.rooms.allowed_rooms.end();
}

//-----------------------------------------------------------------------------
// [SECTION] Operators
//-----------------------------------------------------------------------------

namespace {

// Byte compares and searches written out: patterns and the fields they are checked against are a few
// dozen bytes, where a library call (memcmp, memchr) costs more than the comparison itself.
bool same_bytes(const char* a, const char* b, size_t n) {
    for (size_t i = 0; i < n; ++i)
        if (a[i] != b[i]) return false;
    return true;
}
bool starts_with(std::string_view s, std::string_view p) { return s.size() >= p.size() && same_bytes(s.data(), p.data(), p.size()); }
bool ends_with(std::string_view s, std::string_view p) {
    return s.size() >= p.size() && same_bytes(s.data() + s.size() - p.size(), p.data(), p.size());
}
// The leftmost occurrence of `p` in `s` (npos if none): O(len(s) * len(p)) at worst, like the library's.
size_t find_bytes(std::string_view s, std::string_view p) {
    if (p.empty()) return 0;
    if (p.size() > s.size()) return std::string_view::npos;
    for (size_t i = 0; i + p.size() <= s.size(); ++i)
        if (s[i] == p[0] && same_bytes(s.data() + i + 1, p.data() + 1, p.size() - 1)) return i;
    return std::string_view::npos;
}

bool parse_number(std::string_view text, double& out) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    const std::optional<double> number = parse_decimal(text);  // the readers' one grammar, once trimmed
    if (number) out = *number;
    return number.has_value();
}

}  // namespace

// The first part must be a prefix and the last a suffix; the middle parts are taken leftmost-first,
// which is optimal for a star-only glob, so there is no backtracking: O(len(subject) * len(pattern)) at
// worst.
template <class Part>
bool wildcard_match(const Part* parts, size_t count, std::string_view s) {
    if (count == 1) return s == parts[0];
    const std::string_view first = parts[0];
    const std::string_view last = parts[count - 1];
    if (s.size() < first.size() + last.size() || !starts_with(s, first) || !ends_with(s, last)) return false;
    std::string_view middle = s.substr(first.size(), s.size() - first.size() - last.size());
    for (size_t i = 1; i + 1 < count; ++i) {
        const std::string_view part = parts[i];
        const size_t at = find_bytes(middle, part);
        if (at == std::string_view::npos) return false;
        middle.remove_prefix(at + part.size());
    }
    return true;
}
template bool wildcard_match<std::string>(const std::string*, size_t, std::string_view);
template bool wildcard_match<std::string_view>(const std::string_view*, size_t, std::string_view);

bool apply_operator(const CompiledCondition& c, std::string_view s) {
    switch (c.op) {
        case ConditionOp::equals: return s == c.pattern;
        case ConditionOp::contains: return s.find(c.pattern) != std::string_view::npos;
        case ConditionOp::starts_with: return starts_with(s, c.pattern);
        case ConditionOp::ends_with: return ends_with(s, c.pattern);
        case ConditionOp::wildcard: return wildcard_match(c.wildcard_parts.data(), c.wildcard_parts.size(), s);
        case ConditionOp::greater:
        case ConditionOp::less: {
            double v = 0;
            if (!parse_number(s, v)) return false;
            return c.op == ConditionOp::greater ? v > c.number : v < c.number;
        }
        case ConditionOp::unsupported: return false;
    }
    return false;
}

//-----------------------------------------------------------------------------
// [SECTION] Evaluation
//-----------------------------------------------------------------------------

namespace {

const char* op_phrase(ConditionOp op) {
    switch (op) {
        case ConditionOp::equals: return "equal";
        case ConditionOp::contains: return "contain";
        case ConditionOp::starts_with: return "start with";
        case ConditionOp::ends_with: return "end with";
        case ConditionOp::wildcard: return "match the wildcard";
        case ConditionOp::greater: return "be greater than";
        case ConditionOp::less: return "be less than";
        case ConditionOp::unsupported: return "(unsupported)";
    }
    return "?";
}

std::string describe(const CompiledCondition& c, std::string_view s, bool satisfied) {
    const std::string target = c.op == ConditionOp::greater || c.op == ConditionOp::less
                                   ? std::to_string(c.number)
                                   : "'" + c.pattern + "'";
    std::string out = "'" + std::string(s) + "' " + (satisfied ? "does " : "does not ") + op_phrase(c.op) + " " + target;
    if (c.folded) out += " (ignoring case)";
    if (c.negate) out += satisfied ? ", and the condition is negated" : ", and the condition is negated, so it holds";
    return out;
}

}  // namespace

Verdict eval_condition(const CompiledCondition& c, const Subject& subject, std::string* reason) {
    if (!c.evaluable()) {
        if (reason) *reason = c.problem;
        return c.fixed;
    }
    const bool url_based = c.field == ConditionField::url || c.field == ConditionField::path ||
                           c.field == ConditionField::query || c.field == ConditionField::host;
    if (url_based && subject.url_status() != UrlStatus::ok) {
        if (reason) *reason = std::string("the page's URL cannot be used: ") + url_status_message(subject.url_status());
        return Verdict::error;
    }
    const std::string_view s = subject.text(c.field, c.folded);
    const bool satisfied = apply_operator(c, s);
    if (reason) *reason = describe(c, s, satisfied);
    return satisfied != c.negate ? Verdict::match : Verdict::no_match;
}

Verdict combine_verdicts(Combinator combinator, const Verdict* verdicts, size_t count) {
    bool any_match = false, any_no = false, any_error = false, any_unsupported = false;
    for (size_t i = 0; i < count; ++i) {
        any_match |= verdicts[i] == Verdict::match;
        any_no |= verdicts[i] == Verdict::no_match;
        any_error |= verdicts[i] == Verdict::error;
        any_unsupported |= verdicts[i] == Verdict::unsupported;
    }
    if (count == 0) return Verdict::no_match;  // no conditions: only external matches can fulfil the goal
    if (combinator == Combinator::any && any_match) return Verdict::match;
    if (combinator == Combinator::all && any_no) return Verdict::no_match;
    if (any_error) return Verdict::error;
    if (any_unsupported) return Verdict::unsupported;
    return combinator == Combinator::any ? Verdict::no_match : Verdict::match;
}

Verdict eval_goal_naive(const CompiledGoal& goal, const Subject& subject) {
    Verdict verdicts[16];
    std::vector<Verdict> many;
    Verdict* out = verdicts;
    if (goal.conditions.size() > 16) {
        many.resize(goal.conditions.size());
        out = many.data();
    }
    for (size_t i = 0; i < goal.conditions.size(); ++i) out[i] = eval_condition(goal.conditions[i], subject);
    return combine_verdicts(goal.combinator, out, goal.conditions.size());
}

}  // namespace gp
