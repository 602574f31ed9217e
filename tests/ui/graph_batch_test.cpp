// What the network view hands the platform to draw (ui/graph_batch.hpp): every visible node once
// with its kind's shape and colour, every visible edge once with its style, rebuilt only when
// what is drawn changes (never for the camera alone), and its place in ImGui's draw list (above
// the canvas, below the labels). The web renderer (src/web/gl_renderer.cpp) draws exactly this.
#include "core/dataset_loader.hpp"
#include "core/filters.hpp"
#include "core/vocabulary.hpp"
#include "ui/graph_batch.hpp"
#include "ui/network_scene.hpp"
#include "ui/theme.hpp"
#include "ui/views.hpp"
#include "ui/widgets.hpp"

#include "support/hand_built.hpp"
#include "support/headless_imgui.hpp"
#include "support/source_files.hpp"

#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace {

using namespace explorer;
using namespace explorer::ui;

Dataset shippedDataset() { return test::loadShippedDataset(); }

GraphShape expectedShape(const NetworkNode& node) {
    switch (node.kind) {
    case EntityKind::Project: return GraphShape::Square;
    case EntityKind::Model: return GraphShape::Diamond;
    case EntityKind::Initiative: return GraphShape::Hexagon;
    case EntityKind::Organisation: break;
    }
    switch (node.style) {
    case OrgStyle::Public: return GraphShape::Disc;
    case OrgStyle::Private: return GraphShape::Ring;
    case OrgStyle::Civil: return GraphShape::RingDot;
    }
    return GraphShape::Disc;
}

