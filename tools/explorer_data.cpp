// explorer-data: checks and summarises datasets in the communs-explorer/1 format, for the
// newsroom's CI and for people editing data/laureates.json by hand. Run with --help.
#include "core/csv_import.hpp"
#include "core/data_export.hpp"
#include "core/dataset_loader.hpp"
#include "core/filters.hpp"
#include "core/json_writer.hpp"
#include "core/model.hpp"
#include "core/network_layout.hpp"
#include "core/semantic_tree.hpp"
#include "core/static_page.hpp"
#include "core/synthetic_dataset.hpp"
#include "core/text_collation.hpp"
#include "core/view_state_codec.hpp"
#include "core/vocabulary.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace {

using explorer::Dataset;
using explorer::Lang;

constexpr int kExitOk = 0;
constexpr int kExitProblems = 1;
constexpr int kExitUsage = 2;
// synth: at most this many projects or organisations (about 1 GB of JSON).
constexpr std::uint64_t kMaxSynthCount = 1'000'000;

constexpr std::string_view kUsage = R"USAGE(Usage: explorer-data COMMAND [OPTIONS] FILE...

Checks and summarises datasets in the communs-explorer/1 format (see data/README.md).
A FILE ending in .csv is read as a CSV list of links (source,target,role[,source_type,
target_type,source_url]; see src/core/csv_import.hpp), every other FILE as JSON.

Commands:
  validate FILE...  Check every rule of the format. Prints "FILE: valid (N entities,
                    M relations, S sources)" for a valid file, else one line per problem:
                    FILE:LINE:COLUMN: POINTER: message
  links FILE        List the relations, one per line: source, role, target, sources.
                    With --csv: source_id,source_name,target_id,target_name,role,sources
                    (RFC 4180 quoting, UTF-8, source ids joined with ';'; a field
                    starting with = + - @ gets a leading ' so that no spreadsheet runs
                    it as a formula, as in the widget's CSV download).
  convert FILE      Write FILE (usually a .csv) as a dataset in the JSON format, on
                    standard output: a starting point to complete, since the JSON format
                    requires descriptions, source dates and URLs that a CSV does not give.
  stats FILE        Count entities by kind, organisations by type, relations by role and
                    sources by layer; list the organisations in two or more projects
                    (directly, through their teams and programmes, or through what a
                    project is built on: see data/README.md).
  svg FILE          Write the network as an SVG picture on standard output: the same
                    picture, byte for byte, as the widget's "SVG of the network" for the
                    view state given by --state (default: everything, in --lang).
  tree FILE         Write what a screen reader can reach in the widget for the view
                    state given by --state (default: the network, in --lang): the
                    semantic tree the page mirrors as HTML (src/core/semantic_tree.hpp),
                    as JSON, the same as the widget's but for the places on screen.
  html FILE         Write the explorer as plain HTML on standard output: the fragment a
                    page shows without JavaScript or WebGL 2 (projects and members by
                    role, organisations in several projects, connections, numbered
                    sources). French open and English folded, or only --lang.
  layout FILE       Write FILE as a dataset in the JSON format on standard output, each
                    entity with its "position": [x, y], where the widget's network
                    draws it once still (the same force layout, run to the end here);
                    the widget then opens the network laid out. Positions FILE
                    already has for every entity are kept as they are; some only are
                    starting points. The same FILE gives the same bytes. The time
                    the layout took goes to standard error.
  synth             Write a synthetic dataset in the JSON format on standard output,
                    for benchmarks: --projects N projects, --orgs M organisations,
                    N / 10 models and N / 20 initiatives, shaped like a research
                    programme (a few organisations in many projects, most in one;
                    every built-in role and organisation type; every relation cites
                    its sources; see src/core/synthetic_dataset.hpp). The same
                    options give the same bytes. It passes validate while within the
                    loader's limits (data/README.md). Takes no FILE. With --format csv,
                    the same relations as a CSV list of links (the compact form).

Options:
  --json            Machine-readable output (validate, stats).
  --csv             CSV output (links).
  --lang fr|en      Language of messages and labels (default: en); for svg, the
                    language of the picture unless --state says another.
  --state HASH      svg, tree: a view state in the URL fragment grammar of the widget
                    (src/core/view_state_codec.hpp), e.g. 'multi=1&lang=fr&theme=dark':
                    its filters, language and theme apply (auto means light). Parts
                    that do not apply are named on standard error and skipped.
  --projects N      synth: number of projects (default: 10).
  --orgs M          synth: number of organisations (default: 90).
  --seed S          synth: seed of the random draws, 0 to 2^64-1 (default: 1).
  --participation P synth: each organisation in P % of the projects the shape gives
                    it, 100 to 10000 (default: 100, about 2.35 relations per entity;
                    230 gives about 5: 200,000 entities and about 1,000,000 relations).
  --format json|csv synth: JSON dataset (default) or CSV list of links.
  -h, --help        Show this help.

Columns count characters (Unicode code points), not bytes; lines and columns start at 1.

Exit status:
  0  success; for validate, every file is valid
  1  a file has problems (listed on standard output by validate, on standard error by
     links and stats)
  2  usage error, or a file that cannot be read (message on standard error)
)USAGE";

