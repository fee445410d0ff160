#include "core/training_no_shows.hpp"

#include <algorithm>
#include <map>

#include "core/date_words.hpp"
#include "core/registers.hpp"  // parse_pounds, pounds
#include "core/text.hpp"

namespace assure {

std::optional<TrainingCharges> check_training_charges(const std::string& no_show, const std::string& late_cancellation, FieldErrors& errors) {
    const std::size_t before = errors.size();
    TrainingCharges c;
    const auto read = [&](const std::string& typed, const char* field, const char* what) -> std::int64_t {
        std::string text = trim(typed);
        if (!text.empty() && text.rfind("£", 0) == 0) text = text.substr(std::string("£").size());
        if (text.empty()) return 0;
        const auto pence = parse_pounds(text);
        if (!pence || *pence > 100000 * 100) {
            errors.push_back({field, std::string("Enter the charge for ") + what + " in pounds, like 25 or 25.00, or leave it empty for none"});
            return 0;
        }
        return *pence;
    };
    c.no_show_pence = read(no_show, "no_show", "a place not used without notice");
    c.late_cancellation_pence = read(late_cancellation, "late_cancellation", "a place cancelled late");
    if (errors.size() != before) return std::nullopt;
    return c;
}

std::int64_t charge_of(const NoShow& n, const TrainingCharges& charges) {
    if (n.told_at) return n.charged_pence;
    return n.mark == Attendance::cancelled_late ? charges.late_cancellation_pence : charges.no_show_pence;
}

std::vector<AgencyNoShows> no_shows_by_agency(const std::vector<NoShow>& all, const TrainingCharges& charges) {
    std::map<std::int64_t, AgencyNoShows> by;
    for (const auto& n : all) {
        if (n.mark == Attendance::attended) continue;
        AgencyNoShows& a = by[n.agency.valid() ? n.agency.value : 0];
        a.agency = n.agency;
        a.name = n.agency.valid() ? n.agency_name : kNoAgencyGiven;
        a.items.push_back(n);
        (n.mark == Attendance::no_show ? a.no_shows : a.late) += 1;
        if (!n.told_at) ++a.untold;
        a.charge_pence += charge_of(n, charges);
    }
    std::vector<AgencyNoShows> out;
    for (auto& [id, a] : by) {
        std::sort(a.items.begin(), a.items.end(), [](const NoShow& x, const NoShow& y) {
            if (x.on != y.on) return x.on < y.on;
            return lower(x.name) < lower(y.name);
        });
        out.push_back(std::move(a));
    }
    std::sort(out.begin(), out.end(), [](const AgencyNoShows& x, const AgencyNoShows& y) {
        if (x.agency.valid() != y.agency.valid()) return x.agency.valid();
        if (x.items.size() != y.items.size()) return x.items.size() > y.items.size();
        return lower(x.name) < lower(y.name);
    });
    return out;
}

MailText no_show_mail_text(const std::string& partnership_name, const std::string& agency_name, const std::vector<NoShow>& untold,
                           const TrainingCharges& charges) {
    std::string lines;
    std::int64_t total = 0;
    for (const auto& n : untold) {
        const std::int64_t charge = charge_of(n, charges);
        total += charge;
        lines += "- " + n.name + ", " + n.course + " on " + date_in_words(n.on) + ": " +
                 (n.mark == Attendance::cancelled_late ? "cancelled too late for the place to be given to someone else" : "did not come") +
                 (charge > 0 ? " (" + pounds(charge) + ")" : "") + "\n";
    }
    std::string body = "Dear colleague,\n\nThese members of " + agency_name + "'s staff had a place on the partnership's training and did not use it:\n\n" +
                       lines + "\nPlease follow this up with them and their managers: the places could have gone to others waiting, and the training "
                               "is part of how the partnership keeps children safe.";
    if (total > 0) body += "\n\nThe partnership charges for places not used: " + pounds(total) + " in all. An invoice will follow.";
    return {"Training places not used: " + agency_name, body + "\n\n" + partnership_name + "\n"};
}

}  // namespace assure
