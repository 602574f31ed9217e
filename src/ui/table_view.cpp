// The table: participants (name, type, projects, roles) or projects (name, axes, sectors, lead,
// members), as rows the reader sorts by clicking a header. Rows follow the filters and the search
// box of the explorer; the name column and the header row stay in place while the rest scrolls.
#include "ui/entity_labels.hpp"
#include "ui/matrix_model.hpp"
#include "ui/strings.hpp"
#include "ui/views.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace explorer::ui {
namespace {

constexpr ImGuiTableFlags kTableFlags = ImGuiTableFlags_Sortable | ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY |
                                        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                        ImGuiTableFlags_BordersOuter | ImGuiTableFlags_SizingFixedFit |
                                        ImGuiTableFlags_NoSavedSettings;

std::string headerLabel(std::string_view text, std::string_view stableId) {
    return std::string(text) + "###" + std::string(stableId);
}

// Wide enough for the longest name, but never more than ~40 % of the view: the column is frozen
// and the others must keep room to scroll past it.
// The longest name is measured once per build of the rows and font size (the cache's).
template <typename Cache, typename EntityOf>
float nameColumnWidth(const Dataset& dataset, Cache& cache, EntityOf entityOf) {
    const float em = ImGui::GetFontSize();
    if (cache.nameFontSize != em) {
        cache.longestName = 0.0f;
        for (const auto& row : cache.rows()) {
            cache.longestName = std::max(cache.longestName, ImGui::CalcTextSize(dataset.entities[entityOf(row)].name.c_str()).x);
        }
        cache.nameFontSize = em;
    }
    const float widest = std::max(em * 5.0f, std::min(em * 13.0f, ImGui::GetContentRegionAvail().x * 0.4f));
    return std::clamp(cache.longestName + em, em * 5.0f, widest);
}

RowsKey rowsKey(const Dataset& dataset, const ViewState& state, const UiContext& ui) {
    return RowsKey{&dataset, dataset.entities.size(), dataset.relations.size(), state.filters, ui.lang};
}

std::string joinLabels(const std::vector<Term>& terms, const std::vector<std::string>& ids, Lang lang) {
    std::string joined;
    for (const std::string& id : ids) {
        if (!joined.empty()) joined += ", ";
        joined += termLabel(terms, id, lang);
    }
    return joined.empty() ? "—" : joined;
}

// A clickable name cell: selects its entity, reports hover and where it is (as the entity, and as
// the row header of the semantic tree's row `rowId`, with its button).
void entityNameCell(const Entity& entity, std::size_t index, bool bold, const ViewState& state, const std::string& rowId,
                    UiContext& ui) {
    const bool selected = state.selection == entity.id;
    if (nameCell(entity.name, selected, bold ? ui.fonts.bold : ui.fonts.body)) {
        ui.intents.send(intent::Select{entity.id});
    }
    revealIfTarget(ui, index);
    if (ImGui::IsItemHovered()) ui.hovered = static_cast<long long>(index);
    locateLastItem(ui, index);
    placeLastItem(ui, rowId, "/name");
    placeLastItem(ui, rowId, "/name/select");
}

// ImGui::TableHeadersRow, recording where each header is drawn as the semantic tree's column
// header "<grid>/col/<key>" (`keys`: one per column, in order).
template <std::size_t N>
void headersRow(std::string_view grid, const std::array<std::string_view, N>& keys, UiContext& ui) {
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers, ImGui::TableGetHeaderRowHeight());
    for (std::size_t column = 0; column < N; ++column) {
        if (!ImGui::TableSetColumnIndex(static_cast<int>(column))) continue;
        ImGui::PushID(static_cast<int>(column));
        ImGui::TableHeader(ImGui::TableGetColumnName(static_cast<int>(column)));
        ImGui::PopID();
        placeLastItem(ui, grid, "/col/", keys[column]);
    }
}

