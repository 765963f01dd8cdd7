// Dear ImGui renderer for the widget's own WebGL2 context (wasm/imgui_impl_webgl2.cpp).
// Features: the font atlas as one single-channel texture; 16-bit indices; clip rectangles as scissors.
// Not supported, because the widget does not use them: user textures, draw callbacks other than
// ImDrawCallback_ResetRenderState, large meshes (ImGuiBackendFlags_RendererHasVtxOffset).
#pragma once

#include <imgui.h>

bool ImGui_ImplWebGL2_Init();
void ImGui_ImplWebGL2_Shutdown();
void ImGui_ImplWebGL2_NewFrame();  // uploads the font atlas if it is not on the GPU yet
void ImGui_ImplWebGL2_RenderDrawData(ImDrawData* draw_data);
void ImGui_ImplWebGL2_CreateFontsTexture();
void ImGui_ImplWebGL2_DestroyFontsTexture();
