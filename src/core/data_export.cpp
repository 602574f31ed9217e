#include "core/data_export.hpp"

#include "core/decimal_number.hpp"
#include "core/text_format.hpp"

#include "core/dates.hpp"
#include "core/utf8.hpp"

#include "core/dataset_loader.hpp"
#include "core/font_stack.hpp"
#include "core/json_writer.hpp"
#include "core/network_layout.hpp"
#include "core/palette.hpp"
#include "core/vocabulary.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <unordered_map>
#include <unordered_set>

namespace explorer {

namespace {

bool isShown(const std::vector<bool>& flags, std::size_t index) { return index < flags.size() && flags[index]; }

// A relation is exported only with both of its ends, whatever the flags say, so that every
// export stays consistent.
bool relationShown(const Dataset& dataset, const VisibleSet& visible, std::size_t index) {
    const Relation& relation = dataset.relations[index];
    return isShown(visible.relation, index) && relation.source < dataset.entities.size() &&
           relation.target < dataset.entities.size() && isShown(visible.entity, relation.source) &&
           isShown(visible.entity, relation.target);
}

// Labels of a vocabulary in `lang`, looked up in constant time: an imported file may declare as
// many roles as it has lines.
class TermLabels {
public:
    TermLabels(const std::vector<Term>& terms, Lang lang) {
        for (const Term& term : terms) {
            if (!term.label.empty()) labels_.try_emplace(term.id, term.label.get(lang));
        }
    }

