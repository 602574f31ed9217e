// The matrix and table views: what they compute (cells, links through teams and through what a
// project builds on, sort orders, search)
// and what a reader sees and does on a headless ImGui frame (row order on screen, clicks that
// select, rows hidden by filters or search, nothing drawn outside the view at phone width).
#include "core/dataset_loader.hpp"
#include "core/filters.hpp"
#include "core/text_fold.hpp"
#include "core/vocabulary.hpp"
#include "ui/fonts.hpp"
#include "ui/matrix_model.hpp"
#include "ui/theme.hpp"
#include "ui/ui_context.hpp"
#include "ui/views.hpp"

#include "support/headless_imgui.hpp"
#include "support/source_files.hpp"

#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace {

using namespace explorer;
using namespace explorer::ui;

Dataset shippedDataset() { return test::loadShippedDataset(); }

Entity entity(std::string id, EntityKind kind, std::string name, std::string type = {}) {
    Entity e;
    e.id = std::move(id);
    e.kind = kind;
    e.name = std::move(name);
    e.type = std::move(type);
    return e;
}

// A small hand-built world: Inria takes part in Scribe only through its team ALMAnaCH.
Dataset teamDataset() {
    Dataset d;
    d.types = builtinTypeTerms();
    d.roles = builtinRoleTerms();
    d.entities = {
        entity("project:scribe", EntityKind::Project, "Scribe"),
        entity("project:other", EntityKind::Project, "Other"),
        entity("org:inria", EntityKind::Organisation, "Inria", "public_research"),
        entity("org:almanach", EntityKind::Organisation, "ALMAnaCH", "research_team"),
        entity("org:lighton", EntityKind::Organisation, "LightOn", "startup"),
    };
    d.relations = {
        Relation{3, 2, "team_of", {}, {}, {}},
        Relation{3, 0, "partner", {}, {}, {}},
        Relation{4, 0, "partner", {}, {}, {}},
        Relation{4, 1, "lead", {}, {}, {}},
    };
    d.buildIndex();
    return d;
}

// A small hand-built world where a project builds on a lab, which develops a base model:
//   Atlas builds_on Lab; Lab develops Base; Forge develops Base; Variant part_of Base;
//   Team supporter Lab, Team team_of University; Reader trained_on Base (a user, not a maker);
//   Forge partner Beacon (a second project, linked directly).
Dataset foundationDataset() {
    Dataset d;
    d.types = builtinTypeTerms();
    d.roles = builtinRoleTerms();
    d.entities = {
        entity("project:atlas", EntityKind::Project, "Atlas"),
        entity("project:beacon", EntityKind::Project, "Beacon"),
        entity("org:lab", EntityKind::Organisation, "Lab", "community"),
        entity("model:base", EntityKind::Model, "Base"),
        entity("org:forge", EntityKind::Organisation, "Forge", "startup"),
        entity("model:variant", EntityKind::Model, "Variant"),
        entity("org:team", EntityKind::Organisation, "Team", "research_team"),
        entity("org:university", EntityKind::Organisation, "University", "university"),
        entity("model:reader", EntityKind::Model, "Reader"),
    };
    d.relations = {
        Relation{0, 2, "builds_on", {}, {}, {}},
        Relation{2, 3, "develops", {}, {}, {}},
        Relation{4, 3, "develops", {}, {}, {}},
        Relation{5, 3, "part_of", {}, {}, {}},
        Relation{6, 2, "supporter", {}, {}, {}},
        Relation{6, 7, "team_of", {}, {}, {}},
        Relation{8, 3, "trained_on", {}, {}, {}},
        Relation{4, 1, "partner", {}, {}, {}},
    };
    d.buildIndex();
    return d;
}

std::size_t indexOf(const Dataset& d, std::string_view id) {
    const std::optional<std::size_t> found = d.findEntity(id);
    EXPECT_TRUE(found.has_value()) << id;
    return found.value_or(0);
}

const MatrixCell* findCell(const std::vector<MatrixCell>& cells, std::size_t participant, std::size_t project) {
    for (const MatrixCell& cell : cells) {
        if (cell.participant == participant && cell.project == project) return &cell;
    }
    return nullptr;
}

std::size_t positionOf(const std::vector<ParticipantRow>& rows, std::size_t entity) {
    const auto found = std::find_if(rows.begin(), rows.end(), [&](const ParticipantRow& row) { return row.entity == entity; });
    return static_cast<std::size_t>(found - rows.begin());
}

// ---- The model (no ImGui)

TEST(MatrixModel, OrganisationTakesPartThroughItsTeamWithAHollowMark) {
    const Dataset d = teamDataset();
    const std::vector<MatrixCell> cells = matrixCells(d, applyFilters(d, {}));
    const MatrixCell* inria = findCell(cells, indexOf(d, "org:inria"), indexOf(d, "project:scribe"));
    ASSERT_NE(inria, nullptr) << "Inria must show in Scribe's column through ALMAnaCH";
    EXPECT_FALSE(inria->hasDirect());
    ASSERT_TRUE(inria->hasThroughUnit());
    EXPECT_EQ(inria->marks.front().via, indexOf(d, "org:almanach"));
    EXPECT_EQ(d.relations[inria->marks.front().relation].role, "partner");
    const MatrixCell* almanach = findCell(cells, indexOf(d, "org:almanach"), indexOf(d, "project:scribe"));
    ASSERT_NE(almanach, nullptr);
    EXPECT_TRUE(almanach->hasDirect());
    EXPECT_FALSE(almanach->hasThroughUnit());
    EXPECT_EQ(findCell(cells, indexOf(d, "org:inria"), indexOf(d, "project:other")), nullptr);
}

