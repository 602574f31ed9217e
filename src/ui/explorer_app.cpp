#include "ui/explorer_app.hpp"

#include "ui/strings.hpp"
#include "ui/theme.hpp"
#include "ui/ui_context.hpp"
#include "ui/views.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>

namespace explorer::ui {

std::vector<Problem> ExplorerApp::loadDataset(std::string_view text) {
    LoadResult result = loadDataset(text);
    if (result.dataset) {
        dataset_ = std::move(*result.dataset);
        hasDataset_ = true;
        problems_.clear();
        return {};
    }
    problems_ = result.problems;
    return result.problems;
}

Summary ExplorerApp::summary() const {
    Summary s;
    if (!hasDataset_) return s;
    s.projects = dataset_.count(EntityKind::Project);
    s.organisations = dataset_.count(EntityKind::Organisation);
    s.models = dataset_.count(EntityKind::Model);
    s.initiatives = dataset_.count(EntityKind::Initiative);
    s.links = dataset_.relations.size();
    s.sources = dataset_.sources.size();
    return s;
}

bool ExplorerApp::darkThemeActive() const {
    switch (state_.theme) {
    case Theme::Light: return false;
    case Theme::Dark: return true;
    case Theme::Auto: break;
    }
    return systemDark_;
}

void ExplorerApp::drawFrame() {
    const bool dark = darkThemeActive();
    if (!styleApplied_ || dark != styleDark_) {
        applyStyle(palette(dark));
        styleDark_ = dark;
        styleApplied_ = true;
    }
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    constexpr ImGuiWindowFlags kRootFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                            ImGuiWindowFlags_NoSavedSettings |
                                            ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("##explorer", nullptr, kRootFlags);
    drawTopBar();
    const UiContext ui{fonts_, palette(dark), state_.lang};
    if (!hasDataset_) {
        ImGui::TextUnformatted(tr(Str::NoDataset, state_.lang));
    } else {
        ImGui::BeginChild("##view", ImVec2(0, 0), ImGuiChildFlags_None);
        drawProjectsView(dataset_, state_, ui);
        ImGui::EndChild();
    }
    ImGui::End();
    drawProblemsPanel();
    wheelWanted_ = pointerOverScrollable();
}

bool ExplorerApp::pointerOverScrollable() {
    // ImGui's hovered window is the innermost one under the pointer; the wheel scrolls it or the
    // nearest parent that has something to scroll.
    for (const ImGuiWindow* window = ImGui::GetCurrentContext()->HoveredWindow; window;
         window = window->ParentWindow) {
        if (window->ScrollMax.y > 0.0f || window->ScrollMax.x > 0.0f) return true;
        if (!(window->Flags & ImGuiWindowFlags_ChildWindow)) break;
    }
    return false;
}

void ExplorerApp::drawTopBar() {
    const Lang lang = state_.lang;
    if (fonts_.heading) ImGui::PushFont(fonts_.heading);
    ImGui::TextUnformatted(hasDataset_ && !dataset_.title.empty() ? dataset_.title.get(lang).c_str()
                                                                  : tr(Str::AppTitle, lang));
    if (fonts_.heading) ImGui::PopFont();

    // Language and theme switches, right-aligned on the title line when they fit, below it when not.
    const float switchesWidth = ImGui::CalcTextSize("FR EN Sombre Clair").x +
                                ImGui::GetStyle().FramePadding.x * 8 + ImGui::GetStyle().ItemSpacing.x * 3;
    const float available = ImGui::GetContentRegionAvail().x;
    if (available > switchesWidth * 2.2f) {
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - switchesWidth);
    }
    ImGui::PushID("lang");
    if (ImGui::RadioButton("FR", state_.lang == Lang::Fr)) state_.lang = Lang::Fr;
    ImGui::SameLine();
    if (ImGui::RadioButton("EN", state_.lang == Lang::En)) state_.lang = Lang::En;
    ImGui::PopID();
    ImGui::SameLine();
    const bool dark = darkThemeActive();
    if (ImGui::SmallButton(dark ? tr(Str::ThemeLight, lang) : tr(Str::ThemeDark, lang))) {
        state_.theme = dark ? Theme::Light : Theme::Dark;
    }
    ImGui::Separator();
}

void ExplorerApp::drawProblemsPanel() {
    if (problems_.empty()) return;
    const ImGuiIO& io = ImGui::GetIO();
    const Lang lang = state_.lang;
    const ImVec2 size(std::min(io.DisplaySize.x - 24.0f, 640.0f), std::min(io.DisplaySize.y - 24.0f, 420.0f));
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(size, ImGuiCond_Always);
    bool open = true;
    const std::string title = std::string(tr(Str::DatasetRejected, lang)) + "###problems";
    if (ImGui::Begin(title.c_str(), &open,
                     ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoResize |
                         ImGuiWindowFlags_NoMove)) {
        ImGui::TextWrapped("%s", tr(Str::DatasetRejectedHint, lang));
        ImGui::BeginChild("##problem-list", ImVec2(0, -ImGui::GetFrameHeightWithSpacing()), ImGuiChildFlags_Border);
        for (const Problem& problem : problems_) {
            ImGui::PushTextWrapPos(0);
            ImGui::Bullet();
            ImGui::TextUnformatted(describe(problem, lang).c_str());
            ImGui::PopTextWrapPos();
        }
        ImGui::EndChild();
        if (ImGui::Button(tr(Str::Close, lang))) open = false;
    }
    ImGui::End();
    if (!open) problems_.clear();
}

} // namespace explorer::ui