    // The label, or the id itself when the vocabulary does not label it.
    std::string operator()(const std::string& id) const {
        const auto found = labels_.find(id);
        return found == labels_.end() ? id : found->second;
    }

private:
    std::unordered_map<std::string, std::string> labels_;
};

} // namespace

// ---------------------------------------------------------------------------------------------
// CSV (public: the command line writes its CSV with them too)

std::string csvField(std::string_view text) {
    std::string value;
    if (!text.empty() && (text.front() == '=' || text.front() == '+' || text.front() == '-' || text.front() == '@' ||
                          text.front() == '\t' || text.front() == '\r')) {
        value.push_back('\'');
    }
    value.append(text);
    if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
    std::string quoted = "\"";
    for (const char c : value) {
        if (c == '"') quoted.push_back('"');
        quoted.push_back(c);
    }
    quoted.push_back('"');
    return quoted;
}

void appendCsvRow(std::string& out, std::initializer_list<std::string_view> fields) {
    bool first = true;
    for (const std::string_view field : fields) {
        if (!first) out.push_back(',');
        first = false;
        out += csvField(field);
    }
    out.push_back('\n');
}

namespace {

// ---------------------------------------------------------------------------------------------
// JSON

// A text known in one language is shown in it in both: written so, it stays valid.
void writeLocalText(JsonWriter& out, std::string_view key, const LocalText& text) {
    out.key(key).beginObject().field("fr", text.get(Lang::Fr)).field("en", text.get(Lang::En)).endObject();
}

void writeSourceIds(JsonWriter& out, const Dataset& dataset, const std::vector<std::size_t>& sources) {
    out.key("sources").beginArray();
    for (const std::size_t source : sources) {
        if (source < dataset.sources.size()) out.value(dataset.sources[source].id);
    }
    out.endArray();
}

void writeStrings(JsonWriter& out, std::string_view key, const std::vector<std::string>& items) {
    out.key(key).beginArray();
    for (const std::string& item : items) out.value(item);
    out.endArray();
}

bool anyUsed(const std::vector<Term>& terms, const std::unordered_set<std::string>& used) {
    return std::any_of(terms.begin(), terms.end(), [&used](const Term& term) { return used.count(term.id) != 0; });
}

// The terms of `terms` whose ids are in `used`, in the vocabulary's order.
void writeTerms(JsonWriter& out, std::string_view key, const std::vector<Term>& terms,
                const std::unordered_set<std::string>& used) {
    out.key(key).beginArray();
    for (const Term& term : terms) {
        if (!used.count(term.id)) continue;
        out.beginObject().field("id", term.id);
        writeLocalText(out, "label", term.label);
        out.endObject();
    }
    out.endArray();
}

// A coordinate as the shortest decimal that reads back (JSON number to double, then to float, as
// the loader reads it) as the very same float: a dataset written with its positions and loaded
// again is laid out at exactly those places, and writing it again gives the same bytes.
double shortestCoordinate(float value) {
    if (!std::isfinite(value)) return 0.0;
    for (int digits = 6; digits < 9; ++digits) {
        const double read = readDecimal(formattedText("%.*g", digits, static_cast<double>(value))).value;
        if (static_cast<float>(read) == value) return read;
    }
    return static_cast<double>(value); // nine significant digits always read back
}

void writeEntity(JsonWriter& out, const Dataset& dataset, const Entity& entity) {
    out.beginObject();
    out.field("id", entity.id);
    out.field("kind", toString(entity.kind));
    out.field("name", entity.name);
    if (!entity.aliases.empty()) writeStrings(out, "aliases", entity.aliases);
    if (entity.kind == EntityKind::Organisation && !entity.type.empty()) out.field("type", entity.type);
    if (!entity.country.empty()) out.field("country", entity.country);
    if (!entity.description.empty()) writeLocalText(out, "description", entity.description);
    if (!entity.url.empty()) out.field("url", entity.url);
    if (entity.kind == EntityKind::Project) {
        if (!entity.axes.empty()) writeStrings(out, "axes", entity.axes);
        if (!entity.sectors.empty()) writeStrings(out, "sectors", entity.sectors);
        if (entity.durationMonths) out.field("duration_months", *entity.durationMonths);
        if (!entity.size.empty()) writeLocalText(out, "size", entity.size);
    }
    if (entity.kind == EntityKind::Model && !entity.licences.empty()) writeStrings(out, "licences", entity.licences);
    if (!entity.facts.empty()) {
        out.key("facts").beginArray();
        for (const Fact& fact : entity.facts) {
            out.beginObject();
            writeLocalText(out, "text", fact.text);
            writeSourceIds(out, dataset, fact.sources);
            if (!fact.conflict.empty()) out.field("conflict", fact.conflict);
            out.endObject();
        }
        out.endArray();
    }
    writeSourceIds(out, dataset, entity.sources);
    if (entity.position) {
        out.key("position").beginArray();
        out.value(shortestCoordinate((*entity.position)[0])).value(shortestCoordinate((*entity.position)[1]));
        out.endArray();
    }
    out.endObject();
}

// ---------------------------------------------------------------------------------------------
// SVG

// XML text or attribute content: & < > " ' escaped; characters XML 1.0 forbids (controls other
// than tab and line breaks, U+FFFE, U+FFFF) and bytes that are not UTF-8 become U+FFFD.
std::string xmlEscape(std::string_view text) {
    constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
    std::string out;
    out.reserve(text.size());
    std::size_t at = 0;
    while (at < text.size()) {
        const auto byte = static_cast<unsigned char>(text[at]);
        if (byte < 0x80U) {
            switch (byte) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            case '\t':
            case '\n':
            case '\r': out.push_back(' '); break;
            default:
                if (byte < 0x20U || byte == 0x7FU) {
                    out += kReplacement;
                } else {
                    out.push_back(static_cast<char>(byte));
                }
            }
            ++at;
            continue;
        }
        const utf8::Decoded decoded = utf8::decodeAt(text, at);
        const std::size_t length = decoded.length;
        // XML 1.0 has no place for U+FFFE and U+FFFF either.
        const bool valid = length > 0 && decoded.codePoint != 0xFFFEU && decoded.codePoint != 0xFFFFU;
        if (valid) {
            out.append(text.substr(at, length));
            at += length;
        } else {
            out += kReplacement;
            ++at;
        }
    }
    return out;
}

// At most `limit` code points, "…" ending a cut text.
std::string shortened(std::string_view text, std::size_t limit) {
    std::size_t seen = 0;
    for (std::size_t at = 0; at < text.size(); ++at) {
        if ((static_cast<unsigned char>(text[at]) & 0xC0U) != 0x80U && ++seen > limit) {
            return std::string(text.substr(0, at)) + "…";
        }
    }
    return std::string(text);
}

// Rough width of a text in px: no font metrics in the core, so wide scripts count one em per
// character and others a little over half an em. Used only to leave room around texts.
double textWidth(std::string_view text, double fontSize) {
    double ems = 0.0;
    for (std::size_t at = 0; at < text.size(); ++at) {
        const auto byte = static_cast<unsigned char>(text[at]);
        if ((byte & 0xC0U) == 0x80U) continue;
        ems += byte >= 0xE1U ? 1.0 : 0.58;
    }
    return ems * fontSize;
}

// One decimal, '.' as separator, whatever the locale. Integer arithmetic: the wasm build's C++
// library has no floating-point std::to_chars.
std::string number(double value) {
    if (!std::isfinite(value)) value = 0.0;
    const double tenths = std::round(std::clamp(value, -1.0e12, 1.0e12) * 10.0);
    const auto magnitude = static_cast<long long>(std::fabs(tenths));
    std::string text = tenths < 0.0 && magnitude != 0 ? "-" : "";
    text += std::to_string(magnitude / 10) + "." + std::to_string(magnitude % 10);
    return text;
}

// The widget's colours (core/palette.hpp), as SVG writes them.
struct SvgPalette {
    std::string background;
    std::string text;
    std::string textMuted;
    std::string accent;
    std::string edge;
    std::string edgeOpacity;
    std::array<std::string, kEntityKindCount> kind;

