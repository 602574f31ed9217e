// Where the views draw the semantic tree's nodes (ExplorerApp::placeOf; placeLastItem in
// ui_context.hpp), for the page's mirror: toolbar buttons, matrix headers and cells, filter
// checkboxes, the details region, table headers, project cards, on the shipped dataset in the
// headless UI. Each place must be where the node is seen, and every id placed must name a node of
// the tree (a misspelt id would leave its node in the corner).
#include "core/semantic_tree.hpp"
#include "ui/explorer_app.hpp"

#include "support/headless_imgui.hpp"
#include "support/source_files.hpp"

#include <gtest/gtest.h>
#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace explorer;
using namespace explorer::ui;

class PlacedNodesTest : public test::HeadlessImGui {
protected:
    void SetUp() override {
        HeadlessImGui::SetUp();
        app.setFonts(fonts);
        ASSERT_TRUE(app.loadDataset(test::readSourceFile("data/laureates.json")).empty());
    }

    void frames(int count = 4) {
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(width, height);
        io.DeltaTime = 1.0f / 60.0f;
        for (int i = 0; i < count; ++i) {
            ImGui::NewFrame();
            app.drawFrame();
            ImGui::Render();
        }
    }

    void click(const ScreenRect& rect) {
        ImGuiIO& io = ImGui::GetIO();
        io.AddMousePosEvent(rect.x + rect.width * 0.5f, rect.y + rect.height * 0.5f);
        frames(1);
        io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
        frames(1);
        io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
        frames(3);
    }

    SemanticNode tree() const { return buildSemanticTree(app.dataset(), app.state(), app.visible()); }

    // The place of `id`; fails the test when there is none, or when it is not a rectangle of at
    // least a pixel inside the display.
    ScreenRect placed(const std::string& id) const {
        const auto rect = app.placeOf(id);
        EXPECT_TRUE(rect.has_value()) << id << " has no place";
        if (!rect) return {};
        EXPECT_GE(rect->width, 1.0f) << id;
        EXPECT_GE(rect->height, 1.0f) << id;
        EXPECT_GE(rect->x, 0.0f) << id;
        EXPECT_GE(rect->y, 0.0f) << id;
        EXPECT_LE(rect->x + rect->width, width + 0.5f) << id;
        EXPECT_LE(rect->y + rect->height, height + 0.5f) << id;
        return *rect;
    }

    void expectEveryPlaceNamesANode(std::string_view when) const {
        const SemanticNode root = tree();
        for (const auto& [id, rect] : app.places()) {
            EXPECT_NE(findSemanticNode(root, id), nullptr) << when << ": " << id << " is placed but names no node";
        }
    }

    static bool inside(const ScreenRect& inner, const ScreenRect& outer) {
        return inner.x >= outer.x - 0.5f && inner.y >= outer.y - 0.5f &&
               inner.x + inner.width <= outer.x + outer.width + 0.5f &&
               inner.y + inner.height <= outer.y + outer.height + 0.5f;
    }
    static bool overlap(const ScreenRect& a, const ScreenRect& b) {
        return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    }

    ExplorerApp app;
    float width = 1200.0f;
    float height = 800.0f;
};

TEST_F(PlacedNodesTest, TheFourViewButtonsHaveDistinctPlacesInsideTheToolbar) {
    frames();
    const std::vector<std::string> ids{"views/network", "views/matrix", "views/table", "views/projects"};
    std::vector<ScreenRect> rects;
    for (const std::string& id : ids) rects.push_back(placed(id));
    const ScreenRect toolbar = placed("views");
    for (std::size_t i = 0; i < rects.size(); ++i) {
        EXPECT_TRUE(inside(rects[i], toolbar)) << ids[i];
        for (std::size_t j = i + 1; j < rects.size(); ++j) {
            EXPECT_FALSE(overlap(rects[i], rects[j])) << ids[i] << " and " << ids[j];
        }
    }
    // Left to right in the order of the tree, on one line.
    for (std::size_t i = 1; i < rects.size(); ++i) {
        EXPECT_GT(rects[i].x, rects[i - 1].x);
        EXPECT_NEAR(rects[i].y, rects[0].y, 0.5f);
    }
    // The top bar's switches, whether or not the tree has them yet.
    for (const char* id : {"settings/lang/fr", "settings/lang/en", "settings/theme"}) {
        EXPECT_TRUE(inside(placed(id), placed("settings"))) << id;
        EXPECT_LT(placed(id).y, rects[0].y) << id << " is on the title line, above the views";
    }
    EXPECT_TRUE(inside(placed("search"), ScreenRect{0, rects[0].y - 1, width, rects[0].height + 2}));
    EXPECT_TRUE(inside(placed("view/network"), ScreenRect{0, 0, width, height}));
    expectEveryPlaceNamesANode("network");
}