TEST(MatrixModel, RolesFilterCutsTheLinkThroughTheTeam) {
    const Dataset d = teamDataset();
    Filters filters;
    filters.roles = {"partner"};
    const std::vector<MatrixCell> cells = matrixCells(d, applyFilters(d, filters));
    EXPECT_EQ(findCell(cells, indexOf(d, "org:inria"), indexOf(d, "project:scribe")), nullptr);
    EXPECT_NE(findCell(cells, indexOf(d, "org:almanach"), indexOf(d, "project:scribe")), nullptr);
    EXPECT_EQ(findCell(cells, indexOf(d, "org:lighton"), indexOf(d, "project:other")), nullptr)
        << "the lead relation is filtered out";
}

TEST(MatrixModel, ShippedInriaScribeCellShowsBothItsOwnAndItsTeamsPartnership) {
    const Dataset d = shippedDataset();
    const std::vector<MatrixCell> cells = matrixCells(d, applyFilters(d, {}));
    const MatrixCell* cell = findCell(cells, indexOf(d, "org:inria"), indexOf(d, "project:scribe"));
    ASSERT_NE(cell, nullptr);
    EXPECT_TRUE(cell->hasDirect());
    EXPECT_TRUE(cell->hasThroughUnit());
    EXPECT_TRUE(cell->marks.front().direct()) << "direct marks come first";
    EXPECT_EQ(cell->marks.back().via, indexOf(d, "org:almanach"));

    const std::vector<std::string> en = cellSentences(d, *cell, Lang::En);
    ASSERT_EQ(en.size(), cell->marks.size());
    EXPECT_EQ(en.front(), "Inria — is a partner of — Scribe");
    EXPECT_EQ(en.back(), "Inria — is a partner of — Scribe (through ALMAnaCH)");
    const std::vector<std::string> fr = cellSentences(d, *cell, Lang::Fr);
    EXPECT_EQ(fr.back(), "Inria — est partenaire de — Scribe (via ALMAnaCH)");

    // Software Heritage programme_of Inria, and Software Heritage leads CC-SWH.
    const MatrixCell* ccswh = findCell(cells, indexOf(d, "org:inria"), indexOf(d, "project:cc-swh"));
    ASSERT_NE(ccswh, nullptr);
    EXPECT_FALSE(ccswh->hasDirect());
    EXPECT_EQ(ccswh->marks.front().via, indexOf(d, "initiative:software-heritage"));
}

// With no filter, the matrix shows a member mark exactly where the core says an entity is a member,
// of the same strength, and connection marks only where the core lists a connection: the matrix
// explains Dataset's participation, it does not redefine it.
void expectCellsAgreeWithParticipation(const Dataset& d) {
    const std::vector<MatrixCell> cells = matrixCells(d, applyFilters(d, {}));
    for (std::size_t e = 0; e < d.entities.size(); ++e) {
        if (d.entities[e].kind == EntityKind::Project) continue;
        std::vector<std::size_t> connected;
        for (const Dataset::Connection& c : d.connectionsOf(e)) connected.push_back(c.project);
        for (std::size_t p = 0; p < d.entities.size(); ++p) {
            if (d.entities[p].kind != EntityKind::Project) continue;
            const std::string pair = d.entities[e].id + " in " + d.entities[p].id;
            const Dataset::Membership how = d.membership(e, p);
            const bool isConnected = std::find(connected.begin(), connected.end(), p) != connected.end();
            const MatrixCell* cell = findCell(cells, e, p);
            if (how == Dataset::Membership::None && !isConnected) {
                EXPECT_EQ(cell, nullptr) << pair;
                continue;
            }
            ASSERT_NE(cell, nullptr) << pair;
            EXPECT_EQ(how == Dataset::Membership::Direct, cell->hasDirect()) << pair;
            EXPECT_EQ(how == Dataset::Membership::ThroughUnit, !cell->hasDirect() && cell->hasThroughUnit()) << pair;
            EXPECT_EQ(how == Dataset::Membership::None, cell->hasThroughFoundation()) << pair;
        }
    }
}

TEST(MatrixModel, CellsAgreeWithDatasetParticipation) {
    expectCellsAgreeWithParticipation(shippedDataset());
    expectCellsAgreeWithParticipation(foundationDataset());
    expectCellsAgreeWithParticipation(teamDataset());
}

