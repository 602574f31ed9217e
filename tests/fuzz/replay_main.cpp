// Replays inputs through a fuzz target without libFuzzer: every build (gcc or clang, with or
// without sanitizers) runs the seed corpus and the regression files of each target as a ctest
// test (tests/fuzz/CMakeLists.txt). Arguments are files or folders (read one level deep, hidden
// files and README.md skipped; a missing folder holds nothing). A crash fails the test by itself;
// an input that takes longer than the per-input limit (EXPLORER_FUZZ_REPLAY_LIMIT_S seconds, 10
// by default, the -timeout that scripts/test.sh gives libFuzzer) fails it too.
#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

namespace fs = std::filesystem;

std::vector<fs::path> inputsOf(const fs::path& argument) {
    std::vector<fs::path> inputs;
    std::error_code error;
    if (fs::is_regular_file(argument, error)) {
        inputs.push_back(argument);
    } else if (fs::is_directory(argument, error)) {
        for (const fs::directory_entry& entry : fs::directory_iterator(argument, error)) {
            const std::string name = entry.path().filename().string();
            if (!entry.is_regular_file() || name.starts_with('.') || name == "README.md") continue;
            inputs.push_back(entry.path());
        }
    }
    std::sort(inputs.begin(), inputs.end());
    return inputs;
}

} // namespace

int main(int argc, char** argv) {
    double limitSeconds = 10.0;
    if (const char* limit = std::getenv("EXPLORER_FUZZ_REPLAY_LIMIT_S")) limitSeconds = std::atof(limit);
    std::size_t count = 0;
    int slow = 0;
    for (int i = 1; i < argc; ++i) {
        for (const fs::path& path : inputsOf(argv[i])) {
            std::ifstream file(path, std::ios::binary);
            const std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
            if (!file.good() && !file.eof()) {
                std::fprintf(stderr, "cannot read %s\n", path.c_str());
                return 2;
            }
            std::fprintf(stderr, "replay %s (%zu bytes)\n", path.c_str(), bytes.size());
            const auto start = std::chrono::steady_clock::now();
            // A copy of exactly the input's size, so that ASan sees any read past its end.
            std::vector<std::uint8_t> data(bytes.begin(), bytes.end());
            LLVMFuzzerTestOneInput(data.empty() ? nullptr : data.data(), data.size());
            const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
            if (took.count() > limitSeconds) {
                std::fprintf(stderr, "SLOW: %s took %.1f s (limit %.1f s)\n", path.c_str(), took.count(), limitSeconds);
                ++slow;
            }
            ++count;
        }
    }
    std::fprintf(stderr, "%zu inputs replayed, %d too slow\n", count, slow);
    return slow == 0 ? 0 : 1;
}