TEST_F(PlacedNodesTest, AMatrixCellLiesBelowItsColumnHeaderInTheSameColumnBand) {
    app.dispatch(intent::ShowView{View::Matrix});
    frames();
    const SemanticNode root = tree();
    const SemanticNode* grid = findSemanticNode(root, "matrix");
    ASSERT_NE(grid, nullptr);
    const ScreenRect gridRect = placed("matrix");
    std::size_t cellsChecked = 0;
    std::size_t filledCells = 0;
    for (const SemanticNode& row : grid->children) {
        if (row.id.rfind("matrix/row/", 0) != 0) continue;
        const std::string entityId = row.id.substr(std::string_view("matrix/row/").size());
        for (const SemanticNode& cell : row.children) {
            if (cell.role != SemanticRole::GridCell) continue;
            const auto cellRect = app.placeOf(cell.id);
            if (!cellRect) continue; // scrolled out of sight
            const std::string projectId = cell.id.substr(cell.id.rfind('/') + 1);
            ASSERT_EQ(cell.id, "matrix/cell/" + entityId + "/" + projectId);
            const ScreenRect header = placed("matrix/col/" + projectId);
            EXPECT_GE(cellRect->y, header.y + header.height - 0.5f) << cell.id << " lies below its column header";
            const float centre = cellRect->x + cellRect->width * 0.5f;
            EXPECT_GE(centre, header.x) << cell.id;
            EXPECT_LE(centre, header.x + header.width) << cell.id;
            EXPECT_GE(cellRect->x, header.x - 0.5f) << cell.id;
            EXPECT_LE(cellRect->x + cellRect->width, header.x + header.width + 0.5f) << cell.id;
            // On its row's line, beside its row header.
            const ScreenRect rowHeader = placed(row.id + "/name");
            const float middle = cellRect->y + cellRect->height * 0.5f;
            EXPECT_GT(middle, rowHeader.y) << cell.id;
            EXPECT_LT(middle, rowHeader.y + rowHeader.height) << cell.id;
            EXPECT_GT(cellRect->x, rowHeader.x) << cell.id;
            EXPECT_TRUE(inside(*cellRect, gridRect)) << cell.id;
            ++cellsChecked;
            if (!cell.name.empty()) ++filledCells;
        }
    }
    EXPECT_GT(cellsChecked, 20u);
    EXPECT_GT(filledCells, 5u) << "cells naming a role are placed, not only empty ones";
    placed("matrix/col/name");
    placed("legend");
    placed("legend/items");
    expectEveryPlaceNamesANode("matrix");
}

