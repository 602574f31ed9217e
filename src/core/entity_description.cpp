#include "core/entity_description.hpp"

#include "core/vocabulary.hpp"

#include <nlohmann/json.hpp>

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
    using Json = nlohmann::ordered_json;
    if (entity >= dataset.entities.size()) return "null";
    const EntityDescription description = describeEntity(dataset, entity);
    const auto named = [&](std::size_t e) {
        return Json{{"id", dataset.entities[e].id}, {"name", dataset.entities[e].name}};
    };
    const auto links = [&](const std::vector<ProjectLink>& list) {
        Json out = Json::array();
        for (const ProjectLink& link : list) {
            Json item = named(link.project);
            if (link.through) item["through"] = named(*link.through);
            Json chain = Json::array();
            for (std::size_t r : link.chain) chain.push_back(relationSentence(dataset, r, lang));
            item["chain"] = std::move(chain);
            out.push_back(std::move(item));
        }
        return out;
    };
    Json json = named(entity);
    json["kind"] = std::string(toString(dataset.entities[entity].kind));
    json["severalProjects"] = description.severalProjects;
    json["memberOf"] = links(description.memberOf);
    json["connectedTo"] = links(description.connectedTo);
    return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

} // namespace explorer
