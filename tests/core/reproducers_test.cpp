// Inputs that once broke the core (tests/fixtures/reproducers, from issue 10): each test failed
// before its fix. The state object of the host API (deep values, notices that were not safe to
// show) and exports that did not load back.
#include "core/csv_import.hpp"
#include "core/data_export.hpp"
#include "core/dataset_loader.hpp"
#include "core/view_state_codec.hpp"
#include "core/view_state_json.hpp"

#include "support/source_files.hpp"

#include <gtest/gtest.h>
#include <pthread.h>

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace {

using namespace explorer;
using test::readSourceFile;

// Runs `work` on a thread with a 1 MiB stack, the stack of the web build (Emscripten's default
// is smaller still): what recurses once per level of a hostile input overflows it and crashes
// the test, where the native main thread's 8 MiB would hide the fault.
void onSmallStack(const std::function<void()>& work) {
    pthread_attr_t attributes;
    ASSERT_EQ(pthread_attr_init(&attributes), 0);
    ASSERT_EQ(pthread_attr_setstacksize(&attributes, 1024 * 1024), 0);
    pthread_t thread;
    auto run = [](void* argument) -> void* {
        (*static_cast<const std::function<void()>*>(argument))();
        return nullptr;
    };
    ASSERT_EQ(pthread_create(&thread, &attributes, run, const_cast<std::function<void()>*>(&work)), 0);
    pthread_join(thread, nullptr);
    pthread_attr_destroy(&attributes);
}

// A notice as view_state_codec.hpp promises it: printable ASCII (so valid UTF-8, never a split
// character), at most kNoticeTextMaxChars characters then "...".
void expectShowable(const std::string& text) {
    EXPECT_LE(text.size(), kNoticeTextMaxChars + 3) << text;
    if (text.size() > kNoticeTextMaxChars) {
        EXPECT_TRUE(text.ends_with("...")) << text;
    }
    for (const char c : text) {
        EXPECT_TRUE(c > 0x20 && c < 0x7F) << "byte " << static_cast<int>(static_cast<unsigned char>(c)) << " in " << text;
    }
}

void expectShowable(const std::vector<HashNotice>& notices) {
    for (const HashNotice& notice : notices) {
        expectShowable(notice.key);
        expectShowable(notice.value);
        EXPECT_FALSE(describe(notice, Lang::Fr).empty());
        EXPECT_FALSE(describe(notice, Lang::En).empty());
    }
}

std::string nested(std::size_t depth, std::string_view inside = "") {
    return std::string(depth, '[') + std::string(inside) + std::string(depth, ']');
}

// ---- setState with a value nested 15,000 deep: a notice, not a stack overflow

TEST(StateJsonReproducer, DeepFiltersGiveOneNoticeOnASmallStack) {
    const std::string text = readSourceFile("tests/fixtures/reproducers/state_json_deep_filters_15k.json");
    ASSERT_GT(text.size(), 30000u);
    HashDecode decoded;
    onSmallStack([&] { decoded = applyStateJson(text, ViewState{}); });
    EXPECT_EQ(decoded.state, ViewState{});
    ASSERT_EQ(decoded.notices.size(), 1u);
    EXPECT_EQ(decoded.notices[0].key, "filters.axes");
    EXPECT_EQ(decoded.notices[0].reason, NoticeReason::TooDeep);
    EXPECT_EQ(toString(decoded.notices[0].reason), "too_deep");
    EXPECT_EQ(describe(decoded.notices[0], Lang::En), "“filters.axes” is nested too deeply; ignored.");
}

TEST(StateJsonReproducer, ADeepValueIsSkippedAndTheOtherKeysApply) {
    const std::string deep = nested(10000);
    const std::string text = R"({"camera":)" + deep + R"(,"view":"table","filters":{"roles":["lead"],"sectors":)" + deep +
                             R"(,"shape":)" + deep + R"(},"colour":)" + deep + "}";
    HashDecode decoded;
    onSmallStack([&] { decoded = applyStateJson(text, ViewState{}); });
    EXPECT_EQ(decoded.state.view, View::Table);
    EXPECT_EQ(decoded.state.filters.roles, std::vector<std::string>{"lead"});
    EXPECT_FALSE(decoded.state.cameraSet);
    std::vector<std::pair<std::string, NoticeReason>> notices;
    for (const HashNotice& notice : decoded.notices) notices.emplace_back(notice.key, notice.reason);
    const std::vector<std::pair<std::string, NoticeReason>> expected{
        {"camera", NoticeReason::TooDeep},
        {"colour", NoticeReason::UnknownKey},
        {"filters.sectors", NoticeReason::TooDeep},
        {"filters.shape", NoticeReason::UnknownKey},
    };
    EXPECT_EQ(notices, expected);
}

TEST(StateJsonReproducer, DepthLimitCountsTheObjectAsTheFirstLevel) {
    // {"view": [[…]]} with the object and the arrays kStateJsonMaxDepth deep: read (and refused as
    // a view); one level more: too deep.
    const std::string withinLimit = R"({"view":)" + nested(kStateJsonMaxDepth - 1) + "}";
    const HashDecode read = applyStateJson(withinLimit, ViewState{});
    ASSERT_EQ(read.notices.size(), 1u);
    EXPECT_EQ(read.notices[0].reason, NoticeReason::BadValue);
    EXPECT_EQ(read.notices[0].value, "[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]");
    const HashDecode tooDeep = applyStateJson(R"({"view":)" + nested(kStateJsonMaxDepth) + "}", ViewState{});
    ASSERT_EQ(tooDeep.notices.size(), 1u);
    EXPECT_EQ(tooDeep.notices[0].reason, NoticeReason::TooDeep);
    EXPECT_EQ(tooDeep.notices[0].value, "");
}

TEST(StateJsonReproducer, HugeRejectedValuesAreShownByTheirBeginning) {
    std::string wide = "[";
    for (int i = 0; i < 100000; ++i) wide += i ? ",[1,{\"a\":\"b\"}]" : "[1,{\"a\":\"b\"}]";
    wide += "]";
    const HashDecode decoded =
        applyStateJson(R"({"lang":)" + wide + R"(,"theme":")" + std::string(1 << 20, 'x') + "\"}", ViewState{});
    ASSERT_EQ(decoded.notices.size(), 2u);
    EXPECT_EQ(decoded.notices[0].key, "lang");
    EXPECT_EQ(decoded.notices[0].value, "[[1,{\"a\":\"b\"}],[1,{\"a\":\"b\"}],[1,{\"a\":\"b\"...");
    expectShowable(decoded.notices);
}

