#include "core/static_page.hpp"

#include "core/source_notes.hpp"

#include "core/dates.hpp"
#include "core/filters.hpp"
#include "core/semantic_tree.hpp"
#include "core/sorting.hpp"
#include "core/utf8.hpp"
#include "core/vocabulary.hpp"

#include <algorithm>

namespace explorer {

namespace {

const char* pick(Lang lang, const char* fr, const char* en) { return lang == Lang::Fr ? fr : en; }
std::string colon(Lang lang) { return lang == Lang::Fr ? "\u00A0: " : ": "; }
std::string semicolon(Lang lang) { return lang == Lang::Fr ? "\u00A0; " : "; "; }


// Footnote marks follow their text after a space: "… [1, 3]".
std::string spaced(const std::string& marks) { return marks.empty() ? marks : " " + marks; }

std::string more(Lang lang, std::size_t n) {
    return "<li>" + std::to_string(n) + pick(lang, " de plus, non listés", " more, not listed") + "</li>";
}

// The sources cited so far, numbered in the order first cited, in `lang`'s words.
std::string sourceList(const Dataset& dataset, const SourceNotes& notes, Lang lang) {
    if (notes.order().empty()) return {};
    std::string html = "<h3>" + escapeHtmlText(pick(lang, "Sources", "Sources")) + "</h3>\n<ol>\n";
    for (std::size_t source : notes.order()) {
        const Source& s = dataset.sources[source];
        const std::string cited = escapeHtmlText(citeSource(s, lang));
        if (semantic::isWebUrl(s.url)) {
            html += "<li><a href=\"" + escapeHtmlText(s.url) + "\" target=\"_blank\" rel=\"noopener\">" + cited + "</a></li>\n";
        } else {
            html += "<li>" + cited + "</li>\n";
        }
    }
    return html + "</ol>\n";
}

// One language's section (without its opening and closing tags and its sources): its citations
// are numbered in `notes`, which every language shares.
std::string section(const Dataset& dataset, Lang lang, const StaticPageOptions& options, SourceNotes& notes) {
    const auto esc = [](std::string_view text) { return escapeHtmlText(text); };
    std::string html;
    const std::string title = dataset.title.get(lang);
    html += "<h2>" + esc(title.empty() ? pick(lang, "Explorateur", "Explorer") : title) + "</h2>\n";
    html += "<p>" +
            esc(pick(lang,
                     "Version texte de l’explorateur interactif, qui a besoin de JavaScript et de WebGL 2 : les projets et leurs membres, "
                     "les organisations membres de plusieurs projets, les liens sans appartenance et les sources.",
                     "Text version of the interactive explorer, which needs JavaScript and WebGL 2: the projects and their members, "
                     "the organisations members of several projects, the connections that are not memberships, and the sources.")) +
            "</p>\n";

    // ---- projects
    std::vector<std::size_t> projects;
    for (std::size_t e = 0; e < dataset.entities.size(); ++e) {
        if (dataset.entities[e].kind == EntityKind::Project) projects.push_back(e);
    }
    html += "<h3>" + esc(pick(lang, "Projets", "Projects")) + " (" + std::to_string(projects.size()) + ")</h3>\n";
    const std::size_t shownProjects = std::min(projects.size(), options.projects);
    for (std::size_t i = 0; i < shownProjects; ++i) {
        const std::size_t project = projects[i];
        const Entity& entity = dataset.entities[project];
        html += "<h4>" + esc(entity.name) + "</h4>\n";
        // A dataset from a CSV has no descriptions: no paragraph of bare source numbers.
        if (!entity.description.empty()) {
            html += "<p>" + esc(entity.description.get(lang)) + esc(spaced(notes.cite(entity.sources))) + "</p>\n";
        }
        struct Group {
            std::string role;
            std::vector<std::size_t> relations;
        };
        std::vector<Group> groups;
        for (std::size_t r : dataset.relationsOf(project)) {
            const Relation& relation = dataset.relations[r];
            if (relation.source == relation.target) continue;
            auto group = std::find_if(groups.begin(), groups.end(), [&](const Group& g) { return g.role == relation.role; });
            if (group == groups.end()) group = groups.insert(groups.end(), Group{relation.role, {}});
            if (std::find(group->relations.begin(), group->relations.end(), r) == group->relations.end()) group->relations.push_back(r);
        }
        sortBy(groups, [&](const Group& a, const Group& b) {
            return roleRank(dataset, a.role) < roleRank(dataset, b.role);
        });
        if (groups.empty()) continue;
        html += "<dl>\n";
        std::size_t budget = options.members;
        std::size_t left = 0;
        for (Group& group : groups) {
            const auto other = [&](std::size_t r) {
                const Relation& relation = dataset.relations[r];
                return relation.source == project ? relation.target : relation.source;
            };
            sortBy(group.relations, [&](std::size_t a, std::size_t b) {
                return dataset.entities[other(a)].name < dataset.entities[other(b)].name;
            });
            if (budget == 0) {
                left += group.relations.size();
                continue;
            }
            std::string names;
            for (std::size_t r : group.relations) {
                if (budget == 0) {
                    ++left;
                    continue;
                }
                --budget;
                const std::size_t member = other(r);
                std::string name = dataset.entities[member].name;
                // A team or programme names what it belongs to: "ALMAnaCH (Inria)".
                std::string parents;
                for (std::size_t u : dataset.relationsOf(member)) {
                    const Relation& unit = dataset.relations[u];
                    if (unit.source == member && unit.target != member && dataset.traitsOf(u).unit) {
                        parents += (parents.empty() ? "" : ", ") + dataset.entities[unit.target].name;
                    }
                }
                if (!parents.empty()) name += " (" + parents + ")";
                names += (names.empty() ? "" : ", ") + name + spaced(notes.cite(dataset.relations[r].sources));
            }
            html += "<dt>" + esc(semantic::termLabel(dataset.roles, group.role, lang)) + "</dt><dd>" + esc(names) + "</dd>\n";
        }
        if (left > 0) {
            html += "<dt>…</dt><dd>" + std::to_string(left) + pick(lang, " de plus, non listés", " more, not listed") + "</dd>\n";
        }
        html += "</dl>\n";
    }
    if (projects.size() > shownProjects) {
        html += "<p>" + std::to_string(projects.size() - shownProjects) +
                esc(pick(lang, " autres projets, non listés.", " more projects, not listed.")) + "</p>\n";
    }

    // ---- organisations in several projects
    const std::vector<std::size_t> several = organisationsInSeveralProjects(dataset);
    if (!several.empty()) {
        html += "<h3>" + esc(pick(lang, "Organisations membres de deux projets ou plus", "Organisations members of two or more projects")) +
                " (" + std::to_string(several.size()) + ")</h3>\n<ul>\n";
        for (std::size_t i = 0; i < several.size() && i < options.organisations; ++i) {
            const std::size_t organisation = several[i];
            std::string line;
            const std::vector<std::size_t>& memberOf = dataset.memberProjects(organisation);
            for (std::size_t p = 0; p < memberOf.size() && p < options.members; ++p) {
                line += (line.empty() ? "" : ", ") + semantic::memberPhrase(dataset, organisation, memberOf[p], lang);
            }
            if (memberOf.size() > options.members) {
                line += pick(lang, " et ", " and ") + std::to_string(memberOf.size() - options.members) + pick(lang, " autres", " more");
            }
            html += "<li><b>" + esc(dataset.entities[organisation].name) + "</b> — " + esc(line) + "</li>\n";
        }
        if (several.size() > options.organisations) html += more(lang, several.size() - options.organisations) + "\n";
        html += "</ul>\n";
    }

    // ---- connections that are not memberships
    std::string lines;
    std::size_t listed = 0;
    std::size_t left = 0;
    std::size_t walks = 0;
    for (std::size_t e = 0; e < dataset.entities.size(); ++e) {
        if (dataset.entities[e].kind != EntityKind::Organisation) continue;
        if (walks++ == options.connectionWalks) break;
        for (const Dataset::Connection& connection : dataset.connectionsOf(e)) {
            if (listed == options.connections) {
                ++left;
                continue;
            }
            ++listed;
            std::string chain;
            std::vector<std::size_t> sources;
            for (std::size_t r : connection.path) {
                chain += (chain.empty() ? "" : semicolon(lang)) + relationSentence(dataset, r, lang);
                sources.insert(sources.end(), dataset.relations[r].sources.begin(), dataset.relations[r].sources.end());
            }
            lines += "<li><b>" + esc(dataset.entities[e].name) + "</b> → " +
                     esc(semantic::connectionPhrase(dataset, e, connection, lang)) + esc(colon(lang) + chain + spaced(notes.cite(sources))) + "</li>\n";
        }
    }
    if (!lines.empty()) {
        html += "<h3>" + esc(pick(lang, "Reliées à un projet sans en être membres", "Connected to a project, not members")) + "</h3>\n";
        html += "<p>" +
                esc(pick(lang, "Ces organisations tiennent à un projet par ce sur quoi il s’appuie (un modèle, une archive, un programme), sans rôle dans le projet lui-même.",
                         "These organisations are linked to a project through what it builds on (a model, an archive, a programme), with no role in the project itself.")) +
                "</p>\n<ul>\n" + lines;
        if (left > 0) html += more(lang, left) + "\n";
        html += "</ul>\n";
    }

    return html;
}

} // namespace

std::string escapeHtmlText(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default:
                if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                    out += "\uFFFD";
                } else {
                    out += static_cast<char>(c);
                }
            }
            ++i;
            continue;
        }
        const utf8::Decoded decoded = utf8::decodeAt(text, i);
        if (decoded.length == 0) {
            out += "\uFFFD";
            ++i;
            continue;
        }
        if (decoded.codePoint >= 0x80 && decoded.codePoint <= 0x9F) {
            out += "\uFFFD"; // C1 controls
        } else {
            out.append(text.substr(i, decoded.length));
        }
        i += decoded.length;
    }
    return out;
}

