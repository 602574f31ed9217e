// The semantic tree (core/semantic_tree.hpp) on the shipped data: what a screen reader will be
// able to reach in each view, with the right roles, names, states and stable ids, in both languages.
#include "core/filters.hpp"
#include "core/model.hpp"
#include "core/semantic_tree.hpp"
#include "core/view_state.hpp"
#include "core/vocabulary.hpp"

#include "support/source_files.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace explorer {
namespace {

class SemanticTree : public test::ShippedDatasetTest {
protected:

    static SemanticNode build(const ViewState& state, const SemanticLimits& limits = {}) {
        return buildSemanticTree(data(), state, applyFilters(data(), state.filters), limits);
    }

    static ViewState stateFor(View view, Lang lang, std::string selection = {}) {
        ViewState state;
        state.view = view;
        state.lang = lang;
        state.selection = std::move(selection);
        return state;
    }

    // The node with this id; fails the test (and returns an empty node) when there is none.
    static const SemanticNode& at(const SemanticNode& root, std::string_view id) {
        static const SemanticNode none{};
        const SemanticNode* found = findSemanticNode(root, id);
        EXPECT_NE(found, nullptr) << "no node " << id;
        return found ? *found : none;
    }

    static std::vector<std::string> childNames(const SemanticNode& parent, SemanticRole role) {
        std::vector<std::string> names;
        for (const SemanticNode& child : parent.children) {
            if (child.role == role) names.push_back(child.name);
        }
        return names;
    }

    static void forEach(const SemanticNode& root, const std::function<void(const SemanticNode&)>& visit) {
        visit(root);
        for (const SemanticNode& child : root.children) forEach(child, visit);
    }

    static bool contains(const std::vector<std::string>& values, std::string_view value) {
        return std::find(values.begin(), values.end(), value) != values.end();
    }

