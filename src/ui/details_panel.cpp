#include "core/dates.hpp"
#include "core/sorting.hpp"
#include "core/source_notes.hpp"
#include "core/vocabulary.hpp"
#include "ui/entity_labels.hpp"
#include "ui/panels.hpp"
#include "ui/strings.hpp"
#include "ui/text_runs.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>

#include <algorithm>
#include <map>
#include <string>

namespace explorer::ui {
namespace {


void heading(const char* text, UiContext& ui) {
    ImGui::Spacing();
    if (ui.fonts.bold) ImGui::PushFont(ui.fonts.bold);
    ImGui::TextUnformatted(text);
    if (ui.fonts.bold) ImGui::PopFont();
}

void wrapped(const std::string& text) {
    ImGui::PushTextWrapPos(0);
    wrappedText(text);
    ImGui::PopTextWrapPos();
}

void wrappedMuted(const std::string& text, UiContext& ui) {
    ImGui::PushTextWrapPos(0);
    ImGui::PushStyleColor(ImGuiCol_Text, ui.palette.textMuted);
    wrappedText(text);
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
}

void drawFacts(const Entity& entity, SourceNotes& notes, UiContext& ui) {
    if (entity.facts.empty()) return;
    const std::string id = "details/" + entity.id; // the semantic tree's ids (detailsRegion)
    heading(tr(Str::Facts, ui.lang), ui);
    placeLastItem(ui, id, "/facts/heading");
    ItemSpan list;
    // Claims that disagree are shown together, framed, never merged into one.
    std::vector<bool> shown(entity.facts.size(), false);
    for (std::size_t i = 0; i < entity.facts.size(); ++i) {
        if (shown[i]) continue;
        const Fact& fact = entity.facts[i];
        const std::string index = std::to_string(i);
        if (fact.conflict.empty()) {
            ImGui::Bullet();
            ImGui::SameLine();
            wrapped(fact.text.get(ui.lang) + " " + notes.cite(fact.sources));
            placeLastItem(ui, id, "/fact/", index);
            list.addLastItem();
            shown[i] = true;
            continue;
        }
        ImGui::PushID(fact.conflict.c_str());
        ImGui::PushStyleColor(ImGuiCol_Border, ImGui::ColorConvertU32ToFloat4(ui.palette.warning));
        ImGui::BeginChild("##conflict", ImVec2(0, 0), ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY);
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ui.palette.warning));
        ImGui::TextUnformatted(tr(Str::SourcesDisagree, ui.lang));
        ImGui::PopStyleColor();
        for (std::size_t j = i; j < entity.facts.size(); ++j) {
            if (entity.facts[j].conflict != fact.conflict) continue;
            ImGui::Bullet();
            ImGui::SameLine();
            wrapped(entity.facts[j].text.get(ui.lang) + " " + notes.cite(entity.facts[j].sources));
            placeLastItem(ui, id, "/fact/", std::to_string(j), "/claim");
            shown[j] = true;
        }
        ImGui::EndChild();
        placeLastItem(ui, id, "/fact/", index);
        placeLastItem(ui, id, "/fact/", index, "/claims");
        list.addLastItem();
        ImGui::PopStyleColor();
        ImGui::PopID();
    }
    placeRect(ui, list.min, list.max, id, "/facts");
}

void drawRelations(const Dataset& dataset, std::size_t selected, SourceNotes& notes, UiContext& ui) {
    const std::vector<std::size_t>& relations = dataset.relationsOf(selected);
    if (relations.empty()) return;
    const std::string id = "details/" + dataset.entities[selected].id;
    heading(tr(Str::Relations, ui.lang), ui);
    placeLastItem(ui, id, "/links/heading");
    ItemSpan list;
    // One line per relation, read from the selected entity: "leads OpenLLM-France [1]".
    std::vector<std::size_t> ordered(relations.begin(), relations.end());
    sortBy(ordered, [&](std::size_t a, std::size_t b) {
        return roleRank(dataset, dataset.relations[a].role) < roleRank(dataset, dataset.relations[b].role);
    });
    for (std::size_t r : ordered) {
        const Relation& relation = dataset.relations[r];
        const bool outgoing = relation.source == selected;
        const std::size_t other = outgoing ? relation.target : relation.source;
        const Entity& otherEntity = dataset.entities[other];
        const std::string reading = outgoing ? roleReading(dataset, relation.role, ui.lang)
                                             : roleReadingFromTarget(dataset, relation.role, ui.lang);
        ImGui::PushID(static_cast<int>(r));
        // Reading, other entity and source marks flow on one line, and wrap when the panel is narrow.
        FlowLayout flow;
        flow.next(ImGui::CalcTextSize(reading.c_str()).x);
        mutedText(reading, ui.palette.textMuted);
        const ImU32 kindColour = ui.palette.kind[static_cast<std::size_t>(otherEntity.kind)];
        if (chip(otherEntity.id, otherEntity.name, withAlpha(kindColour, 0.16f), ui.palette.text, false, flow)) {
            ui.intents.send(intent::Select{otherEntity.id});
        }
        locateLastItemIfNew(ui, other);
        // The item and its button over the chip: the part of the line a reader acts on.
        const std::string relationIndex = std::to_string(r);
        placeLastItem(ui, id, "/link/", relationIndex);
        placeLastItem(ui, id, "/link/", relationIndex, "/select");
        list.addLastItem();
        std::string marks = notes.cite(relation.sources);
        if (!relation.conflict.empty()) marks += std::string(" · ") + tr(Str::SourcesDisagree, ui.lang);
        flow.next(ImGui::CalcTextSize(marks.c_str()).x);
        mutedText(marks, relation.conflict.empty() ? ui.palette.textMuted : ui.palette.warning);
        if (!relation.note.empty()) wrappedMuted(relation.note.get(ui.lang), ui);
        list.addLastItem();
        ImGui::PopID();
    }
    placeRect(ui, list.min, list.max, id, "/links");
}