    explicit SvgPalette(const ColourScheme& scheme)
        : background(cssHex(scheme.background)), text(cssHex(scheme.text)), textMuted(cssHex(scheme.textMuted)),
          accent(cssHex(scheme.accent)), edge(cssHex(scheme.edge)), edgeOpacity(cssOpacity(scheme.edge)) {
        for (std::size_t k = 0; k < kEntityKindCount; ++k) kind[k] = cssHex(scheme.kind[k]);
    }
};


constexpr double kMargin = 24.0;
constexpr double kTitleSize = 18.0;
constexpr double kLegendSize = 12.0;
constexpr double kLabelSize = 11.0;
constexpr double kFooterSize = 11.0;
constexpr double kHeaderHeight = kMargin + kTitleSize + 12.0 + kLegendSize + 20.0;
constexpr double kFooterHeight = 20.0 + kFooterSize + 6.0 + kFooterSize + kMargin;
constexpr double kLabelGap = 4.0;
constexpr double kMaxScale = 1.5;
constexpr double kMinRadius = 2.0;
constexpr std::size_t kMaxLabelLength = 40;

std::string_view kindClass(EntityKind kind) { return toString(kind); }

BilingualText kindLegend(EntityKind kind) { return kindTraits(kind).label; }

// The shape of a node, without its closing: the caller adds a <title> and closes it.
std::string shapeOpening(EntityKind kind, double x, double y, double r, std::string_view fill, std::string_view cls) {
    const std::string common = " class=\"" + std::string(cls) + "\" fill=\"" + std::string(fill) + "\"";
    switch (kind) {
    case EntityKind::Project:
        return "<rect" + common + " x=\"" + number(x - r) + "\" y=\"" + number(y - r) + "\" width=\"" +
               number(2.0 * r) + "\" height=\"" + number(2.0 * r) + "\" rx=\"" + number(r * 0.2) + "\"";
    case EntityKind::Organisation:
        return "<circle" + common + " cx=\"" + number(x) + "\" cy=\"" + number(y) + "\" r=\"" + number(r) + "\"";
    case EntityKind::Model: {
        const double d = r * 1.2; // a diamond of the same half-width looks smaller than a disc
        return "<path" + common + " d=\"M" + number(x) + "," + number(y - d) + " L" + number(x + d) + "," +
               number(y) + " L" + number(x) + "," + number(y + d) + " L" + number(x - d) + "," + number(y) + " Z\"";
    }
    case EntityKind::Initiative: {
        constexpr std::array<double, 6> kCos = {1.0, 0.5, -0.5, -1.0, -0.5, 0.5};
        constexpr std::array<double, 6> kSin = {0.0, 0.8660254, 0.8660254, 0.0, -0.8660254, -0.8660254};
        const double d = r * 1.08;
        std::string path;
        for (std::size_t i = 0; i < kCos.size(); ++i) {
            path += (i == 0 ? "M" : " L") + number(x + d * kCos[i]) + "," + number(y + d * kSin[i]);
        }
        return "<path" + common + " d=\"" + path + " Z\"";
    }
    }
    return {};
}

std::string_view shapeClosing(EntityKind kind) {
    switch (kind) {
    case EntityKind::Project: return "</rect>";
    case EntityKind::Organisation: return "</circle>";
    case EntityKind::Model:
    case EntityKind::Initiative: return "</path>";
    }
    return "</path>";
}

// The same line styles as the network on screen: both read the relation's RoleTraits::edge.
std::string edgeStyle(EdgeStyle edge) {
    std::string style = edge == EdgeStyle::Lead ? " stroke-width=\"2.6\"" : " stroke-width=\"1.2\"";
    if (edge == EdgeStyle::Support) {
        style += " stroke-dasharray=\"6 4\"";
    } else if (edge == EdgeStyle::Lineage) {
        style += " stroke-dasharray=\"1.5 3\" stroke-linecap=\"round\"";
    }
    return style;
}

struct DrawnNode {
    std::size_t entity = 0;
    double x = 0.0; // px, in the viewBox
    double y = 0.0;
    double radius = 0.0;
    std::string label;
};

} // namespace

