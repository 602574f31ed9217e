// libFuzzer target: numbers as text, both ways, against the C library. In the wasm, strtod,
// snprintf and vsnprintf are the explorer's own (src/web/libc_numbers.cpp): every number of a
// dataset or a view state that has a fraction or an exponent is read by readDecimal
// (src/core/decimal_number.hpp), and ImGui's labels and nlohmann_json's escapes are written by
// formatTextV (src/core/text_format.hpp). Natively both must give what glibc gives:
//  - readDecimal on the input (up to its first NUL) reads the same double and the same length as
//    strtod, but for C99's hexadecimal form, which it reads as its leading 0;
//  - a double and a floating-point conversion spec made from the input's first bytes (flags,
//    width, precision, one of f e g F E G) are written as snprintf writes them.
// Seeds in corpus/decimal_number.
#include "fuzz_support.hpp"

#include "core/decimal_number.hpp"
#include "core/text_format.hpp"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

using explorer::fuzz::require;

namespace {

bool isHexadecimal(const std::string& text) {
    std::size_t i = 0;
    while (i < text.size() && (text[i] == ' ' || (text[i] >= '\t' && text[i] <= '\r'))) ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    return i + 1 < text.size() && text[i] == '0' && (text[i + 1] == 'x' || text[i + 1] == 'X');
}

void checkReading(const std::string& text) {
    if (isHexadecimal(text)) return;
    char* end = nullptr;
    const double expected = std::strtod(text.c_str(), &end);
    const explorer::DecimalRead read = explorer::readDecimal(text);
    require(read.used == static_cast<std::size_t>(end - text.c_str()));
    if (std::isnan(expected)) {
        require(std::isnan(read.value));
    } else {
        std::uint64_t a, b;
        std::memcpy(&a, &expected, sizeof a);
        std::memcpy(&b, &read.value, sizeof b);
        require(a == b);
    }
}

void checkWriting(const std::uint8_t* data, std::size_t size) {
    if (size < 11) return;
    double value;
    std::memcpy(&value, data, sizeof value);
    std::string format = "%";
    const std::uint8_t flags = data[8];
    if (flags & 1) format += '-';
    if (flags & 2) format += '+';
    if (flags & 4) format += ' ';
    if (flags & 8) format += '#';
    if (flags & 16) format += '0';
    if (flags & 32) format += std::to_string(data[9] % 40);
    if (flags & 64) format += "." + std::to_string(data[10] % 60);
    format += "feEgGF"[(flags >> 5) % 6];
    char expected[512], ours[512];
    const int expectedCount = std::snprintf(expected, sizeof expected, format.c_str(), value);
    const int ourCount = explorer::formatText(ours, sizeof ours, format.c_str(), value);
    require(expectedCount == ourCount);
    require(std::strcmp(expected, ours) == 0);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string input(reinterpret_cast<const char*>(data), size);
    checkReading(input.substr(0, input.find('\0')));
    checkWriting(data, size);
    return 0;
}
