// The explorer as plain HTML, written at build time from the dataset: what a reader without
// JavaScript, or without WebGL2, reads in place of the canvas (scripts/assemble_page.mjs puts it
// inside #explorer of web/shell.html; `explorer-data html` prints it).
//
// For each language asked, a <section lang="…">: the dataset's title, a line saying what this is, then
//  - every project (dataset order): its description and its relations grouped by role in roleRank
//    order (members first: lead, founding members, partners…; then what it builds on), each name
//    followed by the numbers of its sources; a team or programme names its parent ("ALMAnaCH (Inria)");
//  - the organisations members of two or more projects (organisationsInSeveralProjects), with how
//    they are members ("sits on the scientific council of AI for Democracy, is a partner of Scribe
//    (through ALMAnaCH)");
//  - the organisations connected to projects they are not members of (Dataset::connectionsOf), each
//    connection explained by its chain of relations;
//  - the sources cited above, numbered in the order first cited, as citeSource writes them, linked
//    (target="_blank" rel="noopener") when their URL is http(s).
// The first language's section is open; the others follow folded in a <details lang="…"> element.
// The languages share the sources' numbers, and with several languages the list comes once, after
// them all, in a <section> of the first language.
//
// Safe by construction: every text is escaped (& < > " '), invalid UTF-8 and control characters
// become U+FFFD, only http(s) URLs become links, and there is no script, style, event handler or
// id: the fragment can be inserted twice in a page.
//
// Size and cost: at most `projects` projects with `members` names each, `organisations` lines of
// organisations in several projects (naming at most `members` projects each) and `connections`
// connection lines, each list cut by a limit ending with "N more…". Building costs O(E log E + R) plus one Dataset::connectionsOf walk
// (O(E + R)) per organisation examined for connections, at most `connectionWalks` of them (dataset
// order); the shipped dataset fits in the defaults whole.
#pragma once

#include "core/model.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace explorer {

struct StaticPageOptions {
    std::vector<Lang> languages{Lang::Fr, Lang::En}; // the first open, the others folded; none: empty text
    std::size_t projects = 200;
    std::size_t members = 200;       // names listed per project
    std::size_t organisations = 200; // organisations in several projects
    std::size_t connections = 200;   // connection lines
    std::size_t connectionWalks = 2000;
};

std::string staticPageHtml(const Dataset& dataset, const StaticPageOptions& options = {});

// Text for HTML content or a quoted attribute value: & < > " ' as character references, invalid
// UTF-8 and control characters (but tab, line feed and carriage return) as U+FFFD.
std::string escapeHtmlText(std::string_view text);

} // namespace explorer
