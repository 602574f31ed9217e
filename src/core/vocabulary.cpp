#include "vocabulary.hpp"

#include <algorithm>
#include <array>

namespace explorer {

namespace {

constexpr std::array kBuiltinTypes = {
    BuiltinType{"company", {"Entreprise", "Company"}, {"Entreprises", "Companies"}, OrgStyle::Private},
    BuiltinType{"startup", {"Start-up", "Start-up"}, {"Start-up", "Start-ups"}, OrgStyle::Private},
    BuiltinType{"investor", {"Investisseur", "Investor"}, {"Investisseurs", "Investors"}, OrgStyle::Private},
    BuiltinType{"university",
                {"Université ou école", "University or school"},
                {"Universités et écoles", "Universities and schools"}, OrgStyle::Public},
    BuiltinType{"public_research",
                {"Organisme public de recherche", "Public research body"},
                {"Organismes publics de recherche", "Public research bodies"}, OrgStyle::Public},
    BuiltinType{"research_team",
                {"Équipe de recherche", "Research team"},
                {"Équipes de recherche", "Research teams"}, OrgStyle::Public},
    BuiltinType{"public_institution",
                {"Institution publique", "Public institution"},
                {"Institutions publiques", "Public institutions"}, OrgStyle::Public},
    BuiltinType{"nonprofit",
                {"Association ou fondation", "Non-profit"},
                {"Associations et fondations", "Non-profits"}, OrgStyle::Civil},
    BuiltinType{"community", {"Communauté", "Community"}, {"Communautés", "Communities"}, OrgStyle::Civil},
    BuiltinType{"intergovernmental",
                {"Organisation intergouvernementale", "Intergovernmental organisation"},
                {"Organisations intergouvernementales", "Intergovernmental organisations"}, OrgStyle::Public},
    BuiltinType{"ministry", {"Ministère", "Ministry"}, {"Ministères", "Ministries"}, OrgStyle::Public},
};

// The order is the order of every list of roles (cards, matrix marks, legends, filters). Traits:
// RoleTraits in vocabulary.hpp. Glyph shapes differ role by role so the matrix reads without
// colour; colours reach 3:1 on the light and on the dark background.
constexpr std::array kBuiltinRoles = {
    BuiltinRole{"lead",
                {"Chef de file", "Lead"},
                {"est chef de file de", "leads"},
                {"a pour chef de file", "is led by"},
                RoleTraits{.membership = true, .contributes = true, .edge = EdgeStyle::Lead, .glyph = RoleGlyph::Star, .light = 0xB45309, .dark = 0xFBBF4C},
                "leader|project lead|porteur|porteuse|porteur du projet|coordinator|coordinateur|coordinatrice"},
    BuiltinRole{"founding_member",
                {"Membre fondateur", "Founding member"},
                {"est membre fondateur de", "is a founding member of"},
                {"a pour membre fondateur", "has as a founding member"},
                RoleTraits{.membership = true, .contributes = true, .edge = EdgeStyle::Member, .glyph = RoleGlyph::TriangleUp, .light = 0x7A3E9D, .dark = 0xC39BE0},
                "membre fondatrice|founder|fondateur|fondatrice"},
    BuiltinRole{"partner",
                {"Partenaire", "Partner"},
                {"est partenaire de", "is a partner of"},
                {"a pour partenaire", "has as a partner"},
                RoleTraits{.membership = true, .contributes = true, .edge = EdgeStyle::Member, .glyph = RoleGlyph::Circle, .light = 0x0B5CAD, .dark = 0x6CB2FF},
                "member|membre|consortium member|membre du consortium"},
    BuiltinRole{"public_partner",
                {"Partenaire public", "Public partner"},
                {"est partenaire public de", "is a public partner of"},
                {"a pour partenaire public", "has as a public partner"},
                RoleTraits{.membership = true, .contributes = true, .edge = EdgeStyle::Member, .glyph = RoleGlyph::Square, .light = 0x0F7B6C, .dark = 0x4CC9B0}},
    BuiltinRole{"private_partner",
                {"Partenaire privé ou industriel", "Private or industrial partner"},
                {"est partenaire privé ou industriel de", "is a private or industrial partner of"},
                {"a pour partenaire privé ou industriel", "has as a private or industrial partner"},
                RoleTraits{.membership = true, .contributes = true, .edge = EdgeStyle::Member, .glyph = RoleGlyph::Diamond, .light = 0xA3316F, .dark = 0xF08CC0},
                "partenaire prive|industrial partner|partenaire industriel"},
    BuiltinRole{"joint_research_team",
                {"Équipe de recherche commune", "Joint research team"},
                {"forme une équipe de recherche commune avec", "forms a joint research team with"},
                {"forme une équipe de recherche commune avec", "forms a joint research team with"},
                RoleTraits{.membership = true, .contributes = true, .edge = EdgeStyle::Member, .glyph = RoleGlyph::Hexagon, .light = 0x2F7D32, .dark = 0x7BD88F}},
    BuiltinRole{"supporter",
                {"Soutien", "Supporter"},
                {"soutient", "supports"},
                {"est soutenu par", "is supported by"},
                RoleTraits{.membership = true, .contributes = true, .edge = EdgeStyle::Support, .glyph = RoleGlyph::TriangleDown, .light = 0x4F46C8, .dark = 0xA5A8FF},
                "soutient"},
    BuiltinRole{"scientific_council",
                {"Conseil scientifique", "Scientific council"},
                {"siège au conseil scientifique de", "sits on the scientific council of"},
                {"compte dans son conseil scientifique", "has on its scientific council"},
                RoleTraits{.membership = true, .contributes = true, .edge = EdgeStyle::Support, .glyph = RoleGlyph::Pentagon, .light = 0x6B5A22, .dark = 0xD8C48A},
                "scientific board"},
    BuiltinRole{"beneficiary",
                {"Bénéficiaire", "Beneficiary"},
                {"fait partie des utilisateurs visés par", "is an intended user of"},
                {"vise notamment comme utilisateur", "is meant to be used by"},
                RoleTraits{.membership = true, .edge = EdgeStyle::Member, .glyph = RoleGlyph::Plus, .light = 0xA13A12, .dark = 0xF4A383},
                "beneficiaire"},
    BuiltinRole{"investor",
                {"Investisseur", "Investor"},
                {"investit dans", "invests in"},
                {"compte parmi ses investisseurs", "is backed by"},
                RoleTraits{.edge = EdgeStyle::Member},
                "investisseuse"},
    BuiltinRole{"team_of",
                {"Équipe de", "Team of"},
                {"est une équipe de", "is a team of"},
                {"compte parmi ses équipes", "has as one of its teams"},
                RoleTraits{.unit = true, .edge = EdgeStyle::PartOf}},
    BuiltinRole{"programme_of",
                {"Programme de", "Programme of"},
                {"est un programme ou un projet de", "is a programme or project of"},
                {"porte le programme", "runs the programme"},
                RoleTraits{.unit = true, .edge = EdgeStyle::PartOf},
                "program of"},
    BuiltinRole{"develops",
                {"Développe", "Develops"},
                {"développe", "develops"},
                {"est développé par", "is developed by"},
                RoleTraits{.contributes = true, .projectFoundation = true, .extendsFoundation = true, .edge = EdgeStyle::Lineage, .glyph = RoleGlyph::TriangleRight, .light = 0x3F6212, .dark = 0xB5D67A},
                "developpe|developer|developpeur"},
    BuiltinRole{"builds_on",
                {"S’appuie sur", "Builds on"},
                {"s’appuie sur", "builds on"},
                {"sert d’appui à", "is built upon by"},
                RoleTraits{.projectFoundation = true, .extendsFoundation = true, .edge = EdgeStyle::Lineage, .glyph = RoleGlyph::Bar, .light = 0x475569, .dark = 0xB8C2D0}},
    BuiltinRole{"based_on",
                {"Fondé sur", "Based on"},
                {"est construit sur", "is built on"},
                {"sert de base à", "is the base of"},
                RoleTraits{.extendsFoundation = true, .edge = EdgeStyle::Lineage},
                "base sur"},
    BuiltinRole{"trained_on",
                {"Entraîné sur", "Trained on"},
                {"a été entraîné sur", "was trained on"},
                {"a servi à entraîner", "was used to train"},
                RoleTraits{.edge = EdgeStyle::Lineage}},
    BuiltinRole{"part_of",
                {"Fait partie de", "Part of"},
                {"fait partie de", "is part of"},
                {"comprend", "includes"},
                RoleTraits{.projectFoundation = true, .extendsFoundation = true, .part = true, .edge = EdgeStyle::PartOf}},
};

constexpr std::array<KindTraits, kEntityKindCount> kKinds = {
    KindTraits{{"Projet", "Project"}, {"Projets", "Projects"}, "square", "project|projet"},
    KindTraits{{"Organisation", "Organisation"}, {"Organisations", "Organisations"}, "circle", "organisation|organization|org|organisme"},
    KindTraits{{"Modèle", "Model"}, {"Modèles", "Models"}, "diamond", "model|modele"},
    KindTraits{{"Initiative", "Initiative"}, {"Initiatives", "Initiatives"}, "hexagon", "initiative"},
};

Term toTerm(std::string_view id, const BilingualText& label) {
    return Term{std::string(id), LocalText{std::string(label.fr), std::string(label.en)}};
}

std::string declaredLabel(const Dataset& dataset, std::string_view roleId, Lang lang) {
    if (const Term* term = dataset.findTerm(dataset.roles, roleId)) return term->label.get(lang);
    return std::string(roleId);
}

} // namespace

OrgStyle orgStyleOf(std::string_view organisationType) {
    const BuiltinType* type = findBuiltinType(organisationType);
    return type ? type->style : OrgStyle::Civil;
}

const KindTraits& kindTraits(EntityKind kind) { return kKinds[static_cast<std::size_t>(kind)]; }

std::span<const BuiltinType> builtinTypes() { return kBuiltinTypes; }
std::span<const BuiltinRole> builtinRoles() { return kBuiltinRoles; }

const BuiltinType* findBuiltinType(std::string_view id) {
    const auto found = std::find_if(kBuiltinTypes.begin(), kBuiltinTypes.end(),
                                    [id](const BuiltinType& type) { return type.id == id; });
    return found == kBuiltinTypes.end() ? nullptr : &*found;
}

const BuiltinRole* findBuiltinRole(std::string_view id) {
    const auto found = std::find_if(kBuiltinRoles.begin(), kBuiltinRoles.end(),
                                    [id](const BuiltinRole& role) { return role.id == id; });
    return found == kBuiltinRoles.end() ? nullptr : &*found;
}

const RoleTraits& roleTraits(std::string_view roleId) {
    if (const BuiltinRole* role = findBuiltinRole(roleId)) return role->traits;
    return kDeclaredRoleTraits;
}

std::size_t roleRank(const Dataset& dataset, std::string_view roleId) {
    for (std::size_t i = 0; i < kBuiltinRoles.size(); ++i) {
        if (kBuiltinRoles[i].id == roleId) return i;
    }
    // dataset.roles holds the built-ins first, then the declared roles in their order.
    for (std::size_t i = 0; i < dataset.roles.size(); ++i) {
        if (dataset.roles[i].id == roleId) return i < kBuiltinRoles.size() ? kBuiltinRoles.size() + i : i;
    }
    return kBuiltinRoles.size() + dataset.roles.size();
}

std::vector<Term> builtinTypeTerms() {
    std::vector<Term> terms;
    terms.reserve(kBuiltinTypes.size());
    for (const BuiltinType& type : kBuiltinTypes) terms.push_back(toTerm(type.id, type.label));
    return terms;
}

std::vector<Term> builtinRoleTerms() {
    std::vector<Term> terms;
    terms.reserve(kBuiltinRoles.size());
    for (const BuiltinRole& role : kBuiltinRoles) terms.push_back(toTerm(role.id, role.label));
    return terms;
}

std::string roleReading(const Dataset& dataset, std::string_view roleId, Lang lang) {
    if (const BuiltinRole* role = findBuiltinRole(roleId)) return std::string(role->reads.get(lang));
    return declaredLabel(dataset, roleId, lang);
}

std::string roleReadingFromTarget(const Dataset& dataset, std::string_view roleId, Lang lang) {
    if (const BuiltinRole* role = findBuiltinRole(roleId)) return std::string(role->readBy.get(lang));
    return declaredLabel(dataset, roleId, lang);
}

} // namespace explorer

