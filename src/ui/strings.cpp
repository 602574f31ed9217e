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
    // Matrix and table views (kind names: KindTraits, core/vocabulary.hpp)
    {"Nom", "Name"},
    {"Type", "Type"},
    {"Projets", "Projects"},
    {"Rôles", "Roles"},
    {"Participants", "Participants"},
    {"via", "through"},
    {"Symbole évidé : lien par une équipe ou un programme",
     "Hollow symbol: linked through a team or programme"},
    {"Rien à afficher avec ces filtres.", "Nothing to show with these filters."},
    {"Trop de projets pour une colonne chacun : seuls les premiers sont montrés, affinez les filtres.",
     "Too many projects for one column each: only the first ones are shown; narrow the filters."},
    // App shell: search, filters, details
    {"Rechercher une organisation, un projet…", "Search an organisation, a project…"},
    {"Aucun résultat", "No results"},
    {"trouvé par", "matched"},
    {"Filtres", "Filters"},
    {"Tout afficher", "Show all"},
    {"Membre de deux projets ou plus", "Member of two or more projects"},
    {"Types d’organisation", "Organisation types"},
    {"Rôles", "Roles"},
    {"Liens", "Links"},
    {"Faits", "Facts"},
    {"Les sources divergent", "Sources disagree"},
    {"article", "article"},
    {"autre source", "other source"},
    {"Pays", "Country"},
    {"Site web", "Website"},
    {"Membre de", "Member of"},
    {"ouvre un nouvel onglet", "opens in a new tab"},
    {"Licences", "Licences"},
    {"Autres noms", "Also known as"},
    // Network view
    {"Légende", "Legend"},
    {"Tout voir", "Show all"},
    {"Zoom avant", "Zoom in"},
    {"Zoom arrière", "Zoom out"},
    {"Organisation publique", "Public organisation"},
    {"Entreprise ou investisseur", "Company or investor"},
    {"Association, communauté, autre", "Non-profit, community, other"},
    {"Membre de 2 projets ou plus", "Member of 2 or more projects"},
    {"Partenaire ou membre", "Partner or member"},
    {"Soutien, conseil scientifique", "Supporter, scientific council"},
    {"Développe, repose sur, entraîné sur", "Develops, built on, trained on"},
    {"Équipe, programme, partie de", "Team, programme, part of"},
    {"Membre de 1 projet", "Member of 1 project"},
    {"Membre de {n} projets", "Member of {n} projects"},
    {"Glisser pour déplacer, molette ou pincement pour zoomer, toucher un nœud pour le sélectionner.",
     "Drag to pan, scroll or pinch to zoom, tap or click a node to select it."},
    {"Mise en place du réseau… {n} %", "Laying out the network… {n}%"},
    {"Légende des symboles", "Symbol legend"},
    // Matrix: participation through what a project builds on
    {"Relié par ce sur quoi le projet s’appuie (modèle, programme…), sans en être membre",
     "Connected through what the project builds on (a model, a programme…), not a member"},
    {"{foundation}, l’un des socles du projet {project}", "{foundation}, which {project} builds on"},
    {"Relié sans en être membre", "Connected, not a member"},
    // Share and export menu
    {"Partager", "Share"},
    {"Copier le lien de cette vue", "Copy a link to this view"},
    {"Enregistrer pour lire hors ligne (HTML)", "Save to read offline (HTML)"},
    {"Image de la vue (PNG)", "Picture of this view (PNG)"},
    {"Réseau en image vectorielle (SVG)", "Network as a vector picture (SVG)"},
    {"Données affichées (CSV)", "Data shown (CSV)"},
    {"Données affichées (JSON)", "Data shown (JSON)"},
    {"Ouvrir un autre jeu de données…", "Open another dataset…"},
    {"JSON au format de l’explorateur, ou liste de liens en CSV (source, target, role). Vous pouvez aussi déposer le fichier sur l’explorateur.",
     "JSON in the explorer’s format, or a CSV list of links (source, target, role). You can also drop the file on the explorer."},
    {"{n} caractères de ces données ne peuvent pas être affichés : les polices de ce navigateur ne les ont pas.",
     "{n} characters of this data cannot be shown: this browser’s fonts do not have them."},
    {"Lecture du nouveau jeu de données : {n} %", "Reading the new dataset: {n}%"},
}};

} // namespace

const char* tr(Str id, Lang lang) {
    const Entry& entry = kStrings[static_cast<std::size_t>(id)];
    return lang == Lang::Fr ? entry.fr : entry.en;
}

} // namespace explorer::ui
