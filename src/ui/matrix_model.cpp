#include "ui/matrix_model.hpp"

#include "core/text_fold.hpp"
#include "core/vocabulary.hpp"
#include "ui/entity_labels.hpp"
#include "ui/strings.hpp"

#include <algorithm>
#include <compare>
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


// "source team_of target", "source programme_of target": the source is a unit of the target.
bool isUnitRole(std::string_view role) { return role == "team_of" || role == "programme_of"; }

bool isProject(const Dataset& dataset, std::size_t entity) {
    return dataset.entities[entity].kind == EntityKind::Project;
}

struct FoundMark {
    std::size_t project;
    CellMark mark;
    std::size_t rank;
};

// Every mark of one participant: a walk from it down through its visible units.
std::vector<FoundMark> marksOf(const Dataset& dataset, const VisibleSet& visible, std::size_t participant) {
    std::vector<FoundMark> found;
    std::vector<std::size_t> holders{participant};
    // Units already walked. A set rather than a scan of `holders`, since one organisation may have
    // thousands of units; left empty (no allocation) for the many participants that have none.
    std::unordered_set<std::size_t> seen;
    for (std::size_t next = 0; next < holders.size(); ++next) {
        const std::size_t holder = holders[next];
        for (std::size_t r : dataset.relationsOf(holder)) {
            if (!visible.relation[r]) continue;
            const Relation& relation = dataset.relations[r];
            const std::size_t other = relation.source == holder ? relation.target : relation.source;
            if (isProject(dataset, other)) {
                CellMark mark{r, holder == participant ? std::nullopt : std::optional<std::size_t>(holder)};
                found.push_back({other, mark, roleRank(dataset, relation.role)});
            } else if (isUnitRole(relation.role) && relation.target == holder && other != participant &&
                       seen.insert(other).second) {
                holders.push_back(other);
            }
        }
    }
    std::sort(found.begin(), found.end(), [](const FoundMark& a, const FoundMark& b) {
        return std::tuple(a.project, !a.mark.direct(), a.rank, a.mark.relation) <
               std::tuple(b.project, !b.mark.direct(), b.rank, b.mark.relation);
    });
    return found;
}

// Sorts `rows` through a permutation: keys are computed once per row, not once per comparison.
template <typename Row, typename Compare>
void sortByIndex(std::vector<Row>& rows, Compare less) {
    std::vector<std::size_t> order(rows.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), less);
    std::vector<Row> sorted;
    sorted.reserve(rows.size());
    for (std::size_t i : order) sorted.push_back(std::move(rows[i]));
    rows = std::move(sorted);
}

// The comparison every sort ends with: primary key in the reader's direction, then folded name
// A to Z, then id. `emptyA` / `emptyB` mark rows that have no value for the primary key: they go
// last in both directions, since "no lead" is not a value to sort on.
bool lessWithTies(std::strong_ordering primary, bool emptyA, bool emptyB, bool descending,
                  const std::string& foldedA, const std::string& foldedB, const std::string& idA,
                  const std::string& idB) {
    if (emptyA != emptyB) return emptyB;
    if (primary != 0) return descending ? primary > 0 : primary < 0;
    if (foldedA != foldedB) return foldedA < foldedB;
    return idA < idB;
}

} // namespace

bool MatrixCell::hasDirect() const {
    return std::any_of(marks.begin(), marks.end(), [](const CellMark& mark) { return mark.direct(); });
}

bool MatrixCell::hasIndirect() const {
    return std::any_of(marks.begin(), marks.end(), [](const CellMark& mark) { return !mark.direct(); });
}

std::vector<MatrixCell> matrixCells(const Dataset& dataset, const VisibleSet& visible) {
    std::vector<MatrixCell> cells;
    for (std::size_t e = 0; e < dataset.entities.size(); ++e) {
        if (!visible.entity[e] || isProject(dataset, e)) continue;
        for (const FoundMark& found : marksOf(dataset, visible, e)) {
            if (cells.empty() || cells.back().participant != e || cells.back().project != found.project) {
                cells.push_back(MatrixCell{e, found.project, {}});
            }
            cells.back().marks.push_back(found.mark);
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
        ParticipantRow row{e, {}, {}};
        while (cell != cells.end() && cell->participant < e) ++cell;
        for (; cell != cells.end() && cell->participant == e; ++cell) row.projects.push_back(cell->project);
        if (linkedOnly && row.projects.empty()) continue;
        for (std::size_t r : dataset.relationsOf(e)) {
            const Relation& relation = dataset.relations[r];
            if (!visible.relation[r] || relation.source != e) continue;
            if (std::find(row.roles.begin(), row.roles.end(), relation.role) == row.roles.end()) {
                row.roles.push_back(relation.role);
            }
        }
        std::sort(row.roles.begin(), row.roles.end(), [&](const std::string& a, const std::string& b) {
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
        case SortColumn::Name: primary = threeWay(ka.name, kb.name); break;
        case SortColumn::Type: primary = threeWay(ka.type, kb.type); break;
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
            members.push_back(other);
            if (relation.role == "lead" && relation.target == project &&
                std::find(row.leads.begin(), row.leads.end(), other) == row.leads.end()) {
                row.leads.push_back(other);
            }
        }
        std::sort(members.begin(), members.end());
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
        std::sort(key.axes.begin(), key.axes.end());
        for (std::size_t lead : row.leads) {
            const std::string folded = foldForSearch(dataset.entities[lead].name);
            if (key.lead.empty() || folded < key.lead) key.lead = folded;
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
        case SortColumn::Name: primary = threeWay(ka.name, kb.name); break;
        case SortColumn::Type:
            primary = threeWay(ka.axes, kb.axes);
            emptyA = ka.axes.empty();
            emptyB = kb.axes.empty();
            break;
        case SortColumn::Projects: primary = threeWay(rows[a].members, rows[b].members); break;
        case SortColumn::Roles:
            primary = threeWay(ka.lead, kb.lead);
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

std::vector<std::string> cellSentences(const Dataset& dataset, const MatrixCell& cell, Lang lang) {
    std::vector<std::string> sentences;
    const std::string& participant = dataset.entities[cell.participant].name;
    const std::string& project = dataset.entities[cell.project].name;
    for (const CellMark& mark : cell.marks) {
        const Relation& relation = dataset.relations[mark.relation];
        const std::size_t holder = mark.via.value_or(cell.participant);
        const std::string reading = relation.source == holder ? roleReading(dataset, relation.role, lang)
                                                              : roleReadingFromTarget(dataset, relation.role, lang);
        std::string sentence = participant + " — " + reading + " — " + project;
        if (mark.via) {
            sentence += std::string(" (") + tr(Str::ThroughUnit, lang) + " " + dataset.entities[*mark.via].name + ")";
        }
        sentences.push_back(std::move(sentence));
    }
    return sentences;
}

} // namespace explorer::ui