TEST_F(PlacedNodesTest, FilterCheckboxesArePlacedOnceThePanelIsOpen) {
    height = 1000.0f;
    frames();
    // Closed, the filters region is over the button that opens it.
    const ScreenRect button = placed("filters");
    EXPECT_FALSE(app.placeOf("filters/multi").has_value());
    click(button);
    const ScreenRect panel = placed("filters");
    EXPECT_GT(panel.height, button.height * 2) << "the open panel, not the button";
    const SemanticNode root = tree();
    const SemanticNode* filters = findSemanticNode(root, "filters");
    ASSERT_NE(filters, nullptr);
    std::size_t boxes = 0;
    for (const SemanticNode& child : filters->children) {
        if (child.role == SemanticRole::Group) {
            const ScreenRect group = placed(child.id);
            EXPECT_TRUE(inside(group, panel)) << child.id;
            for (const SemanticNode& box : child.children) {
                EXPECT_TRUE(inside(placed(box.id), group)) << box.id;
                ++boxes;
            }
        } else {
            EXPECT_TRUE(inside(placed(child.id), panel)) << child.id; // filters/multi, filters/clear
        }
    }
    EXPECT_GT(boxes, 10u);
    // Ticking a checkbox at its place ticks it.
    click(placed("filters/multi"));
    EXPECT_TRUE(app.state().filters.multiProjectOnly);
    expectEveryPlaceNamesANode("filters open");
}

TEST_F(PlacedNodesTest, TheDetailsRegionIsPlacedBesideTheViewOrOverIt) {
    ASSERT_TRUE(app.select("org:inria"));
    for (float w : {1200.0f, 600.0f}) { // beside the view, then as a sheet over its lower part
        width = w;
        frames();
        const ScreenRect details = placed("details");
        const ScreenRect view = placed("view/network");
        if (w > 1000.0f) {
            EXPECT_GE(details.x, view.x + view.width - 0.5f) << "beside the view";
        } else {
            EXPECT_GT(details.y, view.y) << "over the view's lower part";
        }
        for (const char* id : {"details/org:inria/heading", "details/org:inria/close", "details/org:inria/type"}) {
            EXPECT_TRUE(inside(placed(id), details)) << id << " at width " << w;
        }
        EXPECT_GT(placed("details/org:inria/close").x, placed("details/org:inria/heading").x);
        expectEveryPlaceNamesANode("details");
    }
}

TEST_F(PlacedNodesTest, TableHeadersAndTheRowsDrawnArePlaced) {
    app.dispatch(intent::ShowView{View::Table});
    frames();
    const ScreenRect name = placed("table/participants/col/name");
    const ScreenRect roles = placed("table/participants/col/roles");
    EXPECT_GT(roles.x, name.x);
    const SemanticNode root = tree();
    const SemanticNode* grid = findSemanticNode(root, "table/participants");
    ASSERT_NE(grid, nullptr);
    std::size_t rows = 0;
    for (const SemanticNode& row : grid->children) {
        const auto header = app.placeOf(row.id + "/name");
        if (row.id.rfind("table/participants/row/", 0) != 0 || !header) continue;
        EXPECT_GE(header->y, name.y + name.height - 0.5f) << row.id;
        EXPECT_GE(header->x, name.x - 0.5f) << row.id;
        const ScreenRect type = placed(row.id + "/type");
        const float middle = type.y + type.height * 0.5f;
        EXPECT_GT(middle, header->y) << row.id;
        EXPECT_LT(middle, header->y + header->height) << row.id;
        ++rows;
    }
    EXPECT_GT(rows, 5u);
    EXPECT_LT(rows, grid->children.size() - 1) << "only the rows the clipper draws";
    expectEveryPlaceNamesANode("table");
}

TEST_F(PlacedNodesTest, ProjectCardsArePlacedAsArticlesHoldingTheirParts) {
    app.dispatch(intent::ShowView{View::Projects});
    frames();
    const SemanticNode root = tree();
    const SemanticNode* view = findSemanticNode(root, "view/projects");
    ASSERT_NE(view, nullptr);
    std::size_t cards = 0;
    for (const SemanticNode& card : view->children) {
        if (card.role != SemanticRole::Article) continue;
        const auto cardRect = app.placeOf(card.id);
        if (!cardRect) continue;
        const auto heading = app.placeOf(card.id + "/heading");
        ASSERT_TRUE(heading.has_value()) << card.id;
        EXPECT_TRUE(inside(*heading, *cardRect)) << card.id;
        ++cards;
    }
    EXPECT_GE(cards, 3u);
    expectEveryPlaceNamesANode("projects");
}

} // namespace
