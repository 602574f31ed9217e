#include "ui/widgets.hpp"

#include "ui/text_runs.hpp"

#include <string>

namespace explorer::ui {

FlowLayout::FlowLayout() : rightEdge_(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x) {}

void FlowLayout::next(float itemWidth) {
    if (!first_) {
        ImGui::SameLine();
        if (ImGui::GetCursorPosX() + itemWidth > rightEdge_) ImGui::NewLine();
    }
    first_ = false;
}

ImU32 withAlpha(ImU32 colour, float alpha) {
    const auto a = static_cast<unsigned>(static_cast<float>((colour >> IM_COL32_A_SHIFT) & 0xFF) * alpha);
    return (colour & ~IM_COL32_A_MASK) | (static_cast<ImU32>(a) << IM_COL32_A_SHIFT);
}

namespace {

ImVec2 pillSize(std::string_view label) {
    const ImVec2 text = ImGui::CalcTextSize(label.data(), label.data() + label.size());
    const ImVec2 pad = ImGui::GetStyle().FramePadding;
    return ImVec2(text.x + pad.x * 2, text.y + pad.y * 1.2f);
}

void drawPill(ImVec2 min, ImVec2 size, std::string_view label, ImU32 fill, ImU32 text, ImU32 outline) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 max(min.x + size.x, min.y + size.y);
    draw->AddRectFilled(min, max, fill, size.y * 0.5f);
    if (outline) draw->AddRect(min, max, outline, size.y * 0.5f, 0, 1.5f);
    const ImVec2 pad = ImGui::GetStyle().FramePadding;
    draw->AddText(ImVec2(min.x + pad.x, min.y + pad.y * 0.6f), text, label.data(), label.data() + label.size());
}

} // namespace

bool chip(std::string_view id, std::string_view name, ImU32 fill, ImU32 text, bool selected, FlowLayout& flow) {
    const std::string_view label = displayText(name); // a dataset's name: shaped by the browser when it must be
    const ImVec2 size = pillSize(label);
    flow.next(size.x);
    const ImVec2 min = ImGui::GetCursorScreenPos();
    ImGui::PushID(id.data(), id.data() + id.size());
    const bool clicked = ImGui::InvisibleButton("##chip", size);
    const bool hovered = ImGui::IsItemHovered();
    ImGui::PopID();
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    drawPill(min, size, label, hovered ? withAlpha(fill, 1.0f) : fill, text,
             selected ? ImGui::GetColorU32(ImGuiCol_NavHighlight) : 0);
    return clicked;
}

void tag(std::string_view raw, ImU32 fill, ImU32 text, FlowLayout& flow) {
    const std::string_view label = displayText(raw);
    const ImVec2 size = pillSize(label);
    flow.next(size.x);
    const ImVec2 min = ImGui::GetCursorScreenPos();
    ImGui::Dummy(size);
    drawPill(min, size, label, fill, text, 0);
}

void mutedText(std::string_view raw, ImU32 colour) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    const std::string_view text = displayText(raw);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopStyleColor();
}

} // namespace explorer::ui