TEST(MatrixModel, ShippedMistralAiIsConnectedToOpenLlmFranceThroughMistral7b) {
    const Dataset d = shippedDataset();
    const VisibleSet visible = applyFilters(d, {});
    const std::vector<MatrixCell> cells = matrixCells(d, visible);
    const MatrixCell* cell = findCell(cells, indexOf(d, "org:mistral-ai"), indexOf(d, "project:openllm-france"));
    ASSERT_NE(cell, nullptr) << "Mistral AI develops Mistral 7B, on which Claire (Mistral 7B) is based";
    EXPECT_FALSE(cell->hasDirect());
    EXPECT_FALSE(cell->hasThroughUnit());
    ASSERT_TRUE(cell->hasThroughFoundation());
    ASSERT_EQ(cell->marks.size(), 1u);
    EXPECT_EQ(cell->marks.front().foundation, indexOf(d, "model:mistral-7b"));
    EXPECT_EQ(d.relations[cell->marks.front().relation].role, "develops");
    EXPECT_EQ(cellSentences(d, *cell, Lang::En).front(), "Mistral AI — develops Mistral 7B, which OpenLLM-France builds on");
    EXPECT_EQ(cellSentences(d, *cell, Lang::Fr).front(),
              "Mistral AI — développe Mistral 7B, l’un des socles du projet OpenLLM-France");

    // Its row counts one project, ArGiMi: a connection is shown, never counted as membership.
    const std::vector<ParticipantRow> rows = participantRows(d, visible, cells, true);
    const ParticipantRow& row = rows[positionOf(rows, indexOf(d, "org:mistral-ai"))];
    EXPECT_EQ(row.projects, (std::vector<std::size_t>{indexOf(d, "project:argimi")}));
    EXPECT_EQ(row.connected, (std::vector<std::size_t>{indexOf(d, "project:openllm-france")}));

    // The model itself is one of the project's foundations, one step below a variant of Claire.
    const MatrixCell* model = findCell(cells, indexOf(d, "model:mistral-7b"), indexOf(d, "project:openllm-france"));
    ASSERT_NE(model, nullptr);
    EXPECT_EQ(cellSentences(d, *model, Lang::En).front(),
              "Mistral 7B — is the base of Claire (Mistral 7B), which OpenLLM-France builds on");
}

TEST(MatrixModel, ShippedSciencesPoTakesPartInAiForDemocracyThroughCommunsDemocratiques) {
    const Dataset d = shippedDataset();
    const std::vector<MatrixCell> cells = matrixCells(d, applyFilters(d, {}));
    const MatrixCell* cell = findCell(cells, indexOf(d, "org:sciences-po"), indexOf(d, "project:ai-for-democracy"));
    ASSERT_NE(cell, nullptr);
    ASSERT_TRUE(cell->hasThroughFoundation());
    EXPECT_FALSE(cell->hasDirect());
    EXPECT_EQ(cell->marks.front().foundation, indexOf(d, "initiative:communs-democratiques"));
    EXPECT_EQ(cellSentences(d, *cell, Lang::En).front(),
              "Sciences Po — is a founding member of Communs démocratiques, which AI for Democracy builds on");
    // Make.org, also a founding member, leads the project: its cell shows the lead, not the path.
    const MatrixCell* makeOrg = findCell(cells, indexOf(d, "org:make-org"), indexOf(d, "project:ai-for-democracy"));
    ASSERT_NE(makeOrg, nullptr);
    EXPECT_TRUE(makeOrg->hasDirect());
    EXPECT_FALSE(makeOrg->hasThroughFoundation());
}

TEST(MatrixModel, RolesFilterWithoutDevelopsRemovesMistralAisFoundationMark) {
    const Dataset d = shippedDataset();
    Filters filters;
    for (const Term& role : d.roles) {
        if (role.id != "develops" && role.id != "based_on" && role.id != "part_of" && role.id != "builds_on") {
            filters.roles.push_back(role.id);
        }
    }
    const VisibleSet visible = applyFilters(d, filters);
    ASSERT_TRUE(visible.entity[indexOf(d, "org:mistral-ai")]) << "still a partner of ArGiMi";
    const std::vector<MatrixCell> cells = matrixCells(d, visible);
    EXPECT_EQ(findCell(cells, indexOf(d, "org:mistral-ai"), indexOf(d, "project:openllm-france")), nullptr);
    EXPECT_NE(findCell(cells, indexOf(d, "org:mistral-ai"), indexOf(d, "project:argimi")), nullptr);
    const std::vector<ParticipantRow> rows = participantRows(d, visible, cells, false);
    EXPECT_EQ(rows[positionOf(rows, indexOf(d, "org:mistral-ai"))].projects.size(), 1u);

    // Every role selected brings the mark back; leaving out `develops` alone takes it away again.
    for (const char* role : {"develops", "based_on", "part_of", "builds_on"}) filters.roles.push_back(role);
    EXPECT_NE(findCell(matrixCells(d, applyFilters(d, filters)), indexOf(d, "org:mistral-ai"),
                       indexOf(d, "project:openllm-france")),
              nullptr);
    std::erase(filters.roles, "develops");
    EXPECT_EQ(findCell(matrixCells(d, applyFilters(d, filters)), indexOf(d, "org:mistral-ai"),
                       indexOf(d, "project:openllm-france")),
              nullptr);
}

