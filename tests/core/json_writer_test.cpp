// The JSON writer (json_writer.hpp) must write the very text nlohmann_json's dump() wrote before
// it: the download's and the command line's files, the links and the page's answers are compared
// byte for byte with what they were. The reference here is nlohmann::ordered_json itself (native
// tests only: the wasm no longer carries it).
#include "core/json_writer.hpp"
#include "core/semantic_tree.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

namespace explorer {
namespace {

using Ordered = nlohmann::ordered_json;

std::string nlohmannText(const Ordered& json, int indent) {
    return json.dump(indent, ' ', false, Ordered::error_handler_t::replace);
}

// The same value through the writer, member by member in the tree's order.
void write(JsonWriter& out, const Ordered& json) {
    switch (json.type()) {
    case nlohmann::json::value_t::object:
        out.beginObject();
        for (const auto& [name, member] : json.items()) {
            out.key(name);
            write(out, member);
        }
        out.endObject();
        break;
    case nlohmann::json::value_t::array:
        out.beginArray();
        for (const Ordered& item : json) write(out, item);
        out.endArray();
        break;
    case nlohmann::json::value_t::string: out.value(json.get_ref<const std::string&>()); break;
    case nlohmann::json::value_t::boolean: out.value(json.get<bool>()); break;
    case nlohmann::json::value_t::number_integer: out.value(json.get<std::int64_t>()); break;
    case nlohmann::json::value_t::number_unsigned: out.value(json.get<std::uint64_t>()); break;
    case nlohmann::json::value_t::number_float: out.value(json.get<double>()); break;
    default: out.null(); break;
    }
}

std::string writerText(const Ordered& json, int indent) {
    JsonWriter out(indent);
    write(out, json);
    return out.take();
}

std::string asJsonString(std::string_view text) {
    std::string out;
    appendJsonString(out, text);
    return out;
}

TEST(JsonWriter, EscapesQuotesAndBackslashesOnly) {
    EXPECT_EQ(asJsonString(R"(Le "Labo" \ Paris/Lyon)"), R"("Le \"Labo\" \\ Paris/Lyon")");
    EXPECT_EQ(asJsonString(""), R"("")");
}

TEST(JsonWriter, EscapesControlCharactersAsNlohmannDoes) {
    EXPECT_EQ(asJsonString("a\tb\nc\rd\be\ff"), R"("a\tb\nc\rd\be\ff")");
    EXPECT_EQ(asJsonString(std::string("\x01\x1f", 2)), R"("\u0001\u001f")");
    EXPECT_EQ(asJsonString(std::string(1, '\0')), R"("\u0000")");
    EXPECT_EQ(asJsonString("\x7f"), "\"\x7f\""); // DEL is not a JSON control character
    for (int c = 0; c < 0x80; ++c) {
        const std::string text(1, static_cast<char>(c));
        EXPECT_EQ(asJsonString(text), nlohmannText(Ordered(text), -1)) << "character " << c;
    }
}

TEST(JsonWriter, KeepsNonAsciiNamesAsUtf8) {
    const std::vector<std::string> names = {"Εθνικό Μετσόβιο Πολυτεχνείο", "جامعة القاهرة", "中国科学院",
                                            "東京大学", "Université Paris-Saclay – ÉNS", "🤖 Lab"};
    for (const std::string& name : names) {
        EXPECT_EQ(asJsonString(name), "\"" + name + "\"");
        EXPECT_EQ(asJsonString(name), nlohmannText(Ordered(name), -1));
    }
    JsonWriter out;
    out.beginObject().field("名前", "Ελληνικά").endObject();
    EXPECT_EQ(out.text(), "{\"名前\":\"Ελληνικά\"}");
}

TEST(JsonWriter, ReplacesInvalidUtf8AsNlohmannDoes) {
    EXPECT_EQ(asJsonString("a\xff" "b"), "\"a\xEF\xBF\xBD" "b\"");
    EXPECT_EQ(asJsonString("\xC3"), "\"\xEF\xBF\xBD\""); // truncated at the end
    EXPECT_EQ(asJsonString("\xE2\x82" "x"), "\"\xEF\xBF\xBD" "x\""); // one replacement for the truncated sequence
    EXPECT_EQ(asJsonString("\xC0\xAF"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\""); // overlong: two
    EXPECT_EQ(asJsonString("\xED\xA0\x80"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\""); // a surrogate

    // Every string of one or two bytes, and of three from the bytes that decide UTF-8's cases.
    for (int a = 0; a < 256; ++a) {
        const std::string one(1, static_cast<char>(a));
        ASSERT_EQ(asJsonString(one), nlohmannText(Ordered(one), -1)) << "byte " << a;
        for (int b = 0; b < 256; ++b) {
            const std::string two = one + static_cast<char>(b);
            ASSERT_EQ(asJsonString(two), nlohmannText(Ordered(two), -1)) << "bytes " << a << " " << b;
        }
    }
    const std::vector<unsigned char> edges = {0x00, 0x22, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1,
                                              0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4,
                                              0xF5, 0xF8, 0xFE, 0xFF};
    for (const unsigned char a : edges) {
        for (const unsigned char b : edges) {
            for (const unsigned char c : edges) {
                for (const int d : {0x41, 0x80, 0x8F, 0xBF, 0xC2}) {
                    const std::string text{static_cast<char>(a), static_cast<char>(b), static_cast<char>(c),
                                           static_cast<char>(d)};
                    ASSERT_EQ(asJsonString(text), nlohmannText(Ordered(text), -1));
                }
            }
        }
    }
    std::mt19937 random(7);
    std::uniform_int_distribution<int> length(0, 24);
    std::uniform_int_distribution<int> anyByte(0, 255);
    for (int i = 0; i < 20000; ++i) {
        std::string text(static_cast<std::size_t>(length(random)), ' ');
        for (char& c : text) c = static_cast<char>(anyByte(random));
        ASSERT_EQ(asJsonString(text), nlohmannText(Ordered(text), -1));
    }
}

TEST(JsonWriter, IndentsOneMemberALine) {
    JsonWriter out(2);
    out.beginObject();
    out.field("id", "org:inria").field("projects", 3U);
    out.key("aliases").beginArray().value("Inria").value("INRIA").endArray();
    out.key("through").beginObject().field("id", "p:1").endObject();
    out.endObject();
    EXPECT_EQ(out.text(), "{\n"
                          "  \"id\": \"org:inria\",\n"
                          "  \"projects\": 3,\n"
                          "  \"aliases\": [\n"
                          "    \"Inria\",\n"
                          "    \"INRIA\"\n"
                          "  ],\n"
                          "  \"through\": {\n"
                          "    \"id\": \"p:1\"\n"
                          "  }\n"
                          "}");
}

TEST(JsonWriter, WritesNestedEmptyObjectsAndArraysAsNlohmannDoes) {
    const Ordered json = Ordered::parse(R"({"a":{},"b":[],"c":[{},[],{"d":[[]]}],"e":{"f":{}}})");
    for (const int indent : {-1, 0, 2, 4}) EXPECT_EQ(writerText(json, indent), nlohmannText(json, indent)) << indent;
    EXPECT_EQ(writerText(json, -1), R"({"a":{},"b":[],"c":[{},[],{"d":[[]]}],"e":{"f":{}}})");
    EXPECT_EQ(writerText(Ordered::object(), 2), "{}");
    EXPECT_EQ(writerText(Ordered::array(), 2), "[]");
}

TEST(JsonWriter, WritesNumbersAsNlohmannDoes) {
    const std::vector<double> doubles = {0.0,     -0.0,   1.0,      -3.0,     0.1,      12.34,     1.0 / 3.0,  2.5e-5,
                                         1e-7,    1e21,   1e22,     123456789012345680.0,  48.85661,   2.352222,
                                         -73.9857, 5e-324, std::numeric_limits<double>::max(),
                                         std::numeric_limits<double>::min(), 9007199254740993.0};
    for (const double number : doubles) {
        EXPECT_EQ(writerText(Ordered(number), -1), nlohmannText(Ordered(number), -1)) << number;
    }
    std::mt19937_64 random(11);
    for (int i = 0; i < 20000; ++i) {
        const std::uint64_t bits = random();
        double number = 0;
        static_assert(sizeof number == sizeof bits);
        std::memcpy(&number, &bits, sizeof number);
        ASSERT_EQ(writerText(Ordered(number), -1), nlohmannText(Ordered(number), -1)) << bits;
        const double rounded = std::round(number * 100.0) / 100.0; // as the bridge rounds rectangles
        ASSERT_EQ(writerText(Ordered(rounded), -1), nlohmannText(Ordered(rounded), -1)) << bits;
    }
    EXPECT_EQ(JsonWriter().value(3.0).text(), "3.0");
    EXPECT_EQ(JsonWriter().value(-0.0).text(), "-0.0");
    EXPECT_EQ(JsonWriter().value(std::nan("")).text(), "null");
    EXPECT_EQ(JsonWriter().value(-std::numeric_limits<double>::infinity()).text(), "null");
    EXPECT_EQ(JsonWriter().value(std::numeric_limits<std::int64_t>::min()).text(), "-9223372036854775808");
    EXPECT_EQ(JsonWriter().value(std::numeric_limits<std::uint64_t>::max()).text(), "18446744073709551615");
    EXPECT_EQ(JsonWriter().value(0).text(), "0");
    EXPECT_EQ(JsonWriter().value(-42).text(), "-42");
}

TEST(JsonWriter, WritesScalarsAtTheTop) {
    EXPECT_EQ(JsonWriter().null().text(), "null");
    EXPECT_EQ(JsonWriter(2).value(true).text(), "true");
    EXPECT_EQ(JsonWriter(2).value("x").text(), "\"x\"");
    JsonWriter out;
    out.beginObject().field("done", false).nullField("selection").field("say", "").endObject();
    EXPECT_EQ(out.text(), R"({"done":false,"selection":null,"say":""})");
}

// Random documents of every shape, compact and indented.
Ordered randomJson(std::mt19937& random, int depth) {
    std::uniform_int_distribution<int> kind(0, depth > 3 ? 5 : 7);
    std::uniform_int_distribution<int> count(0, 4);
    const std::vector<std::string> words = {"", "id", "名前", "a\"b", "x\ny", "\xff", "Ω", "clé"};
    std::uniform_int_distribution<std::size_t> word(0, words.size() - 1);
    switch (kind(random)) {
    case 0: return nullptr;
    case 1: return random() % 2 == 0;
    case 2: return static_cast<std::int64_t>(random()) - (1LL << 31);
    case 3: return static_cast<std::uint64_t>(random());
    case 4: return static_cast<double>(static_cast<std::int32_t>(random())) / 1000.0;
    case 5: return words[word(random)];
    case 6: {
        Ordered array = Ordered::array();
        for (int n = count(random); n > 0; --n) array.push_back(randomJson(random, depth + 1));
        return array;
    }
    default: {
        Ordered object = Ordered::object();
        for (int n = count(random); n > 0; --n) object[words[word(random)] + std::to_string(n)] = randomJson(random, depth + 1);
        return object;
    }
    }
}

TEST(JsonWriter, WritesAnyDocumentAsNlohmannDoes) {
    std::mt19937 random(3);
    for (int i = 0; i < 2000; ++i) {
        const Ordered json = randomJson(random, 0);
        ASSERT_EQ(writerText(json, -1), nlohmannText(json, -1));
        ASSERT_EQ(writerText(json, 2), nlohmannText(json, 2));
    }
}

// The page's mirror writes the semantic tree with its own members: each node's after its
// children, where the page read "rect" when the bridge appended it to a parsed tree.
TEST(JsonWriter, TheSemanticTreeTakesAdditionsAfterEachNodesChildren) {
    const auto makeNode = [](std::string id, SemanticRole role, std::string name) {
        SemanticNode n;
        n.id = std::move(id);
        n.role = role;
        n.name = std::move(name);
        return n;
    };
    SemanticNode root = makeNode("explorer", SemanticRole::Region, "Lauréats");
    SemanticNode view = makeNode("view/network", SemanticRole::Region, "Réseau");
    SemanticNode option = makeNode("network/org:inria", SemanticRole::Button, "Inria");
    option.action = SemanticAction::Select;
    option.target = "org:inria";
    view.children.push_back(option);
    root.children.push_back(view);
    ViewState state;
    state.lang = Lang::Fr;

    std::vector<std::string> seen;
    JsonWriter out;
    out.beginObject();
    writeSemanticTreeMembers(out, root, state,
                             [&seen](JsonWriter& o, const SemanticNode& node, const std::vector<const SemanticNode*>& ancestors) {
                                 std::string path;
                                 for (const SemanticNode* ancestor : ancestors) path += ancestor->id + " > ";
                                 seen.push_back(path + node.id);
                                 if (node.action == SemanticAction::Select) o.key("rect").beginObject().field("x", 1.5).endObject();
                             });
    out.nullField("selection").endObject();
    EXPECT_EQ(out.text(), R"({"version":1,"lang":"fr","view":"network","nodes":3,"root":{"id":"explorer","role":"region",)"
                          R"("name":"Lauréats","children":[{"id":"view/network","role":"region","name":"Réseau","children":[)"
                          R"({"id":"network/org:inria","role":"button","name":"Inria","action":{"type":"select",)"
                          R"("target":"org:inria"},"rect":{"x":1.5}}]}]},"selection":null})");
    EXPECT_EQ(seen, (std::vector<std::string>{"explorer > view/network > network/org:inria", "explorer > view/network", "explorer"}));

    // Without additions, the members are semanticTreeJson's.
    JsonWriter plain;
    plain.beginObject();
    writeSemanticTreeMembers(plain, root, state);
    plain.endObject();
    EXPECT_EQ(plain.text(), semanticTreeJson(root, state));
}

} // namespace
} // namespace explorer