void drawSources(const Dataset& dataset, const std::string& id, const SourceNotes& notes, PanelState& panels,
                 UiContext& ui) {
    if (notes.order().empty()) return;
    heading(tr(Str::Sources, ui.lang), ui);
    placeLastItem(ui, id, "/sources/heading");
    ItemSpan list;
    for (std::size_t i = 0; i < notes.order().size(); ++i) {
        const Source& source = dataset.sources[notes.order()[i]];
        ImGui::PushID(source.id.c_str());
        std::string line = "[" + std::to_string(i + 1) + "] " + citeSource(source, ui.lang);
        line += std::string(" (") + tr(source.layer == "article" ? Str::LayerArticle : Str::LayerExternal, ui.lang) + ")";
        ImGui::PushTextWrapPos(0);
        if (source.url.empty()) {
            wrappedText(line);
        } else {
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ui.palette.link));
            wrappedText(line);
            ImGui::PopStyleColor();
            if (ImGui::IsItemHovered()) {
                ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
                ImGui::SetTooltip("%s\n(%s)", source.url.c_str(), tr(Str::OpenInNewTab, ui.lang));
            }
            if (ImGui::IsItemClicked()) panels.linksToOpen.push_back(source.url);
            placeLastItem(ui, id, "/source/", source.id, "/link");
        }
        placeLastItem(ui, id, "/source/", source.id);
        list.addLastItem();
        ImGui::PopTextWrapPos();
        ImGui::PopID();
    }
    placeRect(ui, list.min, list.max, id, "/sources");
}

// The unit through which an entity is a member of a project ("Inria — Scribe via ALMAnaCH"); empty
// for a direct member.
std::string throughUnit(const Dataset& dataset, std::size_t entity, std::size_t project) {
    const std::vector<std::size_t> path = dataset.unitPath(entity, project);
    if (path.empty()) return {};
    const Relation& held = dataset.relations[path.front()];
    return dataset.entities[held.source == project ? held.target : held.source].name;
}

} // namespace

