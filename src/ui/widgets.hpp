// Small building blocks shared by the views.
#pragma once

#include <imgui.h>

#include <string_view>

namespace explorer::ui {

// Lays out items left to right and wraps to a new line when the next one would overflow the
// content region: chips of names, tags of axes and sectors.
class FlowLayout {
public:
    FlowLayout();
    // Call before drawing an item of the given width; moves to the next line if it does not fit.
    void next(float itemWidth);

private:
    float rightEdge_;
    bool first_ = true;
};

// A rounded, clickable name. Returns true when clicked. `id` must be stable (a model id).
bool chip(std::string_view id, std::string_view label, ImU32 fill, ImU32 text, bool selected, FlowLayout& flow);

// A non-interactive tag (axis, sector, type).
void tag(std::string_view label, ImU32 fill, ImU32 text, FlowLayout& flow);

// Text in a muted colour.
void mutedText(std::string_view text, ImU32 colour);

// Alpha-blends a colour towards transparent (0..1).
ImU32 withAlpha(ImU32 colour, float alpha);

} // namespace explorer::ui
