// The static fallback of the page (core/static_page.hpp): what a reader without JavaScript or
// WebGL 2 reads, from the shipped data, and that it is safe HTML whatever a dataset holds.
#include "core/model.hpp"
#include "core/static_page.hpp"

#include "support/source_files.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <string_view>

namespace explorer {
namespace {

class StaticPage : public test::ShippedDatasetTest {
protected:

    static std::string page(std::vector<Lang> languages) {
        StaticPageOptions options;
        options.languages = std::move(languages);
        return staticPageHtml(data(), options);
    }

    static bool has(const std::string& html, std::string_view text) { return html.find(text) != std::string::npos; }

    static std::size_t count(const std::string& html, std::string_view text) {
        std::size_t n = 0;
        for (std::size_t at = html.find(text); at != std::string::npos; at = html.find(text, at + text.size())) ++n;
        return n;
    }

};


TEST_F(StaticPage, EveryProjectWithItsMembersByRole) {
    const std::string html = page({Lang::En});
    for (const Entity& entity : data().entities) {
        if (entity.kind == EntityKind::Project) {
            EXPECT_TRUE(has(html, "<h4>" + escapeHtmlText(entity.name) + "</h4>")) << entity.name;
        }
    }
    EXPECT_TRUE(has(html, "<h3>Projects (7)</h3>"));
    EXPECT_TRUE(has(html, "<dt>Lead</dt><dd>LINAGORA [")) << "OpenLLM-France's lead, with its sources";
    EXPECT_TRUE(has(html, "ALMAnaCH (Inria) [")) << "a team names its parent";
    // Roles in roleRank order inside a project: lead before partners before what it builds on.
    const std::size_t openllm = html.find("<h4>OpenLLM-France</h4>");
    ASSERT_NE(openllm, std::string::npos);
    const std::size_t lead = html.find("<dt>Lead</dt>", openllm);
    const std::size_t partner = html.find("<dt>Partner</dt>", openllm);
    const std::size_t buildsOn = html.find("<dt>Builds on</dt>", openllm);
    EXPECT_LT(lead, partner);
    EXPECT_LT(partner, buildsOn);
}

TEST_F(StaticPage, OrganisationsInSeveralProjectsAndConnections) {
    const std::string html = page({Lang::En});
    EXPECT_TRUE(has(html, "<h3>Organisations members of two or more projects (2)</h3>"));
    EXPECT_TRUE(has(html, "<li><b>Inria</b> — sits on the scientific council of AI for Democracy, is a partner of Scribe</li>"))
        << html;
    EXPECT_TRUE(has(html, "<li><b>CNRS</b> — "));
    EXPECT_TRUE(has(html, "<li><b>Mistral AI</b> → OpenLLM-France (through Mistral 7B): Mistral AI develops Mistral 7B; "));
    EXPECT_TRUE(has(html, "<li><b>Inria</b> → CC-SWH (through Software Heritage): Software Heritage is a programme or project of Inria; CC-SWH builds on Software Heritage ["));
}

TEST_F(StaticPage, SourcesAreNumberedCitedAndLinkedSafely) {
    const std::string html = page({Lang::Fr});
    const std::size_t sources = html.find("<h3>Sources</h3>\n<ol>\n");
    ASSERT_NE(sources, std::string::npos);
    // The first source cited is the article, in French quotation marks with its month.
    EXPECT_TRUE(has(html, "rel=\"noopener\">Silicon.fr, «\u00A0Qui pour créer"));
    EXPECT_TRUE(has(html, "\u00A0», juin 2024</a></li>"));
    // Every link: http(s), a new tab, rel="noopener".
    const std::regex anchor("<a ([^>]*)>");
    std::size_t links = 0;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), anchor); it != std::sregex_iterator(); ++it) {
        const std::string attributes = (*it)[1];
        EXPECT_TRUE(std::regex_match(attributes, std::regex("href=\"https?://[^\"]+\" target=\"_blank\" rel=\"noopener\"")))
            << attributes;
        ++links;
    }
    EXPECT_GE(links, 10u);
    // Marks point at existing numbers: the highest mark is the length of the list.
    const std::size_t items = count(html.substr(sources), "<li>");
    EXPECT_TRUE(has(html, ", " + std::to_string(items) + "]") || has(html, "[" + std::to_string(items) + "]") ||
                has(html, "[" + std::to_string(items) + ","));
    EXPECT_FALSE(has(html, "[" + std::to_string(items + 1) + "]"));
}

TEST_F(StaticPage, BothLanguagesTheFirstOpenTheOtherFolded) {
    const std::string html = page({Lang::Fr, Lang::En});
    EXPECT_EQ(html.rfind("<section lang=\"fr\">\n<h2>", 0), 0u);
    EXPECT_TRUE(has(html, "<details lang=\"en\"><summary>English version</summary>"));
    EXPECT_TRUE(has(html, "<h3>Projets (7)</h3>"));
    EXPECT_TRUE(has(html, "<h3>Projects (7)</h3>"));
    EXPECT_TRUE(has(html, "<dt>Chef de file</dt><dd>LINAGORA ["));
    EXPECT_TRUE(has(html, "<h3>Organisations membres de deux projets ou plus (2)</h3>"));
    // The first language, the second folded, and the sources once after both.
    EXPECT_EQ(count(html, "<section"), 3u);
    EXPECT_EQ(count(html, "</section>"), 3u);
    EXPECT_EQ(count(html, "<details"), count(html, "</details>"));
    EXPECT_GT(html.find("<h3>Sources</h3>"), html.find("</details>"));
    const std::string english = page({Lang::En, Lang::Fr});
    EXPECT_EQ(english.rfind("<section lang=\"en\">", 0), 0u);
    EXPECT_TRUE(has(english, "<details lang=\"fr\"><summary>Version française</summary>"));
    EXPECT_EQ(page({}), "");
}

