// Dear ImGui's table and columns code, as the shipped wasm links it (wasm/CMakeLists.txt wraps the names
// below for goalpost_web).
//
// The widget lays out its lists by hand and opens no table and no legacy columns (the detail view's
// intervals used the only table, docs/payload.md). ImGui still names that code from its frame: the
// context installs the tables' .ini handler, the garbage collector compacts table settings and buffers,
// the list clipper ends a table row when it runs inside a table, and End() closes open columns. Those
// names are wrapped to the functions here, so the table layout, settings and columns code (about 3 KB)
// leaves the link. The first three have nothing to do without tables; the last two can only run inside
// a table or columns, which nothing opens: they trap (wasm's unreachable) if a later view does, rather
// than draw a wrong frame.
//
// The same way, three pieces of ImGui the widget never uses: its stock dark colours (the view sets all
// 53 colours of its own palette before its first window, widget/ui/theme.cpp), the software mouse
// cursor (io.MouseDrawCursor stays false: the page draws the cursor) and text logging (never started).
#include <imgui.h>

struct ImGuiTable;
struct ImGuiTableTempData;

extern "C" {

// ImGui::TableSettingsInstallHandler(ImGuiContext*): no table settings to read or write (the .ini file is
// never written either: io.IniFilename is null).
void __wrap__ZN5ImGui27TableSettingsInstallHandlerEP12ImGuiContext(ImGuiContext*) {}
// ImGui::TableGcCompactSettings() and ImGui::TableGcCompactTransientBuffers(...): no tables to compact.
void __wrap__ZN5ImGui22TableGcCompactSettingsEv() {}
void __wrap__ZN5ImGui30TableGcCompactTransientBuffersEP10ImGuiTable(ImGuiTable*) {}
void __wrap__ZN5ImGui30TableGcCompactTransientBuffersEP18ImGuiTableTempData(ImGuiTableTempData*) {}
// ImGui::TableEndRow(ImGuiTable*) and ImGui::EndColumns(): only inside a table or columns.
void __wrap__ZN5ImGui11TableEndRowEP10ImGuiTable(ImGuiTable*) { __builtin_trap(); }
void __wrap__ZN5ImGui10EndColumnsEv() { __builtin_trap(); }

// ImGui::StyleColorsDark(ImGuiStyle*), which ImGuiStyle's constructor calls: the theme sets every colour.
void __wrap__ZN5ImGui15StyleColorsDarkEP10ImGuiStyle(ImGuiStyle*) {}
// ImGui::RenderMouseCursor(...) and ImGui::LogRenderedText(...): only with io.MouseDrawCursor or a log open.
void __wrap__ZN5ImGui17RenderMouseCursorEP10ImDrawList6ImVec2fijjj(ImDrawList*, ImVec2, float, ImGuiMouseCursor, ImU32,
                                                                    ImU32, ImU32) {
    __builtin_trap();
}
void __wrap__ZN5ImGui15LogRenderedTextEPK6ImVec2PKcS4_(const ImVec2*, const char*, const char*) { __builtin_trap(); }

}  // extern "C"
