// The data model of the explorer: entities (projects, organisations, models, initiatives),
// the relations between any two of them, and the sources every fact comes from.
//
// A Dataset is immutable once loaded (see dataset_loader.hpp): the UI reads it, never edits it.
// Ids are stable strings chosen by the dataset ("org:inria"); inside the program an entity or a
// relation is named by its index in the vectors below, which never change after loading.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace explorer {

struct RoleTraits; // vocabulary.hpp

enum class Lang { Fr, En };

// A text written in both languages. Datasets must give both; `get` falls back to the other
// language only for datasets produced by importers that know a single language.
struct LocalText {
    std::string fr;
    std::string en;
    const std::string& get(Lang lang) const {
        const std::string& wanted = lang == Lang::Fr ? fr : en;
        return wanted.empty() ? (lang == Lang::Fr ? en : fr) : wanted;
    }
    bool empty() const { return fr.empty() && en.empty(); }
};

enum class EntityKind { Project, Organisation, Model, Initiative };
inline constexpr std::size_t kEntityKindCount = 4;

// Where a fact comes from. `layer` tells the reader whether it is the article the explorer is
// built from ("article") or another public source that adds to it ("external").
struct Source {
    std::string id;
    std::string outlet;
    std::string title;
    std::string date;  // as precise as the source is: "2024-06", "2024-05-24", "2024~" (dates.hpp)
    std::string url;
    std::string layer; // "article" | "external"
    bool titleIsDescription = false; // `title` is our description of an untitled document, shown in [ ]
};

// A dated, sourced statement about an entity, beyond its description. Facts that share a
// non-empty `conflict` key on the same entity are claims that disagree (e.g. two amounts for
// one funding round): the UI shows them side by side, never picks one.
struct Fact {
    LocalText text;
    std::vector<std::size_t> sources; // indices into Dataset::sources
    std::string conflict;
};

// A controlled vocabulary entry: axes of the call, sectors, organisation types, roles.
struct Term {
    std::string id;
    LocalText label;
};

struct Entity {
    std::string id;
    EntityKind kind = EntityKind::Organisation;
    std::string name;
    std::vector<std::string> aliases;
    std::string type;    // organisation type id (vocabulary: types); empty for other kinds
    std::string country; // ISO 3166-1 alpha-2, or empty when none applies
    LocalText description;
    std::string url;
    // Projects only
    std::vector<std::string> axes;    // ids of the call's axes
    std::vector<std::string> sectors; // sector ids
    std::optional<int> durationMonths;
    LocalText size;
    // Models only
    std::vector<std::string> licences;
    std::vector<Fact> facts;
    std::vector<std::size_t> sources;
    // Where the network draws it, in layout units (graph_layout.hpp), when the dataset carries
    // a finished layout (`explorer-data layout`): finite, at most kMaxPositionCoordinate in size.
    std::optional<std::array<float, 2>> position;
};

// A directed link: "source <role> target", e.g. LINAGORA lead OpenLLM-France,
// ALMAnaCH team_of Inria, Claire based_on Mistral 7B.
struct Relation {
    std::size_t source = 0; // entity index
    std::size_t target = 0; // entity index
    std::string role;       // role id (vocabulary: roles)
    LocalText note;
    std::vector<std::size_t> sources;
    std::string conflict;   // non-empty when sources disagree about this relation
};

// The call for projects the laureates answered (optional for other datasets).
struct Call {
    LocalText name;
    std::string launchedBy; // entity id, may be empty
    std::string launched;   // date
    std::string announced;  // date
    LocalText announcement;
    std::vector<std::size_t> sources;
};

struct Dataset {
    LocalText title;
    std::optional<Call> call;
    std::vector<Term> axes;
    std::vector<Term> sectors;
    std::vector<Term> types;
    std::vector<Term> roles;
    std::vector<Source> sources;
    std::vector<Entity> entities;
    std::vector<Relation> relations;

    std::optional<std::size_t> findEntity(std::string_view id) const;
    std::optional<std::size_t> findSource(std::string_view id) const;
    const Term* findTerm(const std::vector<Term>& terms, std::string_view id) const;

    std::size_t count(EntityKind kind) const;

    // Relations touching an entity, as either end (indices into `relations`).
    const std::vector<std::size_t>& relationsOf(std::size_t entity) const;