TEST(MatrixModel, FoundationPathSentencesNameTheFoundationReached) {
    const Dataset d = foundationDataset();
    const std::vector<MatrixCell> cells = matrixCells(d, applyFilters(d, {}));
    const std::size_t atlas = indexOf(d, "project:atlas");
    const auto sentence = [&](std::string_view participant, Lang lang) {
        const MatrixCell* cell = findCell(cells, indexOf(d, participant), atlas);
        EXPECT_NE(cell, nullptr) << participant;
        return cell ? cellSentences(d, *cell, lang) : std::vector<std::string>{};
    };
    EXPECT_EQ(sentence("org:forge", Lang::En), std::vector<std::string>{"Forge — develops Base, which Atlas builds on"});
    EXPECT_EQ(sentence("org:forge", Lang::Fr),
              std::vector<std::string>{"Forge — développe Base, l’un des socles du projet Atlas"});
    EXPECT_EQ(sentence("model:base", Lang::En), std::vector<std::string>{"Base — is developed by Lab, which Atlas builds on"});
    EXPECT_EQ(sentence("model:variant", Lang::En), std::vector<std::string>{"Variant — is part of Base, which Atlas builds on"});
    EXPECT_EQ(sentence("org:university", Lang::En),
              std::vector<std::string>{"University — supports Lab, which Atlas builds on (through Team)"});
    EXPECT_EQ(sentence("org:university", Lang::Fr),
              std::vector<std::string>{"University — soutient Lab, l’un des socles du projet Atlas (via Team)"});

    // Atlas builds on Lab: a relation with the project itself, but no membership. The cell shows
    // that one relation, not also what Lab develops.
    const MatrixCell* lab = findCell(cells, indexOf(d, "org:lab"), atlas);
    ASSERT_NE(lab, nullptr);
    ASSERT_EQ(lab->marks.size(), 1u);
    EXPECT_FALSE(lab->marks.front().direct());
    EXPECT_TRUE(lab->marks.front().throughFoundation());
    EXPECT_FALSE(lab->marks.front().foundation.has_value());
    // A model trained on the base uses it, it does not make it.
    EXPECT_EQ(findCell(cells, indexOf(d, "model:reader"), atlas), nullptr);
    // Forge is a member of Beacon and only connected to Atlas, through Base.
    const VisibleSet visible = applyFilters(d, {});
    const std::vector<ParticipantRow> rows = participantRows(d, visible, cells, true);
    EXPECT_EQ(rows[positionOf(rows, indexOf(d, "org:forge"))].projects, (std::vector<std::size_t>{indexOf(d, "project:beacon")}));
    EXPECT_EQ(rows[positionOf(rows, indexOf(d, "org:forge"))].connected, (std::vector<std::size_t>{atlas}));
}

TEST(MatrixModel, FoundationMarkNeedsTheFoundationAndTheProjectVisible) {
    const Dataset d = foundationDataset();
    Filters filters;
    filters.types = {"university", "research_team", "startup"}; // Lab, a community, is not selected
    VisibleSet visible = applyFilters(d, filters);
    ASSERT_TRUE(visible.entity[indexOf(d, "org:university")]);
    ASSERT_TRUE(visible.entity[indexOf(d, "org:lab")])
        << "Lab stays visible on the way from University to Atlas (core/filters.hpp, rule 5)";
    std::vector<MatrixCell> cells = matrixCells(d, visible);
    EXPECT_NE(findCell(cells, indexOf(d, "org:university"), indexOf(d, "project:atlas")), nullptr)
        << "University supports Lab, which Atlas builds on";
    EXPECT_NE(findCell(cells, indexOf(d, "org:forge"), indexOf(d, "project:atlas")), nullptr)
        << "Base, a model, is not judged by type";

    filters = {};
    filters.roles = {"develops", "partner", "builds_on"};
    visible = applyFilters(d, filters);
    cells = matrixCells(d, visible);
    EXPECT_EQ(findCell(cells, indexOf(d, "model:variant"), indexOf(d, "project:atlas")), nullptr)
        << "part_of is filtered out";
    EXPECT_NE(findCell(cells, indexOf(d, "org:forge"), indexOf(d, "project:atlas")), nullptr);
}

TEST(MatrixModel, RelationFromAProjectReadsFromTheParticipant) {
    const Dataset d = shippedDataset();
    const std::vector<MatrixCell> cells = matrixCells(d, applyFilters(d, {}));
    const MatrixCell* lucie = findCell(cells, indexOf(d, "model:lucie-7b"), indexOf(d, "project:openllm-france"));
    ASSERT_NE(lucie, nullptr) << "OpenLLM-France develops Lucie-7B: the model is in the project's column";
    EXPECT_EQ(cellSentences(d, *lucie, Lang::En).front(), "Lucie-7B — is developed by — OpenLLM-France");
    const MatrixCell* linagora = findCell(cells, indexOf(d, "org:linagora"), indexOf(d, "project:openllm-france"));
    ASSERT_NE(linagora, nullptr);
    EXPECT_EQ(cellSentences(d, *linagora, Lang::En).front(), "LINAGORA — leads — OpenLLM-France");
    EXPECT_EQ(cellSentences(d, *linagora, Lang::Fr).front(), "LINAGORA — est chef de file de — OpenLLM-France");
}

