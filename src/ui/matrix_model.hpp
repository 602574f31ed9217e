// What the matrix and the table show, computed from the dataset and what the filters leave
// visible, without ImGui: which participant is linked to which project and how, the rows of the
// two tables, their sort orders and the sentences of the matrix tooltips. Views draw these; tests
// check them directly.
//
// Marks follow the core's members and connections (core/model.hpp, "Participation"), seen through
// the filters:
//  - member, directly: a visible relation of a membership role between the participant and the
//    project (LINAGORA lead OpenLLM-France);
//  - member through a unit: the same, held by one of its units, i.e. the sources of visible
//    `team_of` / `programme_of` relations pointing at it, and their units in turn (ALMAnaCH
//    team_of Inria and ALMAnaCH partner Scribe: Inria through ALMAnaCH);
//  - connection: any other visible relation with the project (OpenLLM-France develops Lucie-7B),
//    or, only where nothing stronger marks the pair, a visible relation between the participant
//    (or one of its units) and a visible foundation of the project, by which the participant
//    contributes to that foundation or is itself one (Mistral AI develops Mistral 7B, on which a
//    variant of Claire is based…). A project's foundations are worked out on the whole dataset;
//    the filters judge only the last step, so a roles filter without `develops` hides "Mistral AI
//    develops Mistral 7B" and with it Mistral AI's mark. Connections are drawn as ringed dots and
//    never counted in a row's projects.
// With no filter, a cell with a member mark exists exactly where Dataset::membership is not None,
// and a cell with connection marks only where Dataset::connectionsOf lists the project.
#pragma once

#include "core/filters.hpp"
#include "core/model.hpp"
#include "core/view_state.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace explorer::ui {

// One way a participant is linked to a project: a visible relation held by the participant itself
// or by one of its units (`via`), which joins the holder either to the project or, for a link
// through a foundation, to `foundation`, something the project is built on.
struct CellMark {
    std::size_t relation = 0;               // index into Dataset::relations
    std::optional<std::size_t> via;         // the unit holding the relation; empty when the participant does
    std::optional<std::size_t> foundation;  // the relation's other end when it is not the project
    // A role of the project itself (RoleTraits::membership); anything else (a foundation, a
    // `builds_on`, an investor) only connects the pair and is drawn as a connection.
    bool member = true;
    bool direct() const { return member && !via.has_value() && !foundation.has_value(); }
    bool throughUnit() const { return member && via.has_value() && !foundation.has_value(); }
    bool throughFoundation() const { return !member; }
};

struct MatrixCell {
    std::size_t participant = 0;
    std::size_t project = 0;
    // Direct marks first, then marks through units; marks through foundations only in cells that
    // have neither (the weakest link is shown only when it is the only one), those held by the
    // participant before those held by its units. Within each group by role rank (roleRank),
    // then by relation index. Never empty.
    std::vector<CellMark> marks;
    bool hasDirect() const;
    bool hasThroughUnit() const;
    bool hasThroughFoundation() const;
};

// Every (visible participant, visible project) pair with at least one mark, sorted by
// participant then project (entity indices). Only visible relations count, so the roles filter
// applies to each step of a link through units and to the last step of a link through a
// foundation.
std::vector<MatrixCell> matrixCells(const Dataset& dataset, const VisibleSet& visible);

// The visible projects, in dataset order: the matrix's columns.
std::vector<std::size_t> visibleProjects(const Dataset& dataset, const VisibleSet& visible);

// A row of the matrix or of the participants table.
struct ParticipantRow {
    std::size_t entity = 0;
    std::vector<std::size_t> projects;  // visible projects it is a member of (cells with a member mark), in dataset order
    std::vector<std::size_t> connected; // visible projects it is only connected to
    std::vector<std::string> roles;    // distinct roles of its visible relations as source, by rank
};

// Visible participants (every kind but Project), in dataset order. With `linkedOnly`, only those
// linked to at least one visible project (the matrix has nothing to show for the others).
std::vector<ParticipantRow> participantRows(const Dataset& dataset, const VisibleSet& visible,
                                            const std::vector<MatrixCell>& cells, bool linkedOnly);

// Sorts rows by `sort`: Name (folded name), Type (typeLabel in `lang`, folded), Projects (number
// of linked projects), Roles (the role list compared rank by rank, so leads come together; rows
// without a role always last). Ties go to the folded name (A to Z whatever the direction), then
// to the id, so the order is the same on every run.
void sortParticipantRows(const Dataset& dataset, std::vector<ParticipantRow>& rows, TableSort sort, Lang lang);

// A row of the projects table.
struct ProjectRow {
    std::size_t project = 0;
    std::vector<std::size_t> leads; // sources of visible `lead` relations to the project
    std::size_t members = 0;        // distinct participants joined to it by a visible relation
};

std::vector<ProjectRow> projectRows(const Dataset& dataset, const VisibleSet& visible);

