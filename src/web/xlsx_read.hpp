#pragma once
// Reads a spreadsheet (XLSX) the dataset's imports and the agencies' returns receive, as the
// CSV text the same strict readers check cell by cell: the workbook's first sheet, row N of
// the sheet on line N of the text, so a refused row is named by the row the person sees.
// Unzipped with minizip and parsed with expat, both Debian packages
// (docs/decisions/0027-spreadsheets-and-the-exception-api.md says why).
#include <string>
#include <string_view>

namespace assure::web {

// Whether the bytes are a ZIP container (an XLSX file starts "PK\3\4"), not CSV text.
bool looks_like_xlsx(std::string_view bytes);

// The first sheet as CSV: every row padded to the sheet's widest, empty rows kept as blank
// lines, a cell's line breaks read as spaces, a number formatted as a date written dd/mm/yyyy
// (the DfE extracts' form), TRUE/FALSE for a boolean. Throws Failure::invalid (field "file")
// for a file that is not a workbook it can read, or whose first row is empty.
std::string xlsx_to_csv(std::string_view bytes);

// The uploaded file as CSV text: an XLSX converted, anything else as it came.
std::string spreadsheet_or_csv(std::string_view bytes);

}  // namespace assure::web
