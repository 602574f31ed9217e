// Synthetic consortia: datasets in the communs-explorer/1 format (data/README.md) of any size,
// shaped like a real research programme, for benchmarks and tests (`explorer-data synth`,
// tools/layout_bench.cpp, tests/core/synthetic_dataset_test.cpp). Pure C++, no I/O.
//
// Shape (for P projects and M organisations):
//  - Participation follows a power law: an organisation takes part in k projects with
//    P(k >= x) = x^-1.5 (a discrete Pareto tail, exponent 2.5, as in EU framework programmes),
//    capped at max(1, P / 4). About two thirds of organisations are in one project, the busiest
//    1 % in 15 or more (when P allows it). Projects draw their members with weights 1 to 8, so their
//    sizes vary too; every project has at least two participants (when M >= 2).
//  - Roles: one `lead` per project (most often its busiest participant), then `partner`,
//    `public_partner` / `private_partner` (by the organisation's sector), `joint_research_team`,
//    `supporter`, `scientific_council`, `beneficiary`, `founding_member`; organisations of type
//    `investor` hold `investor` (a connection, not a membership).
//  - Organisation types: all built-in types; the busiest organisations are mostly public research
//    bodies and universities, the others mostly companies and start-ups. Most research teams are a
//    `team_of` a public research body or a university, so some memberships go through units.
//  - Models (P / 10) and initiatives (P / 20): models are developed (`develops`) by one or two
//    organisations (chosen in proportion to their participation), some by a project; some are
//    `based_on` or `part_of` an earlier model, some `trained_on` an initiative; initiatives are a
//    `programme_of` an organisation; about a quarter of the projects `builds_on` a model or an
//    initiative, so there are connections as well as memberships.
//  - Sources: one article (the call's announcement), one page per project, model and initiative,
//    and press articles; every entity and every relation cites at least one. Dates, URLs
//    (https://example.org/…), descriptions in French and English: everything the format requires.
//
// Determinism: the result depends only on the options, bit for bit, on every platform (native and
// wasm): the randomness is a seeded splitmix64 and the only floating-point operations are + - * /
// and sqrt, which IEEE 754 rounds the same way everywhere. Different seeds give different datasets.
//
// Size (measured, syntheticOptionsForEntities): about 2.35 relations and 0.15 sources per entity;
// the JSON text (syntheticDatasetJson) about 810 bytes per entity: 1,000 entities 0.75 MB,
// 10,000 8.0 MB (23,534 relations), 100,000 81 MB (236,815 relations), 200,000 163 MB (469,816
// relations). The CSV (syntheticDatasetCsv) about 102 bytes per relation: 200,000 entities 48 MB;
// with participationPercent 222, 199,936 entities (those in no relation are not in a CSV) and
// 953,887 relations in 98 MB. Within the loader's limits (dataset_loader.hpp: 128 MiB, 200,000
// entities, 1,000,000 relations) the JSON loads up to about 150,000 entities, the CSV at 200,000.
#pragma once

#include "core/model.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

namespace explorer {

struct SynthOptions {
    std::size_t projects = 10;      // at least 1
    std::size_t organisations = 90; // at least 1
    std::uint64_t seed = 1;
    // Each organisation takes part in this percentage of the projects the power law gives it
    // (rounded, at least one, at most all): 100 is the shape above (about 2.35 relations per
    // entity); 230 gives about 5, the density of the loader's limits (200,000 entities and
    // 1,000,000 relations). Below 100 counts as 100.
    std::size_t participationPercent = 100;
};

// Models and initiatives that come with `projects` projects (P / 10 and P / 20).
std::size_t syntheticModelCount(std::size_t projects);
std::size_t syntheticInitiativeCount(std::size_t projects);

// Options for a dataset of exactly `entities` entities (at least 4): one project for every 8
// entities, models and initiatives as above, organisations for the rest. 1,000 → 125 projects,
// 12 models, 6 initiatives, 857 organisations.
SynthOptions syntheticOptionsForEntities(std::size_t entities, std::uint64_t seed);

// The dataset, indexed (Dataset::buildIndex done), with the built-in types and roles as the loader
// gives them and the axes and sectors it declares. Cost: linear in its size. Options below 1 count
// as 1.
Dataset syntheticDataset(const SynthOptions& options);

// The same dataset as a communs-explorer/1 document (data_export.hpp's visibleDatasetJson of all
// of it): loadDataset reads it back without any problem while it is within the loader's limits.
std::string syntheticDatasetJson(const SynthOptions& options);

// The same dataset as a CSV list of links (csv_import.hpp), the compact form: one line per
// relation, `source,target,role,source_type,target_type,source_url`, names as written, the
// role's id, each end's kind (`project`, `model`, `initiative`) or organisation type id, and the
// URL of the relation's first source. loadCsvDataset reads it back with the same entities (by
// name and kind) and relations while within the loader's limits; what a CSV cannot carry
// (descriptions, dates, facts, aliases) is lost. Cost: linear in its size.
std::string syntheticDatasetCsv(const SynthOptions& options);

} // namespace explorer
