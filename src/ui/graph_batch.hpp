// What the network view hands the platform to draw of the graph itself (nodes and edges), as
// plain data: src/ui has no GL, src/web draws it in a pass of its own (src/web/gl_renderer.cpp).
//
// Why: drawn through ImGui, every node and edge is tessellated again each frame (at 10,000
// nodes about a million vertices, tens of MB uploaded per frame, even when only the camera
// moved). Here the nodes and edges are instances in layout units, rebuilt only when what is
// drawn changes (positions, the visible set, the hover and selection highlight, the palette);
// the camera, the text size and the density fade are per-frame values (uniforms), so a frame in
// which only the camera moves uploads nothing.
//
// Where it goes in the picture: the view puts an ImDrawList callback command (UserCallback =
// drawGraphBatchCallback, UserCallbackData = the GraphBatch) in its draw list after the canvas'
// border and before the labels, so the graph is drawn in ImGui's order: above the canvas, below
// the labels, the toolbar, the legend, tooltips and every panel drawn later. The callback
// function itself does nothing: a renderer that knows the batch (the web platform) recognises it
// and draws the batch, clipped to the command's ClipRect; any other (the native tests, which
// render nothing) skips it.
//
// Look (the same as the ImGui paths it replaces, and as the legend shows), in CSS pixels at a
// node's screen radius r = max(radius × View::radiusScale, 1.25), colours straight (not premultiplied) RGBA
// as ImGui packs them (ImU32), each layer blended over the ones below with the node's alpha:
//  - Disc (public organisations): a disc of the colour, outlined by View::background with a
//    stroke of max(1, 0.12 r) centred half a pixel inside r.
//  - Ring (private organisations): a disc of the colour mixed towards the background by
//    View::hollowMix, and a ring of the colour from r − max(1.5, 0.3 r) to r.
//  - RingDot (civil society): the Ring and a centre dot of the colour, radius max(1.2, 0.3 r).
//  - Square (projects): a square of half-side 0.89 r, corners rounded by a third of that,
//    outlined like the Disc.
//  - Diamond (models): a square on its point, half-diagonal 1.2 r, outlined like the Disc.
//  - Hexagon (initiatives): a regular hexagon, corner radius 1.08 r, a corner pointing right,
//    outlined like the Disc.
//  - kSeveralProjects: a ring of View::text at r + 0.16 em, 0.1 em wide, under the shape; on a
//    node smaller than half an em both scale by r / 0.5 em (the ring at least 0.75 px wide).
//  - kSelected: a halo of View::accent at 20 % to r + 0.6 em and a ring of View::accent at
//    r + 0.32 em, 0.16 em wide, under the rest.
//  - Edges run from the border of one node's disc to the other's, stroked as View::strokes
//    gives for their style (solid, dashed or dotted, dashes measured from the start so they do
//    not crawl while panning; an arrowhead at b for directed styles), in their colour times
//    View::edgeAlpha; an edge shorter than the two radii plus one pixel is not drawn.
// Order: every edge (in vector order) below every node (in vector order); the view puts what is
// dimmed first and what is highlighted last.
#pragma once

#include "core/vocabulary.hpp"

#include <imgui.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace explorer::ui {

enum class GraphShape : std::uint8_t { Disc, Ring, RingDot, Square, Diamond, Hexagon };

// One node, laid out as the GPU reads it (20 bytes).
struct GraphNode {
    float x = 0, y = 0;        // centre, layout units
    float radius = 0;          // layout units
    ImU32 colour = 0;          // the kind's colour; its alpha is the node's opacity (dimmed or not)
    GraphShape shape = GraphShape::Disc;
    std::uint8_t flags = 0;    // kSeveralProjects | kSelected
    std::uint8_t pad[2] = {};
    static constexpr std::uint8_t kSeveralProjects = 1;
    static constexpr std::uint8_t kSelected = 2;
};
static_assert(sizeof(GraphNode) == 20, "GraphNode is uploaded as is");

// One edge, laid out as the GPU reads it (32 bytes).
struct GraphEdge {
    float ax = 0, ay = 0;      // the source node's centre, layout units
    float bx = 0, by = 0;      // the target node's centre
    float ra = 0, rb = 0;      // their radii, layout units
    ImU32 colour = 0;          // straight RGBA
    std::uint8_t style = 0;    // EdgeStyle (View::strokes[style])
    std::uint8_t pad[3] = {};
};
static_assert(sizeof(GraphEdge) == 32, "GraphEdge is uploaded as is");

// How each edge style is stroked, in CSS pixels (the legend's strokes).
struct GraphStroke {
    float width = 1.0f;
    float dash = 0.0f; // 0: solid
    float gap = 0.0f;
    float arrow = 0.0f; // 1: an arrowhead at b
};

inline constexpr std::size_t kEdgeStyleCount = 5; // EdgeStyle's values: Lead … PartOf

// Per frame: changing any of this uploads nothing.
struct GraphView {
    float centreX = 0, centreY = 0; // the screen point (CSS px) showing the camera's layout point…
    float cameraX = 0, cameraY = 0; // …this one
    float scale = 1.0f;             // CSS px per layout unit (positions)
    float radiusScale = 1.0f;       // CSS px per layout unit of a radius (network_view.cpp, kNodeInkTarget)
    float em = 13.0f;               // the font size, CSS px (rings, halo)
    float edgeAlpha = 1.0f;         // every edge's opacity times this (fades dense pictures)
    bool edgesShown = true;         // false: this frame draws the nodes only (a big picture moving)
    ImU32 background = 0;           // outlines, and what hollow fills mix towards
    ImU32 accent = 0;               // the selection's halo and ring
    ImU32 text = 0;                 // the "several projects" ring (its alpha: the node's)
    float hollowMix = 0.0f;         // Ring/RingDot fill = mix(colour, background, hollowMix)
    std::array<GraphStroke, kEdgeStyleCount> strokes{};
};

struct GraphBatch {
    std::vector<GraphNode> nodes; // bottom to top, every one drawn (off-screen ones are clipped)
    std::vector<GraphEdge> edges; // bottom to top, all below the nodes
    // Not uploaded: the entity of each node (index in Dataset::entities) and the relation of each
    // edge (index in Dataset::relations), in the same order.
    std::vector<std::size_t> nodeEntities;
    std::vector<std::size_t> edgeRelations;
    // Bumped whenever nodes or edges change: a renderer uploads them again only then.
    std::uint64_t version = 0;
    GraphView view;
};

// The marker of the batch's place in an ImDrawList (see above). Does nothing when called.
void drawGraphBatchCallback(const ImDrawList* list, const ImDrawCmd* command);

} // namespace explorer::ui
