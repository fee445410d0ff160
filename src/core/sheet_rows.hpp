#pragma once
// How an uploaded sheet's refused rows are told: each by the row the person sees, its
// problems joined, at most ten named and the rest counted, so the message stays readable.
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/failure.hpp"

namespace assure {

// Which column each known heading names, a heading matched by its letters and digits alone in
// lower case ("TypeOfEstablishment (name)" is "typeofestablishmentname"), the first of a field's
// headings kept. `fields`: heading key -> field.
std::map<std::string, int> heading_columns(const std::vector<std::string>& cells, const std::map<std::string, std::string>& fields);

// A sheet read under its row of headings: what the headings must name, and what is said when
// they do not, when there are too many rows, and when there are none.
struct SheetShape {
    const std::map<std::string, std::string>& fields;  // heading key -> field (as heading_columns)
    std::vector<std::string> required;                 // fields the headings must name
    std::string headings_wrong;
    std::size_t max_rows = 0;
    std::string too_many;
    std::string empty;
};
// One row under the headings: its cells by field, "" for a column the sheet does not have.
class SheetRow {
public:
    SheetRow(const std::vector<std::string>& cells, const std::map<std::string, int>& columns, int line)
        : cells_(cells), columns_(columns), line_(line) {}
    [[nodiscard]] std::string cell(const std::string& field) const;
    [[nodiscard]] int line() const { return line_; }  // as the person sees it, from 1

private:
    const std::vector<std::string>& cells_;
    const std::map<std::string, int>& columns_;
    int line_;
};
// Reads the CSV's rows in turn, blank ones skipped, giving each to `read`, which keeps it or
// answers its errors. All or none: false with one error on `field` when the text cannot be read,
// the headings lack a required field, there are more rows than the shape allows, none at all, or
// any row was refused (each named, as wrong_rows_message says).
bool read_sheet(std::string_view csv, const SheetShape& shape, const std::string& field, FieldErrors& errors,
                const std::function<FieldErrors(const SheetRow&)>& read);

// "Row 4: enter the date…; describe the event" from one row's field errors.
std::string row_message(int line, const FieldErrors& row_errors);
// The named rows joined by ". ", then "3 more rows also need correcting" past the tenth.
std::string wrong_rows_message(const std::vector<std::string>& wrong);

}  // namespace assure
