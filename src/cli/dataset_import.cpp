#include "cli/dataset_import.hpp"

#include <filesystem>
#include <stdexcept>

#include "app/dataset.hpp"
#include "web/multipart.hpp"
#include "web/xlsx_read.hpp"

namespace assure::cli {

int run_import(Services& s, const ImportCommand& command, std::ostream& out) {
    std::vector<Partnership> all;
    s.store.read([&](Transaction& tx) { all = tx.partnerships().list(); });
    const Partnership* p = nullptr;
    for (const auto& candidate : all) {
        if (command.partnership.empty() ? all.size() == 1 : candidate.slug == command.partnership) p = &candidate;
    }
    if (!p) {
        throw std::runtime_error(command.partnership.empty() ? "name the partnership with --partnership SLUG"
                                                             : "no partnership " + command.partnership);
    }
    // Mapped, not copied onto the heap: England's census is about 260 MB of XML, read where it lies.
    const web::MappedFile file(command.file);
    if (!file.ok()) throw std::runtime_error("cannot read " + command.file);
    const bool census = command.kind == "cin-census";
    const std::string text = census ? std::string() : web::spreadsheet_or_csv(file.bytes());  // an XLSX workbook's first sheet
    // The operator at the server imports as the business unit would; the trail says it was the command line.
    const Actor actor{UserId{}, p->id, Role::business_unit, "assure import (command line)"};
    const ImportReport r = import_dataset_file(
        s, actor, ImportRequest{command.kind, command.period, std::filesystem::path(command.file).filename().string(),
                              census ? file.bytes() : std::string_view(text), command.accept_valid});
    out << r.kind << (r.period.empty() ? "" : " " + r.period) << " from " << r.file_name << ": " << r.rows_read << (r.kind == "cin-census" ? " children read, " : " rows read, ")
        << r.rows_valid << " valid, " << r.refused.size() << " refused\n";
    for (const auto& f : r.refused) {
        out << "  line " << f.line << (f.column.empty() ? "" : " (" + f.column + ")") << ": " << f.reason << "\n";
    }
    if (!r.saved) {
        out << "Nothing was saved." << (r.file_refused ? "" : " Correct the rows, or run again with --accept-valid to save the valid rows.")
            << "\n";
        return 1;
    }
    if (r.changes.first) {
        out << "Saved as import " << r.id->value << ": the first of its kind" << (r.period.empty() ? "" : " for " + r.period) << ".\n";
    } else {
        out << "Saved as import " << r.id->value << ", replacing import " << r.replaces->value << ": " << r.changes.added
            << (census ? " children added, " : " rows added, ")
            << r.changes.removed << " removed, " << r.changes.unchanged << " unchanged.\n";
    }
    return 0;
}

}  // namespace assure::cli
