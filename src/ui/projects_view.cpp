#include "core/sorting.hpp"
#include "core/vocabulary.hpp"
#include "ui/strings.hpp"
#include "ui/views.hpp"
#include "ui/widgets.hpp"
#include "ui/text_runs.hpp"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <string>

namespace explorer::ui {
namespace {

const std::string& termLabel(const Dataset& dataset, const std::vector<Term>& terms, const std::string& id,
                             Lang lang) {
    const Term* term = dataset.findTerm(terms, id);
    return term ? term->label.get(lang) : id;
}

struct MemberGroup {
    std::string role;
    std::vector<std::size_t> entities;
};

// Who takes part in a project, grouped by role. Relations pointing at the project ("LINAGORA
// lead OpenLLM-France") and from it ("CC-SWH builds_on Software Heritage") both count.
std::vector<MemberGroup> membersByRole(const Dataset& dataset, std::size_t project) {
    std::vector<MemberGroup> groups;
    for (std::size_t r : dataset.relationsOf(project)) {
        const Relation& relation = dataset.relations[r];
        const std::size_t other = relation.source == project ? relation.target : relation.source;
        auto group = std::find_if(groups.begin(), groups.end(),
                                  [&](const MemberGroup& g) { return g.role == relation.role; });
        if (group == groups.end()) group = groups.insert(groups.end(), MemberGroup{relation.role, {}});
        if (std::find(group->entities.begin(), group->entities.end(), other) == group->entities.end()) {
            group->entities.push_back(other);
        }
    }
    sortBy(groups, [&](const MemberGroup& a, const MemberGroup& b) {
        return roleRank(dataset, a.role) < roleRank(dataset, b.role);
    });
    for (MemberGroup& group : groups) {
        sortBy(group.entities, [&](std::size_t a, std::size_t b) {
            return dataset.entities[a].name < dataset.entities[b].name;
        });
    }
    return groups;
}

void drawProjectCard(const Dataset& dataset, std::size_t project, const ViewState& state, UiContext& ui) {
    const Entity& entity = dataset.entities[project];
    const Palette& p = ui.palette;
    ImGui::PushID(entity.id.c_str());
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::ColorConvertU32ToFloat4(p.surface));
    ImGui::PushStyleColor(ImGuiCol_Border, ImGui::ColorConvertU32ToFloat4(
                                               state.selection == entity.id ? p.accent : p.border));
    ImGui::BeginChild("##card", ImVec2(0, 0), ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY);

    if (ui.fonts.heading) ImGui::PushFont(ui.fonts.heading);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(p.kind[0]));
    wrappedText(entity.name);
    ImGui::PopStyleColor();
    if (ui.fonts.heading) ImGui::PopFont();
    if (ImGui::IsItemClicked()) ui.intents.send(intent::Select{entity.id});
    locateLastItem(ui, project);
    // Ids as the semantic tree spells them (projectCards): "projects/<id>/…". The title's button
    // is placed here too: a project chip in another card moves the project's located place.
    const std::string cardId = "projects/" + entity.id;
    placeLastItem(ui, cardId, "/heading");
    placeLastItem(ui, cardId, "/select");

    ImGui::PushTextWrapPos(0);
    wrappedText(entity.description.get(ui.lang));
    ImGui::PopTextWrapPos();
    placeLastItem(ui, cardId, "/description");

    // The tree's facts paragraph says axes, sectors, duration and size: the tags and the line.
    ItemSpan facts;
    if (!entity.axes.empty() || !entity.sectors.empty()) {
        FlowLayout flow;
        for (const std::string& axis : entity.axes) {
            tag(termLabel(dataset, dataset.axes, axis, ui.lang), withAlpha(p.accent, 0.14f), p.text, flow);
            facts.addLastItem();
        }
        for (const std::string& sector : entity.sectors) {
            tag(termLabel(dataset, dataset.sectors, sector, ui.lang), p.surfaceHover, p.textMuted, flow);
            facts.addLastItem();
        }
    }
    if (entity.durationMonths || !entity.size.empty()) {
        std::string line;
        if (entity.durationMonths) {
            line += std::string(tr(Str::Duration, ui.lang)) + " : " + std::to_string(*entity.durationMonths) + " " +
                    tr(Str::Months, ui.lang);
        }
        if (!entity.size.empty()) {
            if (!line.empty()) line += " · ";
            line += entity.size.get(ui.lang);
        }
        if (ui.lang == Lang::En) {
            // French puts a space before the colon, English does not.
            const auto pos = line.find(" : ");
            if (pos != std::string::npos) line.replace(pos, 3, ": ");
        }
        ImGui::PushTextWrapPos(0);
        mutedText(line, p.textMuted);
        ImGui::PopTextWrapPos();
        facts.addLastItem();
    }
    placeRect(ui, facts.min, facts.max, cardId, "/facts");

    const std::vector<MemberGroup> groups = membersByRole(dataset, project);
    const bool hasLead = std::any_of(groups.begin(), groups.end(), [](const MemberGroup& g) { return isLeadRole(g.role); });
    ImGui::Spacing();
    if (!hasLead) {
        mutedText(tr(Str::LeadUnknown, ui.lang), p.textMuted);
        placeLastItem(ui, cardId, "/no-lead");
    }
    for (const MemberGroup& group : groups) {
        if (ui.fonts.bold) ImGui::PushFont(ui.fonts.bold);
        ImGui::TextUnformatted(displayCString(termLabel(dataset, dataset.roles, group.role, ui.lang)));
        if (ui.fonts.bold) ImGui::PopFont();
        ItemSpan list;
        list.addLastItem();
        ImGui::PushID(group.role.c_str());
        FlowLayout flow;
        for (std::size_t member : group.entities) {
            const Entity& other = dataset.entities[member];
            const ImU32 kindColour = p.kind[static_cast<std::size_t>(other.kind)];
            if (chip(other.id, other.name, withAlpha(kindColour, 0.16f), p.text, state.selection == other.id, flow)) {
                ui.intents.send(intent::Select{other.id});
            }
            locateLastItem(ui, member);
            // Placed in this card: locate keeps only the last card that shows a member.
            placeLastItem(ui, cardId, "/role/", group.role, "/", other.id);
            placeLastItem(ui, cardId, "/role/", group.role, "/", other.id, "/select");
            list.addLastItem();
        }
        ImGui::PopID();
        placeRect(ui, list.min, list.max, cardId, "/role/", group.role);
    }
    ImGui::EndChild();
    placeLastItem(ui, cardId);
    ImGui::PopStyleColor(2);
    ImGui::PopID();
}

} // namespace

void drawProjectsView(const Dataset& dataset, const ViewState& state, UiContext& ui) {
    std::vector<std::size_t> projects;
    for (std::size_t i = 0; i < dataset.entities.size(); ++i) {
        // The same projects as every other view: those the filters leave visible.
        if (dataset.entities[i].kind == EntityKind::Project && i < ui.visible.entity.size() && ui.visible.entity[i]) {
            projects.push_back(i);
        }
    }
    // Cards at least ~20 em wide: one column on a phone, three or four on a desktop.
    const float minCardWidth = ImGui::GetFontSize() * 20.0f;
    const float width = ImGui::GetContentRegionAvail().x;
    const int columns = std::clamp(static_cast<int>(width / minCardWidth), 1, 4);
    if (!ImGui::BeginTable("##projects", columns, ImGuiTableFlags_SizingStretchSame)) return;
    for (std::size_t project : projects) {
        ImGui::TableNextColumn();
        drawProjectCard(dataset, project, state, ui);
    }
    ImGui::EndTable();
}

} // namespace explorer::ui
