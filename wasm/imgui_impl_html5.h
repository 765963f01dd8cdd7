// dear imgui: platform backend for one <canvas> in a web page, on emscripten/html5.h callbacks.
//
// Why not Emscripten's GLFW: its keyboard listeners sit on `window` and cancel Backspace and Tab for the
// whole page, so a text field beside the widget stops deleting characters. It also ignores
// devicePixelRatio and never moves the cursor on touch.
//
// Features
//  [X] Every listener is bound to the widget's own canvas (mouseup to the document, so a drag that ends
//      outside still releases); nothing listens on `window`.
//  [X] Keyboard input only while the canvas has focus. Tab is never consumed, so focus can leave.
//      Printable keys are left to the browser so it produces the characters (keypress).
//  [X] The wheel is consumed only when the hovered ImGui window can still scroll that way; otherwise the
//      page scrolls as if the widget were not there.
//  [X] Display size from the canvas's CSS size, framebuffer from CSS size x devicePixelRatio. The size is
//      measured at the first frame and after ImGui_ImplHtml5_CanvasResized(), not every frame: measuring
//      (getBoundingClientRect) makes the browser lay out whatever the page changed since, inside the frame.
//  [X] Touch moves the cursor and presses the left button.
//  [X] Keys, buttons and characters are queued and trickled to ImGui one change per key or button per
//      frame (1.86 has no input queue of its own), so a tap or key stroke shorter than a frame still counts.
//  [ ] Clipboard, IME and gamepads.
//
// Every input callback calls the `wake` function given to Init, so the app can resume a paused loop.
#pragma once

#include "imgui.h"

struct ImGui_ImplHtml5_Config {
    const char* canvas_selector = nullptr;  // e.g. "#goalpost-canvas-1"
    void (*wake)(void* user) = nullptr;     // called after any input that may change what is drawn
    void* user = nullptr;
};

IMGUI_IMPL_API bool ImGui_ImplHtml5_Init(const ImGui_ImplHtml5_Config& config);
IMGUI_IMPL_API void ImGui_ImplHtml5_Shutdown();
// Reads the canvas size and pixel ratio, resizes the framebuffer when they changed, and sets
// DisplaySize, DisplayFramebufferScale and DeltaTime. Returns the framebuffer size in pixels.
IMGUI_IMPL_API ImVec2 ImGui_ImplHtml5_NewFrame();
IMGUI_IMPL_API float ImGui_ImplHtml5_PixelRatio();
// The canvas's CSS size may have changed (the page's ResizeObserver saw it): the next NewFrame measures it.
IMGUI_IMPL_API void ImGui_ImplHtml5_CanvasResized();
