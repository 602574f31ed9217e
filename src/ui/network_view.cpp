// The network view: NetworkScene (contract in network_scene.hpp) and drawNetworkView (views.hpp).
// What the network shows and where (nodes, sizes, styles, positions) is decided in the core
// (core/network_layout.hpp); this file advances that layout within a frame budget, glides nodes
// to their places, and draws: the nodes and edges as a GraphBatch the platform draws in a pass of
// its own (graph_batch.hpp; rebuilt only when what it shows changes, never for the camera), the
// labels, toolbar, legend and tooltip through ImGui, above it.
//
// [SECTION] the scene: the core layout, gliding
// [SECTION] camera
// [SECTION] drawing primitives: node shapes and edge strokes (the legend's), the graph batch, labels
// [SECTION] toolbar and legend
// [SECTION] drawNetworkView
#include "ui/entity_labels.hpp"
#include "ui/graph_batch.hpp"
#include "ui/network_scene.hpp"
#include "ui/strings.hpp"
#include "ui/views.hpp"
#include "ui/widgets.hpp"
#include "ui/text_runs.hpp"

#include "core/label_placement.hpp"
#include "core/palette.hpp"
#include "core/view_state_codec.hpp"
#include "core/vocabulary.hpp"

#include <imgui.h>
#include <imgui_internal.h> // ImRect

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>

namespace explorer::ui {
namespace {

using Clock = NetworkLayout::Clock;

// Budgets of layout work per frame: the first picture may take a little longer so that it is
// already still; afterwards the layout must never make a frame late. (Small datasets are laid out
// to the end in the first frame whatever the clock: core/network_layout.hpp, kSettleAtOnceEntities.)
constexpr auto kFirstFrameBudget = std::chrono::milliseconds(50);
constexpr auto kFrameBudget = std::chrono::milliseconds(4);
// Reduced motion: the frame that shows a new graph (first picture, filters, dataset) lays it out
// to the end, up to this cap so that a huge dataset cannot freeze the page; past the cap the
// layout goes on at most kReducedMotionFrameBudget a frame behind a progress bar, never drawn
// while it moves. (The shipped dataset needs a few ms.)
constexpr auto kReducedMotionBudget = std::chrono::milliseconds(250);
constexpr auto kReducedMotionFrameBudget = std::chrono::milliseconds(30);
// Nodes glide to new places with this time constant (seconds); below kGlideDone pixels they snap.
constexpr float kGlideSeconds = 0.09f;
constexpr float kGlideDonePixels = 0.25f;

constexpr float kZoomMin = static_cast<float>(explorer::kZoomMin);
constexpr float kZoomMax = static_cast<float>(explorer::kZoomMax);
constexpr float kCoordinateMax = static_cast<float>(kCameraCoordinateMax);
constexpr float kWheelZoomStep = 1.2f;  // per wheel notch
constexpr float kButtonZoomStep = 1.5f; // per + / − click
// Edges held back while a big picture moves (NetworkScene::Impl::edgesHeld): above this many on
// screen (the 100k-node synthetic consortium has 250,000; the shipped data 90, the 10k one 24,000,
// which software WebGL still pans at a few frames a second), and for this long after the camera's
// last move, so that a burst of wheel notches or a slow drag does not pay for the edges between two.
constexpr std::size_t kEdgesHeldWhileMovingAbove = 50000;
constexpr double kEdgesReturnAfter = 0.15;
// Nodes never shrink below this share of their layout size, so a phone still shows them; but a
// big graph seen whole would then be discs drawn over one another many times (the 100k-node
// synthetic consortium at fit: about ten layers over the whole canvas, a hairball to the reader
// and ten times the pixels to fill), so there the floor comes down until the discs' ink covers at
// most kNodeInkTarget of the graph's area, each disc at least kMinNodeRadiusPx in radius (the
// same floor as the node shader's, gl_renderer.cpp). The shipped graph never reaches it.
constexpr float kMinNodeScale = 0.5f;
constexpr float kNodeInkTarget = 0.5f;
constexpr float kMinNodeRadiusPx = 1.25f;
constexpr std::size_t kNoNode = NetworkLayout::kNoNode;
// Edges fade when their ink would cover more than this share of the graph's area (the shipped
// graph covers a few per cent), never below kMinEdgeAlpha; not in high contrast or forced colours.
constexpr float kEdgeInkTarget = 0.12f;
constexpr float kMinEdgeAlpha = 0.12f;

// Line styles come from the role traits (core/vocabulary.hpp): one table for the network, its SVG
// and the legend.
using EdgeKind = EdgeStyle;

bool finite(Vec2 p) { return std::isfinite(p.x) && std::isfinite(p.y); }

// What is away from the hovered or selected node fades to this opacity; high contrast fades it
// half as far, so that it still reads.
float dimmedAlpha(const Palette& p, float alpha) { return p.highContrast ? (1.0f + alpha) * 0.5f : alpha; }

} // namespace

// [SECTION] the scene --------------------------------------------------------------------------

struct NetworkScene::Impl {
    // The dataset `display` describes.
    const Dataset* dataset = nullptr;
    std::size_t entityCount = 0;
    std::size_t relationCount = 0;

    // What to draw and where it goes (nodes in dataset order, edges in relation order).
    NetworkLayout layout;
    // Where each node is drawn, gliding towards its place in the layout.
    std::vector<Vec2> display;
    std::vector<std::size_t> displayEntity; // the entity of each display slot
    bool displaySettled = false;
    float lastScale = 1.0f;
    // Reduced motion (UiContext::reducedMotion, as of the last frame drawn): no glide, and the
    // graph is not drawn until its layout has settled.
    bool reducedMotion = false;
    bool graphChanged = false; // the last update() rebuilt the graph (another visible set or dataset)

    // Interaction and overlays.
    bool panning = false;
    ImVec2 panApplied{0, 0};
    bool pressCancelled = false;
    std::optional<bool> legendOpen; // unset: open on wide canvases, closed on narrow ones
    bool pointerOverCanvas = false;
    NetworkFrameInfo frame;
    // Keyboard zoom (+ / − / 0 in the page's mirror), applied in the next frame, which knows the projection.
    int pendingZoomSteps = 0;
    bool pendingFit = false;

    // The graph as handed to the platform (graph_batch.hpp) and what it was built from: it is
    // rebuilt only when one of these changes, never for the camera alone.
    GraphBatch batch;
    struct BatchSource {
        std::vector<Vec2> at; // display positions, in node order
        std::size_t edges = 0;
        std::size_t focus = kNoNode, selected = kNoNode;
        std::array<ImU32, 8 + kEntityKindCount> colours{};
        bool highContrast = false, forced = false, built = false;
    } batchSource;
    float batchEdgeLength = 0.0f; // the edges' total length, layout units (the density fade)
    // Big pictures while the camera moves (as sigma.js's hideEdgesOnMove): with more than
    // kEdgesHeldWhileMovingAbove edges on screen, a frame whose camera moved, or moved less than
    // kEdgesReturnAfter seconds ago, or that a drag holds, draws the nodes only. On a weak GPU (or
    // software WebGL) such a picture's edges cost seconds of fill per frame, nodes a fraction of
    // it: panning stays live and the edges come back once the camera rests.
    Camera lastCamera{};
    double lastCameraMove = -1.0e9; // ImGui time
    bool edgesHeld = false;         // the last frame left the edges out: a resting frame must follow

    // Labels (core/label_placement.hpp): the graph's importance order, built with the graph; the
    // placement, reused while the camera pans; each node's label size per font ([0] small,
    // [1] bold; negative: not measured yet) and the names of the labels placed.
    struct Labels {
        LabelGraph graph;
        LabelPlacer placer;
        std::array<std::vector<LabelSize>, 2> sizes;
        std::vector<std::string> texts; // of placer's labels, in its order
        const ImFont* bold = nullptr;
        const ImFont* small = nullptr;
        float maxWidth = 0.0f, em = 0.0f;
        std::uint64_t generation = 0; // bumped whenever the sizes are forgotten
        std::uint64_t glyphs = 0;     // the font atlas's generation the sizes were measured with
    } labels;

    const std::vector<NetworkNode>& nodes() const { return layout.nodes(); }
    const std::vector<NetworkEdge>& edges() const { return layout.edges(); }

