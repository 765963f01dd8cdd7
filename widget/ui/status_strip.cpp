// goalpost UI: the status strip: how fresh the data is, loading progress while pages arrive, the
// payload's errors, and a retry.
#include <cstdio>

#include "ui/view_parts.hpp"

namespace gp::ui::parts {

namespace {

std::string age_text(TimestampMs now, TimestampMs then) {
    const int64_t minutes = (now - then) / 60000;
    char out[48];
    if (minutes < 1) return "updated just now";
    if (minutes < 60) std::snprintf(out, sizeof out, "updated %lld min ago", static_cast<long long>(minutes));
    else if (minutes < 48 * 60) std::snprintf(out, sizeof out, "updated %lld h ago", static_cast<long long>(minutes / 60));
    else std::snprintf(out, sizeof out, "updated %lld days ago", static_cast<long long>(minutes / (24 * 60)));
    return out;
}

void line(ViewContext& ctx, ImU32 colour, std::string s) {
    coloured_text(colour, s);
    ctx.shown.status_lines.push_back(std::move(s));
}

}  // namespace

void draw_status_strip(ViewContext& ctx) {
    const WidgetData& load = ctx.data;  // the loading fields
    ImGui::Separator();
    if (ctx.frame.as_of) {
        // The page fixed "today": every figure is as of that day, whatever the visitor's clock says.
        line(ctx, ctx.palette.muted_text, "as of " + format_date(*ctx.frame.as_of, ctx.frame.locale));
        ImGui::SameLine();
    }
    if (load.loading) {
        char label[64];
        if (load.pages_expected && *load.pages_expected > 0) {
            std::snprintf(label, sizeof label, "loading page %d of %d", load.pages_loaded + 1, *load.pages_expected);
            ImGui::ProgressBar(float(load.pages_loaded) / float(*load.pages_expected), ImVec2(ImGui::GetFontSize() * 8, 0), "");
            ImGui::SameLine();
        } else {
            std::snprintf(label, sizeof label, "loading (%d pages so far)", load.pages_loaded);
        }
        line(ctx, ctx.palette.muted_text, label);
        ImGui::SameLine();
    }
    if (!load.status.empty()) {
        line(ctx, load.stale ? ctx.palette.behind : ctx.palette.muted_text, load.status);
        ImGui::SameLine();
    }
    if (load.loaded_at) {
        std::string age = age_text(ctx.frame.wall_clock.value_or(ctx.frame.now), *load.loaded_at);
        if (load.stale) age += " (stale)";
        line(ctx, load.stale ? ctx.palette.behind : ctx.palette.muted_text, age);
        ImGui::SameLine();
    }
    if (!ctx.data.errors.empty()) {
        const std::string summary = std::to_string(ctx.data.errors.size()) +
                                    (ctx.data.errors.size() == 1 ? " problem in the data" : " problems in the data");
        line(ctx, ctx.palette.error_text, summary);
        if (ImGui::IsItemHovered()) {
            ImGui::BeginTooltip();
            for (size_t i = 0; i < ctx.data.errors.size() && i < 20; ++i)
                text(ctx.data.errors[i].path + ": " + ctx.data.errors[i].message);
            ImGui::EndTooltip();
        }
        ImGui::SameLine();
    }
    if (!ctx.data.warnings.empty()) {
        const std::string summary = std::to_string(ctx.data.warnings.size()) +
                                    (ctx.data.warnings.size() == 1 ? " note on the data" : " notes on the data");
        line(ctx, ctx.palette.muted_text, summary);
        if (ImGui::IsItemHovered()) {
            ImGui::BeginTooltip();
            for (size_t i = 0; i < ctx.data.warnings.size() && i < 20; ++i)
                text(ctx.data.warnings[i].path + ": " + ctx.data.warnings[i].message);
            ImGui::EndTooltip();
        }
        ImGui::SameLine();
    }
    if ((load.stale || !ctx.data.errors.empty()) && !load.loading) {
        ctx.shown.retry_offered = true;
        if (ImGui::SmallButton("Retry")) ctx.actions.push_back({Action::Kind::retry, {}});
        record_rect(ctx.shown, "status.retry");
    }
    ImGui::NewLine();
}

}  // namespace gp::ui::parts
