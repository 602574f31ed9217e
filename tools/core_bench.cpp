// core-bench: the core's worst shapes at the documented limits (20,000 entities, 100,000
// relations), timed. Figures, not verdicts: scripts/bench.sh prints them. Each shape is one a
// fuzzing campaign or a complexity review found quadratic or cubic before (../shared/reproducers),
// or one built to defeat the current algorithms: a shared foundation, a chain of teams, a star of
// projects sharing every member, a deep part_of chain of models.
//
//   build/native/tools/core-bench [--quick]
#include "core/dataset_loader.hpp"
#include "core/entity_description.hpp"
#include "core/filters.hpp"
#include "core/model.hpp"
#include "core/search.hpp"
#include "core/vocabulary.hpp"

#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace {

using explorer::Dataset;
using explorer::Entity;
using explorer::EntityKind;
using explorer::Relation;

struct Builder {
    Dataset dataset;
    std::size_t add(const std::string& id, EntityKind kind) {
        Entity entity;
        entity.id = id;
        entity.name = id;
        entity.kind = kind;
        if (kind == EntityKind::Organisation) entity.type = "company";
        if (kind == EntityKind::Project) entity.axes = {"models"};
        dataset.entities.push_back(std::move(entity));
        return dataset.entities.size() - 1;
    }
    void relate(std::size_t source, const char* role, std::size_t target) {
        Relation relation;
        relation.source = source;
        relation.target = target;
        relation.role = role;
        dataset.relations.push_back(std::move(relation));
    }
    Dataset done() {
        dataset.types = explorer::builtinTypeTerms();
        dataset.roles = explorer::builtinRoleTerms();
        dataset.axes = {explorer::Term{"models", {"Modèles", "Models"}}};
        return std::move(dataset);
    }
};

// N projects build on one model that N organisations develop: N² connections, none stored.
Dataset sharedFoundation(std::size_t n) {
    Builder b;
    const std::size_t model = b.add("model:shared", EntityKind::Model);
    for (std::size_t i = 0; i < n; ++i) {
        b.relate(b.add("project:p" + std::to_string(i), EntityKind::Project), "builds_on", model);
        b.relate(b.add("org:o" + std::to_string(i), EntityKind::Organisation), "develops", model);
    }
    return b.done();
}

// N teams, each team_of the next; every tenth a partner of its own project.
Dataset teamChain(std::size_t n) {
    Builder b;
    std::size_t previous = b.add("org:t0", EntityKind::Organisation);
    for (std::size_t i = 1; i < n; ++i) {
        const std::size_t team = b.add("org:t" + std::to_string(i), EntityKind::Organisation);
        b.relate(previous, "team_of", team);
        if (i % 10 == 0) b.relate(previous, "partner", b.add("project:p" + std::to_string(i), EntityKind::Project));
        previous = team;
    }
    return b.done();
}

// P projects share the same M members (P × M membership relations).
Dataset sharedMembers(std::size_t projects, std::size_t members) {
    Builder b;
    std::vector<std::size_t> orgs;
    for (std::size_t m = 0; m < members; ++m) orgs.push_back(b.add("org:m" + std::to_string(m), EntityKind::Organisation));
    for (std::size_t p = 0; p < projects; ++p) {
        const std::size_t project = b.add("project:p" + std::to_string(p), EntityKind::Project);
        for (std::size_t org : orgs) b.relate(org, "partner", project);
    }
    return b.done();
}

double millisecondsOf(const std::function<void()>& work) {
    const auto start = std::chrono::steady_clock::now();
    work();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

void row(const char* shape, std::size_t entities, std::size_t relations, const char* step, double ms) {
    std::printf("%-34s %8zu %9zu  %-34s %10.1f\n", shape, entities, relations, step, ms);
}

void measure(const char* shape, Dataset dataset) {
    const std::size_t entities = dataset.entities.size();
    const std::size_t relations = dataset.relations.size();
    row(shape, entities, relations, "buildIndex (memberships)", millisecondsOf([&] { dataset.buildIndex(); }));
    explorer::Filters none;
    row(shape, entities, relations, "applyFilters (none)", millisecondsOf([&] { (void)explorer::applyFilters(dataset, none); }));
    explorer::Filters axes;
    axes.axes = {"models"};
    row(shape, entities, relations, "applyFilters (axis)", millisecondsOf([&] { (void)explorer::applyFilters(dataset, axes); }));
    explorer::Filters multi;
    multi.multiProjectOnly = true;
    row(shape, entities, relations, "applyFilters (multi-project)", millisecondsOf([&] { (void)explorer::applyFilters(dataset, multi); }));
    explorer::Filters roles;
    roles.roles = {"partner", "develops", "team_of"};
    row(shape, entities, relations, "applyFilters (roles)", millisecondsOf([&] { (void)explorer::applyFilters(dataset, roles); }));
    row(shape, entities, relations, "organisationsInSeveralProjects",
        millisecondsOf([&] { (void)explorer::organisationsInSeveralProjects(dataset); }));
    row(shape, entities, relations, "describeEntity (the busiest)", millisecondsOf([&] {
            std::size_t busiest = 0;
            for (std::size_t e = 0; e < entities; ++e) {
                if (dataset.relationsOf(e).size() > dataset.relationsOf(busiest).size()) busiest = e;
            }
            (void)explorer::describeEntity(dataset, busiest);
        }));
    row(shape, entities, relations, "search (\"o1\")", millisecondsOf([&] { (void)explorer::search(dataset, "o1", explorer::Lang::En, 12); }));
}

} // namespace

int main(int argc, char** argv) {
    const bool quick = argc > 1 && std::string_view(argv[1]) == "--quick";
    const std::size_t n = quick ? 2'000 : 9'999; // 9,999 × 2 + 1 entities: within 20,000
    std::printf("%-34s %8s %9s  %-34s %10s\n", "shape", "entities", "relations", "step", "ms");
    measure("shared foundation (reproducer)", sharedFoundation(n));
    measure("chain of teams (reproducer)", teamChain(quick ? 4'000 : 18'000)); // + a project every tenth team
    measure("projects sharing every member", sharedMembers(quick ? 100 : 316, quick ? 100 : 316)); // ≈ 100,000 relations
    return 0;
}
