// dear imgui: platform backend for one <canvas>, on emscripten/html5.h. See imgui_impl_html5.h.
//
// Index
// - [SECTION] State
// - [SECTION] Keyboard
// - [SECTION] Mouse, wheel, touch
// - [SECTION] Focus
// - [SECTION] Init, Shutdown, NewFrame
#include "imgui_impl_html5.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include <emscripten/emscripten.h>
#include <emscripten/html5.h>

#include "imgui_internal.h"  // HoveredWindow and its scroll range, to decide whether a wheel is ours

//-----------------------------------------------------------------------------
// [SECTION] State
//-----------------------------------------------------------------------------

namespace {

// Dear ImGui 1.86 reads key and button state once per frame, so a press and release that both arrive
// between two frames (a quick tap, a synthetic click, a fast key stroke) would never be seen. The DOM's
// events are queued here instead and handed to ImGui in order, at most one change of any key or button
// per frame, with typed characters never in the same frame as key changes; the rest waits for the next
// frame, which the backend asks for.
struct InputEvent {
    enum Kind : uint8_t { key, button, modifiers, character } kind = key;
    bool down = false;
    unsigned value = 0;  // key code, ImGui button, modifier bits or character
};
enum ModifierBit : unsigned { kCtrlBit = 1, kShiftBit = 2, kAltBit = 4, kSuperBit = 8 };

struct BackendData {
    std::vector<InputEvent> input;
    std::string selector;
    void (*wake)(void*) = nullptr;
    void* user = nullptr;
    double last_time = 0.0;
    int framebuffer_w = 0, framebuffer_h = 0;
    double css_w = 0, css_h = 0;
    bool measure = true;  // the CSS size is read at the next frame (see ImGui_ImplHtml5_CanvasResized)
    float pixel_ratio = 1.0f;
    bool dragging = false;
};

BackendData* g_backend = nullptr;

void wake() {
    if (g_backend && g_backend->wake) g_backend->wake(g_backend->user);
}

// DOM keyCode values (KeyboardEvent.keyCode) used as indices into io.KeysDown[].
enum DomKey : int {
    kTab = 9, kBackspace = 8, kEnter = 13, kShift = 16, kCtrl = 17, kAlt = 18, kEscape = 27, kSpace = 32,
    kPageUp = 33, kPageDown = 34, kEnd = 35, kHome = 36, kLeft = 37, kUp = 38, kRight = 39, kDown = 40,
    kInsert = 45, kDelete = 46, kA = 65, kC = 67, kV = 86, kX = 88, kY = 89, kZ = 90, kMeta = 91,
    kKeypadEnter = 13,
};

//-----------------------------------------------------------------------------
// [SECTION] Keyboard
//-----------------------------------------------------------------------------

bool is_editing_key(int key) {
    switch (key) {
        case kBackspace: case kDelete: case kEnter: case kEscape: case kLeft: case kRight: case kUp:
        case kDown: case kHome: case kEnd: case kPageUp: case kPageDown: case kInsert:
            return true;
        default:
            return false;
    }
}

unsigned modifier_bits(const EmscriptenKeyboardEvent* e) {
    return (e->ctrlKey ? kCtrlBit : 0u) | (e->shiftKey ? kShiftBit : 0u) | (e->altKey ? kAltBit : 0u) |
           (e->metaKey ? kSuperBit : 0u);
}

void queue_input(InputEvent event) {
    g_backend->input.push_back(event);
    wake();
}

EM_BOOL on_key(int type, const EmscriptenKeyboardEvent* e, void*) {
    ImGuiIO& io = ImGui::GetIO();
    const int key = static_cast<int>(e->keyCode);
    const bool down = type == EMSCRIPTEN_EVENT_KEYDOWN;
    queue_input({InputEvent::modifiers, false, modifier_bits(e)});
    if (key > 0 && key < IM_ARRAYSIZE(io.KeysDown)) queue_input({InputEvent::key, down, unsigned(key)});
    if (!down || key == kTab) return EM_FALSE;  // Tab always moves focus on: never a keyboard trap
    // Editing keys are ours only while ImGui uses the keyboard; a printable key must reach the browser
    // so that it produces a keypress with the character.
    if (io.WantCaptureKeyboard && is_editing_key(key)) return EM_TRUE;
    if (io.WantTextInput && (e->ctrlKey || e->metaKey) && (key == kA || key == kC || key == kV || key == kX ||
                                                           key == kY || key == kZ))
        return EM_TRUE;
    return EM_FALSE;
}

EM_BOOL on_keypress(int, const EmscriptenKeyboardEvent* e, void*) {
    ImGuiIO& io = ImGui::GetIO();
    if (e->charCode >= 32) queue_input({InputEvent::character, false, e->charCode});
    return io.WantTextInput ? EM_TRUE : EM_FALSE;
}

//-----------------------------------------------------------------------------
// [SECTION] Mouse, wheel, touch
//-----------------------------------------------------------------------------

int imgui_button(unsigned short dom_button) {
    switch (dom_button) {
        case 0: return 0;  // left
        case 1: return 2;  // middle
        case 2: return 1;  // right
        default: return -1;
    }
}

EM_BOOL on_mouse(int type, const EmscriptenMouseEvent* e, void*) {
    ImGuiIO& io = ImGui::GetIO();
    const int button = imgui_button(e->button);
    switch (type) {
        case EMSCRIPTEN_EVENT_MOUSEMOVE:
            io.MousePos = ImVec2(float(e->targetX), float(e->targetY));
            break;
        case EMSCRIPTEN_EVENT_MOUSEDOWN:
            io.MousePos = ImVec2(float(e->targetX), float(e->targetY));
            if (button >= 0) g_backend->input.push_back({InputEvent::button, true, unsigned(button)});
            g_backend->dragging = true;
            break;
        case EMSCRIPTEN_EVENT_MOUSEUP:  // listened on the document: a drag may end outside the canvas
            if (!g_backend->dragging) return EM_FALSE;
            if (button >= 0) g_backend->input.push_back({InputEvent::button, false, unsigned(button)});
            // Buttons still held by the DOM's account (e->buttons), not by what ImGui has seen yet.
            g_backend->dragging = e->buttons != 0;
            break;
        case EMSCRIPTEN_EVENT_MOUSELEAVE:
            if (!g_backend->dragging) io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
            break;
        default:
            return EM_FALSE;
    }
    wake();
    // Never cancel: the browser must still move focus to the canvas on click and select text elsewhere.
    return EM_FALSE;
}

// Whether the window under the mouse (or the nearest scrolling parent) can scroll further that way.
bool hovered_window_can_scroll(float wheel_y) {
    const ImGuiContext* ctx = ImGui::GetCurrentContext();
    ImGuiWindow* window = ctx ? ctx->HoveredWindow : nullptr;
    while (window && window->ScrollMax.y <= 0.0f && (window->Flags & ImGuiWindowFlags_ChildWindow))
        window = window->ParentWindow;
    if (!window || window->ScrollMax.y <= 0.0f) return false;
    return wheel_y > 0.0f ? window->Scroll.y > 0.0f : window->Scroll.y < window->ScrollMax.y;
}

EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
    ImGuiIO& io = ImGui::GetIO();
    // DOM deltas point down and come in pixels, lines or pages; ImGui's wheel points up, ~5 lines a unit.
    const double scale = e->deltaMode == DOM_DELTA_PIXEL ? 1.0 / 100.0 : e->deltaMode == DOM_DELTA_LINE ? 1.0 / 3.0 : 1.0;
    const float wheel_y = float(-e->deltaY * scale);
    const float wheel_x = float(-e->deltaX * scale);
    const bool ours = hovered_window_can_scroll(wheel_y);
    if (!ours) return EM_FALSE;  // let the page scroll
    io.MouseWheel += wheel_y;
    io.MouseWheelH += wheel_x;
    wake();
    return EM_TRUE;
}

