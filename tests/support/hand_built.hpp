// Datasets built by hand for the layout and network tests: entities named "kind:name" (kind =
// project | org | model | initiative), relations {source, role, target}, and an "ecosystem" of
// projects with partners, some of whom support the next project.
#pragma once

#include "core/model.hpp"
#include "core/vocabulary.hpp"

#include <string>
#include <vector>

namespace explorer::test {

struct RelationSpec {
    std::string source;
    std::string role;
    std::string target;
};

// Organisations get the type `type`.
inline Dataset handBuilt(const std::vector<std::string>& ids, const std::vector<RelationSpec>& relations,
                         const std::string& type = "company") {
    Dataset d;
    d.types = builtinTypeTerms();
    d.roles = builtinRoleTerms();
    for (const std::string& id : ids) {
        Entity e;
        e.id = id;
        e.name = id.substr(id.find(':') + 1);
        const std::string kind = id.substr(0, id.find(':'));
        e.kind = kind == "project"      ? EntityKind::Project
                 : kind == "model"      ? EntityKind::Model
                 : kind == "initiative" ? EntityKind::Initiative
                                        : EntityKind::Organisation;
        if (e.kind == EntityKind::Organisation) e.type = type;
        d.entities.push_back(e);
    }
    d.buildIndex();
    for (const RelationSpec& spec : relations) {
        Relation r;
        r.source = *d.findEntity(spec.source);
        r.target = *d.findEntity(spec.target);
        r.role = spec.role;
        d.relations.push_back(r);
    }
    d.buildIndex();
    return d;
}

// `projects` projects with `perProject` partners each (the first one leads); every tenth
// organisation also supports the next project, so the graph is connected like a real ecosystem.
inline Dataset ecosystem(std::size_t projects, std::size_t perProject) {
    std::vector<std::string> ids;
    std::vector<RelationSpec> relations;
    for (std::size_t p = 0; p < projects; ++p) ids.push_back("project:p" + std::to_string(p));
    for (std::size_t p = 0; p < projects; ++p) {
        for (std::size_t k = 0; k < perProject; ++k) {
            const std::string org = "org:o" + std::to_string(p) + "-" + std::to_string(k);
            ids.push_back(org);
            relations.push_back({org, k == 0 ? "lead" : "partner", "project:p" + std::to_string(p)});
            if (k % 10 == 5) relations.push_back({org, "supporter", "project:p" + std::to_string((p + 1) % projects)});
        }
    }
    return handBuilt(ids, relations);
}

} // namespace explorer::test
