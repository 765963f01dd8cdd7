# Third-party code, all from Debian (installed by scripts/setup):
#   nlohmann_json and Howard Hinnant's date are header-only; ImGui 1.86 is compiled from
#   Debian's source package, unpacked in .deps/ (never committed).
add_library(goalpost_headers INTERFACE)
if(EMSCRIPTEN)
  # Never put /usr/include on em++'s path: it would drag glibc headers into the wasm build. This folder
  # holds links to the header-only libraries only.
  target_include_directories(goalpost_headers SYSTEM INTERFACE "${GP_DEPS_DIR}/wasm-include")
else()
  find_package(nlohmann_json 3.10 REQUIRED)
  target_link_libraries(goalpost_headers INTERFACE nlohmann_json::nlohmann_json)
endif()
# The shipped wasm has no exceptions: nlohmann must never throw, so make a reachable throw abort
# loudly in every build rather than unwind somewhere only the native build can.
target_compile_definitions(goalpost_headers INTERFACE JSON_NOEXCEPTION=1)

set(GP_IMGUI_DIR "${GP_DEPS_DIR}/imgui-1.86")
if(NOT EXISTS "${GP_IMGUI_DIR}/imgui.cpp")
  message(FATAL_ERROR "ImGui sources not found in ${GP_IMGUI_DIR}: run scripts/setup first")
endif()

add_library(imgui STATIC
  "${GP_IMGUI_DIR}/imgui.cpp"
  "${GP_IMGUI_DIR}/imgui_draw.cpp"
  "${GP_IMGUI_DIR}/imgui_tables.cpp"
  "${GP_IMGUI_DIR}/imgui_widgets.cpp")
target_include_directories(imgui SYSTEM PUBLIC "${GP_IMGUI_DIR}")
# No demo window, no debug tools, no file I/O: smaller, and nothing that touches a platform. PUBLIC, so that
# every file that includes imgui.h sees the same configuration. 1.86 names the debug tools switch
# IMGUI_DISABLE_METRICS_WINDOW (IMGUI_DISABLE_DEBUG_TOOLS from 1.88 on; both are set).
target_compile_definitions(imgui PUBLIC
  IMGUI_DISABLE_DEMO_WINDOWS IMGUI_DISABLE_METRICS_WINDOW IMGUI_DISABLE_DEBUG_TOOLS IMGUI_DISABLE_FILE_FUNCTIONS
  IMGUI_DISABLE_OBSOLETE_FUNCTIONS)
# ImGui formats its labels with stb_sprintf (Debian's libstb-dev), which imgui.cpp compiles in, instead of the C
# library's printf: musl's printf computes in software long double in wasm, and with sscanf gone too
# (wasm/libc_format.cpp) most of those soft-float routines leave the download. The widget's own fixed-point
# numbers use the same stbsp_snprintf (widget/ui/format.cpp), so native tests check what the wasm draws.
# ImGui 1.86 includes it as "stb_sprintf.h", so the stb folder is on imgui's own include path.
# STB_SPRINTF_NOUNALIGNED: stb_sprintf otherwise copies strings with unaligned 32-bit loads and stores,
# which C++ leaves undefined (the sanitizer build stops at them).
target_compile_definitions(imgui PRIVATE IMGUI_USE_STB_SPRINTF STB_SPRINTF_NOUNALIGNED)
# The shipped wasm formats the widget's fixed-point numbers with the browser's toFixed (widget/ui/format.hpp,
# format_fixed), and nothing else in it formats a float, so stb_sprintf is built without its float code
# there (2.5 KB brotli). A float reaching it would print "No float": the e2e tests would see it.
option(GP_BROWSER_FIXED_POINT "Build stb_sprintf without floats; the shipped wasm formats them in JavaScript" OFF)
if(GP_BROWSER_FIXED_POINT)
  target_compile_definitions(imgui PRIVATE STB_SPRINTF_NOFLOAT)
endif()
if(EMSCRIPTEN)
  target_include_directories(imgui SYSTEM PRIVATE "${GP_DEPS_DIR}/wasm-include/stb")
else()
  find_path(GP_STB_SPRINTF_DIR stb_sprintf.h PATH_SUFFIXES stb REQUIRED)
  target_include_directories(imgui SYSTEM PRIVATE "${GP_STB_SPRINTF_DIR}")
endif()
gp_optimize(imgui size)
gp_no_rtti(imgui)
