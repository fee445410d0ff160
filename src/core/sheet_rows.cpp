#include "core/sheet_rows.hpp"

#include <algorithm>
#include <cctype>

#include "core/csv.hpp"
#include "core/text.hpp"

namespace assure {
namespace {

constexpr std::size_t kMaxRowsNamed = 10;

std::string lower_first(std::string message) {
    if (!message.empty()) message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
    return message;
}

}  // namespace

std::map<std::string, int> heading_columns(const std::vector<std::string>& cells, const std::map<std::string, std::string>& fields) {
    std::map<std::string, int> column;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        std::string key;
        for (const char c : cells[i]) {
            if (std::isalnum(static_cast<unsigned char>(c))) key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
        const auto known = fields.find(key);
        if (known != fields.end() && !column.count(known->second)) column[known->second] = static_cast<int>(i);
    }
    return column;
}

std::string SheetRow::cell(const std::string& field) const {
    const auto at = columns_.find(field);
    return at != columns_.end() && static_cast<std::size_t>(at->second) < cells_.size() ? cells_[static_cast<std::size_t>(at->second)] : std::string();
}

bool read_sheet(std::string_view csv, const SheetShape& shape, const std::string& field, FieldErrors& errors,
                const std::function<FieldErrors(const SheetRow&)>& read) {
    CsvReader reader(csv);
    std::vector<std::string> cells;
    std::map<std::string, int> columns;
    bool headed = false;
    std::size_t rows = 0;
    std::vector<std::string> wrong;
    while (reader.next(cells)) {
        if (!reader.error().empty()) {
            errors.push_back({field, "Row " + std::to_string(reader.line()) + ": " + reader.error()});
            return false;
        }
        if (std::all_of(cells.begin(), cells.end(), [](const std::string& c) { return trim(c).empty(); })) continue;
        if (!headed) {
            columns = heading_columns(cells, shape.fields);
            for (const auto& needed : shape.required) {
                if (!columns.count(needed)) {
                    errors.push_back({field, shape.headings_wrong});
                    return false;
                }
            }
            headed = true;
            continue;
        }
        if (++rows > shape.max_rows) {
            errors.push_back({field, shape.too_many});
            return false;
        }
        const FieldErrors row_errors = read(SheetRow(cells, columns, reader.line()));
        if (!row_errors.empty()) wrong.push_back(row_message(reader.line(), row_errors));
    }
    if (rows == 0) {
        errors.push_back({field, shape.empty});
        return false;
    }
    if (!wrong.empty()) {
        errors.push_back({field, wrong_rows_message(wrong)});
        return false;
    }
    return true;
}

std::string row_message(int line, const FieldErrors& row_errors) {
    std::string message = "Row " + std::to_string(line) + ":";
    for (std::size_t i = 0; i < row_errors.size(); ++i) message += (i == 0 ? " " : "; ") + lower_first(row_errors[i].message);
    return message;
}

std::string wrong_rows_message(const std::vector<std::string>& wrong) {
    std::string message;
    for (std::size_t i = 0; i < wrong.size() && i < kMaxRowsNamed; ++i) message += (i == 0 ? "" : ". ") + wrong[i];
    if (wrong.size() > kMaxRowsNamed) {
        message += ". " + count_of(static_cast<long long>(wrong.size() - kMaxRowsNamed), "more row", "more rows") + " also need correcting";
    }
    return message;
}

}  // namespace assure
