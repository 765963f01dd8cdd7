// Dear ImGui renderer for the widget's own WebGL2 context.
//
// ImGui's OpenGL3 backend reads some twenty pieces of GL state back before every frame (glGetIntegerv,
// glIsEnabled) to restore them afterwards, for applications that share their context. In Chromium each
// such read is a synchronous round trip to the GPU process, and together they were most of the widget's
// script time per frame (docs/BENCHMARKS.md, In the browser). The widget owns its context, so this renderer
// sets the state it needs each frame and reads nothing back. It also bakes in the one GLSL dialect WebGL2
// has, so none of the backend's version detection and shader variants ship.
#include "imgui_impl_webgl2.h"

#include <cstdint>

#include <GLES3/gl3.h>

namespace {

struct Renderer {
    GLuint program = 0;
    GLint projection = -1;
    GLint atlas = -1;
    GLuint vertex_array = 0;
    GLuint vertices = 0;
    GLuint indices = 0;
    GLuint font_texture = 0;
};

Renderer* g_renderer = nullptr;

// The atlas is white glyphs on transparency (ImGui's 8-bit atlas): a single channel is enough, read as alpha.
constexpr const char* kVertexShader = R"(#version 300 es
uniform mat4 projection;
layout (location = 0) in vec2 position;
layout (location = 1) in vec2 uv;
layout (location = 2) in vec4 colour;
out vec2 frag_uv;
out vec4 frag_colour;
void main() {
    frag_uv = uv;
    frag_colour = colour;
    gl_Position = projection * vec4(position, 0.0, 1.0);
})";

constexpr const char* kFragmentShader = R"(#version 300 es
precision mediump float;
uniform sampler2D atlas;
in vec2 frag_uv;
in vec4 frag_colour;
layout (location = 0) out vec4 out_colour;
void main() {
    out_colour = vec4(frag_colour.rgb, frag_colour.a * texture(atlas, frag_uv).r);
})";

GLuint compile(GLenum kind, const char* source) {
    const GLuint shader = glCreateShader(kind);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    return shader;
}

}  // namespace

bool ImGui_ImplWebGL2_Init() {
    IM_ASSERT(!g_renderer && "one renderer per ImGui context and module instance");
    g_renderer = new Renderer;
    Renderer& r = *g_renderer;
    ImGui::GetIO().BackendRendererName = "goalpost_webgl2";

    r.program = glCreateProgram();
    const GLuint vertex = compile(GL_VERTEX_SHADER, kVertexShader);
    const GLuint fragment = compile(GL_FRAGMENT_SHADER, kFragmentShader);
    glAttachShader(r.program, vertex);
    glAttachShader(r.program, fragment);
    glLinkProgram(r.program);
    glDeleteShader(vertex);
    glDeleteShader(fragment);
    GLint linked = 0;
    glGetProgramiv(r.program, GL_LINK_STATUS, &linked);
    r.projection = glGetUniformLocation(r.program, "projection");
    r.atlas = glGetUniformLocation(r.program, "atlas");

    // The vertex layout and the index buffer binding are the vertex array's state: set once.
    glGenVertexArrays(1, &r.vertex_array);
    glGenBuffers(1, &r.vertices);
    glGenBuffers(1, &r.indices);
    glBindVertexArray(r.vertex_array);
    glBindBuffer(GL_ARRAY_BUFFER, r.vertices);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, r.indices);
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), reinterpret_cast<void*>(IM_OFFSETOF(ImDrawVert, pos)));
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), reinterpret_cast<void*>(IM_OFFSETOF(ImDrawVert, uv)));
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(ImDrawVert), reinterpret_cast<void*>(IM_OFFSETOF(ImDrawVert, col)));
    glBindVertexArray(0);
    return linked == GL_TRUE;
}

void ImGui_ImplWebGL2_Shutdown() {
    if (!g_renderer) return;
    ImGui_ImplWebGL2_DestroyFontsTexture();
    Renderer& r = *g_renderer;
    glDeleteVertexArrays(1, &r.vertex_array);
    glDeleteBuffers(1, &r.vertices);
    glDeleteBuffers(1, &r.indices);
    glDeleteProgram(r.program);
    ImGui::GetIO().BackendRendererName = nullptr;
    delete g_renderer;
    g_renderer = nullptr;
}