struct Options {
    std::string command;
    std::vector<std::string> files;
    bool json = false;
    bool csv = false;
    Lang lang = Lang::En;
    bool langGiven = false; // html: one language instead of both
    std::optional<std::string> state; // --state HASH (svg)
    explorer::SynthOptions synth;     // --projects, --orgs, --seed (synth)
    bool synthGiven = false;          // one of them was given
    bool synthCsv = false;            // --format csv (synth)
};

int usageError(std::string_view message) {
    std::cerr << "explorer-data: " << message << "\nTry 'explorer-data --help'.\n";
    return kExitUsage;
}

// Parses the command line; on failure returns the exit code to stop with.
std::optional<int> parseArguments(std::span<char*> args, Options& options) {
    bool onlyFiles = false;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string_view arg = args[i];
        if (onlyFiles || arg == "-" || arg.empty() || arg.front() != '-') {
            if (options.command.empty()) {
                options.command = arg;
            } else {
                options.files.emplace_back(arg);
            }
        } else if (arg == "--") {
            onlyFiles = true;
        } else if (arg == "-h" || arg == "--help") {
            std::cout << kUsage;
            return kExitOk;
        } else if (arg == "--json") {
            options.json = true;
        } else if (arg == "--csv") {
            options.csv = true;
        } else if (arg == "--state" || arg.substr(0, 8) == "--state=") {
            if (arg == "--state") {
                if (i + 1 >= args.size()) return usageError("--state needs a value, such as 'multi=1&lang=fr'");
                options.state = std::string(args[++i]);
            } else {
                options.state = std::string(arg.substr(8));
            }
        } else if (arg == "--format") {
            if (i + 1 >= args.size()) return usageError("--format needs a value: json or csv");
            const std::string_view value = args[++i];
            if (value != "json" && value != "csv") return usageError("--format takes json or csv, not '" + std::string(value) + "'");
            options.synthCsv = value == "csv";
            options.synthGiven = true;
        } else if (arg == "--projects" || arg == "--orgs" || arg == "--seed" || arg == "--participation") {
            if (i + 1 >= args.size()) return usageError(std::string(arg) + " needs a number");
            const std::string_view value = args[++i];
            std::uint64_t number = 0;
            const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
            const std::uint64_t largest = arg == "--seed" ? UINT64_MAX : arg == "--participation" ? 10'000 : kMaxSynthCount;
            const std::uint64_t smallest = arg == "--seed" ? 0 : arg == "--participation" ? 100 : 1;
            if (error != std::errc{} || end != value.data() + value.size() || number < smallest || number > largest) {
                return usageError(std::string(arg) + " takes a whole number from " + std::to_string(smallest) + " to " +
                                  std::to_string(largest) + ", not '" + std::string(value) + "'");
            }
            if (arg == "--projects") options.synth.projects = static_cast<std::size_t>(number);
            if (arg == "--orgs") options.synth.organisations = static_cast<std::size_t>(number);
            if (arg == "--seed") options.synth.seed = number;
            if (arg == "--participation") options.synth.participationPercent = static_cast<std::size_t>(number);
            options.synthGiven = true;
        } else if (arg == "--lang" || arg.substr(0, 7) == "--lang=") {
            std::string_view value;
            if (arg == "--lang") {
                if (i + 1 >= args.size()) return usageError("--lang needs a value: fr or en");
                value = args[++i];
            } else {
                value = arg.substr(7);
            }
            options.langGiven = true;
            if (value == "fr") {
                options.lang = Lang::Fr;
            } else if (value == "en") {
                options.lang = Lang::En;
            } else {
                return usageError("--lang takes fr or en, not '" + std::string(value) + "'");
            }
        } else {
            return usageError("unknown option '" + std::string(arg) + "'");
        }
    }
    if (options.command.empty()) return usageError("a command is needed: validate, links or stats");
    if (options.command == "help") {
        std::cout << kUsage;
        return kExitOk;
    }
    if (options.command != "validate" && options.command != "links" && options.command != "stats" &&
        options.command != "convert" && options.command != "svg" && options.command != "html" &&
        options.command != "tree" && options.command != "synth" && options.command != "layout") {
        return usageError("unknown command '" + options.command + "'");
    }
    if (options.synthGiven && options.command != "synth") {
        return usageError("--projects, --orgs, --seed, --participation and --format apply to synth only");
    }
    if (options.command == "synth") {
        if (!options.files.empty()) return usageError("synth takes no FILE: it writes on standard output");
        if (options.json || options.csv || options.state || options.langGiven) {
            return usageError("synth takes --projects, --orgs, --seed, --participation and --format only");
        }
        return std::nullopt;
    }
    if (options.files.empty()) return usageError(options.command + " needs a FILE");
    if (options.command != "validate" && options.files.size() > 1) {
        return usageError(options.command + " takes one FILE");
    }
    if (options.csv && options.command != "links") return usageError("--csv applies to links only");
    if (options.json && options.command == "links") return usageError("links writes text or --csv, not --json");
    if (options.json && options.command == "svg") return usageError("svg writes SVG, not --json");
    if (options.json && options.command == "html") return usageError("html writes HTML, not --json");
    if (options.json && options.command == "layout") return usageError("layout writes a JSON dataset: no --json needed");
    if (options.state && options.command != "svg" && options.command != "tree") {
        return usageError("--state applies to svg and tree only");
    }
    return std::nullopt;
}

