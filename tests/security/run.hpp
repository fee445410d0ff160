#pragma once
// The assure command run as an operator runs it, and a temporary folder, for the security tests.
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace assure::testing {

struct Output {
    int status;
    std::string text;
};

// `env` is "NAME=value …" placed before the command, or "".
inline Output run(const std::string& args, const std::string& env = "") {
    static int n = 0;
    const auto out = std::filesystem::temp_directory_path() /
                     ("assure-security-" + std::to_string(::getpid()) + "-" + std::to_string(++n) + ".out");
    const std::string prefix = env.empty() ? "" : "env " + env + " ";
    const int rc = std::system((prefix + ASSURE_BINARY + " " + args + " > " + out.string() + " 2>&1").c_str());
    std::ifstream in(out);
    std::stringstream text;
    text << in.rdbuf();
    std::filesystem::remove(out);
    return {WIFEXITED(rc) ? WEXITSTATUS(rc) : -1, text.str()};
}

class TempDir {
public:
    TempDir() {
        static int n = 0;
        path_ = std::filesystem::temp_directory_path() /
                ("assure-security-" + std::to_string(::getpid()) + "-d" + std::to_string(++n));
        std::filesystem::create_directories(path_);
    }
    ~TempDir() { std::filesystem::remove_all(path_); }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    [[nodiscard]] std::string operator/(const std::string& name) const { return (path_ / name).string(); }

private:
    std::filesystem::path path_;
};

}  // namespace assure::testing
