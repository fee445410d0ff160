#pragma once
// A strict RFC 4180 reader that knows which line each record starts on, so an import can
// name the line of every refused row (docs/decisions/0014-csv-reader-in-core.md says why
// this is not a library).
#include <string>
#include <string_view>
#include <vector>

namespace assure {

class CsvReader {
public:
    // `first_line` is the line `text` starts on, when it is a piece of a longer file.
    explicit CsvReader(std::string_view text, int first_line = 1);
    // Reads the next record into `cells`; false at the end of the text. A record that cannot be
    // read (a quote left open) sets error() and returns true with no cells.
    bool next(std::vector<std::string>& cells);
    [[nodiscard]] int line() const { return record_line_; }  // where the last record started, from 1
    [[nodiscard]] const std::string& error() const { return error_; }
    // Where the next record starts: its byte in the text, and its line.
    [[nodiscard]] std::size_t offset() const { return at_; }
    [[nodiscard]] int next_line() const { return physical_line_; }

private:
    std::string_view text_;
    std::size_t at_ = 0;
    int physical_line_ = 1;
    int record_line_ = 0;
    std::string error_;
};

}  // namespace assure
