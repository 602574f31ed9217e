// A non-negative integer of any size, for the exact decimal arithmetic of decimal_number.cpp
// (reading) and text_format.cpp (writing): only what those need.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace explorer {

// A double's bits and back (std::bit_cast, which Emscripten 3.1.6's libc++ lacks).
inline std::uint64_t bitsOf(double value) {
    std::uint64_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    return bits;
}
inline double doubleOf(std::uint64_t bits) {
    double value;
    std::memcpy(&value, &bits, sizeof value);
    return value;
}

struct BigInteger {
    std::vector<std::uint32_t> words; // least significant first, no zero word on top

    static BigInteger of(std::uint64_t value) {
        BigInteger out;
        for (; value != 0; value >>= 32) out.words.push_back(static_cast<std::uint32_t>(value));
        return out;
    }

    void multiplyAdd(std::uint32_t factor, std::uint32_t addend) {
        std::uint64_t carry = addend;
        for (std::uint32_t& word : words) {
            const std::uint64_t v = std::uint64_t{word} * factor + carry;
            word = static_cast<std::uint32_t>(v);
            carry = v >> 32;
        }
        if (carry != 0) words.push_back(static_cast<std::uint32_t>(carry));
        while (!words.empty() && words.back() == 0) words.pop_back();
    }

    // × 5^n, 13 at a time (5^13 is the largest power of five below 2^32).
    void multiplyByPowerOfFive(std::int64_t n) {
        for (; n >= 13; n -= 13) multiplyAdd(1220703125u, 0);
        std::uint32_t rest = 1;
        for (; n > 0; --n) rest *= 5;
        if (rest != 1) multiplyAdd(rest, 0);
    }

    BigInteger shiftedLeft(std::int64_t bits) const {
        BigInteger out;
        if (words.empty()) return out;
        const auto wordShift = static_cast<std::size_t>(bits / 32);
        const int bitShift = static_cast<int>(bits % 32);
        out.words.assign(wordShift, 0);
        std::uint32_t carry = 0;
        for (std::uint32_t word : words) {
            out.words.push_back(bitShift == 0 ? word : (word << bitShift) | carry);
            carry = bitShift == 0 ? 0 : word >> (32 - bitShift);
        }
        if (carry != 0) out.words.push_back(carry);
        return out;
    }

    // × a 64-bit factor: the low and the high half, added one word apart.
    BigInteger times(std::uint64_t factor) const {
        BigInteger low = *this, high = *this;
        low.multiplyAdd(static_cast<std::uint32_t>(factor), 0);
        high.multiplyAdd(static_cast<std::uint32_t>(factor >> 32), 0);
        BigInteger sum;
        sum.words.resize(std::max(low.words.size(), high.words.size() + 1) + 1, 0);
        std::uint64_t carry = 0;
        for (std::size_t i = 0; i < sum.words.size(); ++i) {
            std::uint64_t v = carry;
            if (i < low.words.size()) v += low.words[i];
            if (i >= 1 && i - 1 < high.words.size()) v += high.words[i - 1];
            sum.words[i] = static_cast<std::uint32_t>(v);
            carry = v >> 32;
        }
        while (!sum.words.empty() && sum.words.back() == 0) sum.words.pop_back();
        return sum;
    }

    // The decimal digits, most significant first ("0" for zero): nine at a time, by division.
    std::string decimal() const {
        std::vector<std::uint32_t> rest = words;
        std::vector<std::uint32_t> chunks; // of nine digits, least significant first
        while (!rest.empty()) {
            std::uint64_t remainder = 0;
            for (std::size_t i = rest.size(); i-- > 0;) {
                const std::uint64_t v = (remainder << 32) | rest[i];
                rest[i] = static_cast<std::uint32_t>(v / 1000000000u);
                remainder = v % 1000000000u;
            }
            while (!rest.empty() && rest.back() == 0) rest.pop_back();
            chunks.push_back(static_cast<std::uint32_t>(remainder));
        }
        if (chunks.empty()) return "0";
        std::string out = std::to_string(chunks.back());
        for (std::size_t i = chunks.size() - 1; i-- > 0;) {
            const std::string chunk = std::to_string(chunks[i]);
            out.append(9 - chunk.size(), '0').append(chunk);
        }
        return out;
    }
};

inline int compare(const BigInteger& a, const BigInteger& b) {
    if (a.words.size() != b.words.size()) return a.words.size() < b.words.size() ? -1 : 1;
    for (std::size_t i = a.words.size(); i-- > 0;) {
        if (a.words[i] != b.words[i]) return a.words[i] < b.words[i] ? -1 : 1;
    }
    return 0;
}

} // namespace explorer