std::string staticPageHtml(const Dataset& dataset, const StaticPageOptions& options) {
    std::string html;
    SourceNotes notes;
    for (std::size_t i = 0; i < options.languages.size(); ++i) {
        const Lang lang = options.languages[i];
        const std::string code(toString(lang));
        if (i == 0) {
            html += "<section lang=\"" + code + "\">\n" + section(dataset, lang, options, notes);
            // Alone, the language keeps its sources in its section.
            html += (options.languages.size() == 1 ? sourceList(dataset, notes, lang) : "") + "</section>\n";
        } else {
            // The other languages, folded: a reader opens them without any script.
            html += "<details lang=\"" + code + "\"><summary>" +
                    escapeHtmlText(pick(lang, "Version française", "English version")) + "</summary>\n<section>\n" +
                    section(dataset, lang, options, notes) + "</section>\n</details>\n";
        }
    }
    // Several languages cite the same sources under the same numbers: one list after them all, in
    // the first language (a source's title stays in its own language either way), not one per
    // language (4.7 KB less in the shipped page).
    if (options.languages.size() > 1) {
        const std::string list = sourceList(dataset, notes, options.languages[0]);
        if (!list.empty()) html += "<section lang=\"" + std::string(toString(options.languages[0])) + "\">\n" + list + "</section>\n";
    }
    return html;
}

} // namespace explorer
