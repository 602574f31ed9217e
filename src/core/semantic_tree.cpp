#include "core/semantic_tree.hpp"

#include "core/source_notes.hpp"

#include "core/dates.hpp"
#include "core/entity_description.hpp"
#include "core/json_writer.hpp"
#include "core/search.hpp"
#include "core/sorting.hpp"
#include "core/text_collation.hpp"
#include "core/text_fold.hpp"
#include "core/vocabulary.hpp"

#include <algorithm>
#include <numeric>
#include <tuple>
#include <utility>

namespace explorer::semantic {

namespace {

const char* pick(Lang lang, const char* fr, const char* en) { return lang == Lang::Fr ? fr : en; }

// "member of 2 projects" / "membre de 2 projets"; "1 link" / "1 lien".
std::string counted(Lang lang, std::size_t n, const char* frOne, const char* frMany, const char* enOne,
                    const char* enMany) {
    // French takes the singular for 0 and 1 ("0 membre"), English for 1 only.
    const bool one = lang == Lang::Fr ? n <= 1 : n == 1;
    return std::to_string(n) + " " + (one ? pick(lang, frOne, enOne) : pick(lang, frMany, enMany));
}

std::string colon(Lang lang) { return lang == Lang::Fr ? "\u00A0: " : ": "; }
std::string semicolon(Lang lang) { return lang == Lang::Fr ? "\u00A0; " : "; "; }

// A summary names at most this many projects of each kind, then says how many more.
constexpr std::size_t kSummaryItems = 10;

std::string andMore(Lang lang, std::size_t n) {
    return std::string(pick(lang, " et ", " and ")) + std::to_string(n) + pick(lang, " autres", " more");
}

std::string through(const Dataset& dataset, std::size_t via, Lang lang) {
    return std::string(" (") + pick(lang, "via ", "through ") + dataset.entities[via].name + ")";
}

} // namespace

std::string termLabel(const std::vector<Term>& terms, std::string_view id, Lang lang) {
    const auto found = std::find_if(terms.begin(), terms.end(), [id](const Term& term) { return term.id == id; });
    if (found == terms.end() || found->label.empty()) return std::string(id);
    return found->label.get(lang);
}

std::string typeLabel(const Dataset& dataset, const Entity& entity, Lang lang) {
    if (entity.kind == EntityKind::Organisation && !entity.type.empty()) return termLabel(dataset.types, entity.type, lang);
    return std::string(kindTraits(entity.kind).label.get(lang));
}

std::string memberPhrase(const Dataset& dataset, std::size_t entity, std::size_t project, Lang lang) {
    const Dataset::Membership how = dataset.membership(entity, project);
    if (how == Dataset::Membership::None) return {};
    std::vector<std::size_t> held; // relations with the project that make the holder a member
    std::optional<std::size_t> via;
    std::size_t holder = entity;
    if (how == Dataset::Membership::ThroughUnit) {
        const std::vector<std::size_t> path = dataset.unitPath(entity, project);
        if (!path.empty()) {
            const Relation& relation = dataset.relations[path.front()];
            holder = relation.source == project ? relation.target : relation.source;
            via = holder;
            held.push_back(path.front());
        }
    } else {
        for (std::size_t r : dataset.relationsOf(entity)) {
            const Relation& relation = dataset.relations[r];
            if ((relation.source == project || relation.target == project) && dataset.traitsOf(r).membership &&
                std::find(held.begin(), held.end(), r) == held.end()) {
                held.push_back(r);
            }
        }
        sortBy(held, [&](std::size_t a, std::size_t b) {
            return roleRank(dataset, dataset.relations[a].role) < roleRank(dataset, dataset.relations[b].role);
        });
    }
    std::string phrase;
    std::vector<std::string> readings;
    for (std::size_t r : held) {
        const Relation& relation = dataset.relations[r];
        std::string reading = relation.source == holder ? roleReading(dataset, relation.role, lang)
                                                        : roleReadingFromTarget(dataset, relation.role, lang);
        if (std::find(readings.begin(), readings.end(), reading) == readings.end()) readings.push_back(std::move(reading));
    }
    for (std::size_t i = 0; i < readings.size(); ++i) {
        if (i > 0) phrase += pick(lang, " et ", " and ");
        phrase += readings[i];
    }
    if (phrase.empty()) phrase = pick(lang, "est membre de", "is a member of");
    phrase += " " + dataset.entities[project].name;
    if (via) phrase += through(dataset, *via, lang);
    return phrase;
}

std::string connectionPhrase(const Dataset& dataset, std::size_t entity, const Dataset::Connection& connection,
                             Lang lang) {
    std::string phrase = dataset.entities[connection.project].name;
    if (const std::optional<std::size_t> via = connectionVia(dataset, entity, connection)) {
        phrase += through(dataset, *via, lang);
    }
    return phrase;
}

std::string entitySummary(const Dataset& dataset, std::size_t entity, Lang lang) {
    if (entity >= dataset.entities.size()) return {};
    const Entity& e = dataset.entities[entity];
    std::string summary = e.name + " — " + typeLabel(dataset, e, lang);
    if (e.kind == EntityKind::Project) {
        std::size_t members = 0;
        for (std::size_t other = 0; other < dataset.entities.size(); ++other) {
            if (other != entity && dataset.membership(other, entity) != Dataset::Membership::None) ++members;
        }
        summary += " — " + counted(lang, members, "membre", "membres", "member", "members");
        std::vector<std::size_t> leads;
        for (std::size_t r : dataset.relationsOf(entity)) {
            const Relation& relation = dataset.relations[r];
            if (relation.target == entity && relation.source != entity && isLeadRole(relation.role) &&
                std::find(leads.begin(), leads.end(), relation.source) == leads.end()) {
                leads.push_back(relation.source);
            }
        }
        if (!leads.empty()) {
            summary += semicolon(lang) + pick(lang, "chef de file", "lead") + colon(lang);
            for (std::size_t i = 0; i < leads.size(); ++i) summary += (i ? ", " : "") + dataset.entities[leads[i]].name;
        }
        return summary;
    }
    const std::vector<std::size_t>& projects = dataset.memberProjects(entity);
    if (!projects.empty()) {
        summary += " — " + std::string(pick(lang, "membre de ", "member of ")) +
                   counted(lang, projects.size(), "projet", "projets", "project", "projects") + colon(lang);
        for (std::size_t i = 0; i < projects.size() && i < kSummaryItems; ++i) {
            if (i > 0) summary += ", ";
            summary += memberPhrase(dataset, entity, projects[i], lang);
        }
        if (projects.size() > kSummaryItems) summary += andMore(lang, projects.size() - kSummaryItems);
    }
    const std::vector<Dataset::Connection> connections = dataset.connectionsOf(entity);
    if (!connections.empty()) {
        summary += projects.empty() ? std::string(" — ") : semicolon(lang);
        summary += pick(lang, "relié à ", "connected to ");
        for (std::size_t i = 0; i < connections.size() && i < kSummaryItems; ++i) {
            if (i > 0) summary += ", ";
            summary += connectionPhrase(dataset, entity, connections[i], lang);
        }
        if (connections.size() > kSummaryItems) summary += andMore(lang, connections.size() - kSummaryItems);
    }
    return summary;
}

bool isWebUrl(std::string_view url) {
    const auto startsWith = [&](std::string_view scheme) {
        if (url.size() <= scheme.size()) return false;
        for (std::size_t i = 0; i < scheme.size(); ++i) {
            char c = url[i];
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
            if (c != scheme[i]) return false;
        }
        return true;
    };
    if (!startsWith("http://") && !startsWith("https://")) return false;
    return std::none_of(url.begin(), url.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte <= 0x20 || byte == 0x7F;
    });
}

} // namespace explorer::semantic

