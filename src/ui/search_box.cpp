#include "ui/entity_labels.hpp"
#include "ui/panels.hpp"
#include "ui/strings.hpp"
#include "ui/widgets.hpp"
#include "ui/text_runs.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <string>

namespace explorer::ui {
namespace {

// ImGui's InputText edits a fixed buffer; the reader's text lives in ViewState.search.
int resizeCallback(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        auto* text = static_cast<std::string*>(data->UserData);
        text->resize(static_cast<std::size_t>(data->BufTextLen));
        data->Buf = text->data();
    }
    return 0;
}

bool inputString(const char* id, const char* hint, std::string& text, ImGuiInputTextFlags flags) {
    flags |= ImGuiInputTextFlags_CallbackResize;
    return ImGui::InputTextWithHint(id, hint, text.data(), text.capacity() + 1, flags, resizeCallback, &text);
}

} // namespace

namespace {

// The field's place when the page holds the real field over it: drawn like the field (so the
// canvas alone, a picture of it, reads the same), inert.
void drawPageSearchPlace(const ViewState& state, UiContext& ui, float width) {
    const ImVec2 size(width, ImGui::GetFrameHeight());
    const ImVec2 min = ImGui::GetCursorScreenPos();
    ImGui::Dummy(size);
    const ImVec2 max(min.x + size.x, min.y + size.y);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImGuiStyle& style = ImGui::GetStyle();
    draw->AddRectFilled(min, max, ImGui::GetColorU32(ImGuiCol_FrameBg), style.FrameRounding);
    if (style.FrameBorderSize > 0.0f) draw->AddRect(min, max, ImGui::GetColorU32(ImGuiCol_Border), style.FrameRounding);
    const bool hint = state.search.empty();
    const std::string& shown = hint ? std::string(tr(Str::SearchHint, ui.lang)) : state.search;
    draw->PushClipRect(min, max, true);
    const std::string_view drawn = displayText(shown); // typed Arabic reads as typed
    draw->AddText(ImVec2(min.x + style.FramePadding.x, min.y + style.FramePadding.y),
                  hint ? ui.palette.textMuted : ui.palette.text, drawn.data(), drawn.data() + drawn.size());
    draw->PopClipRect();
}

} // namespace

