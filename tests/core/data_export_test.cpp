// Exports of what the reader sees: CSV tables a spreadsheet opens safely, a dataset file that
// loads again as it was, an SVG picture that any viewer parses, and a fingerprint for URLs.
#include "core/csv_import.hpp"
#include "core/data_export.hpp"
#include "core/dataset_loader.hpp"
#include "core/filters.hpp"

#include "support/source_files.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

namespace explorer {
namespace {

using test::readSourceFile;

std::string listProblems(const LoadResult& result) {
    std::string listed;
    for (const Problem& problem : result.problems) listed += "\n  " + describe(problem, Lang::En);
    return listed;
}

Dataset loadJson(std::string_view text) {
    LoadResult result = loadDataset(text);
    EXPECT_TRUE(result.problems.empty()) << listProblems(result);
    return result.dataset ? std::move(*result.dataset) : Dataset{};
}

Dataset laureates() { return loadJson(readSourceFile("data/laureates.json")); }

VisibleSet everything(const Dataset& dataset) { return applyFilters(dataset, Filters{}); }

std::size_t countVisible(const std::vector<bool>& flags) {
    return static_cast<std::size_t>(std::count(flags.begin(), flags.end(), true));
}

std::size_t occurrences(std::string_view text, std::string_view needle) {
    std::size_t count = 0;
    for (std::size_t at = text.find(needle); at != std::string_view::npos; at = text.find(needle, at + 1)) ++count;
    return count;
}

// RFC 4180 records of a CSV text with ',' separators and '\n' line ends.
std::vector<std::vector<std::string>> parseCsv(std::string_view text) {
    std::vector<std::vector<std::string>> records;
    std::vector<std::string> record;
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field.push_back('"');
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field.push_back(c);
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            record.push_back(std::move(field));
            field.clear();
        } else if (c == '\n') {
            record.push_back(std::move(field));
            field.clear();
            records.push_back(std::move(record));
            record.clear();
        } else {
            field.push_back(c);
        }
    }
    EXPECT_FALSE(quoted) << "unclosed quote";
    EXPECT_TRUE(record.empty() && field.empty()) << "the last line has no line end";
    return records;
}

// ------------------------------------------------------------------ a small XML checker

// Checks that `xml` is well-formed XML as far as an SVG export needs: one root element, tags
// properly nested and closed, attribute values quoted, no '<' or stray '&' in text or
// attributes, only the five predefined entities and numeric references. Returns "" when it is,
// else what is wrong.
class XmlChecker {
public:
    explicit XmlChecker(std::string_view xml) : xml_(xml) {}

    std::string check() {
        if (xml_.substr(0, 5) == "<?xml") {
            const std::size_t end = xml_.find("?>");
            if (end == std::string_view::npos) return "unterminated XML declaration";
            pos_ = end + 2;
        }
        bool rootSeen = false;
        while (pos_ < xml_.size()) {
            if (xml_[pos_] == '<') {
                if (xml_.substr(pos_, 4) == "<!--") {
                    const std::size_t end = xml_.find("-->", pos_);
                    if (end == std::string_view::npos) return "unterminated comment";
                    pos_ = end + 3;
                    continue;
                }
                if (xml_[pos_ + 1] == '/') {
                    const std::string error = closeTag();
                    if (!error.empty()) return error;
                } else {
                    if (stack_.empty() && rootSeen) return "second root element";
                    rootSeen = true;
                    const std::string error = openTag();
                    if (!error.empty()) return error;
                }
                continue;
            }
            const std::size_t next = std::min(xml_.find('<', pos_), xml_.size());
            const std::string_view text = xml_.substr(pos_, next - pos_);
            if (stack_.empty() && text.find_first_not_of(" \n\r\t") != std::string_view::npos) {
                return "text outside the root element";
            }
            const std::string error = checkCharacterData(text);
            if (!error.empty()) return error;
            pos_ = next;
        }
        if (!rootSeen) return "no root element";
        if (!stack_.empty()) return "unclosed <" + stack_.back() + ">";
        return {};
    }

