#include "core/sheet_rows.hpp"

#include <cctype>

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
