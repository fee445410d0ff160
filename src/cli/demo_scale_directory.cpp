// England scale: a partnership's directory, drawn from the demo partnership's published
// arrangements (data/demo/knowsley.json) with the place renamed, and more practitioners.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <stdexcept>

#include "app/partnership.hpp"
#include "cli/demo_scale_parts.hpp"
#include "core/text.hpp"

namespace assure::cli::scale {
namespace {

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
    return text;
}

std::string slug_of(const std::string& place) {
    std::string out;
    for (const char c : place) out += std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(c)) : '-';
    return out;
}

// The demo's text with Knowsley's name changed for this place.
std::string renamed(const std::string& text, const std::string& place, const std::string& slug) {
    return replace_all(replace_all(text, "Knowsley", place), "knowsley", slug);
}

// Emails are unique on the server: each partnership's people get their own addresses.
std::string email_for(const std::string& email, const std::string& slug) {
    std::string e = renamed(email, "", slug);
    if (e.find(slug) == std::string::npos) e = replace_all(e, ".example", "-" + slug + ".example");
    return e;
}

const std::vector<std::string> kFirstNames = {"Aisha", "Ben", "Chloe", "Daniel", "Emma", "Farah", "George", "Hannah",
                                              "Imran", "Jade", "Kieran", "Laura", "Mohammed", "Niamh", "Oliver", "Priya",
                                              "Rhys", "Sarah", "Tom", "Yasmin"};
const std::vector<std::string> kSurnames = {"Ahmed", "Baker", "Clarke", "Davies", "Evans", "Fletcher", "Green", "Hughes",
                                            "Iqbal", "Jones", "Khan", "Lewis", "Morris", "Norton", "Owen", "Patel",
                                            "Roberts", "Shaw", "Taylor", "Walsh"};
const std::vector<std::string> kJobTitles = {"Designated Safeguarding Lead", "Social Worker", "Team Manager",
                                             "Safeguarding Nurse", "Detective Sergeant", "Early Help Coordinator",
                                             "Named GP for Safeguarding", "Head of Service", "Practice Educator",
                                             "Youth Justice Officer"};

}  // namespace

void write_directory(Area& a, const std::string& password_hash) {
    static const nlohmann::json doc = demo_document("knowsley.json");
    const std::string slug = slug_of(a.place);
    auto& tx = a.tx;
    a.partnership = Partnership{PartnershipId{}, slug, a.place + " Safeguarding Children Partnership", a.place};
    a.partnership.id = tx.partnerships().insert(a.partnership, a.services.defaults);
    a.count("partnerships");
    a.count("partnership_rules");
    record_audit(tx, Actor::system(a.partnership.id), a.at(a.first_day), "partnership.create", "partnership",
                 a.partnership.id.str(), "", settings_audit_record(PartnershipSettings{a.partnership, a.services.defaults}).dump());
    a.count("audit_log");

    std::map<std::string, AgencyId> agency_of_key;
    for (const auto& j : doc.at("agencies")) {
        Agency g;
        g.partnership = a.partnership.id;
        g.name = renamed(j.at("name"), a.place, slug);
        g.kind = *parse_agency_kind(j.at("kind").get<std::string>());
        g.statutory_role = *parse_statutory_role(j.at("statutory_role").get<std::string>());
        g.sector = j.at("sector");
        g.chief_officer = renamed(j.value("chief_officer", ""), a.place, slug);
        g.organisation_code = j.value("organisation_code", "");
        g.id = tx.agencies().insert(g);
        a.count("agencies");
        agency_of_key[j.at("key")] = g.id;
        a.agencies.push_back(g);
    }

    auto add_person = [&](Person p) {
        p.partnership = a.partnership.id;
        p.id = tx.people().insert(p);
        a.count("people");
        a.people.push_back(p);
    };
    for (const auto& j : doc.at("people")) {
        const std::string key = j.at("agency");
        add_person(Person{PersonId{}, PartnershipId{}, renamed(j.at("name"), a.place, slug), renamed(j.at("job_title"), a.place, slug),
                          key == "none" ? AgencyId{} : agency_of_key.at(key), email_for(j.at("email"), slug)});
    }
    // Practitioners beyond the demo's named leads: a directory of about a hundred.
    for (int n = 0; n < 60; ++n) {
        const std::string first = a.rng.pick(kFirstNames);
        const std::string last = a.rng.pick(kSurnames);
        const Agency& agency = a.rng.pick(a.agencies);
        add_person(Person{PersonId{}, PartnershipId{}, first + " " + last, a.rng.pick(kJobTitles), agency.id,
                          lower(first) + "." + lower(last) + "." + std::to_string(n + 1) + "@" + slug + ".example"});
    }

    for (const auto& j : doc.at("accounts")) {
        const std::string email = email_for(j.at("email"), slug);
        const auto it = std::find_if(a.people.begin(), a.people.end(), [&](const Person& p) { return p.email == email; });
        if (it == a.people.end()) throw std::logic_error("demo account " + email + " is not a person");
        User u;
        u.partnership = a.partnership.id;
        u.person = it->id;
        u.email = email;
        u.display_name = it->name;
        u.password_hash = password_hash;
        u.role = *parse_role(j.at("role").get<std::string>());
        u.id = tx.users().insert(u);
        a.count("users");
        record_audit(tx, Actor::system(a.partnership.id), a.at(a.first_day), "user.create", "user", u.id.str(), "",
                     nlohmann::json{{"email", u.email}, {"role", role_key(u.role)}}.dump());
        a.count("audit_log");
        if (u.role == Role::business_unit && !a.business_unit.user.valid()) {
            a.business_unit = Actor{u.id, a.partnership.id, u.role, it->name + " <" + email + ">"};
        }
        a.users.push_back(u);
    }
    if (!a.business_unit.user.valid()) throw std::logic_error("the demo has no business unit account");
}

}  // namespace assure::cli::scale