// ---- Notices are printable, valid UTF-8 and within their bound

TEST(StateJsonReproducer, NoticesOfControlCharactersAndLongKeysAreShowable) {
    const HashDecode decoded =
        applyStateJson(readSourceFile("tests/fixtures/reproducers/state_json_notice_not_printable.json"), ViewState{});
    ASSERT_EQ(decoded.notices.size(), 2u);
    expectShowable(decoded.notices);
    EXPECT_EQ(decoded.notices[0].key, "%07%1B[31m");
    EXPECT_EQ(decoded.notices[1].key, "filters.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...");
}

TEST(StateJsonReproducer, FuzzedNoticesAreShowable) {
    const HashDecode decoded = applyStateJson(
        readSourceFile("tests/fixtures/reproducers/state_json_notice_not_printable_fuzzed.json"), ViewState{});
    ASSERT_FALSE(decoded.notices.empty());
    expectShowable(decoded.notices);
}

TEST(StateJsonReproducer, EveryKindOfNoticeTextIsShowable) {
    const std::string longUtf8(300, 'x');
    for (const std::string& text : {
             std::string(R"({"\u0000":1,"é\u2028":2,"view":"\u0007\u001b[31m","lang":"ééééééééééééééééééééééééé"})"),
             R"({"selection":")" + longUtf8 + R"(","filters":{"axes":[")" + longUtf8 + R"(",1,"ok"],")" + longUtf8 + R"(":0}})",
             std::string(R"({"search":"\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00","sort":{"column":"\ud800"}})"),
             std::string("{\"view\":\"\xC3\",\"theme\":\"\xF0\x9F\x98\",\"lang\":\"a\xE9\"}"),
         }) {
        expectShowable(applyStateJson(text, ViewState{}).notices);
    }
}

TEST(HashNoticeReproducer, ACutNeverSplitsTheEscapesOfOneCharacter) {
    std::string hash = "view=";
    for (int i = 0; i < 30; ++i) hash += "%C3%A9"; // "é" thirty times
    HashDecode decoded = fromHash(hash);
    ASSERT_EQ(decoded.notices.size(), 1u);
    // Six "%C3%A9" make 36 characters; a seventh would pass 40: cut there, not after "%C3".
    EXPECT_EQ(decoded.notices[0].value, "%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9...");
    // Raw (not percent-encoded) UTF-8 and stray bytes in a link: each character escaped whole.
    decoded = fromHash("view=\xE2\x82\xAC\xE2\x82\xAC\xE2\x82\xAC\xE2\x82\xAC\x80\xE2\x82");
    ASSERT_EQ(decoded.notices.size(), 1u);
    EXPECT_EQ(decoded.notices[0].value, "%E2%82%AC%E2%82%AC%E2%82%AC%E2%82%AC%80...") << "a stray byte alone, a cut character dropped";
    decoded = fromHash("\xF0\x9F\x98\x80=1");
    ASSERT_EQ(decoded.notices.size(), 1u);
    EXPECT_EQ(decoded.notices[0].key, "%F0%9F%98%80");
    expectShowable(decoded.notices);
}

TEST(HashNoticeReproducer, NoticeTextReadsOnlyWhatItKeeps) {
    EXPECT_EQ(noticeText(""), "");
    EXPECT_EQ(noticeText("a b"), "a%20b");
    EXPECT_EQ(noticeText(std::string(40, 'a')), std::string(40, 'a'));
    EXPECT_EQ(noticeText(std::string(41, 'a')), std::string(40, 'a') + "...");
    EXPECT_EQ(noticeText(std::string(5'000'000, 'a')), std::string(40, 'a') + "...");
}

// ---- Exports of an empty view, or of a dataset without entities, load back

Dataset loaded(const LoadResult& result) {
    EXPECT_TRUE(result.problems.empty());
    for (const Problem& problem : result.problems) ADD_FAILURE() << describe(problem, Lang::En);
    return result.dataset ? *result.dataset : Dataset{};
}

VisibleSet all(const Dataset& dataset, bool shown) {
    return VisibleSet{std::vector<bool>(dataset.entities.size(), shown), std::vector<bool>(dataset.relations.size(), shown)};
}

TEST(ExportReproducer, ADatasetWithoutEntitiesExportsAFileThatLoads) {
    const Dataset dataset =
        loaded(loadDataset(readSourceFile("tests/fixtures/reproducers/json_export_no_entities_no_reload.json")));
    ASSERT_TRUE(dataset.entities.empty());
    const std::string exported = visibleDatasetJson(dataset, all(dataset, true));
    const Dataset reloaded = loaded(loadDataset(exported));
    EXPECT_TRUE(reloaded.entities.empty());
    ASSERT_EQ(reloaded.sources.size(), 1u);
    EXPECT_EQ(reloaded.sources[0].id, "s");
    EXPECT_EQ(visibleDatasetJson(reloaded, all(reloaded, true)), exported);
}

TEST(ExportReproducer, AnEmptyViewExportsAFileThatLoads) {
    const Dataset dataset =
        loaded(loadDataset(readSourceFile("tests/fixtures/reproducers/json_export_empty_view_no_reload.json")));
    ASSERT_FALSE(dataset.entities.empty());
    const std::string exported = visibleDatasetJson(dataset, all(dataset, false));
    const Dataset reloaded = loaded(loadDataset(exported));
    EXPECT_TRUE(reloaded.entities.empty());
    EXPECT_TRUE(reloaded.relations.empty());
    EXPECT_EQ(reloaded.sources.size(), 1u) << "the first source, and no other";
    EXPECT_EQ(visibleDatasetJson(reloaded, all(reloaded, false)), exported);
}

TEST(ExportReproducer, AnEmptyViewOfAnImportedCsvNamesOnlyTheGapsToFillIn) {
    // The file is a fuzz input: the CSV text, a NUL byte, then bytes that chose the view (here:
    // nothing shown).
    const std::string input = readSourceFile("tests/fixtures/reproducers/csv_export_empty_view_no_reload.bin");
    const std::string csv = input.substr(0, input.find('\0'));
    ASSERT_EQ(csv, "target,source,role\nA,B,le");
    const LoadResult imported = loadCsvDataset(csv);
    ASSERT_TRUE(imported.dataset.has_value());
    const std::string exported = visibleDatasetJson(*imported.dataset, all(*imported.dataset, false));
    const LoadResult reloaded = loadDataset(exported);
    // A CSV gives no source date or URL: the export names that gap (data_export.hpp), and nothing else.
    for (const Problem& problem : reloaded.problems) {
        EXPECT_EQ(problem.code, ProblemCode::MissingField) << describe(problem, Lang::En);
    }
}

} // namespace
