#include "web/xlsx_read.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <map>
#include <optional>
#include <set>
#include <vector>

#include <expat.h>
#include <minizip/unzip.h>

#include "core/date.hpp"
#include "core/failure.hpp"

namespace assure::web {
namespace {

// A workbook's parts are read whole; a part larger than this (uncompressed) is refused rather
// than inflated, so a small hostile file cannot fill the memory.
constexpr unsigned long kMaxPartBytes = 256UL * 1024 * 1024;
constexpr int kMaxColumns = 256;
constexpr int kMaxRows = 2'000'000;

[[noreturn]] void refuse(const std::string& why) { throw Failure::invalid({{"file", why}}); }

// minizip reads the upload from memory through these callbacks.
struct Memory {
    std::string_view bytes;
    ZPOS64_T at = 0;
};

voidpf ZCALLBACK mem_open(voidpf opaque, const void*, int) { return opaque; }
uLong ZCALLBACK mem_read(voidpf, voidpf stream, void* buf, uLong size) {
    auto* m = static_cast<Memory*>(stream);
    const auto left = m->bytes.size() - std::min<std::size_t>(m->at, m->bytes.size());
    const auto n = std::min<std::size_t>(size, left);
    std::memcpy(buf, m->bytes.data() + m->at, n);
    m->at += n;
    return static_cast<uLong>(n);
}
uLong ZCALLBACK mem_write(voidpf, voidpf, const void*, uLong) { return 0; }
ZPOS64_T ZCALLBACK mem_tell(voidpf, voidpf stream) { return static_cast<Memory*>(stream)->at; }
long ZCALLBACK mem_seek(voidpf, voidpf stream, ZPOS64_T offset, int origin) {
    auto* m = static_cast<Memory*>(stream);
    ZPOS64_T base = 0;
    switch (origin) {
        case ZLIB_FILEFUNC_SEEK_SET: base = 0; break;
        case ZLIB_FILEFUNC_SEEK_CUR: base = m->at; break;
        case ZLIB_FILEFUNC_SEEK_END: base = m->bytes.size(); break;
        default: return -1;
    }
    if (base + offset > m->bytes.size()) return -1;
    m->at = base + offset;
    return 0;
}
int ZCALLBACK mem_close(voidpf, voidpf) { return 0; }
int ZCALLBACK mem_error(voidpf, voidpf) { return 0; }

class Zip {
public:
    explicit Zip(std::string_view bytes) : memory_{bytes, 0} {
        zlib_filefunc64_def f{};
        f.zopen64_file = mem_open;
        f.zread_file = mem_read;
        f.zwrite_file = mem_write;
        f.ztell64_file = mem_tell;
        f.zseek64_file = mem_seek;
        f.zclose_file = mem_close;
        f.zerror_file = mem_error;
        f.opaque = &memory_;
        zip_ = unzOpen2_64("upload", &f);
        if (!zip_) refuse("The file is not a spreadsheet that can be read: upload an XLSX workbook or a CSV file");
    }
    ~Zip() { unzClose(zip_); }
    Zip(const Zip&) = delete;
    Zip& operator=(const Zip&) = delete;