EM_BOOL on_touch(int type, const EmscriptenTouchEvent* e, void*) {
    ImGuiIO& io = ImGui::GetIO();
    if (e->numTouches <= 0) return EM_FALSE;
    const EmscriptenTouchPoint& t = e->touches[0];
    io.MousePos = ImVec2(float(t.targetX), float(t.targetY));
    if (type == EMSCRIPTEN_EVENT_TOUCHSTART) g_backend->input.push_back({InputEvent::button, true, 0});
    if (type == EMSCRIPTEN_EVENT_TOUCHEND || type == EMSCRIPTEN_EVENT_TOUCHCANCEL)
        g_backend->input.push_back({InputEvent::button, false, 0});
    wake();
    return EM_FALSE;  // page scrolling and zooming by touch stay the browser's
}

//-----------------------------------------------------------------------------
// [SECTION] Focus
//-----------------------------------------------------------------------------

EM_BOOL on_focus(int type, const EmscriptenFocusEvent*, void*) {
    ImGuiIO& io = ImGui::GetIO();
    const bool focused = type == EMSCRIPTEN_EVENT_FOCUS;
    io.AddFocusEvent(focused);
    if (!focused) {
        // Keys released while focus was elsewhere never reach us: forget them.
        std::memset(io.KeysDown, 0, sizeof io.KeysDown);
        io.KeyCtrl = io.KeyShift = io.KeyAlt = io.KeySuper = false;
    }
    wake();
    return EM_FALSE;
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Init, Shutdown, NewFrame
//-----------------------------------------------------------------------------

bool ImGui_ImplHtml5_Init(const ImGui_ImplHtml5_Config& config) {
    IM_ASSERT(g_backend == nullptr && "one canvas per module instance: each widget has its own instance");
    IM_ASSERT(config.canvas_selector && "the backend binds to one canvas, so it needs its selector");
    g_backend = IM_NEW(BackendData)();
    g_backend->selector = config.canvas_selector;
    g_backend->wake = config.wake;
    g_backend->user = config.user;
    g_backend->last_time = emscripten_get_now();

    ImGuiIO& io = ImGui::GetIO();
    io.BackendPlatformName = "imgui_impl_html5";
    io.KeyMap[ImGuiKey_Tab] = kTab;
    io.KeyMap[ImGuiKey_LeftArrow] = kLeft;
    io.KeyMap[ImGuiKey_RightArrow] = kRight;
    io.KeyMap[ImGuiKey_UpArrow] = kUp;
    io.KeyMap[ImGuiKey_DownArrow] = kDown;
    io.KeyMap[ImGuiKey_PageUp] = kPageUp;
    io.KeyMap[ImGuiKey_PageDown] = kPageDown;
    io.KeyMap[ImGuiKey_Home] = kHome;
    io.KeyMap[ImGuiKey_End] = kEnd;
    io.KeyMap[ImGuiKey_Insert] = kInsert;
    io.KeyMap[ImGuiKey_Delete] = kDelete;
    io.KeyMap[ImGuiKey_Backspace] = kBackspace;
    io.KeyMap[ImGuiKey_Space] = kSpace;
    io.KeyMap[ImGuiKey_Enter] = kEnter;
    io.KeyMap[ImGuiKey_Escape] = kEscape;
    io.KeyMap[ImGuiKey_KeyPadEnter] = kKeypadEnter;
    io.KeyMap[ImGuiKey_A] = kA;
    io.KeyMap[ImGuiKey_C] = kC;
    io.KeyMap[ImGuiKey_V] = kV;
    io.KeyMap[ImGuiKey_X] = kX;
    io.KeyMap[ImGuiKey_Y] = kY;
    io.KeyMap[ImGuiKey_Z] = kZ;

    const char* canvas = g_backend->selector.c_str();
    emscripten_set_keydown_callback(canvas, nullptr, EM_FALSE, on_key);
    emscripten_set_keyup_callback(canvas, nullptr, EM_FALSE, on_key);
    emscripten_set_keypress_callback(canvas, nullptr, EM_FALSE, on_keypress);
    emscripten_set_mousemove_callback(canvas, nullptr, EM_FALSE, on_mouse);
    emscripten_set_mousedown_callback(canvas, nullptr, EM_FALSE, on_mouse);
    emscripten_set_mouseleave_callback(canvas, nullptr, EM_FALSE, on_mouse);
    emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, EM_FALSE, on_mouse);
    emscripten_set_wheel_callback(canvas, nullptr, EM_FALSE, on_wheel);
    emscripten_set_touchstart_callback(canvas, nullptr, EM_FALSE, on_touch);
    emscripten_set_touchmove_callback(canvas, nullptr, EM_FALSE, on_touch);
    emscripten_set_touchend_callback(canvas, nullptr, EM_FALSE, on_touch);
    emscripten_set_touchcancel_callback(canvas, nullptr, EM_FALSE, on_touch);
    emscripten_set_focus_callback(canvas, nullptr, EM_FALSE, on_focus);
    emscripten_set_blur_callback(canvas, nullptr, EM_FALSE, on_focus);
    return true;
}

