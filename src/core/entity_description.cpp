#include "core/entity_description.hpp"

#include "core/json_writer.hpp"
#include "core/vocabulary.hpp"

namespace explorer {

EntityDescription describeEntity(const Dataset& dataset, std::size_t entity) {
    EntityDescription description;
    description.entity = entity;
    if (entity >= dataset.entities.size()) return description;
    for (std::size_t project : dataset.memberProjects(entity)) {
        ProjectLink link{project, std::nullopt, {}};
        if (dataset.membership(entity, project) == Dataset::Membership::ThroughUnit) {
            const std::vector<std::size_t> path = dataset.unitPath(entity, project);
            if (!path.empty()) {
                const Relation& held = dataset.relations[path.front()];
                link.through = held.source == project ? held.target : held.source;
            }
            link.chain.assign(path.rbegin(), path.rend()); // from the entity down to the unit, then the project
        } else {
            for (std::size_t r : dataset.relationsOf(entity)) {
                const Relation& relation = dataset.relations[r];
                if ((relation.source == project || relation.target == project) && dataset.traitsOf(r).membership) {
                    link.chain.push_back(r);
                }
            }
        }
        description.memberOf.push_back(std::move(link));
    }
    for (Dataset::Connection& connection : dataset.connectionsOf(entity)) {
        ProjectLink link{connection.project, connectionVia(dataset, entity, connection), std::move(connection.path)};
        description.connectedTo.push_back(std::move(link));
    }
    description.severalProjects =
        dataset.entities[entity].kind == EntityKind::Organisation && description.memberOf.size() >= 2;
    return description;
}

std::string describeEntityJson(const Dataset& dataset, std::size_t entity, Lang lang) {
    if (entity >= dataset.entities.size()) return "null";
    const EntityDescription description = describeEntity(dataset, entity);
    JsonWriter out;
    const auto named = [&](std::size_t e) { out.field("id", dataset.entities[e].id).field("name", dataset.entities[e].name); };
    const auto links = [&](std::string_view key, const std::vector<ProjectLink>& list) {
        out.key(key).beginArray();
        for (const ProjectLink& link : list) {
            out.beginObject();
            named(link.project);
            if (link.through) {
                out.key("through").beginObject();
                named(*link.through);
                out.endObject();
            }
            out.key("chain").beginArray();
            for (std::size_t r : link.chain) out.value(relationSentence(dataset, r, lang));
            out.endArray().endObject();
        }
        out.endArray();
    };
    out.beginObject();
    named(entity);
    out.field("kind", toString(dataset.entities[entity].kind));
    out.field("severalProjects", description.severalProjects);
    links("memberOf", description.memberOf);
    links("connectedTo", description.connectedTo);
    out.endObject();
    return out.take();
}

} // namespace explorer
