#include "core/csv.hpp"

namespace assure {

CsvReader::CsvReader(std::string_view text, int first_line) : text_(text), physical_line_(first_line) {
    if (first_line == 1 && text_.substr(0, 3) == "\xEF\xBB\xBF") at_ = 3;  // a spreadsheet's byte-order mark
}

bool CsvReader::next(std::vector<std::string>& cells) {
    cells.clear();
    error_.clear();
    if (at_ >= text_.size()) return false;
    record_line_ = physical_line_;
    std::string cell;
    for (;;) {
        if (at_ < text_.size() && text_[at_] == '"') {
            ++at_;
            for (;;) {
                if (at_ >= text_.size()) {
                    error_ = "a quoted value is not closed";
                    cells.clear();
                    return true;
                }
                const char c = text_[at_++];
                if (c == '"') {
                    if (at_ < text_.size() && text_[at_] == '"') {
                        cell += '"';
                        ++at_;
                        continue;
                    }
                    break;
                }
                if (c == '\n') ++physical_line_;
                cell += c;
            }
            // After a closing quote only a separator or the end of the record may follow.
            if (at_ < text_.size() && text_[at_] != ',' && text_[at_] != '\n' && text_[at_] != '\r') {
                error_ = "text follows a closing quote";
                while (at_ < text_.size() && text_[at_] != '\n') ++at_;
                if (at_ < text_.size()) ++at_, ++physical_line_;
                cells.clear();
                return true;
            }
        } else {
            const std::size_t from = at_;
            while (at_ < text_.size() && text_[at_] != ',' && text_[at_] != '\n' && text_[at_] != '\r') ++at_;
            cell.assign(text_.substr(from, at_ - from));
        }
        cells.push_back(std::move(cell));
        cell.clear();
        if (at_ >= text_.size()) return true;
        const char sep = text_[at_++];
        if (sep == ',') continue;
        if (sep == '\r' && at_ < text_.size() && text_[at_] == '\n') ++at_;
        ++physical_line_;
        return true;
    }
}

}  // namespace assure
