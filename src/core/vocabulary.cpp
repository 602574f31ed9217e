#include "vocabulary.hpp"

#include <algorithm>
#include <array>

namespace explorer {

namespace {

constexpr std::array kBuiltinTypes = {
    BuiltinType{"company", {"Entreprise", "Company"}, {"Entreprises", "Companies"}},
    BuiltinType{"startup", {"Start-up", "Start-up"}, {"Start-up", "Start-ups"}},
    BuiltinType{"investor", {"Investisseur", "Investor"}, {"Investisseurs", "Investors"}},
    BuiltinType{"university",
                {"Université ou école", "University or school"},
                {"Universités et écoles", "Universities and schools"}},
    BuiltinType{"public_research",
                {"Organisme public de recherche", "Public research body"},
                {"Organismes publics de recherche", "Public research bodies"}},
    BuiltinType{"research_team",
                {"Équipe de recherche", "Research team"},
                {"Équipes de recherche", "Research teams"}},
    BuiltinType{"public_institution",
                {"Institution publique", "Public institution"},
                {"Institutions publiques", "Public institutions"}},
    BuiltinType{"nonprofit",
                {"Association ou fondation", "Non-profit"},
                {"Associations et fondations", "Non-profits"}},
    BuiltinType{"community", {"Communauté", "Community"}, {"Communautés", "Communities"}},
    BuiltinType{"intergovernmental",
                {"Organisation intergouvernementale", "Intergovernmental organisation"},
                {"Organisations intergouvernementales", "Intergovernmental organisations"}},
    BuiltinType{"ministry", {"Ministère", "Ministry"}, {"Ministères", "Ministries"}},
};

constexpr std::array kBuiltinRoles = {
    BuiltinRole{"lead",
                {"Chef de file", "Lead"},
                {"est chef de file de", "leads"},
                {"a pour chef de file", "is led by"}},
    BuiltinRole{"founding_member",
                {"Membre fondateur", "Founding member"},
                {"est membre fondateur de", "is a founding member of"},
                {"a pour membre fondateur", "has as a founding member"}},
    BuiltinRole{"partner",
                {"Partenaire", "Partner"},
                {"est partenaire de", "is a partner of"},
                {"a pour partenaire", "has as a partner"}},
    BuiltinRole{"public_partner",
                {"Partenaire public", "Public partner"},
                {"est partenaire public de", "is a public partner of"},
                {"a pour partenaire public", "has as a public partner"}},
    BuiltinRole{"private_partner",
                {"Partenaire privé ou industriel", "Private or industrial partner"},
                {"est partenaire privé ou industriel de", "is a private or industrial partner of"},
                {"a pour partenaire privé ou industriel", "has as a private or industrial partner"}},
    BuiltinRole{"supporter",
                {"Soutien", "Supporter"},
                {"soutient", "supports"},
                {"est soutenu par", "is supported by"}},
    BuiltinRole{"scientific_council",
                {"Conseil scientifique", "Scientific council"},
                {"siège au conseil scientifique de", "sits on the scientific council of"},
                {"compte dans son conseil scientifique", "has on its scientific council"}},
    BuiltinRole{"joint_research_team",
                {"Équipe de recherche commune", "Joint research team"},
                {"forme une équipe de recherche commune avec", "forms a joint research team with"},
                {"forme une équipe de recherche commune avec", "forms a joint research team with"}},
    BuiltinRole{"beneficiary",
                {"Bénéficiaire", "Beneficiary"},
                {"fait partie des utilisateurs visés par", "is an intended user of"},
                {"vise notamment comme utilisateur", "is meant to be used by"}},
    BuiltinRole{"investor",
                {"Investisseur", "Investor"},
                {"investit dans", "invests in"},
                {"compte parmi ses investisseurs", "is backed by"}},
    BuiltinRole{"team_of",
                {"Équipe de", "Team of"},
                {"est une équipe de", "is a team of"},
                {"compte parmi ses équipes", "has as one of its teams"}},
    BuiltinRole{"programme_of",
                {"Programme de", "Programme of"},
                {"est un programme ou un projet de", "is a programme or project of"},
                {"porte le programme", "runs the programme"}},
    BuiltinRole{"based_on",
                {"Fondé sur", "Based on"},
                {"est construit sur", "is built on"},
                {"sert de base à", "is the base of"}},
    BuiltinRole{"trained_on",
                {"Entraîné sur", "Trained on"},
                {"a été entraîné sur", "was trained on"},
                {"a servi à entraîner", "was used to train"}},
    BuiltinRole{"develops",
                {"Développe", "Develops"},
                {"développe", "develops"},
                {"est développé par", "is developed by"}},
    BuiltinRole{"part_of",
                {"Fait partie de", "Part of"},
                {"fait partie de", "is part of"},
                {"comprend", "includes"}},
    BuiltinRole{"builds_on",
                {"S'appuie sur", "Builds on"},
                {"s’appuie sur", "builds on"},
                {"sert d’appui à", "is built upon by"}},
};

Term toTerm(std::string_view id, const BilingualText& label) {
    return Term{std::string(id), LocalText{std::string(label.fr), std::string(label.en)}};
}

std::string declaredLabel(const Dataset& dataset, std::string_view roleId, Lang lang) {
    if (const Term* term = dataset.findTerm(dataset.roles, roleId)) return term->label.get(lang);
    return std::string(roleId);
}

} // namespace

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
