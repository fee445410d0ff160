#include "core/training_group.hpp"

#include <set>
#include <sstream>

#include "core/text.hpp"
#include "core/training.hpp"

namespace assure {

std::vector<GroupLine> parse_group_lines(const std::string& text, const std::string& field, FieldErrors& errors) {
    std::vector<GroupLine> out;
    std::vector<std::string> wrong;
    std::set<std::string> seen;
    std::istringstream in(text);
    std::string raw;
    for (int n = 1; std::getline(in, raw); ++n) {
        if (trim(raw).empty()) continue;
        const auto cut = raw.find_first_of(",\t");
        GroupLine l{n, trim(cut == std::string::npos ? raw : raw.substr(0, cut)),
                    lower(trim(cut == std::string::npos ? std::string() : raw.substr(cut + 1)))};
        Booking b;
        b.name = l.name;
        b.email = l.email;
        const FieldErrors e = validate_booking(b);
        if (!e.empty()) {
            std::string message = e.front().message;
            message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
            wrong.push_back("Line " + std::to_string(n) + ": " + message);
        } else if (!seen.insert(l.email).second) {
            wrong.push_back("Line " + std::to_string(n) + ": " + l.email + " is on an earlier line");
        }
        out.push_back(std::move(l));
    }
    if (out.empty()) {
        errors.push_back({field, "Enter one person on each line, their name then their email address"});
    } else if (out.size() > kMaxGroupBooking) {
        errors.push_back({field, "Book at most " + std::to_string(kMaxGroupBooking) + " people at once"});
    } else if (!wrong.empty()) {
        std::string message = wrong.front();
        for (std::size_t i = 1; i < wrong.size(); ++i) message += ". " + wrong[i];
        errors.push_back({field, message});
    }
    return out;
}

}  // namespace assure
