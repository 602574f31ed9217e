#include "ui/entity_labels.hpp"

#include "core/text_fold.hpp"
#include "ui/strings.hpp"
#include "ui/text_runs.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>

namespace explorer::ui {

std::string_view kindLabel(EntityKind kind, Lang lang) { return kindTraits(kind).label.get(lang); }

std::string typeLabel(const Dataset& dataset, const Entity& entity, Lang lang) {
    if (entity.kind == EntityKind::Organisation && !entity.type.empty()) {
        return termLabel(dataset.types, entity.type, lang);
    }
    return std::string(kindLabel(entity.kind, lang));
}

std::string termLabel(const std::vector<Term>& terms, std::string_view id, Lang lang) {
    const auto found = std::find_if(terms.begin(), terms.end(), [id](const Term& term) { return term.id == id; });
    if (found == terms.end() || found->label.empty()) return std::string(id);
    return found->label.get(lang);
}

std::string roleLabel(const Dataset& dataset, std::string_view role, Lang lang) {
    return termLabel(dataset.roles, role, lang);
}

bool nameOrAliasMatches(const Entity& entity, std::string_view foldedQuery) {
    if (foldedQuery.empty()) return true;
    if (foldForSearch(entity.name).find(foldedQuery) != std::string::npos) return true;
    return std::any_of(entity.aliases.begin(), entity.aliases.end(), [&](const std::string& alias) {
        return foldForSearch(alias).find(foldedQuery) != std::string::npos;
    });
}

std::string joinNames(const Dataset& dataset, const std::vector<std::size_t>& entities) {
    std::string joined;
    for (std::size_t entity : entities) {
        if (!joined.empty()) joined += ", ";
        joined += dataset.entities[entity].name;
    }
    return joined;
}

void cellText(std::string_view text, ImU32 colour) {
    const float width = std::max(ImGui::GetContentRegionAvail().x, 1.0f);
    const float height = ImGui::GetTextLineHeight();
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + width, min.y + height);
    ImGui::Dummy(ImVec2(width, height));
    if (!ImGui::IsItemVisible()) return;
    const std::string_view shown = displayText(text);
    const char* begin = shown.data();
    const char* end = shown.data() + shown.size();
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::RenderTextEllipsis(ImGui::GetWindowDrawList(), min, max, max.x, max.x, begin, end, nullptr);
    ImGui::PopStyleColor();
    if (ImGui::CalcTextSize(begin, end).x > width && ImGui::IsItemHovered()) {
        ImGui::SetTooltip("%.*s", static_cast<int>(shown.size()), begin);
    }
}

bool nameCell(std::string_view name, bool selected, ImFont* font) {
    if (font) ImGui::PushFont(font);
    const ImVec2 textPos = ImGui::GetCursorScreenPos();
    const float textRight = textPos.x + std::max(ImGui::GetContentRegionAvail().x, 1.0f);
    const float height = ImGui::GetTextLineHeight();
    const bool clicked = ImGui::Selectable("##name", selected, ImGuiSelectableFlags_None, ImVec2(0, height));
    if (ImGui::IsItemVisible()) {
        const std::string_view shown = displayText(name);
        const char* begin = shown.data();
        const char* end = shown.data() + shown.size();
        ImGui::RenderTextEllipsis(ImGui::GetWindowDrawList(), textPos, ImVec2(textRight, textPos.y + height), textRight,
                                  textRight, begin, end, nullptr);
        if (ImGui::IsItemHovered()) {
            ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
            if (ImGui::CalcTextSize(begin, end).x > textRight - textPos.x) {
                ImGui::SetTooltip("%.*s", static_cast<int>(shown.size()), begin);
            }
        }
    }
    if (font) ImGui::PopFont();
    return clicked;
}

void showTableSort(TableSort shown) {
    ImGuiTable* table = ImGui::GetCurrentTable();
    if (table == nullptr) return;
    const ImGuiID wantedColumn = static_cast<ImGuiID>(shown.column);
    const ImGuiSortDirection wantedDirection =
        shown.descending ? ImGuiSortDirection_Descending : ImGuiSortDirection_Ascending;
    const ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
    if (specs != nullptr && specs->SpecsCount == 1 && specs->Specs[0].ColumnUserID == wantedColumn &&
        specs->Specs[0].SortDirection == wantedDirection) {
        return;
    }
    for (int column = 0; column < table->ColumnsCount; ++column) {
        const ImGuiTableColumn& candidate = table->Columns[column];
        if (candidate.UserID == wantedColumn && !(candidate.Flags & ImGuiTableColumnFlags_NoSort)) {
            ImGui::TableSetColumnSortDirection(column, wantedDirection, false);
            return;
        }
    }
}

TableSort tableSort(TableSort shown) {
    const ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
    if (specs == nullptr || specs->SpecsCount < 1) return shown;
    const ImGuiTableColumnSortSpecs& first = specs->Specs[0];
    if (first.ColumnUserID > static_cast<ImGuiID>(SortColumn::Roles)) return shown;
    return TableSort{static_cast<SortColumn>(first.ColumnUserID), first.SortDirection == ImGuiSortDirection_Descending};
}

} // namespace explorer::ui
