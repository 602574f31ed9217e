#include "core/text_collation.hpp"
#include "core/text_fold.hpp"
#include "core/utf8.hpp"

#include <cstdint>
#include <string>

namespace explorer {
namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

int sign(int value) { return (value > 0) - (value < 0); }

// Cyrillic letters that other alphabets add to Russian's sort right after the letter they grow
// from, as in Unicode's default collation (DUCET) and in those alphabets: Ukrainian ґ є і,
// Serbian and Macedonian ђ ѕ ј љ њ ћ џ, Kazakh ә ғ қ ң ө ұ ү һ (small letters: names are compared
// folded; ї ў ѓ ќ, like ё and й, fold to the letter under their mark and sort with it). By code
// point they would all follow я.
struct CyrillicPlace {
    char32_t letter;
    char32_t after;
    int rank; // among the letters placed after the same one
};
constexpr CyrillicPlace kCyrillicPlaces[] = {
    {U'ә', U'а', 1}, {U'ґ', U'г', 1}, {U'ғ', U'г', 2}, {U'ђ', U'д', 1}, {U'є', U'е', 1}, {U'ѕ', U'з', 1},
    {U'і', U'и', 1}, {U'ј', U'и', 2}, {U'қ', U'к', 1}, {U'љ', U'л', 1}, {U'њ', U'н', 1}, {U'ң', U'н', 2},
    {U'ө', U'о', 1}, {U'ћ', U'т', 1}, {U'ұ', U'у', 1}, {U'ү', U'у', 2}, {U'һ', U'х', 1}, {U'џ', U'ч', 1},
};

// A Cyrillic letter's place in that order; other letters keep their code point's.
std::uint32_t cyrillicWeight(char32_t c) {
    for (const CyrillicPlace& place : kCyrillicPlaces) {
        if (place.letter == c) return static_cast<std::uint32_t>(place.after) * 4 + static_cast<std::uint32_t>(place.rank);
    }
    return static_cast<std::uint32_t>(c) * 4;
}

bool isCyrillic(char32_t c) { return c >= 0x400 && c <= 0x52F; }

} // namespace

int compareFoldedNames(std::string_view a, std::string_view b) {
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < a.size() && j < b.size()) {
        if (isDigit(a[i]) && isDigit(b[j])) {
            // Numbers compare by value without being converted (they may be any length): skip
            // leading zeros, then the longer run is larger, then the first differing digit decides.
            std::size_t startA = i;
            std::size_t startB = j;
            while (startA < a.size() && a[startA] == '0') ++startA;
            while (startB < b.size() && b[startB] == '0') ++startB;
            std::size_t endA = startA;
            std::size_t endB = startB;
            while (endA < a.size() && isDigit(a[endA])) ++endA;
            while (endB < b.size() && isDigit(b[endB])) ++endB;
            if (endA - startA != endB - startB) return endA - startA < endB - startB ? -1 : 1;
            const int digits = a.substr(startA, endA - startA).compare(b.substr(startB, endB - startB));
            if (digits != 0) return sign(digits);
            i = endA;
            j = endB;
            continue;
        }
        // Byte order of UTF-8 is code point order, but for the Cyrillic letters placed above.
        const auto x = static_cast<unsigned char>(a[i]);
        const auto y = static_cast<unsigned char>(b[j]);
        if (x != y) {
            // The bytes before are the same in both: the characters that differ start together.
            std::size_t startA = i, startB = j;
            while (startA > 0 && (static_cast<unsigned char>(a[startA]) & 0xC0) == 0x80) --startA, --startB;
            const utf8::Decoded ca = utf8::decodeAt(a, startA), cb = utf8::decodeAt(b, startB);
            if (ca.length != 0 && cb.length != 0 && isCyrillic(ca.codePoint) && isCyrillic(cb.codePoint)) {
                const std::uint32_t wa = cyrillicWeight(ca.codePoint), wb = cyrillicWeight(cb.codePoint);
                if (wa != wb) return wa < wb ? -1 : 1;
            }
            return x < y ? -1 : 1;
        }
        ++i;
        ++j;
    }
    if (i < a.size() || j < b.size()) return i < a.size() ? 1 : -1; // a prefix comes first
    return sign(a.compare(b)); // equal as numbers ("007", "7"): the bytes decide
}

int compareNames(std::string_view a, std::string_view b) {
    if (const int folded = compareFoldedNames(foldForSearch(a), foldForSearch(b)); folded != 0) return folded;
    return sign(a.compare(b));
}

} // namespace explorer