    // The part's bytes, or none if the workbook has no such part.
    std::optional<std::string> part(const std::string& name) {
        if (unzLocateFile(zip_, name.c_str(), 1) != UNZ_OK) return std::nullopt;
        unz_file_info64 info{};
        if (unzGetCurrentFileInfo64(zip_, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK) broken();
        if (info.uncompressed_size > kMaxPartBytes) refuse("The spreadsheet is too large to import: save it as CSV, or split it");
        if (unzOpenCurrentFile(zip_) != UNZ_OK) broken();
        std::string out;
        out.reserve(static_cast<std::size_t>(info.uncompressed_size));
        char buf[65536];
        for (;;) {
            const int n = unzReadCurrentFile(zip_, buf, sizeof buf);
            if (n < 0) {
                unzCloseCurrentFile(zip_);
                broken();
            }
            if (n == 0) break;
            out.append(buf, static_cast<std::size_t>(n));
            if (out.size() > kMaxPartBytes) {
                unzCloseCurrentFile(zip_);
                refuse("The spreadsheet is too large to import: save it as CSV, or split it");
            }
        }
        if (unzCloseCurrentFile(zip_) != UNZ_OK) broken();  // a CRC that does not match
        return out;
    }

private:
    [[noreturn]] static void broken() { refuse("The spreadsheet is damaged and cannot be read: save it again and upload it"); }
    Memory memory_;
    unzFile zip_ = nullptr;
};

// The local name of an element or attribute: expat with namespaces writes "uri|name".
std::string_view local(const XML_Char* name) {
    std::string_view n(name);
    const auto bar = n.rfind('|');
    return bar == std::string_view::npos ? n : n.substr(bar + 1);
}

const XML_Char* attribute(const XML_Char** atts, std::string_view name) {
    for (int i = 0; atts[i]; i += 2) {
        if (local(atts[i]) == name) return atts[i + 1];
    }
    return nullptr;
}

// Runs expat over one part with the handler's start, end and text callbacks.
template <class Handler>
void parse(const std::string& xml, Handler& h, const char* what) {
    XML_Parser p = XML_ParserCreateNS(nullptr, '|');
    if (!p) throw std::bad_alloc();
    XML_SetUserData(p, &h);
    XML_SetElementHandler(
        p, [](void* d, const XML_Char* n, const XML_Char** a) { static_cast<Handler*>(d)->start(local(n), a); },
        [](void* d, const XML_Char* n) { static_cast<Handler*>(d)->end(local(n)); });
    XML_SetCharacterDataHandler(p, [](void* d, const XML_Char* s, int len) { static_cast<Handler*>(d)->text(std::string_view(s, static_cast<std::size_t>(len))); });
    const bool ok = XML_Parse(p, xml.data(), static_cast<int>(xml.size()), XML_TRUE) == XML_STATUS_OK;
    XML_ParserFree(p);
    if (!ok) refuse(std::string("The spreadsheet's ") + what + " cannot be read: save it again and upload it");
}

// workbook.xml: the first sheet's relationship and the date system.
struct WorkbookPart {
    std::string first_sheet_rel;
    bool date1904 = false;
    void start(std::string_view n, const XML_Char** a) {
        if (n == "sheet" && first_sheet_rel.empty()) {
            if (const auto* id = attribute(a, "id")) first_sheet_rel = id;
        } else if (n == "workbookPr") {
            const auto* d = attribute(a, "date1904");
            date1904 = d && (std::strcmp(d, "1") == 0 || std::strcmp(d, "true") == 0);
        }
    }
    void end(std::string_view) {}
    void text(std::string_view) {}
};

struct RelsPart {
    std::map<std::string, std::string> targets;
    void start(std::string_view n, const XML_Char** a) {
        if (n != "Relationship") return;
        const auto* id = attribute(a, "Id");
        const auto* target = attribute(a, "Target");
        if (id && target) targets[id] = target;
    }
    void end(std::string_view) {}
    void text(std::string_view) {}
};

// sharedStrings.xml: each <si>'s text runs joined; phonetic runs (<rPh>) left out.
struct StringsPart {
    std::vector<std::string> strings;
    bool in_t = false;
    int phonetic = 0;
    void start(std::string_view n, const XML_Char**) {
        if (n == "si") strings.emplace_back();
        else if (n == "rPh") ++phonetic;
        else if (n == "t") in_t = true;
    }
    void end(std::string_view n) {
        if (n == "rPh") --phonetic;
        else if (n == "t") in_t = false;
    }
    void text(std::string_view s) {
        if (in_t && phonetic == 0 && !strings.empty()) strings.back().append(s);
    }
};

// Built-in number formats that show a date (ECMA-376 §18.8.30).
bool builtin_date_format(int id) { return (id >= 14 && id <= 22) || (id >= 45 && id <= 47) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58); }

// A custom format shows a date if, outside quotes, brackets and escapes, it has d, m or y.
bool custom_date_format(std::string_view code) {
    bool quoted = false;
    int bracket = 0;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (quoted) {
            if (c == '"') quoted = false;
            continue;
        }
        if (c == '"') quoted = true;
        else if (c == '[') ++bracket;
        else if (c == ']') bracket = std::max(0, bracket - 1);
        else if (c == '\\' || c == '_' || c == '*') ++i;
        else if (bracket == 0 && (c == 'd' || c == 'D' || c == 'y' || c == 'Y' || c == 'm' || c == 'M')) return true;
    }
    return false;
}

// styles.xml: which cell styles (by index) show a date.
struct StylesPart {
    std::map<int, bool> custom_is_date;
    std::vector<bool> style_is_date;
    bool in_cell_xfs = false;
    void start(std::string_view n, const XML_Char** a) {
        if (n == "numFmt") {
            const auto* id = attribute(a, "numFmtId");
            const auto* code = attribute(a, "formatCode");
            if (id && code) custom_is_date[std::atoi(id)] = custom_date_format(code);
        } else if (n == "cellXfs") {
            in_cell_xfs = true;
        } else if (n == "xf" && in_cell_xfs) {
            const auto* id = attribute(a, "numFmtId");
            const int fmt = id ? std::atoi(id) : 0;
            const auto custom = custom_is_date.find(fmt);
            style_is_date.push_back(custom != custom_is_date.end() ? custom->second : builtin_date_format(fmt));
        }
    }
    void end(std::string_view n) {
        if (n == "cellXfs") in_cell_xfs = false;
    }
    void text(std::string_view) {}
};

// "B12" → column 1 (from 0); -1 if the reference has no letters.
int column_of(std::string_view ref) {
    int col = 0;
    std::size_t i = 0;
    for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z'; ++i) col = col * 26 + (ref[i] - 'A' + 1);
    return i == 0 ? -1 : col - 1;
}

std::string date_from_serial(double serial, bool date1904) {
    const auto whole = static_cast<std::int64_t>(serial);
    // 1900 system: day 1 is 1 January 1900, and Excel counts a 29 February 1900 that never was.
    std::int64_t days = 0;
    if (date1904) days = Date{1904, 1, 1}.days() + whole;
    else days = Date{1899, 12, 31}.days() + whole - (whole > 60 ? 1 : 0);
    const Date d = Date::from_days(days);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", d.day, d.month, d.year);
    return buf;
}

// A worksheet: the cells of each row, as text.
struct SheetPart {
    const std::vector<std::string>* strings = nullptr;
    const std::vector<bool>* date_styles = nullptr;
    bool date1904 = false;
    std::map<int, std::map<int, std::string>> rows;  // row (from 1) → column → text
    int row = 0;
    int col = -1;
    std::string type;
    int style = 0;
    std::string value;
    bool in_value = false;
    bool in_inline = false;
    int widest = 0;

