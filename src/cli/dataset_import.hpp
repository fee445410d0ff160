#pragma once
// `assure import`: one dataset file into a partnership from the command line, with the same
// use case and report as POST /api/v1/imports/{kind}.
#include <ostream>
#include <string>

#include "app/context.hpp"

namespace assure::cli {

struct ImportCommand {
    std::string partnership;  // slug; may be left out when the database holds one partnership
    std::string kind;
    std::string period;
    std::string file;
    bool accept_valid = false;
};

// Prints the import report; returns the exit status: 0 saved, 1 nothing saved.
int run_import(Services& services, const ImportCommand& command, std::ostream& out);

}  // namespace assure::cli
