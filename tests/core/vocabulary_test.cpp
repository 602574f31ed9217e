// The one table of roles, kinds and types (core/vocabulary.cpp) against what depends on it: when a
// role or a type is added, these tests say what else must be written (labels, readings, the
// documentation's tables, a glyph that no other role uses).
#include "core/vocabulary.hpp"

#include "support/source_files.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace explorer {
namespace {

std::string countsAs(const RoleTraits& traits) {
    if (traits.membership) return "member";
    if (traits.unit) return "unit";
    return "connection";
}

TEST(Vocabulary, EveryBuiltInRoleIsLabelledReadAndDocumentedWithWhatItCountsAs) {
    const std::string readme = test::readSourceFile("data/README.md");
    for (const BuiltinRole& role : builtinRoles()) {
        const std::string id(role.id);
        EXPECT_FALSE(role.label.fr.empty() || role.label.en.empty()) << id << ": a label in both languages";
        EXPECT_FALSE(role.reads.fr.empty() || role.reads.en.empty() || role.readBy.fr.empty() || role.readBy.en.empty())
            << id << ": both readings in both languages (vocabulary.cpp)";
        const std::string row = "| `" + id + "` |";
        const std::size_t at = readme.find(row);
        ASSERT_NE(at, std::string::npos) << id << ": add a row to the roles table of data/README.md";
        const std::string line = readme.substr(at, readme.find('\n', at) - at);
        EXPECT_NE(line.find("| " + countsAs(role.traits) + " |"), std::string::npos)
            << id << ": data/README.md must say it counts as a " << countsAs(role.traits) << ": " << line;
        EXPECT_FALSE(role.traits.membership && role.traits.unit) << id << ": a role is a membership or a unit, not both";
    }
}

TEST(Vocabulary, RoleGlyphsTellRolesApartWithoutColour) {
    std::set<RoleGlyph> used;
    for (const BuiltinRole& role : builtinRoles()) {
        if (role.traits.glyph == RoleGlyph::None) continue;
        EXPECT_TRUE(used.insert(role.traits.glyph).second) << role.id << ": its glyph is another role's";
        EXPECT_NE(role.traits.light, role.traits.dark) << role.id << ": a colour for each theme";
    }
    for (const BuiltinRole& role : builtinRoles()) {
        if (role.traits.membership) {
            EXPECT_NE(role.traits.glyph, RoleGlyph::None) << role.id << ": every member role has a glyph in the matrix";
        }
    }
}

TEST(Vocabulary, OneRoleLeadsAndRanksFollowTheTable) {
    int leads = 0;
    for (const BuiltinRole& role : builtinRoles()) leads += isLeadRole(role.id) ? 1 : 0;
    EXPECT_EQ(leads, 1);
    Dataset dataset;
    dataset.roles = builtinRoleTerms();
    dataset.roles.push_back(Term{"coauthor", {"Co-auteur", "Co-author"}});
    for (std::size_t i = 0; i + 1 < builtinRoles().size(); ++i) {
        EXPECT_LT(roleRank(dataset, builtinRoles()[i].id), roleRank(dataset, builtinRoles()[i + 1].id));
    }
    EXPECT_EQ(roleRank(dataset, "coauthor"), builtinRoles().size()) << "declared roles come after the built-ins";
    EXPECT_GT(roleRank(dataset, "never-declared"), roleRank(dataset, "coauthor"));
    EXPECT_TRUE(roleTraits("coauthor").membership) << "a declared role counts as a member";
}

TEST(Vocabulary, EveryBuiltInTypeIsDocumentedAndStyled) {
    const std::string readme = test::readSourceFile("data/README.md");
    const std::size_t list = readme.find("Built-in organisation types:");
    ASSERT_NE(list, std::string::npos);
    const std::string line = readme.substr(list, readme.find("\n\n", list) - list);
    for (const BuiltinType& type : builtinTypes()) {
        EXPECT_NE(line.find("`" + std::string(type.id) + "`"), std::string::npos) << type.id << ": list it in data/README.md";
        EXPECT_FALSE(type.label.fr.empty() || type.label.en.empty() || type.plural.fr.empty() || type.plural.en.empty());
        EXPECT_EQ(orgStyleOf(type.id), type.style);
    }
    EXPECT_EQ(orgStyleOf("cooperative"), OrgStyle::Civil) << "a declared type";
}

TEST(Vocabulary, EveryKindHasLabelsAndAShape) {
    std::set<std::string> shapes;
    for (std::size_t k = 0; k < kEntityKindCount; ++k) {
        const KindTraits& traits = kindTraits(static_cast<EntityKind>(k));
        EXPECT_FALSE(traits.label.fr.empty() || traits.label.en.empty() || traits.plural.fr.empty() || traits.plural.en.empty());
        EXPECT_TRUE(shapes.insert(std::string(traits.shape)).second) << "each kind its own shape";
    }
}

} // namespace
} // namespace explorer