    void start(std::string_view n, const XML_Char** a) {
        if (n == "row") {
            const auto* r = attribute(a, "r");
            row = r ? std::atoi(r) : row + 1;
            if (row < 1 || row > kMaxRows) refuse("The spreadsheet has more rows than can be imported");
            col = -1;
        } else if (n == "c") {
            const auto* r = attribute(a, "r");
            const int at = r ? column_of(r) : -1;
            col = at >= 0 ? at : col + 1;
            if (col >= kMaxColumns) refuse("The spreadsheet has more than " + std::to_string(kMaxColumns) + " columns");
            const auto* t = attribute(a, "t");
            type = t ? t : "n";
            const auto* s = attribute(a, "s");
            style = s ? std::atoi(s) : 0;
            value.clear();
        } else if (n == "v") {
            in_value = true;
        } else if (n == "is") {
            in_inline = true;
        } else if (n == "t" && in_inline) {
            in_value = true;
        }
    }
    void end(std::string_view n) {
        if (n == "v" || n == "t") in_value = false;
        else if (n == "is") in_inline = false;
        else if (n == "c") finish_cell();
    }
    void text(std::string_view s) {
        if (in_value) value.append(s);
    }

    void finish_cell() {
        std::string out;
        if (type == "s") {
            const long i = std::atol(value.c_str());
            if (value.empty() || i < 0 || static_cast<std::size_t>(i) >= strings->size()) {
                refuse("The spreadsheet is damaged (a cell names a text that is not in it): save it again and upload it");
            }
            out = (*strings)[static_cast<std::size_t>(i)];
        } else if (type == "b") {
            out = value == "1" ? "TRUE" : "FALSE";
        } else if (type == "n" && !value.empty() && style >= 0 && static_cast<std::size_t>(style) < date_styles->size() &&
                   (*date_styles)[static_cast<std::size_t>(style)]) {
            char* end = nullptr;
            const double serial = std::strtod(value.c_str(), &end);
            out = (end && *end == '\0' && serial >= 1 && serial < 2958466) ? date_from_serial(serial, date1904) : value;
        } else {
            out = value;  // a number as written, a formula's text, an inline string, an error such as #N/A
        }
        if (out.empty()) return;
        if (row == 0) row = 1;
        rows[row][col] = std::move(out);
        widest = std::max(widest, col + 1);
    }
};

void put_cell(std::string& csv, const std::string& cell) {
    std::string text = cell;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') text.erase(i, 1);
        if (text[i] == '\r' || text[i] == '\n') text[i] = ' ';
    }
    if (text.find_first_of(",\"") == std::string::npos) {
        csv += text;
        return;
    }
    csv += '"';
    for (const char c : text) {
        if (c == '"') csv += '"';
        csv += c;
    }
    csv += '"';
}

