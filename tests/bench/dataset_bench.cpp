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
#include "crypto/sodium.hpp"
#include "ingest/expat_xml_reader.hpp"
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
    const auto t0 = std::chrono::steady_clock::now();
    YearRecords r;
    r.year = 2016;
    r.population = std::stoll(argv[2]);
    auto header = read_ssda903_header(Mapped(dir + "/ssda903-header.csv").file.bytes(), digest);
    auto episodes = read_ssda903_episodes(Mapped(dir + "/ssda903-episodes.csv").file.bytes(), digest);
    auto missing = read_missing(Mapped(dir + "/missing.csv").file.bytes(), digest);
    const double read_s = since(t0);
    for (const auto* refused : {&header.refused, &episodes.refused, &missing.refused}) {
        if (!refused->empty()) std::cerr << "refused: line " << refused->front().line << ": " << refused->front().reason << "\n";
    }
    r.children = std::move(header.rows);
    r.episodes = std::move(episodes.rows);
    r.missing = std::move(missing.rows);
    const auto t1 = std::chrono::steady_clock::now();
    const auto values = compute_year(r);
    const double compute_s = since(t1);
    print(values);
    std::fprintf(stderr, "assure: %zu header, %zu episodes, %zu missing rows; read and checked %.2f s, computed %.3f s\n", r.children.size(),
                 r.episodes.size(), r.missing.size(), read_s, compute_s);

    // The census, as the import reads it: expat's elements into core's reader, a child at a time.
    const auto t2 = std::chrono::steady_clock::now();
    CinCensusReader reader(2016, digest);
    ingest::ExpatXmlReader().read(Mapped(dir + "/cin.xml").file.bytes(), reader);
    const auto census = reader.finish();
    const double cin_read_s = since(t2);
    if (!census.refused.empty()) std::cerr << "refused: line " << census.refused.front().line << ": " << census.refused.front().reason << "\n";
    const auto t3 = std::chrono::steady_clock::now();
    const auto cin_values = compute_cin_year(2016, census.census, {}, r.population, WorkingCalendar());
    const double cin_compute_s = since(t3);
    print(cin_values);
    std::fprintf(stderr, "assure: census of %d children (%zu referrals, %zu plans); read and checked %.2f s, computed %.3f s\n", census.children_kept,
                 census.census.referrals.size(), census.census.plans.size(), cin_read_s, cin_compute_s);
    return 0;
}
