// Drawing only when something changed: input, data, or a wake from the page (resize, theme). After a few
// trailing frames the animation-frame loop ends, so an idle widget costs no CPU.
#include <GLES3/gl3.h>
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>

#include <imgui.h>

#include "app.hpp"
#include "imgui_impl_html5.h"
#include "imgui_impl_webgl2.h"

namespace gp::web {

namespace {

// Frames drawn after the last change, so hover highlights and layout settle before the loop pauses.
constexpr int kTrailingFrames = 3;

EM_BOOL draw_frame(double, void* loop) {
    if (!g_app || reinterpret_cast<uintptr_t>(loop) != g_app->loop) return EM_FALSE;  // stopped, or restarted
    App& app = *g_app;
    if (app.frames_to_draw <= 0) {
        // Nothing changed: skip the frame instead of drawing it, and stop asking for animation frames.
        app.loop_paused = true;
        return EM_FALSE;
    }
    --app.frames_to_draw;

    emscripten_webgl_make_context_current(app.gl);
    const ImVec2 framebuffer = ImGui_ImplHtml5_NewFrame();
    ImGui_ImplWebGL2_NewFrame();
    const float pixel_ratio = ImGui_ImplHtml5_PixelRatio();
    if (app.view.needs_fonts_rebuilt(pixel_ratio)) {
        // Text stays crisp: the atlas is baked at the device's ratio and uploaded again.
        app.view.rebuild_fonts(pixel_ratio);
        ImGui_ImplWebGL2_DestroyFontsTexture();
        ImGui_ImplWebGL2_CreateFontsTexture();
    }
    const ui::FrameContext frame = frame_context(app);
    ImGui::NewFrame();
    app.view.draw(app.data, frame);
    ImGui::Render();
    if (app.view.wants_frame() && app.frames_to_draw < 1) app.frames_to_draw = 1;  // an easing still running

    glViewport(0, 0, int(framebuffer.x), int(framebuffer.y));
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplWebGL2_RenderDrawData(ImGui::GetDrawData());
    ++app.frames_drawn;
    // After the frame is on screen: an edit dispatches events, and the page's handlers may call back in.
    apply_view_actions(app);
    return g_app ? EM_TRUE : EM_FALSE;  // a handler may have stopped the widget
}

// The canvas may be in a shadow root, where html5.h's document.querySelector() finds nothing: the loader
// passes the element itself, and every lookup of the selector finds it there.
EM_JS(void, bind_canvas, (const char* selector), {
    specialHTMLTargets[UTF8ToString(selector)] = Module["goalpostCanvas"];
});

}  // namespace

// Frames come from html5.h's requestAnimationFrame loop, which ends when draw_frame returns false. (The
// emscripten_set_main_loop family does the same but brings Emscripten's whole Browser library into the glue:
// 5.2 KB gzip.) Each loop carries its number; a loop whose number is no longer app.loop ends at its next frame.
void request_frames(void*) {
    if (!g_app) return;
    g_app->frames_to_draw = kTrailingFrames;
    if (g_app->loop_paused) {
        g_app->loop_paused = false;
        emscripten_request_animation_frame_loop(draw_frame, reinterpret_cast<void*>(++g_app->loop));
    }
}

void end_frame_loop(App& app) { ++app.loop; }  // a frame already requested ends the loop

// The instant figures are shown at: the end of the page's as-of day, or the page's clock. Edits still stamp
// their times with the clock (they are sent to vendors as when they happened).
TimestampMs shown_now(const App& app) {
    if (app.options.as_of) return end_of_day(*app.options.as_of, app.options.zone_offset_minutes);
    return TimestampMs(emscripten_date_now());
}

// What a frame is drawn with; the inspection call uses the same, so the mirror says what the canvas shows.
ui::FrameContext frame_context(const App& app) {
    ui::FrameContext frame;
    frame.now = shown_now(app);
    frame.as_of = app.options.as_of;
    if (app.options.as_of) frame.wall_clock = TimestampMs(emscripten_date_now());
    frame.locale = ui::locale_from_json(app.options.locale);
    frame.reduced_motion = app.options.reduced_motion;
    frame.zone_offset_minutes = app.options.zone_offset_minutes;
    frame.theme = app.theme;
    return frame;
}

bool create_gl_context(App& app, const char* canvas_selector) {
    bind_canvas(canvas_selector);
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.minorVersion = 0;
    attrs.alpha = EM_FALSE;
    attrs.antialias = EM_FALSE;
    attrs.preserveDrawingBuffer = EM_TRUE;  // a paused loop must keep showing its last frame
    app.gl = emscripten_webgl_create_context(canvas_selector, &attrs);
    return app.gl > 0;
}

}  // namespace gp::web
