#include "view_state_json.hpp"
#include "text_format.hpp"
#include "json_writer.hpp"
#include "dataset_syntax.hpp"
#include "utf8.hpp"
#include "view_state_settings.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace explorer {
namespace {

using nlohmann::json;
using settings::Setting;


// A camera number as an OutOfRange notice quotes it ("50.000000").
std::string number(double value) {
    return formattedText("%.6f", value);
}

// A short rendering of a rejected value for its notice: compact JSON, written until it holds
// `budget` bytes (the notice keeps fewer), so a huge value costs no more than a small one. The
// recursion is bounded by the depth the parser keeps (kStateJsonMaxDepth).
void sketchString(std::string_view text, std::string& out, std::size_t budget) {
    // Only the beginning of a long string can show; cut on a character boundary.
    std::size_t end = 0;
    while (end < text.size() && end < budget) {
        const utf8::Decoded decoded = utf8::decodeAt(text, end);
        end += decoded.length == 0 ? 1 : decoded.length;
    }
    appendJsonString(out, text.substr(0, end));
}

void sketch(const json& value, std::string& out, std::size_t budget) {
    if (out.size() >= budget) return;
    if (value.is_string()) {
        sketchString(value.get_ref<const std::string&>(), out, budget);
    } else if (value.is_object()) {
        out += '{';
        bool first = true;
        for (const auto& [key, item] : value.items()) {
            if (out.size() >= budget) return;
            if (!first) out += ',';
            first = false;
            sketchString(key, out, budget);
            out += ':';
            sketch(item, out, budget);
        }
        out += '}';
    } else if (value.is_array()) {
        out += '[';
        bool first = true;
        for (const json& item : value) {
            if (out.size() >= budget) return;
            if (!first) out += ',';
            first = false;
            sketch(item, out, budget);
        }
        out += ']';
    } else {
        out += jsonScalarText(value); // a number, true, false or null: a few bytes
    }
}

std::string shownValue(const json& value) {
    std::string text;
    // Enough to fill a notice even if every byte becomes a %XX escape.
    sketch(value, text, kNoticeTextMaxChars + 1);
    return noticeText(text);
}

// Keys of the state object at the two levels that name a setting ("view", "filters" then
// "axes"), and those whose value went deeper than kStateJsonMaxDepth: the parser drops what is
// below that depth and the setting is reported as TooDeep rather than read.
class DepthGuard {
public:
    bool operator()(int depth, json::parse_event_t event, json& parsed) {
        if (event == json::parse_event_t::key && parsed.is_string()) {
            if (depth == 1) {
                topKey_ = parsed.get_ref<const std::string&>();
                field_.clear();
                marked_ = false;
            } else if (depth == 2 && topKey_ == "filters") {
                field_ = parsed.get_ref<const std::string&>();
                marked_ = false;
            }
            return true;
        }
        const bool opens = event == json::parse_event_t::object_start || event == json::parse_event_t::array_start;
        if (!opens || depth < static_cast<int>(kStateJsonMaxDepth)) return true;
        if (!marked_) {
            tooDeep_.emplace_back(topKey_, field_);
            marked_ = true;
        }
        return false; // dropped, with everything inside it
    }

    // Whether a value under this key (and filters field, or "") went too deep.
    bool tooDeep(const std::string& key, const std::string& field) const {
        for (const auto& [k, f] : tooDeep_) {
            if (k == key && f == field) return true;
        }
        return false;
    }

private:
    std::string topKey_;
    std::string field_;
    bool marked_ = false;
    std::vector<std::pair<std::string, std::string>> tooDeep_;
};

bool isKnownFilter(const std::string& field) {
    return field == "axes" || field == "sectors" || field == "types" || field == "roles" || field == "multiProject";
}

// The beginning of a list's string items, joined by commas, for a TooManyItems notice: enough
// bytes to fill one (noticeText keeps a character, or up to four "%XX" that spell one, whole).
std::string shownList(const json& items) {
    constexpr std::size_t kEnough = kNoticeTextMaxChars + 16;
    std::string out;
    for (const json& item : items) {
        if (out.size() >= kEnough) break;
        if (!item.is_string()) continue;
        if (!out.empty()) out += ',';
        out += std::string_view(item.get_ref<const std::string&>()).substr(0, kEnough);
    }
    return out;
}

// Reads the state object's values and hands them to the settings (view_state_settings.hpp) as
// they are. Notices about the object itself (a value of the wrong JSON type, an unknown key, a
// value nested too deep) go to `shape`; those of the settings' own checks to `checked`.
struct StateReader {
    explicit StateReader(ViewState& target) : state(target), sink(checked) {}

