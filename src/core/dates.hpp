// Dates as precise as their source: a day, a month or a year, each possibly approximate.
//
// Grammar (a subset of ISO 8601-2 / EDTF level 1): `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, optionally
// followed by `~` when the date is an estimate ("2024~": a page with no date whose content places it
// in 2024). A date never claims more than its source gives: "mid-2023" is "2023~", not "2023-06".
// The day must exist in its month (2024-02-30 is refused).
#pragma once

#include "model.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace explorer {

enum class DatePrecision { Year, Month, Day };

struct PartialDate {
    int year = 0;
    int month = 0; // 1–12, 0 when the precision is Year
    int day = 0;   // 1–31, 0 unless the precision is Day
    bool approximate = false;
    DatePrecision precision() const {
        return day != 0 ? DatePrecision::Day : month != 0 ? DatePrecision::Month : DatePrecision::Year;
    }
};

// nullopt for anything outside the grammar above. Linear in the text's length (at most 11 bytes read).
std::optional<PartialDate> parsePartialDate(std::string_view text);

// How the widget prints a date, at its own precision: "21 mai 2024" / "21 May 2024",
// "juin 2024" / "June 2024", "2024"; approximate dates say so ("vers 2024" / "about 2024").
std::string formatDate(const PartialDate& date, Lang lang);

// The same for a date string as stored; a string outside the grammar comes back unchanged.
std::string formatDate(std::string_view text, Lang lang);

} // namespace explorer

namespace explorer {

// A source as a reader sees it cited: "Silicon.fr, « Qui pour créer… », juin 2024" in French,
// "Silicon.fr, “Qui pour créer…”, June 2024" in English. A title that is our description of an
// untitled document is shown in square brackets instead of quotation marks, so a reader never
// takes it for the document's own words.
std::string citeSource(const Source& source, Lang lang);

} // namespace explorer
