// The data model of the explorer: entities (projects, organisations, models, initiatives),
// the relations between any two of them, and the sources every fact comes from.
//
// A Dataset is immutable once loaded (see dataset_loader.hpp): the UI reads it, never edits it.
// Ids are stable strings chosen by the dataset ("org:inria"); inside the program an entity or a
// relation is named by its index in the vectors below, which never change after loading.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace explorer {

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
    std::string date;  // ISO 8601, as precise as the source is: "2024-06" or "2024-05-24"
    std::string url;
    std::string layer; // "article" | "external"
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

    // How an entity takes part in a project, strongest first.
    //  - Direct: a relation, in either direction, between the two ("LINAGORA lead OpenLLM-France",
    //    "OpenLLM-France builds_on the OpenLLM-France community").
    //  - ThroughUnit: one of its teams or programmes takes part (`team_of` / `programme_of`,
    //    transitively): "ALMAnaCH team_of Inria" puts Inria in Scribe.
    //  - ThroughFoundation: it is, or contributes to, something the project is built on. A
    //    project's foundations are what it is `part_of` or `builds_on`, what those `develop`,
    //    the models these are `based_on` (and their variants, `part_of` them), and what the
    //    project itself `develops`; contributors are whoever develops, founds, leads, partners,
    //    supports or sits on the council of a foundation. "Mistral AI develops Mistral 7B", which
    //    a variant of Claire is based on, puts Mistral AI in OpenLLM-France; "Sciences Po
    //    founding_member Communs démocratiques", which AI for Democracy is part of, puts Sciences
    //    Po in AI for Democracy. Consumers (`trained_on`, `investor`) are not contributors.
    enum class Participation { None, ThroughFoundation, ThroughUnit, Direct };
    Participation participation(std::size_t entity, std::size_t project) const;

    // For an entity taking part ThroughFoundation: the relations that link it to the project,
    // from the entity's own relation to the foundation, down the chain to the project ("Mistral AI
    // develops Mistral 7B", "Claire (Mistral 7B) based_on Mistral 7B", … "OpenLLM-France builds_on
    // the community"). Empty when the entity takes part otherwise, or not at all. The shortest
    // chain is returned; ties go to the lower relation indices, so the answer is stable.
    std::vector<std::size_t> foundationPath(std::size_t entity, std::size_t project) const;

    // Projects an entity takes part in (participation above is not None). Sorted, without
    // repeats. Empty for a project: projects are what is counted, not what takes part.
    std::vector<std::size_t> projectsOf(std::size_t entity) const;

    // Builds the lookup tables; the loader calls it once. Safe to call again after edits.
    void buildIndex();

private:
    void computeParticipation();

    std::unordered_map<std::string, std::size_t> entityIndex_;
    std::unordered_map<std::string, std::size_t> sourceIndex_;
    std::vector<std::vector<std::size_t>> relationsByEntity_;
    // participation_[entity] = (project, how), sorted by project; filled by buildIndex.
    std::vector<std::vector<std::pair<std::size_t, Participation>>> participation_;
};

std::string_view toString(EntityKind kind);
std::optional<EntityKind> entityKindFromString(std::string_view text);

} // namespace explorer