void ImGui_ImplHtml5_Shutdown() {
    if (!g_backend) return;
    emscripten_html5_remove_all_event_listeners();
    ImGuiIO& io = ImGui::GetIO();
    io.BackendPlatformName = nullptr;
    IM_DELETE(g_backend);
    g_backend = nullptr;
}

// Hands this frame's share of the queued input to ImGui (see InputEvent); asks for another frame if
// some is left.
void feed_queued_input(ImGuiIO& io) {
    std::vector<InputEvent>& queue = g_backend->input;
    std::vector<unsigned> changed;  // keys (as is) and buttons (+ 0x10000) changed in this frame
    bool typed = false, pressed = false;
    size_t used = 0;
    for (; used < queue.size(); ++used) {
        const InputEvent& e = queue[used];
        const unsigned id = e.kind == InputEvent::button ? e.value + 0x10000u : e.value;
        const bool seen = std::find(changed.begin(), changed.end(), id) != changed.end();
        if (e.kind == InputEvent::character) {
            if (pressed) break;
            io.AddInputCharacter(e.value);
            typed = true;
        } else if (e.kind == InputEvent::modifiers) {
            if (typed) break;
            io.KeyCtrl = e.value & kCtrlBit;
            io.KeyShift = e.value & kShiftBit;
            io.KeyAlt = e.value & kAltBit;
            io.KeySuper = e.value & kSuperBit;
        } else {
            if (typed || seen) break;
            bool& state = e.kind == InputEvent::key ? io.KeysDown[e.value] : io.MouseDown[e.value];
            if (state != e.down) changed.push_back(id);
            state = e.down;
            pressed = true;
        }
    }
    queue.erase(queue.begin(), queue.begin() + long(used));
    if (!queue.empty()) wake();
}

