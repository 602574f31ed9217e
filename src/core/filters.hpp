// What the reader's filters leave visible. Every view (network, matrix, table, projects) shows
// exactly the entities and relations of one VisibleSet, so a filter means the same thing
// everywhere.
//
// Vocabulary: a "project" is an entity of kind Project; every other entity (organisation, model,
// initiative) is a "participant". A participant is LINKED to a project when it is a member of it
// or connected to it (Dataset, "Participation", in model.hpp), counting only relations whose role
// passes the roles filter: a relation between the two (Make.org lead AI for Democracy; CC-SWH
// builds_on Software Heritage), a unit's link (ALMAnaCH team_of Inria and ALMAnaCH partner Scribe
// link Inria to Scribe), or a chain through what the project builds on (Mistral AI develops
// Mistral 7B, on which a variant of Claire is based, which the community OpenLLM-France builds on
// develops).
//
// Semantics (fields combine with AND, values inside one field with OR; an empty field does not
// filter, so empty Filters show everything):
//  1. axes, sectors filter PROJECTS: a project stays if it has one of the selected axes (when
//     axes are selected) and one of the selected sectors (when sectors are selected). While a
//     project filter is active, a participant stays only if it is linked to a project that
//     stays; participants linked to no project at all (an investor of a start-up) are then hidden.
//  2. types filter ORGANISATIONS: an organisation stays only if its type is selected. Models,
//     initiatives and projects are not judged by type: a project none of whose organisations
//     stays is still shown.
//  3. roles filter RELATIONS: a relation stays only if its role is selected. Links to projects
//     are then made of selected roles only (with roles = {partner}, ALMAnaCH's team_of relation
//     no longer links Inria to Scribe). A participant left with no visible relation is hidden;
//     projects stay even without any.
//  4. multiProjectOnly keeps participants that are MEMBERS of two or more projects according to
//     Dataset::memberProjects (counted over the whole dataset, not only over the projects other
//     filters keep, so Inria stays "multi-project" under an axis that shows one of its projects;
//     connections never count) and, among projects, only those such a participant is a member of.
//  5. Units and foundations on the way: a team or programme linked to a project and belonging to a
//     visible participant stays visible even if its own type is not selected (with types =
//     {public_research}, ALMAnaCH, a research team, stays beside Inria), and so do the entities of
//     the chain by which a visible participant is linked to a visible project.
//  6. A relation is visible if and only if its role passes the roles filter and both of its ends
//     are visible.
//
// Cost: O(entities + relations) per call, whatever the shape of the data (one walk from all the
// visible projects at once, never one walk per participant or per project).
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

// Organisations (kind Organisation) that are members of two or more projects
// (Dataset::memberProjects), by number of projects (most first), then name (text_collation.hpp), then id: the
// answer to "which organisations appear in several projects?" for whatever dataset is loaded.
// Connections are not counted. O(N log N) for N entities.
std::vector<std::size_t> organisationsInSeveralProjects(const Dataset& dataset);

} // namespace explorer