// The file's bytes, or nullopt after telling why on standard error. Reads at most one byte
// past the loader's limit: the loader then refuses the file, and nothing reads gigabytes.
std::optional<std::string> readFile(const std::string& path) {
    std::error_code error;
    const auto status = std::filesystem::status(path, error);
    if (error || !std::filesystem::exists(status)) {
        std::cerr << "explorer-data: cannot read " << path << ": no such file\n";
        return std::nullopt;
    }
    if (!std::filesystem::is_regular_file(status)) {
        std::cerr << "explorer-data: cannot read " << path << ": not a regular file\n";
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::cerr << "explorer-data: cannot read " << path << ": permission denied or I/O error\n";
        return std::nullopt;
    }
    // Sized from the file when its size is known, so that a small file does not touch the whole
    // limit's worth of memory (peak RSS is a figure the README reports).
    std::size_t want = explorer::kMaxInputBytes + 1;
    if (const auto size = std::filesystem::file_size(path, error); !error) want = std::min<std::uintmax_t>(size + 1, want);
    std::string bytes(want, '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (in.bad()) {
        std::cerr << "explorer-data: cannot read " << path << ": I/O error\n";
        return std::nullopt;
    }
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    return bytes;
}

// Loads a file; the size in an InputTooLarge problem is the real file size, not what was read.
explorer::LoadResult loadFile(const std::string& path, const std::string& bytes) {
    const bool csv = path.size() >= 4 && (path.compare(path.size() - 4, 4, ".csv") == 0 ||
                                          path.compare(path.size() - 4, 4, ".CSV") == 0);
    explorer::LoadResult result = csv ? explorer::loadCsvDataset(bytes) : explorer::loadDataset(bytes);
    for (explorer::Problem& problem : result.problems) {
        if (problem.code != explorer::ProblemCode::InputTooLarge) continue;
        std::error_code error;
        const auto size = std::filesystem::file_size(path, error);
        if (!error) problem.detail = std::to_string(size);
    }
    return result;
}

