// goalpost core: marks the code in a file that runs once per call or edit (writers, the vendors' HTTP
// replies, JSON for the page), where the rest of the file runs once per record and is built for speed.
// In the shipped wasm the marked functions are optimised for size (clang's minsize), as the files that
// are cold throughout are (widget/core/CMakeLists.txt): the download is the cost they have, none of the
// benchmarks' time. Natively and in debug builds the marks do nothing.
//
//     GP_COLD_CODE_BEGIN
//     Json write_pipedrive_goal(...) { ... }
//     GP_COLD_CODE_END
#pragma once

#if defined(__EMSCRIPTEN__) && defined(NDEBUG) && defined(__clang__)
#define GP_COLD_CODE_BEGIN _Pragma("clang attribute push (__attribute__((minsize)), apply_to = function)")
#define GP_COLD_CODE_END _Pragma("clang attribute pop")
#else
#define GP_COLD_CODE_BEGIN
#define GP_COLD_CODE_END
#endif
