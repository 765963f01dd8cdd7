# Compiler settings shared by every goalpost target, as an interface target rather than globals.
add_library(goalpost_options INTERFACE)
add_library(goalpost::options ALIAS goalpost_options)

if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  target_compile_options(goalpost_options INTERFACE -Wall -Wextra -Wshadow -Wno-unused-parameter)
endif()

# Optimisation per layer. In the browser the data-processing core runs at -O2 (string work at -Oz
# measured ~7x slower than native) while ImGui, the UI and the platform layer are built for size.
# Natively the build type decides.
set(GP_WASM_SPEED_FLAGS "-O2" CACHE STRING "Optimisation of the wasm data-processing code")
set(GP_WASM_SIZE_FLAGS "-Oz" CACHE STRING "Optimisation of the rest of the wasm code")
# The allocator of every wasm program, the shipped widget and the benchmarks alike, so that the benchmarks
# time what visitors run. dlmalloc, not the smaller emmalloc: reading goals and data in wasm was 10-17 %
# faster with it (bench_read, two processes of each alternating), for 1.8 KB brotli more (docs/payload.md).
set(GP_WASM_MALLOC "dlmalloc")

function(gp_optimize target kind)
  if(NOT EMSCRIPTEN OR CMAKE_BUILD_TYPE STREQUAL "Debug")
    return()
  endif()
  if(kind STREQUAL "speed")
    separate_arguments(flags UNIX_COMMAND "${GP_WASM_SPEED_FLAGS}")
  else()
    separate_arguments(flags UNIX_COMMAND "${GP_WASM_SIZE_FLAGS}")
  endif()
  # Emscripten 3.1.6 turns -Os and -Oz into -fno-inline-functions (its INLINING_LIMIT setting), which marks
  # every function noinline, libc++'s one-line accessors included: a loop over std::string or std::vector
  # then calls size(), data() and operator[] as functions. INLINING_LIMIT=0 gives clang its own -Oz
  # inliner back (which still inlines only what makes the code smaller).
  target_compile_options(${target} PRIVATE ${flags} -sINLINING_LIMIT=0)
endfunction()

if(EMSCRIPTEN)
  # Three wasm features past the first version, in Chrome from 75, Firefox from 79 and Safari from 15 (the
  # first Safari with WebGL2, which the widget needs anyway): float-to-int conversions that saturate instead of
  # trapping (without them every (int) of a float is a range check around the conversion, and ImGui makes
  # many), sign extension in one instruction, and memory.copy/fill for memcpy/memset. 1.2 KB brotli less.
  # Every wasm build has them, so that the tests and the benchmarks run the code the widget ships.
  set(GP_WASM_FEATURES -mnontrapping-fptoint -msign-ext -mbulk-memory)
  add_compile_options(${GP_WASM_FEATURES})
  add_link_options(${GP_WASM_FEATURES})
  # Per-target levels come from gp_optimize; keep the build type from adding its own -O3.
  set(CMAKE_CXX_FLAGS_RELEASE "-DNDEBUG" CACHE STRING "" FORCE)
  set(CMAKE_C_FLAGS_RELEASE "-DNDEBUG" CACHE STRING "" FORCE)
  # Emscripten 3.1.6's glue tries fetch() on file paths under Node >= 18; plain file reads work.
  set(CMAKE_CROSSCOMPILING_EMULATOR "node;--no-experimental-fetch" CACHE STRING "" FORCE)
endif()

# The code that ships in the browser is built without exceptions in every build, so that a `throw` or
# `try` in it is a compile error here rather than an abort in a visitor's browser.
function(gp_no_exceptions target)
  target_compile_options(${target} PRIVATE -fno-exceptions)
  gp_no_rtti(${target})
endfunction()

# The shipped widget has no use for RTTI (no dynamic_cast or typeid; libc++'s std::function does without):
# -fno-rtti drops the type_info records, 2.3 KB brotli of the wasm. Only the wasm-release preset sets it, so
# that the test builds (Catch2 wants RTTI) link the libraries as they are.
option(GP_NO_RTTI "Build the browser code without RTTI" OFF)
function(gp_no_rtti target)
  if(GP_NO_RTTI)
    target_compile_options(${target} PRIVATE -fno-rtti)
  endif()
endfunction()
