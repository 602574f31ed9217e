// libFuzzer target: the exports (src/core/data_export.hpp). The input is a dataset, JSON or CSV
// (looksLikeJson decides, as when a reader drops a file); when it loads, every export is made of
// three views of it (everything, nothing, and a part chosen from the input's bytes):
//  - the JSON export of a dataset loadDataset produced loads again without any problem, with the
//    entities and relations shown, and exporting what it loaded gives the same text;
//  - the JSON export of a dataset loadCsvDataset produced loads again, or names only the gaps the
//    CSV format cannot fill (MissingField, MissingOrganisationType), as data_export.hpp says;
//  - the CSV exports, the attribution line and the SVG picture are made without a crash.
// Seeds in corpus/data_export.
#include "fuzz_support.hpp"

#include "core/csv_import.hpp"
#include "core/data_export.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace explorer;
using explorer::fuzz::require;

std::size_t countShown(const std::vector<bool>& flags) {
    std::size_t count = 0;
    for (const bool flag : flags) count += flag ? 1 : 0;
    return count;
}

void checkExports(const Dataset& dataset, const VisibleSet& visible, bool fromCsv) {
    for (const Lang lang : {Lang::Fr, Lang::En}) {
        (void)relationsCsv(dataset, visible, lang);
        (void)entitiesCsv(dataset, visible, lang);
        (void)attributionLine(dataset, lang);
    }
    std::vector<SvgNode> nodes;
    for (std::size_t e = 0; e < dataset.entities.size(); ++e) {
        nodes.push_back({e, static_cast<float>(e % 7) * 50.0f, static_cast<float>(e / 7) * 40.0f, 6.0f});
    }
    (void)networkSvg(dataset, visible, nodes, Lang::Fr, SvgOptions{"t", "s", "p", false, 960});

    const std::string exported = visibleDatasetJson(dataset, visible);
    const LoadResult reloaded = loadDataset(exported);
    if (fromCsv) {
        for (const Problem& problem : reloaded.problems) {
            require(problem.code == ProblemCode::MissingField || problem.code == ProblemCode::MissingOrganisationType ||
                    problem.code == ProblemCode::TooManyProblems);
        }
        return;
    }
    require(reloaded.problems.empty());
    require(reloaded.dataset.has_value());
    std::size_t relationsShown = 0;
    for (std::size_t r = 0; r < dataset.relations.size(); ++r) {
        const Relation& relation = dataset.relations[r];
        if (r < visible.relation.size() && visible.relation[r] && visible.entity[relation.source] &&
            visible.entity[relation.target]) {
            ++relationsShown;
        }
    }
    require(reloaded.dataset->entities.size() == countShown(visible.entity));
    require(reloaded.dataset->relations.size() == relationsShown);
    const Dataset& again = *reloaded.dataset;
    const VisibleSet all{std::vector<bool>(again.entities.size(), true), std::vector<bool>(again.relations.size(), true)};
    require(visibleDatasetJson(again, all) == exported);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const bool fromCsv = !looksLikeJson(text);
    const LoadResult loaded = fromCsv ? loadCsvDataset(text) : loadDataset(text);
    explorer::fuzz::checkLoadResult(loaded);
    if (!loaded.dataset) return 0;
    const Dataset& dataset = *loaded.dataset;
    const std::size_t entities = dataset.entities.size();
    const std::size_t relations = dataset.relations.size();

    checkExports(dataset, VisibleSet{std::vector<bool>(entities, true), std::vector<bool>(relations, true)}, fromCsv);
    checkExports(dataset, VisibleSet{std::vector<bool>(entities, false), std::vector<bool>(relations, false)}, fromCsv);
    // A part of it: the bits of a hash of the input say what is shown.
    std::uint64_t bits = 1469598103934665603ULL;
    for (const char c : text) bits = (bits ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    VisibleSet part{std::vector<bool>(entities), std::vector<bool>(relations)};
    for (std::size_t e = 0; e < entities; ++e) part.entity[e] = ((bits >> (e % 61)) & 1U) != 0;
    for (std::size_t r = 0; r < relations; ++r) part.relation[r] = ((bits >> ((r + 17) % 59)) & 1U) != 0;
    checkExports(dataset, part, fromCsv);
    return 0;
}
