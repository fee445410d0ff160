// WeasyPrint as a child process (web/pdf.hpp): a scratch folder of its own per render, a
// minute at most, and the log's first words in the failure's detail.
#include "web/pdf.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include "core/failure.hpp"

namespace assure::web {
namespace {

namespace fs = std::filesystem;

// A folder of its own for one render, removed with everything in it when done.
class Scratch {
public:
    Scratch() {
        std::string pattern = (fs::temp_directory_path() / "assure-pdf-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) {
            throw Failure(FailureCode::unavailable, "The PDF could not be made just now. Try again later.", {}, "mkdtemp failed");
        }
        dir_ = pattern;
    }
    ~Scratch() {
        std::error_code ec;
        fs::remove_all(dir_, ec);
    }
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;
    [[nodiscard]] fs::path path(const char* name) const { return dir_ / name; }

private:
    fs::path dir_;
};

Failure pdf_unavailable(const std::string& detail) {
    return {FailureCode::unavailable, "The PDF could not be made just now. Try again later, or print the page it was made from.", {}, detail};
}

// Runs WeasyPrint on the HTML and returns the PDF's bytes. The program is `weasyprint` on the
// PATH unless ASSURE_WEASYPRINT names another.
}  // namespace

std::string render_pdf(const std::string& html) {
    const Scratch scratch;
    const fs::path in = scratch.path("report.html"), out = scratch.path("report.pdf"), log = scratch.path("weasyprint.log");
    {
        std::ofstream f(in, std::ios::binary);
        f << html;
        if (!f) throw pdf_unavailable("could not write " + in.string());
    }
    const char* configured = std::getenv("ASSURE_WEASYPRINT");
    const std::string program = configured != nullptr && *configured != '\0' ? configured : "weasyprint";
    // posix_spawnp rather than fork: the server has many threads, and the child only execs.
    posix_spawn_file_actions_t files;
    ::posix_spawn_file_actions_init(&files);
    ::posix_spawn_file_actions_addopen(&files, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ::posix_spawn_file_actions_adddup2(&files, 1, 2);
    std::vector<std::string> args{program, "--quiet", "--pdf-variant", "pdf/ua-1", in.string(), out.string()};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t child = 0;
    const int spawned = ::posix_spawnp(&child, program.c_str(), &files, nullptr, argv.data(), environ);
    ::posix_spawn_file_actions_destroy(&files);
    if (spawned != 0) throw pdf_unavailable("could not start " + program + ": " + std::strerror(spawned));
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    int status = 0;
    for (;;) {
        const pid_t done = ::waitpid(child, &status, WNOHANG);
        if (done == child) break;
        if (done < 0) throw pdf_unavailable("waitpid failed");
        if (std::chrono::steady_clock::now() > deadline) {
            ::kill(child, SIGKILL);
            ::waitpid(child, &status, 0);
            throw pdf_unavailable(program + " took longer than 60 seconds");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    std::ifstream result(out, std::ios::binary);
    std::ostringstream bytes;
    if (result) bytes << result.rdbuf();
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || bytes.str().rfind("%PDF-", 0) != 0) {
        std::ifstream l(log);
        std::ostringstream said;
        said << l.rdbuf();
        throw pdf_unavailable(program + " failed (status " + std::to_string(status) + "): " + said.str().substr(0, 500));
    }
    return bytes.str();
}


}  // namespace assure::web
