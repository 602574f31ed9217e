// What the reader's filters leave visible. Every view (network, matrix, table, projects) shows
// exactly the entities and relations of one VisibleSet, so a filter means the same thing
// everywhere.
//
// Vocabulary: a "project" is an entity of kind Project; every other entity (organisation, model,
// initiative) is a "participant". A participant is linked to a project when a relation joins
// them, in either direction (Make.org lead AI for Democracy; AI for Democracy part_of Communs
// démocratiques), or when one of its units is: the sources of `team_of` and `programme_of`
// relations that point to it, and their own units in turn (ALMAnaCH team_of Inria and ALMAnaCH
// partner Scribe link Inria to Scribe), or through what the project is built on
// (Dataset::foundationPath: Mistral AI develops Mistral 7B, which Claire, developed by the
// community OpenLLM-France builds on, is based on).
//
// Semantics (fields combine with AND, values inside one field with OR; an empty field does not
// filter, so empty Filters show everything):
//  1. axes, sectors filter PROJECTS: a project stays if it has one of the selected axes (when
//     axes are selected) and one of the selected sectors (when sectors are selected). While a
//     project filter is active, a participant stays only if it is linked to a project that
//     stays; participants linked to no project at all (a model only reached through another
//     model, an investor of a start-up) are then hidden.
//  2. types filter ORGANISATIONS: an organisation stays only if its type is selected. Models,
//     initiatives and projects are not judged by type: a project none of whose organisations
//     stays is still shown, and an initiative that leads a project still shows with
//     types = {startup}, roles = {lead}.
//  3. roles filter RELATIONS: a relation stays only if its role is selected. Links to projects
//     (rule 1, 4, 5) are then made of selected roles only (with roles = {partner}, ALMAnaCH's
//     team_of relation no longer links Inria to Scribe). A participant left with no visible
//     relation is hidden; projects stay even without any.
//  4. multiProjectOnly keeps participants that take part in two or more projects according to
//     Dataset::projectsOf (counted over the whole dataset, not only over the projects other
//     filters keep, so Inria stays "multi-project" under an axis that shows one of its
//     projects) and, among projects, only those such a participant is linked to.
//  5. Units and foundations on the way: a team or programme, or a model, initiative or community
//     of a foundation chain, through which a visible participant is linked to a visible project
//     stays visible, even if its own type is not selected or it is in a single project, so that
//     every view can show how the participant is linked (with types = {public_research},
//     ALMAnaCH, a research team, stays beside Inria; with multiProjectOnly, Mistral 7B and Claire
//     stay between Mistral AI and OpenLLM-France).
//  6. A relation is visible if and only if its role passes the roles filter and both of its ends
//     are visible.
#pragma once

#include "core/model.hpp"
#include "core/view_state.hpp"

#include <cstddef>
#include <vector>

namespace explorer {

struct VisibleSet {
    std::vector<bool> entity;   // one flag per Dataset::entities
    std::vector<bool> relation; // one flag per Dataset::relations
};

// The entities and relations `filters` leave visible (rules above). Vocabulary ids that the
// dataset does not declare simply match nothing.
VisibleSet applyFilters(const Dataset& dataset, const Filters& filters);

// Organisations (kind Organisation) that take part in two or more projects, by number of
// projects (most first), then folded name, then id. Computed from the relations every time: it
// answers "which organisations appear in several projects?" for whatever dataset is loaded.
std::vector<std::size_t> organisationsInSeveralProjects(const Dataset& dataset);

} // namespace explorer
