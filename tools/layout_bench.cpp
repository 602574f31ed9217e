// layout-bench: iterations per second of the network layout (core/network_layout.hpp, the forces
// of core/graph_layout.hpp) on synthetic consortia (core/synthetic_dataset.hpp) of the given
// sizes, built in memory (no loader, so sizes past its limits work). Figures, never a verdict.
//
// The same file is built three ways (scripts/bench-layout.mjs runs them all and prints one table):
// natively (tools/CMakeLists.txt), and for Node by the web build (CMakeLists.txt, "Layout speed"):
// layout_bench_shipped links the core exactly as the shipped widget does, layout_bench_wasm has
// the layout sources at -O3.
//
//   layout-bench [--sizes 1000,10000,100000] [--seed S] [--iterations N] [--export DIR]
//
// For each size: the dataset, the layout set up as the widget does (NetworkLayout::show), one
// iteration to warm up, then N timed iterations (NetworkLayout::advance with a deadline already
// past does exactly one; default N: 100 up to 2,000 nodes, 20 up to 20,000, 5 beyond). One JSON
// line per size on standard output:
//   {"nodes":…,"edges":…,"iterations":…,"seconds":…,"per_second":…,"median_per_second":…,
//    "setup_seconds":…,"checksum":"…"}
// per_second: timed iterations / their total time; median_per_second: 1 / the median iteration's
// time, which a busy machine (another process taking the core for a while) disturbs far less.
// checksum: FNV-1a 64 of the positions' bits after the timed iterations; the same for native
// and wasm builds (the layout's determinism contract).
// --export DIR (native only) also writes DIR/graph-N.json, the graph the peers lay out: node
// count, starting positions (the layout's own), radii, repulsion weights, edges as index pairs
// and their lengths:
//   {"nodes":N,"x":[…],"y":[…],"radius":[…],"weight":[…],"edges":[a0,b0,a1,b1,…],"length":[…]}
#include "core/filters.hpp"
#include "core/model.hpp"
#include "core/network_layout.hpp"
#include "core/synthetic_dataset.hpp"

#include <algorithm>
#include <chrono>
#include <cinttypes>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

int usage(const char* message) {
    std::fprintf(stderr,
                 "layout-bench: %s\nUsage: layout-bench [--sizes 1000,10000,100000] [--seed S] "
                 "[--iterations N] [--export DIR]\n",
                 message);
    return 2;
}

bool parseSizes(std::string_view text, std::vector<std::size_t>& sizes) {
    sizes.clear();
    std::size_t value = 0;
    bool digits = false;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == ',') {
            if (!digits || value < 4) return false;
            sizes.push_back(value);
            value = 0;
            digits = false;
        } else if (text[i] >= '0' && text[i] <= '9' && value < 100'000'000) {
            value = value * 10 + static_cast<std::size_t>(text[i] - '0');
            digits = true;
        } else {
            return false;
        }
    }
    return true;
}

int defaultIterations(std::size_t nodes) { return nodes <= 2'000 ? 100 : nodes <= 20'000 ? 20 : 5; }

std::uint64_t checksum(const std::vector<explorer::NetworkNode>& nodes) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (const explorer::NetworkNode& node : nodes) {
        for (const float v : {node.at.x, node.at.y}) {
            std::uint32_t bits = 0;
            std::memcpy(&bits, &v, sizeof bits);
            for (int b = 0; b < 4; ++b) {
                hash ^= (bits >> (8 * b)) & 0xFFU;
                hash *= 0x100000001b3ULL;
            }
        }
    }
    return hash;
}

// The edges the forces use: the first of each pair of nodes (graph_layout.hpp drops the others).
std::vector<explorer::NetworkEdge> forceEdges(const explorer::NetworkLayout& layout) {
    std::vector<std::pair<std::pair<std::size_t, std::size_t>, std::size_t>> keys;
    const auto& edges = layout.edges();
    for (std::size_t k = 0; k < edges.size(); ++k)
        keys.push_back({{std::min(edges[k].a, edges[k].b), std::max(edges[k].a, edges[k].b)}, k});
    std::sort(keys.begin(), keys.end());
    std::vector<std::size_t> kept;
    for (std::size_t k = 0; k < keys.size(); ++k)
        if (k == 0 || keys[k].first != keys[k - 1].first) kept.push_back(keys[k].second);
    std::sort(kept.begin(), kept.end());
    std::vector<explorer::NetworkEdge> out;
    for (const std::size_t k : kept) out.push_back(edges[k]);
    return out;
}

