// Decimal text → double (core/decimal_number.hpp), which the wasm uses in place of the C library's
// strtod: it must read every text to the very double the C library reads (glibc's strtod, correctly
// rounded), and say how much of the text it read.
#include "core/decimal_number.hpp"

#include <gtest/gtest.h>

#include <bit>
#include <cerrno>
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <random>
#include <string>

namespace explorer {
namespace {

// Both readers on one text: the same bits (NaNs alike by sign) and the same length read.
void expectAsTheCLibrary(const std::string& text) {
    char* end = nullptr;
    const double expected = std::strtod(text.c_str(), &end);
    const DecimalRead read = readDecimal(text);
    if (std::isnan(expected)) {
        EXPECT_TRUE(std::isnan(read.value)) << text;
        EXPECT_EQ(std::signbit(expected), std::signbit(read.value)) << text;
    } else {
        EXPECT_EQ(std::bit_cast<std::uint64_t>(expected), std::bit_cast<std::uint64_t>(read.value))
            << text << ": " << expected << " against " << read.value;
    }
    EXPECT_EQ(static_cast<std::size_t>(end - text.c_str()), read.used) << text;
}

TEST(DecimalNumber, ReadsWhatAJsonNumberOrAStrtodTextHolds) {
    for (const char* text : {"0", "-0", "1", "-1", "0.5", "1e3", "1E+3", "2.5e-3", "123.456", "-0.000001", "1e22", "1e23",
                             "9007199254740993", "9007199254740992.5", "0.1", "0.2", "0.30000000000000004",
                             "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308", "1e309",
                             "-1e400", "2.2250738585072014e-308", "2.2250738585072011e-308", "4.9406564584124654e-324",
                             "2.4703282292062327e-324", "2.4703282292062328e-324", "1e-400", "0e999999", "000123.4500",
                             ".5", "5.", "-.5e1", "  \t42", "+7", "inf", "-Infinity", "INFINITE", "nan", "-NaN", "nan(0x1)",
                             "nan(", "1e", "1e+", "1e-x", ".", "-", "+.e3", "e5", "", "abc", "12abc", "1.2.3",
                             "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791.9999999999999999999999999999999999999999999999999999999999999999999999",
                             "2.225073858507201136057409796709131975934819546351645648023426109724822222021076945516529523908135087914149158913039621106870086438694594645527657207407820621743379988141063267329253552286881372149012981122451451889849057222307285255133155755015914397476397983411801999323962548289017107081850690630666655994938275772572015763062828200327744227314311823425404034656930637890373521913466215148597625495565806149593694546917393891622009553049023093089130014466432017768208282862599493064306219347624125839108099007149722398958127889694009218773829484458536479916937978519327"}) {
        expectAsTheCLibrary(text);
    }
    // The one form read otherwise: C99's hexadecimal, which no JSON number nor anything the
    // explorer writes takes, reads as its leading 0, as C89's strtod read it.
    EXPECT_EQ(readDecimal("0x1p3").value, 0.0);
    EXPECT_EQ(readDecimal("0x1p3").used, 1u);
}

TEST(DecimalNumber, ReadsEveryDoubleBackFromItsShortestAndLongerTexts) {
    std::mt19937_64 random(20261128);
    char buffer[64];
    for (int i = 0; i < 200000; ++i) {
        // Any finite double, and doubles of the sizes a dataset holds.
        double value = std::bit_cast<double>(random());
        if (!std::isfinite(value)) continue;
        if (i % 2 == 0) value = std::ldexp(static_cast<double>(random() >> 11), -53) * std::pow(10.0, static_cast<int>(random() % 12) - 4);
        for (int digits : {6, 9, 15, 16, 17, 18, 25}) {
            std::snprintf(buffer, sizeof buffer, "%.*g", digits, value);
            expectAsTheCLibrary(buffer);
        }
    }
}

TEST(DecimalNumber, RoundsHalfwayCasesAndLongTextsAsTheCLibrary) {
    std::mt19937_64 random(7);
    // Exactly halfway between two doubles, and a hair either side, written in full.
    for (int i = 0; i < 3000; ++i) {
        const double low = std::bit_cast<double>((random() >> 2) % 0x7FE0000000000000ull);
        const double high = std::nextafter(low, std::numeric_limits<double>::infinity());
        char buffer[1200];
        std::snprintf(buffer, sizeof buffer, "%.800e", low); // every digit of the double
        expectAsTheCLibrary(buffer);
        // The exact midpoint of low and high has at most 767 significant digits: %.1100e writes it.
        long double mid = (static_cast<long double>(low) + static_cast<long double>(high)) / 2;
        std::snprintf(buffer, sizeof buffer, "%.1100Le", mid);
        expectAsTheCLibrary(buffer);
        const std::string text = buffer;
        const std::size_t e = text.find('e');
        expectAsTheCLibrary(text.substr(0, e) + "0000000001" + text.substr(e));
    }
    // Random digit strings of every length up to 1,000, with random exponents.
    for (int i = 0; i < 20000; ++i) {
        std::string text = std::to_string(random() % 10);
        const std::size_t length = 1 + random() % (i % 10 == 0 ? 1000 : 40);
        for (std::size_t d = 0; d < length; ++d) text.push_back(static_cast<char>('0' + random() % 10));
        if (random() % 2) text.insert(1 + random() % text.size(), ".");
        text += "e" + std::to_string(static_cast<int>(random() % 700) - 350);
        expectAsTheCLibrary(text);
    }
}

TEST(DecimalNumber, SaysWhenANumberIsOutOfRange) {
    EXPECT_TRUE(readDecimal("1e309").outOfRange);
    EXPECT_TRUE(std::isinf(readDecimal("-1e309").value));
    EXPECT_TRUE(readDecimal("1e-400").outOfRange);
    EXPECT_FALSE(readDecimal("0").outOfRange);
    EXPECT_FALSE(readDecimal("4.9406564584124654e-324").outOfRange);
    EXPECT_FALSE(readDecimal("1.5").outOfRange);
    // A huge exponent or a million digits cost no more than the digits kept.
    EXPECT_TRUE(std::isinf(readDecimal("1e99999999999999999999").value));
    EXPECT_EQ(readDecimal("1e-99999999999999999999").value, 0.0);
    const std::string million = "0." + std::string(1000000, '3');
    EXPECT_EQ(readDecimal(million).value, 1.0 / 3.0);
    EXPECT_EQ(readDecimal(million).used, million.size());
}

} // namespace
} // namespace explorer