std::string problemLine(const std::string& file, const explorer::Problem& problem, Lang lang) {
    const std::string message = explorer::problemMessage(problem, lang);
    if (problem.line == 0) return file + ": " + message;
    const std::string pointer = problem.pointer.empty() ? (lang == Lang::Fr ? "(racine)" : "(root)") : problem.pointer;
    return file + ":" + std::to_string(problem.line) + ":" + std::to_string(problem.column) + ": " + pointer + ": " +
           message;
}

void printProblems(std::ostream& out, const std::string& file, const explorer::LoadResult& result, Lang lang) {
    for (const explorer::Problem& problem : result.problems) out << problemLine(file, problem, lang) << '\n';
}

// ---- validate

int validate(const Options& options) {
    int exitCode = kExitOk;
    explorer::JsonWriter report(2);
    report.beginArray();
    for (const std::string& file : options.files) {
        const auto bytes = readFile(file);
        if (!bytes) {
            exitCode = kExitUsage;
            continue;
        }
        const explorer::LoadResult result = loadFile(file, *bytes);
        if (!result.dataset && exitCode == kExitOk) exitCode = kExitProblems;
        if (options.json) {
            report.beginObject();
            report.field("file", file);
            report.field("valid", result.dataset.has_value());
            if (result.dataset) {
                report.field("entities", result.dataset->entities.size());
                report.field("relations", result.dataset->relations.size());
                report.field("sources", result.dataset->sources.size());
            }
            report.key("problems").beginArray();
            for (const explorer::Problem& problem : result.problems) {
                report.beginObject();
                report.field("pointer", problem.pointer);
                report.field("line", problem.line);
                report.field("column", problem.column);
                report.field("code", explorer::toString(problem.code));
                report.field("message", explorer::problemMessage(problem, options.lang));
                report.endObject();
            }
            report.endArray().endObject();
        } else if (result.dataset) {
            const Dataset& dataset = *result.dataset;
            if (options.lang == Lang::Fr) {
                std::cout << file << " : valide (" << dataset.entities.size() << " entités, "
                          << dataset.relations.size() << " relations, " << dataset.sources.size() << " sources)\n";
            } else {
                std::cout << file << ": valid (" << dataset.entities.size() << " entities, "
                          << dataset.relations.size() << " relations, " << dataset.sources.size() << " sources)\n";
            }
        } else {
            printProblems(std::cout, file, result, options.lang);
        }
    }
    if (options.json) std::cout << report.endArray().text() << '\n';
    return exitCode;
}

// Loads the single FILE of links and stats; problems go to standard error.
std::optional<Dataset> loadForReport(const Options& options, int& exitCode) {
    const std::string& file = options.files.front();
    const auto bytes = readFile(file);
    if (!bytes) {
        exitCode = kExitUsage;
        return std::nullopt;
    }
    explorer::LoadResult result = loadFile(file, *bytes);
    if (!result.dataset) {
        printProblems(std::cerr, file, result, options.lang);
        exitCode = kExitProblems;
        return std::nullopt;
    }
    return std::move(result.dataset);
}

// ---- links

std::string joinedSourceIds(const Dataset& dataset, const std::vector<std::size_t>& sources, std::string_view separator) {
    std::string joined;
    for (const std::size_t source : sources) {
        if (!joined.empty()) joined += separator;
        joined += dataset.sources[source].id;
    }
    return joined;
}

