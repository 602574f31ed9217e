#include "ui/matrix_model.hpp"

#include "core/sorting.hpp"
#include "core/text_collation.hpp"
#include "core/text_fold.hpp"
#include "core/vocabulary.hpp"
#include "ui/entity_labels.hpp"
#include "ui/strings.hpp"

#include <algorithm>
#include <compare>
#include <functional>
#include <numeric>
#include <tuple>
#include <unordered_set>
#include <utility>

namespace explorer::ui {
namespace {

// libc++ 14 (the wasm build) has no operator<=> for std::string and std::vector: compare with <.
template <class T>
std::strong_ordering threeWay(const T& a, const T& b) {
    if (a < b) return std::strong_ordering::less;
    if (b < a) return std::strong_ordering::greater;
    return std::strong_ordering::equal;
}

bool isProject(const Dataset& dataset, std::size_t entity) {
    return dataset.entities[entity].kind == EntityKind::Project;
}

// A visible project an entity is a foundation of, and how many steps from the project the walk
// below first reached it (1 for what the project itself is part of, builds on or develops).
struct FoundationOf {
    std::size_t project;
    std::size_t depth;
};

// For every entity, the visible projects it is a foundation of, in increasing order. A project's
// foundations are what it is `part_of`, `builds_on` or `develops`, then whatever these extend to
// (extendsFoundation), and the variants (`part_of`) of a model among them; the walk covers the
// whole dataset, whatever the filters hide, as Dataset::participation does.
std::vector<std::vector<FoundationOf>> foundationsByEntity(const Dataset& dataset, const VisibleSet& visible) {
    const std::size_t n = dataset.entities.size();
    std::vector<std::vector<FoundationOf>> projectsOf(n);
    // seenFor[e] == project + 1 once e is a foundation of `project`: one array for every walk.
    std::vector<std::size_t> seenFor(n, 0);
    std::vector<std::size_t> foundations;
    for (std::size_t project = 0; project < n; ++project) {
        if (!visible.entity[project] || !isProject(dataset, project)) continue;
        foundations.clear();
        const auto add = [&](std::size_t entity, std::size_t depth) {
            if (seenFor[entity] == project + 1 || isProject(dataset, entity)) return;
            seenFor[entity] = project + 1;
            foundations.push_back(entity);
            projectsOf[entity].push_back({project, depth});
        };
        const auto valid = [&](const Relation& r) { return r.source < n && r.target < n && r.source != r.target; };
        for (std::size_t r : dataset.relationsOf(project)) {
            const Relation& relation = dataset.relations[r];
            if (valid(relation) && relation.source == project && dataset.traitsOf(r).projectFoundation) {
                add(relation.target, 1);
            }
        }
        for (std::size_t i = 0; i < foundations.size(); ++i) {
            const std::size_t base = foundations[i];
            const std::size_t depth = projectsOf[base].back().depth + 1;
            for (std::size_t r : dataset.relationsOf(base)) {
                const Relation& relation = dataset.relations[r];
                if (!valid(relation)) continue;
                if (relation.source == base && dataset.traitsOf(r).extendsFoundation) {
                    add(relation.target, depth);
                } else if (relation.target == base && dataset.traitsOf(r).part &&
                           dataset.entities[base].kind == EntityKind::Model) {
                    add(relation.source, depth);
                }
            }
        }
    }
    return projectsOf;
}

// How `relation`, held by `holder`, ties the holder to a foundation at its other end.
enum class Tie {
    None,
    Contributes, // the holder helps make the foundation: it takes part in whatever is built on it
    Extends,     // the walk went from the foundation to the holder (the foundation develops, is
                 // based on… the holder, or the holder is a variant of a foundation model): the
                 // holder is a foundation one step further from the project
};

Tie tieToFoundation(const Dataset& dataset, std::size_t r, std::size_t holder, std::size_t foundation) {
    const Relation& relation = dataset.relations[r];
    const RoleTraits& traits = dataset.traitsOf(r);
    if (relation.source == holder) {
        if (traits.contributes) return Tie::Contributes;
        if (traits.part && dataset.entities[foundation].kind == EntityKind::Model) return Tie::Extends;
        return Tie::None;
    }
    return traits.extendsFoundation ? Tie::Extends : Tie::None;
}

// How far from `project` the walk first reached `entity` as a foundation, if it did.
std::optional<std::size_t> foundationDepth(const std::vector<FoundationOf>& foundationOf, std::size_t project) {
    for (const FoundationOf& entry : foundationOf) {
        if (entry.project == project) return entry.depth;
    }
    return std::nullopt;
}

struct FoundMark {
    std::size_t project;
    CellMark mark;
    std::size_t rank;
};

// Every mark of one participant: a walk from it down through its visible units. Marks through
// foundations are all listed here; matrixCells drops them where a stronger mark exists.
std::vector<FoundMark> marksOf(const Dataset& dataset, const VisibleSet& visible,
                               const std::vector<std::vector<FoundationOf>>& foundationOf, std::size_t participant) {
    std::vector<FoundMark> found;
    std::vector<std::size_t> holders{participant};
    // Units already walked. A set rather than a scan of `holders`, since one organisation may have
    // thousands of units; left empty (no allocation) for the many participants that have none.
    std::unordered_set<std::size_t> seen;
    for (std::size_t next = 0; next < holders.size(); ++next) {
        const std::size_t holder = holders[next];
        const std::optional<std::size_t> via =
            holder == participant ? std::nullopt : std::optional<std::size_t>(holder);
        for (std::size_t r : dataset.relationsOf(holder)) {
            if (!visible.relation[r]) continue;
            const Relation& relation = dataset.relations[r];
            const std::size_t other = relation.source == holder ? relation.target : relation.source;
            if (other == holder) continue;
            const std::size_t rank = roleRank(dataset, relation.role);
            if (isProject(dataset, other)) {
                found.push_back({other, CellMark{r, via, std::nullopt, dataset.traitsOf(r).membership}, rank});
                continue;
            }
            if (dataset.traitsOf(r).unit && relation.target == holder && other != participant &&
                seen.insert(other).second) {
                holders.push_back(other);
            }
            if (other == participant || foundationOf[other].empty()) continue;
            const Tie tie = tieToFoundation(dataset, r, holder, other);
            if (tie == Tie::None) continue;
            for (const auto& [project, depth] : foundationOf[other]) {
                // A foundation explains another only from nearer the project: Claire includes its
                // variant Claire (Mistral 7B), but that is no reason for Claire to be a foundation.
                const bool explains =
                    tie == Tie::Contributes ||
                    (tie == Tie::Extends && foundationDepth(foundationOf[holder], project).value_or(0) > depth);
                if (explains) found.push_back({project, CellMark{r, via, other, false}, rank});
            }
        }
    }
    const auto key = [](const FoundMark& m) {
        return std::tuple(m.project, m.mark.throughFoundation(), m.mark.foundation.has_value(), m.mark.via.has_value(), m.rank, m.mark.relation,
                          m.mark.via.value_or(0), m.mark.foundation.value_or(0));
    };
    sortBy(found, [&](const FoundMark& a, const FoundMark& b) { return key(a) < key(b); });
    found.erase(std::unique(found.begin(), found.end(), [&](const FoundMark& a, const FoundMark& b) { return key(a) == key(b); }),
                found.end());
    return found;
}

// `pattern` with "{foundation}" and "{project}" replaced by the two names. Both places are found
// in the pattern before either is filled in, so a name that happens to contain a placeholder is
// left as written.
std::string fillFoundationPattern(std::string_view pattern, const std::string& foundation, const std::string& project) {
    struct Hole {
        std::size_t at;
        std::string_view placeholder;
        const std::string* value;
    };
    std::vector<Hole> holes;
    for (const Hole& hole : {Hole{0, "{foundation}", &foundation}, Hole{0, "{project}", &project}}) {
        const std::size_t at = pattern.find(hole.placeholder);
        if (at != std::string_view::npos) holes.push_back({at, hole.placeholder, hole.value});
    }
    sortBy(holes, [](const Hole& a, const Hole& b) { return a.at < b.at; });
    std::string filled;
    std::size_t from = 0;
    for (const Hole& hole : holes) {
        if (hole.at < from) continue; // overlapping placeholders: keep the first
        filled.append(pattern.substr(from, hole.at - from));
        filled += *hole.value;
        from = hole.at + hole.placeholder.size();
    }
    filled.append(pattern.substr(from));
    return filled;
}

// Sorts `rows` through a permutation: keys are computed once per row, not once per comparison.
template <typename Row, typename Compare>
void sortByIndex(std::vector<Row>& rows, Compare less) {
    std::vector<std::size_t> order(rows.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    sortBy(order, less);
    std::vector<Row> sorted;
    sorted.reserve(rows.size());
    for (std::size_t i : order) sorted.push_back(std::move(rows[i]));
    rows = std::move(sorted);
}

// Names and labels in the order of core/text_collation.hpp (numbers by value, one order for
// every script), on keys folded once per row.
std::strong_ordering nameOrder(const std::string& foldedA, const std::string& foldedB) {
    return compareFoldedNames(foldedA, foldedB) <=> 0;
}

// The comparison every sort ends with: primary key in the reader's direction, then folded name
// A to Z (nameOrder), then id. `emptyA` / `emptyB` mark rows that have no value for the primary key: they go
// last in both directions, since "no lead" is not a value to sort on.
bool lessWithTies(std::strong_ordering primary, bool emptyA, bool emptyB, bool descending,
                  const std::string& foldedA, const std::string& foldedB, const std::string& idA,
                  const std::string& idB) {
    if (emptyA != emptyB) return emptyB;
    if (primary != 0) return descending ? primary > 0 : primary < 0;
    if (const int names = compareFoldedNames(foldedA, foldedB); names != 0) return names < 0;
    return idA < idB;
}

} // namespace

bool MatrixCell::hasDirect() const {
    return std::any_of(marks.begin(), marks.end(), [](const CellMark& mark) { return mark.direct(); });
}

bool MatrixCell::hasThroughUnit() const {
    return std::any_of(marks.begin(), marks.end(), [](const CellMark& mark) { return mark.throughUnit(); });
}

bool MatrixCell::hasThroughFoundation() const {
    return std::any_of(marks.begin(), marks.end(), [](const CellMark& mark) { return mark.throughFoundation(); });
}

std::vector<MatrixCell> matrixCells(const Dataset& dataset, const VisibleSet& visible) {
    const std::vector<std::vector<FoundationOf>> foundationOf = foundationsByEntity(dataset, visible);
    std::vector<MatrixCell> cells;
    for (std::size_t e = 0; e < dataset.entities.size(); ++e) {
        if (!visible.entity[e] || isProject(dataset, e)) continue;
        for (const FoundMark& found : marksOf(dataset, visible, foundationOf, e)) {
            if (cells.empty() || cells.back().participant != e || cells.back().project != found.project) {
                cells.push_back(MatrixCell{e, found.project, {}});
            }
            // Marks come sorted: members first, then relations with the project itself, then
            // chains through foundations, which are left out after anything stronger.
            MatrixCell& cell = cells.back();
            if (found.mark.foundation.has_value() && !cell.marks.empty() && !cell.marks.front().foundation.has_value()) continue;
            cell.marks.push_back(found.mark);
        }
    }
    return cells;
}

std::vector<std::size_t> visibleProjects(const Dataset& dataset, const VisibleSet& visible) {
    std::vector<std::size_t> projects;
    for (std::size_t e = 0; e < dataset.entities.size(); ++e) {
        if (visible.entity[e] && isProject(dataset, e)) projects.push_back(e);
    }
    return projects;
}

std::vector<ParticipantRow> participantRows(const Dataset& dataset, const VisibleSet& visible,
                                            const std::vector<MatrixCell>& cells, bool linkedOnly) {
    std::vector<ParticipantRow> rows;
    auto cell = cells.begin();
    for (std::size_t e = 0; e < dataset.entities.size(); ++e) {
        if (!visible.entity[e] || isProject(dataset, e)) continue;
        ParticipantRow row{e, {}, {}, {}};
        while (cell != cells.end() && cell->participant < e) ++cell;
        for (; cell != cells.end() && cell->participant == e; ++cell) {
            (cell->hasThroughFoundation() ? row.connected : row.projects).push_back(cell->project);
        }
        if (linkedOnly && row.projects.empty() && row.connected.empty()) continue;
        for (std::size_t r : dataset.relationsOf(e)) {
            const Relation& relation = dataset.relations[r];
            if (!visible.relation[r] || relation.source != e) continue;
            if (std::find(row.roles.begin(), row.roles.end(), relation.role) == row.roles.end()) {
                row.roles.push_back(relation.role);
            }
        }
        sortBy(row.roles, [&](const std::string& a, const std::string& b) {
            return std::pair(roleRank(dataset, a), a) < std::pair(roleRank(dataset, b), b);
        });
        rows.push_back(std::move(row));
    }
    return rows;
}

void sortParticipantRows(const Dataset& dataset, std::vector<ParticipantRow>& rows, TableSort sort, Lang lang) {
    struct Key {
        std::string name;
        std::string type;
        std::vector<std::size_t> roles;
    };
    std::vector<Key> keys;
    keys.reserve(rows.size());
    for (const ParticipantRow& row : rows) {
        const Entity& entity = dataset.entities[row.entity];
        Key key{foldForSearch(entity.name), {}, {}};
        if (sort.column == SortColumn::Type) key.type = foldForSearch(typeLabel(dataset, entity, lang));
        for (const std::string& role : row.roles) key.roles.push_back(roleRank(dataset, role));
        keys.push_back(std::move(key));
    }
    sortByIndex(rows, [&](std::size_t a, std::size_t b) {
        const Key& ka = keys[a];
        const Key& kb = keys[b];
        std::strong_ordering primary = std::strong_ordering::equal;
        bool emptyA = false;
        bool emptyB = false;
        switch (sort.column) {
        case SortColumn::Name: primary = nameOrder(ka.name, kb.name); break;
        case SortColumn::Type: primary = nameOrder(ka.type, kb.type); break;
        case SortColumn::Projects: primary = threeWay(rows[a].projects.size(), rows[b].projects.size()); break;
        case SortColumn::Roles:
            primary = threeWay(ka.roles, kb.roles);
            emptyA = ka.roles.empty();
            emptyB = kb.roles.empty();
            break;
        }
        return lessWithTies(primary, emptyA, emptyB, sort.descending, ka.name, kb.name,
                            dataset.entities[rows[a].entity].id, dataset.entities[rows[b].entity].id);
    });
}

std::vector<ProjectRow> projectRows(const Dataset& dataset, const VisibleSet& visible) {
    std::vector<ProjectRow> rows;
    for (std::size_t project : visibleProjects(dataset, visible)) {
        ProjectRow row{project, {}, 0};
        std::vector<std::size_t> members;
        for (std::size_t r : dataset.relationsOf(project)) {
            if (!visible.relation[r]) continue;
            const Relation& relation = dataset.relations[r];
            const std::size_t other = relation.source == project ? relation.target : relation.source;
            if (isProject(dataset, other)) continue;
            if (!dataset.traitsOf(r).membership) continue; // what the project builds on is not a member
            members.push_back(other);
            if (isLeadRole(relation.role) && relation.target == project &&
                std::find(row.leads.begin(), row.leads.end(), other) == row.leads.end()) {
                row.leads.push_back(other);
            }
        }
        sortBy(members);
        row.members = static_cast<std::size_t>(std::unique(members.begin(), members.end()) - members.begin());
        rows.push_back(std::move(row));
    }
    return rows;
}

void sortProjectRows(const Dataset& dataset, std::vector<ProjectRow>& rows, TableSort sort, Lang /*lang*/) {
    struct Key {
        std::string name;
        std::vector<std::size_t> axes;
        std::string lead;
    };
    std::vector<Key> keys;
    keys.reserve(rows.size());
    for (const ProjectRow& row : rows) {
        const Entity& entity = dataset.entities[row.project];
        Key key{foldForSearch(entity.name), {}, {}};
        for (const std::string& axis : entity.axes) {
            const auto found = std::find_if(dataset.axes.begin(), dataset.axes.end(),
                                            [&](const Term& term) { return term.id == axis; });
            key.axes.push_back(static_cast<std::size_t>(found - dataset.axes.begin()));
        }
        sortBy(key.axes);
        for (std::size_t lead : row.leads) {
            const std::string folded = foldForSearch(dataset.entities[lead].name);
            if (key.lead.empty() || compareFoldedNames(folded, key.lead) < 0) key.lead = folded;
        }
        keys.push_back(std::move(key));
    }
    sortByIndex(rows, [&](std::size_t a, std::size_t b) {
        const Key& ka = keys[a];
        const Key& kb = keys[b];
        std::strong_ordering primary = std::strong_ordering::equal;
        bool emptyA = false;
        bool emptyB = false;
        switch (sort.column) {
        case SortColumn::Name: primary = nameOrder(ka.name, kb.name); break;
        case SortColumn::Type:
            primary = threeWay(ka.axes, kb.axes);
            emptyA = ka.axes.empty();
            emptyB = kb.axes.empty();
            break;
        case SortColumn::Projects: primary = threeWay(rows[a].members, rows[b].members); break;
        case SortColumn::Roles:
            primary = nameOrder(ka.lead, kb.lead);
            emptyA = rows[a].leads.empty();
            emptyB = rows[b].leads.empty();
            break;
        }
        return lessWithTies(primary, emptyA, emptyB, sort.descending, ka.name, kb.name,
                            dataset.entities[rows[a].project].id, dataset.entities[rows[b].project].id);
    });
}

void keepMatchingRows(const Dataset& dataset, std::vector<ParticipantRow>& rows, std::string_view search) {
    const std::string query = foldForSearch(search);
    if (query.empty()) return;
    std::erase_if(rows, [&](const ParticipantRow& row) { return !nameOrAliasMatches(dataset.entities[row.entity], query); });
}

void keepMatchingRows(const Dataset& dataset, std::vector<ProjectRow>& rows, std::string_view search) {
    const std::string query = foldForSearch(search);
    if (query.empty()) return;
    std::erase_if(rows, [&](const ProjectRow& row) { return !nameOrAliasMatches(dataset.entities[row.project], query); });
}

MatrixLegendContent matrixLegendContent(const Dataset& dataset, const std::vector<MatrixCell>& cells) {
    MatrixLegendContent content;
    for (const MatrixCell& cell : cells) {
        for (const CellMark& mark : cell.marks) {
            content.anyThroughUnit = content.anyThroughUnit || mark.throughUnit();
            content.anyThroughFoundation = content.anyThroughFoundation || mark.throughFoundation();
            // A mark through a foundation shows the ringed dot, not its role's glyph.
            if (mark.throughFoundation()) continue;
            const std::string& role = dataset.relations[mark.relation].role;
            if (std::find(content.roles.begin(), content.roles.end(), role) == content.roles.end()) {
                content.roles.push_back(role);
            }
        }
    }
    sortBy(content.roles, [&](const std::string& a, const std::string& b) {
        return std::pair(roleRank(dataset, a), a) < std::pair(roleRank(dataset, b), b);
    });
    return content;
}

namespace {

template <typename Row>
void forgetRows(RowsCache<Row>& cache, const RowsKey& key) {
    cache.matching.clear();
    cache.matchingValid = false;
    cache.sortedBy.reset();
    cache.nameFontSize = 0.0f;
    cache.key = key;
    ++cache.builds;
}

template <typename Row>
void sortCached(RowsCache<Row>& cache, TableSort sort, const std::function<void(std::vector<Row>&)>& sortAll) {
    if (cache.sortedBy == sort) return;
    sortAll(cache.all);
    cache.sortedBy = sort;
    cache.matchingValid = false; // kept in the new order at the next matchRows
    ++cache.sorts;
}

template <typename Row>
void matchCached(RowsCache<Row>& cache, const Dataset& dataset, std::string_view search) {
    if (cache.search != search) {
        cache.search = std::string(search);
        cache.matchingValid = false;
        cache.nameFontSize = 0.0f;
    }
    if (cache.matchingValid || cache.search.empty()) return;
    cache.matching = cache.all;
    keepMatchingRows(dataset, cache.matching, cache.search);
    cache.matchingValid = true;
}

} // namespace

void refreshRows(ParticipantRowsCache& cache, const Dataset& dataset, const VisibleSet& visible, const RowsKey& key,
                 bool linkedOnly) {
    if (cache.key == key) return;
    cache.cells = matrixCells(dataset, visible);
    cache.all = participantRows(dataset, visible, cache.cells, linkedOnly);
    cache.projects = visibleProjects(dataset, visible);
    cache.legend = matrixLegendContent(dataset, cache.cells);
    forgetRows(cache, key);
}

void refreshRows(ProjectRowsCache& cache, const Dataset& dataset, const VisibleSet& visible, const RowsKey& key) {
    if (cache.key == key) return;
    cache.all = projectRows(dataset, visible);
    forgetRows(cache, key);
}

void sortRows(ParticipantRowsCache& cache, const Dataset& dataset, TableSort sort, Lang lang) {
    sortCached<ParticipantRow>(cache, sort, [&](std::vector<ParticipantRow>& rows) { sortParticipantRows(dataset, rows, sort, lang); });
}

void sortRows(ProjectRowsCache& cache, const Dataset& dataset, TableSort sort, Lang lang) {
    sortCached<ProjectRow>(cache, sort, [&](std::vector<ProjectRow>& rows) { sortProjectRows(dataset, rows, sort, lang); });
}

void matchRows(ParticipantRowsCache& cache, const Dataset& dataset, std::string_view search) {
    matchCached<ParticipantRow>(cache, dataset, search);
}

void matchRows(ProjectRowsCache& cache, const Dataset& dataset, std::string_view search) {
    matchCached(cache, dataset, search);
}

std::vector<std::string> cellSentences(const Dataset& dataset, const MatrixCell& cell, Lang lang) {
    std::vector<std::string> sentences;
    const std::string& participant = dataset.entities[cell.participant].name;
    const std::string& project = dataset.entities[cell.project].name;
    for (const CellMark& mark : cell.marks) {
        const Relation& relation = dataset.relations[mark.relation];
        const std::size_t holder = mark.via.value_or(cell.participant);
        const std::string reading = relation.source == holder ? roleReading(dataset, relation.role, lang)
                                                              : roleReadingFromTarget(dataset, relation.role, lang);
        std::string sentence = participant + " — " + reading;
        if (mark.foundation) {
            sentence += " " + fillFoundationPattern(tr(Str::FoundationOfProject, lang),
                                                    dataset.entities[*mark.foundation].name, project);
        } else {
            sentence += " — " + project;
        }
        if (mark.via) {
            sentence += std::string(" (") + tr(Str::ThroughUnit, lang) + " " + dataset.entities[*mark.via].name + ")";
        }
        sentences.push_back(std::move(sentence));
    }
    return sentences;
}

int revealedRowIndex(const std::vector<ParticipantRow>& rows, long long entity) {
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (static_cast<long long>(rows[i].entity) == entity) return static_cast<int>(i);
    }
    return -1;
}

int revealedRowIndex(const std::vector<ProjectRow>& rows, long long entity) {
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (static_cast<long long>(rows[i].project) == entity) return static_cast<int>(i);
    }
    return -1;
}

} // namespace explorer::ui
