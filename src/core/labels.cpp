#include "core/labels.hpp"

namespace assure {

std::string name_in_label(std::string_view label) { return std::string(label.substr(0, label.find(" <"))); }

std::string email_in_label(std::string_view label) {
    const auto open = label.find(" <");
    if (open == std::string_view::npos || label.back() != '>') return "";
    return std::string(label.substr(open + 2, label.size() - open - 3));
}

}  // namespace assure
