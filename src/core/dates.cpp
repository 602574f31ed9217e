#include "core/dates.hpp"

#include <algorithm>
#include <array>

namespace explorer {
namespace {

bool isDigits(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int toNumber(std::string_view digits) {
    int value = 0;
    for (const char c : digits) value = value * 10 + (c - '0');
    return value;
}

int daysInMonth(int year, int month) {
    constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return kDays[static_cast<std::size_t>(month - 1)] + (month == 2 && leap ? 1 : 0);
}

constexpr std::array<std::string_view, 12> kMonthsFr = {"janvier", "février", "mars",      "avril",   "mai",      "juin",
                                                        "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};
constexpr std::array<std::string_view, 12> kMonthsEn = {"January", "February", "March",     "April",   "May",      "June",
                                                        "July",    "August",   "September", "October", "November", "December"};

} // namespace

std::optional<PartialDate> parsePartialDate(std::string_view text) {
    PartialDate date;
    if (!text.empty() && text.back() == '~') {
        date.approximate = true;
        text.remove_suffix(1);
    }
    if (text.size() != 4 && text.size() != 7 && text.size() != 10) return std::nullopt;
    if (!isDigits(text.substr(0, 4))) return std::nullopt;
    date.year = toNumber(text.substr(0, 4));
    if (text.size() == 4) return date;
    if (text[4] != '-' || !isDigits(text.substr(5, 2))) return std::nullopt;
    date.month = toNumber(text.substr(5, 2));
    if (date.month < 1 || date.month > 12) return std::nullopt;
    if (text.size() == 7) return date;
    if (text[7] != '-' || !isDigits(text.substr(8, 2))) return std::nullopt;
    date.day = toNumber(text.substr(8, 2));
    if (date.day < 1 || date.day > daysInMonth(date.year, date.month)) return std::nullopt;
    return date;
}

std::string formatDate(const PartialDate& date, Lang lang) {
    const bool fr = lang == Lang::Fr;
    std::string out;
    if (date.approximate) out = fr ? "vers " : (date.precision() == DatePrecision::Year ? "about " : "around ");
    const std::string year = std::to_string(date.year);
    if (date.month == 0) return out + year;
    const std::string_view month = (fr ? kMonthsFr : kMonthsEn)[static_cast<std::size_t>(date.month - 1)];
    if (date.day == 0) return out + std::string(month) + " " + year;
    if (fr) return out + (date.day == 1 ? std::string("1er") : std::to_string(date.day)) + " " + std::string(month) + " " + year;
    return out + std::to_string(date.day) + " " + std::string(month) + " " + year;
}

std::string formatDate(std::string_view text, Lang lang) {
    const std::optional<PartialDate> date = parsePartialDate(text);
    return date ? formatDate(*date, lang) : std::string(text);
}

} // namespace explorer

namespace explorer {

std::string citeSource(const Source& source, Lang lang) {
    std::string line = source.outlet;
    if (!source.title.empty()) {
        if (!line.empty()) line += ", ";
        if (source.titleIsDescription) {
            line += "[" + source.title + "]";
        } else if (lang == Lang::Fr) {
            line += "«\u00A0" + source.title + "\u00A0»";
        } else {
            line += "\u201C" + source.title + "\u201D";
        }
    }
    if (!source.date.empty()) line += ", " + formatDate(source.date, lang);
    return line;
}

} // namespace explorer