    std::size_t elements(std::string_view name) const {
        return static_cast<std::size_t>(std::count(names_.begin(), names_.end(), name));
    }

private:
    std::string_view xml_;
    std::size_t pos_ = 0;
    std::vector<std::string> stack_;
    std::vector<std::string> names_;

    static bool isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
               c == ':' || c == '.';
    }

    static std::string checkCharacterData(std::string_view text) {
        for (std::size_t i = 0; i < text.size(); ++i) {
            const auto c = static_cast<unsigned char>(text[i]);
            if (c < 0x20U && c != '\t' && c != '\n' && c != '\r') return "control character in text";
            if (text[i] == '<') return "'<' in text";
            if (text[i] != '&') continue;
            const std::size_t semicolon = text.find(';', i);
            if (semicolon == std::string_view::npos) return "'&' without ';'";
            const std::string_view entity = text.substr(i + 1, semicolon - i - 1);
            const bool named = entity == "amp" || entity == "lt" || entity == "gt" || entity == "quot" || entity == "apos";
            const bool numeric = entity.size() > 1 && entity[0] == '#';
            if (!named && !numeric) return "unknown entity &" + std::string(entity) + ";";
        }
        return {};
    }

    std::string readName() {
        const std::size_t start = pos_;
        while (pos_ < xml_.size() && isNameChar(xml_[pos_])) ++pos_;
        return std::string(xml_.substr(start, pos_ - start));
    }

    void skipSpaces() {
        while (pos_ < xml_.size() && (xml_[pos_] == ' ' || xml_[pos_] == '\n' || xml_[pos_] == '\t')) ++pos_;
    }

    std::string openTag() {
        ++pos_;
        const std::string name = readName();
        if (name.empty()) return "element without a name";
        std::vector<std::string> attributes;
        for (;;) {
            skipSpaces();
            if (pos_ >= xml_.size()) return "unterminated tag <" + name;
            if (xml_.substr(pos_, 2) == "/>") {
                pos_ += 2;
                names_.push_back(name);
                return {};
            }
            if (xml_[pos_] == '>') {
                ++pos_;
                names_.push_back(name);
                stack_.push_back(name);
                return {};
            }
            const std::string attribute = readName();
            if (attribute.empty()) return "bad attribute in <" + name + ">";
            if (std::find(attributes.begin(), attributes.end(), attribute) != attributes.end()) {
                return "attribute " + attribute + " given twice";
            }
            attributes.push_back(attribute);
            if (pos_ >= xml_.size() || xml_[pos_] != '=') return "attribute " + attribute + " without value";
            ++pos_;
            const char quote = pos_ < xml_.size() ? xml_[pos_] : '\0';
            if (quote != '"' && quote != '\'') return "unquoted attribute " + attribute;
            const std::size_t end = xml_.find(quote, pos_ + 1);
            if (end == std::string_view::npos) return "unterminated attribute " + attribute;
            const std::string error = checkCharacterData(xml_.substr(pos_ + 1, end - pos_ - 1));
            if (!error.empty()) return error + " (attribute " + attribute + ")";
            pos_ = end + 1;
        }
    }

    std::string closeTag() {
        pos_ += 2;
        const std::string name = readName();
        skipSpaces();
        if (pos_ >= xml_.size() || xml_[pos_] != '>') return "bad closing tag </" + name;
        ++pos_;
        if (stack_.empty() || stack_.back() != name) return "</" + name + "> closes nothing open";
        stack_.pop_back();
        return {};
    }
};

TEST(XmlChecker, CatchesWhatAViewerWouldRefuse) {
    EXPECT_EQ(XmlChecker("<svg><g/><text>a &amp; b</text></svg>").check(), "");
    EXPECT_NE(XmlChecker("<svg><text>a & b</text></svg>").check(), "");
    EXPECT_NE(XmlChecker("<svg><text>a < b</text></svg>").check(), "");
    EXPECT_NE(XmlChecker("<svg><g></svg>").check(), "");
    EXPECT_NE(XmlChecker("<svg><text x=\"a\"b\">c</text></svg>").check(), "");
    EXPECT_NE(XmlChecker("<svg></svg><svg></svg>").check(), "");
}

