#include "ui/strings.hpp"

#include <array>

namespace explorer::ui {
namespace {

struct Entry {
    const char* fr;
    const char* en;
};

constexpr std::array<Entry, static_cast<std::size_t>(Str::Count)> kStrings{{
    {"Communs numériques pour l’IA générative", "Digital commons for generative AI"},
    {"Réseau", "Network"},
    {"Matrice", "Matrix"},
    {"Tableau", "Table"},
    {"Projets", "Projects"},
    {"Langue", "Language"},
    {"Clair", "Light"},
    {"Sombre", "Dark"},
    {"Chef de file", "Lead"},
    {"Chef de file non précisé", "Lead not stated"},
    {"Membres", "Members"},
    {"Sources", "Sources"},
    {"Axes", "Axes"},
    {"Secteurs", "Sectors"},
    {"Durée", "Duration"},
    {"mois", "months"},
    {"Taille", "Size"},
    {"Aucun jeu de données n’est chargé.", "No dataset is loaded."},
    {"Ce jeu de données a été refusé", "This dataset was rejected"},
    {"Les données affichées restent celles d’avant. Problèmes trouvés :",
     "The data shown is unchanged. Problems found:"},
    {"Fermer", "Close"},
}};

} // namespace

const char* tr(Str id, Lang lang) {
    const Entry& entry = kStrings[static_cast<std::size_t>(id)];
    return lang == Lang::Fr ? entry.fr : entry.en;
}

} // namespace explorer::ui
