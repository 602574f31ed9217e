#include "core/text_fold.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

namespace explorer {
namespace {

// U+00C0–U+00FF: what each Latin-1 letter folds to. × and ÷ are not letters and stay as they are.
constexpr std::array<std::string_view, 64> kLatin1Letters = {
    "a", "a", "a", "a", "a", "a", "ae", "c",  "e", "e", "e", "e", "i", "i", "i", "i",  // C0–CF
    "d", "n", "o", "o", "o", "o", "o",  "×",  "o", "u", "u", "u", "u", "y", "th", "ss", // D0–DF
    "a", "a", "a", "a", "a", "a", "ae", "c",  "e", "e", "e", "e", "i", "i", "i", "i",  // E0–EF
    "d", "n", "o", "o", "o", "o", "o",  "÷",  "o", "u", "u", "u", "u", "y", "th", "y",  // F0–FF
};
constexpr char32_t kLatin1LettersFirst = 0x00C0;

// U+0100–U+017F (Latin Extended-A): every code point is a letter; upper and lower case alternate.
constexpr std::array<std::string_view, 128> kLatinExtendedA = {
    "a", "a", "a", "a", "a", "a", "c",  "c",  "c", "c", "c", "c", "c",  "c",  "d", "d", // 0100
    "d", "d", "e", "e", "e", "e", "e",  "e",  "e", "e", "e", "e", "g",  "g",  "g", "g", // 0110
    "g", "g", "g", "g", "h", "h", "h",  "h",  "i", "i", "i", "i", "i",  "i",  "i", "i", // 0120
    "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l",  "l",  "l", "l", // 0130
    "l", "l", "l", "n", "n", "n", "n",  "n",  "n", "n", "n", "n", "o",  "o",  "o", "o", // 0140
    "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s",  "s",  "s", "s", // 0150
    "s", "s", "t", "t", "t", "t", "t",  "t",  "u", "u", "u", "u", "u",  "u",  "u", "u", // 0160
    "u", "u", "u", "u", "w", "w", "y",  "y",  "y", "z", "z", "z", "z",  "z",  "z", "s", // 0170
};
constexpr char32_t kLatinExtendedAFirst = 0x0100;

struct Replacement {
    char32_t codepoint;
    std::string_view text; // empty: the character is removed
};

// Everything else that folds, sorted by code point for binary search.
constexpr auto kReplacements = std::to_array<Replacement>({
    {0x00AB, "\""},  // «
    {0x00AD, ""},    // soft hyphen
    {0x00B4, "'"},   // acute accent typed as an apostrophe
    {0x00BB, "\""},  // »
    {0x0192, "f"},   // ƒ
    {0x01A0, "o"},   {0x01A1, "o"}, {0x01AF, "u"}, {0x01B0, "u"}, // Ơ ơ Ư ư
    {0x0218, "s"},   {0x0219, "s"}, {0x021A, "t"}, {0x021B, "t"}, // Ș ș Ț ț (comma below)
    {0x02BC, "'"},   // modifier letter apostrophe
    {0x1E9E, "ss"},  // capital sharp s
    {0x200B, ""},    {0x200C, ""},  {0x200D, ""},  // zero-width space, non-joiner, joiner
    {0x2010, "-"},   {0x2011, "-"}, {0x2012, "-"}, {0x2013, "-"}, {0x2014, "-"}, {0x2015, "-"},
    {0x2018, "'"},   {0x2019, "'"}, {0x201A, "'"}, {0x201B, "'"},
    {0x201C, "\""},  {0x201D, "\""}, {0x201E, "\""}, {0x201F, "\""},
    {0x2026, "..."}, // …
    {0x2032, "'"},   {0x2033, "\""}, // prime, double prime
    {0x2039, "\""},  {0x203A, "\""}, // ‹ ›
    {0x2060, ""},    // word joiner
    {0x2212, "-"},   // minus sign
    {0xFB00, "ff"},  {0xFB01, "fi"}, {0xFB02, "fl"}, {0xFB03, "ffi"}, {0xFB04, "ffl"},
    {0xFB05, "st"},  {0xFB06, "st"},
    {0xFEFF, ""},    // byte order mark, zero-width no-break space
    {0xFFFD, ""},    // replacement character: a trace of earlier damage, not text
});

constexpr bool sortedByCodepoint() {
    for (std::size_t i = 1; i < kReplacements.size(); ++i) {
        if (kReplacements[i - 1].codepoint >= kReplacements[i].codepoint) return false;
    }
    return true;
}
static_assert(sortedByCodepoint(), "kReplacements must be sorted for binary search");

bool isSpace(char32_t c) {
    return c == 0x20 || (c >= 0x09 && c <= 0x0D) || c == 0x85 || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
           c == 0x205F || c == 0x3000;
}

bool isRemoved(char32_t c) {
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || (c >= 0x0300 && c <= 0x036F);
}

bool isContinuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

struct Decoded {
    char32_t codepoint = 0;
    std::size_t length = 0; // 0: the byte at the position does not start a valid sequence
};

// Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
Decoded decodeAt(std::string_view text, std::size_t pos) {
    const auto byteAt = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byteAt(pos);
    if (lead < 0x80) return {lead, 1};

    std::size_t length = 0;
    unsigned char secondMin = 0x80;
    unsigned char secondMax = 0xBF;
    char32_t value = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        value = lead & 0x1Fu;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        value = lead & 0x0Fu;
        if (lead == 0xE0) secondMin = 0xA0;
        if (lead == 0xED) secondMax = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        value = lead & 0x07u;
        if (lead == 0xF0) secondMin = 0x90;
        if (lead == 0xF4) secondMax = 0x8F;
    } else {
        return {};
    }
    if (pos + length > text.size()) return {};
    const unsigned char second = byteAt(pos + 1);
    if (second < secondMin || second > secondMax) return {};
    for (std::size_t i = 1; i < length; ++i) {
        const unsigned char byte = byteAt(pos + i);
        if (!isContinuation(byte)) return {};
        value = (value << 6) | (byte & 0x3Fu);
    }
    return {value, length};
}

void appendUtf8(char32_t c, std::string& out) {
    const auto put = [&](char32_t bits) { out.push_back(static_cast<char>(static_cast<std::uint8_t>(bits))); };
    if (c < 0x80) {
        put(c);
    } else if (c < 0x800) {
        put(0xC0 | (c >> 6));
        put(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        put(0xE0 | (c >> 12));
        put(0x80 | ((c >> 6) & 0x3F));
        put(0x80 | (c & 0x3F));
    } else {
        put(0xF0 | (c >> 18));
        put(0x80 | ((c >> 12) & 0x3F));
        put(0x80 | ((c >> 6) & 0x3F));
        put(0x80 | (c & 0x3F));
    }
}

// Appends the folded form of one non-space character.
void appendFolded(char32_t c, std::string& out) {
    if (isRemoved(c)) return;
    if (c < 0x80) {
        const char ascii = static_cast<char>(c);
        out.push_back(ascii >= 'A' && ascii <= 'Z' ? static_cast<char>(ascii - 'A' + 'a') : ascii);
        return;
    }
    if (c >= kLatin1LettersFirst && c < kLatin1LettersFirst + kLatin1Letters.size()) {
        out += kLatin1Letters[c - kLatin1LettersFirst];
        return;
    }
    if (c >= kLatinExtendedAFirst && c < kLatinExtendedAFirst + kLatinExtendedA.size()) {
        out += kLatinExtendedA[c - kLatinExtendedAFirst];
        return;
    }
    const auto found = std::lower_bound(
        kReplacements.begin(), kReplacements.end(), c,
        [](const Replacement& entry, char32_t wanted) { return entry.codepoint < wanted; });
    if (found != kReplacements.end() && found->codepoint == c) {
        out += found->text;
        return;
    }
    appendUtf8(c, out);
}

} // namespace

std::string foldForSearch(std::string_view utf8) {
    std::string folded;
    folded.reserve(utf8.size());
    bool spacePending = false;
    std::size_t pos = 0;
    while (pos < utf8.size()) {
        const Decoded decoded = decodeAt(utf8, pos);
        if (decoded.length == 0) {
            ++pos; // not UTF-8: drop this byte and try again from the next one
            continue;
        }
        pos += decoded.length;
        if (isSpace(decoded.codepoint)) {
            spacePending = !folded.empty();
            continue;
        }
        const std::size_t before = folded.size();
        if (spacePending) folded.push_back(' ');
        appendFolded(decoded.codepoint, folded);
        if (folded.size() == before + 1 && spacePending) {
            folded.pop_back(); // the character vanished; keep the space pending for the next one
        } else {
            spacePending = false;
        }
    }
    return folded;
}

} // namespace explorer