// The layout's graph for the peers: its nodes and edges as the forces see them, its starting
// positions. Weights and lengths are the widget's, by the rules of network_layout.cpp (projects
// repel 3 times harder; a link is both radii plus a gap of 50 stretched at hubs), and so are the
// constants a peer needs to reproduce the model (charge 250, gravity 0.08, padding 10).
bool exportGraph(const std::string& path, const explorer::Dataset& dataset, const explorer::NetworkLayout& layout) {
    std::FILE* out = std::fopen(path.c_str(), "w");
    if (out == nullptr) return false;
    const auto& nodes = layout.nodes();
    const std::vector<explorer::NetworkEdge> edges = forceEdges(layout);
    const auto list = [&](const char* name, auto value, std::size_t count) {
        std::fprintf(out, ",\"%s\":[", name);
        for (std::size_t i = 0; i < count; ++i) std::fprintf(out, i ? ",%.9g" : "%.9g", static_cast<double>(value(i)));
        std::fputs("]", out);
    };
    std::fprintf(out, "{\"nodes\":%zu,\"charge\":250,\"gravity\":0.08,\"padding\":10", nodes.size());
    list("x", [&](std::size_t i) { return nodes[i].at.x; }, nodes.size());
    list("y", [&](std::size_t i) { return nodes[i].at.y; }, nodes.size());
    list("radius", [&](std::size_t i) { return nodes[i].radius; }, nodes.size());
    list("weight", [&](std::size_t i) { return nodes[i].kind == explorer::EntityKind::Project ? 3.0f : 1.0f; },
         nodes.size());
    std::fputs(",\"edges\":[", out);
    for (std::size_t k = 0; k < edges.size(); ++k) std::fprintf(out, k ? ",%zu,%zu" : "%zu,%zu", edges[k].a, edges[k].b);
    std::fputs("]", out);
    // Link length as network_layout.cpp sets it: both radii plus the gap stretched at hubs.
    list("length",
         [&](std::size_t k) {
             const std::size_t a = nodes[edges[k].a].entity;
             const std::size_t b = nodes[edges[k].b].entity;
             const std::size_t busiest = std::max(dataset.relationsOf(a).size(), dataset.relationsOf(b).size());
             return nodes[edges[k].a].radius + nodes[edges[k].b].radius +
                    50.0f * (1.0f + explorer::kHubStretch * std::sqrt(static_cast<float>(busiest)));
         },
         edges.size());
    std::fputs("}\n", out);
    return std::fclose(out) == 0;
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::size_t> sizes = {1'000, 10'000, 100'000};
    std::uint64_t seed = 1;
    int iterations = 0; // 0: by size
    std::string exportDir;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        const bool hasValue = i + 1 < argc;
        if (arg == "--sizes" && hasValue) {
            if (!parseSizes(argv[++i], sizes)) return usage("--sizes takes node counts of at least 4, such as 1000,10000");
        } else if (arg == "--seed" && hasValue) {
            seed = std::strtoull(argv[++i], nullptr, 10);
        } else if (arg == "--iterations" && hasValue) {
            iterations = std::atoi(argv[++i]);
            if (iterations < 1) return usage("--iterations takes a whole number of at least 1");
        } else if (arg == "--export" && hasValue) {
            exportDir = argv[++i];
#ifdef __EMSCRIPTEN__
            return usage("--export needs the native build");
#endif
        } else {
            return usage("unknown or incomplete option");
        }
    }

    for (const std::size_t size : sizes) {
        const Clock::time_point setupStart = Clock::now();
        const explorer::Dataset dataset = explorer::syntheticDataset(explorer::syntheticOptionsForEntities(size, seed));
        const explorer::VisibleSet all{std::vector<bool>(dataset.entities.size(), true),
                                       std::vector<bool>(dataset.relations.size(), true)};
        explorer::NetworkLayout layout;
        layout.show(dataset, all);
        const double setup = secondsSince(setupStart);
        if (!exportDir.empty()) {
            const std::string path = exportDir + "/graph-" + std::to_string(size) + ".json";
            if (!exportGraph(path, dataset, layout)) {
                std::fprintf(stderr, "layout-bench: cannot write %s\n", path.c_str());
                return 2;
            }
        }
        const Clock::time_point past{};
        layout.advance(past); // warm-up: scratch buffers, caches
        const int count = iterations > 0 ? iterations : defaultIterations(size);
        std::vector<double> times;
        for (int k = 0; k < count; ++k) {
            const Clock::time_point start = Clock::now();
            layout.advance(past);
            times.push_back(secondsSince(start));
        }
        double seconds = 0.0;
        for (const double t : times) seconds += t;
        std::sort(times.begin(), times.end());
        const double median = times[times.size() / 2];
        std::printf("{\"nodes\":%zu,\"edges\":%zu,\"iterations\":%d,\"seconds\":%.6f,\"per_second\":%.3f,"
                    "\"median_per_second\":%.3f,\"setup_seconds\":%.3f,\"checksum\":\"%016" PRIx64 "\"}\n",
                    layout.nodes().size(), forceEdges(layout).size(), count, seconds,
                    seconds > 0.0 ? count / seconds : 0.0, median > 0.0 ? 1.0 / median : 0.0, setup,
                    checksum(layout.nodes()));
        std::fflush(stdout);
    }
    return 0;
}