// A relationship's target as the part's name in the ZIP ("worksheets/sheet1.xml" is under xl/).
std::string part_name(const std::string& target) {
    if (!target.empty() && target.front() == '/') return target.substr(1);
    return "xl/" + target;
}

}  // namespace

bool looks_like_xlsx(std::string_view bytes) { return bytes.size() >= 4 && bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4); }

std::string xlsx_to_csv(std::string_view bytes) {
    Zip zip(bytes);
    const auto workbook_xml = zip.part("xl/workbook.xml");
    if (!workbook_xml) refuse("The file is a ZIP archive but not an XLSX workbook: upload an XLSX workbook or a CSV file");
    WorkbookPart workbook;
    parse(*workbook_xml, workbook, "list of sheets");
    RelsPart rels;
    if (const auto r = zip.part("xl/_rels/workbook.xml.rels")) parse(*r, rels, "list of parts");
    const auto target = rels.targets.find(workbook.first_sheet_rel);
    if (target == rels.targets.end()) refuse("The workbook has no sheet to import");
    const auto sheet_xml = zip.part(part_name(target->second));
    if (!sheet_xml) refuse("The workbook's first sheet is missing: save it again and upload it");

    StringsPart strings;
    if (const auto s = zip.part("xl/sharedStrings.xml")) parse(*s, strings, "texts");
    StylesPart styles;
    if (const auto s = zip.part("xl/styles.xml")) parse(*s, styles, "styles");

    SheetPart sheet;
    sheet.strings = &strings.strings;
    sheet.date_styles = &styles.style_is_date;
    sheet.date1904 = workbook.date1904;
    parse(*sheet_xml, sheet, "first sheet");
    if (sheet.rows.empty()) refuse("The workbook's first sheet is empty: its first row names the columns");
    if (sheet.rows.begin()->first != 1) refuse("The first sheet's row 1 is empty: row 1 must name the columns");

    std::string csv;
    int line = 1;
    for (const auto& [r, cells] : sheet.rows) {
        for (; line < r; ++line) csv += '\n';  // an empty row keeps its place, so lines are rows
        for (int c = 0; c < sheet.widest; ++c) {
            if (c > 0) csv += ',';
            if (const auto it = cells.find(c); it != cells.end()) put_cell(csv, it->second);
        }
        csv += '\n';
        ++line;
    }
    return csv;
}

std::string spreadsheet_or_csv(std::string_view bytes) { return looks_like_xlsx(bytes) ? xlsx_to_csv(bytes) : std::string(bytes); }

}  // namespace assure::web
