// explorer.getState / setState go through these: what a host page reads must set the same view
// back, and what it writes is validated piece by piece like a shared link.
#include "core/view_state_json.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace {

using namespace explorer;

ViewState richState() {
    ViewState s;
    s.view = View::Matrix;
    s.selection = "org:inria";
    s.lang = Lang::Fr;
    s.theme = Theme::Dark;
    s.search = "Éducation « nationale » & co #1";
    s.filters.axes = {"models", "evaluation"};
    s.filters.types = {"startup"};
    s.filters.roles = {"lead"};
    s.filters.multiProjectOnly = true;
    s.camera = Camera{1.6f, 120.0f, -40.0f};
    s.cameraSet = true;
    s.sort = TableSort{SortColumn::Projects, true};
    return s;
}

TEST(ViewStateJson, GetStateThenSetStateRestoresTheSameView) {
    const ViewState original = richState();
    const HashDecode restored = applyStateJson(stateToJson(original), ViewState{});
    EXPECT_TRUE(restored.notices.empty());
    EXPECT_EQ(restored.state, original);
}

TEST(ViewStateJson, ShapeIsThePlainObjectHostPagesRead) {
    const auto json = nlohmann::json::parse(stateToJson(richState()));
    EXPECT_EQ(json["view"], "matrix");
    EXPECT_EQ(json["selection"], "org:inria");
    EXPECT_EQ(json["lang"], "fr");
    EXPECT_EQ(json["theme"], "dark");
    EXPECT_EQ(json["filters"]["axes"].size(), 2u);
    EXPECT_EQ(json["filters"]["multiProject"], true);
    EXPECT_FLOAT_EQ(json["camera"]["zoom"].get<float>(), 1.6f);
    EXPECT_EQ(json["sort"]["column"], "projects");
    const auto fresh = nlohmann::json::parse(stateToJson(ViewState{}));
    EXPECT_TRUE(fresh["selection"].is_null());
    EXPECT_TRUE(fresh["camera"].is_null()) << "null camera = fit to view";
}

TEST(ViewStateJson, TheTextIsWhatNlohmannJsonWouldWriteByteForByte) {
    // stateToJson writes through JsonWriter; before, nlohmann_json's std::map object wrote it, keys
    // in alphabetical order. A host that compares texts sees no change: parsed and written again
    // by nlohmann_json, the text comes back the same.
    ViewState odd = richState();
    odd.search = std::string("tab\there, quote \" and an invalid byte \xFF");
    odd.camera = Camera{0.123456f, -98765.4f, 3.0f};
    for (const ViewState& state : {richState(), ViewState{}, odd}) {
        const std::string text = stateToJson(state);
        EXPECT_EQ(text, nlohmann::json::parse(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    }
    EXPECT_EQ(stateToJson(ViewState{}).substr(0, 36), R"({"camera":null,"dataset":"","filters)");
}

TEST(ViewStateJson, PartialUpdateKeepsEverythingElse) {
    const ViewState before = richState();
    const HashDecode after = applyStateJson(R"({"view":"table","filters":{"sectors":["law"]}})", before);
    EXPECT_TRUE(after.notices.empty());
    EXPECT_EQ(after.state.view, View::Table);
    EXPECT_EQ(after.state.filters.sectors, std::vector<std::string>{"law"});
    EXPECT_EQ(after.state.filters.axes, before.filters.axes);
    EXPECT_EQ(after.state.selection, before.selection);
    EXPECT_EQ(after.state.camera, before.camera);
}

TEST(ViewStateJson, NullSelectionClearsAndNullCameraFits) {
    const HashDecode after = applyStateJson(R"({"selection":null,"camera":null})", richState());
    EXPECT_TRUE(after.state.selection.empty());
    EXPECT_FALSE(after.state.cameraSet);
}

TEST(ViewStateJson, BadKeysAndValuesAreSkippedOneByOneWithNotices) {
    const ViewState before = richState();
    const HashDecode after = applyStateJson(
        R"({"view":"pie","lang":42,"selection":"<script>","camera":{"zoom":"big"},"colour":"red",
            "filters":{"axes":[1,"datasets"],"shape":[]},"theme":"light"})",
        before);
    EXPECT_EQ(after.state.view, before.view);
    EXPECT_EQ(after.state.lang, before.lang);
    EXPECT_EQ(after.state.selection, before.selection);
    EXPECT_EQ(after.state.camera, before.camera);
    EXPECT_EQ(after.state.filters.axes, std::vector<std::string>{"datasets"});
    EXPECT_EQ(after.state.theme, Theme::Light) << "the valid part still applies";
    std::vector<std::string> keys;
    for (const HashNotice& notice : after.notices) keys.push_back(notice.key);
    for (const char* expected : {"view", "lang", "sel", "camera", "colour", "filters.axes", "filters.shape"}) {
        EXPECT_NE(std::find(keys.begin(), keys.end(), expected), keys.end()) << expected;
    }
}