// ------------------------------------------------------------------ fingerprint

TEST(DatasetFingerprint, IsEightLowerCaseHexDigitsUsableAsAnId) {
    for (const std::string_view text : {std::string_view(""), std::string_view("a"), std::string_view("{}")}) {
        const std::string fingerprint = datasetFingerprint(text);
        ASSERT_EQ(fingerprint.size(), 8U);
        EXPECT_TRUE(std::all_of(fingerprint.begin(), fingerprint.end(),
                                [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }))
            << fingerprint;
    }
    // FNV-1a 64 of "a" is af63dc4c8601ec8c; its two halves xored give 296230c0.
    EXPECT_EQ(datasetFingerprint("a"), "296230c0");
}

TEST(DatasetFingerprint, IgnoresAByteOrderMarkAndSeesEveryOtherByte) {
    const std::string text = readSourceFile("data/laureates.json");
    EXPECT_EQ(datasetFingerprint(text), datasetFingerprint("\xEF\xBB\xBF" + text));
    std::string changed = text;
    changed[changed.size() / 2] = static_cast<char>(changed[changed.size() / 2] ^ 1);
    EXPECT_NE(datasetFingerprint(text), datasetFingerprint(changed));
    EXPECT_NE(datasetFingerprint(text), datasetFingerprint(text + "\n"));
}

// ------------------------------------------------------------------ CSV exports

TEST(RelationsCsv, ListsEveryVisibleRelationWithItsSources) {
    const Dataset dataset = laureates();
    const std::vector<std::vector<std::string>> rows = parseCsv(relationsCsv(dataset, everything(dataset), Lang::Fr));
    ASSERT_EQ(rows.size(), dataset.relations.size() + 1);
    EXPECT_EQ(rows[0], (std::vector<std::string>{"source_id", "source_name", "target_id", "target_name", "role",
                                                 "role_label", "sources", "source_urls"}));
    for (std::size_t r = 0; r < dataset.relations.size(); ++r) {
        const Relation& relation = dataset.relations[r];
        const std::vector<std::string>& row = rows[r + 1];
        ASSERT_EQ(row.size(), 8U);
        EXPECT_EQ(row[0], dataset.entities[relation.source].id);
        EXPECT_EQ(row[1], dataset.entities[relation.source].name);
        EXPECT_EQ(row[3], dataset.entities[relation.target].name);
        EXPECT_EQ(row[4], relation.role);
        EXPECT_EQ(occurrences(row[6], ";") + 1, relation.sources.size()) << row[6];
    }
    // LINAGORA leads OpenLLM-France, in French.
    const auto lead = std::find_if(rows.begin(), rows.end(), [](const std::vector<std::string>& row) {
        return row[0] == "org:linagora" && row[4] == "lead";
    });
    ASSERT_NE(lead, rows.end());
    EXPECT_EQ((*lead)[5], "Chef de file");
    EXPECT_NE((*lead)[7].find("https://"), std::string::npos);
}

TEST(RelationsCsv, KeepsOnlyWhatTheFiltersShow) {
    const Dataset dataset = laureates();
    Filters filters;
    filters.roles = {"lead"};
    const VisibleSet visible = applyFilters(dataset, filters);
    const std::vector<std::vector<std::string>> rows = parseCsv(relationsCsv(dataset, visible, Lang::En));
    ASSERT_EQ(rows.size(), countVisible(visible.relation) + 1);
    ASSERT_GT(rows.size(), 1U);
    for (std::size_t i = 1; i < rows.size(); ++i) {
        EXPECT_EQ(rows[i][4], "lead");
        EXPECT_EQ(rows[i][5], "Lead");
    }
}