std::string datasetFingerprint(std::string_view text) {
    if (text.substr(0, kUtf8ByteOrderMark.size()) == kUtf8ByteOrderMark) text.remove_prefix(kUtf8ByteOrderMark.size());
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (const char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001b3ULL;
    }
    const auto folded = static_cast<std::uint32_t>((hash >> 32U) ^ (hash & 0xFFFFFFFFULL));
    constexpr std::string_view kHex = "0123456789abcdef";
    std::string fingerprint(8, '0');
    for (std::size_t i = 0; i < 8; ++i) fingerprint[7 - i] = kHex[(folded >> (4U * i)) & 0xFU];
    return fingerprint;
}

std::string relationsCsv(const Dataset& dataset, const VisibleSet& visible, Lang lang) {
    const TermLabels roleLabel(dataset.roles, lang);
    std::string out;
    appendCsvRow(out, {"source_id", "source_name", "target_id", "target_name", "role", "role_label", "sources",
                    "source_urls"});
    for (std::size_t r = 0; r < dataset.relations.size(); ++r) {
        if (!relationShown(dataset, visible, r)) continue;
        const Relation& relation = dataset.relations[r];
        const Entity& source = dataset.entities[relation.source];
        const Entity& target = dataset.entities[relation.target];
        std::string sourceIds;
        std::string sourceUrls;
        for (const std::size_t s : relation.sources) {
            if (s >= dataset.sources.size()) continue;
            if (!sourceIds.empty()) sourceIds.push_back(';');
            sourceIds += dataset.sources[s].id;
            if (dataset.sources[s].url.empty()) continue;
            if (!sourceUrls.empty()) sourceUrls.push_back(';');
            sourceUrls += dataset.sources[s].url;
        }
        appendCsvRow(out, {source.id, source.name, target.id, target.name, relation.role,
                        roleLabel(relation.role), sourceIds, sourceUrls});
    }
    return out;
}

std::string entitiesCsv(const Dataset& dataset, const VisibleSet& visible, Lang lang) {
    const TermLabels typeLabel(dataset.types, lang);
    std::string out;
    appendCsvRow(out, {"id", "kind", "name", "type", "type_label", "country", "projects", "description"});
    for (std::size_t e = 0; e < dataset.entities.size(); ++e) {
        if (!isShown(visible.entity, e)) continue;
        const Entity& entity = dataset.entities[e];
        const bool typed = entity.kind == EntityKind::Organisation && !entity.type.empty();
        std::string projects;
        for (const std::size_t project : dataset.memberProjects(e)) {
            if (!isShown(visible.entity, project)) continue;
            if (!projects.empty()) projects.push_back(';');
            projects += dataset.entities[project].name;
        }
        appendCsvRow(out, {entity.id, toString(entity.kind), entity.name, typed ? entity.type : std::string(),
                        typed ? typeLabel(entity.type) : std::string(), entity.country,
                        projects, entity.description.get(lang)});
    }
    return out;
}

