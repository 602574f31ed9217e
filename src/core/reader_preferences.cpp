#include "core/reader_preferences.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <utility>

namespace explorer {
namespace {

using Json = nlohmann::json;

int hexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::optional<Colour> colourAt(const Json& object, const char* key) {
    const auto found = object.find(key);
    if (found == object.end() || !found->is_string()) return std::nullopt;
    return colourFromCssHex(found->get_ref<const std::string&>());
}

} // namespace

std::optional<Colour> colourFromCssHex(std::string_view text) {
    if (text.size() != 7 || text[0] != '#') return std::nullopt;
    std::uint32_t rgb = 0;
    for (std::size_t i = 1; i < text.size(); ++i) {
        const int digit = hexDigit(text[i]);
        if (digit < 0) return std::nullopt;
        rgb = (rgb << 4) | static_cast<std::uint32_t>(digit);
    }
    return Colour{rgb};
}

std::optional<ReaderPreferences> readerPreferencesFromJson(std::string_view text) {
    const Json json = Json::parse(text.begin(), text.end(), nullptr, false);
    if (json.is_discarded() || !json.is_object()) return std::nullopt;
    ReaderPreferences preferences;
    if (const auto motion = json.find("reducedMotion"); motion != json.end()) {
        if (!motion->is_boolean()) return std::nullopt;
        preferences.reducedMotion = motion->get<bool>();
    }
    if (const auto contrast = json.find("contrast"); contrast != json.end()) {
        if (!contrast->is_string()) return std::nullopt;
        const std::string& value = contrast->get_ref<const std::string&>();
        if (value != "more" && value != "no-preference") return std::nullopt;
        preferences.moreContrast = value == "more";
    }
    if (const auto size = json.find("minimumFontSize"); size != json.end()) {
        if (!size->is_number()) return std::nullopt;
        const double value = size->get<double>();
        if (!std::isfinite(value) || value < 0.0) return std::nullopt;
        preferences.minimumFontSize = static_cast<float>(std::min(value, static_cast<double>(kMaxMinimumFontSize)));
    }
    if (const auto forced = json.find("forcedColors"); forced != json.end() && !forced->is_null()) {
        if (!forced->is_object()) return std::nullopt;
        SystemColours system;
        const std::array<std::pair<const char*, Colour*>, 8> fields{{
            {"canvas", &system.canvas},
            {"canvasText", &system.canvasText},
            {"linkText", &system.linkText},
            {"highlight", &system.highlight},
            {"highlightText", &system.highlightText},
            {"grayText", &system.grayText},
            {"buttonFace", &system.buttonFace},
            {"buttonText", &system.buttonText},
        }};
        for (const auto& [key, colour] : fields) {
            const std::optional<Colour> read = colourAt(*forced, key);
            if (!read) return std::nullopt;
            *colour = *read;
        }
        preferences.forcedColours = system;
    }
    return preferences;
}

} // namespace explorer
