#include "core/text_fold.hpp"
#include "core/utf8.hpp"

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
    utf8::append(out, c);
}

} // namespace

std::string foldForSearch(std::string_view utf8) {
    std::string folded;
    folded.reserve(utf8.size());
    bool spacePending = false;
    std::size_t pos = 0;
    while (pos < utf8.size()) {
        const utf8::Decoded decoded = utf8::decodeAt(utf8, pos);
        if (decoded.length == 0) {
            ++pos; // not UTF-8: drop this byte and try again from the next one
            continue;
        }
        pos += decoded.length;
        if (isSpace(decoded.codePoint)) {
            spacePending = !folded.empty();
            continue;
        }
        const std::size_t before = folded.size();
        if (spacePending) folded.push_back(' ');
        appendFolded(decoded.codePoint, folded);
        if (folded.size() == before + 1 && spacePending) {
            folded.pop_back(); // the character vanished; keep the space pending for the next one
        } else {
            spacePending = false;
        }
    }
    return folded;
}

} // namespace explorer
