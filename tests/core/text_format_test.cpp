// printf-style formatting (core/text_format.hpp), which Dear ImGui and the explorer use in place of
// the C library's: the same text as glibc's snprintf for every conversion it writes.
#include "core/text_format.hpp"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <random>
#include <string>

namespace explorer {
namespace {

template <typename... Args>
void expectAsTheCLibrary(const char* format, Args... args) {
    char expected[2048], ours[2048];
    const int expectedCount = std::snprintf(expected, sizeof expected, format, args...);
    const int ourCount = formatText(ours, sizeof ours, format, args...);
    EXPECT_STREQ(expected, ours) << format;
    EXPECT_EQ(expectedCount, ourCount) << format;
}

TEST(TextFormat, WritesIntegersStringsAndCharactersAsTheCLibrary) {
    for (int v : {0, 1, -1, 7, 42, -42, 255, 65535, std::numeric_limits<int>::max(), std::numeric_limits<int>::min()}) {
        for (const char* format : {"%d", "%i", "%5d", "%-5d|", "%05d", "%+d", "% d", "%.3d", "%8.3d", "%-+8.3d|", "%.0d", "%x", "%X",
                                   "%#x", "%#X", "%08X", "%o", "%#o", "%u", "%02d", "%*d", "%hhd", "%hd", "%hhu"}) {
            if (std::string(format) == "%*d") expectAsTheCLibrary(format, 6, v);
            else expectAsTheCLibrary(format, v);
        }
    }
    expectAsTheCLibrary("%zu items, %llu, %lld, %ld, %lx", std::size_t{123456789}, 18446744073709551615ull, -9223372036854775807ll - 1, -5L, 0xdeadbeefUL);
    expectAsTheCLibrary("%s/%s_%08X", "Parent", "child", 0x1234ABu);
    expectAsTheCLibrary("##Tooltip_%02d", 3);
    expectAsTheCLibrary("%.*s|%-6s|%6s|%.2s|%s", 3, "abcdef", "ab", "ab", "xyz", "");
    expectAsTheCLibrary("%c%c%3c%-3c|", 'a', 'Z', 'x', 'y');
    expectAsTheCLibrary("#%02X%02X%02X", 0x1b, 0x1e, 0x23);
    expectAsTheCLibrary("100%% done, %d%%", 50);
    expectAsTheCLibrary("%p %p", static_cast<void*>(nullptr), reinterpret_cast<void*>(std::uintptr_t{0x1234}));
}

TEST(TextFormat, WritesDoublesExactlyAsTheCLibrary) {
    std::mt19937_64 random(11);
    const char* formats[] = {"%f", "%.0f", "%.1f", "%.3f", "%.6f", "%.17f", "%10.2f", "%-10.2f|", "%010.2f", "%+.2f", "% .1f",
                             "%#.0f", "%e", "%.0e", "%.3e", "%.16E", "%#.0e", "%g", "%.0g", "%.1g", "%.3g", "%.6g", "%.9g",
                             "%.17g", "%#g", "%#.3g", "%G", "%12.4g|", "%-12.4e|", "%F", "%.40f", "%.30e"};
    std::vector<double> values = {0.0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 1e-5, 1e-4, 123456.0, 1234567.0, 0.1, 0.3, 9.9999999,
                                  99.95, 0.05, 1e15, 1e16, 1e22, 1e300, 5e-324, 2.2250738585072014e-308,
                                  std::numeric_limits<double>::max(), 50.0, 3.14159265358979,
                                  std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity(),
                                  std::numeric_limits<double>::quiet_NaN()};
    for (int i = 0; i < 3000; ++i) {
        const double any = std::bit_cast<double>(random());
        if (std::isfinite(any)) values.push_back(any);
        values.push_back(static_cast<double>(static_cast<std::int64_t>(random() % 2000001) - 1000000) / std::pow(10.0, random() % 8));
    }
    for (double v : values) {
        for (const char* format : formats) expectAsTheCLibrary(format, v);
    }
    expectAsTheCLibrary("%.*f|%*.*e", 4, 2.0 / 3.0, 14, 3, 12345.678);
    expectAsTheCLibrary("%Lf", 1.25L);
}

TEST(TextFormat, CutsAtTheBufferAndCountsTheWholeText) {
    char small[6] = "xxxxx";
    EXPECT_EQ(formatText(small, sizeof small, "%s-%d", "abcdef", 42), 9);
    EXPECT_STREQ(small, "abcde");
    EXPECT_EQ(formatText(nullptr, 0, "%d", 12345), 5);
    char one[1] = {'x'};
    EXPECT_EQ(formatText(one, 1, "abc"), 3);
    EXPECT_EQ(one[0], '\0');
    EXPECT_EQ(formattedText("%s has %zu members", "Scribe", std::size_t{4}), "Scribe has 4 members");
    // Conversions it does not write are copied as they stand, and take no argument.
    EXPECT_EQ(formattedText("%a|%d", 7), "%a|7");
    EXPECT_EQ(formattedText("50%"), "50%");
}

} // namespace
} // namespace explorer
