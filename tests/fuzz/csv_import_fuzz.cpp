// libFuzzer target: the CSV loader (src/core/csv_import.hpp). Any text loads or is refused with
// problems sorted by line then field, never a crash. Seeds in corpus/csv_import.
#include "fuzz_support.hpp"

#include "core/csv_import.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <tuple>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using explorer::fuzz::require;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    (void)explorer::looksLikeJson(text);
    const explorer::LoadResult result = explorer::loadCsvDataset(text);
    explorer::fuzz::checkLoadResult(result);
    for (std::size_t i = 1; i < result.problems.size(); ++i) {
        const explorer::Problem& a = result.problems[i - 1];
        const explorer::Problem& b = result.problems[i];
        if (b.code == explorer::ProblemCode::TooManyProblems) continue;
        require(std::tie(a.line, a.column) <= std::tie(b.line, b.column));
    }
    return 0;
}
