#include "ui/panels.hpp"
#include "ui/strings.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>

namespace explorer::ui {

void drawShareMenu(const ViewState& state, PanelState& panels, UiContext& ui) {
    if (ImGui::Button((std::string(tr(Str::ShareMenu, ui.lang)) + "###share").c_str())) ImGui::OpenPopup("##share-menu");
    if (!ImGui::BeginPopup("##share-menu")) return;
    struct Item {
        Str label;
        PageAction action;
        bool enabled;
    };
    const Item items[] = {
        {Str::CopyLink, PageAction::CopyLink, true},
        {Str::SaveOffline, PageAction::SaveOffline, true},
        {Str::ExportPng, PageAction::ExportPng, true},
        // The SVG is drawn from the network layout: it exists only in the network view.
        {Str::ExportSvg, PageAction::ExportSvg, state.view == View::Network},
        {Str::ExportCsv, PageAction::ExportCsv, true},
        {Str::ExportJson, PageAction::ExportJson, true},
    };
    for (const Item& item : items) {
        if (ImGui::MenuItem(tr(item.label, ui.lang), nullptr, false, item.enabled)) panels.actions.push_back(item.action);
    }
    ImGui::Separator();
    if (ImGui::MenuItem(tr(Str::OpenDataset, ui.lang))) panels.actions.push_back(PageAction::OpenDataset);
    if (ImGui::IsItemHovered()) {
        ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 22.0f, 0));
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(tr(Str::OpenDatasetHint, ui.lang));
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
    ImGui::EndPopup();
}

} // namespace explorer::ui
