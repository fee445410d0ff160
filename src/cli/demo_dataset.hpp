#pragma once
// The demo's multi-agency dataset: Knowsley's 2015/16 and 2016/17 looked-after and missing
// records, generated so that the computed figures are seed 001's published ones, and the
// figures seed 001 gives for child protection: 2015/16's as a children in need census, 2016/17's
// as the local authority's returns.
#include <string>
#include <vector>

#include "app/context.hpp"

namespace assure::cli {

struct DemoDatasetFile {
    std::string kind;    // as POST /api/v1/imports/{kind} names it
    std::string period;  // the financial year of a record extract, else ""
    std::string name;
    std::string csv;
};

// The files in the order they must be imported (each year's header before its episodes).
std::vector<DemoDatasetFile> demo_dataset_files();

// Knowsley's 2015/16 children in need census (demo_dataset_cin.cpp), one of the files.
std::string demo_cin_census_2015();

// Imports the files through the import use case, as the business unit would.
void load_demo_dataset(Services& services, const std::string& business_unit_email);

// Knowsley Council's 2016/17 quarterly returns (demo_dataset_returns.cpp), after the files.
void load_demo_dataset_returns(Services& services, const std::string& business_unit_email);

}  // namespace assure::cli