TEST(MatrixModel, SortingByProjectsPutsMultiProjectOrganisationsFirst) {
    const Dataset d = shippedDataset();
    const VisibleSet visible = applyFilters(d, {});
    std::vector<ParticipantRow> rows = participantRows(d, visible, matrixCells(d, visible), true);
    sortParticipantRows(d, rows, TableSort{SortColumn::Projects, true}, Lang::En);
    const std::size_t linagora = positionOf(rows, indexOf(d, "org:linagora"));
    EXPECT_LT(positionOf(rows, indexOf(d, "org:cnrs")), linagora);
    EXPECT_LT(positionOf(rows, indexOf(d, "org:inria")), linagora);
    EXPECT_EQ(rows.front().entity, indexOf(d, "org:cnrs")) << "CNRS and Inria: members of AI for Democracy and Scribe, A to Z";
    EXPECT_EQ(rows[1].entity, indexOf(d, "org:inria"));
    for (std::size_t i = 1; i < rows.size(); ++i) {
        EXPECT_GE(rows[i - 1].projects.size(), rows[i].projects.size()) << i;
    }
    sortParticipantRows(d, rows, TableSort{SortColumn::Projects, false}, Lang::En);
    EXPECT_EQ(rows.back().entity, indexOf(d, "org:inria"));
}

TEST(MatrixModel, SortingByNameIgnoresAccentsAndCase) {
    const Dataset d = shippedDataset();
    const VisibleSet visible = applyFilters(d, {});
    std::vector<ParticipantRow> rows = participantRows(d, visible, matrixCells(d, visible), false);
    sortParticipantRows(d, rows, TableSort{SortColumn::Name, false}, Lang::Fr);
    for (std::size_t i = 1; i < rows.size(); ++i) {
        EXPECT_LE(foldForSearch(d.entities[rows[i - 1].entity].name), foldForSearch(d.entities[rows[i].entity].name));
    }
    // "Éducation nationale" sorts among the E, not after Z.
    EXPECT_LT(positionOf(rows, indexOf(d, "org:education-nationale")), positionOf(rows, indexOf(d, "org:genci")));
    sortParticipantRows(d, rows, TableSort{SortColumn::Name, true}, Lang::Fr);
    EXPECT_GT(positionOf(rows, indexOf(d, "org:education-nationale")), positionOf(rows, indexOf(d, "org:genci")));
}

TEST(MatrixModel, SortingByRolesGroupsLeadsAndPutsRowsWithoutRolesLast) {
    const Dataset d = shippedDataset();
    const VisibleSet visible = applyFilters(d, {});
    std::vector<ParticipantRow> rows = participantRows(d, visible, matrixCells(d, visible), false);
    for (bool descending : {false, true}) {
        sortParticipantRows(d, rows, TableSort{SortColumn::Roles, descending}, Lang::En);
        EXPECT_TRUE(rows.back().roles.empty()) << descending;
    }
    sortParticipantRows(d, rows, TableSort{SortColumn::Roles, false}, Lang::En);
    EXPECT_EQ(rows.front().roles.front(), "lead");
}

TEST(MatrixModel, ProjectRowsNameTheirLeadAndCountMembers) {
    const Dataset d = shippedDataset();
    std::vector<ProjectRow> rows = projectRows(d, applyFilters(d, {}));
    ASSERT_EQ(rows.size(), 7u);
    const auto row = [&](std::string_view id) {
        return *std::find_if(rows.begin(), rows.end(), [&](const ProjectRow& r) { return r.project == indexOf(d, id); });
    };
    EXPECT_EQ(row("project:openllm-france").leads, std::vector<std::size_t>{indexOf(d, "org:linagora")});
    EXPECT_TRUE(row("project:argimi").leads.empty());
    EXPECT_EQ(row("project:scribe").members, 8u);
    sortProjectRows(d, rows, TableSort{SortColumn::Projects, true}, Lang::En);
    EXPECT_EQ(d.entities[rows.front().project].id, "project:ai-for-democracy") << "16 members";
    // ArGiMi, CC-SWH and Scribe name no lead (no source names one): they come last whichever the
    // direction.
    for (bool descending : {false, true}) {
        sortProjectRows(d, rows, TableSort{SortColumn::Roles, descending}, Lang::En);
        EXPECT_EQ(d.entities[rows[4].project].id, "project:argimi") << descending;
        EXPECT_EQ(d.entities[rows[5].project].id, "project:cc-swh") << descending;
        EXPECT_EQ(d.entities[rows[6].project].id, "project:scribe") << descending;
        EXPECT_FALSE(rows[3].leads.empty()) << descending;
    }
    sortProjectRows(d, rows, TableSort{SortColumn::Roles, false}, Lang::En);
    EXPECT_EQ(d.entities[rows.front().project].id, "project:podria") << "Dust leads PODRIA";
}

TEST(MatrixModel, SearchKeepsRowsWhoseNameOrAliasMatchesWithoutAccents) {
    const Dataset d = shippedDataset();
    const VisibleSet visible = applyFilters(d, {});
    std::vector<ParticipantRow> rows = participantRows(d, visible, matrixCells(d, visible), false);
    keepMatchingRows(d, rows, "EDUCATION");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows.front().entity, indexOf(d, "org:education-nationale"));
    rows = participantRows(d, visible, matrixCells(d, visible), false);
    keepMatchingRows(d, rows, "oecd");
    ASSERT_EQ(rows.size(), 1u) << "OCDE is found by its English alias";
    EXPECT_EQ(rows.front().entity, indexOf(d, "org:oecd"));
}