int links(const Options& options) {
    int exitCode = kExitOk;
    const auto dataset = loadForReport(options, exitCode);
    if (!dataset) return exitCode;
    // The widget's CSV writer (data_export.hpp): RFC 4180 quoting, and a field that a spreadsheet
    // would run as a formula (= + - @ …) gets a leading apostrophe.
    std::string row;
    if (options.csv) {
        explorer::appendCsvRow(row, {"source_id", "source_name", "target_id", "target_name", "role", "sources"});
        std::cout << row;
    }
    for (const explorer::Relation& relation : dataset->relations) {
        const explorer::Entity& source = dataset->entities[relation.source];
        const explorer::Entity& target = dataset->entities[relation.target];
        if (options.csv) {
            row.clear();
            explorer::appendCsvRow(row, {source.id, source.name, target.id, target.name, relation.role,
                                         joinedSourceIds(*dataset, relation.sources, ";")});
            std::cout << row;
        } else {
            std::cout << source.name << " — " << explorer::roleReading(*dataset, relation.role, options.lang)
                      << " — " << target.name << "  [" << joinedSourceIds(*dataset, relation.sources, ", ") << "]\n";
        }
    }
    return kExitOk;
}

// ---- stats

struct Count {
    std::string id;
    std::size_t count = 0;
};

// Counts in descending order, ties by id, so the output is stable.
std::vector<Count> sortedCounts(const std::map<std::string, std::size_t>& counts) {
    std::vector<Count> sorted;
    for (const auto& [id, count] : counts) sorted.push_back({id, count});
    std::stable_sort(sorted.begin(), sorted.end(), [](const Count& a, const Count& b) { return a.count > b.count; });
    return sorted;
}

struct MultiProjectOrganisation {
    std::size_t entity = 0;
    std::vector<std::size_t> projects; // sorted by name
};

// The widget's own answer (explorer::organisationsInSeveralProjects: members only, same order).
std::vector<MultiProjectOrganisation> multiProjectOrganisations(const Dataset& dataset) {
    std::vector<MultiProjectOrganisation> found;
    for (const std::size_t organisation : explorer::organisationsInSeveralProjects(dataset)) {
        std::vector<std::size_t> projects = dataset.memberProjects(organisation);
        std::sort(projects.begin(), projects.end(), [&dataset](std::size_t a, std::size_t b) {
            return explorer::nameLess(dataset.entities[a].name, dataset.entities[b].name);
        });
        found.push_back({organisation, std::move(projects)});
    }
    return found;
}

struct ConnectedOrganisation {
    std::size_t entity = 0;
    std::vector<Dataset::Connection> connections; // by project index
};

// Organisations connected to projects they are not members of, in dataset order. One walk of the
// graph per organisation: O(organisations × (entities + relations)), the one cost of `stats` above
// linear, paid by the command line only (the widget asks for the selected entity's connections).
std::vector<ConnectedOrganisation> connectedOrganisations(const Dataset& dataset) {
    std::vector<ConnectedOrganisation> found;
    for (std::size_t i = 0; i < dataset.entities.size(); ++i) {
        if (dataset.entities[i].kind != explorer::EntityKind::Organisation) continue;
        std::vector<Dataset::Connection> connections = dataset.connectionsOf(i);
        if (!connections.empty()) found.push_back({i, std::move(connections)});
    }
    return found;
}

std::string termLabel(const Dataset& dataset, const std::vector<explorer::Term>& terms, const std::string& id, Lang lang) {
    const explorer::Term* term = dataset.findTerm(terms, id);
    return term != nullptr ? term->label.get(lang) : id;
}

