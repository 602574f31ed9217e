#include "ui/entity_labels.hpp"
#include "ui/panels.hpp"
#include "ui/strings.hpp"
#include "ui/widgets.hpp"
#include "ui/text_runs.hpp"

#include <imgui.h>

#include <algorithm>
#include <set>
#include <string>

namespace explorer::ui {
namespace {

bool contains(const std::vector<std::string>& values, const std::string& value) {
    return std::find(values.begin(), values.end(), value) != values.end();
}

void toggle(std::vector<std::string>& values, const std::string& value) {
    const auto it = std::find(values.begin(), values.end(), value);
    if (it == values.end()) {
        values.push_back(value);
    } else {
        values.erase(it);
    }
}

// One group of checkboxes, laid out in as many columns as fit.
void termGroup(const char* groupId, const char* title, const std::vector<Term>& terms, const std::set<std::string>& used,
               std::vector<std::string>& selected, UiContext& ui) {
    if (used.empty()) return;
    ImGui::PushID(groupId);
    if (ui.fonts.bold) ImGui::PushFont(ui.fonts.bold);
    ImGui::TextUnformatted(title);
    if (ui.fonts.bold) ImGui::PopFont();
    ItemSpan group;
    group.addLastItem();
    const float columnWidth = ImGui::GetFontSize() * 13.0f;
    const int columns = std::max(1, static_cast<int>(ImGui::GetContentRegionAvail().x / columnWidth));
    if (ImGui::BeginTable("##terms", columns)) {
        for (const Term& term : terms) {
            if (!used.count(term.id)) continue;
            ImGui::TableNextColumn();
            bool on = contains(selected, term.id);
            ImGui::PushID(term.id.c_str());
            // The label as drawn (a run when it must be shaped); the id is the term's (PushID above).
            const std::string label = std::string(displayText(term.label.get(ui.lang))) + "###term";
            if (ImGui::Checkbox(label.c_str(), &on)) toggle(selected, term.id);
            // Ids as the semantic tree spells them: "filters/<group>/<term id>".
            placeLastItem(ui, "filters/", groupId, "/", term.id);
            ImGui::PopID();
        }
        ImGui::EndTable();
        group.addLastItem(); // the table
    }
    placeRect(ui, group.min, group.max, "filters/", groupId);
    ImGui::PopID();
}

} // namespace

int activeFilterCount(const Filters& filters) {
    return static_cast<int>(filters.axes.size() + filters.sectors.size() + filters.types.size() + filters.roles.size()) +
           (filters.multiProjectOnly ? 1 : 0);
}

void drawFiltersPanel(const Dataset& dataset, const ViewState& state, UiContext& ui) {
    // Only what the dataset uses is offered: a filter that can only empty the view is noise.
    std::set<std::string> axes, sectors, types, roles;
    for (const Entity& entity : dataset.entities) {
        axes.insert(entity.axes.begin(), entity.axes.end());
        sectors.insert(entity.sectors.begin(), entity.sectors.end());
        if (entity.kind == EntityKind::Organisation && !entity.type.empty()) types.insert(entity.type);
    }
    for (const Relation& relation : dataset.relations) roles.insert(relation.role);

    // The checkboxes edit a copy; a change goes back as one intent.
    Filters filters = state.filters;
    ImGui::Checkbox(tr(Str::FiltersMultiProject, ui.lang), &filters.multiProjectOnly);
    placeLastItem(ui, "filters/multi");
    ImGui::SameLine();
    ImGui::BeginDisabled(filters.empty());
    if (ImGui::SmallButton(tr(Str::FiltersClear, ui.lang))) filters = Filters{};
    placeLastItem(ui, "filters/clear");
    ImGui::EndDisabled();
    termGroup("axes", tr(Str::Axes, ui.lang), dataset.axes, axes, filters.axes, ui);
    termGroup("sectors", tr(Str::Sectors, ui.lang), dataset.sectors, sectors, filters.sectors, ui);
    termGroup("types", tr(Str::FilterTypes, ui.lang), dataset.types, types, filters.types, ui);
    termGroup("roles", tr(Str::FilterRoles, ui.lang), dataset.roles, roles, filters.roles, ui);
    if (!(filters == state.filters)) ui.intents.send(intent::SetFilters{filters});
}

} // namespace explorer::ui