// A dataset whose names are hostile to CSV, XML and spreadsheets.
Dataset hostileDataset() {
    const std::string json = R"json({
  "format": "communs-explorer/1",
  "title": { "fr": "Essai <hostile>", "en": "Hostile & test" },
  "sources": [{ "id": "s", "outlet": "O", "title": "T", "date": "2024", "url": "https://example.org/?a=1&b=2", "layer": "external" }],
  "entities": [
    { "id": "org:a", "kind": "organisation", "type": "company", "name": "A&B <script>\"x\"</script>",
      "description": { "fr": "Ligne 1\nLigne 2, avec \"guillemets\"", "en": "Line 1\nLine 2" }, "sources": ["s"] },
    { "id": "org:f", "kind": "organisation", "type": "company", "name": "=HYPERLINK(\"https://evil.example\",\"x\")",
      "description": { "fr": "f", "en": "f" }, "sources": ["s"] },
    { "id": "project:p", "kind": "project", "name": "P, 'quoted'", "description": { "fr": "p", "en": "p" }, "sources": ["s"] },
    { "id": "model:m", "kind": "model", "name": "M", "description": { "fr": "m", "en": "m" }, "sources": ["s"] },
    { "id": "initiative:i", "kind": "initiative", "name": "I", "description": { "fr": "i", "en": "i" }, "sources": ["s"] }
  ],
  "relations": [
    { "source": "org:a", "role": "lead", "target": "project:p", "sources": ["s"] },
    { "source": "org:f", "role": "supporter", "target": "project:p", "sources": ["s"] },
    { "source": "model:m", "role": "based_on", "target": "initiative:i", "sources": ["s"] },
    { "source": "initiative:i", "role": "part_of", "target": "project:p", "sources": ["s"] }
  ]
})json";
    // The loaders refuse control characters in names (HiddenCharacter); the exports must still
    // defuse one in a Dataset built otherwise.
    Dataset dataset = loadJson(json);
    if (const auto project = dataset.findEntity("project:p")) dataset.entities[*project].name += '\x01';
    return dataset;
}

TEST(RelationsCsv, QuotesAndDefusesHostileNames) {
    const Dataset dataset = hostileDataset();
    const std::string csv = relationsCsv(dataset, everything(dataset), Lang::En);
    EXPECT_NE(csv.find("\"A&B <script>\"\"x\"\"</script>\""), std::string::npos) << csv;
    const std::vector<std::vector<std::string>> rows = parseCsv(csv);
    ASSERT_EQ(rows.size(), 5U);
    EXPECT_EQ(rows[2][1], "'=HYPERLINK(\"https://evil.example\",\"x\")") << "would run as a formula";
    EXPECT_EQ(rows[1][3], "P, 'quoted'\x01");
}

TEST(EntitiesCsv, ListsEntitiesWithTheirVisibleProjects) {
    const Dataset dataset = laureates();
    const VisibleSet all = everything(dataset);
    const std::vector<std::vector<std::string>> rows = parseCsv(entitiesCsv(dataset, all, Lang::En));
    ASSERT_EQ(rows.size(), dataset.entities.size() + 1);
    EXPECT_EQ(rows[0],
              (std::vector<std::string>{"id", "kind", "name", "type", "type_label", "country", "projects", "description"}));
    const auto row = [&rows](std::string_view id) {
        const auto found = std::find_if(rows.begin(), rows.end(), [id](const auto& r) { return r[0] == id; });
        EXPECT_NE(found, rows.end()) << id;
        return found == rows.end() ? std::vector<std::string>(8) : *found;
    };
    const std::vector<std::string> inria = row("org:inria");
    EXPECT_EQ(inria[1], "organisation");
    EXPECT_EQ(inria[3], "public_research");
    EXPECT_EQ(inria[4], "Public research body");
    EXPECT_EQ(inria[5], "FR");
    EXPECT_EQ(occurrences(inria[6], ";"), 1U) << "Inria is a member of two projects: " << inria[6];
    EXPECT_EQ(inria[6].find("CC-SWH"), std::string::npos) << "a connection is not membership: " << inria[6];
    EXPECT_NE(inria[6].find("Scribe"), std::string::npos);
    EXPECT_EQ(inria[7], dataset.entities[*dataset.findEntity("org:inria")].description.en);
    EXPECT_EQ(row("project:scribe")[3], "") << "projects have no type";

    const std::vector<std::vector<std::string>> french = parseCsv(entitiesCsv(dataset, all, Lang::Fr));
    const auto frenchInria = std::find_if(french.begin(), french.end(), [](const auto& r) { return r[0] == "org:inria"; });
    ASSERT_NE(frenchInria, french.end());
    EXPECT_EQ((*frenchInria)[4], "Organisme public de recherche");
    EXPECT_EQ((*frenchInria)[7], dataset.entities[*dataset.findEntity("org:inria")].description.fr);

    // Hide Scribe: it disappears from Inria's projects.
    VisibleSet withoutScribe = all;
    withoutScribe.entity[*dataset.findEntity("project:scribe")] = false;
    const std::vector<std::vector<std::string>> filtered = parseCsv(entitiesCsv(dataset, withoutScribe, Lang::En));
    EXPECT_EQ(filtered.size(), rows.size() - 1);
    const auto filteredInria = std::find_if(filtered.begin(), filtered.end(), [](const auto& r) { return r[0] == "org:inria"; });
    ASSERT_NE(filteredInria, filtered.end());
    EXPECT_EQ((*filteredInria)[6].find("Scribe"), std::string::npos);
    EXPECT_EQ((*filteredInria)[6], "AI for Democracy");
}

