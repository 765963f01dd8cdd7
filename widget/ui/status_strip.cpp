// goalpost UI: the status strip, one line at the bottom: the as-of day, loading progress while pages
// arrive, how fresh the data is, the payload's problems (the list on hover) and a retry. The words share
// what is left beside the buttons and end in an ellipsis rather than run off; hovering shows them whole.
#include <cstdio>

#include "ui/view_parts.hpp"

namespace gp::ui::parts {

namespace {

std::string age_text(TimestampMs now, TimestampMs then, Lang lang) {
    const int64_t minutes = (now - then) / 60000;
    if (minutes < 1) return msg(Msg::status_updated_now, lang);
    if (minutes < 60) return msg(Msg::status_updated_min, lang, {{"n", std::to_string(minutes)}});
    if (minutes < 48 * 60) return msg(Msg::status_updated_hours, lang, {{"n", std::to_string(minutes / 60)}});
    return msg(Msg::status_updated_days, lang, {{"n", std::to_string(minutes / (24 * 60))}});
}

// "3 problems in the data" (`long_form`) or "3 problems", for errors; "1 note on the data" or "1 note" for warnings.
std::string count_chip(size_t n, bool problems, bool long_form, Lang lang) {
    const Msg one = problems ? (long_form ? Msg::status_problem : Msg::status_problem_short)
                             : (long_form ? Msg::status_note : Msg::status_note_short);
    const Msg other = problems ? (long_form ? Msg::status_problems : Msg::status_problems_short)
                               : (long_form ? Msg::status_notes : Msg::status_notes_short);
    return msg(plural(one, other, double(n), lang), lang, {{"n", std::to_string(n)}});
}

// A ready source as the line lists it: "pipedrive", "pipedrive (2 pages)".
std::string ready_entry(const Message& ready, Lang lang) {
    std::string vendor, pages;
    for (const auto& [name, value] : ready.args) {
        if (name == "vendor") vendor = value;
        if (name == "pages") pages = value;
    }
    return !pages.empty() && pages != "0" && pages != "1" ? msg(Msg::source_pages, lang, {{"vendor", vendor}, {"pages", pages}})
                                                          : vendor;
}

bool offers_retry(const ViewContext& ctx) {
    return (ctx.data.stale || !ctx.data.errors.empty()) && !ctx.data.loading;
}

}  // namespace

float status_strip_height(const ViewContext& ctx) {
    const float line = offers_retry(ctx) || !ctx.data.errors.empty() || !ctx.data.warnings.empty()
                           ? std::max(kTouchTarget, ImGui::GetFrameHeight())
                                                                     : kit::line_of(ctx.fonts[TextRole::caption]);
    return line + ImGui::GetStyle().ItemSpacing.y + ImGui::GetStyle().WindowPadding.y + 1.0f;
}

// A chip that counts the readers' notes or the payload's problems; pointing at it lists the first 20.
static void list_chip(ViewContext& ctx, ImDrawList* draw, const ImFont* caption, const char* id, ImVec2 at, float w, float row,
               const std::string& label, PaceState tone, const std::vector<Error>& list) {
    const Palette& pal = ctx.palette;
    ImGui::SetCursorScreenPos(at);
    ImGui::InvisibleButton(id, ImVec2(w, row));
    record_rect(ctx.shown, id);
    kit::chip(draw, caption, ImVec2(at.x, at.y + (row - kit::chip_height(caption)) * 0.5f), label,
              pal.chip_bg[int(tone)], pal.chip_text[int(tone)]);
    if (!ImGui::IsItemHovered() && !ImGui::IsItemActive()) return;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(std::min(420.0f, ctx.width - 2 * space::m));
    for (size_t i = 0; i < list.size() && i < 20; ++i) text(list[i].path + ": " + list[i].message);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

void draw_status_strip(ViewContext& ctx) {
    const WidgetData& load = ctx.data;  // the loading fields
    const Palette& pal = ctx.palette;
    const ImFont* caption = ctx.fonts[TextRole::caption];
    const Lang lang = ctx.frame.locale.lang;
    std::vector<std::pair<std::string, ImU32>> parts;
    const auto line = [&](ImU32 colour, std::string s) {
        ctx.shown.status_lines.push_back(s);
        parts.emplace_back(std::move(s), colour);
    };
    if (ctx.frame.as_of) {
        // The page fixed "today": every figure is as of that day, whatever the visitor's clock says.
        line(pal.muted_text, msg(Msg::status_as_of, lang, {{"day", format_day(*ctx.frame.as_of, ctx.frame.locale)}}));
    }
    if (load.loading) {
        if (load.pages_expected && *load.pages_expected > 0)
            line(pal.muted_text, msg(Msg::status_loading_page_of, lang, {{"page", std::to_string(load.pages_loaded + 1)},
                                                                         {"pages", std::to_string(*load.pages_expected)}}));
        else
            line(pal.muted_text, msg(Msg::status_loading_pages, lang, {{"pages", std::to_string(load.pages_loaded)}}));
    }
    const std::string status = load.statuses.empty() ? load.status : status_line(load.statuses, lang);
    if (!status.empty()) line(load.stale ? pal.chip_text[int(PaceState::behind)] : pal.muted_text, status);
    if (load.loaded_at) {
        std::string age = age_text(ctx.frame.wall_clock.value_or(ctx.frame.now), *load.loaded_at, lang);
        if (load.stale) age = msg(Msg::status_stale_age, lang, {{"age", age}});
        line(load.stale ? pal.chip_text[int(PaceState::behind)] : pal.muted_text, age);
    }

    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddLine(ImVec2(start.x, start.y), ImVec2(start.x + width, start.y), pal.divider);
    ImGui::SetCursorScreenPos(ImVec2(start.x, start.y + space::xs));
    const float row = status_strip_height(ctx) - ImGui::GetStyle().ItemSpacing.y - ImGui::GetStyle().WindowPadding.y - 1.0f;
    const float y = start.y + space::xs;

    // The buttons at the right first, so the words know how much room is theirs.
    float right = start.x + width;
    const bool retry = offers_retry(ctx);
    const char* retry_label = msg(Msg::status_retry, lang);
    const float retry_w = retry ? std::max(kTouchTarget, ImGui::CalcTextSize(retry_label).x + ImGui::GetStyle().FramePadding.x * 2) : 0.0f;
    if (retry) right -= retry_w;
    std::string problems;
    float problems_w = 0;
    if (!ctx.data.errors.empty()) {
        problems = count_chip(ctx.data.errors.size(), true, true, lang);
        ctx.shown.status_lines.push_back(problems);
        problems_w = kit::chip_width(caption, problems);
        if (problems_w > (right - start.x) * 0.6f) {
            problems = count_chip(ctx.data.errors.size(), true, false, lang);
            problems_w = kit::chip_width(caption, problems);
        }
        right -= problems_w + (retry ? space::s : 0.0f);
    }

    // What the readers assumed about odd values (the goals are kept): a quiet chip, the list on hover.
    std::string notes;
    float notes_w = 0;
    if (!ctx.data.warnings.empty()) {
        notes = count_chip(ctx.data.warnings.size(), false, true, lang);
        ctx.shown.status_lines.push_back(notes);
        notes_w = kit::chip_width(caption, notes);
        if (notes_w > (right - start.x) * 0.5f) {
            notes = count_chip(ctx.data.warnings.size(), false, false, lang);
            notes_w = kit::chip_width(caption, notes);
        }
        right -= notes_w + space::s;
    }

    // The words.
    std::string words;
    for (size_t i = 0; i < parts.size(); ++i) words += (i ? " \xC2\xB7 " : "") + parts[i].first;
    const float words_w = std::max(0.0f, right - start.x - space::s);
    const ImU32 colour = parts.empty() ? pal.muted_text : parts.back().second;
    const float text_y = y + (row - kit::line_of(caption)) * 0.5f;
    if (load.loading && load.pages_expected && *load.pages_expected > 0) {
        // A thin bar under the words while pages arrive.
        const float frac = float(load.pages_loaded) / float(*load.pages_expected);
        kit::progress_bar(draw, ImVec2(start.x, y + row - 3.0f), ImVec2(start.x + std::min(words_w, 120.0f), y + row - 1.0f), frac,
                          pal.accent, pal.track, std::nullopt, 0);
    }
    const size_t bytes = kit::fit(caption, words, words_w);
    kit::text(draw, caption, ImVec2(start.x, text_y), colour, words, bytes);
    ImGui::SetCursorScreenPos(ImVec2(start.x, y));
    ImGui::Dummy(ImVec2(words_w, row));
    if (bytes < words.size() && ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(std::min(360.0f, ctx.width - 2 * space::m));
        text(words);
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }

    if (!notes.empty())
        list_chip(ctx, draw, caption, "status.notes", ImVec2(right, y), notes_w, row, notes, PaceState::unknown,
                  ctx.data.warnings);
    if (!problems.empty())
        list_chip(ctx, draw, caption, "status.problems",
                  ImVec2(start.x + width - (retry ? retry_w + space::s : 0.0f) - problems_w, y), problems_w, row,
                  problems, PaceState::at_risk, ctx.data.errors);
    if (retry) {
        ctx.shown.retry_offered = true;
        ImGui::SetCursorScreenPos(ImVec2(start.x + width - retry_w, y));
        if (kit::button(retry_label, retry_w)) ctx.actions.push_back({Action::Kind::retry, {}});
        record_rect(ctx.shown, "status.retry");
    }
}

}  // namespace gp::ui::parts

namespace gp::ui {

std::string status_line(const std::vector<SourceStatus>& sources, Lang lang) {
    if (sources.size() == 1) {
        const Message& only = sources.front().message;
        return only.key == Msg::source_ready ? msg(Msg::source_ready, lang, {{"vendors", parts::ready_entry(only, lang)}})
                                             : say(only, lang);
    }
    std::string ready, others;
    for (const SourceStatus& s : sources) {
        if (s.message.empty()) continue;
        if (s.message.key == Msg::source_ready) {
            ready += (ready.empty() ? "" : ", ") + parts::ready_entry(s.message, lang);
        } else {
            others += (others.empty() ? "" : "; ") +
                      msg(Msg::source_named, lang, {{"source", s.source}, {"status", say(s.message, lang)}});
        }
    }
    std::string line = ready.empty() ? std::string() : msg(Msg::source_ready, lang, {{"vendors", ready}});
    if (!others.empty()) line += (line.empty() ? "" : "; ") + others;
    return line;
}

}  // namespace gp::ui