std::string visibleDatasetJson(const Dataset& dataset, const VisibleSet& visible) {
    // The sources and the vocabulary come before the entities and relations in the file but are
    // what those cite and use: one pass to collect them, then the file in its order.
    std::vector<bool> cited(dataset.sources.size(), false);
    const auto cite = [&cited](const std::vector<std::size_t>& sources) {
        for (const std::size_t source : sources) {
            if (source < cited.size()) cited[source] = true;
        }
    };
    std::unordered_set<std::string> axes;
    std::unordered_set<std::string> sectors;
    std::unordered_set<std::string> types;
    std::unordered_set<std::string> roles;
    for (std::size_t e = 0; e < dataset.entities.size(); ++e) {
        if (!isShown(visible.entity, e)) continue;
        const Entity& entity = dataset.entities[e];
        cite(entity.sources);
        for (const Fact& fact : entity.facts) cite(fact.sources);
        if (entity.kind == EntityKind::Project) {
            axes.insert(entity.axes.begin(), entity.axes.end());
            sectors.insert(entity.sectors.begin(), entity.sectors.end());
        }
        if (entity.kind == EntityKind::Organisation && !entity.type.empty() && !findBuiltinType(entity.type)) {
            types.insert(entity.type);
        }
    }
    for (std::size_t r = 0; r < dataset.relations.size(); ++r) {
        if (!relationShown(dataset, visible, r)) continue;
        const Relation& relation = dataset.relations[r];
        cite(relation.sources);
        if (!findBuiltinRole(relation.role)) roles.insert(relation.role);
    }
    if (dataset.call) cite(dataset.call->sources);
    // The format has no empty source list: when nothing shown cites a source (an empty view, a
    // dataset without entities or call), the dataset's first source is kept, so the file loads.
    if (!cited.empty() && std::find(cited.begin(), cited.end(), true) == cited.end()) cited.front() = true;

    JsonWriter out(2);
    out.beginObject();
    out.field("format", kDatasetFormat);
    writeLocalText(out, "title", dataset.title);

    bool vocabularyOpen = false;
    const auto writeVocabulary = [&](std::string_view list, const std::vector<Term>& terms,
                                     const std::unordered_set<std::string>& used) {
        if (!anyUsed(terms, used)) return;
        if (!vocabularyOpen) out.key("vocabulary").beginObject();
        vocabularyOpen = true;
        writeTerms(out, list, terms, used);
    };
    writeVocabulary("axes", dataset.axes, axes);
    writeVocabulary("sectors", dataset.sectors, sectors);
    writeVocabulary("types", dataset.types, types);
    writeVocabulary("roles", dataset.roles, roles);
    if (vocabularyOpen) out.endObject();

    if (dataset.call) {
        const Call& call = *dataset.call;
        out.key("call").beginObject();
        writeLocalText(out, "name", call.name);
        if (const auto launcher = dataset.findEntity(call.launchedBy); launcher && isShown(visible.entity, *launcher)) {
            out.field("launched_by", call.launchedBy);
        }
        if (!call.launched.empty()) out.field("launched", call.launched);
        if (!call.announced.empty()) out.field("announced", call.announced);
        if (!call.announcement.empty()) writeLocalText(out, "announcement", call.announcement);
        writeSourceIds(out, dataset, call.sources);
        out.endObject();
    }

    out.key("sources").beginArray();
    for (std::size_t s = 0; s < dataset.sources.size(); ++s) {
        if (!cited[s]) continue;
        const Source& source = dataset.sources[s];
        out.beginObject();
        out.field("id", source.id);
        if (!source.outlet.empty()) out.field("outlet", source.outlet);
        if (!source.title.empty()) out.field("title", source.title);
        if (source.titleIsDescription) out.field("title_is_description", true);
        if (!source.date.empty()) out.field("date", source.date);
        if (!source.url.empty()) out.field("url", source.url);
        out.field("layer", source.layer);
        out.endObject();
    }
    out.endArray();

    out.key("entities").beginArray();
    for (std::size_t e = 0; e < dataset.entities.size(); ++e) {
        if (isShown(visible.entity, e)) writeEntity(out, dataset, dataset.entities[e]);
    }
    out.endArray();

    out.key("relations").beginArray();
    for (std::size_t r = 0; r < dataset.relations.size(); ++r) {
        if (!relationShown(dataset, visible, r)) continue;
        const Relation& relation = dataset.relations[r];
        out.beginObject();
        out.field("source", dataset.entities[relation.source].id);
        out.field("role", relation.role);
        out.field("target", dataset.entities[relation.target].id);
        if (!relation.note.empty()) writeLocalText(out, "note", relation.note);
        if (!relation.conflict.empty()) out.field("conflict", relation.conflict);
        writeSourceIds(out, dataset, relation.sources);
        out.endObject();
    }
    out.endArray();
    out.endObject();
    return out.take() + "\n";
}

