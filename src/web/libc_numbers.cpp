// The C library's strtod, in the wasm only, as the explorer's own correctly rounded reader
// (core/decimal_number.hpp). nlohmann_json calls strtod for every number with a fraction or an
// exponent, and musl's (__floatscan) brings 128-bit long double arithmetic with it: with ImGui's
// formatting also ours (src/ui/imgui_format.cpp), that arithmetic leaves the wasm, about 20 KB of
// code and 7 KB of the packed page (issue 12, "Size"). The linker takes a definition from our own
// objects before it looks in libc.a, so this one serves every caller in the module. Native builds
// keep the C library's, against which tests/core/decimal_number_test.cpp checks ours.
#include "core/decimal_number.hpp"
#include "core/text_format.hpp"

#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <string_view>

extern "C" double strtod(const char* text, char** end) {
    const explorer::DecimalRead read = explorer::readDecimal(std::string_view(text, std::strlen(text)));
    if (end != nullptr) *end = const_cast<char*>(text + read.used);
    return read.value;
}

// musl defines strtof and strtold beside strtod, in one object: libc++'s std::stof and std::stold
// name them, and were they left to musl the linker would bring its strtod too and refuse the two.
// Nothing in the module calls them (the linker drops them); should something one day, the float
// is the correctly rounded double narrowed (off by one unit in the last place at a float halfway
// point, 1 text in about 2^29), and the long double the correctly rounded double, not a 113-bit one.
extern "C" float strtof(const char* text, char** end) { return static_cast<float>(strtod(text, end)); }
extern "C" long double strtold(const char* text, char** end) { return strtod(text, end); }

// snprintf and vsnprintf likewise, as the explorer's formatter (core/text_format.hpp), which writes
// what C99's do for every conversion but %a, %n and wide characters: nlohmann_json escapes control
// characters and names a bad token with them ("\\u%04x", "<U+%.4X>"), libc++ writes its error
// texts, Emscripten its console messages. With them ours, musl's printf_core and fmt_fp, and the
// 128-bit long double arithmetic %f needs, stay out of the wasm.
extern "C" int vsnprintf(char* out, size_t size, const char* format, va_list args) {
    return explorer::formatTextV(out, size, format, args);
}

extern "C" int snprintf(char* out, size_t size, const char* format, ...) {
    va_list args;
    va_start(args, format);
    const int n = explorer::formatTextV(out, size, format, args);
    va_end(args);
    return n;
}