TEST(ViewStateJson, NotAnObjectChangesNothing) {
    const ViewState before = richState();
    for (const char* text : {"", "[]", "\"matrix\"", "{", "null", "{\"view\":"}) {
        const HashDecode after = applyStateJson(text, before);
        EXPECT_EQ(after.state, before) << text;
        EXPECT_EQ(after.notices.size(), 1u) << text;
    }
}

TEST(ViewStateJson, ManyBadKeysAreCappedNotListedForever) {
    std::string text = "{";
    for (int i = 0; i < 100; ++i) text += (i ? "," : "") + std::string("\"k") + std::to_string(i) + "\":1";
    text += "}";
    const HashDecode after = applyStateJson(text, ViewState{});
    EXPECT_EQ(after.notices.size(), kMaxNotices);
    EXPECT_EQ(after.notices.back().reason, NoticeReason::MoreNotices);
}

// setState hands each JSON value to the settings as it is (view_state_settings.hpp): no URL
// fragment is built, so nothing a percent-encoding would change reaches the state altered, and
// no link limit (the 12 KiB of kHashMaxBytes) applies to it.
TEST(ViewStateJson, ValuesComeThroughByteForByteWithoutAHash) {
    const HashDecode after = applyStateJson(
        R"({"search":"100% & a=b #frag + ~,:;/? \"q\" \u00e9\u20ac\ud83d\ude00 %41%zz","view":"table"})", ViewState{});
    EXPECT_TRUE(after.notices.empty());
    EXPECT_EQ(after.state.search, "100% & a=b #frag + ~,:;/? \"q\" \xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80 %41%zz");
    EXPECT_EQ(after.state.view, View::Table);

    // A refused value is quoted as the host gave it, not as a link would have escaped it.
    const HashDecode refused = applyStateJson(R"({"selection":"a&b=c#d","filters":{"axes":["x%y","ok"]}})", ViewState{});
    EXPECT_EQ(refused.state.filters.axes, std::vector<std::string>{"ok"});
    ASSERT_EQ(refused.notices.size(), 2u);
    EXPECT_EQ(refused.notices[0], (HashNotice{"ax", "x%y", NoticeReason::BadValue}));
    EXPECT_EQ(refused.notices[1], (HashNotice{"sel", "a&b=c#d", NoticeReason::BadValue}));
}

TEST(ViewStateJson, ASearchKeepsItsFirst200Characters) {
    std::string emoji;
    for (int i = 0; i < 200; ++i) emoji += "\xF0\x9F\x98\x80"; // U+1F600, 4 bytes
    HashDecode after = applyStateJson(R"({"search":")" + emoji + R"("})", ViewState{});
    EXPECT_TRUE(after.notices.empty());
    EXPECT_EQ(after.state.search, emoji);

    // 4,000 "é": 8,000 bytes, which a link would carry as 24,000 and cut as too long; here it is
    // simply shortened to its first 200 characters, and the keys after it still apply.
    std::string longE;
    for (int i = 0; i < 4000; ++i) longE += "\xC3\xA9";
    after = applyStateJson(R"({"search":")" + longE + R"(","view":"matrix"})", ViewState{});
    EXPECT_EQ(after.state.search, longE.substr(0, 400));
    EXPECT_EQ(after.state.view, View::Matrix);
    ASSERT_EQ(after.notices.size(), 1u);
    EXPECT_EQ(after.notices[0].key, "q");
    EXPECT_EQ(after.notices[0].reason, NoticeReason::TooLong);
}

} // namespace
