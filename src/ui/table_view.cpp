// The table: participants (name, type, projects, roles) or projects (name, axes, sectors, lead,
// members), as rows the reader sorts by clicking a header. Rows follow the filters and the search
// box of the explorer; the name column and the header row stay in place while the rest scrolls.
#include "ui/entity_labels.hpp"
#include "ui/matrix_model.hpp"
#include "ui/strings.hpp"
#include "ui/views.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>

#include <algorithm>
#include <string>
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
template <typename Row, typename EntityOf>
float nameColumnWidth(const Dataset& dataset, const std::vector<Row>& rows, EntityOf entityOf) {
    const float em = ImGui::GetFontSize();
    float longest = 0.0f;
    for (const Row& row : rows) {
        longest = std::max(longest, ImGui::CalcTextSize(dataset.entities[entityOf(row)].name.c_str()).x);
    }
    const float widest = std::max(em * 5.0f, std::min(em * 13.0f, ImGui::GetContentRegionAvail().x * 0.4f));
    return std::clamp(longest + em, em * 5.0f, widest);
}

std::string joinLabels(const std::vector<Term>& terms, const std::vector<std::string>& ids, Lang lang) {
    std::string joined;
    for (const std::string& id : ids) {
        if (!joined.empty()) joined += ", ";
        joined += termLabel(terms, id, lang);
    }
    return joined.empty() ? "—" : joined;
}

// A clickable name cell: selects its entity, reports hover and where it is.
void entityNameCell(const Entity& entity, std::size_t index, bool bold, const ViewState& state, UiContext& ui) {
    const bool selected = state.selection == entity.id;
    if (nameCell(entity.name, selected, bold ? ui.fonts.bold : ui.fonts.body)) {
        ui.intents.send(intent::Select{entity.id});
    }
    revealIfTarget(ui, index);
    if (ImGui::IsItemHovered()) ui.hovered = static_cast<long long>(index);
    locateLastItem(ui, index);
}

void drawParticipantsTable(const Dataset& dataset, const ViewState& state, UiContext& ui) {
    const Palette& p = ui.palette;
    const std::vector<MatrixCell> cells = matrixCells(dataset, ui.visible);
    std::vector<ParticipantRow> rows = participantRows(dataset, ui.visible, cells, false);
    keepMatchingRows(dataset, rows, state.search);
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
                            nameColumnWidth(dataset, rows, [](const ParticipantRow& row) { return row.entity; }),
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
    ImGui::TableHeadersRow();
    if (const TableSort sorted = tableSort(state.sort); sorted != state.sort) ui.intents.send(intent::SetSort{sorted});
    sortParticipantRows(dataset, rows, state.sort, ui.lang);

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
            ImGui::TableSetColumnIndex(0);
            entityNameCell(entity, row.entity, row.projects.size() >= 2, state, ui);
            if (ImGui::TableSetColumnIndex(1)) cellText(typeLabel(dataset, entity, ui.lang), p.textMuted);
            if (ImGui::TableSetColumnIndex(2)) {
                std::string text = std::to_string(row.projects.size());
                if (!row.projects.empty()) text += " · " + joinNames(dataset, row.projects);
                cellText(text, p.text);
            }
            if (ImGui::TableSetColumnIndex(3)) {
                std::string text;
                for (const std::string& role : row.roles) {
                    if (!text.empty()) text += ", ";
                    text += roleLabel(dataset, role, ui.lang);
                }
                cellText(text.empty() ? "—" : text, p.text);
            }
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

void drawProjectsTable(const Dataset& dataset, const ViewState& state, UiContext& ui) {
    const Palette& p = ui.palette;
    std::vector<ProjectRow> rows = projectRows(dataset, ui.visible);
    keepMatchingRows(dataset, rows, state.search);
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
                            nameColumnWidth(dataset, rows, [](const ProjectRow& row) { return row.project; }),
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
    ImGui::TableHeadersRow();
    if (const TableSort sorted = tableSort(state.sort); sorted != state.sort) ui.intents.send(intent::SetSort{sorted});
    sortProjectRows(dataset, rows, state.sort, ui.lang);

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
            ImGui::TableSetColumnIndex(0);
            entityNameCell(entity, row.project, false, state, ui);
            if (ImGui::TableSetColumnIndex(1)) cellText(joinLabels(dataset.axes, entity.axes, ui.lang), p.text);
            if (ImGui::TableSetColumnIndex(2)) cellText(joinLabels(dataset.sectors, entity.sectors, ui.lang), p.textMuted);
            if (ImGui::TableSetColumnIndex(3)) {
                cellText(row.leads.empty() ? std::string("—") : joinNames(dataset, row.leads), p.text);
            }
            if (ImGui::TableSetColumnIndex(4)) cellText(std::to_string(row.members), p.text);
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

} // namespace

void drawTableView(const Dataset& dataset, const ViewState& state, UiContext& ui) {
    // Which of the two tables shows is kept by ImGui's tab bar, not by ViewState: it is not part
    // of a shared link (yet).
    if (!ImGui::BeginTabBar("##table-tabs")) return;
    const std::string participants = headerLabel(tr(Str::TabParticipants, ui.lang), "participants");
    if (ImGui::BeginTabItem(participants.c_str())) {
        drawParticipantsTable(dataset, state, ui);
        ImGui::EndTabItem();
    }
    const std::string projects = headerLabel(tr(Str::ViewProjects, ui.lang), "projects");
    if (ImGui::BeginTabItem(projects.c_str())) {
        drawProjectsTable(dataset, state, ui);
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
}

} // namespace explorer::ui
