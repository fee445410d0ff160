// libFuzzer target: every importer of CSV text (core/csv.cpp and core/dataset_records.cpp):
// the reader itself, the SSDA903 header and episodes, missing episodes, population and an
// agency's indicator values. The first byte chooses the importer; the rest is the file.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/csv.hpp"
#include "core/dataset_records.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view csv(reinterpret_cast<const char*>(data) + 1, size - 1);
    const assure::Pseudonymise pseudonymise = [](std::string_view id) { return "p" + std::to_string(id.size()); };
    switch (data[0] % 6) {
        case 0: {
            assure::CsvReader reader(csv);
            std::vector<std::string> cells;
            int previous = 0;
            while (reader.next(cells)) {
                if (reader.line() < previous) __builtin_trap();  // lines only go forward
                previous = reader.line();
            }
            break;
        }
        case 1: (void)assure::read_ssda903_header(csv, pseudonymise); break;
        case 2: (void)assure::read_ssda903_episodes(csv, pseudonymise); break;
        case 3: (void)assure::read_missing(csv, pseudonymise); break;
        case 4: (void)assure::read_population(csv); break;
        default: (void)assure::read_indicator_values(csv, [](std::string_view code) { return code.size() % 2 == 0; }); break;
    }
    return 0;
}