    ViewState& state;
    std::vector<HashNotice> shape;
    std::vector<HashNotice> checked;
    settings::NoticeSink sink;

    void reject(std::string_view key, const json& value) {
        shape.push_back(HashNotice{noticeText(key), shownValue(value), NoticeReason::BadValue});
    }
    void notice(std::string_view key, NoticeReason reason) { shape.push_back(HashNotice{noticeText(key), "", reason}); }

    // A string, or null for "none" when `nullable` (empty selection, search or dataset).
    void text(std::string_view key, Setting setting, const json& value, bool nullable) {
        if (value.is_string()) {
            const std::string& text = value.get_ref<const std::string&>();
            settings::applySetting(setting, text, text, state, sink);
        } else if (nullable && value.is_null()) {
            settings::applySetting(setting, "", "", state, sink);
        } else {
            reject(key, value);
        }
    }

    void list(std::string_view key, Setting setting, const json& value) {
        if (!value.is_array()) return reject(key, value);
        std::vector<settings::ListItem> items;
        items.reserve(value.size());
        for (const json& item : value) {
            if (!item.is_string()) {
                reject(key, item);
                continue;
            }
            const std::string& text = item.get_ref<const std::string&>();
            items.push_back({text, text});
        }
        settings::applyList(setting, items, shownList(value), state, sink);
    }

    void camera(std::string_view key, const json& value) {
        if (value.is_null()) return settings::applyCamera(std::nullopt, "fit", state, sink);
        const auto isNumber = [&](const char* name) { return value.contains(name) && value[name].is_number(); };
        if (!value.is_object() || !isNumber("zoom") || !isNumber("x") || !isNumber("y")) return reject(key, value);
        const std::array<double, 3> zoomXY{value["zoom"].get<double>(), value["x"].get<double>(), value["y"].get<double>()};
        if (!std::isfinite(zoomXY[0]) || !std::isfinite(zoomXY[1]) || !std::isfinite(zoomXY[2])) return reject(key, value);
        settings::applyCamera(zoomXY, number(zoomXY[0]) + "," + number(zoomXY[1]) + "," + number(zoomXY[2]), state, sink);
    }

    void sort(std::string_view key, const json& value) {
        if (!value.is_object() || !value.contains("column") || !value["column"].is_string()) return reject(key, value);
        const bool descending = value.contains("descending") && value["descending"].is_boolean() && value["descending"].get<bool>();
        const std::string& column = value["column"].get_ref<const std::string&>();
        // Quoted as a link writes it, unescaped: "size-desc".
        const std::string shown = column.substr(0, kNoticeTextMaxChars + 16) + (descending ? "-desc" : "-asc");
        settings::applySort(column, descending, shown, state, sink);
    }
};

} // namespace

std::string jsonString(std::string_view text) {
    std::string out;
    appendJsonString(out, text);
    return out;
}

// Keys in alphabetical order, as the std::map object of nlohmann_json wrote them before: the
// text a host reads has not changed.
std::string stateToJson(const ViewState& state) {
    const auto list = [](JsonWriter& out, std::string_view key, const std::vector<std::string>& values) {
        out.key(key).beginArray();
        for (const std::string& value : values) out.value(value);
        out.endArray();
    };
    JsonWriter out;
    out.beginObject();
    if (state.cameraSet) {
        const Camera camera = canonicalCamera(state.camera);
        // The same decimals as a link carries, without float noise (1.6, not 1.600000023841858).
        const auto rounded = [](float value, double scale) { return std::round(static_cast<double>(value) * scale) / scale; };
        out.key("camera").beginObject().field("x", rounded(camera.x, 10.0)).field("y", rounded(camera.y, 10.0))
            .field("zoom", rounded(camera.zoom, 1000.0)).endObject();
    } else {
        out.nullField("camera");
    }
    out.field("dataset", state.dataset);
    out.key("filters").beginObject();
    list(out, "axes", state.filters.axes);
    out.field("multiProject", state.filters.multiProjectOnly);
    list(out, "roles", state.filters.roles);
    list(out, "sectors", state.filters.sectors);
    list(out, "types", state.filters.types);
    out.endObject();
    out.field("lang", toString(state.lang)).field("search", state.search);
    if (state.selection.empty()) {
        out.nullField("selection");
    } else {
        out.field("selection", state.selection);
    }
    out.key("sort").beginObject().field("column", toString(state.sort.column)).field("descending", state.sort.descending).endObject();
    out.field("theme", toString(state.theme)).field("view", toString(state.view));
    out.endObject();
    return out.take();
}