void drawParticipantsTable(const Dataset& dataset, const ViewState& state, UiContext& ui) {
    const Palette& p = ui.palette;
    ParticipantRowsCache ownRows;
    ParticipantRowsCache& data = ui.rows ? ui.rows->participants : ownRows;
    refreshRows(data, dataset, ui.visible, rowsKey(dataset, state, ui), false);
    matchRows(data, dataset, state.search);
    const std::vector<ParticipantRow>& rows = data.rows();
    if (rows.empty()) {
        mutedText(tr(Str::NothingToShow, ui.lang), p.textMuted);
        return;
    }
    if (!ImGui::BeginTable("##participants", 4, kTableFlags)) return;
    const float em = ImGui::GetFontSize();
    const std::string name = headerLabel(tr(Str::ColumnName, ui.lang), "name");
    const std::string type = headerLabel(tr(Str::ColumnType, ui.lang), "type");
    const std::string projects = headerLabel(tr(Str::ColumnProjects, ui.lang), "projects");
    const std::string roles = headerLabel(tr(Str::ColumnRoles, ui.lang), "roles");
    ImGui::TableSetupColumn(name.c_str(), ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoHide,
                            nameColumnWidth(dataset, data, [](const ParticipantRow& row) { return row.entity; }),
                            static_cast<ImGuiID>(SortColumn::Name));
    ImGui::TableSetupColumn(type.c_str(), ImGuiTableColumnFlags_WidthFixed, em * 10.0f,
                            static_cast<ImGuiID>(SortColumn::Type));
    ImGui::TableSetupColumn(projects.c_str(),
                            ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_PreferSortDescending, em * 16.0f,
                            static_cast<ImGuiID>(SortColumn::Projects));
    ImGui::TableSetupColumn(roles.c_str(), ImGuiTableColumnFlags_WidthFixed, em * 14.0f,
                            static_cast<ImGuiID>(SortColumn::Roles));
    ImGui::TableSetupScrollFreeze(1, 1);
    showTableSort(state.sort);
    headersRow("table/participants", std::array<std::string_view, 4>{"name", "type", "projects", "roles"}, ui);
    if (const TableSort sorted = tableSort(state.sort); sorted != state.sort) ui.intents.send(intent::SetSort{sorted});
    sortRows(data, dataset, state.sort, ui.lang);
    matchRows(data, dataset, state.search); // the matching rows, in the new order

    const ImU32 selectedRowColour = withAlpha(p.accent, 0.16f);
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()));
    includeRevealedRow(clipper, revealedRowIndex(rows, ui.reveal));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const ParticipantRow& row = rows[static_cast<std::size_t>(i)];
            const Entity& entity = dataset.entities[row.entity];
            ImGui::TableNextRow();
            if (state.selection == entity.id) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, selectedRowColour);
            ImGui::PushID(entity.id.data(), entity.id.data() + entity.id.size());
            const std::string rowId = "table/participants/row/" + entity.id;
            ImGui::TableSetColumnIndex(0);
            entityNameCell(entity, row.entity, row.projects.size() >= 2, state, rowId, ui);
            if (ImGui::TableSetColumnIndex(1)) {
                cellText(typeLabel(dataset, entity, ui.lang), p.textMuted);
                placeLastItem(ui, rowId, "/type");
            }
            if (ImGui::TableSetColumnIndex(2)) {
                std::string text = std::to_string(row.projects.size());
                if (!row.projects.empty()) text += " · " + joinNames(dataset, row.projects);
                cellText(text, p.text);
                placeLastItem(ui, rowId, "/projects");
            }
            if (ImGui::TableSetColumnIndex(3)) {
                std::string text;
                for (const std::string& role : row.roles) {
                    if (!text.empty()) text += ", ";
                    text += roleLabel(dataset, role, ui.lang);
                }
                cellText(text.empty() ? "—" : text, p.text);
                placeLastItem(ui, rowId, "/roles");
            }
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
    placeLastItem(ui, "table/participants");
}

