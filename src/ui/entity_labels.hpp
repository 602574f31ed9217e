// What the matrix and the table say about entities, types and roles, in the reader's language,
// and two drawing helpers their table cells share. The label functions are pure (no ImGui), so
// the matrix model can use them and tests can call them directly.
#pragma once

#include "core/model.hpp"
#include "core/vocabulary.hpp" // roleRank, roleTraits: every view orders and styles roles from there
#include "core/view_state.hpp"
#include "ui/ui_context.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace explorer::ui {

// "Projet" / "Project", "Organisation", "Modèle" / "Model", "Initiative".
std::string_view kindLabel(EntityKind kind, Lang lang);

// What an entity is, as one short label: an organisation's type as the dataset labels it
// ("Start-up", or the type id when the dataset has no label for it; "Organisation" when it has
// no type), and for every other entity its kind ("Model").
std::string typeLabel(const Dataset& dataset, const Entity& entity, Lang lang);

// A role's label ("Chef de file"); the role id itself when the dataset does not declare it.
std::string roleLabel(const Dataset& dataset, std::string_view role, Lang lang);

// A vocabulary term's label (axes, sectors…); the id itself when it is not declared.
std::string termLabel(const std::vector<Term>& terms, std::string_view id, Lang lang);

// Whether the entity's name or one of its aliases contains `foldedQuery`, which must already be
// folded with foldForSearch. An empty query matches every entity.
bool nameOrAliasMatches(const Entity& entity, std::string_view foldedQuery);

// The names of `entities`, joined with ", ".
std::string joinNames(const Dataset& dataset, const std::vector<std::size_t>& entities);

// ---- Drawing helpers for table cells (ImGui; call inside a table cell).


// One line of text in the rest of the cell, cut with an ellipsis when it does not fit; hovering
// a cut text shows it whole in a tooltip.
void cellText(std::string_view text, ImU32 colour);

// An entity's name filling the rest of the cell as a selectable line, in `font` (the body font
// when null), cut with an ellipsis when too long. Returns true when clicked. Push the entity's id
// first: the item's own id is fixed.
bool nameCell(std::string_view name, bool selected, ImFont* font);

// Tables whose sort lives in ViewState::sort give each sortable column the user id of the
// SortColumn it stands for (TableSetupColumn's last argument) and call, between TableSetupColumn /
// TableSetupScrollFreeze and the header row, showTableSort with the sort the reader chose, so a
// sort restored from a URL shows. After the header row, tableSort returns the sort the table
// shows now: a different one than `shown` exactly when the reader clicked a header this frame.
void showTableSort(TableSort shown);
TableSort tableSort(TableSort shown);

} // namespace explorer::ui