namespace explorer {

namespace {

using semantic::counted;
using semantic::pick;
using semantic::termLabel;
using semantic::typeLabel;

SemanticNode node(std::string id, SemanticRole role, std::string name, std::string description = {}) {
    SemanticNode n;
    n.id = std::move(id);
    n.role = role;
    n.name = std::move(name);
    n.description = std::move(description);
    return n;
}

SemanticNode heading(std::string id, std::string name, int level) {
    SemanticNode n = node(std::move(id), SemanticRole::Heading, std::move(name));
    n.level = level;
    return n;
}

SemanticNode button(std::string id, std::string name, SemanticAction action, std::string target,
                    std::string description = {}) {
    SemanticNode n = node(std::move(id), SemanticRole::Button, std::move(name), std::move(description));
    n.action = action;
    n.target = std::move(target);
    return n;
}

// A list item holding one button that selects an entity.
SemanticNode selectItem(const std::string& id, const Entity& entity, std::string name, std::string description,
                        const ViewState& state) {
    SemanticNode item = node(id, SemanticRole::ListItem, name);
    SemanticNode b = button(id + "/select", std::move(name), SemanticAction::Select, entity.id, std::move(description));
    b.current = state.selection == entity.id;
    item.current = b.current;
    item.children.push_back(std::move(b));
    return item;
}

// The item closing a list cut by a limit: "12 more not listed".
SemanticNode moreItem(const std::string& listId, std::size_t more, Lang lang) {
    return node(listId + "/more", SemanticRole::ListItem,
                std::to_string(more) + pick(lang, " de plus, non listés", " more, not listed"));
}

class Visibility {
public:
    Visibility(const Dataset& dataset, const VisibleSet& visible)
        : all_(visible.entity.size() != dataset.entities.size() || visible.relation.size() != dataset.relations.size()),
          visible_(visible) {}
    bool entity(std::size_t e) const { return all_ || visible_.entity[e]; }
    bool relation(std::size_t r) const { return all_ || visible_.relation[r]; }
    bool path(const std::vector<std::size_t>& relations) const {
        return std::all_of(relations.begin(), relations.end(), [&](std::size_t r) { return relation(r); });
    }

private:
    bool all_;
    const VisibleSet& visible_;
};

bool isProject(const Dataset& dataset, std::size_t e) { return dataset.entities[e].kind == EntityKind::Project; }

std::string viewName(View view, Lang lang) {
    switch (view) {
    case View::Network: return pick(lang, "Réseau", "Network");
    case View::Matrix: return pick(lang, "Matrice", "Matrix");
    case View::Table: return pick(lang, "Tableau", "Table");
    case View::Projects: return pick(lang, "Projets", "Projects");
    }
    return {};
}

std::string roleLabel(const Dataset& dataset, std::string_view role, Lang lang) {
    return termLabel(dataset.roles, role, lang);
}

std::string joinNames(const Dataset& dataset, const std::vector<std::size_t>& entities) {
    std::string joined;
    for (std::size_t e : entities) joined += (joined.empty() ? "" : ", ") + dataset.entities[e].name;
    return joined;
}

std::string joinTerms(const std::vector<Term>& terms, const std::vector<std::string>& ids, Lang lang) {
    std::string joined;
    for (const std::string& id : ids) joined += (joined.empty() ? "" : ", ") + termLabel(terms, id, lang);
    return joined;
}

// ---- sources, numbered like footnotes in the order first cited: core/source_notes.hpp


std::string withMarks(std::string text, const std::string& marks) {
    if (!marks.empty()) text += (text.empty() ? "" : " ") + marks;
    return text;
}

// ---- participants: the rows of the matrix and the table

// An entity's visible relations holding a membership role towards a visible project, as (project,
// relation) pairs sorted by project, then role rank: one pass over its relations, so that a hub with
// thousands of relations costs O(d log d) once, not once per project.
using DirectLinks = std::vector<std::pair<std::size_t, std::size_t>>;

DirectLinks directLinks(const Dataset& dataset, const Visibility& shown, std::size_t entity) {
    DirectLinks links;
    for (std::size_t r : dataset.relationsOf(entity)) {
        const Relation& relation = dataset.relations[r];
        const std::size_t other = relation.source == entity ? relation.target : relation.source;
        if (other == entity || !isProject(dataset, other) || !shown.entity(other) || !shown.relation(r) ||
            !dataset.traitsOf(r).membership) {
            continue;
        }
        links.emplace_back(other, r);
    }
    const auto key = [&](const std::pair<std::size_t, std::size_t>& link) {
        return std::tuple(link.first, roleRank(dataset, dataset.relations[link.second].role), link.second);
    };
    sortBy(links, [&](const auto& x, const auto& y) { return key(x) < key(y); });
    links.erase(std::unique(links.begin(), links.end()), links.end());
    return links;
}

struct ParticipantInfo {
    std::size_t entity = 0;
    DirectLinks direct;
    std::vector<std::size_t> members;             // visible projects it is a member of (visible relations)
    std::vector<Dataset::Connection> connections; // visible projects it is only connected to
};

// The relations that make `entity` a member of `project` and that the filters leave visible, by
// role rank: its own relations with the project holding a membership role (Membership::Direct), or
// the unit's (Membership::ThroughUnit, every relation of Dataset::unitPath visible; `via`: the unit).
std::vector<std::size_t> visibleMemberRelations(const Dataset& dataset, const Visibility& shown, std::size_t entity,
                                                std::size_t project, const DirectLinks& direct,
                                                std::optional<std::size_t>& via) {
    std::vector<std::size_t> held;
    via.reset();
    if (!shown.entity(project)) return held;
    const Dataset::Membership how = dataset.membership(entity, project);
    if (how == Dataset::Membership::Direct) {
        auto it = std::lower_bound(direct.begin(), direct.end(), project,
                                   [](const std::pair<std::size_t, std::size_t>& link, std::size_t p) { return link.first < p; });
        for (; it != direct.end() && it->first == project; ++it) held.push_back(it->second);
    } else if (how == Dataset::Membership::ThroughUnit) {
        const std::vector<std::size_t> path = dataset.unitPath(entity, project);
        if (!path.empty() && shown.path(path)) {
            const Relation& relation = dataset.relations[path.front()];
            via = relation.source == project ? relation.target : relation.source;
            held.push_back(path.front());
        }
    }
    return held;
}

std::vector<std::size_t> visibleMemberProjects(const Dataset& dataset, const Visibility& shown, std::size_t entity,
                                               const DirectLinks& direct) {
    std::vector<std::size_t> projects;
    std::optional<std::size_t> via;
    for (std::size_t project : dataset.memberProjects(entity)) {
        if (!visibleMemberRelations(dataset, shown, entity, project, direct, via).empty()) projects.push_back(project);
    }
    return projects;
}

std::vector<std::size_t> visibleMemberProjects(const Dataset& dataset, const Visibility& shown, std::size_t entity) {
    return visibleMemberProjects(dataset, shown, entity, directLinks(dataset, shown, entity));
}

std::vector<Dataset::Connection> visibleConnections(const Dataset& dataset, const Visibility& shown, std::size_t entity) {
    std::vector<Dataset::Connection> connections = dataset.connectionsOf(entity);
    std::erase_if(connections, [&](const Dataset::Connection& c) { return !shown.entity(c.project) || !shown.path(c.path); });
    return connections;
}

// Visible participants, in the order of `sort` (as the widget's tables: folded name, type label,
// number of member projects, role ranks; ties by folded name then id).
struct SortedParticipant {
    std::size_t entity;
    std::string folded;
    std::string type;
    std::size_t projects;
    std::vector<std::size_t> roles;
};

std::vector<std::string> sourceRoles(const Dataset& dataset, const Visibility& shown, std::size_t entity) {
    std::vector<std::string> roles;
    for (std::size_t r : dataset.relationsOf(entity)) {
        const Relation& relation = dataset.relations[r];
        if (!shown.relation(r) || relation.source != entity) continue;
        if (std::find(roles.begin(), roles.end(), relation.role) == roles.end()) roles.push_back(relation.role);
    }
    sortBy(roles, [&](const std::string& a, const std::string& b) {
        return std::pair(roleRank(dataset, a), a) < std::pair(roleRank(dataset, b), b);
    });
    return roles;
}

bool matchesSearch(const Entity& entity, const std::string& folded) {
    if (folded.empty()) return true;
    if (foldForSearch(entity.name).find(folded) != std::string::npos) return true;
    return std::any_of(entity.aliases.begin(), entity.aliases.end(),
                       [&](const std::string& alias) { return foldForSearch(alias).find(folded) != std::string::npos; });
}

std::vector<std::size_t> sortedParticipants(const Dataset& dataset, const Visibility& shown, TableSort sort, Lang lang,
                                            const std::string& foldedSearch) {
    std::vector<SortedParticipant> keys;
    for (std::size_t e = 0; e < dataset.entities.size(); ++e) {
        if (!shown.entity(e) || isProject(dataset, e)) continue;
        const Entity& entity = dataset.entities[e];
        if (!matchesSearch(entity, foldedSearch)) continue;
        SortedParticipant key{e, foldForSearch(entity.name), {}, 0, {}};
        if (sort.column == SortColumn::Type) key.type = foldForSearch(typeLabel(dataset, entity, lang));
        if (sort.column == SortColumn::Projects) key.projects = visibleMemberProjects(dataset, shown, e).size();
        if (sort.column == SortColumn::Roles) {
            for (const std::string& role : sourceRoles(dataset, shown, e)) key.roles.push_back(roleRank(dataset, role));
        }
        keys.push_back(std::move(key));
    }
    sortBy(keys, [&](const SortedParticipant& a, const SortedParticipant& b) {
        if (sort.column == SortColumn::Roles && a.roles.empty() != b.roles.empty()) return b.roles.empty();
        int primary = 0;
        switch (sort.column) {
        case SortColumn::Name: primary = compareFoldedNames(a.folded, b.folded); break;
        case SortColumn::Type: primary = compareFoldedNames(a.type, b.type); break;
        case SortColumn::Projects: primary = a.projects < b.projects ? -1 : b.projects < a.projects ? 1 : 0; break;
        case SortColumn::Roles: primary = a.roles < b.roles ? -1 : b.roles < a.roles ? 1 : 0; break;
        }
        if (primary != 0) return sort.descending ? primary > 0 : primary < 0;
        if (const int names = compareFoldedNames(a.folded, b.folded); names != 0) return names < 0;
        return dataset.entities[a.entity].id < dataset.entities[b.entity].id;
    });
    std::vector<std::size_t> order;
    order.reserve(keys.size());
    for (const SortedParticipant& key : keys) order.push_back(key.entity);
    return order;
}

std::vector<std::size_t> visibleProjects(const Dataset& dataset, const Visibility& shown) {
    std::vector<std::size_t> projects;
    for (std::size_t e = 0; e < dataset.entities.size(); ++e) {
        if (shown.entity(e) && isProject(dataset, e)) projects.push_back(e);
    }
    return projects;
}

SemanticNode columnHeader(std::string id, std::string name, bool sorted, bool descending) {
    SemanticNode header = node(std::move(id), SemanticRole::ColumnHeader, std::move(name));
    if (sorted) header.sort = descending ? "descending" : "ascending";
    return header;
}

SemanticNode rowHeader(const std::string& id, const Entity& entity, const ViewState& state, std::string description = {}) {
    SemanticNode header = node(id, SemanticRole::RowHeader, entity.name);
    SemanticNode b = button(id + "/select", entity.name, SemanticAction::Select, entity.id, std::move(description));
    b.current = header.current = state.selection == entity.id;
    header.children.push_back(std::move(b));
    return header;
}

// A last row of one cell: "12 more participants not listed".
SemanticNode moreRow(const std::string& gridId, std::size_t more, const char* fr, const char* en, Lang lang) {
    SemanticNode row = node(gridId + "/more", SemanticRole::Row, {});
    row.children.push_back(node(gridId + "/more/cell", SemanticRole::GridCell,
                                std::to_string(more) + " " + pick(lang, fr, en)));
    return row;
}

// ---- the matrix

// What a cell says: the roles that make the participant a member (with the unit, if any), or the
// connection; empty without a visible link.
std::string matrixCellText(const Dataset& dataset, const Visibility& shown, const ParticipantInfo& info,
                           std::size_t project, Lang lang) {
    std::optional<std::size_t> via;
    const std::vector<std::size_t> held = visibleMemberRelations(dataset, shown, info.entity, project, info.direct, via);
    if (!held.empty()) {
        std::string text;
        std::vector<std::string> seen;
        for (std::size_t r : held) {
            const std::string& role = dataset.relations[r].role;
            if (std::find(seen.begin(), seen.end(), role) != seen.end()) continue;
            seen.push_back(role);
            text += (text.empty() ? "" : ", ") + roleLabel(dataset, role, lang);
        }
        if (via) text += std::string(" (") + pick(lang, "via ", "through ") + dataset.entities[*via].name + ")";
        return text;
    }
    for (const Dataset::Connection& connection : info.connections) {
        if (connection.project != project) continue;
        std::string text = pick(lang, "Relié sans être membre", "Connected, not a member");
        if (const auto through = connectionVia(dataset, info.entity, connection)) {
            text += std::string(", ") + pick(lang, "via ", "through ") + dataset.entities[*through].name;
        } else if (!connection.path.empty()) {
            text += std::string(" (") + roleLabel(dataset, dataset.relations[connection.path.front()].role, lang) + ")";
        }
        return text;
    }
    return {};
}

SemanticNode matrixView(const Dataset& dataset, const ViewState& state, const Visibility& shown,
                        const SemanticLimits& limits) {
    const Lang lang = state.lang;
    std::vector<std::size_t> projects = visibleProjects(dataset, shown);
    const std::size_t hiddenColumns = projects.size() > limits.columns ? projects.size() - limits.columns : 0;
    projects.resize(projects.size() - hiddenColumns);
    // The matrix has no roles column: a roles sort shows as by name, as on screen.
    const TableSort sort = state.sort.column == SortColumn::Roles ? TableSort{} : state.sort;
    const std::vector<std::size_t> candidates = sortedParticipants(dataset, shown, sort, lang, {});

    std::vector<ParticipantInfo> rows;
    std::size_t examined = 0;
    std::size_t walksWithoutMembership = 0;
    for (; examined < candidates.size() && rows.size() < limits.rows; ++examined) {
        ParticipantInfo info{candidates[examined], directLinks(dataset, shown, candidates[examined]), {}, {}};
        info.members = visibleMemberProjects(dataset, shown, info.entity, info.direct);
        if (info.members.empty()) {
            // Only connections could make a row: one walk each, at most `rows` such walks.
            if (walksWithoutMembership == limits.rows) break;
            ++walksWithoutMembership;
        }
        info.connections = visibleConnections(dataset, shown, info.entity);
        const bool linked = !info.members.empty() ||
                            std::any_of(info.connections.begin(), info.connections.end(), [&](const Dataset::Connection& c) {
                                return std::find(projects.begin(), projects.end(), c.project) != projects.end();
                            });
        if (linked) rows.push_back(std::move(info));
    }
    const std::size_t notListed = candidates.size() - examined;

    std::string description = counted(lang, rows.size(), "participant", "participants", "participant", "participants") +
                              ", " + counted(lang, projects.size(), "projet", "projets", "project", "projects") +
                              pick(lang, "\u00A0; chaque case nomme le ou les rôles, ou le lien sans appartenance",
                                   "; each cell names the role or roles held, or the connection");
    if (hiddenColumns > 0) {
        description += semantic::semicolon(lang) + std::to_string(hiddenColumns) +
                       pick(lang, " autres projets non montrés", " more projects not shown");
    }
    SemanticNode grid = node("matrix", SemanticRole::Grid, pick(lang, "Participants × projets", "Participants × projects"),
                             std::move(description));
    SemanticNode head = node("matrix/head", SemanticRole::Row, {});
    head.children.push_back(columnHeader("matrix/col/name", pick(lang, "Participant", "Participant"),
                                         sort.column == SortColumn::Name, sort.descending));
    for (std::size_t project : projects) {
        const Entity& p = dataset.entities[project];
        SemanticNode header = node("matrix/col/" + p.id, SemanticRole::ColumnHeader, p.name);
        SemanticNode b = button("matrix/col/" + p.id + "/select", p.name, SemanticAction::Select, p.id);
        b.current = header.current = state.selection == p.id;
        header.children.push_back(std::move(b));
        head.children.push_back(std::move(header));
    }
    grid.children.push_back(std::move(head));
    for (const ParticipantInfo& info : rows) {
        const Entity& entity = dataset.entities[info.entity];
        SemanticNode row = node("matrix/row/" + entity.id, SemanticRole::Row, {});
        row.current = state.selection == entity.id;
        row.children.push_back(rowHeader("matrix/row/" + entity.id + "/name", entity, state, typeLabel(dataset, entity, lang)));
        for (std::size_t project : projects) {
            const std::string& projectId = dataset.entities[project].id;
            row.children.push_back(node("matrix/cell/" + entity.id + "/" + projectId, SemanticRole::GridCell,
                                        matrixCellText(dataset, shown, info, project, lang)));
        }
        grid.children.push_back(std::move(row));
    }
    if (notListed > 0) {
        grid.children.push_back(moreRow("matrix", notListed, "autres participants visibles non listés",
                                        "more visible participants not listed", lang));
    }
    if (rows.empty()) grid.description = pick(lang, "Rien à afficher avec ces filtres.", "Nothing to show with these filters.");
    return grid;
}

// ---- the table

SemanticNode participantsGrid(const Dataset& dataset, const ViewState& state, const Visibility& shown,
                              const SemanticLimits& limits) {
    const Lang lang = state.lang;
    const TableSort sort = state.sort;
    const std::vector<std::size_t> order = sortedParticipants(dataset, shown, sort, lang, foldForSearch(state.search));
    SemanticNode grid = node("table/participants", SemanticRole::Grid, pick(lang, "Participants", "Participants"),
                             counted(lang, order.size(), "ligne", "lignes", "row", "rows"));
    SemanticNode head = node("table/participants/head", SemanticRole::Row, {});
    head.children.push_back(columnHeader("table/participants/col/name", pick(lang, "Nom", "Name"),
                                         sort.column == SortColumn::Name, sort.descending));
    head.children.push_back(columnHeader("table/participants/col/type", pick(lang, "Type", "Type"),
                                         sort.column == SortColumn::Type, sort.descending));
    head.children.push_back(columnHeader("table/participants/col/projects", pick(lang, "Projets", "Projects"),
                                         sort.column == SortColumn::Projects, sort.descending));
    head.children.push_back(columnHeader("table/participants/col/roles", pick(lang, "Rôles", "Roles"),
                                         sort.column == SortColumn::Roles, sort.descending));
    grid.children.push_back(std::move(head));
    const std::size_t listed = std::min(order.size(), limits.rows);
    for (std::size_t i = 0; i < listed; ++i) {
        const std::size_t e = order[i];
        const Entity& entity = dataset.entities[e];
        const std::string rowId = "table/participants/row/" + entity.id;
        SemanticNode row = node(rowId, SemanticRole::Row, {});
        row.current = state.selection == entity.id;
        row.children.push_back(rowHeader(rowId + "/name", entity, state));
        row.children.push_back(node(rowId + "/type", SemanticRole::GridCell, typeLabel(dataset, entity, lang)));
        const std::vector<std::size_t> members = visibleMemberProjects(dataset, shown, e);
        std::string projects = std::to_string(members.size());
        if (!members.empty()) projects += " · " + joinNames(dataset, members);
        std::vector<std::size_t> connected;
        for (const Dataset::Connection& c : visibleConnections(dataset, shown, e)) connected.push_back(c.project);
        if (!connected.empty()) {
            projects += semantic::semicolon(lang) + pick(lang, "relié sans être membre à ", "connected, not a member, to ") +
                        joinNames(dataset, connected);
        }
        row.children.push_back(node(rowId + "/projects", SemanticRole::GridCell, std::move(projects)));
        std::string roles;
        for (const std::string& role : sourceRoles(dataset, shown, e)) roles += (roles.empty() ? "" : ", ") + roleLabel(dataset, role, lang);
        row.children.push_back(node(rowId + "/roles", SemanticRole::GridCell, roles.empty() ? "—" : roles));
        grid.children.push_back(std::move(row));
    }
    if (order.size() > listed) {
        grid.children.push_back(moreRow("table/participants", order.size() - listed, "autres lignes non listées",
                                        "more rows not listed", lang));
    }
    return grid;
}

SemanticNode projectsGrid(const Dataset& dataset, const ViewState& state, const Visibility& shown,
                          const SemanticLimits& limits) {
    const Lang lang = state.lang;
    struct Row {
        std::size_t project;
        std::string folded;
        std::vector<std::size_t> axes;
        std::vector<std::size_t> leads;
        std::string lead; // folded first lead
        std::size_t members = 0;
    };
    std::vector<Row> rows;
    std::vector<std::size_t> membersOf(dataset.entities.size(), 0);
    for (std::size_t e = 0; e < dataset.entities.size(); ++e) {
        if (!shown.entity(e) || isProject(dataset, e)) continue;
        for (std::size_t project : visibleMemberProjects(dataset, shown, e)) ++membersOf[project];
    }
    const std::string search = foldForSearch(state.search);
    for (std::size_t project : visibleProjects(dataset, shown)) {
        const Entity& entity = dataset.entities[project];
        if (!matchesSearch(entity, search)) continue;
        Row row{project, foldForSearch(entity.name), {}, {}, {}, membersOf[project]};
        for (const std::string& axis : entity.axes) {
            const auto found = std::find_if(dataset.axes.begin(), dataset.axes.end(), [&](const Term& t) { return t.id == axis; });
            row.axes.push_back(static_cast<std::size_t>(found - dataset.axes.begin()));
        }
        sortBy(row.axes);
        for (std::size_t r : dataset.relationsOf(project)) {
            const Relation& relation = dataset.relations[r];
            if (!shown.relation(r) || relation.target != project || relation.source == project || !isLeadRole(relation.role)) continue;
            if (std::find(row.leads.begin(), row.leads.end(), relation.source) != row.leads.end()) continue;
            row.leads.push_back(relation.source);
            const std::string folded = foldForSearch(dataset.entities[relation.source].name);
            if (row.lead.empty() || compareFoldedNames(folded, row.lead) < 0) row.lead = folded;
        }
        rows.push_back(std::move(row));
    }
    // The projects table shares ViewState::sort: Type sorts by axes, Projects by members, Roles by lead.
    const TableSort sort = state.sort;
    sortBy(rows, [&](const Row& a, const Row& b) {
        bool emptyA = false;
        bool emptyB = false;
        int primary = 0;
        const auto cmp = [](const auto& x, const auto& y) { return x < y ? -1 : y < x ? 1 : 0; };
        switch (sort.column) {
        case SortColumn::Name: primary = compareFoldedNames(a.folded, b.folded); break;
        case SortColumn::Type: primary = cmp(a.axes, b.axes); emptyA = a.axes.empty(); emptyB = b.axes.empty(); break;
        case SortColumn::Projects: primary = cmp(a.members, b.members); break;
        case SortColumn::Roles: primary = compareFoldedNames(a.lead, b.lead); emptyA = a.leads.empty(); emptyB = b.leads.empty(); break;
        }
        if (emptyA != emptyB) return emptyB;
        if (primary != 0) return sort.descending ? primary > 0 : primary < 0;
        if (const int names = compareFoldedNames(a.folded, b.folded); names != 0) return names < 0;
        return dataset.entities[a.project].id < dataset.entities[b.project].id;
    });
    SemanticNode grid = node("table/projects", SemanticRole::Grid, pick(lang, "Projets", "Projects"),
                             counted(lang, rows.size(), "ligne", "lignes", "row", "rows"));
    SemanticNode head = node("table/projects/head", SemanticRole::Row, {});
    head.children.push_back(columnHeader("table/projects/col/name", pick(lang, "Nom", "Name"), sort.column == SortColumn::Name, sort.descending));
    head.children.push_back(columnHeader("table/projects/col/axes", pick(lang, "Axes", "Axes"), sort.column == SortColumn::Type, sort.descending));
    head.children.push_back(columnHeader("table/projects/col/sectors", pick(lang, "Secteurs", "Sectors"), false, false));
    head.children.push_back(columnHeader("table/projects/col/lead", pick(lang, "Chef de file", "Lead"), sort.column == SortColumn::Roles, sort.descending));
    head.children.push_back(columnHeader("table/projects/col/members", pick(lang, "Membres", "Members"), sort.column == SortColumn::Projects, sort.descending));
    grid.children.push_back(std::move(head));
    const std::size_t listed = std::min(rows.size(), limits.rows);
    for (std::size_t i = 0; i < listed; ++i) {
        const Row& r = rows[i];
        const Entity& entity = dataset.entities[r.project];
        const std::string rowId = "table/projects/row/" + entity.id;
        SemanticNode row = node(rowId, SemanticRole::Row, {});
        row.current = state.selection == entity.id;
        row.children.push_back(rowHeader(rowId + "/name", entity, state));
        const std::string axes = joinTerms(dataset.axes, entity.axes, lang);
        const std::string sectors = joinTerms(dataset.sectors, entity.sectors, lang);
        row.children.push_back(node(rowId + "/axes", SemanticRole::GridCell, axes.empty() ? "—" : axes));
        row.children.push_back(node(rowId + "/sectors", SemanticRole::GridCell, sectors.empty() ? "—" : sectors));
        row.children.push_back(node(rowId + "/lead", SemanticRole::GridCell, r.leads.empty() ? "—" : joinNames(dataset, r.leads)));
        row.children.push_back(node(rowId + "/members", SemanticRole::GridCell, std::to_string(r.members)));
        grid.children.push_back(std::move(row));
    }
    if (rows.size() > listed) {
        grid.children.push_back(moreRow("table/projects", rows.size() - listed, "autres lignes non listées", "more rows not listed", lang));
    }
    return grid;
}

// ---- the project cards

void projectCards(const Dataset& dataset, const ViewState& state, const Visibility& shown, const SemanticLimits& limits,
                  SemanticNode& cards) {
    const Lang lang = state.lang;
    const std::vector<std::size_t> projects = visibleProjects(dataset, shown);
    const std::size_t listed = std::min(projects.size(), limits.rows);
    for (std::size_t i = 0; i < listed; ++i) {
        const std::size_t project = projects[i];
        const Entity& entity = dataset.entities[project];
        const std::string cardId = "projects/" + entity.id;
        SemanticNode card = node(cardId, SemanticRole::Article, entity.name);
        card.current = state.selection == entity.id;
        SemanticNode title = heading(cardId + "/heading", entity.name, 3);
        SemanticNode select = button(cardId + "/select", entity.name, SemanticAction::Select, entity.id);
        select.current = card.current;
        title.children.push_back(std::move(select));
        card.children.push_back(std::move(title));
        if (!entity.description.empty()) {
            card.children.push_back(node(cardId + "/description", SemanticRole::Paragraph, entity.description.get(lang)));
        }
        std::string facts;
        const auto addFact = [&](const std::string& label, const std::string& value) {
            if (value.empty()) return;
            facts += (facts.empty() ? "" : semantic::semicolon(lang)) + label + semantic::colon(lang) + value;
        };
        addFact(pick(lang, "Axes", "Axes"), joinTerms(dataset.axes, entity.axes, lang));
        addFact(pick(lang, "Secteurs", "Sectors"), joinTerms(dataset.sectors, entity.sectors, lang));
        if (entity.durationMonths) {
            addFact(pick(lang, "Durée", "Duration"), std::to_string(*entity.durationMonths) + pick(lang, " mois", " months"));
        }
        addFact(pick(lang, "Taille", "Size"), entity.size.get(lang));
        if (!facts.empty()) card.children.push_back(node(cardId + "/facts", SemanticRole::Paragraph, facts));

        // Who takes part, grouped by role (roleRank order), as the card on screen.
        struct Group {
            std::string role;
            std::vector<std::size_t> entities;
        };
        std::vector<Group> groups;
        for (std::size_t r : dataset.relationsOf(project)) {
            if (!shown.relation(r)) continue;
            const Relation& relation = dataset.relations[r];
            const std::size_t other = relation.source == project ? relation.target : relation.source;
            if (other == project) continue;
            auto group = std::find_if(groups.begin(), groups.end(), [&](const Group& g) { return g.role == relation.role; });
            if (group == groups.end()) group = groups.insert(groups.end(), Group{relation.role, {}});
            if (std::find(group->entities.begin(), group->entities.end(), other) == group->entities.end()) {
                group->entities.push_back(other);
            }
        }
        sortBy(groups, [&](const Group& a, const Group& b) {
            return roleRank(dataset, a.role) < roleRank(dataset, b.role);
        });
        if (std::none_of(groups.begin(), groups.end(), [](const Group& g) { return isLeadRole(g.role); })) {
            card.children.push_back(node(cardId + "/no-lead", SemanticRole::Paragraph,
                                         pick(lang, "Chef de file non précisé", "Lead not stated")));
        }
        std::size_t budget = limits.items;
        std::size_t more = 0;
        for (Group& group : groups) {
            sortBy(group.entities, [&](std::size_t a, std::size_t b) {
                return dataset.entities[a].name < dataset.entities[b].name;
            });
            if (budget == 0) {
                more += group.entities.size();
                continue;
            }
            const std::string listId = cardId + "/role/" + group.role;
            SemanticNode list = node(listId, SemanticRole::List, roleLabel(dataset, group.role, lang));
            for (std::size_t member : group.entities) {
                if (budget == 0) {
                    ++more;
                    continue;
                }
                --budget;
                const Entity& other = dataset.entities[member];
                list.children.push_back(selectItem(listId + "/" + other.id, other, other.name, typeLabel(dataset, other, lang), state));
            }
            card.children.push_back(std::move(list));
        }
        if (more > 0) {
            card.children.push_back(node(cardId + "/more", SemanticRole::Paragraph,
                                         std::to_string(more) + pick(lang, " autres participants non listés",
                                                                     " more participants not listed")));
        }
        cards.children.push_back(std::move(card));
    }
    if (projects.size() > listed) {
        cards.children.push_back(node("projects/more", SemanticRole::Paragraph,
                                      std::to_string(projects.size() - listed) +
                                          pick(lang, " autres projets non listés", " more projects not listed")));
    }
    if (projects.empty()) cards.description = pick(lang, "Rien à afficher avec ces filtres.", "Nothing to show with these filters.");
}

// ---- the network

void networkView(const Dataset& dataset, const ViewState& state, const Visibility& shown,
                 std::optional<std::size_t> selected, const SemanticLimits& limits, SemanticNode& content) {
    const Lang lang = state.lang;
    if (selected) {
        const std::size_t s = *selected;
        const Entity& entity = dataset.entities[s];
        std::vector<std::size_t> links;
        for (std::size_t r : dataset.relationsOf(s)) {
            const Relation& relation = dataset.relations[r];
            if (shown.relation(r) && relation.source != relation.target && std::find(links.begin(), links.end(), r) == links.end()) {
                links.push_back(r);
            }
        }
        sortBy(links, [&](std::size_t a, std::size_t b) {
            return roleRank(dataset, dataset.relations[a].role) < roleRank(dataset, dataset.relations[b].role);
        });
        std::string summary = semantic::entitySummary(dataset, s, lang) + semantic::semicolon(lang) +
                              counted(lang, links.size(), "lien affiché", "liens affichés", "link shown", "links shown");
        if (!shown.entity(s)) summary += pick(lang, " (masqué par les filtres)", " (hidden by the filters)");
        const std::string focusId = "network/focus/" + entity.id;
        // The summary is the article's first paragraph (not also its description: it would be read twice).
        SemanticNode focus = node(focusId, SemanticRole::Article, entity.name);
        focus.current = true;
        // The node itself, where keyboard focus sits in the network: a screen reader in browse mode
        // would keep the arrow keys for reading, so it is an application, which gets them.
        SemanticNode self = node(focusId + "/node", SemanticRole::Application, entity.name,
                                 pick(lang, "Flèches : aller à un nœud relié ; Entrée : détails ; Échap : fermer",
                                      "Arrow keys: go to a connected node; Enter: details; Escape: close"));
        self.roleDescription = pick(lang, "nœud du réseau", "network node");
        self.current = true;
        focus.children.push_back(std::move(self));
        focus.children.push_back(heading(focusId + "/heading", entity.name, 3));
        focus.children.push_back(node(focusId + "/summary", SemanticRole::Paragraph, std::move(summary)));
        const std::string listId = focusId + "/links";
        SemanticNode list = node(listId, SemanticRole::List,
                                 pick(lang, "Liens de ", "Links of ") + entity.name + " (" + std::to_string(links.size()) + ")");
        const std::size_t listed = std::min(links.size(), limits.items);
        for (std::size_t i = 0; i < listed; ++i) {
            const Relation& relation = dataset.relations[links[i]];
            const bool outgoing = relation.source == s;
            const std::size_t other = outgoing ? relation.target : relation.source;
            const std::string reading = outgoing ? roleReading(dataset, relation.role, lang)
                                                 : roleReadingFromTarget(dataset, relation.role, lang);
            const Entity& o = dataset.entities[other];
            list.children.push_back(selectItem(listId + "/" + std::to_string(links[i]), o, reading + " " + o.name,
                                               typeLabel(dataset, o, lang), state));
        }
        if (links.size() > listed) list.children.push_back(moreItem(listId, links.size() - listed, lang));
        focus.children.push_back(std::move(list));
        content.children.push_back(std::move(focus));
        return;
    }
    // No selection: where to start.
    const std::vector<std::size_t> projects = visibleProjects(dataset, shown);
    SemanticNode projectList = node("network/projects", SemanticRole::List,
                                    std::string(pick(lang, "Projets", "Projects")) + " (" + std::to_string(projects.size()) + ")");
    for (std::size_t i = 0; i < projects.size() && i < limits.rows; ++i) {
        const Entity& p = dataset.entities[projects[i]];
        std::string description = semantic::entitySummary(dataset, projects[i], lang);
        const std::string prefix = p.name + " — ";
        if (description.compare(0, prefix.size(), prefix) == 0) description.erase(0, prefix.size());
        projectList.children.push_back(selectItem("network/projects/" + p.id, p, p.name, std::move(description), state));
    }
    if (projects.size() > limits.rows) projectList.children.push_back(moreItem("network/projects", projects.size() - limits.rows, lang));
    content.children.push_back(std::move(projectList));

    std::vector<std::size_t> several = organisationsInSeveralProjects(dataset);
    std::erase_if(several, [&](std::size_t e) { return !shown.entity(e); });
    SemanticNode multiList = node("network/several", SemanticRole::List,
                                  std::string(pick(lang, "Organisations membres de deux projets ou plus",
                                                   "Organisations members of two or more projects")) +
                                      " (" + std::to_string(several.size()) + ")");
    for (std::size_t i = 0; i < several.size() && i < limits.rows; ++i) {
        const Entity& o = dataset.entities[several[i]];
        const std::vector<std::size_t>& projectsOf = dataset.memberProjects(several[i]);
        std::string description = std::string(pick(lang, "membre de ", "member of ")) +
                                  counted(lang, projectsOf.size(), "projet", "projets", "project", "projects") +
                                  semantic::colon(lang) + joinNames(dataset, projectsOf);
        multiList.children.push_back(selectItem("network/several/" + o.id, o, o.name, std::move(description), state));
    }
    if (several.size() > limits.rows) multiList.children.push_back(moreItem("network/several", several.size() - limits.rows, lang));
    content.children.push_back(std::move(multiList));
}

// ---- the details of the selection

SemanticNode detailsRegion(const Dataset& dataset, const ViewState& state, std::size_t selected,
                           const SemanticLimits& limits) {
    const Lang lang = state.lang;
    const Entity& entity = dataset.entities[selected];
    const std::string id = "details/" + entity.id;
    std::string kindLine = typeLabel(dataset, entity, lang);
    if (!entity.country.empty()) kindLine += " · " + entity.country;
    SemanticNode region = node("details", SemanticRole::Region, entity.name, kindLine);
    region.children.push_back(heading(id + "/heading", entity.name, 2));
    region.children.push_back(node(id + "/type", SemanticRole::Paragraph, kindLine));
    if (!entity.aliases.empty()) {
        std::string aliases = std::string(pick(lang, "Autres noms", "Also known as")) + semantic::colon(lang);
        for (std::size_t i = 0; i < entity.aliases.size(); ++i) aliases += (i ? ", " : "") + entity.aliases[i];
        region.children.push_back(node(id + "/aliases", SemanticRole::Paragraph, std::move(aliases)));
    }
    SourceNotes notes;
    region.children.push_back(node(id + "/description", SemanticRole::Paragraph,
                                   withMarks(entity.description.get(lang), notes.cite(entity.sources))));
    if (!entity.licences.empty()) {
        std::string line = std::string(pick(lang, "Licences", "Licences")) + semantic::colon(lang);
        for (std::size_t i = 0; i < entity.licences.size(); ++i) line += (i ? ", " : "") + entity.licences[i];
        region.children.push_back(node(id + "/licences", SemanticRole::Paragraph, std::move(line)));
    }
    if (semantic::isWebUrl(entity.url)) {
        SemanticNode link = node(id + "/website", SemanticRole::Link, pick(lang, "Site web", "Website"),
                                 entity.url + " (" + pick(lang, "ouvre un nouvel onglet", "opens in a new tab") + ")");
        link.href = entity.url;
        link.action = SemanticAction::OpenLink;
        region.children.push_back(std::move(link));
    }
    // A heading and the list it introduces.
    const auto section = [&](const std::string& key, const std::string& title, SemanticNode list) {
        region.children.push_back(heading(id + "/" + key + "/heading", title, 3));
        region.children.push_back(std::move(list));
    };
    if (entity.kind != EntityKind::Project) {
        const EntityDescription description = describeEntity(dataset, selected);
        if (!description.memberOf.empty()) {
            const std::string title = pick(lang, "Membre de", "Member of");
            SemanticNode list = node(id + "/members", SemanticRole::List, title);
            for (std::size_t i = 0; i < description.memberOf.size() && i < limits.items; ++i) {
                const ProjectLink& link = description.memberOf[i];
                const Entity& p = dataset.entities[link.project];
                std::string name = p.name;
                if (link.through) name += std::string(" (") + pick(lang, "via ", "through ") + dataset.entities[*link.through].name + ")";
                list.children.push_back(selectItem(id + "/member/" + p.id, p, std::move(name),
                                                   semantic::memberPhrase(dataset, selected, link.project, lang), state));
            }
            if (description.memberOf.size() > limits.items) {
                list.children.push_back(moreItem(id + "/members", description.memberOf.size() - limits.items, lang));
            }
            section("members", title, std::move(list));
        }
        if (!description.connectedTo.empty()) {
            const std::string title = pick(lang, "Relié sans en être membre", "Connected, not a member");
            SemanticNode list = node(id + "/connections", SemanticRole::List, title);
            for (std::size_t i = 0; i < description.connectedTo.size() && i < limits.items; ++i) {
                const ProjectLink& link = description.connectedTo[i];
                const Entity& p = dataset.entities[link.project];
                std::string name = p.name;
                if (link.through) name += std::string(" (") + pick(lang, "via ", "through ") + dataset.entities[*link.through].name + ")";
                std::string chain;
                std::vector<std::size_t> chainSources;
                for (std::size_t r : link.chain) {
                    chain += (chain.empty() ? "" : semantic::semicolon(lang)) + relationSentence(dataset, r, lang);
                    const std::vector<std::size_t>& cited = dataset.relations[r].sources;
                    chainSources.insert(chainSources.end(), cited.begin(), cited.end());
                }
                list.children.push_back(selectItem(id + "/connection/" + p.id, p, std::move(name),
                                                   withMarks(std::move(chain), notes.cite(chainSources)), state));
            }
            if (description.connectedTo.size() > limits.items) {
                list.children.push_back(moreItem(id + "/connections", description.connectedTo.size() - limits.items, lang));
            }
            section("connections", title, std::move(list));
        }
    }
    if (!entity.facts.empty()) {
        const std::string title = pick(lang, "Faits", "Facts");
        SemanticNode list = node(id + "/facts", SemanticRole::List, title);
        std::vector<bool> shownFact(entity.facts.size(), false);
        std::size_t listed = 0;
        for (std::size_t i = 0; i < entity.facts.size() && listed < limits.items; ++i) {
            if (shownFact[i]) continue;
            const Fact& fact = entity.facts[i];
            const std::string itemId = id + "/fact/" + std::to_string(i);
            ++listed;
            if (fact.conflict.empty()) {
                list.children.push_back(node(itemId, SemanticRole::ListItem, withMarks(fact.text.get(lang), notes.cite(fact.sources))));
                shownFact[i] = true;
                continue;
            }
            // Claims that disagree stay together, under one warning, never merged.
            const std::string disagree = pick(lang, "Les sources divergent", "Sources disagree");
            SemanticNode item = node(itemId, SemanticRole::ListItem, disagree);
            SemanticNode claims = node(itemId + "/claims", SemanticRole::List, disagree);
            for (std::size_t j = i; j < entity.facts.size(); ++j) {
                if (entity.facts[j].conflict != fact.conflict) continue;
                claims.children.push_back(node(id + "/fact/" + std::to_string(j) + "/claim", SemanticRole::ListItem,
                                               withMarks(entity.facts[j].text.get(lang), notes.cite(entity.facts[j].sources))));
                shownFact[j] = true;
            }
            item.children.push_back(std::move(claims));
            list.children.push_back(std::move(item));
        }
        const std::size_t left = static_cast<std::size_t>(std::count(shownFact.begin(), shownFact.end(), false));
        if (left > 0) list.children.push_back(moreItem(id + "/facts", left, lang));
        section("facts", title, std::move(list));
    }
    std::vector<std::size_t> relations(dataset.relationsOf(selected).begin(), dataset.relationsOf(selected).end());
    relations.erase(std::unique(relations.begin(), relations.end()), relations.end());
    if (!relations.empty()) {
        sortBy(relations, [&](std::size_t a, std::size_t b) {
            return roleRank(dataset, dataset.relations[a].role) < roleRank(dataset, dataset.relations[b].role);
        });
        const std::string title = pick(lang, "Liens", "Links");
        SemanticNode list = node(id + "/links", SemanticRole::List, title);
        const std::size_t listed = std::min(relations.size(), limits.items);
        for (std::size_t i = 0; i < listed; ++i) {
            const Relation& relation = dataset.relations[relations[i]];
            const bool outgoing = relation.source == selected;
            const Entity& other = dataset.entities[outgoing ? relation.target : relation.source];
            const std::string reading = outgoing ? roleReading(dataset, relation.role, lang)
                                                 : roleReadingFromTarget(dataset, relation.role, lang);
            std::string description = notes.cite(relation.sources);
            if (!relation.conflict.empty()) {
                description += (description.empty() ? "" : " · ") + std::string(pick(lang, "Les sources divergent", "Sources disagree"));
            }
            if (!relation.note.empty()) description += (description.empty() ? "" : " · ") + relation.note.get(lang);
            list.children.push_back(selectItem(id + "/link/" + std::to_string(relations[i]), other,
                                               reading + " " + other.name, std::move(description), state));
        }
        if (relations.size() > listed) list.children.push_back(moreItem(id + "/links", relations.size() - listed, lang));
        section("links", title, std::move(list));
    }
    if (!notes.order().empty()) {
        const std::string title = pick(lang, "Sources", "Sources");
        SemanticNode list = node(id + "/sources", SemanticRole::List, title);
        // Every source a mark above points to is listed, whatever the limits: the marks need them.
        for (std::size_t i = 0; i < notes.order().size(); ++i) {
            const Source& source = dataset.sources[notes.order()[i]];
            const std::string itemId = id + "/source/" + source.id;
            std::string text = "[" + std::to_string(i + 1) + "] " + citeSource(source, lang) + " (" +
                               (source.layer == "article" ? pick(lang, "article", "article") : pick(lang, "autre source", "other source")) + ")";
            SemanticNode item = node(itemId, SemanticRole::ListItem, text);
            if (semantic::isWebUrl(source.url)) {
                SemanticNode link = node(itemId + "/link", SemanticRole::Link, std::move(text),
                                         source.url + " (" + pick(lang, "ouvre un nouvel onglet", "opens in a new tab") + ")");
                link.href = source.url;
                link.action = SemanticAction::OpenLink;
                item.children.push_back(std::move(link));
            }
            list.children.push_back(std::move(item));
        }
        section("sources", title, std::move(list));
    }
    region.children.push_back(button(id + "/close", pick(lang, "Fermer", "Close"), SemanticAction::Deselect, {}));
    return region;
}

// ---- the legend

std::string_view shapeWord(std::string_view shape, Lang lang) {
    if (shape == "square") return pick(lang, "carré", "square");
    if (shape == "circle") return pick(lang, "disque", "disc");
    if (shape == "diamond") return pick(lang, "losange", "diamond");
    if (shape == "hexagon") return pick(lang, "hexagone", "hexagon");
    return shape;
}

std::string_view glyphWord(RoleGlyph glyph, Lang lang) {
    switch (glyph) {
    case RoleGlyph::None: return pick(lang, "petit point", "small dot");
    case RoleGlyph::Star: return pick(lang, "étoile", "star");
    case RoleGlyph::TriangleUp: return pick(lang, "triangle pointe en haut", "upward triangle");
    case RoleGlyph::Circle: return pick(lang, "disque", "disc");
    case RoleGlyph::Square: return pick(lang, "carré", "square");
    case RoleGlyph::Diamond: return pick(lang, "losange", "diamond");
    case RoleGlyph::Hexagon: return pick(lang, "hexagone", "hexagon");
    case RoleGlyph::TriangleDown: return pick(lang, "triangle pointe en bas", "downward triangle");
    case RoleGlyph::Pentagon: return pick(lang, "pentagone", "pentagon");
    case RoleGlyph::Plus: return pick(lang, "croix", "plus sign");
    case RoleGlyph::TriangleRight: return pick(lang, "triangle pointe à droite", "right-pointing triangle");
    case RoleGlyph::Bar: return pick(lang, "barre", "bar");
    }
    return {};
}

SemanticNode legendRegion(const Dataset& dataset, const ViewState& state, const Visibility& shown) {
    const Lang lang = state.lang;
    SemanticNode region = node("legend", SemanticRole::Region, pick(lang, "Légende", "Legend"));
    SemanticNode list = node("legend/items", SemanticRole::List, pick(lang, "Légende", "Legend"));
    const auto item = [&](const std::string& key, std::string name, std::string look) {
        list.children.push_back(node("legend/" + key, SemanticRole::ListItem, std::move(name), std::move(look)));
    };
    if (state.view == View::Network) {
        const auto kind = [&](EntityKind k) { return std::string(shapeWord(kindTraits(k).shape, lang)); };
        item("project", std::string(kindTraits(EntityKind::Project).label.get(lang)), kind(EntityKind::Project));
        item("org-public", pick(lang, "Organisation publique", "Public organisation"), kind(EntityKind::Organisation));
        item("org-private", pick(lang, "Entreprise ou investisseur", "Company or investor"), kind(EntityKind::Organisation));
        item("org-civil", pick(lang, "Association, communauté, autre", "Non-profit, community, other"), kind(EntityKind::Organisation));
        item("several", pick(lang, "Membre de 2 projets ou plus", "Member of 2 or more projects"),
             pick(lang, "anneau autour du disque", "ring around the disc"));
        item("model", std::string(kindTraits(EntityKind::Model).label.get(lang)), kind(EntityKind::Model));
        item("initiative", std::string(kindTraits(EntityKind::Initiative).label.get(lang)), kind(EntityKind::Initiative));
        item("edge-lead", pick(lang, "Chef de file", "Lead"), pick(lang, "trait épais", "thick line"));
        item("edge-member", pick(lang, "Partenaire ou membre", "Partner or member"), pick(lang, "trait plein", "solid line"));
        item("edge-support", pick(lang, "Soutien, conseil scientifique", "Supporter, scientific council"), pick(lang, "tirets", "dashed line"));
        item("edge-lineage", pick(lang, "Développe, repose sur, entraîné sur", "Develops, built on, trained on"),
             pick(lang, "pointillés", "dotted line"));
        item("edge-part", pick(lang, "Équipe, programme, partie de", "Team, programme, part of"), pick(lang, "trait fin", "thin line"));
    } else {
        // The matrix: the glyphs of the member roles its visible relations use, by rank, then the
        // two ways of being linked without holding the role oneself.
        std::vector<std::string> roles;
        for (std::size_t r = 0; r < dataset.relations.size(); ++r) {
            const Relation& relation = dataset.relations[r];
            if (!shown.relation(r) || !dataset.traitsOf(r).membership) continue;
            if (isProject(dataset, relation.source) == isProject(dataset, relation.target)) continue;
            if (std::find(roles.begin(), roles.end(), relation.role) == roles.end()) roles.push_back(relation.role);
        }
        sortBy(roles, [&](const std::string& a, const std::string& b) {
            return std::pair(roleRank(dataset, a), a) < std::pair(roleRank(dataset, b), b);
        });
        for (const std::string& role : roles) {
            item("role/" + role, roleLabel(dataset, role, lang), std::string(glyphWord(roleTraits(role).glyph, lang)));
        }
        item("through-unit", pick(lang, "Symbole évidé : lien par une équipe ou un programme", "Hollow symbol: linked through a team or programme"), {});
        item("connection", pick(lang, "Relié par ce sur quoi le projet s’appuie (modèle, programme…), sans en être membre",
                                "Connected through what the project builds on (a model, a programme…), not a member"),
             pick(lang, "point cerclé", "ringed dot"));
    }
    region.children.push_back(std::move(list));
    return region;
}

// ---- the filters

SemanticNode filtersRegion(const Dataset& dataset, const ViewState& state, const SemanticLimits& limits) {
    const Lang lang = state.lang;
    const Filters& filters = state.filters;
    SemanticNode region = node("filters", SemanticRole::Region, pick(lang, "Filtres", "Filters"));
    SemanticNode multi = node("filters/multi", SemanticRole::Checkbox,
                              pick(lang, "Membre de deux projets ou plus", "Member of two or more projects"));
    multi.checked = filters.multiProjectOnly;
    multi.action = SemanticAction::ToggleFilter;
    multi.target = "multi";
    region.children.push_back(std::move(multi));
    SemanticNode clear = button("filters/clear", pick(lang, "Tout afficher", "Show all"), SemanticAction::ClearFilters, {});
    clear.disabled = filters.empty();
    region.children.push_back(std::move(clear));

    // Only the terms the dataset uses are offered, as on screen.
    std::vector<std::string> axes, sectors, types, roles;
    const auto add = [](std::vector<std::string>& to, const std::string& id) {
        if (std::find(to.begin(), to.end(), id) == to.end()) to.push_back(id);
    };
    for (const Entity& entity : dataset.entities) {
        for (const std::string& axis : entity.axes) add(axes, axis);
        for (const std::string& sector : entity.sectors) add(sectors, sector);
        if (entity.kind == EntityKind::Organisation && !entity.type.empty()) add(types, entity.type);
    }
    for (const Relation& relation : dataset.relations) add(roles, relation.role);
    const auto group = [&](const char* key, std::string title, const std::vector<Term>& terms,
                           const std::vector<std::string>& used, const std::vector<std::string>& selected) {
        if (used.empty()) return;
        const std::string groupId = std::string("filters/") + key;
        SemanticNode g = node(groupId, SemanticRole::Group, std::move(title));
        std::size_t listed = 0;
        for (const Term& term : terms) {
            if (std::find(used.begin(), used.end(), term.id) == used.end()) continue;
            if (listed++ == limits.items) break;
            SemanticNode box = node(groupId + "/" + term.id, SemanticRole::Checkbox, termLabel(terms, term.id, lang));
            box.checked = std::find(selected.begin(), selected.end(), term.id) != selected.end();
            box.action = SemanticAction::ToggleFilter;
            box.target = std::string(key) + ":" + term.id;
            g.children.push_back(std::move(box));
        }
        region.children.push_back(std::move(g));
    };
    group("axes", pick(lang, "Axes", "Axes"), dataset.axes, axes, filters.axes);
    group("sectors", pick(lang, "Secteurs", "Sectors"), dataset.sectors, sectors, filters.sectors);
    group("types", pick(lang, "Types d’organisation", "Organisation types"), dataset.types, types, filters.types);
    group("roles", pick(lang, "Rôles", "Roles"), dataset.roles, roles, filters.roles);
    return region;
}

// The language and the theme, as the top bar offers them.
SemanticNode settingsGroup(const ViewState& state, const SemanticContext& context) {
    const Lang lang = state.lang;
    SemanticNode group = node("settings", SemanticRole::Group, pick(lang, "Langue et thème", "Language and theme"));
    SemanticNode fr = button("settings/lang/fr", "Français", SemanticAction::SetLang, "fr");
    fr.pressed = lang == Lang::Fr;
    SemanticNode en = button("settings/lang/en", "English", SemanticAction::SetLang, "en");
    en.pressed = lang == Lang::En;
    const bool dark = context.darkShown.value_or(state.theme == Theme::Dark);
    SemanticNode theme = button("settings/theme", pick(lang, "Thème sombre", "Dark theme"), SemanticAction::SetTheme,
                                dark ? "light" : "dark");
    theme.pressed = dark;
    group.children.push_back(std::move(fr));
    group.children.push_back(std::move(en));
    group.children.push_back(std::move(theme));
    return group;
}

// The search field and what it finds, ranked by search.hpp over the whole dataset.
void searchNodes(const Dataset& dataset, const ViewState& state, const SemanticLimits& limits, SemanticNode& root) {
    const Lang lang = state.lang;
    SemanticNode field = node("search", SemanticRole::Combobox,
                              pick(lang, "Rechercher une organisation, un projet…", "Search an organisation, a project…"));
    field.value = state.search;
    std::vector<SearchHit> hits;
    if (!state.search.empty()) hits = search(SearchIndex(dataset, lang), state.search, limits.results);
    field.expanded = !hits.empty();
    root.children.push_back(std::move(field));
    if (state.search.empty()) return;
    if (hits.empty()) {
        root.children.push_back(node("search/none", SemanticRole::Paragraph,
                                     pick(lang, "Aucun résultat", "No results")));
        return;
    }
    SemanticNode list = node("search/results", SemanticRole::Listbox, pick(lang, "Résultats", "Results"));
    for (const SearchHit& hit : hits) {
        const Entity& entity = dataset.entities[hit.entity];
        std::string description = typeLabel(dataset, entity, lang);
        if (hit.field == MatchField::Alias && !hit.matched.empty()) {
            description += std::string(pick(lang, " — trouvé : ", " — matched: ")) + hit.matched;
        }
        SemanticNode option = node("search/results/" + entity.id, SemanticRole::Option, entity.name, std::move(description));
        option.action = SemanticAction::Select;
        option.target = entity.id;
        option.current = state.selection == entity.id;
        list.children.push_back(std::move(option));
    }
    root.children.push_back(std::move(list));
}

// ---- JSON

void writeNode(JsonWriter& out, const SemanticNode& n, std::vector<const SemanticNode*>& ancestors,
               const SemanticNodeAddition& addition) {
    out.beginObject();
    out.field("id", n.id);
    out.field("role", toString(n.role));
    out.field("name", n.name);
    if (!n.description.empty()) out.field("description", n.description);
    if (n.level != 0) out.field("level", n.level);
    if (n.checked) out.field("checked", *n.checked);
    if (n.pressed) out.field("pressed", *n.pressed);
    if (n.expanded) out.field("expanded", *n.expanded);
    if (n.current) out.field("current", true);
    if (n.disabled) out.field("disabled", true);
    if (!n.sort.empty()) out.field("sort", n.sort);
    if (!n.href.empty()) out.field("href", n.href);
    if (!n.value.empty() || n.role == SemanticRole::Searchbox || n.role == SemanticRole::Combobox) out.field("value", n.value);
    if (!n.roleDescription.empty()) out.field("roledescription", n.roleDescription);
    if (n.action != SemanticAction::None) {
        out.key("action").beginObject();
        out.field("type", toString(n.action));
        if (!n.target.empty()) out.field("target", n.target);
        out.endObject();
    }
    if (!n.children.empty()) {
        out.key("children").beginArray();
        ancestors.push_back(&n);
        for (const SemanticNode& child : n.children) writeNode(out, child, ancestors, addition);
        ancestors.pop_back();
        out.endArray();
    }
    if (addition) addition(out, n, ancestors);
    out.endObject();
}

} // namespace

SemanticNode buildSemanticTree(const Dataset& dataset, const ViewState& state, const VisibleSet& visible,
                               const SemanticLimits& limits, const SemanticContext& context) {
    const Lang lang = state.lang;
    const Visibility shown(dataset, visible);
    std::optional<std::size_t> selected;
    if (!state.selection.empty()) selected = dataset.findEntity(state.selection);

    SemanticNode root = node("explorer", SemanticRole::Region, dataset.title.get(lang));
    if (root.name.empty()) root.name = pick(lang, "Explorateur", "Explorer");

    root.children.push_back(settingsGroup(state, context));

    SemanticNode views = node("views", SemanticRole::Toolbar, pick(lang, "Vues", "Views"));
    for (View view : {View::Network, View::Matrix, View::Table, View::Projects}) {
        SemanticNode b = button("views/" + std::string(toString(view)), viewName(view, lang), SemanticAction::SetView,
                                std::string(toString(view)));
        b.pressed = state.view == view;
        views.children.push_back(std::move(b));
    }
    root.children.push_back(std::move(views));

    searchNodes(dataset, state, limits, root);

    SemanticNode view = node("view/" + std::string(toString(state.view)), SemanticRole::Region, viewName(state.view, lang));
    switch (state.view) {
    case View::Network: networkView(dataset, state, shown, selected, limits, view); break;
    case View::Matrix: view.children.push_back(matrixView(dataset, state, shown, limits)); break;
    case View::Table:
        view.children.push_back(participantsGrid(dataset, state, shown, limits));
        view.children.push_back(projectsGrid(dataset, state, shown, limits));
        break;
    case View::Projects: projectCards(dataset, state, shown, limits, view); break;
    }
    root.children.push_back(std::move(view));

    if (selected) root.children.push_back(detailsRegion(dataset, state, *selected, limits));
    if (state.view == View::Network || state.view == View::Matrix) root.children.push_back(legendRegion(dataset, state, shown));
    root.children.push_back(filtersRegion(dataset, state, limits));
    return root;
}

void writeSemanticTreeMembers(JsonWriter& out, const SemanticNode& root, const ViewState& state,
                              const SemanticNodeAddition& addition) {
    out.field("version", 1);
    out.field("lang", toString(state.lang));
    out.field("view", toString(state.view));
    out.field("nodes", semanticNodeCount(root));
    out.key("root");
    std::vector<const SemanticNode*> ancestors;
    writeNode(out, root, ancestors, addition);
}

std::string semanticTreeJson(const SemanticNode& root, const ViewState& state) {
    JsonWriter out;
    out.beginObject();
    writeSemanticTreeMembers(out, root, state);
    out.endObject();
    return out.take();
}

std::size_t semanticNodeCount(const SemanticNode& root) {
    std::size_t count = 1;
    for (const SemanticNode& child : root.children) count += semanticNodeCount(child);
    return count;
}

const SemanticNode* findSemanticNode(const SemanticNode& root, std::string_view id) {
    if (root.id == id) return &root;
    for (const SemanticNode& child : root.children) {
        if (const SemanticNode* found = findSemanticNode(child, id)) return found;
    }
    return nullptr;
}

std::string_view toString(SemanticRole role) {
    switch (role) {
    case SemanticRole::Region: return "region";
    case SemanticRole::Heading: return "heading";
    case SemanticRole::Paragraph: return "paragraph";
    case SemanticRole::List: return "list";
    case SemanticRole::ListItem: return "listitem";
    case SemanticRole::Grid: return "grid";
    case SemanticRole::Row: return "row";
    case SemanticRole::ColumnHeader: return "columnheader";
    case SemanticRole::RowHeader: return "rowheader";
    case SemanticRole::GridCell: return "gridcell";
    case SemanticRole::Article: return "article";
    case SemanticRole::Link: return "link";
    case SemanticRole::Button: return "button";
    case SemanticRole::Checkbox: return "checkbox";
    case SemanticRole::Group: return "group";
    case SemanticRole::Toolbar: return "toolbar";
    case SemanticRole::Searchbox: return "searchbox";
    case SemanticRole::Application: return "application";
    case SemanticRole::Combobox: return "combobox";
    case SemanticRole::Listbox: return "listbox";
    case SemanticRole::Option: return "option";
    }
    return "group";
}

std::string_view toString(SemanticAction action) {
    switch (action) {
    case SemanticAction::None: return "none";
    case SemanticAction::Select: return "select";
    case SemanticAction::Deselect: return "deselect";
    case SemanticAction::SetView: return "setView";
    case SemanticAction::ToggleFilter: return "toggleFilter";
    case SemanticAction::ClearFilters: return "clearFilters";
    case SemanticAction::OpenLink: return "openLink";
    case SemanticAction::SetLang: return "setLang";
    case SemanticAction::SetTheme: return "setTheme";
    }
    return "none";
}

} // namespace explorer
