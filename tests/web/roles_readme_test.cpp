// The README's table of what each role may do is the print of the code's own table, and
// `assure roles` prints it (issue 14, item 14: one source for the code, the README and the tests).
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "core/role_table.hpp"

namespace fs = std::filesystem;

namespace {
std::string read_file(const fs::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string run(const std::string& command) {
    std::string out;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) return out;
    std::array<char, 4096> buffer{};
    while (const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) out.append(buffer.data(), n);
    ::pclose(pipe);
    return out;
}
}  // namespace

TEST(RolesReadme, TheReadmeTableIsTheCodesTable) {
    const std::string readme = read_file(fs::path(ASSURE_TESTS_DIR).parent_path() / "README.md");
    const std::string begin = "<!-- roles: the output of build/assure roles -->\n";
    const std::size_t from = readme.find(begin);
    ASSERT_NE(from, std::string::npos) << "the README has lost its roles table";
    const std::size_t to = readme.find("<!-- /roles -->", from);
    ASSERT_NE(to, std::string::npos);
    const std::string table = readme.substr(from + begin.size(), to - from - begin.size());
    EXPECT_EQ(table, assure::role_table_markdown()) << "run build/assure roles and paste its output into the README";
}

TEST(RolesReadme, TheCommandPrintsTheTable) {
    EXPECT_EQ(run(std::string(ASSURE_BINARY) + " roles"), assure::role_table_markdown());
}
