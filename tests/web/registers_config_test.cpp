// The configuration file's [registers] section: the LADO timeliness targets a new partnership
// starts with, read from the file and refused, naming the key, when not a whole percentage.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "cli/config.hpp"

namespace {

namespace fs = std::filesystem;

std::string config_file(const std::string& text) {
    const fs::path p = fs::temp_directory_path() / ("assure-registers-" + std::to_string(::getpid()) + ".toml");
    std::ofstream(p) << text;
    return p.string();
}

}  // namespace

TEST(RegistersConfig, TheFileGivesNewPartnershipsTheirLadoTargets) {
    const auto path = config_file("[registers]\nlado_within_one_month_percent = 75\n");
    const auto c = assure::cli::load_config(path);
    fs::remove(path);
    EXPECT_EQ(c.register_rules.lado_within_one_month_percent, 75);
    EXPECT_EQ(c.register_rules.lado_within_three_months_percent, 90) << "an absent key keeps the shipped default";
    EXPECT_EQ(c.register_rules.lado_within_twelve_months_percent, 100);
}

TEST(RegistersConfig, ATargetThatIsNotAPercentageIsRefusedNamingIt) {
    const auto path = config_file("[registers]\nlado_within_three_months_percent = 120\n");
    try {
        assure::cli::load_config(path);
        ADD_FAILURE() << "120% was accepted";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("[registers] lado_within_three_months_percent"), std::string::npos) << e.what();
    }
    fs::remove(path);
}

TEST(RegistersConfig, TheExampleFileLoadsWithTheShippedTargets) {
    // The build folder is build/ in the source tree (the README's contract).
    const fs::path example = fs::path(ASSURE_BINARY).parent_path().parent_path() / "assure.example.toml";
    const auto c = assure::cli::load_config(example.string());
    EXPECT_EQ(c.register_rules, assure::RegisterRules{});
}
