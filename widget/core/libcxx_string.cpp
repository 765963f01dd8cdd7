// std::string's members for the wasm build, compiled here at the core's optimisation level.
//
// libc++ declares std::string `extern template`, so a call to push_back, append, ... that is not inlined
// goes to the copy instantiated inside the C++ library. Debian's prebuilt libc++ for Emscripten (the
// sysroot cache of the emscripten package) has those compiled without inlining: its push_back calls out
// to __is_long, __get_pointer, char_traits::assign, ..., and nlohmann's lexer calls push_back for every
// character of every string it reads. This explicit instantiation gives the link our copy first (the
// core library comes before libc++ on the link line; both copies are weak, and the first one wins).
// Measured under node (callgrind, bench_read's payloads): 11-14% fewer instructions per goal read, for
// 0.5 KB more widget wasm (no more gzip); instantiating std::string in every object instead
// (_LIBCPP_DISABLE_EXTERN_TEMPLATE) saved as much but added 26 KB (10 KB gzip) to the widget's wasm.
#include <string>

#if defined(__EMSCRIPTEN__) && defined(_LIBCPP_VERSION)
template class std::basic_string<char>;
#endif
