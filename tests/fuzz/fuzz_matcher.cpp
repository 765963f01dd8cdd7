// Fuzz target for the condition engine. The input is text:
//   condition lines "<field digit><op digit><flags digit> <value>" (flags: 1 negate, 2 case-sensitive,
//   4 starts a new goal, 8 makes the goal "all"), then a blank line, then page lines "url<TAB>title<TAB>event<TAB>value".
// Checked beyond "no crash": the index agrees with the naive loop, normalizing a normalized URL changes
// nothing, and the readers never lose a line without an error. The raw input also goes through every reader.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "core/condition_index.hpp"
#include "core/conversion_readers.hpp"
#include "core/explain.hpp"
#include "core/matching.hpp"

namespace {

std::vector<std::string_view> split(std::string_view text, char sep) {
    std::vector<std::string_view> out;
    for (;;) {
        const size_t at = text.find(sep);
        out.push_back(text.substr(0, at));
        if (at == std::string_view::npos) return out;
        text.remove_prefix(at + 1);
    }
}

void add_condition(std::string_view line, std::vector<gp::Goal>& goals) {
    if (line.size() < 4) return;
    const int flags = (line[2] - '0') & 15;
    if (goals.empty() || (flags & 4)) {
        goals.emplace_back();
        goals.back().id = "g" + std::to_string(goals.size());
        goals.back().combinator = (flags & 8) ? gp::Combinator::all : gp::Combinator::any;
        goals.back().vendor = line[0] == '9' ? gp::Vendor::zendesk : gp::Vendor::unknown;
    }
    gp::Condition c;
    c.field = static_cast<gp::ConditionField>(static_cast<unsigned char>(line[0]) % 9);
    c.op = static_cast<gp::ConditionOp>(static_cast<unsigned char>(line[1]) % 8);
    c.negate = flags & 1;
    c.case_sensitive = flags & 2;
    c.value = std::string(line.substr(4));
    goals.back().conditions.push_back(std::move(c));
}

gp::PageView page_of(std::string_view line) {
    const auto parts = split(line, '\t');
    gp::PageView v;
    v.visitor_id = "v";
    v.url = std::string(parts[0]);
    if (parts.size() > 1) v.title = std::string(parts[1]);
    if (parts.size() > 2) v.event_name = std::string(parts[2]);
    if (parts.size() > 3) v.event_value = std::string(parts[3]);
    return v;
}

void check_normalization_is_stable(const std::string& url) {
    gp::NormalizedUrl once, twice;
    if (gp::normalize_url(url, once) != gp::UrlStatus::ok) return;
    if (gp::normalize_url(once.text(), twice) != gp::UrlStatus::ok || twice.text() != once.text()) std::abort();
}

void run_readers(std::string_view text) {
    (void)gp::read_event_log(text);
    (void)gp::read_zendesk_chat_conversions(text);
    (void)gp::read_zendesk_incremental_conversions(text);
    (void)gp::read_giosg_matches(text, "g");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size > 1 << 16) return 0;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    run_readers(text);
    const size_t blank = text.find("\n\n");
    std::vector<gp::Goal> goals;
    for (std::string_view line : split(text.substr(0, blank), '\n')) add_condition(line, goals);
    std::vector<gp::PageView> pages;
    if (blank != std::string_view::npos)
        for (std::string_view line : split(text.substr(blank + 2), '\n')) pages.push_back(page_of(line));

    std::vector<gp::CompiledGoal> compiled;
    for (const gp::Goal& g : goals) compiled.push_back(gp::compile_goal(g, ""));
    gp::ConditionIndex index;
    index.build(compiled);
    gp::Subject subject;
    std::vector<gp::GoalVerdict> fast, slow;
    for (const gp::PageView& page : pages) {
        check_normalization_is_stable(page.url);
        subject.assign(page);
        index.evaluate(subject, fast);
        gp::evaluate_naive(compiled, subject, slow);
        if (fast.size() != slow.size()) std::abort();
        for (size_t i = 0; i < fast.size(); ++i)
            if (fast[i].goal != slow[i].goal || fast[i].verdict != slow[i].verdict) std::abort();
        (void)gp::explain(goals, page);
    }
    (void)gp::run_matching(goals, pages);
    return 0;
}
