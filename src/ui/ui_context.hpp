// What every view function receives besides the model and the view state: fonts, colours, the
// language, what the filters leave visible, and where to report the rectangles of the entities it
// drew (for explorer.locate and for tests) and of the semantic nodes it drew (for the page's
// mirror). Built once per frame by ExplorerApp.
#pragma once

#include "core/filters.hpp"
#include "core/intents.hpp"
#include "core/model.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace explorer::ui {

// A rectangle in CSS pixels, relative to the widget's top-left corner.
struct ScreenRect {
    float x = 0, y = 0, width = 0, height = 0;
};

// Entity index → where it was drawn this frame (the clickable area). A view records every entity
// it draws that a reader can click; the last record of an entity wins. Iterated in the order the
// entities were first recorded this frame.
//
// Dense rather than hashed: the network view records every node on screen, 100,000 on a big graph
// seen whole, each frame of a pan. A hash map cost about 10 ms a frame there in inserts, clears and
// the allocator (perf, natively); here an entity's slot is found by its index, clear() forgets a
// frame's records by moving to the next generation, and nothing is freed or allocated once the
// biggest frame has been seen. Memory: 8 bytes per entity index recorded once, and 24 per record.
class LocatedEntities {
public:
    using Entry = std::pair<std::size_t, ScreenRect>;

    ScreenRect& operator[](std::size_t entity) {
        if (entity >= generationOf_.size()) {
            generationOf_.resize(entity + 1, 0);
            slotOf_.resize(entity + 1, 0);
        }
        if (generationOf_[entity] != generation_) {
            generationOf_[entity] = generation_;
            slotOf_[entity] = static_cast<std::uint32_t>(entries_.size());
            entries_.push_back({entity, ScreenRect{}});
        }
        return entries_[slotOf_[entity]].second;
    }
    const ScreenRect* find(std::size_t entity) const {
        return count(entity) ? &entries_[slotOf_[entity]].second : nullptr;
    }
    std::size_t count(std::size_t entity) const {
        return entity < generationOf_.size() && generationOf_[entity] == generation_ ? 1 : 0;
    }
    // The entity must have been recorded this frame (as std::unordered_map::at, which throws).
    const ScreenRect& at(std::size_t entity) const {
        if (!count(entity)) std::abort();
        return entries_[slotOf_[entity]].second;
    }
    std::size_t size() const { return entries_.size(); }
    bool empty() const { return entries_.empty(); }
    void clear() {
        entries_.clear();
        if (++generation_ == 0) { // after 2^32 frames: every stamp is stale again
            std::fill(generationOf_.begin(), generationOf_.end(), 0);
            generation_ = 1;
        }
    }
    std::vector<Entry>::const_iterator begin() const { return entries_.begin(); }
    std::vector<Entry>::const_iterator end() const { return entries_.end(); }

private:
    std::vector<std::uint32_t> generationOf_; // per entity index: the frame it was last recorded in
    std::vector<std::uint32_t> slotOf_;       // per entity index: its record in entries_
    std::vector<Entry> entries_;
    std::uint32_t generation_ = 1;
};

// Semantic-tree node id (core/semantic_tree.hpp, exactly as the tree spells it) → where the node
// was drawn this frame: the page's mirror puts the node's element there, so that touch exploration
// and magnifiers find buttons, checkboxes, cells and panels where they are seen, not only entities.
// Looked up with a string_view, without building a string.
struct PlacedNodeHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view id) const noexcept { return std::hash<std::string_view>{}(id); }
};
using PlacedNodes = std::unordered_map<std::string, ScreenRect, PlacedNodeHash, std::equal_to<>>;

// Two-finger gestures, which ImGui does not model: the platform accumulates them between frames.
struct GestureInput {
    float pinchScale = 1.0f;     // product of scale changes since the last frame (1 = none)
    ImVec2 pinchCentre{0, 0};    // in CSS pixels
    ImVec2 twoFingerPan{0, 0};   // movement of the centre since the last frame
    bool active = false;         // two fingers are down
};

// The one door through which the UI changes the reader's state: a view sends what the reader did
// (core/intents.hpp); applyIntent, the only writer of ViewState, applies it at once, so the rest of
// the frame sees it; the effects are gathered twice over, for the app's next frame (visible set,
// reveal) and for the page (history entry, statechange), each taken by its reader.
class Intents {
public:
    Intents(ViewState& state, const Dataset* dataset) : state_(&state), dataset_(dataset) {}
    void send(const Intent& intent) { record(applyIntent(*state_, intent, dataset_)); }
    void record(const Effects& effects) {
        forFrame_ |= effects;
        forPage_ |= effects;
    }
    Effects takeForFrame() { return std::exchange(forFrame_, Effects{}); }
    Effects takeForPage() { return std::exchange(forPage_, Effects{}); }
    const ViewState& state() const { return *state_; }

private:
    ViewState* state_;
    const Dataset* dataset_;
    Effects forFrame_;
    Effects forPage_;
};

struct ViewRows; // matrix_model.hpp