void ImGui_ImplWebGL2_CreateFontsTexture() {
    Renderer& r = *g_renderer;
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    ImFontAtlas& fonts = *ImGui::GetIO().Fonts;
    fonts.GetTexDataAsAlpha8(&pixels, &width, &height);
    glGenTextures(1, &r.font_texture);
    glBindTexture(GL_TEXTURE_2D, r.font_texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);  // rows of single bytes
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
    fonts.SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(r.font_texture)));
}

void ImGui_ImplWebGL2_DestroyFontsTexture() {
    Renderer& r = *g_renderer;
    if (!r.font_texture) return;
    glDeleteTextures(1, &r.font_texture);
    ImGui::GetIO().Fonts->SetTexID(ImTextureID());
    r.font_texture = 0;
}

void ImGui_ImplWebGL2_NewFrame() {
    if (g_renderer && !g_renderer->font_texture) ImGui_ImplWebGL2_CreateFontsTexture();
}

void ImGui_ImplWebGL2_RenderDrawData(ImDrawData* draw_data) {
    const int fb_width = int(draw_data->DisplaySize.x * draw_data->FramebufferScale.x);
    const int fb_height = int(draw_data->DisplaySize.y * draw_data->FramebufferScale.y);
    if (!g_renderer || fb_width <= 0 || fb_height <= 0) return;
    const Renderer& r = *g_renderer;

    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_SCISSOR_TEST);
    glViewport(0, 0, fb_width, fb_height);

    const float l = draw_data->DisplayPos.x, r_ = l + draw_data->DisplaySize.x;
    const float t = draw_data->DisplayPos.y, b = t + draw_data->DisplaySize.y;
    const float projection[4][4] = {
        {2.0f / (r_ - l), 0.0f, 0.0f, 0.0f},
        {0.0f, 2.0f / (t - b), 0.0f, 0.0f},
        {0.0f, 0.0f, -1.0f, 0.0f},
        {(r_ + l) / (l - r_), (t + b) / (b - t), 0.0f, 1.0f},
    };
    glUseProgram(r.program);
    glUniform1i(r.atlas, 0);
    glUniformMatrix4fv(r.projection, 1, GL_FALSE, &projection[0][0]);
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(r.vertex_array);
    glBindBuffer(GL_ARRAY_BUFFER, r.vertices);

    const ImVec2 origin = draw_data->DisplayPos;
    const ImVec2 scale = draw_data->FramebufferScale;
    for (int n = 0; n < draw_data->CmdListsCount; ++n) {
        const ImDrawList* list = draw_data->CmdLists[n];
        glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(list->VtxBuffer.Size) * GLsizeiptr(sizeof(ImDrawVert)), list->VtxBuffer.Data,
                     GL_STREAM_DRAW);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, GLsizeiptr(list->IdxBuffer.Size) * GLsizeiptr(sizeof(ImDrawIdx)),
                     list->IdxBuffer.Data, GL_STREAM_DRAW);
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) {
                if (cmd.UserCallback != ImDrawCallback_ResetRenderState) cmd.UserCallback(list, &cmd);
                continue;
            }
            const float x0 = (cmd.ClipRect.x - origin.x) * scale.x, y0 = (cmd.ClipRect.y - origin.y) * scale.y;
            const float x1 = (cmd.ClipRect.z - origin.x) * scale.x, y1 = (cmd.ClipRect.w - origin.y) * scale.y;
            if (x1 <= x0 || y1 <= y0) continue;
            glScissor(int(x0), int(float(fb_height) - y1), int(x1 - x0), int(y1 - y0));
            glBindTexture(GL_TEXTURE_2D, GLuint(reinterpret_cast<intptr_t>(cmd.GetTexID())));
            glDrawElements(GL_TRIANGLES, GLsizei(cmd.ElemCount), sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT,
                           reinterpret_cast<void*>(intptr_t(cmd.IdxOffset * sizeof(ImDrawIdx))));
        }
    }
    glBindVertexArray(0);
    // The next frame's glClear must reach the whole canvas.
    glDisable(GL_SCISSOR_TEST);
}