std::string networkSvg(const Dataset& dataset, const VisibleSet& visible, const std::vector<SvgNode>& nodes, Lang lang,
                       const SvgOptions& options) {
    const SvgPalette palette(colourScheme(options.dark));
    const double width = static_cast<double>(std::clamp(options.width, 240, 8000));

    // Nodes that can be drawn, in layout units first.
    std::vector<DrawnNode> drawn;
    std::vector<std::optional<std::size_t>> drawnIndex(dataset.entities.size());
    for (const SvgNode& node : nodes) {
        if (node.entity >= dataset.entities.size() || !isShown(visible.entity, node.entity)) continue;
        if (drawnIndex[node.entity] || !std::isfinite(node.x) || !std::isfinite(node.y)) continue;
        const double radius = std::isfinite(node.radius) && node.radius > 0.0f ? node.radius : 0.0;
        drawnIndex[node.entity] = drawn.size();
        drawn.push_back({node.entity, node.x, node.y, radius,
                         shortened(dataset.entities[node.entity].name, kMaxLabelLength)});
    }

    // Scale the layout to the width, leaving room for the labels that stick out at the sides.
    double minX = 0.0, maxX = 0.0, minY = 0.0, maxY = 0.0;
    double widestLabel = 0.0;
    for (std::size_t i = 0; i < drawn.size(); ++i) {
        const DrawnNode& node = drawn[i];
        minX = i == 0 ? node.x - node.radius : std::min(minX, node.x - node.radius);
        maxX = i == 0 ? node.x + node.radius : std::max(maxX, node.x + node.radius);
        minY = i == 0 ? node.y - node.radius : std::min(minY, node.y - node.radius);
        maxY = i == 0 ? node.y + node.radius : std::max(maxY, node.y + node.radius);
        widestLabel = std::max(widestLabel, textWidth(node.label, kLabelSize));
    }
    const double available = std::max(width - 2.0 * kMargin - std::min(widestLabel, width * 0.3), 40.0);
    const double layoutWidth = maxX - minX;
    const double scale = layoutWidth > 0.0 ? std::min(available / layoutWidth, kMaxScale) : 1.0;

    double contentMinX = 0.0, contentMaxX = 0.0, contentMinY = 0.0, contentMaxY = 0.0;
    for (std::size_t i = 0; i < drawn.size(); ++i) {
        DrawnNode& node = drawn[i];
        node.x = (node.x - minX) * scale;
        node.y = (node.y - minY) * scale;
        node.radius = std::max(node.radius * scale, kMinRadius);
        const double halfLabel = textWidth(node.label, kLabelSize) / 2.0;
        const double left = std::min(node.x - node.radius, node.x - halfLabel);
        const double right = std::max(node.x + node.radius, node.x + halfLabel);
        const double top = node.y - node.radius;
        const double bottom = node.y + node.radius + kLabelGap + kLabelSize;
        contentMinX = i == 0 ? left : std::min(contentMinX, left);
        contentMaxX = i == 0 ? right : std::max(contentMaxX, right);
        contentMinY = i == 0 ? top : std::min(contentMinY, top);
        contentMaxY = i == 0 ? bottom : std::max(contentMaxY, bottom);
    }
    const double contentWidth = contentMaxX - contentMinX;
    const double contentHeight = drawn.empty() ? 40.0 : contentMaxY - contentMinY;

    // Kinds in the legend: those drawn, in the model's order.
    std::array<bool, kEntityKindCount> kindDrawn{};
    for (const DrawnNode& node : drawn) kindDrawn[static_cast<std::size_t>(dataset.entities[node.entity].kind)] = true;
    double legendWidth = 0.0;
    for (std::size_t k = 0; k < kEntityKindCount; ++k) {
        if (kindDrawn[k]) legendWidth += 18.0 + textWidth(kindLegend(static_cast<EntityKind>(k)).get(lang), kLegendSize);
    }

    const double viewWidth =
        std::max({width, contentWidth + 2.0 * kMargin, textWidth(options.title, kTitleSize) + 2.0 * kMargin,
                  textWidth(options.sourceLine, kFooterSize) + 2.0 * kMargin,
                  textWidth(options.permalink, kFooterSize) + 2.0 * kMargin, legendWidth + 2.0 * kMargin});
    const double viewHeight = kHeaderHeight + contentHeight + kFooterHeight;
    const double offsetX = (viewWidth - contentWidth) / 2.0 - contentMinX;
    const double offsetY = kHeaderHeight - contentMinY;
    for (DrawnNode& node : drawn) {
        node.x += offsetX;
        node.y += offsetY;
    }

    std::string svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + number(width) + "\" height=\"" +
           number(viewHeight * width / viewWidth) + "\" viewBox=\"0 0 " + number(viewWidth) + " " +
           number(viewHeight) + "\" font-family=\"" + xmlEscape(kFontStack) + "\">\n";
    if (!options.title.empty()) svg += "<title>" + xmlEscape(options.title) + "</title>\n";
    svg += "<rect class=\"background\" x=\"0\" y=\"0\" width=\"" + number(viewWidth) + "\" height=\"" +
           number(viewHeight) + "\" fill=\"" + std::string(palette.background) + "\"/>\n";

    // Header: title, then the legend.
    if (!options.title.empty()) {
        svg += "<text class=\"title\" x=\"" + number(kMargin) + "\" y=\"" + number(kMargin + kTitleSize) +
               "\" font-size=\"" + number(kTitleSize) + "\" font-weight=\"bold\" fill=\"" +
               std::string(palette.text) + "\">" + xmlEscape(options.title) + "</text>\n";
    }
    const double legendY = kMargin + kTitleSize + 12.0 + kLegendSize / 2.0;
    double legendX = kMargin;
    for (std::size_t k = 0; k < kEntityKindCount; ++k) {
        if (!kindDrawn[k]) continue;
        const auto kind = static_cast<EntityKind>(k);
        svg += shapeOpening(kind, legendX + 5.0, legendY, 5.0, palette.kind[k], "legend " + std::string(kindClass(kind))) +
               "/>\n";
        const std::string label(kindLegend(kind).get(lang));
        svg += "<text x=\"" + number(legendX + 14.0) + "\" y=\"" + number(legendY + kLegendSize * 0.35) +
               "\" font-size=\"" + number(kLegendSize) + "\" fill=\"" + std::string(palette.text) + "\">" +
               xmlEscape(label) + "</text>\n";
        legendX += 18.0 + textWidth(label, kLegendSize) + 12.0;
    }

    // Edges under the nodes.
    svg += "<g class=\"edges\" stroke=\"" + std::string(palette.edge) + "\" stroke-opacity=\"" +
           std::string(palette.edgeOpacity) + "\" fill=\"none\">\n";
    for (std::size_t r = 0; r < dataset.relations.size(); ++r) {
        if (!relationShown(dataset, visible, r)) continue;
        const Relation& relation = dataset.relations[r];
        const auto from = drawnIndex[relation.source];
        const auto to = drawnIndex[relation.target];
        if (!from || !to) continue;
        svg += "<line class=\"edge\" x1=\"" + number(drawn[*from].x) + "\" y1=\"" + number(drawn[*from].y) +
               "\" x2=\"" + number(drawn[*to].x) + "\" y2=\"" + number(drawn[*to].y) + "\"" +
               edgeStyle(dataset.traitsOf(r).edge) + "/>\n";
    }
    svg += "</g>\n";

    svg += "<g class=\"nodes\" stroke=\"" + std::string(palette.background) + "\" stroke-width=\"1.5\">\n";
    for (const DrawnNode& node : drawn) {
        const Entity& entity = dataset.entities[node.entity];
        const auto k = static_cast<std::size_t>(entity.kind);
        svg += shapeOpening(entity.kind, node.x, node.y, node.radius, palette.kind[k],
                            "node " + std::string(kindClass(entity.kind))) +
               "><title>" + xmlEscape(entity.name) + "</title>" + std::string(shapeClosing(entity.kind)) + "\n";
    }
    svg += "</g>\n";

    svg += "<g class=\"labels\" fill=\"" + std::string(palette.text) + "\" font-size=\"" + number(kLabelSize) +
           "\" text-anchor=\"middle\">\n";
    for (const DrawnNode& node : drawn) {
        svg += "<text x=\"" + number(node.x) + "\" y=\"" + number(node.y + node.radius + kLabelGap + kLabelSize * 0.8) +
               "\">" + xmlEscape(node.label) + "</text>\n";
    }
    svg += "</g>\n";

    // Footer: where the data comes from, and how to come back to this view.
    const double footerTop = kHeaderHeight + contentHeight + 20.0;
    if (!options.sourceLine.empty()) {
        svg += "<text class=\"source\" x=\"" + number(kMargin) + "\" y=\"" + number(footerTop + kFooterSize) +
               "\" font-size=\"" + number(kFooterSize) + "\" fill=\"" + std::string(palette.textMuted) + "\">" +
               xmlEscape(options.sourceLine) + "</text>\n";
    }
    if (!options.permalink.empty()) {
        svg += "<text class=\"permalink\" x=\"" + number(kMargin) + "\" y=\"" +
               number(footerTop + 2.0 * kFooterSize + 6.0) + "\" font-size=\"" + number(kFooterSize) + "\" fill=\"" +
               std::string(palette.accent) + "\">" + xmlEscape(options.permalink) + "</text>\n";
    }
    svg += "</svg>\n";
    return svg;
}