void drawProjectsTable(const Dataset& dataset, const ViewState& state, UiContext& ui) {
    const Palette& p = ui.palette;
    ProjectRowsCache ownRows;
    ProjectRowsCache& data = ui.rows ? ui.rows->projects : ownRows;
    refreshRows(data, dataset, ui.visible, rowsKey(dataset, state, ui));
    matchRows(data, dataset, state.search);
    const std::vector<ProjectRow>& rows = data.rows();
    if (rows.empty()) {
        mutedText(tr(Str::NothingToShow, ui.lang), p.textMuted);
        return;
    }
    if (!ImGui::BeginTable("##projects", 5, kTableFlags)) return;
    const float em = ImGui::GetFontSize();
    const std::string name = headerLabel(tr(Str::ColumnName, ui.lang), "name");
    const std::string axes = headerLabel(tr(Str::Axes, ui.lang), "axes");
    const std::string sectors = headerLabel(tr(Str::Sectors, ui.lang), "sectors");
    const std::string lead = headerLabel(tr(Str::Lead, ui.lang), "lead");
    const std::string members = headerLabel(tr(Str::Members, ui.lang), "members");
    // Sort ids: see sortProjectRows for what each SortColumn means in this table.
    ImGui::TableSetupColumn(name.c_str(), ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoHide,
                            nameColumnWidth(dataset, data, [](const ProjectRow& row) { return row.project; }),
                            static_cast<ImGuiID>(SortColumn::Name));
    ImGui::TableSetupColumn(axes.c_str(), ImGuiTableColumnFlags_WidthFixed, em * 10.0f,
                            static_cast<ImGuiID>(SortColumn::Type));
    ImGui::TableSetupColumn(sectors.c_str(), ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoSort,
                            em * 12.0f);
    ImGui::TableSetupColumn(lead.c_str(), ImGuiTableColumnFlags_WidthFixed, em * 10.0f,
                            static_cast<ImGuiID>(SortColumn::Roles));
    ImGui::TableSetupColumn(members.c_str(),
                            ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_PreferSortDescending,
                            ImGui::CalcTextSize(tr(Str::Members, ui.lang)).x + em * 1.4f,
                            static_cast<ImGuiID>(SortColumn::Projects));
    ImGui::TableSetupScrollFreeze(1, 1);
    showTableSort(state.sort);
    headersRow("table/projects", std::array<std::string_view, 5>{"name", "axes", "sectors", "lead", "members"}, ui);
    if (const TableSort sorted = tableSort(state.sort); sorted != state.sort) ui.intents.send(intent::SetSort{sorted});
    sortRows(data, dataset, state.sort, ui.lang);
    matchRows(data, dataset, state.search); // the matching rows, in the new order

    const ImU32 selectedRowColour = withAlpha(p.accent, 0.16f);
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()));
    includeRevealedRow(clipper, revealedRowIndex(rows, ui.reveal));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const ProjectRow& row = rows[static_cast<std::size_t>(i)];
            const Entity& entity = dataset.entities[row.project];
            ImGui::TableNextRow();
            if (state.selection == entity.id) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, selectedRowColour);
            ImGui::PushID(entity.id.data(), entity.id.data() + entity.id.size());
            const std::string rowId = "table/projects/row/" + entity.id;
            ImGui::TableSetColumnIndex(0);
            entityNameCell(entity, row.project, false, state, rowId, ui);
            if (ImGui::TableSetColumnIndex(1)) {
                cellText(joinLabels(dataset.axes, entity.axes, ui.lang), p.text);
                placeLastItem(ui, rowId, "/axes");
            }
            if (ImGui::TableSetColumnIndex(2)) {
                cellText(joinLabels(dataset.sectors, entity.sectors, ui.lang), p.textMuted);
                placeLastItem(ui, rowId, "/sectors");
            }
            if (ImGui::TableSetColumnIndex(3)) {
                cellText(row.leads.empty() ? std::string("—") : joinNames(dataset, row.leads), p.text);
                placeLastItem(ui, rowId, "/lead");
            }
            if (ImGui::TableSetColumnIndex(4)) {
                cellText(std::to_string(row.members), p.text);
                placeLastItem(ui, rowId, "/members");
            }
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
    placeLastItem(ui, "table/projects");
}

// A tab whose label, when selected, is drawn in accentText: the theme fills the selected tab with
// the accent, on which the ordinary text colour fails contrast (WCAG 1.4.3). Inside a tab bar,
// a tab's id is its label's (imgui_widgets.cpp, TabBarCalcTabID); before the bar has chosen, the
// first tab is the one shown.
bool tabItem(const char* label, const UiContext& ui, bool first) {
    const ImGuiTabBar* bar = ImGui::GetCurrentTabBar();
    const bool selected = bar && (bar->SelectedTabId == ImGui::GetID(label) || (bar->SelectedTabId == 0 && first));
    if (selected) ImGui::PushStyleColor(ImGuiCol_Text, ui.palette.accentText);
    const bool open = ImGui::BeginTabItem(label);
    if (selected) ImGui::PopStyleColor();
    return open;
}

} // namespace

void drawTableView(const Dataset& dataset, const ViewState& state, UiContext& ui) {
    // Which of the two tables shows is kept by ImGui's tab bar, not by ViewState: it is not part
    // of a shared link (yet).
    if (!ImGui::BeginTabBar("##table-tabs")) return;
    const std::string participants = headerLabel(tr(Str::TabParticipants, ui.lang), "participants");
    if (tabItem(participants.c_str(), ui, true)) {
        drawParticipantsTable(dataset, state, ui);
        ImGui::EndTabItem();
    }
    const std::string projects = headerLabel(tr(Str::ViewProjects, ui.lang), "projects");
    if (tabItem(projects.c_str(), ui, false)) {
        drawProjectsTable(dataset, state, ui);
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
}

} // namespace explorer::ui