    static std::vector<std::string> projectNames() {
        std::vector<std::string> names;
        for (const Entity& entity : data().entities) {
            if (entity.kind == EntityKind::Project) names.push_back(entity.name);
        }
        return names;
    }

};


TEST_F(SemanticTree, TopLevelRegionsForEachView) {
    for (Lang lang : {Lang::Fr, Lang::En}) {
        for (View view : {View::Network, View::Matrix, View::Table, View::Projects}) {
            const SemanticNode root = build(stateFor(view, lang, "org:inria"));
            EXPECT_EQ(root.id, "explorer");
            EXPECT_EQ(root.role, SemanticRole::Region);
            EXPECT_EQ(root.name, data().title.get(lang));
            std::vector<std::string> ids;
            for (const SemanticNode& child : root.children) ids.push_back(child.id);
            const std::string viewId = "view/" + std::string(toString(view));
            std::vector<std::string> expected{"settings", "views", "search", viewId, "details"};
            if (view == View::Network || view == View::Matrix) expected.push_back("legend");
            expected.push_back("filters");
            EXPECT_EQ(ids, expected) << toString(view);
            // The view buttons: the current one pressed, each setting its view.
            const SemanticNode& views = at(root, "views");
            ASSERT_EQ(views.children.size(), 4u);
            for (const SemanticNode& button : views.children) {
                EXPECT_EQ(button.role, SemanticRole::Button);
                EXPECT_EQ(button.action, SemanticAction::SetView);
                ASSERT_TRUE(button.pressed.has_value());
                EXPECT_EQ(*button.pressed, button.target == toString(view));
            }
        }
    }
}

// The search field is a combobox; its hits, a listbox of options that select, as the canvas lists them.
TEST_F(SemanticTree, SearchIsAComboboxWithItsResultsAsOptions) {
    ViewState state = stateFor(View::Network, Lang::En, "");
    state.search = "inria";
    const SemanticNode root = build(state);
    const SemanticNode& field = at(root, "search");
    EXPECT_EQ(field.role, SemanticRole::Combobox);
    EXPECT_EQ(field.value, "inria");
    ASSERT_TRUE(field.expanded.has_value());
    EXPECT_TRUE(*field.expanded);
    const SemanticNode& results = at(root, "search/results");
    EXPECT_EQ(results.role, SemanticRole::Listbox);
    ASSERT_FALSE(results.children.empty());
    EXPECT_LE(results.children.size(), SemanticLimits{}.results);
    const SemanticNode& first = results.children.front();
    EXPECT_EQ(first.role, SemanticRole::Option);
    EXPECT_EQ(first.id, "search/results/org:inria");
    EXPECT_EQ(first.name, "Inria");
    EXPECT_EQ(first.action, SemanticAction::Select);
    EXPECT_EQ(first.target, "org:inria");
    EXPECT_NE(first.description.find("Public research body"), std::string::npos) << first.description;

    state.search = "zzzzqqq";
    const SemanticNode none = build(state);
    EXPECT_EQ(findSemanticNode(none, "search/results"), nullptr);
    EXPECT_EQ(at(none, "search/none").name, "No results");
    EXPECT_FALSE(*at(none, "search").expanded);

    state.search.clear();
    const SemanticNode empty = build(state);
    EXPECT_EQ(findSemanticNode(empty, "search/results"), nullptr);
    EXPECT_EQ(findSemanticNode(empty, "search/none"), nullptr);
    const std::string json = semanticTreeJson(empty, state);
    EXPECT_NE(json.find(R"("role":"combobox","name":"Search an organisation, a project…","expanded":false,"value":"")"),
              std::string::npos);
}

// Language and theme are reachable as the top bar offers them; the theme button says what is shown.
TEST_F(SemanticTree, SettingsOfferLanguageAndTheme) {
    const ViewState state = stateFor(View::Table, Lang::Fr, "");
    const SemanticNode light = buildSemanticTree(data(), state, applyFilters(data(), state.filters), {}, {false});
    EXPECT_TRUE(*at(light, "settings/lang/fr").pressed);
    EXPECT_FALSE(*at(light, "settings/lang/en").pressed);
    EXPECT_EQ(at(light, "settings/lang/en").action, SemanticAction::SetLang);
    EXPECT_EQ(at(light, "settings/lang/en").target, "en");
    const SemanticNode& theme = at(light, "settings/theme");
    EXPECT_EQ(theme.name, "Thème sombre");
    EXPECT_FALSE(*theme.pressed);
    EXPECT_EQ(theme.action, SemanticAction::SetTheme);
    EXPECT_EQ(theme.target, "dark");
    const SemanticNode dark = buildSemanticTree(data(), state, applyFilters(data(), state.filters), {}, {true});
    EXPECT_TRUE(*at(dark, "settings/theme").pressed);
    EXPECT_EQ(at(dark, "settings/theme").target, "light");
}

TEST_F(SemanticTree, IdsAreUniqueAndStable) {
    for (Lang lang : {Lang::Fr, Lang::En}) {
        for (View view : {View::Network, View::Matrix, View::Table, View::Projects}) {
            for (const char* selection : {"", "org:inria", "project:openllm-france", "model:lucie-7b"}) {
                const SemanticNode root = build(stateFor(view, lang, selection));
                std::set<std::string> seen;
                forEach(root, [&](const SemanticNode& node) {
                    EXPECT_FALSE(node.id.empty());
                    EXPECT_TRUE(seen.insert(node.id).second) << "duplicate id " << node.id;
                });
                // Same state, same tree; the other language changes names, never ids.
                const SemanticNode other = build(stateFor(view, lang == Lang::Fr ? Lang::En : Lang::Fr, selection));
                std::set<std::string> otherIds;
                forEach(other, [&](const SemanticNode& node) { otherIds.insert(node.id); });
                EXPECT_EQ(seen, otherIds) << toString(view) << " " << selection;
            }
        }
    }
}

TEST_F(SemanticTree, DetailsOfInriaNameItsProjectsAndItsConnection) {
    const SemanticNode root = build(stateFor(View::Network, Lang::En, "org:inria"));
    const SemanticNode& details = at(root, "details");
    EXPECT_EQ(details.role, SemanticRole::Region);
    EXPECT_EQ(details.name, "Inria");
    EXPECT_EQ(details.description, "Public research body · FR");
    EXPECT_EQ(at(root, "details/org:inria/heading").level, 2);
    EXPECT_EQ(at(root, "details/org:inria/members/heading").name, "Member of");

    const SemanticNode& members = at(root, "details/org:inria/members");
    EXPECT_EQ(members.role, SemanticRole::List);
    EXPECT_EQ(childNames(members, SemanticRole::ListItem), (std::vector<std::string>{"AI for Democracy", "Scribe"}));
    const SemanticNode& scribe = at(root, "details/org:inria/member/project:scribe/select");
    EXPECT_EQ(scribe.role, SemanticRole::Button);
    EXPECT_EQ(scribe.action, SemanticAction::Select);
    EXPECT_EQ(scribe.target, "project:scribe");
    EXPECT_EQ(scribe.description, "is a partner of Scribe");
    EXPECT_EQ(at(root, "details/org:inria/member/project:ai-for-democracy/select").description,
              "sits on the scientific council of AI for Democracy");

    const SemanticNode& connections = at(root, "details/org:inria/connections");
    EXPECT_EQ(childNames(connections, SemanticRole::ListItem),
              (std::vector<std::string>{"CC-SWH (through Software Heritage)"}));
    const SemanticNode& ccswh = at(root, "details/org:inria/connection/project:cc-swh/select");
    EXPECT_EQ(ccswh.target, "project:cc-swh");
    EXPECT_NE(ccswh.description.find("Software Heritage is a programme or project of Inria"), std::string::npos)
        << ccswh.description;
    EXPECT_NE(ccswh.description.find("CC-SWH builds on Software Heritage"), std::string::npos) << ccswh.description;

    // Links read from Inria, each selecting the other end.
    const SemanticNode& links = at(root, "details/org:inria/links");
    const std::vector<std::string> linkNames = childNames(links, SemanticRole::ListItem);
    EXPECT_TRUE(contains(linkNames, "sits on the scientific council of AI for Democracy")) << ::testing::PrintToString(linkNames);
    EXPECT_TRUE(contains(linkNames, "has as one of its teams ALMAnaCH")) << ::testing::PrintToString(linkNames);

    // Sources numbered from 1, cited with citeSource, links to http(s) pages only.
    const SemanticNode& sources = at(root, "details/org:inria/sources");
    ASSERT_FALSE(sources.children.empty());
    for (std::size_t i = 0; i < sources.children.size(); ++i) {
        const SemanticNode& item = sources.children[i];
        EXPECT_EQ(item.role, SemanticRole::ListItem);
        EXPECT_EQ(item.name.rfind("[" + std::to_string(i + 1) + "] ", 0), 0u) << item.name;
        for (const SemanticNode& link : item.children) {
            EXPECT_EQ(link.role, SemanticRole::Link);
            EXPECT_EQ(link.action, SemanticAction::OpenLink);
            EXPECT_TRUE(link.href.rfind("https://", 0) == 0 || link.href.rfind("http://", 0) == 0) << link.href;
        }
    }
    EXPECT_NE(sources.children.front().name.find("Silicon.fr, \u201CQui pour cr\u00E9er"), std::string::npos)
        << sources.children.front().name;
    EXPECT_EQ(at(root, "details/org:inria/close").action, SemanticAction::Deselect);
}

TEST_F(SemanticTree, DetailsInFrench) {
    const SemanticNode root = build(stateFor(View::Matrix, Lang::Fr, "org:inria"));
    EXPECT_EQ(at(root, "details").name, "Inria");
    EXPECT_EQ(at(root, "details").description, "Organisme public de recherche · FR");
    EXPECT_EQ(at(root, "details/org:inria/members/heading").name, "Membre de");
    EXPECT_EQ(at(root, "details/org:inria/connections/heading").name, "Relié sans en être membre");
    EXPECT_EQ(childNames(at(root, "details/org:inria/connections"), SemanticRole::ListItem),
              (std::vector<std::string>{"CC-SWH (via Software Heritage)"}));
    EXPECT_EQ(at(root, "details/org:inria/member/project:scribe/select").description, "est partenaire de Scribe");
    const SemanticNode& sources = at(root, "details/org:inria/sources");
    ASSERT_FALSE(sources.children.empty());
    EXPECT_NE(sources.children.front().name.find("Silicon.fr, «\u00A0Qui pour cr\u00E9er"), std::string::npos)
        << sources.children.front().name;
    EXPECT_NE(sources.children.front().name.find("juin 2024"), std::string::npos);
}

TEST_F(SemanticTree, NetworkAnnouncesTheSelectionAndItsNeighboursNeverPositions) {
    const SemanticNode root = build(stateFor(View::Network, Lang::En, "org:inria"));
    const SemanticNode& focus = at(root, "network/focus/org:inria");
    EXPECT_EQ(focus.role, SemanticRole::Article);
    // It opens with the node itself, which takes the keys (an application for screen readers).
    ASSERT_FALSE(focus.children.empty());
    const SemanticNode& self = focus.children.front();
    EXPECT_EQ(self.id, "network/focus/org:inria/node");
    EXPECT_EQ(self.role, SemanticRole::Application);
    EXPECT_EQ(self.name, "Inria");
    EXPECT_EQ(self.roleDescription, "network node");
    EXPECT_NE(self.description.find("Arrow keys"), std::string::npos);
    EXPECT_TRUE(focus.current);
    const std::string& summary = at(root, "network/focus/org:inria/summary").name;
    EXPECT_EQ(summary,
              "Inria — Public research body — member of 2 projects: sits on the scientific council of AI for "
              "Democracy, is a partner of Scribe; connected to CC-SWH (through Software Heritage); 4 links shown");
    const SemanticNode& links = at(root, "network/focus/org:inria/links");
    EXPECT_EQ(links.name, "Links of Inria (4)");
    ASSERT_EQ(links.children.size(), 4u);
    std::set<std::string> targets;
    for (const SemanticNode& item : links.children) {
        ASSERT_EQ(item.children.size(), 1u);
        EXPECT_EQ(item.children[0].action, SemanticAction::Select);
        targets.insert(item.children[0].target);
    }
    EXPECT_EQ(targets, (std::set<std::string>{"project:ai-for-democracy", "project:scribe", "org:almanach",
                                              "initiative:software-heritage"}));
    // The first link is the member role of highest rank.
    EXPECT_EQ(links.children[0].name, "is a partner of Scribe");

    const SemanticNode fr = build(stateFor(View::Network, Lang::Fr, "org:inria"));
    EXPECT_EQ(at(fr, "network/focus/org:inria/summary").name,
              "Inria — Organisme public de recherche — membre de 2 projets\u00A0: siège au conseil scientifique de AI "
              "for Democracy, est partenaire de Scribe\u00A0; relié à CC-SWH (via Software Heritage)\u00A0; 4 liens affichés");

    // Nothing in the network's part of the tree speaks of places on screen.
    forEach(at(root, "view/network"), [](const SemanticNode& node) {
        for (const char* word : {"left", "right", "above", "below", "top", "bottom", " x ", " y "}) {
            EXPECT_EQ((node.name + " " + node.description).find(word), std::string::npos) << node.id << ": " << word;
        }
    });
}

TEST_F(SemanticTree, NetworkWithoutSelectionOffersEntryPoints) {
    const SemanticNode root = build(stateFor(View::Network, Lang::En));
    EXPECT_EQ(findSemanticNode(root, "details"), nullptr);
    const SemanticNode& projects = at(root, "network/projects");
    EXPECT_EQ(projects.name, "Projects (7)");
    EXPECT_EQ(childNames(projects, SemanticRole::ListItem), projectNames());
    EXPECT_NE(at(root, "network/projects/project:openllm-france/select").description.find("lead: LINAGORA"), std::string::npos);
    const SemanticNode& several = at(root, "network/several");
    EXPECT_EQ(several.name, "Organisations members of two or more projects (2)");
    const std::vector<std::string> names = childNames(several, SemanticRole::ListItem);
    EXPECT_TRUE(contains(names, "Inria"));
    EXPECT_TRUE(contains(names, "CNRS"));
    EXPECT_FALSE(contains(names, "Mistral AI")) << "connections never count";
}

TEST_F(SemanticTree, MatrixIsAGridOfParticipantsByProjects) {
    for (Lang lang : {Lang::Fr, Lang::En}) {
        const SemanticNode root = build(stateFor(View::Matrix, lang));
        const SemanticNode& grid = at(root, "matrix");
        EXPECT_EQ(grid.role, SemanticRole::Grid);
        ASSERT_FALSE(grid.children.empty());
        const SemanticNode& head = grid.children.front();
        EXPECT_EQ(head.role, SemanticRole::Row);
        std::vector<std::string> headers = childNames(head, SemanticRole::ColumnHeader);
        ASSERT_EQ(headers.size(), 8u);
        headers.erase(headers.begin());
        EXPECT_EQ(headers, projectNames());

        std::vector<std::string> rowNames;
        for (std::size_t i = 1; i < grid.children.size(); ++i) {
            const SemanticNode& row = grid.children[i];
            EXPECT_EQ(row.role, SemanticRole::Row);
            ASSERT_EQ(row.children.size(), 8u) << row.id;
            EXPECT_EQ(row.children[0].role, SemanticRole::RowHeader);
            rowNames.push_back(row.children[0].name);
            for (std::size_t c = 1; c < row.children.size(); ++c) EXPECT_EQ(row.children[c].role, SemanticRole::GridCell);
        }
        for (const char* name : {"Inria", "LINAGORA", "CNRS", "Mistral AI", "ALMAnaCH"}) {
            EXPECT_TRUE(contains(rowNames, name)) << name;
        }
        // Sorted by name (folded), as on screen.
        EXPECT_LT(std::find(rowNames.begin(), rowNames.end(), "Aspen Institute"), std::find(rowNames.begin(), rowNames.end(), "Inria"));
    }
    const SemanticNode en = build(stateFor(View::Matrix, Lang::En));
    EXPECT_EQ(at(en, "matrix/cell/org:inria/project:scribe").name, "Partner");
    EXPECT_EQ(at(en, "matrix/cell/org:inria/project:ai-for-democracy").name, "Scientific council");
    EXPECT_EQ(at(en, "matrix/cell/org:inria/project:cc-swh").name, "Connected, not a member, through Software Heritage");
    EXPECT_EQ(at(en, "matrix/cell/org:inria/project:argimi").name, "");
    EXPECT_EQ(at(en, "matrix/cell/org:mistral-ai/project:argimi").name, "Partner");
    EXPECT_EQ(at(en, "matrix/cell/org:mistral-ai/project:openllm-france").name,
              "Connected, not a member, through Mistral 7B");
    EXPECT_EQ(at(en, "matrix/cell/org:linagora/project:openllm-france").name, "Lead");
    EXPECT_EQ(at(en, "matrix/row/org:inria/name/select").target, "org:inria");
    EXPECT_EQ(at(en, "matrix/col/project:scribe/select").target, "project:scribe");
    const SemanticNode fr = build(stateFor(View::Matrix, Lang::Fr));
    EXPECT_EQ(at(fr, "matrix/cell/org:inria/project:scribe").name, "Partenaire");
    EXPECT_EQ(at(fr, "matrix/cell/org:inria/project:cc-swh").name, "Relié sans être membre, via Software Heritage");
    EXPECT_EQ(at(fr, "matrix/col/name").sort, "ascending");
}

TEST_F(SemanticTree, MatrixRowsAreBoundedWithAMoreRow) {
    SemanticLimits limits;
    limits.rows = 5;
    limits.columns = 3;
    const SemanticNode root = build(stateFor(View::Matrix, Lang::En), limits);
    const SemanticNode& grid = at(root, "matrix");
    ASSERT_EQ(grid.children.size(), 1u + 5u + 1u);
    EXPECT_EQ(grid.children[0].children.size(), 1u + 3u);
    const SemanticNode& more = grid.children.back();
    EXPECT_EQ(more.id, "matrix/more");
    ASSERT_EQ(more.children.size(), 1u);
    EXPECT_NE(more.children[0].name.find("more visible participants not listed"), std::string::npos) << more.children[0].name;
    EXPECT_NE(grid.description.find("4 more projects not shown"), std::string::npos) << grid.description;
}

TEST_F(SemanticTree, TableGridsFollowSortAndSearch) {
    ViewState state = stateFor(View::Table, Lang::En);
    state.sort = TableSort{SortColumn::Projects, true};
    const SemanticNode root = build(state);
    const SemanticNode& participants = at(root, "table/participants");
    EXPECT_EQ(participants.role, SemanticRole::Grid);
    EXPECT_EQ(childNames(participants.children.front(), SemanticRole::ColumnHeader),
              (std::vector<std::string>{"Name", "Type", "Projects", "Roles"}));
    EXPECT_EQ(at(root, "table/participants/col/projects").sort, "descending");
    EXPECT_EQ(at(root, "table/participants/col/name").sort, "");
    // Most projects first: CNRS and Inria (two each), by name.
    EXPECT_EQ(participants.children[1].children[0].name, "CNRS");
    EXPECT_EQ(participants.children[2].children[0].name, "Inria");
    EXPECT_EQ(at(root, "table/participants/row/org:inria/projects").name,
              "2 · AI for Democracy, Scribe; connected, not a member, to CC-SWH");
    EXPECT_EQ(at(root, "table/participants/row/org:inria/type").name, "Public research body");
    EXPECT_EQ(at(root, "table/participants/row/org:inria/roles").name, "Partner, Scientific council");

    const SemanticNode& projects = at(root, "table/projects");
    EXPECT_EQ(childNames(projects.children.front(), SemanticRole::ColumnHeader),
              (std::vector<std::string>{"Name", "Axes", "Sectors", "Lead", "Members"}));
    EXPECT_EQ(projects.children.size(), 1u + 7u);
    EXPECT_EQ(at(root, "table/projects/row/project:openllm-france/lead").name, "LINAGORA");

    state.search = "INRIA";
    const SemanticNode searched = build(state);
    const SemanticNode& kept = at(searched, "table/participants");
    ASSERT_EQ(kept.children.size(), 2u);
    EXPECT_EQ(kept.children[1].children[0].name, "Inria");
    EXPECT_EQ(at(searched, "search").value, "INRIA");

    state.lang = Lang::Fr;
    state.search.clear();
    const SemanticNode fr = build(state);
    EXPECT_EQ(childNames(at(fr, "table/participants").children.front(), SemanticRole::ColumnHeader),
              (std::vector<std::string>{"Nom", "Type", "Projets", "Rôles"}));
    EXPECT_EQ(at(fr, "table/participants/row/org:inria/projects").name,
              "2 · AI for Democracy, Scribe\u00A0; relié sans être membre à CC-SWH");
}

TEST_F(SemanticTree, ProjectCardsListMembersByRole) {
    const SemanticNode root = build(stateFor(View::Projects, Lang::En, "project:openllm-france"));
    const SemanticNode& cards = at(root, "view/projects");
    EXPECT_EQ(childNames(cards, SemanticRole::Article), projectNames());
    const SemanticNode& card = at(root, "projects/project:openllm-france");
    EXPECT_TRUE(card.current);
    EXPECT_EQ(card.children.front().role, SemanticRole::Heading);
    EXPECT_EQ(card.children.front().children.front().action, SemanticAction::Select);
    std::vector<std::string> lists = childNames(card, SemanticRole::List);
    ASSERT_GE(lists.size(), 2u);
    EXPECT_EQ(lists.front(), "Lead") << "roles in roleRank order";
    EXPECT_TRUE(contains(lists, "Partner"));
    const SemanticNode& lead = at(root, "projects/project:openllm-france/role/lead");
    EXPECT_EQ(childNames(lead, SemanticRole::ListItem), (std::vector<std::string>{"LINAGORA"}));
    EXPECT_EQ(at(root, "projects/project:openllm-france/role/lead/org:linagora/select").target, "org:linagora");
    // A project with no lead says so.
    EXPECT_EQ(at(root, "projects/project:scribe/no-lead").name, "Lead not stated");

    const SemanticNode fr = build(stateFor(View::Projects, Lang::Fr));
    EXPECT_EQ(at(fr, "projects/project:openllm-france/role/lead").name, "Chef de file");
}

TEST_F(SemanticTree, FiltersAreCheckboxesWithTheirState) {
    ViewState state = stateFor(View::Network, Lang::En);
    SemanticNode root = build(state);
    EXPECT_TRUE(at(root, "filters/clear").disabled);
    EXPECT_EQ(at(root, "filters/multi").checked, std::optional<bool>(false));

    state.filters.multiProjectOnly = true;
    state.filters.types = {"public_research"};
    state.filters.roles = {"partner"};
    root = build(state);
    const SemanticNode& filters = at(root, "filters");
    EXPECT_EQ(filters.role, SemanticRole::Region);
    const SemanticNode& multi = at(root, "filters/multi");
    EXPECT_EQ(multi.role, SemanticRole::Checkbox);
    EXPECT_EQ(multi.name, "Member of two or more projects");
    EXPECT_EQ(multi.checked, std::optional<bool>(true));
    EXPECT_EQ(multi.target, "multi");
    EXPECT_FALSE(at(root, "filters/clear").disabled);
    const SemanticNode& research = at(root, "filters/types/public_research");
    EXPECT_EQ(research.role, SemanticRole::Checkbox);
    EXPECT_EQ(research.name, "Public research body");
    EXPECT_EQ(research.checked, std::optional<bool>(true));
    EXPECT_EQ(research.action, SemanticAction::ToggleFilter);
    EXPECT_EQ(research.target, "types:public_research");
    EXPECT_EQ(at(root, "filters/types/startup").checked, std::optional<bool>(false));
    EXPECT_EQ(at(root, "filters/roles/partner").checked, std::optional<bool>(true));
    EXPECT_EQ(at(root, "filters/roles/lead").checked, std::optional<bool>(false));
    EXPECT_EQ(at(root, "filters/types").role, SemanticRole::Group);
    EXPECT_FALSE(at(root, "filters/axes").children.empty());
    // Every checkbox has a state; nothing else has one.
    forEach(root, [](const SemanticNode& node) { EXPECT_EQ(node.checked.has_value(), node.role == SemanticRole::Checkbox) << node.id; });

    state.lang = Lang::Fr;
    root = build(state);
    EXPECT_EQ(at(root, "filters").name, "Filtres");
    EXPECT_EQ(at(root, "filters/multi").name, "Membre de deux projets ou plus");
    EXPECT_EQ(at(root, "filters/types/public_research").name, "Organisme public de recherche");
}

TEST_F(SemanticTree, FiltersReachTheViews) {
    ViewState state = stateFor(View::Matrix, Lang::En);
    state.filters.multiProjectOnly = true;
    const SemanticNode root = build(state);
    const SemanticNode& grid = at(root, "matrix");
    std::vector<std::string> rows;
    for (std::size_t i = 1; i < grid.children.size(); ++i) rows.push_back(grid.children[i].children[0].name);
    // ALMAnaCH, Inria's team and a partner of Scribe, stays beside Inria (filters.hpp, rule 5).
    EXPECT_EQ(rows, (std::vector<std::string>{"ALMAnaCH", "CNRS", "Inria"}));
    std::vector<std::string> headers = childNames(grid.children.front(), SemanticRole::ColumnHeader);
    EXPECT_EQ(headers, (std::vector<std::string>{"Participant", "AI for Democracy", "Scribe"}));
}

TEST_F(SemanticTree, LegendDescribesWhatEachViewDraws) {
    const SemanticNode network = build(stateFor(View::Network, Lang::En));
    const SemanticNode& items = at(network, "legend/items");
    EXPECT_EQ(items.role, SemanticRole::List);
    EXPECT_EQ(at(network, "legend/project").description, "square");
    EXPECT_EQ(at(network, "legend/several").name, "Member of 2 or more projects");
    EXPECT_EQ(at(network, "legend/edge-lineage").description, "dotted line");
    const SemanticNode matrix = build(stateFor(View::Matrix, Lang::Fr));
    EXPECT_EQ(at(matrix, "legend/role/lead").name, "Chef de file");
    EXPECT_EQ(at(matrix, "legend/role/lead").description, "étoile");
    EXPECT_EQ(findSemanticNode(build(stateFor(View::Table, Lang::En)), "legend"), nullptr);
}

TEST_F(SemanticTree, JsonCarriesTheTree) {
    ViewState state = stateFor(View::Network, Lang::Fr, "org:inria");
    state.filters.roles = {"partner"};
    const SemanticNode root = build(state);
    const std::string text = semanticTreeJson(root, state);
    const auto json = nlohmann::ordered_json::parse(text, nullptr, false);
    ASSERT_FALSE(json.is_discarded());
    EXPECT_EQ(json["version"], 1);
    EXPECT_EQ(json["lang"], "fr");
    EXPECT_EQ(json["view"], "network");
    EXPECT_EQ(json["nodes"], semanticNodeCount(root));
    const auto& top = json["root"];
    EXPECT_EQ(top["id"], "explorer");
    EXPECT_EQ(top["role"], "region");
    EXPECT_EQ(top.begin().key(), "id");
    bool sawCheckbox = false;
    std::function<void(const nlohmann::ordered_json&)> walk = [&](const nlohmann::ordered_json& node) {
        ASSERT_TRUE(node.contains("id") && node.contains("role") && node.contains("name"));
        if (node["role"] == "checkbox") {
            sawCheckbox = true;
            EXPECT_TRUE(node["checked"].is_boolean());
            EXPECT_EQ(node["action"]["type"], "toggleFilter");
        }
        if (node["id"] == "filters/roles/partner") {
            EXPECT_EQ(node["checked"], true);
        }
        if (node["id"] == "details") {
            EXPECT_EQ(node["name"], "Inria");
        }
        if (node.contains("children")) {
            for (const auto& child : node["children"]) walk(child);
        }
    };
    walk(top);
    EXPECT_TRUE(sawCheckbox);
}

TEST_F(SemanticTree, JsonReplacesInvalidUtf8) {
    Dataset copy = data();
    const auto inria = copy.findEntity("org:inria");
    ASSERT_TRUE(inria.has_value());
    copy.entities[*inria].name = "Inr\xC3ia\xFF";
    copy.buildIndex();
    ViewState state = stateFor(View::Network, Lang::En, "org:inria");
    VisibleSet all;
    const std::string text = semanticTreeJson(buildSemanticTree(copy, state, all), state);
    const auto json = nlohmann::ordered_json::parse(text, nullptr, false);
    ASSERT_FALSE(json.is_discarded());
    EXPECT_NE(text.find("Inr\xEF\xBF\xBD"), std::string::npos);
}

TEST_F(SemanticTree, SizeIsBoundedOnALargeDataset) {
    // One project with 3,000 partners, each with a team of its own that is also a partner.
    Dataset big;
    big.title = LocalText{"Grand", "Big"};
    big.roles = builtinRoleTerms(); // as the loader gives every dataset
    Entity project;
    project.id = "project:p";
    project.kind = EntityKind::Project;
    project.name = "P";
    big.entities.push_back(project);
    for (int i = 0; i < 3000; ++i) {
        Entity organisation;
        organisation.id = "org:o" + std::to_string(i);
        organisation.name = "Organisation " + std::to_string(i);
        big.entities.push_back(organisation);
        big.relations.push_back(Relation{big.entities.size() - 1, 0, "partner", {}, {}, {}});
    }
    big.buildIndex();
    const SemanticLimits limits;
    for (View view : {View::Network, View::Matrix, View::Table, View::Projects}) {
        for (const char* selection : {"", "project:p", "org:o7"}) {
            ViewState state = stateFor(view, Lang::En, selection);
            const SemanticNode root = buildSemanticTree(big, state, applyFilters(big, state.filters), limits);
            EXPECT_LT(semanticNodeCount(root), 1000u) << toString(view) << " " << selection;
        }
    }
    ViewState state = stateFor(View::Matrix, Lang::En);
    const SemanticNode root = buildSemanticTree(big, state, applyFilters(big, state.filters), limits);
    EXPECT_EQ(at(root, "matrix").children.size(), 1u + limits.rows + 1u);
    EXPECT_EQ(at(root, "matrix/more/cell").name, "2900 more visible participants not listed");
    state.view = View::Network;
    state.selection = "project:p";
    const SemanticNode network = buildSemanticTree(big, state, applyFilters(big, state.filters), limits);
    const SemanticNode& links = at(network, "network/focus/project:p/links");
    EXPECT_EQ(links.children.size(), limits.items + 1);
    EXPECT_EQ(links.children.back().name, "2950 more, not listed");
}

TEST_F(SemanticTree, SizeIsBoundedForAHubInThousandsOfProjects) {
    // One organisation, partner of 2,000 projects.
    Dataset big;
    big.roles = builtinRoleTerms(); // as the loader gives every dataset
    Entity hub;
    hub.id = "org:hub";
    hub.name = "Hub";
    big.entities.push_back(hub);
    for (int i = 0; i < 2000; ++i) {
        Entity project;
        project.id = "project:p" + std::to_string(i);
        project.kind = EntityKind::Project;
        project.name = "Project " + std::to_string(i);
        big.entities.push_back(project);
        big.relations.push_back(Relation{0, big.entities.size() - 1, "partner", {}, {}, {}});
    }
    big.buildIndex();
    for (View view : {View::Network, View::Matrix, View::Table, View::Projects}) {
        for (const char* selection : {"", "org:hub", "project:p3"}) {
            ViewState state = stateFor(view, Lang::En, selection);
            const SemanticNode root = buildSemanticTree(big, state, applyFilters(big, state.filters));
            EXPECT_LT(semanticNodeCount(root), 2000u) << toString(view) << " " << selection;
        }
    }
    ViewState state = stateFor(View::Network, Lang::En, "org:hub");
    const SemanticNode root = buildSemanticTree(big, state, applyFilters(big, state.filters));
    const std::string& summary = at(root, "network/focus/org:hub/summary").name;
    EXPECT_NE(summary.find("member of 2000 projects: is a partner of Project 0, "), std::string::npos) << summary;
    EXPECT_NE(summary.find(" and 1990 more; 2000 links shown"), std::string::npos) << summary;
    state.view = View::Matrix;
    const SemanticNode matrix = buildSemanticTree(big, state, applyFilters(big, state.filters));
    EXPECT_EQ(at(matrix, "matrix/head").children.size(), 1u + SemanticLimits{}.columns);
    EXPECT_EQ(at(matrix, "matrix/cell/org:hub/project:p0").name, "Partner");
}

} // namespace
} // namespace explorer
