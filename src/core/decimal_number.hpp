// Decimal text → double, correctly rounded (to nearest, ties to even), the way strtod reads a
// decimal number, without the C library's float scanner.
//
// Why our own: in the wasm, musl's strtod (__floatscan) and the 128-bit long double arithmetic it
// needs are about 14 KB of code, 5 KB of the packed page, for the few numbers a dataset or a
// view state holds (issue 12, "Size"). src/web/libc_numbers.cpp makes strtod, which nlohmann_json
// calls for every number with a fraction or an exponent, this function in the wasm; native builds
// keep the C library's, and tests/core/decimal_number_test.cpp checks that both read the same
// double from millions of texts.
//
// How: up to 15 significant digits and a power of ten up to 10^22 are exact doubles, so one IEEE
// multiplication or division rounds correctly (Clinger's fast path): every coordinate the explorer
// writes (9 significant digits at most) takes it. Otherwise a first estimate from the first 19
// digits is moved one unit in the last place at a time until exact big-integer comparisons with
// the two halfway points around it say it is the nearest double.
//
// Cost: the fast path is a few dozen operations. The slow one keeps at most kMaxDigits significant
// digits (the rest only tell whether the value is above those: enough to round correctly, since a
// double needs at most 767 of them) and compares integers of at most about 5,000 bits: about
// O(kMaxDigits²) word operations per number in the worst case, a few hundred microseconds; for a
// 17-digit number a few microseconds.
#pragma once

#include <cstddef>
#include <string_view>

namespace explorer {

inline constexpr std::size_t kMaxDecimalDigits = 800;

struct DecimalRead {
    double value = 0.0;
    std::size_t used = 0; // characters read; 0 when the text does not start with a number
    bool outOfRange = false; // too large for a double (±infinity), or a number that is not zero read as ±0
};

// The text's longest prefix that strtod would read as a decimal number: optional white space, a
// sign, digits with an optional point, an optional exponent; "inf", "infinity" and "nan" in any
// case. (strtod's hexadecimal form is not read: "0x1p3" reads as 0, as C89's strtod did.)
DecimalRead readDecimal(std::string_view text);

} // namespace explorer
