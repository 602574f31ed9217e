#include "view_state_json.hpp"
#include "utf8.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <utility>
#include <vector>

namespace explorer {
namespace {

using nlohmann::json;

json idList(const std::vector<std::string>& values) {
    json list = json::array();
    for (const std::string& value : values) list.push_back(value);
    return list;
}

// Percent-encodes everything but unreserved characters: the URL codec decodes it back.
std::string percentEncode(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        const bool unreserved = (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
                                (byte >= '0' && byte <= '9') || byte == '-' || byte == '.' || byte == '_' ||
                                byte == '~';
        if (unreserved) {
            out += c;
        } else {
            out += '%';
            out += kHex[byte >> 4];
            out += kHex[byte & 0xF];
        }
    }
    return out;
}

std::string number(double value) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.6f", value);
    return buffer;
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
    out += json(std::string(text.substr(0, end))).dump(-1, ' ', false, json::error_handler_t::replace);
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
        out += value.dump(); // a number, true, false or null: a few bytes
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

struct PieceWriter {
    std::string hash;
    std::vector<HashNotice> notices;
    void add(std::string_view key, std::string_view encodedValue) {
        if (!hash.empty()) hash += '&';
        hash.append(key);
        hash += '=';
        hash.append(encodedValue);
    }
    void reject(std::string_view key, const json& value) {
        notices.push_back(HashNotice{noticeText(key), shownValue(value), NoticeReason::BadValue});
    }
    void notice(std::string_view key, NoticeReason reason) {
        notices.push_back(HashNotice{noticeText(key), "", reason});
    }
    void text(std::string_view key, std::string_view hashKey, const json& value, bool nullable) {
        if (value.is_string()) {
            add(hashKey, percentEncode(value.get_ref<const std::string&>()));
        } else if (nullable && value.is_null()) {
            add(hashKey, "");
        } else {
            reject(key, value);
        }
    }
    void list(std::string_view key, std::string_view hashKey, const json& value) {
        if (!value.is_array()) return reject(key, value);
        std::string encoded;
        for (const json& item : value) {
            if (!item.is_string()) {
                reject(key, item);
                continue;
            }
            if (!encoded.empty()) encoded += ',';
            encoded += percentEncode(item.get_ref<const std::string&>());
        }
        add(hashKey, encoded);
    }
};

} // namespace

std::string jsonString(std::string_view text) {
    return json(std::string(text)).dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string stateToJson(const ViewState& state) {
    json out;
    out["view"] = std::string(toString(state.view));
    out["selection"] = state.selection.empty() ? json(nullptr) : json(state.selection);
    out["lang"] = std::string(toString(state.lang));
    out["theme"] = std::string(toString(state.theme));
    out["search"] = state.search;
    out["filters"] = json{{"axes", idList(state.filters.axes)},
                          {"sectors", idList(state.filters.sectors)},
                          {"types", idList(state.filters.types)},
                          {"roles", idList(state.filters.roles)},
                          {"multiProject", state.filters.multiProjectOnly}};
    if (state.cameraSet) {
        const Camera camera = canonicalCamera(state.camera);
        // The same decimals as a link carries, without float noise (1.6, not 1.600000023841858).
        const auto rounded = [](float value, double scale) { return std::round(static_cast<double>(value) * scale) / scale; };
        out["camera"] = json{{"zoom", rounded(camera.zoom, 1000.0)}, {"x", rounded(camera.x, 10.0)}, {"y", rounded(camera.y, 10.0)}};
    } else {
        out["camera"] = nullptr;
    }
    out["sort"] = json{{"column", std::string(toString(state.sort.column))}, {"descending", state.sort.descending}};
    out["dataset"] = state.dataset;
    return out.dump(-1, ' ', false, json::error_handler_t::replace);
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
    PieceWriter writer;
    for (const auto& [key, value] : input.items()) {
        const bool known = key == "view" || key == "lang" || key == "theme" || key == "selection" || key == "search" ||
                           key == "dataset" || key == "camera" || key == "sort" || key == "filters";
        if (known && guard.tooDeep(key, "")) {
            writer.notice(key, NoticeReason::TooDeep);
        } else if (key == "view" || key == "lang" || key == "theme") {
            writer.text(key, key, value, false);
        } else if (key == "selection") {
            writer.text(key, "sel", value, true);
        } else if (key == "search") {
            writer.text(key, "q", value, true);
        } else if (key == "dataset") {
            writer.text(key, "data", value, true);
        } else if (key == "camera") {
            if (value.is_null()) {
                writer.add("cam", "fit");
            } else if (value.is_object() && value.contains("zoom") && value["zoom"].is_number() && value.contains("x") &&
                       value["x"].is_number() && value.contains("y") && value["y"].is_number()) {
                const double zoom = value["zoom"].get<double>();
                const double x = value["x"].get<double>();
                const double y = value["y"].get<double>();
                if (std::isfinite(zoom) && std::isfinite(x) && std::isfinite(y)) {
                    writer.add("cam", number(zoom) + "," + number(x) + "," + number(y));
                } else {
                    writer.reject(key, value);
                }
            } else {
                writer.reject(key, value);
            }
        } else if (key == "sort") {
            if (value.is_object() && value.contains("column") && value["column"].is_string()) {
                const bool descending = value.contains("descending") && value["descending"].is_boolean() &&
                                        value["descending"].get<bool>();
                writer.add("sort", percentEncode(value["column"].get_ref<const std::string&>()) +
                                       (descending ? "-desc" : "-asc"));
            } else {
                writer.reject(key, value);
            }
        } else if (key == "filters") {
            if (!value.is_object()) {
                writer.reject(key, value);
                continue;
            }
            for (const auto& [field, items] : value.items()) {
                if (isKnownFilter(field) && guard.tooDeep(key, field)) writer.notice("filters." + field, NoticeReason::TooDeep);
                else if (field == "axes") writer.list("filters.axes", "ax", items);
                else if (field == "sectors") writer.list("filters.sectors", "sec", items);
                else if (field == "types") writer.list("filters.types", "type", items);
                else if (field == "roles") writer.list("filters.roles", "role", items);
                else if (field == "multiProject") {
                    if (items.is_boolean()) writer.add("multi", items.get<bool>() ? "1" : "0");
                    else writer.reject("filters.multiProject", items);
                } else {
                    // noticeText keeps fewer than kNoticeTextMaxChars bytes of it: no need to copy more.
                    writer.notice("filters." + field.substr(0, kNoticeTextMaxChars), NoticeReason::UnknownKey);
                }
            }
        } else {
            writer.notice(key, NoticeReason::UnknownKey);
        }
    }
    HashDecode decoded = fromHash(writer.hash, current);
    decoded.notices.insert(decoded.notices.begin(), writer.notices.begin(), writer.notices.end());
    if (decoded.notices.size() > kMaxNotices) {
        const std::size_t dropped = decoded.notices.size() - (kMaxNotices - 1);
        decoded.notices.resize(kMaxNotices - 1);
        decoded.notices.push_back(HashNotice{"", std::to_string(dropped), NoticeReason::MoreNotices});
    }
    return decoded;
}

} // namespace explorer