TEST_F(StaticPage, TheLanguagesShareOneListOfSourcesAndItsNumbers) {
    const std::string both = page({Lang::Fr, Lang::En});
    const std::string french = page({Lang::Fr});
    const std::string english = page({Lang::En});
    EXPECT_EQ(count(both, "<h3>Sources</h3>"), 1u);
    EXPECT_EQ(count(both, "<ol>"), 1u);
    // The list is the French one, as a French reader alone gets it, after the folded English.
    const std::string list = french.substr(french.find("<h3>Sources</h3>"));
    EXPECT_EQ(both.substr(both.find("<h3>Sources</h3>")), list.substr(0, list.size() - std::string("</section>\n").size()) + "</section>\n");
    // The English text cites by the same numbers as English alone, which numbers in the same order.
    const std::string folded = both.substr(both.find("<details"), both.find("</details>") - both.find("<details"));
    const std::string englishBody = english.substr(english.find("<h2>"), english.find("<h3>Sources</h3>") - english.find("<h2>"));
    EXPECT_TRUE(has(folded, englishBody)) << folded;
}

TEST_F(StaticPage, NoScriptNoStyleNoHandlerNoId) {
    const std::string html = page({Lang::Fr, Lang::En});
    for (const char* forbidden : {"<script", "<style", "<iframe", "<img", " id=", " style=", "javascript:"}) {
        EXPECT_FALSE(has(html, forbidden)) << forbidden;
    }
    EXPECT_FALSE(std::regex_search(html, std::regex("<[^>]*\\son[a-z]+\\s*="))) << "an event handler attribute";
}

TEST_F(StaticPage, HostileTextIsEscaped) {
    Dataset copy = data();
    const auto inria = copy.findEntity("org:inria");
    const auto scribe = copy.findEntity("project:scribe");
    ASSERT_TRUE(inria && scribe);
    copy.entities[*inria].name = "<script>alert('x')</script> & \"Inria\"\x01\xFF";
    copy.entities[*scribe].description.en = "<img src=x onerror=alert(1)>";
    ASSERT_FALSE(copy.sources.empty());
    copy.sources[0].url = "javascript:alert(1)";
    copy.sources[0].outlet = "Silicon.fr\"><a href=\"https://evil.example\">";
    copy.buildIndex();
    StaticPageOptions options;
    options.languages = {Lang::En};
    const std::string html = staticPageHtml(copy, options);
    EXPECT_FALSE(has(html, "<script"));
    EXPECT_FALSE(has(html, "<img"));
    EXPECT_FALSE(has(html, "javascript:"));
    EXPECT_FALSE(has(html, "href=\"https://evil.example"));
    EXPECT_TRUE(has(html, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Inria&quot;\uFFFD\uFFFD"));
    EXPECT_TRUE(has(html, "&lt;img src=x onerror=alert(1)&gt;"));
    EXPECT_TRUE(has(html, "<li>Silicon.fr&quot;&gt;&lt;a href=&quot;https://evil.example&quot;&gt;, "))
        << "a source whose URL is not http(s) is cited without a link";
}

TEST_F(StaticPage, EscapeHtmlText) {
    EXPECT_EQ(escapeHtmlText("a<b>&\"'"), "a&lt;b&gt;&amp;&quot;&#39;");
    EXPECT_EQ(escapeHtmlText("é — «\u00A0»"), "é — «\u00A0»");
    EXPECT_EQ(escapeHtmlText("\xC3"), "\uFFFD");
    EXPECT_EQ(escapeHtmlText("\xED\xA0\x80"), "\uFFFD\uFFFD\uFFFD") << "a surrogate is not UTF-8";
    EXPECT_EQ(escapeHtmlText("a\tb\nc\x7F\u0085"), "a\tb\nc\uFFFD\uFFFD");
}

TEST_F(StaticPage, ListsAreBounded) {
    StaticPageOptions options;
    options.languages = {Lang::En};
    options.members = 3;
    options.organisations = 1;
    options.connections = 2;
    options.projects = 2;
    const std::string html = staticPageHtml(data(), options);
    EXPECT_EQ(count(html, "<h4>"), 2u);
    EXPECT_TRUE(has(html, "<p>5 more projects, not listed.</p>"));
    EXPECT_TRUE(has(html, "<dt>…</dt><dd>"));
    EXPECT_EQ(count(html, "→"), 2u);
    EXPECT_TRUE(has(html, "<li>1 more, not listed</li>"));
}

} // namespace
} // namespace explorer