    // Returns true when the graph is built for the first time (for this dataset).
    bool update(const Dataset& data, const VisibleSet& visible);
    Vec2 target(std::size_t node) const { return layout.nodes()[node].at; }
    void snapDisplay();
    void glide(float seconds);
};

// Another dataset starts everything afresh (the legend's state excepted); another visible set
// rebuilds the graph, and the nodes that stay glide from where they were drawn.
bool NetworkScene::Impl::update(const Dataset& data, const VisibleSet& visible) {
    if (dataset != &data || entityCount != data.entities.size() || relationCount != data.relations.size()) {
        const std::optional<bool> keepLegend = legendOpen;
        const bool keepReducedMotion = reducedMotion;
        *this = Impl{};
        legendOpen = keepLegend;
        reducedMotion = keepReducedMotion;
        dataset = &data;
        entityCount = data.entities.size();
        relationCount = data.relations.size();
    }
    const bool first = !layout.shown();
    graphChanged = layout.show(data, visible);
    if (!graphChanged) return false;
    std::vector<std::optional<Vec2>> drawnAt(entityCount);
    for (std::size_t n = 0; n < displayEntity.size() && n < display.size(); ++n)
        if (displayEntity[n] < entityCount) drawnAt[displayEntity[n]] = display[n];
    const std::vector<NetworkNode>& now = layout.nodes();
    display.resize(now.size());
    displayEntity.resize(now.size());
    for (std::size_t n = 0; n < now.size(); ++n) {
        const std::optional<Vec2>& was = drawnAt[now[n].entity];
        display[n] = was ? *was : now[n].at;
        displayEntity[n] = now[n].entity;
    }
    displaySettled = false;
    return first;
}

void NetworkScene::Impl::snapDisplay() {
    for (std::size_t n = 0; n < display.size(); ++n) display[n] = target(n);
}

void NetworkScene::Impl::glide(float seconds) {
    if (displaySettled && layout.settled()) return;
    const float dt = seconds > 0.0f && std::isfinite(seconds) ? std::min(seconds, 0.1f) : 1.0f / 60.0f;
    const float share = 1.0f - std::exp(-dt / kGlideSeconds);
    float farthest = 0.0f;
    for (std::size_t n = 0; n < display.size(); ++n) {
        const Vec2 goal = target(n);
        Vec2& at = display[n];
        if (!finite(at)) at = goal;
        at.x += (goal.x - at.x) * share;
        at.y += (goal.y - at.y) * share;
        farthest = std::max({farthest, std::abs(goal.x - at.x), std::abs(goal.y - at.y)});
    }
    const float pixels = farthest * std::max(lastScale, 1.0e-3f);
    if (layout.settled() && pixels < kGlideDonePixels) {
        snapDisplay();
        displaySettled = true;
    } else {
        displaySettled = false;
    }
}

NetworkScene::NetworkScene() : impl_(std::make_unique<Impl>()) {}
NetworkScene::~NetworkScene() = default;

void NetworkScene::reset() {
    const bool reducedMotion = impl_->reducedMotion;
    *impl_ = Impl{};
    impl_->reducedMotion = reducedMotion;
}

bool NetworkScene::animating() const {
    const Impl& s = *impl_;
    if (!s.layout.shown()) return false; // nothing built yet: the next drawn frame builds it
    return !s.layout.settled() || !s.displaySettled || s.edgesHeld;
}

bool NetworkScene::wantsWheel() const { return impl_->pointerOverCanvas; }

void NetworkScene::zoomByKeyboard(int steps) { impl_->pendingZoomSteps += steps; }
void NetworkScene::fitByKeyboard() { impl_->pendingFit = true; }

const NetworkFrameInfo& NetworkScene::lastFrame() const { return impl_->frame; }

const NetworkLayout& NetworkScene::layout() const { return impl_->layout; }

const GraphBatch& NetworkScene::graphBatch() const { return impl_->batch; }

void drawGraphBatchCallback(const ImDrawList* /*list*/, const ImDrawCmd* /*command*/) {}

// Finishing the layout early changes no place (the settled positions depend only on the dataset and
// the visible set), only when they are reached: the view glides there from its next frame.
std::vector<NetworkScene::PlacedNode> NetworkScene::placedNodes() const {
    std::vector<PlacedNode> placed;
    NetworkLayout& layout = impl_->layout;
    if (!layout.shown()) return placed;
    layout.finish();
    placed.reserve(layout.nodes().size());
    for (const NetworkNode& node : layout.nodes())
        placed.push_back(PlacedNode{node.entity, node.at.x, node.at.y, node.radius});
    return placed;
}

namespace {

// [SECTION] camera -------------------------------------------------------------------------------

// How layout units map to the screen this frame.
struct Projection {
    ImVec2 centre; // screen point showing camera (x, y): the centre of the graph area
    Rect bounds;   // of the nodes drawn, layout units
    float fitScale = 1.0f;
    Camera camera;
    float scale() const { return fitScale * camera.zoom; }
    ImVec2 toScreen(Vec2 p) const {
        return ImVec2(centre.x + (p.x - camera.x) * scale(), centre.y + (p.y - camera.y) * scale());
    }
    Vec2 toLayout(ImVec2 s) const {
        return Vec2{camera.x + (s.x - centre.x) / scale(), camera.y + (s.y - centre.y) / scale()};
    }
};

// The camera the reader set, made safe (a hand-edited state may hold anything), or the one that
// frames the graph.
Camera effectiveCamera(const ViewState& state, Vec2 graphCentre) {
    if (!state.cameraSet) return Camera{1.0f, graphCentre.x, graphCentre.y};
    Camera camera = state.camera;
    camera.zoom = std::isfinite(camera.zoom) ? std::clamp(camera.zoom, kZoomMin, kZoomMax) : 1.0f;
    camera.x = std::isfinite(camera.x) ? std::clamp(camera.x, -kCoordinateMax, kCoordinateMax) : graphCentre.x;
    camera.y = std::isfinite(camera.y) ? std::clamp(camera.y, -kCoordinateMax, kCoordinateMax) : graphCentre.y;
    return camera;
}

void setCamera(Intents& intents, Projection& projection, Camera camera) {
    camera.zoom = std::clamp(camera.zoom, kZoomMin, kZoomMax);
    camera.x = std::clamp(camera.x, -kCoordinateMax, kCoordinateMax);
    camera.y = std::clamp(camera.y, -kCoordinateMax, kCoordinateMax);
    projection.camera = camera;
    intents.send(intent::MoveCamera{camera});
}

// Zooms by `factor` keeping the layout point under `pivot` (screen) where it is.
void zoomAbout(Intents& intents, Projection& projection, ImVec2 pivot, float factor) {
    if (!std::isfinite(factor) || factor <= 0.0f) return;
    const Vec2 held = projection.toLayout(pivot);
    Camera camera = projection.camera;
    camera.zoom = std::clamp(camera.zoom * factor, kZoomMin, kZoomMax);
    const float scale = projection.fitScale * camera.zoom;
    camera.x = held.x - (pivot.x - projection.centre.x) / scale;
    camera.y = held.y - (pivot.y - projection.centre.y) / scale;
    setCamera(intents, projection, camera);
}

void panBy(Intents& intents, Projection& projection, ImVec2 screenDelta) {
    if (!std::isfinite(screenDelta.x) || !std::isfinite(screenDelta.y)) return;
    if (screenDelta.x == 0.0f && screenDelta.y == 0.0f) return;
    Camera camera = projection.camera;
    camera.x -= screenDelta.x / projection.scale();
    camera.y -= screenDelta.y / projection.scale();
    setCamera(intents, projection, camera);
}

// [SECTION] drawing primitives -----------------------------------------------------------------

bool contains(const ImRect& rect, ImVec2 p) {
    return p.x >= rect.Min.x && p.x < rect.Max.x && p.y >= rect.Min.y && p.y < rect.Max.y;
}

bool overlaps(const ImRect& a, const ImRect& b) {
    return a.Min.x < b.Max.x && b.Min.x < a.Max.x && a.Min.y < b.Max.y && b.Min.y < a.Max.y;
}

ScreenRect toScreenRect(const ImRect& rect) {
    return ScreenRect{rect.Min.x, rect.Min.y, rect.Max.x - rect.Min.x, rect.Max.y - rect.Min.y};
}

ImU32 mixColours(ImU32 a, ImU32 b, float t) {
    const ImVec4 x = ImGui::ColorConvertU32ToFloat4(a);
    const ImVec4 y = ImGui::ColorConvertU32ToFloat4(b);
    return ImGui::ColorConvertFloat4ToU32(
        ImVec4(x.x + (y.x - x.x) * t, x.y + (y.y - x.y) * t, x.z + (y.z - x.z) * t, x.w + (y.w - x.w) * t));
}

struct NodeLook {
    EntityKind kind = EntityKind::Organisation;
    OrgStyle style = OrgStyle::Public;
    ImU32 colour = 0;
    ImU32 background = 0; // the canvas colour, for outlines and hollow fills
    float alpha = 1.0f;
    // How far a hollow fill goes from the kind colour towards the background: all the way in
    // forced colours, which allow no colour of our own.
    float hollowMix = kHollowFillMix;
};

void drawNodeShape(ImDrawList* draw, const NodeLook& look, ImVec2 c, float r) {
    const ImU32 colour = withAlpha(look.colour, look.alpha);
    const ImU32 outline = withAlpha(look.background, look.alpha);
    const float stroke = std::max(1.0f, r * 0.12f);
    switch (look.kind) {
    case EntityKind::Project: {
        const float half = r * 0.89f; // a square of about the disc's area
        draw->AddRectFilled(ImVec2(c.x - half, c.y - half), ImVec2(c.x + half, c.y + half), colour, half * 0.35f);
        draw->AddRect(ImVec2(c.x - half, c.y - half), ImVec2(c.x + half, c.y + half), outline, half * 0.35f, 0, stroke);
        break;
    }
    case EntityKind::Model: {
        const float h = r * 1.2f;
        draw->AddQuadFilled(ImVec2(c.x, c.y - h), ImVec2(c.x + h, c.y), ImVec2(c.x, c.y + h), ImVec2(c.x - h, c.y),
                            colour);
        draw->AddQuad(ImVec2(c.x, c.y - h), ImVec2(c.x + h, c.y), ImVec2(c.x, c.y + h), ImVec2(c.x - h, c.y), outline,
                      stroke);
        break;
    }
    case EntityKind::Initiative:
        draw->AddNgonFilled(c, r * 1.08f, colour, 6);
        draw->AddNgon(c, r * 1.08f, outline, 6, stroke);
        break;
    case EntityKind::Organisation:
        if (look.style == OrgStyle::Public) {
            draw->AddCircleFilled(c, r, colour);
            draw->AddCircle(c, r, outline, 0, stroke);
        } else {
            const float ring = std::max(1.5f, r * 0.3f);
            const ImU32 fill = mixColours(look.colour, look.background, look.hollowMix);
            draw->AddCircleFilled(c, r, withAlpha(fill, look.alpha));
            draw->AddCircle(c, r - ring * 0.5f, colour, 0, ring);
            if (look.style == OrgStyle::Civil) draw->AddCircleFilled(c, std::max(1.2f, r * 0.3f), colour);
        }
        break;
    }
}

// The part of segment a-b inside `clip`, as parameters t0 <= t1 in [0, 1] (Liang–Barsky);
// nullopt when it misses.
std::optional<std::pair<float, float>> clipSegment(ImVec2 a, ImVec2 b, const ImRect& clip) {
    float t0 = 0.0f, t1 = 1.0f;
    const float dx = b.x - a.x, dy = b.y - a.y;
    const std::array<std::pair<float, float>, 4> sides{
        {{-dx, a.x - clip.Min.x}, {dx, clip.Max.x - a.x}, {-dy, a.y - clip.Min.y}, {dy, clip.Max.y - a.y}}};
    for (const auto& [p, q] : sides) {
        if (p == 0.0f) {
            if (q < 0.0f) return std::nullopt;
            continue;
        }
        const float t = q / p;
        if (p < 0.0f)
            t0 = std::max(t0, t);
        else
            t1 = std::min(t1, t);
        if (t0 > t1) return std::nullopt;
    }
    return std::make_pair(t0, t1);
}

struct Stroke {
    float width = 1.0f;
    float dash = 0.0f; // 0: solid
    float gap = 0.0f;
    bool arrow = false;
};

Stroke strokeOf(EdgeKind kind, float em) {
    switch (kind) {
    case EdgeKind::Lead:
        return {em * 0.18f, 0.0f, 0.0f, false};
    case EdgeKind::Member:
        return {em * 0.085f, 0.0f, 0.0f, false};
    case EdgeKind::Support:
        return {em * 0.085f, em * 0.45f, em * 0.3f, false};
    case EdgeKind::Lineage:
        return {em * 0.11f, em * 0.12f, em * 0.26f, true};
    case EdgeKind::PartOf:
        return {em * 0.055f, 0.0f, 0.0f, false};
    }
    return {};
}

// A line from the border of one node to the border of the other, solid, dashed or dotted, with
// an arrowhead at b for directed kinds. Only the part inside `clip` is tessellated, and dashes
// are measured from the line's start so they do not crawl while panning.
void drawEdgeStroke(ImDrawList* draw, ImVec2 a, ImVec2 b, float ra, float rb, const Stroke& stroke, ImU32 colour,
                    float em, const ImRect& clip) {
    const float dx = b.x - a.x, dy = b.y - a.y;
    const float length = std::sqrt(dx * dx + dy * dy);
    if (!(length > ra + rb + 1.0f)) return;
    const float ux = dx / length, uy = dy / length;
    ImVec2 from(a.x + ux * ra, a.y + uy * ra);
    ImVec2 to(b.x - ux * rb, b.y - uy * rb);
    if (stroke.arrow) {
        const float head = std::min(em * 0.5f, (length - ra - rb) * 0.5f);
        const ImVec2 tip = to;
        to = ImVec2(tip.x - ux * head, tip.y - uy * head);
        if (contains(clip, tip)) {
            const float wing = head * 0.55f;
            draw->AddTriangleFilled(tip, ImVec2(to.x - uy * wing, to.y + ux * wing),
                                    ImVec2(to.x + uy * wing, to.y - ux * wing), colour);
        }
    }
    const auto part = clipSegment(from, to, clip);
    if (!part) return;
    const float segX = to.x - from.x, segY = to.y - from.y;
    const ImVec2 start(from.x + segX * part->first, from.y + segY * part->first);
    const ImVec2 end(from.x + segX * part->second, from.y + segY * part->second);
    if (stroke.dash <= 0.0f) {
        draw->AddLine(start, end, colour, stroke.width);
        return;
    }
    const float total = std::sqrt(segX * segX + segY * segY);
    if (total <= 0.0f) return;
    const float period = stroke.dash + stroke.gap;
    const float first = total * part->first;
    const float last = total * part->second;
    const float dirX = segX / total, dirY = segY / total;
    for (float d = std::floor(first / period) * period; d < last; d += period) {
        const float d0 = std::max(d, first);
        const float d1 = std::min(d + stroke.dash, last);
        if (d1 <= d0) continue;
        draw->AddLine(ImVec2(from.x + dirX * d0, from.y + dirY * d0), ImVec2(from.x + dirX * d1, from.y + dirY * d1),
                      colour, stroke.width);
    }
}

float fontSizeOf(const ImFont* font) { return font->FontSize * font->Scale * ImGui::GetIO().FontGlobalScale; }

ImVec2 textSize(ImFont* font, std::string_view text) {
    return font->CalcTextSizeA(fontSizeOf(font), FLT_MAX, 0.0f, text.data(), text.data() + text.size());
}

// A text drawn as one run (text_runs.hpp) cut to maxWidth: fewer characters, shaped again by the
// browser with the ellipsis at the text's logical end (its left for Arabic or Hebrew).
std::string fitRun(ImFont* font, const std::string& text, float width, float maxWidth) {
    std::vector<std::size_t> starts; // byte offset of each character
    for (std::size_t at = 0; at < text.size();) {
        starts.push_back(at);
        decodeOne(text, at);
    }
    std::size_t keep = starts.size();
    for (int attempt = 0; attempt < 4 && keep > 0 && width > maxWidth; ++attempt) {
        keep = std::min(keep - 1, static_cast<std::size_t>(static_cast<float>(keep) * maxWidth / width));
        if (keep == 0) break;
        std::string cut = text.substr(0, starts[keep]) + "…";
        width = displaySize(cut, font, fontSizeOf(font)).x;
        if (width <= maxWidth) return cut;
    }
    return "…";
}

// The name, cut with an ellipsis when wider than maxWidth as drawn (displayText: measured on the
// browser's run when it is one), at a UTF-8 character boundary. Draw it through displayText.
std::string fitText(ImFont* font, const std::string& name, float maxWidth) {
    const float width = displaySize(name, font, fontSizeOf(font)).x;
    if (width <= maxWidth) return name;
    if (needsShaping(name)) return fitRun(font, name, width, maxWidth);
    const std::string& text = name;
    std::size_t end = text.size();
    const auto continuation = [&](std::size_t at) { return (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80; };
    while (end > 0) {
        --end;
        while (end > 0 && continuation(end)) --end;
        std::string cut = text.substr(0, end) + "…";
        if (textSize(font, cut).x <= maxWidth) return cut;
    }
    return "…";
}

// [SECTION] toolbar and legend ------------------------------------------------------------------

struct LegendEntry {
    enum class Icon { Node, MultiRing, Edge } icon = Icon::Node;
    NodeLook look;
    EdgeKind edge = EdgeKind::Member;
    const char* text = "";
};

std::vector<LegendEntry> legendEntries(const Palette& p, Lang lang) {
    const auto node = [&](EntityKind kind, OrgStyle style, const char* text) {
        LegendEntry entry;
        entry.look = NodeLook{kind, style, p.kind[static_cast<std::size_t>(kind)], p.surface, 1.0f,
                              p.forced ? 1.0f : kHollowFillMix};
        entry.text = text;
        return entry;
    };
    // Kind names come from the kind traits (core/vocabulary.hpp), as in every other legend.
    const auto kindEntry = [&](EntityKind k) { return node(k, OrgStyle::Public, kindTraits(k).label.get(lang).data()); };
    const auto edge = [&](EdgeKind kind, Str label) {
        LegendEntry entry;
        entry.icon = LegendEntry::Icon::Edge;
        entry.edge = kind;
        entry.text = tr(label, lang);
        return entry;
    };
    LegendEntry multi = node(EntityKind::Organisation, OrgStyle::Public, tr(Str::NetworkSeveralProjects, lang));
    multi.icon = LegendEntry::Icon::MultiRing;
    return {
        kindEntry(EntityKind::Project),
        node(EntityKind::Organisation, OrgStyle::Public, tr(Str::NetworkOrgPublic, lang)),
        node(EntityKind::Organisation, OrgStyle::Private, tr(Str::NetworkOrgPrivate, lang)),
        node(EntityKind::Organisation, OrgStyle::Civil, tr(Str::NetworkOrgCivil, lang)),
        multi,
        kindEntry(EntityKind::Model),
        kindEntry(EntityKind::Initiative),
        edge(EdgeKind::Lead, Str::Lead),
        edge(EdgeKind::Member, Str::NetworkEdgeMember),
        edge(EdgeKind::Support, Str::NetworkEdgeSupport),
        edge(EdgeKind::Lineage, Str::NetworkEdgeLineage),
        edge(EdgeKind::PartOf, Str::NetworkEdgePartOf),
    };
}

struct LegendLayout {
    ImVec2 size;
    float line = 0.0f;
    float icon = 0.0f;
    float pad = 0.0f;
};

LegendLayout measureLegend(const std::vector<LegendEntry>& entries, const char* title, const char* hint, ImFont* body,
                           ImFont* bold, float em, float maxWidth) {
    LegendLayout layout;
    layout.pad = em * 0.6f;
    layout.icon = em * 2.0f;
    layout.line = em * 1.35f;
    float width = textSize(bold, title).x;
    for (const LegendEntry& entry : entries) width = std::max(width, layout.icon + textSize(body, entry.text).x);
    width = std::min(width + layout.pad * 2.0f, maxWidth);
    const float hintHeight = body->CalcTextSizeA(fontSizeOf(body), FLT_MAX, width - layout.pad * 2.0f, hint).y;
    layout.size = ImVec2(width, layout.pad * 2.0f + layout.line * static_cast<float>(entries.size() + 1) + hintHeight
                                    + em * 0.3f);
    return layout;
}

void drawLegend(ImDrawList* draw, const ImRect& box, const LegendLayout& layout,
                const std::vector<LegendEntry>& entries, const char* title, const char* hint, const Palette& p,
                ImFont* body, ImFont* bold, float em) {
    draw->PushClipRect(box.Min, box.Max, true);
    draw->AddRectFilled(box.Min, box.Max, p.surface, em * 0.4f);
    draw->AddRect(box.Min, box.Max, p.border, em * 0.4f);
    float y = box.Min.y + layout.pad;
    const float x = box.Min.x + layout.pad;
    draw->AddText(bold, fontSizeOf(bold), ImVec2(x, y), p.text, title);
    y += layout.line;
    const float iconRadius = em * 0.42f;
    for (const LegendEntry& entry : entries) {
        const ImVec2 centre(x + layout.icon * 0.4f, y + fontSizeOf(body) * 0.55f);
        switch (entry.icon) {
        case LegendEntry::Icon::Node:
            drawNodeShape(draw, entry.look, centre, iconRadius);
            break;
        case LegendEntry::Icon::MultiRing:
            drawNodeShape(draw, entry.look, centre, iconRadius * 0.85f);
            draw->AddCircle(centre, iconRadius * 0.85f + em * 0.2f, p.text, 0, em * 0.1f);
            break;
        case LegendEntry::Icon::Edge: {
            const ImRect all(box.Min, box.Max);
            drawEdgeStroke(draw, ImVec2(x, centre.y), ImVec2(x + layout.icon * 0.8f, centre.y), 0.0f, 0.0f,
                           strokeOf(entry.edge, em), p.edgeStrong, em, all);
            break;
        }
        }
        draw->AddText(body, fontSizeOf(body), ImVec2(x + layout.icon, y), p.text, entry.text);
        y += layout.line;
    }
    draw->AddText(body, fontSizeOf(body), ImVec2(x, y + em * 0.3f), p.textMuted, hint, nullptr,
                  box.GetWidth() - layout.pad * 2.0f);
    draw->PopClipRect();
}

// A toolbar button at a given place; reports its rectangle.
bool toolbarButton(const char* label, ImVec2 at, ImVec2 size, ScreenRect& where, const char* tooltip) {
    ImGui::SetCursorScreenPos(at);
    const bool clicked = ImGui::Button(label, size);
    if (tooltip) ImGui::SetItemTooltip("%s", tooltip);
    where = toScreenRect(ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()));
    return clicked;
}

float buttonWidth(const char* label) {
    return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2.0f;
}

std::string projectCountText(std::size_t count, Lang lang) {
    if (count == 1) return tr(Str::NetworkInOneProject, lang);
    std::string text = tr(Str::NetworkInProjects, lang);
    const auto at = text.find("{n}");
    if (at != std::string::npos) text.replace(at, 3, std::to_string(count));
    return text;
}

// An edge's colour: high contrast draws every edge opaque; lead edges stand out by their width
// alone there. Around the focus (hovered, else selected) edges are strong, the others dimmed.
ImU32 edgeColour(const Palette& p, const NetworkEdge& edge, std::size_t focus, bool lit) {
    if (lit) return p.edgeStrong;
    if (focus != kNoNode) return withAlpha(p.edge, dimmedAlpha(p, 0.35f));
    return edge.style == EdgeKind::Lead && !p.highContrast ? withAlpha(p.edgeStrong, 0.6f) : p.edge;
}

// Everything drawing needs about the nodes this frame, in screen space.
struct ScreenGraph {
    const Dataset& dataset;
    const NetworkScene::Impl& scene;
    const Palette& palette;
    const ImRect& canvas;
    float em = 0.0f;
    std::vector<ImVec2> centre;
    std::vector<float> radius;
    std::vector<unsigned char> onScreen;
    std::size_t hovered = kNoNode;
    std::size_t selected = kNoNode;
    std::size_t focus = kNoNode;       // hovered, else selected: its neighbourhood stays bright
    std::vector<unsigned char> bright; // per node
};

// The edges with a part on screen (the batch draws them all; the GPU clips).
std::size_t countEdgesOnScreen(const ScreenGraph& g) {
    const ImRect clip(ImVec2(g.canvas.Min.x - 2.0f, g.canvas.Min.y - 2.0f),
                      ImVec2(g.canvas.Max.x + 2.0f, g.canvas.Max.y + 2.0f));
    std::size_t drawn = 0;
    for (const NetworkEdge& edge : g.scene.edges()) {
        const ImVec2 a = g.centre[edge.a], b = g.centre[edge.b];
        if (std::max(a.x, b.x) < clip.Min.x || std::min(a.x, b.x) > clip.Max.x || std::max(a.y, b.y) < clip.Min.y
            || std::min(a.y, b.y) > clip.Max.y)
            continue;
        ++drawn;
    }
    return drawn;
}

// Records where each node on screen can be clicked and which wear the "several projects" ring
// (dimmed first, bright last, the order they are drawn in); returns how many are on screen.
template <typename Blocked>
std::size_t locateNodes(const ScreenGraph& g, UiContext& ui, std::vector<std::size_t>& ringed, Blocked&& blocked) {
    std::size_t drawn = 0;
    for (int pass = 0; pass < 2; ++pass) {
        for (std::size_t n = 0; n < g.centre.size(); ++n) {
            if (!g.onScreen[n] || (g.bright[n] != 0) != (pass == 1)) continue;
            const NetworkNode& node = g.scene.nodes()[n];
            const std::size_t entityIndex = node.entity;
            const ImVec2 c = g.centre[n];
            const float r = g.radius[n];
            // Organisations MEMBERS of several projects wear a second ring (connections do not count).
            if (node.severalProjects) ringed.push_back(entityIndex);
            ++drawn;
            if (!contains(g.canvas, c) || blocked(c)) continue;
            ImRect box(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r));
            box.ClipWithFull(g.canvas);
            ui.located[entityIndex] = toScreenRect(box);
        }
    }
    return drawn;
}

// ---- The graph as a batch for the platform's own pass (graph_batch.hpp)

GraphShape shapeOf(const NetworkNode& node) {
    switch (node.kind) {
    case EntityKind::Project: return GraphShape::Square;
    case EntityKind::Model: return GraphShape::Diamond;
    case EntityKind::Initiative: return GraphShape::Hexagon;
    case EntityKind::Organisation: break;
    }
    return node.style == OrgStyle::Public ? GraphShape::Disc
           : node.style == OrgStyle::Civil ? GraphShape::RingDot
                                           : GraphShape::Ring;
}

// Whether the batch must be built again: the positions, the edges, the highlight or the
// palette changed since it was (the camera does not count).
bool batchStale(NetworkScene::Impl& s, const ScreenGraph& g) {
    const Palette& p = g.palette;
    NetworkScene::Impl::BatchSource& was = s.batchSource;
    std::array<ImU32, 8 + kEntityKindCount> colours{p.background, p.text, p.accent, p.edge, p.edgeStrong};
    for (std::size_t k = 0; k < kEntityKindCount; ++k) colours[8 + k] = p.kind[k];
    bool stale = !was.built || s.graphChanged || was.edges != s.edges().size() || was.focus != g.focus
                 || was.selected != g.selected || was.colours != colours || was.highContrast != p.highContrast
                 || was.forced != p.forced || was.at.size() != s.display.size();
    for (std::size_t n = 0; !stale && n < s.display.size(); ++n)
        stale = s.display[n].x != was.at[n].x || s.display[n].y != was.at[n].y;
    if (!stale) return false;
    was.at = s.display;
    was.edges = s.edges().size();
    was.focus = g.focus;
    was.selected = g.selected;
    was.colours = colours;
    was.highContrast = p.highContrast;
    was.forced = p.forced;
    was.built = true;
    return true;
}

// Every node and edge of the graph in layout units, dimmed ones first and those around the
// focus last (so they are drawn on top), with their colours.
void buildBatch(NetworkScene::Impl& s, const ScreenGraph& g) {
    static std::uint64_t versions = 0; // across scenes and datasets: a renderer never mistakes one for another
    const Palette& p = g.palette;
    GraphBatch& batch = s.batch;
    batch.nodes.clear();
    batch.nodeEntities.clear();
    batch.edges.clear();
    batch.edgeRelations.clear();
    batch.nodes.reserve(s.nodes().size());
    batch.nodeEntities.reserve(s.nodes().size());
    for (int pass = 0; pass < 2; ++pass) {
        for (std::size_t n = 0; n < s.nodes().size() && n < s.display.size(); ++n) {
            if ((g.bright[n] != 0) != (pass == 1)) continue;
            const NetworkNode& node = s.nodes()[n];
            GraphNode out;
            out.x = s.display[n].x;
            out.y = s.display[n].y;
            out.radius = node.radius;
            out.colour = withAlpha(p.kind[static_cast<std::size_t>(node.kind)], g.bright[n] ? 1.0f : dimmedAlpha(p, 0.25f));
            out.shape = shapeOf(node);
            out.flags = static_cast<std::uint8_t>((node.severalProjects ? GraphNode::kSeveralProjects : 0)
                                                  | (n == g.selected ? GraphNode::kSelected : 0));
            batch.nodes.push_back(out);
            batch.nodeEntities.push_back(node.entity);
        }
    }
    batch.edges.reserve(s.edges().size());
    batch.edgeRelations.reserve(s.edges().size());
    for (int pass = 0; pass < 2; ++pass) {
        for (const NetworkEdge& edge : s.edges()) {
            const bool lit = g.focus != kNoNode && (edge.a == g.focus || edge.b == g.focus);
            if (lit != (pass == 1)) continue;
            GraphEdge out;
            const Vec2 a = s.display[edge.a], b = s.display[edge.b];
            out.ax = a.x;
            out.ay = a.y;
            out.bx = b.x;
            out.by = b.y;
            out.ra = s.nodes()[edge.a].radius;
            out.rb = s.nodes()[edge.b].radius;
            out.colour = edgeColour(p, edge, g.focus, lit);
            out.style = static_cast<std::uint8_t>(edge.style);
            batch.edges.push_back(out);
            batch.edgeRelations.push_back(edge.relation);
        }
    }
    batch.version = ++versions;
}

// The edges' total length in layout units, for the density fade.
float totalEdgeLength(const NetworkScene::Impl& s) {
    float length = 0.0f;
    for (const NetworkEdge& edge : s.edges()) {
        const Vec2 a = s.display[edge.a], b = s.display[edge.b];
        length += std::hypot(b.x - a.x, b.y - a.y);
    }
    return length;
}

// How much the edges fade this frame: their ink (length × the usual stroke width) over the
// graph's area at this zoom, which panning does not change.
float edgeDensityAlpha(const NetworkScene::Impl& s, const Palette& p, const Rect& bounds, float scale, float em) {
    if (p.highContrast || p.forced) return 1.0f;
    const float area = std::max(bounds.width(), 1.0f) * std::max(bounds.height(), 1.0f) * scale * scale;
    const float ink = s.batchEdgeLength * scale * strokeOf(EdgeKind::Member, em).width;
    if (!(area > 0.0f) || !(ink > 0.0f)) return 1.0f;
    return std::clamp(kEdgeInkTarget * area / ink, kMinEdgeAlpha, 1.0f);
}

// CSS px per layout unit of a node's radius at this zoom (see kNodeInkTarget): the camera's scale,
// or above it kMinNodeScale, or less on a graph whose discs would bury it.
float nodeRadiusScale(const NetworkScene::Impl& s, const Rect& bounds, float scale) {
    if (scale >= kMinNodeScale) return scale;
    float sumRadius2 = 0.0f;
    for (const NetworkNode& node : s.nodes()) sumRadius2 += node.radius * node.radius;
    const float area = std::max(bounds.width(), 1.0f) * std::max(bounds.height(), 1.0f) * scale * scale;
    const float inkAtFloor = 3.14159265f * sumRadius2 * kMinNodeScale * kMinNodeScale;
    if (!(area > 0.0f) || !(inkAtFloor > kNodeInkTarget * area)) return kMinNodeScale;
    return std::max(scale, kMinNodeScale * std::sqrt(kNodeInkTarget * area / inkAtFloor));
}

// Labels by level of detail: which nodes are named and where is the core's rule
// (core/label_placement.hpp: the most important first, never two labels over each other, the same
// labels while panning); this draws what it decided. Names are fitted to their font once per node
// and placement, and the placement is reused while the camera pans, so a pan frame costs the
// drawing of the labels alone.
void drawLabels(ImDrawList* draw, NetworkScene::Impl& s, const ScreenGraph& g, const Projection& projection,
                bool graphDrawn, ImFont* bold, ImFont* small, const std::array<ImRect, 5>& obstacles,
                NetworkFrameInfo& info) {
    NetworkScene::Impl::Labels& cache = s.labels;
    const std::size_t nodeCount = s.nodes().size();
    if (!graphDrawn || nodeCount == 0 || s.display.size() != nodeCount) {
        cache.placer.reset();
        return;
    }
    const Palette& p = g.palette;
    const float em = g.em;
    const ImVec2 padding(em * 0.2f, em * 0.03f);
    const float maxWidth = std::min(em * 14.0f, g.canvas.GetWidth() * 0.6f);
    // The importance order is the graph's (built when the graph changes, not per frame); sizes
    // hold as long as the fonts and the width allowed do.
    if (s.graphChanged || cache.graph.size() != nodeCount) {
        cache.graph = buildLabelGraph(g.dataset, s.layout);
        cache.placer.reset();
        cache.sizes = {};
    }
    // New glyphs (a run the browser just drew) change the widths of the names that wait for them.
    const FontAtlas* atlas = fontAtlas();
    const std::uint64_t glyphs = atlas ? atlas->generation() : 0;
    if (cache.bold != bold || cache.small != small || cache.maxWidth != maxWidth || cache.em != em ||
        cache.glyphs != glyphs) {
        cache.glyphs = glyphs;
        cache.bold = bold;
        cache.small = small;
        cache.maxWidth = maxWidth;
        cache.em = em;
        cache.sizes = {};
        ++cache.generation;
    }
    for (auto& sizes : cache.sizes)
        if (sizes.size() != nodeCount) sizes.assign(nodeCount, LabelSize{-1.0f, -1.0f});
    const auto nameOf = [&](std::uint32_t n, bool strong) {
        return fitText(strong ? bold : small, g.dataset.entities[s.nodes()[n].entity].name, maxWidth);
    };
    const LabelExtent extent = [&](std::uint32_t n, bool strong) {
        LabelSize& size = cache.sizes[strong ? 1 : 0][n];
        if (size.width < 0.0f) {
            ImFont* font = strong ? bold : small;
            const ImVec2 text = displaySize(nameOf(n, strong), font, fontSizeOf(font));
            size = LabelSize{text.x + padding.x * 2.0f, text.y + padding.y * 2.0f};
        }
        return size;
    };

    std::vector<Rect> blocking;
    for (const ImRect& r : obstacles)
        if (r.GetWidth() > 0.0f && r.GetHeight() > 0.0f) blocking.push_back(Rect{{r.Min.x, r.Min.y}, {r.Max.x, r.Max.y}});
    const float scale = projection.scale();
    LabelView view;
    view.at = s.display;
    view.radius = g.radius;
    view.scale = scale;
    view.origin = Vec2{projection.centre.x - projection.camera.x * scale, projection.centre.y - projection.camera.y * scale};
    view.canvas = Rect{{g.canvas.Min.x, g.canvas.Min.y}, {g.canvas.Max.x, g.canvas.Max.y}};
    view.obstacles = blocking;
    const auto asNode = [](std::size_t n) { return n == kNoNode ? kNoLabelNode : static_cast<std::uint32_t>(n); };
    view.selected = asNode(g.selected);
    view.hovered = asNode(g.hovered);
    view.gap = em * 0.12f;
    view.cell = em * 4.0f;
    // The batch is rebuilt exactly when positions, focus or selection change (batchStale).
    view.version = (s.batch.version << 16) ^ cache.generation;
    const std::vector<PlacedLabel>& placed = cache.placer.place(cache.graph, view, extent);
    if (cache.placer.stats().placed) {
        cache.texts.clear();
        for (const PlacedLabel& label : placed) cache.texts.push_back(nameOf(label.node, label.strong));
    }

    for (std::size_t i = 0; i < placed.size() && i < cache.texts.size(); ++i) {
        const PlacedLabel& label = placed[i];
        const ImRect box(label.box.min.x, label.box.min.y, label.box.max.x, label.box.max.y);
        if (!overlaps(box, g.canvas)) continue; // placed off screen (world mode): nothing to draw
        // World-mode placements are reused while panning, so they cannot avoid the legend and the
        // buttons, which stay put on screen: a label that would slip under one is not drawn (the
        // overlays are drawn above the graph, so it would show cut).
        if (cache.placer.stats().worldMode &&
            std::any_of(obstacles.begin(), obstacles.end(), [&](const ImRect& r) {
                return r.GetWidth() > 0.0f && r.GetHeight() > 0.0f && overlaps(box, r);
            }))
            continue;
        const NetworkNode& node = s.nodes()[label.node];
        const bool dim = g.focus != kNoNode && !g.bright[label.node];
        const ImU32 ink = node.kind == EntityKind::Project ? p.kind[0] : p.text;
        ImFont* font = label.strong ? bold : small;
        draw->AddRectFilled(box.Min, box.Max, withAlpha(p.background, dim ? 0.5f : 0.82f), em * 0.2f);
        // The cached text is the name (cut); what is drawn for it is only valid in this frame.
        const std::string_view shown = displayText(cache.texts[i], font);
        draw->AddText(font, fontSizeOf(font), ImVec2(box.Min.x + padding.x, box.Min.y + padding.y),
                      dim ? withAlpha(ink, dimmedAlpha(p, 0.35f)) : ink, shown.data(), shown.data() + shown.size());
        info.labels.push_back({node.entity, toScreenRect(box)});
    }
    info.labelsDrawn = info.labels.size();
}

void drawTooltip(const Dataset& dataset, const NetworkScene::Impl& s, std::size_t node, const Palette& p, ImFont* bold,
                 Lang lang) {
    const std::size_t entityIndex = s.nodes()[node].entity;
    const Entity& entity = dataset.entities[entityIndex];
    ImGui::BeginTooltip();
    ImGui::PushFont(bold);
    ImGui::TextUnformatted(displayCString(entity.name));
    ImGui::PopFont();
    mutedText(typeLabel(dataset, entity, lang), p.textMuted);
    const std::size_t projects =
        entity.kind == EntityKind::Organisation ? dataset.memberProjects(entityIndex).size() : 0;
    if (projects > 0) mutedText(projectCountText(projects, lang), p.textMuted);
    ImGui::EndTooltip();
}

// The toolbar along the bottom of the canvas and the legend above it.
struct Overlays {
    float barTop = 0.0f;
    bool zoomIn = false; // clicked this frame
    bool zoomOut = false;
    bool fit = false;
    ImRect legend; // empty when closed
    bool legendDocked = false;
    std::array<ImRect, 5> blocking{}; // where the pointer belongs to an overlay, not to the graph
    bool blocks(ImVec2 point) const {
        return std::any_of(blocking.begin(), blocking.end(), [&](const ImRect& r) { return contains(r, point); });
    }
};

ImRect fromScreenRect(const ScreenRect& r) { return ImRect(r.x, r.y, r.x + r.width, r.y + r.height); }

// Submitted before the canvas button, so that the buttons (not the canvas) get the pointer.
Overlays drawOverlays(NetworkScene::Impl& s, const ImRect& canvas, const Palette& p, Lang lang, ImFont* body,
                      ImFont* bold, float em, NetworkFrameInfo& info) {
    Overlays o;
    const float pad = em * 0.5f;
    const float spacing = em * 0.3f;
    const float barHeight = ImGui::GetFrameHeight();
    o.barTop = canvas.Max.y - pad - barHeight;
    const bool wide = canvas.GetWidth() >= em * 48.0f;
    bool legendOpen = s.legendOpen.value_or(wide);

    const std::string fitLabel = std::string(tr(Str::NetworkShowAll, lang)) + "###fit";
    const char* zoomInLabel = "+###zoom-in";
    const char* zoomOutLabel = "\u2013###zoom-out"; // an en dash: the UI font has no U+2212 minus
    const std::string legendLabel = std::string(tr(Str::NetworkLegend, lang)) + "###legend-toggle";
    const float fitWidth = buttonWidth(fitLabel.c_str());
    const float zoomWidth = std::max(buttonWidth(zoomInLabel), barHeight);
    float x = canvas.Max.x - pad - fitWidth;
    o.fit = toolbarButton(fitLabel.c_str(), ImVec2(x, o.barTop), ImVec2(fitWidth, barHeight), info.fit, nullptr);
    x -= spacing + zoomWidth;
    o.zoomIn = toolbarButton(zoomInLabel, ImVec2(x, o.barTop), ImVec2(zoomWidth, barHeight), info.zoomIn,
                             tr(Str::NetworkZoomIn, lang));
    x -= spacing + zoomWidth;
    o.zoomOut = toolbarButton(zoomOutLabel, ImVec2(x, o.barTop), ImVec2(zoomWidth, barHeight), info.zoomOut,
                              tr(Str::NetworkZoomOut, lang));
    const float legendWidth =
        std::min(buttonWidth(legendLabel.c_str()), std::max(x - spacing - canvas.Min.x - pad, em * 2.0f));
    if (toolbarButton(legendLabel.c_str(), ImVec2(canvas.Min.x + pad, o.barTop), ImVec2(legendWidth, barHeight),
                      info.legendToggle, nullptr)) {
        legendOpen = !legendOpen;
        s.legendOpen = legendOpen;
    }

    if (legendOpen) {
        const std::vector<LegendEntry> entries = legendEntries(p, lang);
        const char* title = tr(Str::NetworkLegend, lang);
        const char* hint = tr(Str::NetworkHint, lang);
        const LegendLayout layout =
            measureLegend(entries, title, hint, body, bold, em, std::min(canvas.GetWidth() - pad * 2.0f, em * 18.0f));
        const float bottom = o.barTop - spacing;
        const float top = std::max(canvas.Min.y + pad, bottom - layout.size.y);
        o.legend = ImRect(ImVec2(canvas.Min.x + pad, top), ImVec2(canvas.Min.x + pad + layout.size.x, bottom));
        o.legendDocked = wide;
        // An inert item over the panel keeps clicks and wheel turns on it away from the graph.
        ImGui::SetCursorScreenPos(o.legend.Min);
        ImGui::InvisibleButton("##legend",
                               ImVec2(std::max(o.legend.GetWidth(), 1.0f), std::max(o.legend.GetHeight(), 1.0f)));
        drawLegend(ImGui::GetWindowDrawList(), o.legend, layout, entries, title, hint, p, body, bold, em);
        info.legend = toScreenRect(o.legend);
    }
    o.blocking = {o.legend, fromScreenRect(info.fit), fromScreenRect(info.zoomIn), fromScreenRect(info.zoomOut),
                  fromScreenRect(info.legendToggle)};
    return o;
}

// Fit-to-view: the scale at which the drawn graph (with room for the labels of its outer nodes)
// fills the graph area, capped so that a lone node is not blown up.
Projection frameGraph(const NetworkScene::Impl& s, const ImRect& area, const ViewState& state, float em) {
    Rect bounds;
    for (std::size_t n = 0; n < s.display.size(); ++n) {
        const Vec2 c = s.display[n];
        const float r = s.nodes()[n].radius;
        if (n == 0) bounds = Rect{{c.x - r, c.y - r}, {c.x + r, c.y + r}};
        bounds.min = {std::min(bounds.min.x, c.x - r), std::min(bounds.min.y, c.y - r)};
        bounds.max = {std::max(bounds.max.x, c.x + r), std::max(bounds.max.y, c.y + r)};
    }
    Projection projection;
    projection.bounds = bounds;
    projection.centre = area.GetCenter();
    const float roomX = area.GetWidth() - std::min(em * 6.0f, area.GetWidth() * 0.2f);
    const float roomY = area.GetHeight() - std::min(em * 3.5f, area.GetHeight() * 0.2f);
    const float fit = std::min(roomX / std::max(bounds.width(), 1.0f), roomY / std::max(bounds.height(), 1.0f));
    projection.fitScale = std::isfinite(fit) && fit > 0.0f ? std::min(fit, 2.0f) : 1.0f;
    projection.camera = effectiveCamera(state, bounds.centre());
    return projection;
}

// Under reduced motion, a layout that outlasts its first frame: a bar and the share done, still
// but for the bar's growth, in place of nodes moving.
void drawLayoutProgress(ImDrawList* draw, const ImRect& area, float progress, const Palette& p, ImFont* font, float em,
                        Lang lang) {
    std::string text = tr(Str::NetworkLayingOut, lang);
    const auto at = text.find("{n}");
    const int percent = static_cast<int>(std::clamp(progress, 0.0f, 1.0f) * 100.0f);
    if (at != std::string::npos) text.replace(at, 3, std::to_string(percent));
    const ImVec2 extent = textSize(font, text);
    const float width = std::min(std::max(extent.x, em * 12.0f), area.GetWidth() - em);
    const ImVec2 centre = area.GetCenter();
    const ImVec2 textAt(centre.x - extent.x * 0.5f, centre.y - extent.y - em * 0.3f);
    draw->AddText(font, fontSizeOf(font), textAt, p.text, text.c_str());
    const ImRect bar(ImVec2(centre.x - width * 0.5f, centre.y + em * 0.2f), ImVec2(centre.x + width * 0.5f, centre.y + em * 0.7f));
    draw->AddRect(bar.Min, bar.Max, p.border, em * 0.25f, 0, std::max(1.0f, em * 0.08f));
    const float filled = bar.Min.x + (bar.GetWidth()) * std::clamp(progress, 0.0f, 1.0f);
    if (filled > bar.Min.x + 1.0f) draw->AddRectFilled(bar.Min, ImVec2(filled, bar.Max.y), p.accent, em * 0.25f);
}

} // namespace

