// UI frame cost: WidgetView over 10,000 goals, CPU time per frame with no backend (ImGui builds the
// draw lists; nothing is rendered). Cases: the steady overview frame, a frame while scrolling, the first
// frame after new data (filters and progress recomputed), and a search keystroke.
#include <cstdio>
#include <string>

#include <imgui.h>

#include "bench.hpp"
#include "ui/fonts_embedded.hpp"
#include "ui/widget_view.hpp"

namespace {

gp::ui::WidgetData make_goals(int n) {
    gp::ui::WidgetData data;
    data.goals.reserve(size_t(n));
    static const gp::Vendor kVendors[] = {gp::Vendor::pipedrive, gp::Vendor::hubspot, gp::Vendor::giosg, gp::Vendor::zendesk};
    for (int i = 0; i < n; ++i) {
        gp::Goal g;
        g.id = std::to_string(i);
        g.title = "Goal " + std::to_string(i) + (i % 3 ? " deals won" : " revenue");
        g.vendor = kVendors[i % 4];
        g.metric.type = gp::MetricType::deals_won;
        g.assignee = {gp::AssigneeType::person, std::to_string(i % 50)};
        g.target.amount = 100 + i % 37;
        g.reported.value = double(i % 120);
        data.goals.push_back(std::move(g));
    }
    data.status = "ready";
    return data;
}

struct Frames {
    gp::ui::WidgetView view;
    gp::ui::FrameContext context;
    Frames() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1000, 700);
        io.DeltaTime = 1.0f / 60.0f;
        view.set_font_baker(gp::ui::bake_embedded_font);
        view.rebuild_fonts(1.0f);
        context.now = 1710000000000;
    }
    ~Frames() { ImGui::DestroyContext(); }
    void frame(const gp::ui::WidgetData& data) {
        ImGui::NewFrame();
        view.draw(data, context);
        ImGui::Render();
        gp::bench::keep(ImGui::GetDrawData()->TotalVtxCount);
    }
};

}  // namespace

int main() {
    constexpr int kGoals = 10000;
    constexpr int kRuns = 201;
    gp::ui::WidgetData data = make_goals(kGoals);
    Frames f;
    f.frame(data);
    f.frame(data);
    if (f.view.shown().goals.empty()) {
        std::fprintf(stderr, "bench_ui: the overview drew no rows; the measurement would be meaningless\n");
        return 1;
    }
    std::fprintf(stderr, "bench_ui: %zu rows drawn per frame, %d vertices\n", f.view.shown().goals.size(),
                 ImGui::GetDrawData()->TotalVtxCount);

    gp::bench::Measurement m;
    m.items = kGoals;
    m.runs = kRuns;

    m.name = "ui.frame.overview_10k";
    m.median_ms = gp::bench::median_ms(kRuns, [&] { f.frame(data); });
    gp::bench::report(m);

    // Scrolling: the wheel moves the list every frame.
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(500, 400);
    m.name = "ui.frame.scrolling_10k";
    m.median_ms = gp::bench::median_ms(kRuns, [&] {
        io.MouseWheel = -1.0f;
        f.frame(data);
    });
    gp::bench::report(m);
    io.MouseWheel = 0.0f;

    // New data: the filtered order and the visible rows' progress are rebuilt.
    m.name = "ui.frame.new_data_10k";
    m.median_ms = gp::bench::median_ms(kRuns, [&] {
        ++data.generation;
        f.frame(data);
    });
    gp::bench::report(m);

    // A search keystroke: every title is searched again.
    int keystroke = 0;
    m.name = "ui.frame.search_10k";
    m.median_ms = gp::bench::median_ms(kRuns, [&] {
        f.view.state().filters.search = (++keystroke % 2) ? "deals" : "revenue";
        f.frame(data);
    });
    gp::bench::report(m);

    // Sorting by percent: every goal's progress is needed.
    m.name = "ui.frame.sort_by_percent_10k";
    m.median_ms = gp::bench::median_ms(kRuns, [&] {
        f.view.state().filters.search.clear();
        f.view.state().filters.sort = gp::ui::SortKey::percent;
        f.view.state().filters.descending = !f.view.state().filters.descending;
        f.frame(data);
    });
    gp::bench::report(m);
    return 0;
}
