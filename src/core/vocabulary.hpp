// The vocabulary every dataset gets without declaring it: the organisation types and relation
// roles listed in data/README.md, each labelled in French and English.
//
// A loaded Dataset's `types` and `roles` are these built-ins first, in the order below, then the
// terms the file declares in `vocabulary.types` / `vocabulary.roles` (which may not reuse a
// built-in id). Axes and sectors have no built-ins: they belong to each call for projects.
//
// Roles also carry two verb phrases, for sentences in the details panel. A relation reads
// "source ROLE target": `reads` is said from the source ("LINAGORA leads OpenLLM-France"),
// `readBy` from the target ("OpenLLM-France is led by LINAGORA").
#pragma once

#include "model.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace explorer {

// A pair of compile-time strings; the owning counterpart is LocalText.
struct BilingualText {
    std::string_view fr;
    std::string_view en;
    std::string_view get(Lang lang) const { return lang == Lang::Fr ? fr : en; }
};

// How an organisation of a type is drawn in the network: public bodies solid, companies and
// investors hollow, non-profits, communities and types a dataset declares hollow with a centre dot.
enum class OrgStyle { Public, Private, Civil };

struct BuiltinType {
    std::string_view id;
    BilingualText label;  // singular, capitalised, for legends and filters: "Entreprise"
    BilingualText plural; // for group headings and counts: "Entreprises"
    OrgStyle style = OrgStyle::Civil;
};

// The style of any type id: a built-in type's own, Civil for any other.
OrgStyle orgStyleOf(std::string_view organisationType);

// How the network draws a relation of a role.
enum class EdgeStyle {
    Lead,    // thick: the lead of a project
    Member,  // solid: partners, founders, beneficiaries, roles a dataset declares
    Support, // dashed: supporters and scientific councils
    Lineage, // dotted: what something is built on, trained on or developed by (connections)
    PartOf,  // thin: a team, programme or part of something bigger
};

// The matrix glyph of a role; None: a small dot in the muted colour (the legend still names it).
enum class RoleGlyph { None, Star, TriangleUp, Circle, Square, Diamond, Hexagon, TriangleDown, Pentagon, Plus, TriangleRight, Bar };

// What a role means to every rule and every view. This table (kBuiltinRoles in vocabulary.cpp) is
// the one place to change when a role is added: participation (participation.cpp), the filters, the
// matrix, the cards, the network and its SVG, the CLI and the page read these flags, never role ids.
struct RoleTraits {
    // Held towards a project, the role makes its holder a MEMBER of the project: a role of the
    // project itself (lead, founding member, partners, joint research team, supporter, scientific
    // council, beneficiary). Anything else between an entity and a project only CONNECTS them.
    bool membership = false;
    // "source ROLE target" makes the source a team or programme of the target: whatever the unit is
    // a member of (or connected to), the target is too, through it (ALMAnaCH team_of Inria).
    bool unit = false;
    // The source helps make the target (develops, founds, leads, partners…), as opposed to using it
    // (trained_on, investor): a contributor to what a project builds on is connected to the project.
    bool contributes = false;
    // "project ROLE x" makes x something the project builds on (part_of, builds_on, develops).
    bool projectFoundation = false;
    // "f ROLE x", f being something a project builds on, makes x one too (develops, based_on,
    // part_of, builds_on).
    bool extendsFoundation = false;
    // "x ROLE m": x is a part or variant of m; when m is a model a project builds on, so is x
    // (Claire (Mistral 7B) part_of Claire).
    bool part = false;
    EdgeStyle edge = EdgeStyle::Member;
    RoleGlyph glyph = RoleGlyph::None;
    // Glyph colours on the light and the dark background (0xRRGGBB), 3:1 against each.
    std::uint32_t light = 0x6B7280;
    std::uint32_t dark = 0x9CA3AF;
};

struct BuiltinRole {
    std::string_view id;
    BilingualText label;  // capitalised noun phrase for legends and filters: "Chef de file"
    BilingualText reads;  // verb phrase from the source: "est chef de file de" / "leads"
    BilingualText readBy; // verb phrase from the target: "a pour chef de file" / "is led by"
    RoleTraits traits;
    // Other words a spreadsheet may use for the role, separated by "|", written without accents
    // (the CSV importer folds case, accents and punctuation before it compares): "porteur|leader".
    // The id (underscores as spaces) and both labels are understood anyway.
    std::string_view synonyms = {};
};

// What an entity kind looks like everywhere (legends, labels, the network's shapes, the PNG and
// SVG exports, the page): the one table to extend with a kind.
struct KindTraits {
    BilingualText label;    // "Projet" / "Project"
    BilingualText plural;   // "Projets" / "Projects"
    std::string_view shape; // "square", "circle", "diamond", "hexagon"
    // Words a spreadsheet's type column may use for the kind, separated by "|", without accents.
    std::string_view synonyms = {};
};
const KindTraits& kindTraits(EntityKind kind);

std::span<const BuiltinType> builtinTypes();
std::span<const BuiltinRole> builtinRoles();

// nullptr when the id is not built in (it may still be declared by the dataset).
const BuiltinType* findBuiltinType(std::string_view id);
const BuiltinRole* findBuiltinRole(std::string_view id);

// The traits of any role id: a built-in role's own, or those of a role a dataset declares (or a CSV
// brings as free text): a member of the project it points at, a contributor to what it points at,
// drawn solid, with the default glyph.
const RoleTraits& roleTraits(std::string_view roleId);
inline constexpr RoleTraits kDeclaredRoleTraits{.membership = true, .contributes = true};

// The role that names a project's lead (drawn thick, first on cards, the "Lead" column).
inline bool isLeadRole(std::string_view roleId) { return roleTraits(roleId).edge == EdgeStyle::Lead; }

// Where a role comes in every ordered list (project cards, matrix marks, role columns, legends):
// built-in roles in the order of builtinRoles(), then the roles a dataset declares, in its order,
// then unknown ids.
std::size_t roleRank(const Dataset& dataset, std::string_view roleId);

// The built-ins as Terms, in the order above, ready to be completed by a dataset's own terms.
std::vector<Term> builtinTypeTerms();
std::vector<Term> builtinRoleTerms();

// How a relation of this role reads, from its source or from its target, in `lang`. Built-in
// roles use their phrases; a role the dataset declares has no phrase, so its label stands in,
// as written. An id that is neither comes back as is.
std::string roleReading(const Dataset& dataset, std::string_view roleId, Lang lang);
std::string roleReadingFromTarget(const Dataset& dataset, std::string_view roleId, Lang lang);

} // namespace explorer

namespace explorer {

// "Mistral AI develops Mistral 7B" / "Mistral AI développe Mistral 7B": a relation read from its source.
std::string relationSentence(const Dataset& dataset, std::size_t relation, Lang lang);

// What an entity is connected to a project through: the first entity of the chain that is neither
// the entity nor one of its units (Mistral 7B for Mistral AI and OpenLLM-France), or the unit whose
// relation reaches the project (Software Heritage for Inria and CC-SWH); nullopt when the entity
// holds the relation with the project itself (an investor).
std::optional<std::size_t> connectionVia(const Dataset& dataset, std::size_t entity, const Dataset::Connection& connection);

// The chain of a connection as sentences joined by " ; " (fr) or "; " (en), from the entity's side:
// "Mistral AI develops Mistral 7B; Claire (Mistral 7B) is built on Mistral 7B; …".
std::string connectionChain(const Dataset& dataset, const Dataset::Connection& connection, Lang lang);

} // namespace explorer
