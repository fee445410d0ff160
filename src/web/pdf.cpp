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

std::string program_named(const char* variable, const char* fallback) {
    const char* configured = std::getenv(variable);
    return configured != nullptr && *configured != '\0' ? configured : fallback;
}

// Runs a program to its end (a minute at most) with its output in `log`; its exit status, or
// -1 when it did not exit normally.
int run_program(std::vector<std::string> args, const fs::path& log) {
    // posix_spawnp rather than fork: the server has many threads, and the child only execs.
    posix_spawn_file_actions_t files;
    ::posix_spawn_file_actions_init(&files);
    ::posix_spawn_file_actions_addopen(&files, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ::posix_spawn_file_actions_adddup2(&files, 1, 2);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t child = 0;
    const int spawned = ::posix_spawnp(&child, args[0].c_str(), &files, nullptr, argv.data(), environ);
    ::posix_spawn_file_actions_destroy(&files);
    if (spawned != 0) throw pdf_unavailable("could not start " + args[0] + ": " + std::strerror(spawned));
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    int status = 0;
    for (;;) {
        const pid_t done = ::waitpid(child, &status, WNOHANG);
        if (done == child) break;
        if (done < 0) throw pdf_unavailable("waitpid failed");
        if (std::chrono::steady_clock::now() > deadline) {
            ::kill(child, SIGKILL);
            ::waitpid(child, &status, 0);
            throw pdf_unavailable(args[0] + " took longer than 60 seconds");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string read_all(const fs::path& path) {
    std::ifstream f(path, std::ios::binary);
    std::ostringstream bytes;
    if (f) bytes << f.rdbuf();
    return bytes.str();
}

void write_all(const fs::path& path, std::string_view bytes) {
    std::ofstream f(path, std::ios::binary);
    f << bytes;
    if (!f) throw pdf_unavailable("could not write " + path.string());
}

}  // namespace

std::string render_pdf(const std::string& html) {
    const Scratch scratch;
    const fs::path in = scratch.path("report.html"), out = scratch.path("report.pdf"), log = scratch.path("weasyprint.log");
    write_all(in, html);
    const std::string program = program_named("ASSURE_WEASYPRINT", "weasyprint");
    const int status = run_program({program, "--quiet", "--pdf-variant", "pdf/ua-1", in.string(), out.string()}, log);
    std::string bytes = read_all(out);
    if (status != 0 || bytes.rfind("%PDF-", 0) != 0) {
        throw pdf_unavailable(program + " failed (status " + std::to_string(status) + "): " + read_all(log).substr(0, 500));
    }
    return bytes;
}

bool readable_pdf(const std::string& path) {
    const Scratch scratch;
    // The test is the join itself on this file alone: its pages copied into a new document.
    // A damaged file qpdf cannot repair, one with no pages, or one locked by a password fails.
    const std::string program = program_named("ASSURE_QPDF", "qpdf");
    return run_program({program, "--warning-exit-0", "--empty", "--pages", path, "1-z", "--", scratch.path("alone.pdf").string()},
                       scratch.path("qpdf.log")) == 0;
}

std::string join_pdfs(const std::string& first, const std::vector<std::string>& then) {
    if (then.empty()) return first;
    const Scratch scratch;
    const fs::path in = scratch.path("first.pdf"), out = scratch.path("joined.pdf"), log = scratch.path("qpdf.log");
    write_all(in, first);
    const std::string program = program_named("ASSURE_QPDF", "qpdf");
    // The first document is the primary input, so its catalogue (tags, language, title) is the
    // joined file's; the others add their pages after it.
    std::vector<std::string> args{program, "--warning-exit-0", in.string(), "--pages", ".", "1-z"};
    for (const auto& path : then) {
        args.push_back(path);
        args.push_back("1-z");
    }
    args.push_back("--");
    args.push_back(out.string());
    const int status = run_program(args, log);
    std::string bytes = read_all(out);
    if (status != 0 || bytes.rfind("%PDF-", 0) != 0) {
        throw pdf_unavailable(program + " failed (status " + std::to_string(status) + "): " + read_all(log).substr(0, 500));
    }
    return bytes;
}

}  // namespace assure::web