bool drawDetailsPanel(const Dataset& dataset, const ViewState& state, PanelState& panels, UiContext& ui) {
    const auto found = dataset.findEntity(state.selection);
    if (!found) return false;
    const std::size_t selected = *found;
    const Entity& entity = dataset.entities[selected];
    bool open = true;

    ImGui::PushID("details");
    // Close button on the right of the title line.
    const float closeWidth = ImGui::CalcTextSize("×").x + ImGui::GetStyle().FramePadding.x * 2;
    if (ui.fonts.heading) ImGui::PushFont(ui.fonts.heading);
    ImGui::PushTextWrapPos(ImGui::GetContentRegionMax().x - closeWidth - ImGui::GetStyle().ItemSpacing.x);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ui.palette.kind[static_cast<std::size_t>(entity.kind)]));
    wrappedText(entity.name);
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
    if (ui.fonts.heading) ImGui::PopFont();
    locateLastItemIfNew(ui, selected);
    // Ids as the semantic tree spells them (detailsRegion): the region is "details", what it holds
    // "details/<entity id>/…".
    const std::string id = "details/" + entity.id;
    placeLastItem(ui, id, "/heading");
    ImGui::SameLine(ImGui::GetContentRegionMax().x - closeWidth);
    if (ImGui::Button("×")) open = false;
    placeLastItem(ui, id, "/close");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::Close, ui.lang));

    std::string kindLine = typeLabel(dataset, entity, ui.lang);
    if (!entity.country.empty()) kindLine += " · " + entity.country;
    mutedText(kindLine, ui.palette.textMuted);
    placeLastItem(ui, id, "/type");
    if (!entity.aliases.empty()) {
        std::string aliases = std::string(tr(Str::Aliases, ui.lang)) + (ui.lang == Lang::Fr ? " : " : ": ");
        for (std::size_t i = 0; i < entity.aliases.size(); ++i) aliases += (i ? ", " : "") + entity.aliases[i];
        wrappedMuted(aliases, ui);
        placeLastItem(ui, id, "/aliases");
    }

    SourceNotes notes;
    ImGui::Spacing();
    wrapped(entity.description.get(ui.lang) + " " + notes.cite(entity.sources));
    placeLastItem(ui, id, "/description");
    if (!entity.licences.empty()) {
        std::string line = std::string(tr(Str::Licences, ui.lang)) + (ui.lang == Lang::Fr ? " : " : ": ");
        for (std::size_t i = 0; i < entity.licences.size(); ++i) line += (i ? ", " : "") + entity.licences[i];
        wrappedMuted(line, ui);
        placeLastItem(ui, id, "/licences");
    }
    if (!entity.url.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ui.palette.link));
        ImGui::TextUnformatted(tr(Str::Website, ui.lang));
        ImGui::PopStyleColor();
        if (ImGui::IsItemHovered()) {
            ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
            ImGui::SetTooltip("%s\n(%s)", entity.url.c_str(), tr(Str::OpenInNewTab, ui.lang));
        }
        if (ImGui::IsItemClicked()) panels.linksToOpen.push_back(entity.url);
        placeLastItem(ui, id, "/website");
    }

    if (entity.kind != EntityKind::Project) {
        const std::vector<std::size_t>& projects = dataset.memberProjects(selected);
        if (!projects.empty()) {
            heading(tr(Str::InProjects, ui.lang), ui);
            placeLastItem(ui, id, "/members/heading");
            ItemSpan list;
            FlowLayout flow;
            for (std::size_t project : projects) {
                const Entity& p = dataset.entities[project];
                // "Scribe (through ALMAnaCH)": how it is a member, inside the chip it belongs to.
                const std::string via = throughUnit(dataset, selected, project);
                const std::string label = via.empty() ? p.name : p.name + " (" + tr(Str::ThroughUnit, ui.lang) + " " + via + ")";
                if (chip(p.id, label, withAlpha(ui.palette.kind[0], 0.16f), ui.palette.text, false, flow)) {
                    ui.intents.send(intent::Select{p.id});
                }
                locateLastItemIfNew(ui, project);
                // The item and its button over the chip (the button cannot be found through
                // locate: that points at the project in the view).
                placeLastItem(ui, id, "/member/", p.id);
                placeLastItem(ui, id, "/member/", p.id, "/select");
                list.addLastItem();
            }
            placeRect(ui, list.min, list.max, id, "/members");
        }
        // Connections are explained, never counted as membership: the project, what it goes through,
        // and the whole chain of sourced relations underneath.
        const std::vector<Dataset::Connection>& connections = panels.connectionsFor(dataset, selected);
        if (!connections.empty()) {
            heading(tr(Str::ConnectedTo, ui.lang), ui);
            placeLastItem(ui, id, "/connections/heading");
            ItemSpan list;
            for (const Dataset::Connection& connection : connections) {
                const Entity& p = dataset.entities[connection.project];
                const std::optional<std::size_t> via = connectionVia(dataset, selected, connection);
                const std::string label =
                    via ? p.name + " (" + tr(Str::ThroughUnit, ui.lang) + " " + dataset.entities[*via].name + ")" : p.name;
                FlowLayout flow;
                ImGui::PushID(static_cast<int>(connection.project));
                if (chip(p.id, label, withAlpha(ui.palette.textMuted, 0.12f), ui.palette.text, false, flow)) {
                    ui.intents.send(intent::Select{p.id});
                }
                locateLastItemIfNew(ui, connection.project);
                placeLastItem(ui, id, "/connection/", p.id);
                placeLastItem(ui, id, "/connection/", p.id, "/select");
                list.addLastItem();
                std::vector<std::size_t> chainSources;
                for (std::size_t r : connection.path) {
                    for (std::size_t source : dataset.relations[r].sources) {
                        if (std::find(chainSources.begin(), chainSources.end(), source) == chainSources.end()) {
                            chainSources.push_back(source);
                        }
                    }
                }
                wrappedMuted(connectionChain(dataset, connection, ui.lang) + " " + notes.cite(chainSources), ui);
                list.addLastItem();
                ImGui::PopID();
            }
            placeRect(ui, list.min, list.max, id, "/connections");
        }
    }
    drawFacts(entity, notes, ui);
    drawRelations(dataset, selected, notes, ui);
    drawSources(dataset, id, notes, panels, ui);
    ImGui::PopID();
    return open;
}

} // namespace explorer::ui