HashDecode applyStateJson(std::string_view text, const ViewState& current) {
    // nlohmann's parser keeps its own stack on the heap (no recursion): any depth parses, and
    // DepthGuard keeps only kStateJsonMaxDepth levels of it, so nothing after recurses deeper.
    DepthGuard guard;
    const json input = json::parse(
        text, [&guard](int depth, json::parse_event_t event, json& parsed) { return guard(depth, event, parsed); },
        false);
    if (input.is_discarded() || !input.is_object()) {
        HashDecode result{current, {}};
        result.notices.push_back(HashNotice{"", "", NoticeReason::BadValue});
        return result;
    }
    HashDecode result{current, {}};
    StateReader reader(result.state);
    for (const auto& [key, value] : input.items()) {
        const bool known = key == "view" || key == "lang" || key == "theme" || key == "selection" || key == "search" ||
                           key == "dataset" || key == "camera" || key == "sort" || key == "filters";
        if (known && guard.tooDeep(key, "")) {
            reader.notice(key, NoticeReason::TooDeep);
        } else if (key == "view") {
            reader.text(key, Setting::View, value, false);
        } else if (key == "lang") {
            reader.text(key, Setting::Lang, value, false);
        } else if (key == "theme") {
            reader.text(key, Setting::Theme, value, false);
        } else if (key == "selection") {
            reader.text(key, Setting::Selection, value, true);
        } else if (key == "search") {
            reader.text(key, Setting::Search, value, true);
        } else if (key == "dataset") {
            reader.text(key, Setting::Dataset, value, true);
        } else if (key == "camera") {
            reader.camera(key, value);
        } else if (key == "sort") {
            reader.sort(key, value);
        } else if (key == "filters") {
            if (!value.is_object()) {
                reader.reject(key, value);
                continue;
            }
            for (const auto& [field, items] : value.items()) {
                if (isKnownFilter(field) && guard.tooDeep(key, field)) reader.notice("filters." + field, NoticeReason::TooDeep);
                else if (field == "axes") reader.list("filters.axes", Setting::Axes, items);
                else if (field == "sectors") reader.list("filters.sectors", Setting::Sectors, items);
                else if (field == "types") reader.list("filters.types", Setting::Types, items);
                else if (field == "roles") reader.list("filters.roles", Setting::Roles, items);
                else if (field == "multiProject") {
                    // A boolean has nothing left to check.
                    if (items.is_boolean()) result.state.filters.multiProjectOnly = items.get<bool>();
                    else reader.reject("filters.multiProject", items);
                } else {
                    // noticeText keeps fewer than kNoticeTextMaxChars bytes of it: no need to copy more.
                    reader.notice("filters." + field.substr(0, kNoticeTextMaxChars), NoticeReason::UnknownKey);
                }
            }
        } else {
            reader.notice(key, NoticeReason::UnknownKey);
        }
    }
    // Shape notices first, then the settings' ones (capped on their own like a link's); the whole
    // list is then capped again: past kMaxNotices - 1, one MoreNotices notice counts the entries
    // dropped.
    result.notices = std::move(reader.shape);
    result.notices.insert(result.notices.end(), reader.checked.begin(), reader.checked.end());
    if (result.notices.size() > kMaxNotices) {
        const std::size_t dropped = result.notices.size() - (kMaxNotices - 1);
        result.notices.resize(kMaxNotices - 1);
        result.notices.push_back(HashNotice{"", std::to_string(dropped), NoticeReason::MoreNotices});
    }
    return result;
}

} // namespace explorer