TEST(EntitiesCsv, KeepsLineBreaksInsideQuotedDescriptions) {
    const Dataset dataset = hostileDataset();
    const std::vector<std::vector<std::string>> rows = parseCsv(entitiesCsv(dataset, everything(dataset), Lang::Fr));
    ASSERT_EQ(rows.size(), 6U);
    EXPECT_EQ(rows[1][7], "Ligne 1\nLigne 2, avec \"guillemets\"");
    EXPECT_EQ(rows[2][2], "'=HYPERLINK(\"https://evil.example\",\"x\")");
}

// ------------------------------------------------------------------ dataset file

TEST(VisibleDatasetJson, TheWholeShippedDatasetLoadsAgainUnchanged) {
    const Dataset dataset = laureates();
    const std::string exported = visibleDatasetJson(dataset, everything(dataset));
    const Dataset reloaded = loadJson(exported);
    EXPECT_EQ(reloaded.entities.size(), dataset.entities.size());
    EXPECT_EQ(reloaded.relations.size(), dataset.relations.size());
    EXPECT_EQ(reloaded.sources.size(), dataset.sources.size());
    for (const EntityKind kind : {EntityKind::Project, EntityKind::Organisation, EntityKind::Model, EntityKind::Initiative}) {
        EXPECT_EQ(reloaded.count(kind), dataset.count(kind));
    }
    std::size_t facts = 0;
    std::size_t reloadedFacts = 0;
    for (const Entity& entity : dataset.entities) facts += entity.facts.size();
    for (const Entity& entity : reloaded.entities) reloadedFacts += entity.facts.size();
    EXPECT_EQ(reloadedFacts, facts);
    ASSERT_TRUE(reloaded.call.has_value());
    EXPECT_EQ(reloaded.call->launchedBy, dataset.call->launchedBy);
    EXPECT_EQ(reloaded.axes.size(), dataset.axes.size());
    EXPECT_EQ(reloaded.title.fr, dataset.title.fr);
    // Nothing was lost or altered: exporting the reloaded dataset gives the same text.
    EXPECT_EQ(visibleDatasetJson(reloaded, everything(reloaded)), exported);
}