void printCounts(const std::string& heading, const std::vector<Count>& counts,
                 const std::function<std::string(const std::string&)>& label) {
    std::cout << heading << '\n';
    for (const Count& count : counts) {
        std::string countText = std::to_string(count.count);
        countText.insert(0, countText.size() < 6 ? 6 - countText.size() : 0, ' ');
        const std::string shown = label(count.id);
        std::cout << countText << "  " << count.id << (shown != count.id ? "  (" + shown + ")" : "") << '\n';
    }
}

int stats(const Options& options) {
    int exitCode = kExitOk;
    const auto loaded = loadForReport(options, exitCode);
    if (!loaded) return exitCode;
    const Dataset& dataset = *loaded;
    const Lang lang = options.lang;
    const bool fr = lang == Lang::Fr;

    std::map<std::string, std::size_t> byKind;
    std::map<std::string, std::size_t> byType;
    std::map<std::string, std::size_t> byRole;
    std::map<std::string, std::size_t> byLayer;
    for (std::size_t kind = 0; kind < explorer::kEntityKindCount; ++kind) {
        const auto entityKind = static_cast<explorer::EntityKind>(kind);
        byKind[std::string(explorer::toString(entityKind))] = dataset.count(entityKind);
    }
    for (const explorer::Entity& entity : dataset.entities) {
        if (entity.kind == explorer::EntityKind::Organisation) ++byType[entity.type];
    }
    for (const explorer::Relation& relation : dataset.relations) ++byRole[relation.role];
    for (const explorer::Source& source : dataset.sources) ++byLayer[source.layer];
    const std::vector<MultiProjectOrganisation> multi = multiProjectOrganisations(dataset);
    const std::vector<ConnectedOrganisation> connected = connectedOrganisations(dataset);

    if (options.json) {
        explorer::JsonWriter report(2);
        const auto writeCounts = [&report](std::string_view key, const std::vector<Count>& counts) {
            report.key(key).beginObject();
            for (const Count& count : counts) report.field(count.id, count.count);
            report.endObject();
        };
        const auto writeNamed = [&](std::size_t entity) {
            report.field("id", dataset.entities[entity].id).field("name", dataset.entities[entity].name);
        };
        report.beginObject();
        report.field("file", options.files.front());
        report.field("entities", dataset.entities.size());
        report.field("relations", dataset.relations.size());
        report.field("sources", dataset.sources.size());
        report.key("entities_by_kind").beginObject();
        for (std::size_t kind = 0; kind < explorer::kEntityKindCount; ++kind) {
            const std::string name(explorer::toString(static_cast<explorer::EntityKind>(kind)));
            report.field(name, byKind[name]);
        }
        report.endObject();
        writeCounts("organisations_by_type", sortedCounts(byType));
        writeCounts("relations_by_role", sortedCounts(byRole));
        writeCounts("sources_by_layer", sortedCounts(byLayer));
        report.key("organisations_in_several_projects").beginArray();
        for (const MultiProjectOrganisation& item : multi) {
            report.beginObject();
            writeNamed(item.entity);
            report.key("projects").beginArray();
            for (const std::size_t project : item.projects) {
                report.beginObject();
                writeNamed(project);
                report.endObject();
            }
            report.endArray().endObject();
        }
        report.endArray();
        report.key("organisations_connected_to_projects").beginArray();
        for (const ConnectedOrganisation& item : connected) {
            report.beginObject();
            writeNamed(item.entity);
            report.key("projects").beginArray();
            for (const Dataset::Connection& connection : item.connections) {
                report.beginObject();
                writeNamed(connection.project);
                if (const auto via = explorer::connectionVia(dataset, item.entity, connection)) {
                    report.key("through").beginObject();
                    writeNamed(*via);
                    report.endObject();
                }
                report.key("chain").beginArray();
                for (const std::size_t r : connection.path) {
                    const explorer::Relation& relation = dataset.relations[r];
                    report.beginObject();
                    report.field("source", dataset.entities[relation.source].id);
                    report.field("role", relation.role);
                    report.field("target", dataset.entities[relation.target].id);
                    report.endObject();
                }
                report.endArray().endObject();
            }
            report.endArray().endObject();
        }
        report.endArray();
        report.endObject();
        std::cout << report.text() << '\n';
        return kExitOk;
    }

    std::cout << options.files.front() << '\n';
    std::vector<Count> kinds;
    for (std::size_t kind = 0; kind < explorer::kEntityKindCount; ++kind) {
        const std::string name(explorer::toString(static_cast<explorer::EntityKind>(kind)));
        kinds.push_back({name, byKind[name]});
    }
    const auto plain = [](const std::string& id) { return id; };
    printCounts((fr ? "Entités : " : "Entities: ") + std::to_string(dataset.entities.size()), kinds, plain);
    printCounts(fr ? "Organisations par type :" : "Organisations by type:", sortedCounts(byType),
                [&](const std::string& id) { return termLabel(dataset, dataset.types, id, lang); });
    printCounts((fr ? "Relations par rôle : " : "Relations by role: ") + std::to_string(dataset.relations.size()),
                sortedCounts(byRole), [&](const std::string& id) { return termLabel(dataset, dataset.roles, id, lang); });
    printCounts((fr ? "Sources par couche : " : "Sources by layer: ") + std::to_string(dataset.sources.size()),
                sortedCounts(byLayer), plain);
    std::cout << (fr ? "Organisations dans au moins deux projets : " : "Organisations in two or more projects: ")
              << multi.size() << '\n';
    for (const MultiProjectOrganisation& item : multi) {
        const explorer::Entity& organisation = dataset.entities[item.entity];
        std::cout << "  " << organisation.name << " (" << organisation.id << "), " << item.projects.size()
                  << (fr ? " projets : " : " projects: ");
        for (std::size_t i = 0; i < item.projects.size(); ++i) {
            std::cout << (i > 0 ? ", " : "") << dataset.entities[item.projects[i]].name;
        }
        std::cout << '\n';
    }
    std::cout << (fr ? "Organisations reliées à des projets sans en être membres : "
                     : "Organisations connected to projects they are not members of: ")
              << connected.size() << '\n';
    for (const ConnectedOrganisation& item : connected) {
        const explorer::Entity& organisation = dataset.entities[item.entity];
        for (const Dataset::Connection& connection : item.connections) {
            std::cout << "  " << organisation.name << " (" << organisation.id << ") → "
                      << dataset.entities[connection.project].name;
            if (const auto via = explorer::connectionVia(dataset, item.entity, connection)) {
                std::cout << (fr ? " par " : " through ") << dataset.entities[*via].name;
            }
            std::cout << ": " << explorer::connectionChain(dataset, connection, lang) << '\n';
        }
    }
    return kExitOk;
}

