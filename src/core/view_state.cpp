#include "view_state.hpp"

#include "view_state_codec.hpp"

#include <array>
#include <utility>

namespace explorer {

namespace {

// One table per enum keeps toString and its inverse from drifting apart.
constexpr std::array<std::pair<View, std::string_view>, 4> kViewNames{{
    {View::Network, "network"},
    {View::Matrix, "matrix"},
    {View::Table, "table"},
    {View::Projects, "projects"},
}};

constexpr std::array<std::pair<Theme, std::string_view>, 3> kThemeNames{{
    {Theme::Auto, "auto"},
    {Theme::Light, "light"},
    {Theme::Dark, "dark"},
}};

constexpr std::array<std::pair<Lang, std::string_view>, 2> kLangNames{{
    {Lang::Fr, "fr"},
    {Lang::En, "en"},
}};

constexpr std::array<std::pair<SortColumn, std::string_view>, 4> kSortColumnNames{{
    {SortColumn::Name, "name"},
    {SortColumn::Type, "type"},
    {SortColumn::Projects, "projects"},
    {SortColumn::Roles, "roles"},
}};

template <typename Enum, std::size_t N>
std::string_view nameOf(const std::array<std::pair<Enum, std::string_view>, N>& names, Enum value) {
    for (const auto& [candidate, name] : names) {
        if (candidate == value) return name;
    }
    return {};
}

template <typename Enum, std::size_t N>
std::optional<Enum> valueOf(const std::array<std::pair<Enum, std::string_view>, N>& names,
                            std::string_view text) {
    for (const auto& [value, name] : names) {
        if (name == text) return value;
    }
    return std::nullopt;
}

} // namespace

std::string_view toString(View view) { return nameOf(kViewNames, view); }
std::string_view toString(Theme theme) { return nameOf(kThemeNames, theme); }
std::string_view toString(Lang lang) { return nameOf(kLangNames, lang); }
std::string_view toString(SortColumn column) { return nameOf(kSortColumnNames, column); }

std::optional<View> viewFromString(std::string_view text) { return valueOf(kViewNames, text); }
std::optional<Theme> themeFromString(std::string_view text) { return valueOf(kThemeNames, text); }
std::optional<Lang> langFromString(std::string_view text) { return valueOf(kLangNames, text); }
std::optional<SortColumn> sortColumnFromString(std::string_view text) {
    return valueOf(kSortColumnNames, text);
}

} // namespace explorer