// [SECTION] drawNetworkView -----------------------------------------------------------------------

void drawNetworkView(const Dataset& dataset, NetworkScene& scene, const ViewState& state, UiContext& ui) {
    NetworkScene::Impl& s = scene.impl();
    const Clock::time_point frameStart = Clock::now();
    const ImGuiIO& io = ImGui::GetIO();
    const Palette& p = ui.palette;
    const Lang lang = ui.lang;

    // ---- Scene: caches, the visible graph, this frame's share of layout work, gliding.
    const bool firstBuild = s.update(dataset, ui.visible);
    s.reducedMotion = ui.reducedMotion;
    if (s.reducedMotion) {
        // The settled picture at once, then snaps: nothing moves on screen by itself.
        s.layout.advance(frameStart + (s.graphChanged ? kReducedMotionBudget : kReducedMotionFrameBudget));
        s.snapDisplay();
        s.displaySettled = true;
    } else {
        s.layout.advance(frameStart + (firstBuild ? kFirstFrameBudget : kFrameBudget));
        if (firstBuild) s.snapDisplay();
        s.glide(io.DeltaTime);
    }
    // Past the cap, reduced motion shows how far the layout is instead of the layout moving.
    const bool layingOut = s.reducedMotion && !s.layout.settled();

    ImFont* body = ui.fonts.body ? ui.fonts.body : ImGui::GetFont();
    ImFont* bold = ui.fonts.bold ? ui.fonts.bold : body;
    ImFont* small = ui.fonts.small ? ui.fonts.small : body;
    const float em = ImGui::GetFontSize();

    // ---- The canvas: a child window that neither scrolls nor passes the wheel on to its parent.
    const ImVec2 available = ImGui::GetContentRegionAvail();
    ImGui::PushID("network");
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::BeginChild("##canvas-region", ImVec2(std::max(available.x, em * 8.0f), std::max(available.y, em * 14.0f)),
                      ImGuiChildFlags_None, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleVar();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 size = ImGui::GetContentRegionAvail();
    const ImRect canvas(origin, ImVec2(origin.x + std::max(size.x, 1.0f), origin.y + std::max(size.y, 1.0f)));
    NetworkFrameInfo info;
    info.canvas = toScreenRect(canvas);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->ChannelsSplit(2); // 0: the graph; 1: toolbar and legend, on top
    draw->ChannelsSetCurrent(1);
    const Overlays overlays = drawOverlays(s, canvas, p, lang, small, bold, em, info);
    // The tree's legend region: over the panel, or over its toggle while it is closed.
    placeRect(ui, info.legend.width > 0 ? info.legend : info.legendToggle, "legend");

    // ---- Graph area (the canvas minus the toolbar strip and a docked legend) and projection.
    const ImRect area(ImVec2(overlays.legendDocked ? overlays.legend.Max.x + em * 0.5f : canvas.Min.x, canvas.Min.y),
                      ImVec2(canvas.Max.x, overlays.barTop - em * 0.3f));
    info.graphArea = toScreenRect(area);
    Projection projection = frameGraph(s, area, state, em);
    if (overlays.zoomIn) zoomAbout(ui.intents, projection, projection.centre, kButtonZoomStep);
    if (overlays.zoomOut) zoomAbout(ui.intents, projection, projection.centre, 1.0f / kButtonZoomStep);
    if (s.pendingZoomSteps != 0) {
        zoomAbout(ui.intents, projection, projection.centre, std::pow(kButtonZoomStep, static_cast<float>(std::clamp(s.pendingZoomSteps, -8, 8))));
        s.pendingZoomSteps = 0;
    }
    if (overlays.fit || s.pendingFit) {
        ui.intents.send(intent::FitCamera{});
        projection = frameGraph(s, area, state, em);
        s.pendingFit = false;
    }
    // The camera follows what the reader moved to (a keyboard step, a search result, a host's
    // locate; not a selection alone, such as a link's): a node outside the graph area, or within an em of its edge, comes to the centre.
    if (ui.reveal >= 0 && ui.revealAsked) {
        for (std::size_t n = 0; n < s.display.size() && n < s.displayEntity.size(); ++n) {
            if (s.displayEntity[n] != static_cast<std::size_t>(ui.reveal)) continue;
            const ImVec2 at = projection.toScreen(s.display[n]);
            const ImRect inner(ImVec2(area.Min.x + em, area.Min.y + em), ImVec2(area.Max.x - em, area.Max.y - em));
            if (!inner.Contains(at)) {
                Camera camera = projection.camera;
                camera.x = s.display[n].x;
                camera.y = s.display[n].y;
                setCamera(ui.intents, projection, camera);
            }
            break;
        }
    }

    // ---- One invisible button over the canvas takes every pointer interaction with the graph.
    draw->ChannelsSetCurrent(0);
    ImGui::SetCursorScreenPos(canvas.Min);
    const bool clicked = ImGui::InvisibleButton("##graph", canvas.GetSize(), ImGuiButtonFlags_MouseButtonLeft);
    const bool canvasHovered = ImGui::IsItemHovered();
    const bool canvasActive = ImGui::IsItemActive();
    s.pointerOverCanvas =
        ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) && contains(canvas, io.MousePos);
    const GestureInput& gesture = ui.gestures;
    if (ImGui::IsItemActivated()) {
        s.panning = false;
        s.panApplied = ImVec2(0, 0);
        s.pressCancelled = false;
    }
    // A second finger turns the press into a gesture: it must not end as a click.
    if (gesture.active) s.pressCancelled = true;
    if (canvasActive && !s.pressCancelled) {
        if (!s.panning && ImGui::IsMouseDragPastThreshold(ImGuiMouseButton_Left)) s.panning = true;
        if (s.panning) {
            const ImVec2 dragged = ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 0.0f);
            panBy(ui.intents, projection, ImVec2(dragged.x - s.panApplied.x, dragged.y - s.panApplied.y));
            s.panApplied = dragged;
            ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeAll);
        }
    }
    // The wheel zooms anywhere over the canvas, legend and toolbar included: the page does not
    // scroll there (wantsWheel), so the turn must do something.
    if (s.pointerOverCanvas && io.MouseWheel != 0.0f && std::isfinite(io.MouseWheel))
        zoomAbout(ui.intents, projection, io.MousePos, std::pow(kWheelZoomStep, std::clamp(io.MouseWheel, -5.0f, 5.0f)));
    if (contains(canvas, gesture.pinchCentre) && !overlays.blocks(gesture.pinchCentre)) {
        if (gesture.pinchScale != 1.0f && std::isfinite(gesture.pinchScale) && gesture.pinchScale > 0.0f)
            zoomAbout(ui.intents, projection, gesture.pinchCentre, gesture.pinchScale);
        panBy(ui.intents, projection, gesture.twoFingerPan);
    }

    // ---- Nodes on screen this frame.
    ScreenGraph g{dataset, s, p, canvas, em, {}, {}, {}, kNoNode, kNoNode, kNoNode, {}};
    const float scale = projection.scale();
    s.lastScale = scale;
    info.scale = scale;
    const float radiusScale = nodeRadiusScale(s, projection.bounds, scale);
    const std::size_t nodeCount = s.nodes().size();
    g.centre.resize(nodeCount);
    g.radius.resize(nodeCount);
    g.onScreen.assign(nodeCount, 0);
    for (std::size_t n = 0; n < nodeCount; ++n) {
        const ImVec2 c = projection.toScreen(s.display[n]);
        const float r = std::max(s.nodes()[n].radius * radiusScale, kMinNodeRadiusPx);
        g.centre[n] = c;
        g.radius[n] = r;
        g.onScreen[n] = overlaps(ImRect(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r)), canvas) ? 1 : 0;
    }
    // Nothing of a layout still moving is drawn, hovered or located under reduced motion.
    if (layingOut) std::fill(g.onScreen.begin(), g.onScreen.end(), 0);

    // ---- Hover: the nearest node whose disc (at least a fingertip wide) holds the pointer.
    if (canvasHovered && !s.panning && !gesture.active && !overlays.blocks(io.MousePos)) {
        float best = FLT_MAX;
        const float reach = em * 0.6f;
        for (std::size_t n = 0; n < nodeCount; ++n) {
            if (!g.onScreen[n]) continue;
            const float dx = io.MousePos.x - g.centre[n].x, dy = io.MousePos.y - g.centre[n].y;
            const float distance2 = dx * dx + dy * dy;
            const float hit = std::max(g.radius[n] + 2.0f, reach);
            if (distance2 <= hit * hit && distance2 < best) {
                best = distance2;
                g.hovered = n;
            }
        }
    }
    if (g.hovered != kNoNode) {
        ui.hovered = static_cast<long long>(s.nodes()[g.hovered].entity);
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    }
    // A click (not the end of a drag) selects the node under the pointer, or clears the selection.
    if (clicked && !s.panning && !s.pressCancelled && !overlays.blocks(io.MousePos)) {
        if (g.hovered != kNoNode)
            ui.intents.send(intent::Select{dataset.entities[s.nodes()[g.hovered].entity].id});
        else
            ui.intents.send(intent::Select{});
    }
    if (ImGui::IsItemDeactivated()) s.panning = false;

    if (!state.selection.empty()) {
        const std::optional<std::size_t> entity = dataset.findEntity(state.selection);
        if (entity) g.selected = s.layout.nodeOf(*entity);
    }
    g.focus = g.hovered != kNoNode ? g.hovered : g.selected;
    g.bright.assign(nodeCount, g.focus == kNoNode ? 1 : 0);
    if (g.focus != kNoNode) {
        g.bright[g.focus] = 1;
        for (std::size_t e : s.layout.edgesOf(g.focus))
            g.bright[s.edges()[e].a == g.focus ? s.edges()[e].b : s.edges()[e].a] = 1;
    }

    // ---- Drawing.
    draw->PushClipRect(canvas.Min, canvas.Max, true);
    draw->AddRect(canvas.Min, canvas.Max, p.border, em * 0.4f);
    // Nodes and edges: through the platform's own pass (graph_batch.hpp), as a batch rebuilt only
    // when what it shows changes, the camera as per-frame values. Nothing of a layout still
    // moving under reduced motion.
    const bool batched = !layingOut && nodeCount > 0;
    if (batched && batchStale(s, g)) {
        s.batchEdgeLength = totalEdgeLength(s);
        buildBatch(s, g);
    }
    info.edgesDrawn = batched ? countEdgesOnScreen(g) : 0;
    info.nodesDrawn = locateNodes(g, ui, info.ringed, [&](ImVec2 point) { return overlays.blocks(point); });
    if (batched) {
        GraphView& view = s.batch.view;
        view.centreX = projection.centre.x;
        view.centreY = projection.centre.y;
        view.cameraX = projection.camera.x;
        view.cameraY = projection.camera.y;
        view.scale = scale;
        view.radiusScale = radiusScale;
        view.em = em;
        view.edgeAlpha = edgeDensityAlpha(s, p, projection.bounds, scale, em);
        const double now = ImGui::GetTime();
        const Camera& camera = projection.camera;
        if (s.panning || camera.x != s.lastCamera.x || camera.y != s.lastCamera.y || camera.zoom != s.lastCamera.zoom)
            s.lastCameraMove = now;
        s.lastCamera = camera;
        s.edgesHeld = info.edgesDrawn > kEdgesHeldWhileMovingAbove && now - s.lastCameraMove < kEdgesReturnAfter;
        view.edgesShown = !s.edgesHeld;
        view.background = p.background;
        view.accent = p.accent;
        view.text = p.text;
        view.hollowMix = p.forced ? 1.0f : kHollowFillMix;
        for (std::size_t k = 0; k < kEdgeStyleCount; ++k) {
            const Stroke stroke = strokeOf(static_cast<EdgeKind>(k), em);
            view.strokes[k] = GraphStroke{stroke.width, stroke.dash, stroke.gap, stroke.arrow ? 1.0f : 0.0f};
        }
        draw->AddCallback(drawGraphBatchCallback, &s.batch);
    }
    info.batched = batched;
    if (!batched) s.edgesHeld = false;
    info.edgesHeld = s.edgesHeld;
    drawLabels(draw, s, g, projection, batched, bold, small, overlays.blocking, info);
    if (nodeCount == 0) {
        const char* nothing = tr(Str::NothingToShow, lang);
        const ImVec2 extent = textSize(body, nothing);
        draw->AddText(body, fontSizeOf(body),
                      ImVec2(area.GetCenter().x - extent.x * 0.5f, area.GetCenter().y - extent.y * 0.5f), p.textMuted,
                      nothing);
    }
    if (layingOut && nodeCount > 0) drawLayoutProgress(draw, area, s.layout.progress(), p, body, em, lang);
    draw->PopClipRect();
    draw->ChannelsMerge();
    if (g.hovered != kNoNode && !canvasActive) drawTooltip(dataset, s, g.hovered, p, bold, lang);

    s.frame = info;
    ImGui::EndChild();
    ImGui::PopID();
}

} // namespace explorer::ui