class GraphBatchTest : public test::HeadlessImGui {
protected:
    void use(Dataset d) {
        dataset = std::move(d);
        scene.reset();
        visible = applyFilters(dataset, state.filters);
    }
    void frame() {
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(1000, 700);
        io.DeltaTime = 1.0f / 60.0f;
        ImGui::NewFrame();
        located.clear();
        hovered = -1;
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(io.DisplaySize);
        ImGui::Begin("##root", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
        Intents intents(state, &dataset);
        UiContext ui{fonts, *colours, state.lang, visible, located, gestures, hovered, intents};
        drawNetworkView(dataset, scene, state, ui);
        ImGui::End();
        ImGui::Render();
    }
    void settle() {
        for (int i = 0; i < 600 && (i == 0 || scene.animating()); ++i) frame();
    }
    const GraphBatch& batch() const { return scene.graphBatch(); }

    // Where each entity's node is in the layout (and so in the batch, once settled).
    std::map<std::size_t, const NetworkNode*> nodesByEntity() const {
        std::map<std::size_t, const NetworkNode*> nodes;
        for (const NetworkNode& node : scene.layout().nodes()) nodes[node.entity] = &node;
        return nodes;
    }

    Dataset dataset;
    NetworkScene scene;
    ViewState state;
    VisibleSet visible;
    LocatedEntities located;
    GestureInput gestures;
    long long hovered = -1;
    const Palette* colours = &palette(false);
};

TEST_F(GraphBatchTest, EveryVisibleNodeOnceWithItsKindsShapeAndColour) {
    use(shippedDataset());
    settle();
    ASSERT_TRUE(scene.lastFrame().batched);
    const GraphBatch& b = batch();
    const auto& nodes = scene.layout().nodes();
    ASSERT_FALSE(nodes.empty());
    ASSERT_EQ(b.nodes.size(), nodes.size());
    ASSERT_EQ(b.nodeEntities.size(), b.nodes.size());
    const std::set<std::size_t> once(b.nodeEntities.begin(), b.nodeEntities.end());
    EXPECT_EQ(once.size(), nodes.size()) << "each node once";
    const auto byEntity = nodesByEntity();
    std::size_t ringed = 0;
    for (std::size_t i = 0; i < b.nodes.size(); ++i) {
        const GraphNode& drawn = b.nodes[i];
        const NetworkNode& node = *byEntity.at(b.nodeEntities[i]);
        const std::string& id = dataset.entities[node.entity].id;
        EXPECT_EQ(drawn.shape, expectedShape(node)) << id;
        EXPECT_EQ(drawn.colour, palette(false).kind[static_cast<std::size_t>(node.kind)]) << id << ": opaque, its kind's colour";
        EXPECT_EQ(drawn.x, node.at.x) << id;
        EXPECT_EQ(drawn.y, node.at.y) << id;
        EXPECT_EQ(drawn.radius, node.radius) << id;
        EXPECT_EQ((drawn.flags & GraphNode::kSeveralProjects) != 0, node.severalProjects) << id;
        EXPECT_EQ(drawn.flags & GraphNode::kSelected, 0) << id;
        ringed += node.severalProjects ? 1 : 0;
    }
    EXPECT_GT(ringed, 0u) << "the shipped data has organisations in several projects";
    // Every shape of the legend occurs in the shipped data.
    std::set<GraphShape> shapes;
    for (const GraphNode& n : b.nodes) shapes.insert(n.shape);
    EXPECT_EQ(shapes.size(), 6u);
    // The camera and what the renderer needs per frame.
    EXPECT_GT(b.view.scale, 0.0f);
    EXPECT_GE(b.view.radiusScale, 0.5f);
    EXPECT_EQ(b.view.background, palette(false).background);
    EXPECT_FLOAT_EQ(b.view.edgeAlpha, 1.0f) << "the shipped graph is not dense enough to fade";
}

TEST_F(GraphBatchTest, EveryVisibleEdgeOnceWithItsStyle) {
    use(shippedDataset());
    settle();
    const GraphBatch& b = batch();
    const auto& edges = scene.layout().edges();
    const auto& nodes = scene.layout().nodes();
    ASSERT_EQ(b.edges.size(), edges.size());
    ASSERT_EQ(b.edgeRelations.size(), edges.size());
    std::map<std::size_t, const NetworkEdge*> byRelation;
    for (const NetworkEdge& edge : edges) byRelation[edge.relation] = &edge;
    EXPECT_EQ(std::set<std::size_t>(b.edgeRelations.begin(), b.edgeRelations.end()).size(), edges.size());
    const Palette& p = palette(false);
    std::set<int> styles;
    for (std::size_t i = 0; i < b.edges.size(); ++i) {
        const GraphEdge& drawn = b.edges[i];
        const NetworkEdge& edge = *byRelation.at(b.edgeRelations[i]);
        EXPECT_EQ(drawn.style, static_cast<std::uint8_t>(edge.style));
        EXPECT_EQ(drawn.ax, nodes[edge.a].at.x);
        EXPECT_EQ(drawn.by, nodes[edge.b].at.y);
        EXPECT_EQ(drawn.ra, nodes[edge.a].radius);
        EXPECT_EQ(drawn.rb, nodes[edge.b].radius);
        EXPECT_EQ(drawn.colour, edge.style == EdgeStyle::Lead ? withAlpha(p.edgeStrong, 0.6f) : p.edge);
        styles.insert(drawn.style);
    }
    EXPECT_EQ(styles.size(), kEdgeStyleCount) << "every line style of the legend occurs";
    // The strokes are the legend's: dashed support, dotted lineage with an arrowhead.
    const auto& strokes = b.view.strokes;
    EXPECT_EQ(strokes[static_cast<std::size_t>(EdgeStyle::Member)].dash, 0.0f);
    EXPECT_GT(strokes[static_cast<std::size_t>(EdgeStyle::Support)].dash, 0.0f);
    EXPECT_GT(strokes[static_cast<std::size_t>(EdgeStyle::Lineage)].gap,
              strokes[static_cast<std::size_t>(EdgeStyle::Lineage)].dash) << "dotted";
    EXPECT_EQ(strokes[static_cast<std::size_t>(EdgeStyle::Lineage)].arrow, 1.0f);
    EXPECT_GT(strokes[static_cast<std::size_t>(EdgeStyle::Lead)].width, strokes[static_cast<std::size_t>(EdgeStyle::Member)].width);
}

TEST_F(GraphBatchTest, TheCameraAloneRebuildsNothing) {
    use(shippedDataset());
    settle();
    const std::uint64_t version = batch().version;
    const GraphView before = batch().view;
    state.cameraSet = true;
    state.camera = Camera{2.0f, before.cameraX + 40.0f, before.cameraY - 25.0f};
    frame();
    EXPECT_EQ(batch().version, version) << "a pan and a zoom upload nothing";
    EXPECT_EQ(batch().view.cameraX, before.cameraX + 40.0f);
    EXPECT_FLOAT_EQ(batch().view.scale, before.scale * 2.0f);
    frame();
    EXPECT_EQ(batch().version, version);
}

TEST_F(GraphBatchTest, TheHighlightRebuildsItDimmedFirstFocusOnTop) {
    use(shippedDataset());
    settle();
    const std::uint64_t version = batch().version;
    state.selection = "org:inria";
    frame();
    const GraphBatch& b = batch();
    EXPECT_NE(b.version, version);
    const std::size_t inria = *dataset.findEntity("org:inria");
    // Inria and its neighbours are bright and drawn last; the others dimmed, drawn first.
    const auto selected = std::find(b.nodeEntities.begin(), b.nodeEntities.end(), inria);
    ASSERT_NE(selected, b.nodeEntities.end());
    const GraphNode& inriaNode = b.nodes[static_cast<std::size_t>(selected - b.nodeEntities.begin())];
    EXPECT_NE(inriaNode.flags & GraphNode::kSelected, 0);
    const auto opaque = [](const GraphNode& n) { return (n.colour >> IM_COL32_A_SHIFT) == 0xFF; };
    const auto firstBright = std::find_if(b.nodes.begin(), b.nodes.end(), opaque);
    ASSERT_NE(firstBright, b.nodes.end());
    EXPECT_TRUE(std::all_of(firstBright, b.nodes.end(), opaque)) << "bright nodes after every dimmed one";
    EXPECT_LT(firstBright - b.nodes.begin(), static_cast<long>(b.nodes.size()) - 2) << "most nodes are dimmed";
    // Inria's edges are strong and last.
    const Palette& p = palette(false);
    std::size_t lit = 0;
    for (std::size_t i = 0; i < b.edges.size(); ++i) {
        const Relation& r = dataset.relations[b.edgeRelations[i]];
        const bool around = r.source == inria || r.target == inria;
        EXPECT_EQ(b.edges[i].colour == p.edgeStrong, around);
        if (around) ++lit;
        else EXPECT_EQ(lit, 0u) << "dimmed edges come before the lit ones";
    }
    EXPECT_GT(lit, 0u);
}

TEST_F(GraphBatchTest, OnlyTheVisibleSet) {
    use(shippedDataset());
    settle();
    state.filters.axes = {"apis"}; // OpenLLM-France only
    visible = applyFilters(dataset, state.filters);
    settle();
    const GraphBatch& b = batch();
    std::size_t shown = 0;
    for (std::size_t e = 0; e < dataset.entities.size(); ++e) shown += visible.entity[e] ? 1 : 0;
    EXPECT_LT(b.nodes.size(), dataset.entities.size());
    EXPECT_EQ(b.nodes.size(), scene.layout().nodes().size());
    for (std::size_t entity : b.nodeEntities) EXPECT_TRUE(visible.entity[entity]) << dataset.entities[entity].id;
    for (std::size_t relation : b.edgeRelations) {
        EXPECT_TRUE(visible.entity[dataset.relations[relation].source]);
        EXPECT_TRUE(visible.entity[dataset.relations[relation].target]);
    }
    EXPECT_LE(b.nodes.size(), shown);
}

// The graph's place in ImGui's order: one callback command in the canvas' draw list, clipped to
// the canvas, after its border and before the labels.
TEST_F(GraphBatchTest, DrawnBetweenTheCanvasAndTheLabels) {
    use(shippedDataset());
    settle();
    const ImDrawData* data = ImGui::GetDrawData();
    int callbacks = 0;
    for (int l = 0; l < data->CmdListsCount; ++l) {
        const ImDrawList* list = data->CmdLists[l];
        for (int c = 0; c < list->CmdBuffer.Size; ++c) {
            const ImDrawCmd& command = list->CmdBuffer[c];
            if (command.UserCallback != drawGraphBatchCallback) continue;
            ++callbacks;
            EXPECT_EQ(command.UserCallbackData, static_cast<const void*>(&batch()));
            const ScreenRect canvas = scene.lastFrame().canvas;
            EXPECT_NEAR(command.ClipRect.x, canvas.x, 1.0f);
            EXPECT_NEAR(command.ClipRect.z, canvas.x + canvas.width, 1.0f);
            unsigned before = 0, after = 0;
            for (int k = 0; k < c; ++k) before += list->CmdBuffer[k].ElemCount;
            for (int k = c + 1; k < list->CmdBuffer.Size; ++k) after += list->CmdBuffer[k].ElemCount;
            EXPECT_GT(before, 0u) << "the canvas' border under the graph";
            // The labels (68 names with their backdrops) come after it.
            EXPECT_GT(after, 68u * 6u);
        }
    }
    EXPECT_EQ(callbacks, 1);
    // No node or edge geometry in ImGui's lists: the shipped graph goes through the batch only.
    EXPECT_EQ(scene.lastFrame().nodesDrawn, scene.layout().nodes().size());
}

TEST_F(GraphBatchTest, DenseGraphsFadeTheirEdgesLessWhenZoomedIn) {
    use(test::ecosystem(40, 25)); // 1,040 nodes
    state.cameraSet = false;
    settle();
    const float fit = batch().view.edgeAlpha;
    EXPECT_LT(fit, 1.0f) << "a thousand-node picture fades its edges";
    EXPECT_GT(fit, 0.0f);
    state.cameraSet = true;
    state.camera = Camera{6.0f, batch().view.cameraX, batch().view.cameraY};
    frame();
    EXPECT_GT(batch().view.edgeAlpha, fit);
    // More contrast: edges stay opaque.
    colours = &palette(false, true);
    frame();
    EXPECT_EQ(batch().view.edgeAlpha, 1.0f);
}

} // namespace