    // The traits of a relation's role (vocabulary.hpp), looked up once by buildIndex.
    const RoleTraits& traitsOf(std::size_t relation) const;

    // ---- Participation (participation.cpp): who is a MEMBER of a project, who is only CONNECTED.
    //
    // Member: the entity holds a role of the project itself (RoleTraits::membership: lead, founding
    // member, partners, joint research team, supporter, scientific council, beneficiary), directly
    // or through one of its teams or programmes (`team_of` / `programme_of`, transitively): ALMAnaCH
    // team_of Inria and ALMAnaCH partner Scribe make Inria a member of Scribe through ALMAnaCH.
    // Connected: reached only through what the project builds on, uses or was trained on. A
    // project's foundations are what it `part_of`s, `builds_on` or `develops`
    // (RoleTraits::projectFoundation), then what those develop, are based on, are part of or build
    // on (RoleTraits::extendsFoundation), and the variants (`part_of`) of a model among them. An
    // entity is connected when it is a foundation, contributes to one (RoleTraits::contributes:
    // Mistral AI develops Mistral 7B, which a variant of Claire is based on), holds any other
    // relation with the project (an investor), or when one of its units is connected (Inria,
    // through its programme Software Heritage, which CC-SWH builds on). Being a member wins.
    // "In two or more projects" counts members only; connections are explained, never counted.
    enum class Membership { None, ThroughUnit, Direct };

    // Cost: O(log k) for an entity in k projects.
    Membership membership(std::size_t entity, std::size_t project) const;

    // The projects an entity is a member of, sorted, without repeats (empty for a project).
    // Complete unless memberProjectsCapped(entity): memberships through units stop being added at
    // kMaxProjectsThroughUnits per entity, which keeps memory linear whatever units nest in.
    const std::vector<std::size_t>& memberProjects(std::size_t entity) const;
    bool memberProjectsCapped(std::size_t entity) const;
    static constexpr std::size_t kMaxProjectsThroughUnits = 64;

    // For a member through a unit: the relations from the unit that holds the project role up to
    // the entity ("ALMAnaCH partner Scribe", "ALMAnaCH team_of Inria"). Empty otherwise.
    std::vector<std::size_t> unitPath(std::size_t entity, std::size_t project) const;

    // The projects an entity is connected to and not a member of, each with the shortest chain of
    // relations that connects them, from the entity's side to the project's ("Mistral AI develops
    // Mistral 7B", "Claire (Mistral 7B) based_on Mistral 7B", "Claire (Mistral 7B) part_of Claire",
    // "community develops Claire", "OpenLLM-France builds_on community"); ties go to the lower
    // relation indices. Sorted by project. Computed on demand: O(entities + relations).
    struct Connection {
        std::size_t project = 0;
        std::vector<std::size_t> path; // relation indices, entity side first
    };
    std::vector<Connection> connectionsOf(std::size_t entity) const;

    // Builds the lookup tables; the loader calls it once. Safe to call again after edits.
    void buildIndex();
    // buildIndex a piece at a time, for a load that must not hold the page (dataset_load_job.hpp):
    // each call indexes up to `items` entities, sources or relations and returns true while there
    // is more to do; the memberships (participation.cpp) are computed whole, in a call of their
    // own. The first call starts over; buildIndex is this run to its end. The dataset must not
    // change between calls.
    bool buildIndexStep(std::size_t items);
    // Share of the index built by buildIndexStep, 0 to 1.
    double indexProgress() const;

private:
    void computeMemberships();

    // Where buildIndexStep is: Done between builds.
    enum class IndexStage { Done, Entities, Sources, Relations, Memberships };
    IndexStage indexStage_ = IndexStage::Done;
    std::size_t indexNext_ = 0;

    std::unordered_map<std::string, std::size_t> entityIndex_;
    std::unordered_map<std::string, std::size_t> sourceIndex_;
    std::vector<std::vector<std::size_t>> relationsByEntity_;
    std::vector<const RoleTraits*> relationTraits_;
    // Filled by buildIndex: per entity, its member projects (sorted) and, in parallel, how.
    std::vector<std::vector<std::size_t>> memberProjects_;
    std::vector<std::vector<Membership>> memberHow_;
    std::vector<bool> memberCapped_;
};

std::string_view toString(EntityKind kind);
std::optional<EntityKind> entityKindFromString(std::string_view text);

} // namespace explorer
