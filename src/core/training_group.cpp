#include "core/training_group.hpp"

#include <set>
#include <sstream>

#include "core/text.hpp"
#include "core/training.hpp"

namespace assure {

namespace {

// Every wrong entry named in one error on `field` ("Line 3: enter an email address…"), `what`
// naming how the person sees their entries ("Line", "Person"); nothing is refused quietly.
void check_group(const std::vector<GroupLine>& lines, const std::string& what, const std::string& field, FieldErrors& errors) {
    std::vector<std::string> wrong;
    std::set<std::string> seen;
    for (const auto& l : lines) {
        Booking b;
        b.name = l.name;
        b.email = l.email;
        const FieldErrors e = validate_booking(b);
        if (!e.empty()) {
            std::string message = e.front().message;
            message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
            wrong.push_back(what + " " + std::to_string(l.line) + ": " + message);
        } else if (!seen.insert(l.email).second) {
            wrong.push_back(what + " " + std::to_string(l.line) + ": " + l.email + " is " + (what == "Line" ? "on an earlier line" : "given earlier"));
        }
    }
    if (lines.empty()) {
        errors.push_back({field, "Enter one person on each line, their name then their email address"});
    } else if (lines.size() > kMaxGroupBooking) {
        errors.push_back({field, "Book at most " + std::to_string(kMaxGroupBooking) + " people at once"});
    } else if (!wrong.empty()) {
        std::string message = wrong.front();
        for (std::size_t i = 1; i < wrong.size(); ++i) message += ". " + wrong[i];
        errors.push_back({field, message});
    }
}

}  // namespace

std::vector<GroupLine> parse_group_lines(const std::string& text, const std::string& field, FieldErrors& errors) {
    std::vector<GroupLine> out;
    std::istringstream in(text);
    std::string raw;
    for (int n = 1; std::getline(in, raw); ++n) {
        if (trim(raw).empty()) continue;
        const auto cut = raw.find_first_of(",\t");
        out.push_back({n, trim(cut == std::string::npos ? raw : raw.substr(0, cut)),
                       lower(trim(cut == std::string::npos ? std::string() : raw.substr(cut + 1)))});
    }
    check_group(out, "Line", field, errors);
    return out;
}

std::vector<GroupLine> check_group_people(const std::vector<std::pair<std::string, std::string>>& people, const std::string& field,
                                          FieldErrors& errors) {
    std::vector<GroupLine> out;
    int n = 0;
    for (const auto& [name, email] : people) out.push_back({++n, trim(name), lower(trim(email))});
    if (out.empty()) {
        errors.push_back({field, "Give at least one person: their name and email address"});
        return out;
    }
    check_group(out, "Person", field, errors);
    return out;
}

}  // namespace assure
