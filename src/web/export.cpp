// Tables as CSV and as XLSX (libxlsxwriter). libxlsxwriter 1.1.4 writes only to a file, so
// the workbook goes to a private temporary file that is read back and removed.
#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "web/documents.hpp"

namespace assure::web {
namespace {

// A cell starting with = + - @ (or a tab/return) would run as a formula in a spreadsheet.
std::string defused(const std::string& cell) {
    if (!cell.empty() && std::string_view("=+-@\t\r").find(cell.front()) != std::string_view::npos) return "'" + cell;
    return cell;
}

std::string csv_cell(const std::string& raw) {
    const std::string cell = defused(raw);
    if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
    std::string out = "\"";
    for (const char c : cell) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

// Plain decimals ("12", "0.75") become numbers a spreadsheet can sum; anything else stays text.
bool is_plain_number(const std::string& cell) {
    if (cell.empty() || cell.size() > 15) return false;
    std::size_t i = cell[0] == '-' ? 1 : 0, digits = 0, dots = 0;
    for (; i < cell.size(); ++i) {
        if (cell[i] == '.') ++dots;
        else if (cell[i] >= '0' && cell[i] <= '9') ++digits;
        else return false;
    }
    return digits > 0 && dots <= 1 && cell.back() != '.' && cell.front() != '.';
}

struct TempFile {
    std::string path;
    TempFile() {
        const char* dir = std::getenv("TMPDIR");
        std::string pattern = std::string(dir && *dir ? dir : "/tmp") + "/assure-export-XXXXXX";
        const int fd = mkstemp(pattern.data());
        if (fd < 0) throw std::runtime_error("cannot create a temporary file for the export");
        close(fd);
        path = pattern;
    }
    ~TempFile() { unlink(path.c_str()); }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
};

}  // namespace

std::string csv_of(const Table& table) {
    std::string out;
    auto row = [&](const std::vector<std::string>& cells) {
        for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + csv_cell(cells[i]);
        out += "\r\n";
    };
    row(table.headings);
    for (const auto& r : table.rows) row(r);
    return out;
}

std::string xlsx_of(const Table& table) {
    TempFile file;
    lxw_workbook* book = workbook_new(file.path.c_str());
    if (!book) throw std::runtime_error("cannot start the workbook");
    lxw_worksheet* sheet = workbook_add_worksheet(book, table.title.substr(0, 31).c_str());
    lxw_format* bold = workbook_add_format(book);
    format_set_bold(bold);
    for (std::size_t c = 0; c < table.headings.size(); ++c) {
        worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), table.headings[c].c_str(), bold);
        worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), c == 0 ? 30 : 18, nullptr);
    }
    worksheet_freeze_panes(sheet, 1, 0);
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        for (std::size_t c = 0; c < table.rows[r].size(); ++c) {
            const auto row = static_cast<lxw_row_t>(r + 1);
            const auto col = static_cast<lxw_col_t>(c);
            const std::string& cell = table.rows[r][c];
            // Text is written as text: libxlsxwriter never evaluates it as a formula.
            if (is_plain_number(cell)) worksheet_write_number(sheet, row, col, std::strtod(cell.c_str(), nullptr), nullptr);
            else worksheet_write_string(sheet, row, col, cell.c_str(), nullptr);
        }
    }
    if (workbook_close(book) != LXW_NO_ERROR) throw std::runtime_error("cannot write the workbook");
    std::ifstream in(file.path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

void send_table(Ctx& ctx, const Table& t, const std::string& base, bool xlsx) {
    const std::string name = base + (xlsx ? ".xlsx" : ".csv");
    ctx.res.set_header("Content-Disposition", "attachment; filename=\"" + name + "\"");
    if (xlsx) ctx.res.set_content(xlsx_of(t), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    else ctx.res.set_content(csv_of(t), "text/csv; charset=utf-8");
}

}  // namespace assure::web