TEST(VisibleDatasetJson, AFilteredDatasetHoldsWhatTheFiltersShow) {
    const Dataset dataset = laureates();
    Filters filters;
    filters.types = {"startup"};
    const VisibleSet visible = applyFilters(dataset, filters);
    ASSERT_LT(countVisible(visible.entity), dataset.entities.size());
    ASSERT_FALSE(visible.entity[*dataset.findEntity("org:etat-francais")]);

    const Dataset reloaded = loadJson(visibleDatasetJson(dataset, visible));
    EXPECT_EQ(reloaded.entities.size(), countVisible(visible.entity));
    EXPECT_EQ(reloaded.relations.size(), countVisible(visible.relation));
    EXPECT_LT(reloaded.sources.size(), dataset.sources.size()) << "only the sources cited";
    for (const Entity& entity : reloaded.entities) {
        const auto original = dataset.findEntity(entity.id);
        ASSERT_TRUE(original.has_value());
        EXPECT_TRUE(visible.entity[*original]) << entity.id;
    }
    ASSERT_FALSE(visible.entity[*dataset.findEntity("org:yale")]);
    EXPECT_FALSE(reloaded.findEntity("org:yale").has_value()) << "a university is hidden by the startup filter";
    ASSERT_TRUE(reloaded.call.has_value());
    EXPECT_TRUE(reloaded.call->launchedBy.empty()) << "the French State is hidden";
    // Only the axes the visible projects use are declared.
    std::vector<std::string> usedAxes;
    for (const Entity& entity : reloaded.entities) usedAxes.insert(usedAxes.end(), entity.axes.begin(), entity.axes.end());
    for (const Term& axis : reloaded.axes) {
        EXPECT_NE(std::find(usedAxes.begin(), usedAxes.end(), axis.id), usedAxes.end()) << axis.id;
    }
}

TEST(VisibleDatasetJson, DeclaresTheTermsThatAreNotBuiltIn) {
    const Dataset small = loadJson(readSourceFile("tests/fixtures/valid_small.json"));
    const std::string exported = visibleDatasetJson(small, everything(small));
    EXPECT_NE(exported.find("\"cooperative\""), std::string::npos);
    EXPECT_NE(exported.find("\"advises\""), std::string::npos);
    const Dataset reloaded = loadJson(exported);
    EXPECT_EQ(reloaded.types.size(), small.types.size());
    EXPECT_EQ(reloaded.roles.size(), small.roles.size());
    EXPECT_EQ(visibleDatasetJson(reloaded, everything(reloaded)), exported);
}

TEST(VisibleDatasetJson, AnImportedCsvNamesTheGapsToFillIn) {
    LoadResult imported = loadCsvDataset("source,target,role,source_url\nLightOn,Scribe,Mécène,https://example.org/a\n");
    ASSERT_TRUE(imported.dataset.has_value());
    const std::string exported = visibleDatasetJson(*imported.dataset, everything(*imported.dataset));
    const LoadResult reloaded = loadDataset(exported);
    ASSERT_FALSE(reloaded.problems.empty());
    std::vector<std::string> missing;
    for (const Problem& problem : reloaded.problems) {
        EXPECT_TRUE(problem.code == ProblemCode::MissingField || problem.code == ProblemCode::MissingOrganisationType)
            << describe(problem, Lang::En);
        missing.push_back(problem.pointer);
    }
    EXPECT_NE(std::find(missing.begin(), missing.end(), "/sources/0/date"), missing.end());
    EXPECT_NE(std::find(missing.begin(), missing.end(), "/entities/0/description"), missing.end());
    EXPECT_NE(exported.find("\"mecene\""), std::string::npos) << "the free role is declared";
}

// ------------------------------------------------------------------ SVG

std::vector<SvgNode> gridNodes(const Dataset& dataset, const VisibleSet& visible) {
    std::vector<SvgNode> nodes;
    for (std::size_t e = 0; e < dataset.entities.size(); ++e) {
        if (!visible.entity[e]) continue;
        nodes.push_back({e, static_cast<float>(e % 9) * 80.0f - 300.0f, static_cast<float>(e / 9) * 70.0f - 200.0f,
                         dataset.entities[e].kind == EntityKind::Project ? 14.0f : 8.0f});
    }
    return nodes;
}

std::size_t drawnRelations(const Dataset& dataset, const VisibleSet& visible, const std::vector<SvgNode>& nodes) {
    std::vector<bool> drawn(dataset.entities.size(), false);
    for (const SvgNode& node : nodes) drawn[node.entity] = true;
    std::size_t count = 0;
    for (std::size_t r = 0; r < dataset.relations.size(); ++r) {
        const Relation& relation = dataset.relations[r];
        if (visible.relation[r] && drawn[relation.source] && drawn[relation.target]) ++count;
    }
    return count;
}