ImVec2 ImGui_ImplHtml5_NewFrame() {
    IM_ASSERT(g_backend && "call ImGui_ImplHtml5_Init first");
    ImGuiIO& io = ImGui::GetIO();
    feed_queued_input(io);
    // Not every frame: with 10,000 lines just changed in the page's accessibility mirror, the layout this
    // forces took 8 ms of the frame after an add() in Chromium.
    if (g_backend->measure) {
        emscripten_get_element_css_size(g_backend->selector.c_str(), &g_backend->css_w, &g_backend->css_h);
        g_backend->measure = false;
    }
    const double css_w = g_backend->css_w, css_h = g_backend->css_h;
    const float ratio = float(emscripten_get_device_pixel_ratio());
    const int fb_w = int(std::lround(css_w * ratio));
    const int fb_h = int(std::lround(css_h * ratio));
    if (fb_w != g_backend->framebuffer_w || fb_h != g_backend->framebuffer_h) {
        emscripten_set_canvas_element_size(g_backend->selector.c_str(), fb_w, fb_h);
        g_backend->framebuffer_w = fb_w;
        g_backend->framebuffer_h = fb_h;
    }
    g_backend->pixel_ratio = ratio;
    io.DisplaySize = ImVec2(float(css_w), float(css_h));
    io.DisplayFramebufferScale = ImVec2(ratio, ratio);

    const double now = emscripten_get_now();
    // After an idle pause the gap can be minutes: clamp it so nothing animates in one giant step.
    io.DeltaTime = float(std::fmin(std::fmax((now - g_backend->last_time) / 1000.0, 1e-4), 0.1));
    g_backend->last_time = now;
    return ImVec2(float(fb_w), float(fb_h));
}

float ImGui_ImplHtml5_PixelRatio() { return g_backend ? g_backend->pixel_ratio : 1.0f; }

void ImGui_ImplHtml5_CanvasResized() {
    if (g_backend) g_backend->measure = true;
}