int convert(const Options& options) {
    int exitCode = kExitOk;
    const std::optional<Dataset> dataset = loadForReport(options, exitCode);
    if (!dataset) return exitCode;
    explorer::VisibleSet all;
    all.entity.assign(dataset->entities.size(), true);
    all.relation.assign(dataset->relations.size(), true);
    std::cout << explorer::visibleDatasetJson(*dataset, all) << '\n';
    return kExitOk;
}

// ---- svg

// What the widget's "SVG of the network" writes for that view state (networkSvgOptions: no
// permalink, the default width): filters, language and theme from the state; the selection, the
// camera and the view do not change the picture. Parts of the state that do not apply are named
// on standard error, as the widget shows them in a quiet notice, and the rest applies.
// The view state of --state over the defaults (--lang), for a dataset: parts that do not apply are
// named on standard error, as the widget shows them in a quiet notice, and the rest applies.
explorer::ViewState stateFromOption(const Options& options, const Dataset& dataset) {
    explorer::ViewState base;
    base.lang = options.lang;
    explorer::HashDecode decoded = explorer::fromHash(options.state.value_or(""), base);
    explorer::dropUnknownIds(decoded.state, dataset, decoded.notices);
    for (const explorer::HashNotice& notice : decoded.notices) {
        std::cerr << "explorer-data: --state: " << explorer::describe(notice, options.lang) << '\n';
    }
    return decoded.state;
}