TEST(NetworkSvg, DrawsTheShippedDatasetAsWellFormedSvg) {
    const Dataset dataset = laureates();
    const VisibleSet visible = everything(dataset);
    const std::vector<SvgNode> nodes = gridNodes(dataset, visible);
    SvgOptions options;
    options.title = "Qui est derrière les lauréats ?";
    options.sourceLine = "Source : Silicon.fr, juin 2024 ; sources complémentaires";
    options.permalink = "https://example.org/explorer.html#v=1&sel=org:inria";
    const std::string svg = networkSvg(dataset, visible, nodes, Lang::Fr, options);

    XmlChecker checker(svg);
    ASSERT_EQ(checker.check(), "") << svg.substr(0, 2000);
    EXPECT_EQ(svg.find("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""), 0U);
    EXPECT_NE(svg.find("viewBox=\"0 0 "), std::string::npos);
    EXPECT_NE(svg.find("width=\"960.0\""), std::string::npos);
    EXPECT_EQ(occurrences(svg, "class=\"node "), nodes.size());
    EXPECT_EQ(occurrences(svg, "class=\"node project\""), dataset.count(EntityKind::Project));
    EXPECT_EQ(occurrences(svg, "class=\"node organisation\""), dataset.count(EntityKind::Organisation));
    EXPECT_EQ(checker.elements("rect"), 1U + 1U + dataset.count(EntityKind::Project)) << "background, legend, projects";
    EXPECT_EQ(checker.elements("circle"), 1U + dataset.count(EntityKind::Organisation));
    EXPECT_EQ(checker.elements("line"), drawnRelations(dataset, visible, nodes));
    EXPECT_EQ(occurrences(svg, "class=\"edge\""), dataset.relations.size());
    EXPECT_EQ(occurrences(svg, "stroke-width=\"2.6\""), static_cast<std::size_t>(std::count_if(
        dataset.relations.begin(), dataset.relations.end(), [](const Relation& r) { return r.role == "lead"; })));
    // Light palette, French legend, footer.
    EXPECT_NE(svg.find("fill=\"#FFFFFF\""), std::string::npos);
    EXPECT_NE(svg.find("fill=\"#0B5CAD\""), std::string::npos);
    EXPECT_NE(svg.find(">Modèle</text>"), std::string::npos);
    EXPECT_NE(svg.find("#v=1&amp;sel=org:inria</text>"), std::string::npos);
    EXPECT_NE(svg.find(">Qui est derrière les lauréats ?</text>"), std::string::npos);
}

TEST(NetworkSvg, EscapesHostileTextAndReferencesNothingOutside) {
    const Dataset dataset = hostileDataset();
    const VisibleSet visible = everything(dataset);
    const std::vector<SvgNode> nodes = gridNodes(dataset, visible);
    SvgOptions options;
    options.title = "</title><script>alert('x')</script>";
    options.sourceLine = "Source: \"A\" & <B>";
    options.permalink = "https://example.org/#a=1&b=<2>";
    options.dark = true;
    const std::string svg = networkSvg(dataset, visible, nodes, Lang::En, options);

    XmlChecker checker(svg);
    ASSERT_EQ(checker.check(), "") << svg;
    EXPECT_EQ(checker.elements("script"), 0U);
    EXPECT_EQ(svg.find("<script"), std::string::npos);
    EXPECT_EQ(svg.find("href"), std::string::npos);
    EXPECT_EQ(svg.find("<style"), std::string::npos);
    EXPECT_EQ(svg.find("url("), std::string::npos);
    EXPECT_NE(svg.find("A&amp;B &lt;script&gt;&quot;x&quot;&lt;/script&gt;"), std::string::npos);
    EXPECT_NE(svg.find("&lt;/title&gt;&lt;script&gt;alert(&apos;x&apos;)"), std::string::npos);
    EXPECT_EQ(svg.find('\x01'), std::string::npos) << "control characters are not XML";
    // Every kind has its shape, in the dark palette.
    EXPECT_EQ(checker.elements("rect"), 1U + 1U + 1U);
    EXPECT_EQ(checker.elements("circle"), 1U + 2U);
    EXPECT_EQ(checker.elements("path"), 2U + 2U) << "diamond and hexagon, in the legend and the network";
    EXPECT_EQ(checker.elements("line"), 4U);
    EXPECT_EQ(occurrences(svg, "stroke-dasharray=\"6 4\""), 1U) << "supporter";
    EXPECT_EQ(occurrences(svg, "stroke-dasharray=\"1.5 3\""), 1U) << "based_on";
    EXPECT_NE(svg.find("fill=\"#16181C\""), std::string::npos);
    EXPECT_NE(svg.find("fill=\"#ECEEF1\""), std::string::npos);
    EXPECT_NE(svg.find("fill=\"#C39BE0\""), std::string::npos);
    EXPECT_EQ(svg.find("#FFFFFF"), std::string::npos) << "no light colour in the dark picture";
}

TEST(NetworkSvg, SkipsHiddenUnknownRepeatedAndNonFiniteNodes) {
    const Dataset dataset = hostileDataset();
    VisibleSet visible = everything(dataset);
    visible.entity[*dataset.findEntity("model:m")] = false;
    visible.relation[2] = false; // model:m based_on initiative:i
    const float nan = std::numeric_limits<float>::quiet_NaN();
    const std::vector<SvgNode> nodes = {
        {*dataset.findEntity("org:a"), 0.0f, 0.0f, 10.0f},
        {*dataset.findEntity("org:a"), 50.0f, 50.0f, 10.0f},      // given twice
        {*dataset.findEntity("model:m"), 10.0f, 10.0f, 10.0f},    // hidden
        {dataset.entities.size() + 3, 10.0f, 10.0f, 10.0f},        // no such entity
        {*dataset.findEntity("org:f"), nan, 0.0f, 10.0f},          // not placed
        {*dataset.findEntity("project:p"), 120.0f, -40.0f, nan},   // no radius: still drawn
    };
    const std::string svg = networkSvg(dataset, visible, nodes, Lang::En, SvgOptions{});
    XmlChecker checker(svg);
    ASSERT_EQ(checker.check(), "") << svg;
    EXPECT_EQ(occurrences(svg, "class=\"node "), 2U);
    EXPECT_EQ(checker.elements("line"), 1U) << "A&B lead P; F is not drawn";
    EXPECT_EQ(svg.find("nan"), std::string::npos);
    EXPECT_EQ(checker.elements("path"), 0U) << "no model or initiative drawn, none in the legend";
    EXPECT_EQ(svg.find("<title>"), svg.find("<title>A&amp;B")) << "no document title when none is given";
}

TEST(NetworkSvg, AnEmptyPictureIsStillADocument) {
    const Dataset dataset = laureates();
    const std::string svg = networkSvg(dataset, everything(dataset), {}, Lang::En, SvgOptions{"Title", "", "", false, 10});
    EXPECT_EQ(XmlChecker(svg).check(), "");
    EXPECT_NE(svg.find("width=\"240.0\""), std::string::npos) << "the width is clamped";
    EXPECT_EQ(occurrences(svg, "class=\"node "), 0U);
}

} // namespace
} // namespace explorer

namespace {

// A picture of the data is signed with the article first, then the other sources.
TEST(DataExport, AttributionLineNamesTheArticleThenTheOtherSources) {
    using namespace explorer;
    Dataset dataset;
    dataset.sources.push_back(Source{"a", "Silicon.fr", "", "2024-06", "https://example.org/a", "article"});
    EXPECT_EQ(attributionLine(dataset, Lang::En), "Source: Silicon.fr (June 2024)");
    dataset.sources.push_back(Source{"b", "INA", "", "2024-05", "https://example.org/b", "external"});
    EXPECT_EQ(attributionLine(dataset, Lang::Fr),
              "Source : Silicon.fr (juin 2024) et sources publiques citées dans l’explorateur");
    dataset.sources.erase(dataset.sources.begin());
    EXPECT_EQ(attributionLine(dataset, Lang::En), "Source: see the sources cited");
}

} // namespace