// ---- The views on a headless ImGui frame

enum class Which { Matrix, Table };

class MatrixTableView : public test::HeadlessImGui {
protected:
    void SetUp() override {
        HeadlessImGui::SetUp();
        dataset = shippedDataset();
    }

    void frame(Which which, float width, float height) {
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(width, height);
        io.DeltaTime = 1.0f / 60.0f;
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(io.DisplaySize);
        ImGui::Begin("##root", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
        visible = applyFilters(dataset, state.filters);
        located.clear();
        hovered = -1;
        Intents intents(state, &dataset);
        UiContext ui{fonts, palette(false), state.lang, visible, located, gestures, hovered, intents};
        if (which == Which::Matrix) {
            drawMatrixView(dataset, state, ui);
        } else {
            drawTableView(dataset, state, ui);
        }
        ImGui::End();
        ImGui::Render();
    }

    void frames(Which which, float width, float height, int count = 3) {
        for (int i = 0; i < count; ++i) frame(which, width, height);
    }

    void clickAt(Which which, float width, float height, ImVec2 point) {
        ImGuiIO& io = ImGui::GetIO();
        io.AddMousePosEvent(point.x, point.y);
        frame(which, width, height);
        io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
        frame(which, width, height);
        io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
        frame(which, width, height);
        frame(which, width, height);
    }

    void click(Which which, float width, float height, const ScreenRect& rect) {
        clickAt(which, width, height, ImVec2(rect.x + rect.width * 0.5f, rect.y + rect.height * 0.5f));
    }

    bool isLocated(std::string_view id) { return located.count(indexOf(dataset, id)) > 0; }
    float yOf(std::string_view id) { return located.at(indexOf(dataset, id)).y; }

    // Located participants (not projects), top to bottom.
    std::vector<std::size_t> participantsTopToBottom() {
        std::vector<std::pair<float, std::size_t>> byY;
        for (const auto& [entity, rect] : located) {
            if (dataset.entities[entity].kind != EntityKind::Project) byY.emplace_back(rect.y, entity);
        }
        std::sort(byY.begin(), byY.end());
        std::vector<std::size_t> order;
        for (const auto& [y, entity] : byY) order.push_back(entity);
        return order;
    }

    // The rectangle of a table's header cell, found through ImGui's own table data (the header
    // is not an entity, so it is not located).
    std::optional<ImVec2> headerCentre(std::string_view columnName) {
        ImGuiContext& g = *ImGui::GetCurrentContext();
        for (int n = 0; n < g.Tables.GetMapSize(); ++n) {
            ImGuiTable* table = g.Tables.TryGetMapData(n);
            if (table == nullptr || table->LastFrameActive != g.FrameCount) continue;
            for (int column = 0; column < table->ColumnsCount; ++column) {
                const std::string name = ImGui::TableGetColumnName(table, column);
                if (name.substr(0, name.find("###")) == columnName) {
                    const ImGuiTableColumn& c = table->Columns[column];
                    return ImVec2((c.ClipRect.Min.x + c.ClipRect.Max.x) * 0.5f,
                                  table->OuterRect.Min.y + ImGui::GetTextLineHeight() * 0.5f + 2.0f);
                }
            }
        }
        return std::nullopt;
    }

    std::optional<ImVec2> tabCentre(std::string_view label) {
        ImGuiContext& g = *ImGui::GetCurrentContext();
        for (int n = 0; n < g.TabBars.GetMapSize(); ++n) {
            ImGuiTabBar* bar = g.TabBars.TryGetMapData(n);
            if (bar == nullptr) continue;
            for (ImGuiTabItem& tab : bar->Tabs) {
                const std::string name = ImGui::TabBarGetTabName(bar, &tab);
                if (name.substr(0, name.find("###")) == label) {
                    return ImVec2(bar->BarRect.Min.x + tab.Offset + tab.Width * 0.5f,
                                  (bar->BarRect.Min.y + bar->BarRect.Max.y) * 0.5f);
                }
            }
        }
        return std::nullopt;
    }

    void expectEverythingLocatedInside(float width, float height, const std::string& what) {
        EXPECT_FALSE(located.empty()) << what;
        for (const auto& [entity, rect] : located) {
            const std::string name = dataset.entities[entity].name + " in " + what;
            EXPECT_GE(rect.x, 0.0f) << name;
            EXPECT_GE(rect.y, 0.0f) << name;
            EXPECT_LE(rect.x + rect.width, width + 0.01f) << name;
            EXPECT_LE(rect.y + rect.height, height + 0.01f) << name;
            EXPECT_GT(rect.width, 0.0f) << name;
            EXPECT_GT(rect.height, 0.0f) << name;
        }
    }

    Dataset dataset;
    ViewState state;
    VisibleSet visible;
    LocatedEntities located;
    GestureInput gestures;
    long long hovered = -1;
};

TEST_F(MatrixTableView, MatrixSortedByProjectsShowsMultiProjectOrganisationsAboveTheOthers) {
    state.sort = TableSort{SortColumn::Projects, true};
    frames(Which::Matrix, 640, 2400);
    ASSERT_TRUE(isLocated("org:cnrs"));
    ASSERT_TRUE(isLocated("org:inria"));
    ASSERT_TRUE(isLocated("org:linagora"));
    EXPECT_LT(yOf("org:cnrs"), yOf("org:inria")) << "two projects each: A to Z";
    EXPECT_LT(yOf("org:inria"), yOf("org:linagora"));
    EXPECT_LT(yOf("org:inria"), yOf("org:make-org"));
}

TEST_F(MatrixTableView, MatrixSortedByNameIsAlphabeticalOnScreen) {
    state.sort = TableSort{SortColumn::Name, false};
    frames(Which::Matrix, 640, 2400);
    const std::vector<std::size_t> order = participantsTopToBottom();
    ASSERT_GT(order.size(), 20u);
    for (std::size_t i = 1; i < order.size(); ++i) {
        EXPECT_LE(foldForSearch(dataset.entities[order[i - 1]].name), foldForSearch(dataset.entities[order[i]].name))
            << dataset.entities[order[i]].name;
    }
    // A participant linked to no project has no row in the matrix.
    EXPECT_FALSE(isLocated("org:sequoia-capital"));
}

TEST_F(MatrixTableView, ClickingTheProjectsHeaderSortsTheMatrixMostProjectsFirst) {
    frames(Which::Matrix, 1200, 2400);
    ASSERT_LT(yOf("org:allonia"), yOf("org:inria")) << "by name first";
    const std::optional<ImVec2> header = headerCentre("Projects");
    ASSERT_TRUE(header.has_value());
    clickAt(Which::Matrix, 1200, 2400, *header);
    EXPECT_EQ(state.sort, (TableSort{SortColumn::Projects, true}));
    EXPECT_LT(yOf("org:inria"), yOf("org:allonia"));
    clickAt(Which::Matrix, 1200, 2400, *header);
    EXPECT_EQ(state.sort, (TableSort{SortColumn::Projects, false}));
    EXPECT_GT(yOf("org:inria"), yOf("org:allonia"));
}

TEST_F(MatrixTableView, ClickingARowNameOrAProjectHeaderInTheMatrixSelectsIt) {
    frames(Which::Matrix, 320, 600);
    ASSERT_TRUE(isLocated("org:cnrs"));
    click(Which::Matrix, 320, 600, located.at(indexOf(dataset, "org:cnrs")));
    EXPECT_EQ(state.selection, "org:cnrs");
    ASSERT_TRUE(isLocated("project:ai-for-democracy")) << "the first project column shows at 320 px";
    click(Which::Matrix, 320, 600, located.at(indexOf(dataset, "project:ai-for-democracy")));
    EXPECT_EQ(state.selection, "project:ai-for-democracy");
}

TEST_F(MatrixTableView, HoveringAnIndirectCellExplainsTheLinkInATooltip) {
    frames(Which::Matrix, 1200, 2400);
    ASSERT_TRUE(isLocated("project:scribe"));
    ASSERT_TRUE(isLocated("org:inria"));
    const ScreenRect column = located.at(indexOf(dataset, "project:scribe"));
    const ScreenRect row = located.at(indexOf(dataset, "org:inria"));
    ImGui::GetIO().AddMousePosEvent(column.x + column.width * 0.5f, row.y + row.height * 0.5f);
    frames(Which::Matrix, 1200, 2400, 2);
    EXPECT_EQ(hovered, static_cast<long long>(indexOf(dataset, "org:inria")));
    bool tooltipShown = false;
    for (ImGuiWindow* window : ImGui::GetCurrentContext()->Windows) {
        if (window->Active && (window->Flags & ImGuiWindowFlags_Tooltip)) tooltipShown = true;
    }
    EXPECT_TRUE(tooltipShown);
}

TEST_F(MatrixTableView, MistralAiHasAConnectionCellInOpenLlmFrancesColumnButCountsOneProject) {
    frames(Which::Matrix, 1200, 2400);
    ASSERT_TRUE(isLocated("project:openllm-france"));
    ASSERT_TRUE(isLocated("org:mistral-ai"));
    const ScreenRect column = located.at(indexOf(dataset, "project:openllm-france"));
    const ScreenRect row = located.at(indexOf(dataset, "org:mistral-ai"));
    ImGui::GetIO().AddMousePosEvent(column.x + column.width * 0.5f, row.y + row.height * 0.5f);
    frames(Which::Matrix, 1200, 2400, 2);
    EXPECT_EQ(hovered, static_cast<long long>(indexOf(dataset, "org:mistral-ai")))
        << "the cell is there to hover (an empty cell has nothing to hover)";
    bool tooltipShown = false;
    for (ImGuiWindow* window : ImGui::GetCurrentContext()->Windows) {
        if (window->Active && (window->Flags & ImGuiWindowFlags_Tooltip)) tooltipShown = true;
    }
    EXPECT_TRUE(tooltipShown);

    // In the table sorted by number of projects, CNRS (member of AI for Democracy and Scribe)
    // comes before LINAGORA and Mistral AI (member of one project each; Mistral AI's connection to
    // OpenLLM-France does not count).
    ImGui::GetIO().AddMousePosEvent(-1.0f, -1.0f);
    state.sort = TableSort{SortColumn::Projects, true};
    frames(Which::Table, 640, 2400);
    EXPECT_LT(yOf("org:cnrs"), yOf("org:linagora"));
    EXPECT_LT(yOf("org:cnrs"), yOf("org:mistral-ai"));
}

TEST_F(MatrixTableView, FilteredOutEntitiesAreNotLocated) {
    state.filters.types = {"startup"};
    for (Which which : {Which::Matrix, Which::Table}) {
        frames(which, 1200, 2400);
        EXPECT_TRUE(isLocated("org:mistral-ai"));
        EXPECT_TRUE(isLocated("org:lighton"));
        EXPECT_FALSE(isLocated("org:inria"));
        EXPECT_FALSE(isLocated("org:cnrs"));
        EXPECT_FALSE(isLocated("org:linagora"));
    }
    state.filters = {};
    state.filters.axes = {"evaluation"};
    frames(Which::Matrix, 1200, 2400);
    EXPECT_FALSE(isLocated("project:openllm-france")) << "its column is gone";
}

TEST_F(MatrixTableView, SearchTextHidesTableRowsThatDoNotMatch) {
    frames(Which::Table, 640, 2400);
    EXPECT_TRUE(isLocated("org:cnrs"));
    state.search = "inria";
    frames(Which::Table, 640, 2400);
    EXPECT_TRUE(isLocated("org:inria"));
    EXPECT_FALSE(isLocated("org:cnrs"));
    state.search = "education nationale";
    frames(Which::Table, 640, 2400);
    EXPECT_TRUE(isLocated("org:education-nationale"));
    EXPECT_EQ(located.size(), 1u);
}

TEST_F(MatrixTableView, TableListsParticipantsWithoutProjectsAndSortsByName) {
    frames(Which::Table, 640, 2400);
    EXPECT_TRUE(isLocated("org:sequoia-capital")) << "the table lists every visible participant";
    const std::vector<std::size_t> order = participantsTopToBottom();
    ASSERT_GT(order.size(), 40u);
    for (std::size_t i = 1; i < order.size(); ++i) {
        EXPECT_LE(foldForSearch(dataset.entities[order[i - 1]].name), foldForSearch(dataset.entities[order[i]].name));
    }
    state.sort = TableSort{SortColumn::Projects, true};
    frames(Which::Table, 640, 2400);
    EXPECT_LT(yOf("org:inria"), yOf("org:linagora"));
    EXPECT_LT(yOf("org:cnrs"), yOf("org:linagora"));
}

TEST_F(MatrixTableView, ClickingANameInTheTableSelectsIt) {
    frames(Which::Table, 320, 600);
    ASSERT_TRUE(isLocated("org:bnf"));
    click(Which::Table, 320, 600, located.at(indexOf(dataset, "org:bnf")));
    EXPECT_EQ(state.selection, "org:bnf");
}

TEST_F(MatrixTableView, ProjectsTabListsProjectsAndSelectsOnClick) {
    frames(Which::Table, 320, 600);
    const std::optional<ImVec2> tab = tabCentre("Projects");
    ASSERT_TRUE(tab.has_value());
    clickAt(Which::Table, 320, 600, *tab);
    EXPECT_TRUE(isLocated("project:scribe"));
    EXPECT_FALSE(isLocated("org:inria")) << "the participants table is no longer shown";
    click(Which::Table, 320, 600, located.at(indexOf(dataset, "project:scribe")));
    EXPECT_EQ(state.selection, "project:scribe");
    expectEverythingLocatedInside(320, 600, "projects table");
}

TEST_F(MatrixTableView, NothingIsLocatedOutsideTheViewAtPhoneTabletAndDesktopWidths) {
    for (float width : {320.0f, 640.0f, 1200.0f}) {
        for (Lang lang : {Lang::Fr, Lang::En}) {
            state.lang = lang;
            frames(Which::Matrix, width, 480);
            expectEverythingLocatedInside(width, 480, "matrix at " + std::to_string(width));
            frames(Which::Table, width, 480);
            expectEverythingLocatedInside(width, 480, "table at " + std::to_string(width));
        }
    }
}

TEST_F(MatrixTableView, ThousandsOfRowsOnlyDrawWhatFits) {
    Dataset big;
    big.types = builtinTypeTerms();
    big.roles = builtinRoleTerms();
    big.entities.push_back(entity("project:a", EntityKind::Project, "Project A"));
    big.entities.push_back(entity("project:b", EntityKind::Project, "Project B"));
    for (int i = 0; i < 5000; ++i) {
        std::string number = std::to_string(10000 + i);
        big.entities.push_back(entity("org:" + number, EntityKind::Organisation, "Organisation " + number, "company"));
        big.relations.push_back(Relation{big.entities.size() - 1, static_cast<std::size_t>(i % 2), "partner", {}, {}, {}});
    }
    big.buildIndex();
    dataset = std::move(big);
    for (Which which : {Which::Matrix, Which::Table}) {
        frames(which, 640, 480);
        EXPECT_GT(located.size(), 5u);
        EXPECT_LT(located.size(), 60u) << "rows out of view are skipped";
        EXPECT_TRUE(isLocated("org:10000"));
        expectEverythingLocatedInside(640, 480, "big dataset");
    }
}

} // namespace
