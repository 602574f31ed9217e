#include "core/text_collation.hpp"
#include "core/text_fold.hpp"

#include <string>

namespace explorer {
namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

int sign(int value) { return (value > 0) - (value < 0); }

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
        // Byte order of UTF-8 is code point order.
        const auto x = static_cast<unsigned char>(a[i]);
        const auto y = static_cast<unsigned char>(b[j]);
        if (x != y) return x < y ? -1 : 1;
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
