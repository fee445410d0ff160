// The dataset benchmark's Assure side: reads a year's extracts and its children in need census
// with the import's readers (each child's id through the keyed digest, as an import does),
// computes every record-level indicator for the year and its quarters, and prints the figures
// (stdout) and the time each step took (stderr). tests/bench/dataset.sh runs it beside the
// pandas reference.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "core/dataset_cin.hpp"
#include "core/dataset_compute.hpp"
#include "core/dataset_pieces.hpp"
#include "app/threads.hpp"
#include "crypto/sodium.hpp"
#include "ingest/libxml2_xml_reader.hpp"
#include "web/multipart.hpp"

using namespace assure;

namespace {

// Each file mapped, as the server and `assure import` read an import (web::MappedFile).
struct Mapped {
    explicit Mapped(const std::string& path) : file(path) {
        if (!file.ok()) throw std::runtime_error("cannot read " + path);
    }
    web::MappedFile file;
};

double since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

// One line an indicator-period, as the pandas reference prints them.
void print(const std::vector<IndicatorValue>& values) {
    for (const auto& v : values) {
        std::printf("%s %s %s %s %s\n", v.code.c_str(), v.period.key().c_str(), v.numerator ? std::to_string(*v.numerator).c_str() : "-",
                    v.denominator ? std::to_string(*v.denominator).c_str() : "-", v.value ? format_figure(*v.value, v.numerator ? Unit::percentage : Unit::count).c_str() : "-");
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: dataset_bench DIR POPULATION\n";
        return 2;
    }
    const std::string dir = argv[1];
    crypto::initialise();
    const crypto::SecretboxSealer sealer(std::string(32, 'k'));
    const Pseudonymise digest = [&](std::string_view id) { return sealer.keyed_digest("dataset-child:1", id); };
    // Each file read as an import reads it: cut into pieces by its size, done on the cores.
    auto pieces = [](const web::MappedFile& f, std::size_t most = 0) { return import_pieces(f.bytes().size(), most); };
    const auto t0 = std::chrono::steady_clock::now();
    YearRecords r;
    r.year = 2016;
    r.population = std::stoll(argv[2]);
    const Mapped header_file(dir + "/ssda903-header.csv");
    auto header = read_ssda903_header(header_file.file.bytes(), digest, pieces(header_file.file));
    const double header_s = since(t0);
    const Mapped episodes_file(dir + "/ssda903-episodes.csv");
    auto episodes = read_ssda903_episodes(episodes_file.file.bytes(), digest, pieces(episodes_file.file));
    const double episodes_s = since(t0) - header_s;
    const Mapped missing_file(dir + "/missing.csv");
    auto missing = read_missing(missing_file.file.bytes(), digest, pieces(missing_file.file));
    const double read_s = since(t0);
    for (const auto* refused : {&header.refused, &episodes.refused, &missing.refused}) {
        if (!refused->empty()) std::cerr << "refused: line " << refused->front().line << ": " << refused->front().reason << "\n";
    }
    r.children = std::move(header.rows);
    r.episodes = std::move(episodes.rows);
    r.missing = std::move(missing.rows);

    // The census, as the import reads it: libxml2's elements into core's reader, in pieces of 8 MiB.
    const auto t1 = std::chrono::steady_clock::now();
    const Mapped census_file(dir + "/cin.xml");
    const ingest::Libxml2XmlReader parser;
    const auto census = read_cin_census(
        census_file.file.bytes(), 2016, digest, [&](std::span<const std::string_view> parts, XmlEvents& events) { parser.read(parts, events); },
        pieces(census_file.file, 8u << 20));
    const double cin_read_s = since(t1);
    if (!census.refused.empty()) std::cerr << "refused: line " << census.refused.front().line << ": " << census.refused.front().reason << "\n";

    // The two computations at once, as the scorecard does them.
    const auto t2 = std::chrono::steady_clock::now();
    std::vector<IndicatorValue> values;
    std::vector<IndicatorValue> cin_values;
    double extracts_s = 0;
    double census_s = 0;
    std::vector<Task> both{[&] {
                               values = compute_year(r);
                               extracts_s = since(t2);
                           },
                           [&] {
                               cin_values = compute_cin_year(2016, census.census, {}, r.population, WorkingCalendar());
                               census_s = since(t2);
                           }};
    run_on_threads(both);
    const double compute_s = since(t2);
    print(values);
    print(cin_values);
    std::fprintf(stderr, "assure: %zu header, %zu episodes, %zu missing rows; read and checked %.2f s (header %.2f s, episodes %.2f s, missing %.2f s)\n",
                 r.children.size(), r.episodes.size(), r.missing.size(), read_s, header_s, episodes_s, read_s - header_s - episodes_s);
    std::fprintf(stderr, "assure: census of %d children (%zu referrals, %zu plans); read and checked %.2f s\n", census.children_kept,
                 census.census.referrals.size(), census.census.plans.size(), cin_read_s);
    std::fprintf(stderr, "assure: every indicator computed, the extracts' and the census's at once: %.3f s (extracts %.3f s, census %.3f s)\n", compute_s,
                 extracts_s, census_s);
    std::fprintf(stderr, "assure: whole read and compute %.2f s on %zu threads\n", since(t0), import_threads());
    return 0;
}
