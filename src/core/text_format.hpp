// printf-style formatting without the C library's printf family.
//
// Why our own: in the wasm, musl's vsnprintf (printf_core, fmt_fp) and the 128-bit long double
// arithmetic its %f needs are about 9 KB of code; with our strtod (decimal_number.hpp) they were
// the last users of that arithmetic (issue 12, "Size"). Dear ImGui formats its labels and IDs
// through ImFormatString, which src/ui/imgui_format.cpp (IMGUI_DISABLE_DEFAULT_FORMAT_FUNCTIONS)
// makes this function, natively and in the wasm alike; the explorer's own few numbers go through
// it too. tests/core/text_format_test.cpp checks it against glibc's vsnprintf.
//
// What it writes is what C99's vsnprintf writes for: the conversions d i u o x X c s p f F e E g G
// and %%; the flags - + space # 0; a width and a precision, given or taken as an int argument (*);
// the length modifiers hh h l ll j z t (and L, read as double). Floating point is exact: a double's
// decimal expansion is finite, it is computed in full and rounded to nearest, ties to even, as
// glibc does. Not written: %a (hexadecimal floating point), %n, wide characters (%lc, %ls): such a
// conversion is copied as it stands.
//
// Cost: linear in the output, plus, for a floating-point conversion, the exact expansion of the
// double: at most 767 significant digits, computed in O(digits²) word operations.
#pragma once

#include <cstdarg>
#include <cstddef>
#include <string>

namespace explorer {

// As vsnprintf: writes at most size − 1 characters and a NUL (when size > 0), and returns how many
// characters the whole text has.
int formatTextV(char* out, std::size_t size, const char* format, std::va_list args);
int formatText(char* out, std::size_t size, const char* format, ...);
std::string formattedText(const char* format, ...);

} // namespace explorer