struct UiContext {
    const Fonts& fonts;
    const Palette& palette;
    Lang lang;
    const VisibleSet& visible;
    LocatedEntities& located;
    const GestureInput& gestures;
    // Entity under the pointer in this frame's view (set by the view, read by the details panel
    // and the tooltip); -1 when none.
    long long& hovered;
    // Where the reader's choices go (never written into ViewState directly).
    Intents& intents;
    // An entity to bring into sight in views that scroll (the new selection, or what the host
    // page asked to locate); -1 when none.
    long long reveal = -1;
    // The reveal was asked for (ExplorerApp::reveal: a keyboard step, a search result, a host's
    // locate), not only a new selection: the network moves its camera only then, so that a link's
    // camera is restored as it was saved.
    bool revealAsked = false;
    // The reader prefers reduced motion (prefers-reduced-motion: reduce): nothing glides or
    // animates; every change shows its final picture at once (camera moves jump).
    bool reducedMotion = false;
    // Where to report the places of semantic nodes (placeLastItem); null when nobody asks (tests
    // that draw a single view), and then nothing is recorded.
    PlacedNodes* placed = nullptr;
    // Rows of the matrix and the tables kept from frame to frame (matrix_model.hpp, ViewRows);
    // null: the views build them every frame (tests).
    ViewRows* rows = nullptr;
};

// In a scrolling list drawn with ImGuiListClipper: keeps the row of ui.reveal from being clipped
// (call before the first Step), then, once that row is drawn, scrolls it into sight if it is not
// (call right after drawing the row's first item).
inline void includeRevealedRow(ImGuiListClipper& clipper, int row) {
    if (row >= 0) clipper.IncludeItemByIndex(row);
}
inline void revealIfTarget(const UiContext& ui, std::size_t entity) {
    if (ui.reveal < 0 || static_cast<std::size_t>(ui.reveal) != entity) return;
    const float top = ImGui::GetItemRectMin().y;
    const float bottom = ImGui::GetItemRectMax().y;
    const float windowTop = ImGui::GetWindowPos().y + ImGui::GetFrameHeightWithSpacing(); // below the frozen header
    const float windowBottom = ImGui::GetWindowPos().y + ImGui::GetWindowHeight();
    if (top < windowTop || bottom > windowBottom) ImGui::SetScrollHereY(0.5f);
}

// Records the last ImGui item as the place of an entity, unless the view already recorded one:
// panels around the view (details, search results) use this, so explorer.locate keeps pointing
// at the entity in the view itself.
inline void locateLastItem(UiContext& ui, std::size_t entity);
inline void locateLastItemIfNew(UiContext& ui, std::size_t entity) {
    if (!ui.located.count(entity)) locateLastItem(ui, entity);
}

// Records the last ImGui item as the clickable place of an entity: only the part a reader can
// see, inside the current clip rectangle (a scrolled list, a table cell below frozen rows). An
// item scrolled out of sight is not recorded.
inline void locateLastItem(UiContext& ui, std::size_t entity) {
    const ImVec2 itemMin = ImGui::GetItemRectMin();
    const ImVec2 itemMax = ImGui::GetItemRectMax();
    const ImVec2 clipMin = ImGui::GetWindowDrawList()->GetClipRectMin();
    const ImVec2 clipMax = ImGui::GetWindowDrawList()->GetClipRectMax();
    const float left = itemMin.x > clipMin.x ? itemMin.x : clipMin.x;
    const float top = itemMin.y > clipMin.y ? itemMin.y : clipMin.y;
    const float right = itemMax.x < clipMax.x ? itemMax.x : clipMax.x;
    const float bottom = itemMax.y < clipMax.y ? itemMax.y : clipMax.y;
    if (right - left < 1.0f || bottom - top < 1.0f) return;
    ui.located[entity] = ScreenRect{left, top, right - left, bottom - top};
}

// Records a rectangle (screen pixels) as the place of the semantic node whose id is the
// concatenation of `parts`: only the part a reader can see, inside the current clip rectangle and
// the display, as locateLastItem does; nothing when less than a pixel is left. The id is put
// together only then, so a scrolled list pays for the rows it shows, not for all of them.
template <typename... Parts>
void placeRect(UiContext& ui, ImVec2 min, ImVec2 max, const Parts&... parts) {
    if (!ui.placed) return;
    const ImVec2 clipMin = ImGui::GetWindowDrawList()->GetClipRectMin();
    const ImVec2 clipMax = ImGui::GetWindowDrawList()->GetClipRectMax();
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float left = std::max({min.x, clipMin.x, 0.0f});
    const float top = std::max({min.y, clipMin.y, 0.0f});
    const float right = std::min({max.x, clipMax.x, display.x});
    const float bottom = std::min({max.y, clipMax.y, display.y});
    if (right - left < 1.0f || bottom - top < 1.0f) return;
    std::string id;
    id.reserve((std::size_t{0} + ... + std::string_view(parts).size()));
    (id.append(std::string_view(parts)), ...);
    (*ui.placed)[std::move(id)] = ScreenRect{left, top, right - left, bottom - top};
}

template <typename... Parts>
void placeRect(UiContext& ui, const ScreenRect& rect, const Parts&... parts) {
    placeRect(ui, ImVec2(rect.x, rect.y), ImVec2(rect.x + rect.width, rect.y + rect.height), parts...);
}

// The last ImGui item as the place of a semantic node (see placeRect).
template <typename... Parts>
void placeLastItem(UiContext& ui, const Parts&... parts) {
    placeRect(ui, ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), parts...);
}

// The rectangle around several items (a toolbar, a group of checkboxes, a legend), grown item by
// item; placeRect records nothing for one left empty.
struct ItemSpan {
    ImVec2 min{FLT_MAX, FLT_MAX};
    ImVec2 max{-FLT_MAX, -FLT_MAX};
    void add(ImVec2 a, ImVec2 b) {
        min = ImVec2(std::min(min.x, a.x), std::min(min.y, a.y));
        max = ImVec2(std::max(max.x, b.x), std::max(max.y, b.y));
    }
    void addLastItem() { add(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()); }
};

} // namespace explorer::ui
