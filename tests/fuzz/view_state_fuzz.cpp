// libFuzzer target: the shared-link decoder (src/core/view_state_codec.hpp). Any input must
// decode without crashing into a state that a link carries exactly, with notices that are safe
// to show. Built by the asan preset (fuzz_view_state); seeds in corpus/view_state.
#include "core/view_state_codec.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

void require(bool condition) {
    if (!condition) __builtin_trap();
}

bool isPrintableAscii(std::string_view text) {
    for (const char c : text) {
        if (c <= 0x20 || c >= 0x7F) return false;
    }
    return true;
}

void checkDecode(std::string_view input, const explorer::ViewState& base) {
    const explorer::HashDecode decoded = explorer::fromHash(input, base);
    require(decoded.notices.size() <= explorer::kMaxNotices);
    for (const explorer::HashNotice& notice : decoded.notices) {
        require(notice.key.size() <= explorer::kNoticeTextMaxChars + 3);
        require(notice.value.size() <= explorer::kNoticeTextMaxChars + 3);
        require(notice.key.empty() || isPrintableAscii(notice.key));
        require(notice.value.empty() || isPrintableAscii(notice.value));
        require(!explorer::describe(notice, explorer::Lang::Fr).empty());
        require(!explorer::describe(notice, explorer::Lang::En).empty());
    }
    const std::string again = explorer::toHash(decoded.state, base);
    const explorer::HashDecode redecoded = explorer::fromHash(again, base);
    require(redecoded.notices.empty());
    require(redecoded.state == decoded.state);
    require(explorer::toHash(redecoded.state, base) == again);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    checkDecode(input, explorer::ViewState{});

    // A page with its own defaults: every field different from the built-in ones.
    explorer::ViewState base;
    base.view = explorer::View::Table;
    base.selection = "org:inria";
    base.search = "données";
    base.lang = explorer::Lang::Fr;
    base.theme = explorer::Theme::Dark;
    base.cameraSet = true;
    base.camera = explorer::Camera{2.5f, -10.0f, 7.5f};
    base.filters.axes = {"models"};
    base.filters.multiProjectOnly = true;
    base.sort = explorer::TableSort{explorer::SortColumn::Projects, true};
    base.dataset = "abc123";
    checkDecode(input, base);
    return 0;
}