std::string networkSvg(const Dataset& dataset, const VisibleSet& visible, Lang lang, const SvgOptions& options) {
    const NetworkLayout layout = settledNetworkLayout(dataset, visible);
    std::vector<SvgNode> nodes;
    nodes.reserve(layout.nodes().size());
    for (const NetworkNode& node : layout.nodes()) nodes.push_back({node.entity, node.at.x, node.at.y, node.radius});
    return networkSvg(dataset, visible, nodes, lang, options);
}

SvgOptions networkSvgOptions(const Dataset& dataset, Lang lang, bool dark) {
    SvgOptions options;
    options.title = dataset.title.get(lang);
    options.sourceLine = attributionLine(dataset, lang);
    options.dark = dark;
    return options;
}

std::string attributionLine(const Dataset& dataset, Lang lang) {
    const bool fr = lang == Lang::Fr;
    std::string articles;
    for (const Source& source : dataset.sources) {
        if (source.layer != "article") continue;
        if (!articles.empty()) articles += ", ";
        // The date at its own precision, as the details panel cites it ("juin 2024", "vers 2024").
        articles += source.outlet + (source.date.empty() ? "" : " (" + formatDate(source.date, lang) + ")");
    }
    std::string line = fr ? "Source : " : "Source: ";
    line += articles.empty() ? (fr ? "voir les sources citées" : "see the sources cited") : articles;
    if (dataset.sources.size() > 1) {
        line += fr ? " et sources publiques citées dans l’explorateur" : " and public sources cited in the explorer";
    }
    return line;
}

} // namespace explorer