namespace explorer {

std::string relationSentence(const Dataset& dataset, std::size_t relation, Lang lang) {
    const Relation& r = dataset.relations[relation];
    const std::string& source = dataset.entities[r.source].name;
    const std::string& target = dataset.entities[r.target].name;
    if (findBuiltinRole(r.role)) return source + " " + roleReading(dataset, r.role, lang) + " " + target;
    // A declared role has a label, not a verb: "CEA — Co-author (through its researchers) — Lucie-7B".
    return source + " — " + roleReading(dataset, r.role, lang) + " — " + target;
}

std::optional<std::size_t> connectionVia(const Dataset& dataset, std::size_t entity, const Dataset::Connection& connection) {
    std::size_t current = entity;
    for (std::size_t r : connection.path) {
        const Relation& relation = dataset.relations[r];
        const std::size_t other = relation.source == current ? relation.target : relation.source;
        if (dataset.traitsOf(r).unit && relation.target == current) {
            current = other; // down to the unit that holds the next link
            continue;
        }
        if (other == connection.project) break;
        return other;
    }
    if (current != entity) return current;
    return std::nullopt;
}

std::string connectionChain(const Dataset& dataset, const Dataset::Connection& connection, Lang lang) {
    std::string chain;
    for (std::size_t r : connection.path) {
        if (!chain.empty()) chain += lang == Lang::Fr ? "\u00A0; " : "; ";
        chain += relationSentence(dataset, r, lang);
    }
    return chain;
}

} // namespace explorer