void drawSearchBox(const Dataset& dataset, const ViewState& state, PanelState& panels, UiContext& ui, float width) {
    if (panels.searchInPage) {
        drawPageSearchPlace(state, ui, width);
        return;
    }
    ImGuiIO& io = ImGui::GetIO();
    // "/" jumps to the search field, as in many web tools; the "/" itself is not typed into it.
    if (!io.WantTextInput && ImGui::IsKeyPressed(ImGuiKey_Slash, false)) {
        for (int i = io.InputQueueCharacters.Size - 1; i >= 0; --i) {
            if (io.InputQueueCharacters[i] == '/') io.InputQueueCharacters.erase(io.InputQueueCharacters.Data + i);
        }
        ImGui::SetKeyboardFocusHere();
        panels.searchFocusRequested = true;
        panels.searchFocusFrames = 10;
        panels.resultsOpen = !state.search.empty();
    }
    // Characters typed between "/" and the frame where the field can take text are held back,
    // then handed to the field in order (ImGui gives no text to a field in its first active frame).
    const bool fieldReady = ImGui::GetActiveID() == ImGui::GetID("##search") &&
                            !ImGui::GetCurrentContext()->ActiveIdIsJustActivated;
    // Another widget took the focus, or the field never did: the request lapses, keeping nothing.
    if (panels.searchFocusRequested && !fieldReady &&
        (--panels.searchFocusFrames < 0 ||
         (ImGui::GetActiveID() != 0 && ImGui::GetActiveID() != ImGui::GetID("##search")))) {
        panels.searchFocusRequested = false;
        panels.typedBeforeFocus.clear();
    }
    if (panels.searchFocusRequested && !fieldReady) {
        for (const ImWchar c : io.InputQueueCharacters) panels.typedBeforeFocus.push_back(c);
        io.InputQueueCharacters.resize(0);
    } else if (fieldReady && !panels.typedBeforeFocus.empty()) {
        ImVector<ImWchar> queue;
        for (const unsigned short c : panels.typedBeforeFocus) queue.push_back(static_cast<ImWchar>(c));
        for (const ImWchar c : io.InputQueueCharacters) queue.push_back(c);
        io.InputQueueCharacters.swap(queue);
        panels.typedBeforeFocus.clear();
        panels.searchFocusRequested = false;
    }
    ImGui::SetNextItemWidth(width);
    // The field edits a copy; what the reader typed goes back as an intent (cut at 200 characters).
    std::string typed = state.search;
    const bool edited = inputString("##search", tr(Str::SearchHint, ui.lang), typed, ImGuiInputTextFlags_None);
    if (edited) ui.intents.send(intent::SetSearch{typed});
    // Enter validates a single-line field and releases it in the same frame: treat that frame
    // as still focused, so Enter selects the highlighted result.
    const bool enter = ImGui::IsKeyPressed(ImGuiKey_Enter) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter);
    const bool focused = ImGui::IsItemActive() || (ImGui::IsItemDeactivated() && enter);
    const ImVec2 fieldMin = ImGui::GetItemRectMin();
    const ImVec2 fieldMax = ImGui::GetItemRectMax();
    if (edited) {
        panels.resultsOpen = true;
        panels.highlightedHit = 0;
    }
    if (fieldReady && panels.typedBeforeFocus.empty()) panels.searchFocusRequested = false;
    if (!panels.searchIndex || ui.lang != panels.searchedLang) panels.searchIndex.emplace(dataset, ui.lang);
    if (state.search != panels.searchedQuery || ui.lang != panels.searchedLang) {
        panels.hits = search(*panels.searchIndex, state.search, 12);
        panels.searchedQuery = state.search;
        panels.searchedLang = ui.lang;
        panels.highlightedHit = 0;
    }
    if (state.search.empty()) panels.resultsOpen = false;

    int chosen = -1;
    if (focused && panels.resultsOpen && !panels.hits.empty()) {
        const int last = static_cast<int>(panels.hits.size()) - 1;
        if (ImGui::IsKeyPressed(ImGuiKey_DownArrow)) panels.highlightedHit = std::min(panels.highlightedHit + 1, last);
        if (ImGui::IsKeyPressed(ImGuiKey_UpArrow)) panels.highlightedHit = std::max(panels.highlightedHit - 1, 0);
        if (enter) chosen = std::clamp(panels.highlightedHit, 0, last);
    }
    if (focused && ImGui::IsKeyPressed(ImGuiKey_Escape)) panels.resultsOpen = false;

    if (panels.resultsOpen && !state.search.empty()) {
        // The list floats over the view, under the field, as wide as the field (wider on phones).
        const float listWidth = std::max(fieldMax.x - fieldMin.x, ImGui::GetFontSize() * 16.0f);
        const ImVec2 display = ImGui::GetIO().DisplaySize;
        ImGui::SetNextWindowPos(ImVec2(std::min(fieldMin.x, display.x - listWidth), fieldMax.y + 2));
        ImGui::SetNextWindowSize(ImVec2(std::min(listWidth, display.x), 0));
        constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                            ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                            ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoNav;
        ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
        ImGui::Begin("##search-results", nullptr, kFlags);
        ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
        if (panels.hits.empty()) {
            mutedText(tr(Str::SearchNoResults, ui.lang), ui.palette.textMuted);
        }
        for (std::size_t i = 0; i < panels.hits.size(); ++i) {
            const SearchHit& hit = panels.hits[i];
            const Entity& entity = dataset.entities[hit.entity];
            ImGui::PushID(entity.id.c_str());
            std::string label = entity.name;
            if (hit.field == MatchField::Alias && !hit.matched.empty()) {
                label += std::string("  (") + tr(Str::SearchMatched, ui.lang) + " " + hit.matched + ")";
            }
            label += "  · " + typeLabel(dataset, entity, ui.lang);
            // The name shaped by the browser when it must be; the id stays the entity's (PushID above).
            label = std::string(displayText(label)) + "###hit";
            if (ImGui::Selectable(label.c_str(), static_cast<int>(i) == panels.highlightedHit)) chosen = static_cast<int>(i);
            locateLastItem(ui, hit.entity);
            ImGui::PopID();
        }
        const bool hovered = ImGui::IsWindowHovered();
        ImGui::End();
        ImGui::PopStyleVar();
        // Clicking anywhere else closes the list.
        if (!focused && !hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) panels.resultsOpen = false;
    }
    if (chosen >= 0 && chosen < static_cast<int>(panels.hits.size())) {
        ui.intents.send(intent::Select{dataset.entities[panels.hits[static_cast<std::size_t>(chosen)].entity].id});
        panels.resultsOpen = false;
    }
}

} // namespace explorer::ui
