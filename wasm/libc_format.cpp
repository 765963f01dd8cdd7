// The C library's formatting, scanning and trigonometry, as the shipped wasm links them (wasm/CMakeLists.txt
// wraps the five C names below for goalpost_web; the core's convert_hard_decimal is replaced by its strong
// definition).
//
// Why: musl's printf and scanf work in long double, which wasm has only in software (compiler-rt's
// __multf3, __divtf3, ...), so the two of them with their helpers were about 25 KB of the module, most of
// the C library's share (scripts/size_report.py). What is left that formats or scans:
// - ImGui formats with stb_sprintf, compiled into imgui.cpp (IMGUI_USE_STB_SPRINTF, cmake/GoalpostDeps.cmake);
// - the widget's own fixed-point numbers are the browser's toFixed (format_fixed, below): stb_sprintf is built
//   without its float code (GP_BROWSER_FIXED_POINT), since nothing else here formats a float;
// - nlohmann writes "\u00XX" escapes with std::snprintf, and libc++ formats with vsnprintf: both reach
//   stb_sprintf through the wraps here;
// - the core converts the common decimals exactly itself (read_decimal, core/json_access.hpp) and hands the
//   rare hard ones to convert_hard_decimal, which is the C library's strtod elsewhere and JavaScript's
//   Number() here (below): musl's strtod, its long double scanning and compiler-rt's soft-float routines
//   (about 15 KB of code) are not linked;
// - ImGui's only sscanf calls left are in its .ini readers, which the widget never feeds (io.IniFilename is
//   null and nothing calls LoadIniSettingsFromMemory); its scalar input widgets, which parse typed numbers
//   with sscanf, are not used (the editor's numbers are text fields parsed by the core).
#include <algorithm>
#include <climits>
#include <cstdarg>
#include <cstddef>

#include <emscripten/emscripten.h>
#include <stb/stb_sprintf.h>

#include "ui/format.hpp"

extern "C" {

// C's contract on stb's: a size of 0 writes nothing, whatever the buffer (stb would write a terminator
// before it), and a size past stb's int count is clamped.
int __wrap_vsnprintf(char* buffer, size_t size, const char* format, va_list args) {
    if (size == 0) return stbsp_vsnprintf(nullptr, 0, format, args);
    return stbsp_vsnprintf(buffer, static_cast<int>(std::min<size_t>(size, INT_MAX)), format, args);
}

int __wrap_snprintf(char* buffer, size_t size, const char* format, ...) {
    va_list args;
    va_start(args, format);
    const int written = __wrap_vsnprintf(buffer, size, format, args);
    va_end(args);
    return written;
}

}  // extern "C"

// The hard decimals (core/json_access.hpp): JavaScript's Number() of the same text, which ECMAScript
// defines as the correctly rounded double, as strtod is. The text is read_decimal's ASCII digits, sign,
// point and exponent.
EM_JS(double, js_number_of_ascii, (const char* text, size_t size), {
    var s = "";
    for (var i = 0; i < size; i++) s += String.fromCharCode(HEAPU8[text + i]);
    return Number(s);
});

namespace gp {
double convert_hard_decimal(const char* text, size_t size) { return js_number_of_ascii(text, size); }
}  // namespace gp

// The widget's fixed-point numbers (widget/ui/format.hpp): toFixed rounds the exact binary value to the
// nearest, a tie to the larger magnitude, as stb_sprintf does natively from its 17 significant digits;
// from 1e21 up it would switch to exponent notation, so those values (integers, every one) are written out
// by BigInt. ASCII only: each character is one byte.
EM_JS(int, js_fixed, (char* out, int size, double value, int decimals), {
    var text = Math.abs(value) < 1e21 ? value.toFixed(decimals)
                                      : BigInt(value).toString() + (decimals > 0 ? "." + "0".repeat(decimals) : "");
    var n = Math.min(text.length, size - 1);
    for (var i = 0; i < n; i++) HEAPU8[out + i] = text.charCodeAt(i);
    if (size > 0) HEAPU8[out + n] = 0;
    return text.length;
});

namespace gp::ui {
int format_fixed(char* out, int size, double value, int decimals) { return js_fixed(out, size, value, decimals); }
}  // namespace gp::ui

extern "C" {

// ImGui's sines and cosines: JavaScript's Math.sin and Math.cos, rounded to float. ImGui fills its table
// of arc points with them once; while drawing, only an arc too large for that table calls them (the
// widget's rounded corners are small enough for it). musl's sinf and cosf would bring their argument
// reduction for huge angles with a 2.7 KB table of the digits of 2/pi (sized for long double), which
// brotli cannot shrink.
EM_JS(double, js_sine, (double x), { return Math.sin(x); });
EM_JS(double, js_cosine, (double x), { return Math.cos(x); });
float __wrap_sinf(float x) { return static_cast<float>(js_sine(x)); }
float __wrap_cosf(float x) { return static_cast<float>(js_cosine(x)); }

// Matches nothing, as a scan of a line that is not there would: ImGui's .ini readers, the only callers,
// never run (see above). If a caller that runs ever appears, its scan fails visibly instead of reading
// through 25 KB of soft-float code.
int __wrap_sscanf(const char*, const char*, ...) { return 0; }

}  // extern "C"
