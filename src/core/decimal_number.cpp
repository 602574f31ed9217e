#include "core/decimal_number.hpp"

#include "core/big_integer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace explorer {

namespace {

constexpr double kPowersOfTen[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                   1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

bool isDigit(char c) { return c >= '0' && c <= '9'; }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool startsWithWord(std::string_view text, std::size_t at, std::string_view word) {
    if (text.size() - at < word.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i) {
        if (lower(text[at + i]) != word[i]) return false;
    }
    return true;
}

// The exact value digits · 10^exponent against the halfway point half · 2^power: −1, 0 or 1.
// Both sides are brought to integers: digits · 5^e · 2^(e + max(−power, 0)) against
// half · 5^−e · 2^(−e + max(power, 0)) with e ≥ 0 on the left and −e ≥ 0 on the right; the
// powers of five are computed once per number (scaledDigits, fivesOfHalf).
int compareWithHalfway(const BigInteger& scaledDigits, const BigInteger& fivesOfHalf, std::int64_t exponent,
                       std::uint64_t half, std::int64_t power) {
    std::int64_t leftShift = std::max<std::int64_t>(exponent, 0) + std::max<std::int64_t>(-power, 0);
    std::int64_t rightShift = std::max<std::int64_t>(-exponent, 0) + std::max<std::int64_t>(power, 0);
    const std::int64_t common = std::min(leftShift, rightShift);
    leftShift -= common;
    rightShift -= common;
    return compare(scaledDigits.shiftedLeft(leftShift), fivesOfHalf.times(half).shiftedLeft(rightShift));
}

double nextUp(double x) { return doubleOf(bitsOf(x) + 1); }
double nextDown(double x) { return doubleOf(bitsOf(x) - 1); }

// The double nearest digits · 10^exponent (digits: significant digits, no leading or trailing
// zero, at most kMaxDecimalDigits + 1), from an estimate within a few units in the last place.
double nearestDouble(const std::string& digits, std::int64_t exponent) {
    // The estimate: the first 19 digits, then the power of ten in steps of 10^22 (each step
    // rounds once: the estimate is off by a few units in the last place at most).
    const std::size_t head = std::min<std::size_t>(digits.size(), 19);
    std::uint64_t leading = 0;
    for (std::size_t i = 0; i < head; ++i) leading = leading * 10 + static_cast<std::uint64_t>(digits[i] - '0');
    double x = static_cast<double>(leading);
    std::int64_t scale = exponent + static_cast<std::int64_t>(digits.size() - head);
    for (; scale > 22 && x <= std::numeric_limits<double>::max(); scale -= 22) x *= 1e22;
    if (scale > 0 && scale <= 22) x *= kPowersOfTen[scale];
    for (; scale < -22; scale += 22) x /= 1e22;
    if (scale < 0) x /= kPowersOfTen[-scale];
    if (x > std::numeric_limits<double>::max()) x = std::numeric_limits<double>::max();

    BigInteger scaledDigits;
    for (std::size_t i = 0; i < digits.size(); i += 9) {
        std::uint32_t chunk = 0, factor = 1;
        for (std::size_t j = i; j < std::min(digits.size(), i + 9); ++j) {
            chunk = chunk * 10 + static_cast<std::uint32_t>(digits[j] - '0');
            factor *= 10;
        }
        scaledDigits.multiplyAdd(factor, chunk);
    }
    scaledDigits.multiplyByPowerOfFive(std::max<std::int64_t>(exponent, 0));
    BigInteger fivesOfHalf;
    fivesOfHalf.words = {1};
    fivesOfHalf.multiplyByPowerOfFive(std::max<std::int64_t>(-exponent, 0));

    // One unit in the last place at a time, towards the value, until it lies between the two
    // halfway points around x (a tie goes to the even significand).
    constexpr std::uint64_t kHidden = std::uint64_t{1} << 52;
    for (;;) {
        const std::uint64_t bits = bitsOf(x);
        const auto biased = static_cast<std::int64_t>(bits >> 52);
        const std::uint64_t significand = biased == 0 ? (bits & (kHidden - 1)) : ((bits & (kHidden - 1)) | kHidden);
        const std::int64_t power = biased == 0 ? -1074 : biased - 1075; // x = significand · 2^power
        const bool odd = (significand & 1) != 0;
        const int above = compareWithHalfway(scaledDigits, fivesOfHalf, exponent, 2 * significand + 1, power - 1);
        if (above > 0 || (above == 0 && odd)) {
            x = nextUp(x);
            if (x > std::numeric_limits<double>::max()) return x; // past the largest double: infinity
            continue;
        }
        if (x == 0.0) return x;
        // Just above a power of two the gap below is half the gap above.
        const bool narrowBelow = significand == kHidden && power > -1074;
        const int below = narrowBelow ? compareWithHalfway(scaledDigits, fivesOfHalf, exponent, 4 * significand - 1, power - 2)
                                      : compareWithHalfway(scaledDigits, fivesOfHalf, exponent, 2 * significand - 1, power - 1);
        if (below < 0 || (below == 0 && odd)) {
            x = nextDown(x);
            continue;
        }
        return x;
    }
}

} // namespace

DecimalRead readDecimal(std::string_view text) {
    DecimalRead read;
    std::size_t i = 0;
    while (i < text.size() && (text[i] == ' ' || (text[i] >= '\t' && text[i] <= '\r'))) ++i;
    bool negative = false;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
    const double sign = negative ? -1.0 : 1.0;

    if (startsWithWord(text, i, "inf")) {
        read.used = i + (startsWithWord(text, i, "infinity") ? 8 : 3);
        read.value = sign * std::numeric_limits<double>::infinity();
        return read;
    }
    if (startsWithWord(text, i, "nan")) {
        std::size_t end = i + 3;
        // "nan(chars)": the characters name a payload, which is not kept.
        if (end < text.size() && text[end] == '(') {
            std::size_t close = end + 1;
            while (close < text.size() && (isDigit(text[close]) || (lower(text[close]) >= 'a' && lower(text[close]) <= 'z') || text[close] == '_')) ++close;
            if (close < text.size() && text[close] == ')') end = close + 1;
        }
        read.used = end;
        read.value = std::copysign(std::numeric_limits<double>::quiet_NaN(), sign);
        return read;
    }

    // Significant digits (kMaxDecimalDigits at most, then whether any later digit is not zero)
    // and the power of ten of the last digit kept.
    std::string digits;
    std::int64_t exponent = 0;
    bool anyDigit = false, droppedNonZero = false;
    const auto take = [&](char c, bool afterPoint) {
        anyDigit = true;
        if (digits.empty() && c == '0') {
            if (afterPoint) --exponent;
        } else if (digits.size() < kMaxDecimalDigits) {
            digits.push_back(c);
            if (afterPoint) --exponent;
        } else {
            droppedNonZero = droppedNonZero || c != '0';
            if (!afterPoint) ++exponent;
        }
    };
    for (; i < text.size() && isDigit(text[i]); ++i) take(text[i], false);
    if (i < text.size() && text[i] == '.') {
        const std::size_t point = i++;
        for (; i < text.size() && isDigit(text[i]); ++i) take(text[i], true);
        if (!anyDigit) i = point; // "." alone is no number
    }
    if (!anyDigit) return read; // used = 0: no number
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        std::size_t j = i + 1;
        bool negativeExponent = false;
        if (j < text.size() && (text[j] == '+' || text[j] == '-')) negativeExponent = text[j++] == '-';
        if (j < text.size() && isDigit(text[j])) {
            std::int64_t written = 0;
            for (; j < text.size() && isDigit(text[j]); ++j) written = std::min<std::int64_t>(written * 10 + (text[j] - '0'), 100000000);
            exponent += negativeExponent ? -written : written;
            i = j;
        }
    }
    read.used = i;
    if (digits.empty()) {
        read.value = sign * 0.0;
        return read;
    }
    // Dropped digits that are not all zero: the value is a little above the digits kept, which
    // rounds as the whole would (a halfway point between doubles has at most 767 significant digits).
    if (droppedNonZero) {
        digits.push_back('1');
        --exponent;
    }
    while (digits.back() == '0') {
        digits.pop_back();
        ++exponent;
    }

    // The power of ten of the leading digit decides the hopeless cases at once.
    const std::int64_t leadingPower = exponent + static_cast<std::int64_t>(digits.size()) - 1;
    if (leadingPower > 308) {
        read.value = sign * std::numeric_limits<double>::infinity();
        read.outOfRange = true;
        return read;
    }
    if (leadingPower < -325) {
        read.value = sign * 0.0;
        read.outOfRange = true;
        return read;
    }
    double magnitude;
    if (digits.size() <= 15 && exponent >= -22 && exponent <= 22) {
        std::uint64_t whole = 0;
        for (char c : digits) whole = whole * 10 + static_cast<std::uint64_t>(c - '0');
        magnitude = exponent >= 0 ? static_cast<double>(whole) * kPowersOfTen[exponent]
                                  : static_cast<double>(whole) / kPowersOfTen[-exponent];
    } else {
        magnitude = nearestDouble(digits, exponent);
    }
    read.outOfRange = magnitude == 0.0 || magnitude > std::numeric_limits<double>::max();
    read.value = sign * magnitude;
    return read;
}

} // namespace explorer