// The projects table keeps its sort in the same ViewState::sort as the participants table; each
// SortColumn stands for the projects column that plays the same part: Name → name, Type → axes
// (what classifies the row, compared axis by axis in vocabulary order), Projects → members (the
// count), Roles → lead (folded name of the first lead; projects without a lead always last).
// Ties as for participants.
void sortProjectRows(const Dataset& dataset, std::vector<ProjectRow>& rows, TableSort sort, Lang lang);

// Keeps the rows whose entity's name or alias contains the search text, ignoring case and
// accents (foldForSearch). An empty search keeps everything.
void keepMatchingRows(const Dataset& dataset, std::vector<ParticipantRow>& rows, std::string_view search);
void keepMatchingRows(const Dataset& dataset, std::vector<ProjectRow>& rows, std::string_view search);

// What the matrix's legend lists: the roles whose glyphs appear (by rank; marks through a
// foundation show the ringed dot instead), and whether hollow glyphs or ringed dots appear.
struct MatrixLegendContent {
    std::vector<std::string> roles;
    bool anyThroughUnit = false;
    bool anyThroughFoundation = false;
};
MatrixLegendContent matrixLegendContent(const Dataset& dataset, const std::vector<MatrixCell>& cells);

// ---- Rows kept from frame to frame
//
// The matrix and the tables draw a few dozen rows a frame (list clipping), but building and
// sorting all of them costs tens of milliseconds at 100k entities: they are built again only
// when what they depend on changes (RowsKey), and sorted again only when the sort changes, never
// per frame or per keystroke elsewhere. The app owns one ViewRows (UiContext::rows) and forgets
// it when another dataset is loaded; without one (tests), views build their rows every frame.

struct RowsKey {
    const Dataset* dataset = nullptr;
    std::size_t entities = 0;
    std::size_t relations = 0;
    Filters filters; // what the VisibleSet was computed from
    Lang lang = Lang::En;
    bool operator==(const RowsKey&) const = default;
};

// Rows are kept whole and sorted; a search keeps a copy of the matching ones in the same order
// (the table filters by the search box), made again when the search or the sort changes: a
// keystroke costs one pass over the rows, never a rebuild or a sort.
template <typename Row>
struct RowsCache {
    std::optional<RowsKey> key;
    std::vector<Row> all;
    std::vector<Row> matching;
    std::string search;         // what `matching` was kept for; empty: rows() is `all`
    bool matchingValid = false;
    std::optional<TableSort> sortedBy;
    float longestName = 0.0f;   // the widest name of rows(), in pixels at nameFontSize
    float nameFontSize = 0.0f;  // 0: not measured yet
    std::size_t builds = 0;     // how many times the rows were built (tests)
    std::size_t sorts = 0;      // how many times they were sorted (tests)
    const std::vector<Row>& rows() const { return search.empty() ? all : matching; }
};

struct ParticipantRowsCache : RowsCache<ParticipantRow> {
    std::vector<MatrixCell> cells;
    std::vector<std::size_t> projects; // visible projects, dataset order
    MatrixLegendContent legend;
};
using ProjectRowsCache = RowsCache<ProjectRow>;

struct ViewRows {
    ParticipantRowsCache matrix;       // linked participants only
    ParticipantRowsCache participants; // every visible participant
    ProjectRowsCache projects;
};

// Builds the cache's rows (and cells, projects, legend) again when `key` differs from the one
// they were built for. `linkedOnly` as for participantRows.
void refreshRows(ParticipantRowsCache& cache, const Dataset& dataset, const VisibleSet& visible, const RowsKey& key,
                 bool linkedOnly);
void refreshRows(ProjectRowsCache& cache, const Dataset& dataset, const VisibleSet& visible, const RowsKey& key);
// Sorts the rows when `sort` differs from the last sort applied since they were built.
void sortRows(ParticipantRowsCache& cache, const Dataset& dataset, TableSort sort, Lang lang);
void sortRows(ProjectRowsCache& cache, const Dataset& dataset, TableSort sort, Lang lang);
// Makes rows() the rows whose name or alias contains `search` (as keepMatchingRows), in order.
void matchRows(ParticipantRowsCache& cache, const Dataset& dataset, std::string_view search);
void matchRows(ProjectRowsCache& cache, const Dataset& dataset, std::string_view search);

// One sentence per mark of a cell, with the participant first and the project last:
// "LINAGORA — leads — OpenLLM-France", "Lucie-7B — is developed by — OpenLLM-France",
// "Inria — is a partner of — Scribe (through ALMAnaCH)", and through a foundation, naming it:
// "Mistral AI — develops Mistral 7B, which OpenLLM-France builds on", in `lang`.
std::vector<std::string> cellSentences(const Dataset& dataset, const MatrixCell& cell, Lang lang);

// Index of the row showing this entity (an index into Dataset::entities, -1 for none), or -1.
int revealedRowIndex(const std::vector<ParticipantRow>& rows, long long entity);
int revealedRowIndex(const std::vector<ProjectRow>& rows, long long entity);

} // namespace explorer::ui
