#pragma once
// A PDF's text and facts as poppler-utils (pdftotext, pdfinfo) read them: what a person opening
// the file would see, and whether it carries tags for screen readers.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

namespace assure::testing {

class PdfFile {
public:
    explicit PdfFile(const std::string& bytes)
        : path_(std::filesystem::temp_directory_path() / ("assure-test-" + std::to_string(::getpid()) + "-" + std::to_string(++made_) + ".pdf")) {
        std::ofstream(path_, std::ios::binary) << bytes;
    }
    ~PdfFile() { std::filesystem::remove(path_); }
    PdfFile(const PdfFile&) = delete;
    PdfFile& operator=(const PdfFile&) = delete;

    // The words in reading order, each run of spaces and line breaks made one space, so a phrase
    // is found wherever the page wrapped it.
    [[nodiscard]] std::string text() const {
        const std::string raw = run("pdftotext '" + path_.string() + "' -");
        std::string out;
        for (const char c : raw) {
            const bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f';
            if (!space) {
                out += c;
            } else if (!out.empty() && out.back() != ' ') {
                out += ' ';
            }
        }
        return out;
    }
    // One line of pdfinfo's report ("Pages", "Tagged", "Title", "Page size"), without its label.
    [[nodiscard]] std::string info(const std::string& key) const {
        std::istringstream lines(run("pdfinfo '" + path_.string() + "'"));
        for (std::string line; std::getline(lines, line);) {
            if (line.rfind(key + ":", 0) != 0) continue;
            const auto value = line.find_first_not_of(' ', key.size() + 1);
            return value == std::string::npos ? std::string() : line.substr(value);
        }
        return {};
    }
    [[nodiscard]] int pages() const {
        const std::string p = info("Pages");
        return p.empty() ? 0 : std::stoi(p);
    }

private:
    static std::string run(const std::string& command) {
        std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(command.c_str(), "r"), ::pclose);
        std::string out;
        if (!pipe) return out;
        char buffer[4096];
        for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe.get())) > 0;) out.append(buffer, n);
        return out;
    }
    std::filesystem::path path_;
    static inline int made_ = 0;
};

}  // namespace assure::testing