int svg(const Options& options) {
    int exitCode = kExitOk;
    const std::optional<Dataset> dataset = loadForReport(options, exitCode);
    if (!dataset) return exitCode;
    const explorer::ViewState state = stateFromOption(options, *dataset);
    const explorer::VisibleSet visible = explorer::applyFilters(*dataset, state.filters);
    const bool dark = state.theme == explorer::Theme::Dark;
    std::cout << explorer::networkSvg(*dataset, visible, state.lang,
                                      explorer::networkSvgOptions(*dataset, state.lang, dark));
    return kExitOk;
}

// ---- tree

// The semantic tree of the widget for that view state (semantic_tree.hpp), as the page receives it
// but for the places on screen, which only a drawn frame knows. Auto theme reads as light.
int tree(const Options& options) {
    int exitCode = kExitOk;
    const std::optional<Dataset> dataset = loadForReport(options, exitCode);
    if (!dataset) return exitCode;
    const explorer::ViewState state = stateFromOption(options, *dataset);
    const explorer::VisibleSet visible = explorer::applyFilters(*dataset, state.filters);
    const explorer::SemanticNode root = explorer::buildSemanticTree(
        *dataset, state, visible, {}, explorer::SemanticContext{state.theme == explorer::Theme::Dark});
    std::cout << explorer::semanticTreeJson(root, state) << '\n';
    return kExitOk;
}

// ---- html

// The static fallback of the page (core/static_page.hpp): both languages unless --lang names one.
int html(const Options& options) {
    int exitCode = kExitOk;
    const std::optional<Dataset> dataset = loadForReport(options, exitCode);
    if (!dataset) return exitCode;
    explorer::StaticPageOptions page;
    if (options.langGiven) page.languages = {options.lang};
    std::cout << explorer::staticPageHtml(*dataset, page);
    return kExitOk;
}

// ---- synth

// A synthetic consortium (core/synthetic_dataset.hpp), as JSON or CSV on standard output.
int synth(const Options& options) {
    std::cout << (options.synthCsv ? explorer::syntheticDatasetCsv(options.synth)
                                   : explorer::syntheticDatasetJson(options.synth)); // ends with a line break
    return std::cout.good() ? kExitOk : kExitUsage;
}

// ---- layout

int layout(const Options& options) {
    int exitCode = kExitOk;
    std::optional<Dataset> dataset = loadForReport(options, exitCode);
    if (!dataset) return exitCode;
    explorer::VisibleSet all;
    all.entity.assign(dataset->entities.size(), true);
    all.relation.assign(dataset->relations.size(), true);

    const auto start = std::chrono::steady_clock::now();
    const explorer::NetworkLayout settled = explorer::settledNetworkLayout(*dataset, all);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    // Every entity is shown, so there is one node per entity; the JSON writer (data_export.hpp)
    // writes each position as the shortest decimal that reads back as the same float.
    for (const explorer::NetworkNode& node : settled.nodes()) {
        dataset->entities[node.entity].position = std::array<float, 2>{node.at.x, node.at.y};
    }
    std::cout << explorer::visibleDatasetJson(*dataset, all);
    std::cerr << "explorer-data: layout: " << dataset->entities.size() << " entities, " << dataset->relations.size()
              << " relations laid out in " << std::to_string(seconds) << " s\n";
    return std::cout.good() ? kExitOk : kExitUsage;
}

} // namespace

int main(int argc, char** argv) {
    Options options;
    if (const auto stop = parseArguments(std::span<char*>(argv, static_cast<std::size_t>(argc)), options)) {
        return *stop;
    }
    if (options.command == "validate") return validate(options);
    if (options.command == "links") return links(options);
    if (options.command == "convert") return convert(options);
    if (options.command == "svg") return svg(options);
    if (options.command == "html") return html(options);
    if (options.command == "tree") return tree(options);
    if (options.command == "synth") return synth(options);
    if (options.command == "layout") return layout(options);
    return stats(options);
}
