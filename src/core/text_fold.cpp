#include "core/text_fold.hpp"
#include "core/text_fold_table.hpp"
#include "core/utf8.hpp"

#include <algorithm>
#include <cstdint>

namespace explorer {
namespace {

bool isSpace(char32_t c) {
    return c == 0x20 || (c >= 0x09 && c <= 0x0D) || c == 0x85 || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
           c == 0x205F || c == 0x3000;
}

// Controls carry no text; the table leaves them to this test so that it needs no run for them.
bool isControl(char32_t c) { return c < 0x20 || (c >= 0x7F && c <= 0x9F); }

// Appends the folded form of one non-space character: ASCII by hand (most text is ASCII), the
// rest from the generated table, by binary search on the heads of its runs.
void appendFolded(char32_t c, std::string& out) {
    if (isControl(c)) return;
    if (c < 0x80) {
        const char ascii = static_cast<char>(c);
        out.push_back(ascii >= 'A' && ascii <= 'Z' ? static_cast<char>(ascii - 'A' + 'a') : ascii);
        return;
    }
    using namespace fold_table;
    const std::uint32_t* heads = kRunHeads;
    const std::uint32_t* end = kRunHeads + kRunCount;
    // The last run starting at or before c: heads sort by their first code point.
    const std::uint32_t* found = std::upper_bound(heads, end, (static_cast<std::uint32_t>(c) << 11) | 0x7FFU);
    if (found != heads) {
        const std::uint32_t head = *(found - 1);
        const char32_t first = head >> 11;
        const char32_t length = ((head >> 3) & 0xFFU) + 1;
        if (c < first + length) {
            const std::uint16_t value = kRunValues[found - 1 - heads];
            switch (head & 7U) {
            case Delta: utf8::append(out, value + (c - first)); return;
            case Const:
                if (value != 0) utf8::append(out, value);
                return;
            case Pairs: utf8::append(out, first + ((c - first) | 1U)); return;
            default: out.append(kStrings + (value >> 4), value & 0xFU); return;
            }
        }
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

std::string_view foldUnicodeVersion() { return fold_table::kUnicodeVersion; }

} // namespace explorer
