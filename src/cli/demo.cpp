#include "cli/demo.hpp"
#include "cli/demo_dataset.hpp"
#include "cli/demo_training.hpp"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string_view>

#include "app/partners.hpp"
#include "app/access.hpp"
#include "app/agency_links.hpp"
#include "app/partnership.hpp"

namespace assure::cli::embedded_demo_data {
const std::vector<std::pair<std::string_view, std::string_view>>& files();
}

namespace assure::cli {

nlohmann::json demo_document(std::string_view name) {
    const std::string path = "data/demo/" + std::string(name);
    for (const auto& [file, text] : embedded_demo_data::files()) {
        if (file == path) return nlohmann::json::parse(text);
    }
    throw std::logic_error(path + " is not compiled in");
}

Actor demo_actor(Services& s, const std::string& email) {
    std::optional<User> user;
    s.store.read([&](Transaction& tx) { user = tx.users().find_by_email(email); });
    if (!user) throw std::logic_error("demo account " + email + " is missing");
    // The label a signed-in person's actions carry, so the demo's histories read as the web's do.
    return actor_for(*user);
}

namespace {

// The settings a demo partnership changes from the server's defaults, as its settings page would.
SettingsChange demo_settings(const nlohmann::json& doc) {
    SettingsChange change;
    const nlohmann::json values = doc.value("values", nlohmann::json::object());
    for (const auto& [key, value] : values.items()) change.values[key] = value.get<std::string>();
    if (doc.contains("priorities")) change.priorities = doc.at("priorities").get<std::vector<std::string>>();
    if (doc.contains("annual_cycle")) {
        change.annual_cycle.emplace();
        for (const auto& m : doc.at("annual_cycle")) change.annual_cycle->push_back({std::to_string(m.at("month").get<int>()), m.at("label")});
    }
    return change;
}

// One partnership's directory and accounts from a demo document.
struct DemoDirectory {
    Partnership partnership;
    std::map<std::string, AgencyId> agencies;
    std::vector<std::string> ended;  // keys of bodies that have since closed ("ended": the day they did)
    std::vector<DemoAccount> accounts;
};

DemoDirectory load_directory(Services& s, const nlohmann::json& doc, const std::string& password) {
    DemoDirectory d;
    const auto& about = doc.at("partnership");
    d.partnership = Partnership{PartnershipId{}, about.at("slug"), about.at("name"), about.at("area"), about.value("logo_text", "")};
    Partnership& partnership = d.partnership;
    s.store.write([&](Transaction& tx) {
        if (tx.partnerships().find_by_slug(partnership.slug)) {
            throw std::runtime_error("the database already holds partnership '" + partnership.slug + "'");
        }
        partnership.id = tx.partnerships().insert(partnership, s.defaults);
        record_audit(tx, Actor::system(partnership.id), s.clock.now(), "partnership.create", "partnership",
                     partnership.id.str(), "", settings_audit_record(PartnershipSettings{partnership, s.defaults}).dump());
    });
    const Actor system = Actor::system(partnership.id);
    if (about.contains("settings")) change_settings(s, system, partnership.version, demo_settings(about.at("settings")));

    for (const auto& a : doc.at("agencies")) {
        const auto agency = create_agency(s, system, AgencyInput{a.at("name"), a.at("kind"), a.at("statutory_role"), a.at("sector"),
                                                                 a.value("chief_officer", ""), a.value("organisation_code", "")});
        d.agencies[a.at("key")] = agency.id;
        if (a.contains("ended")) d.ended.push_back(a.at("key"));
    }
    std::map<std::string, Person> people;
    for (const auto& p : doc.at("people")) {
        const auto& key = p.at("agency").get<std::string>();
        const std::string agency = key.empty() || key == "none" ? "none" : d.agencies.at(key).str();
        const auto person = create_person(s, system, PersonInput{p.at("name"), p.at("job_title"), agency, p.at("email")});
        people[person.email] = person;
    }
    for (const auto& a : doc.at("accounts")) {
        const Person& person = people.at(a.at("email"));
        const std::string pw = password.empty() ? s.tokens.random_token().substr(0, 20) : password;
        add_user(s, system, UserInput{person.id.str(), a.at("role"), pw});
        d.accounts.push_back({partnership.name, a.at("role"), person.email, person.name, pw});
    }
    // The lead and delegated safeguarding partners (Working Together 2023), with their dates.
    for (const auto& p : doc.value("partners", nlohmann::json::array())) {
        const auto line = appoint_partner(s, system, PartnerInput{d.agencies.at(p.at("agency")).str(), people.at(p.at("email")).id.str(),
                                                                  p.at("role"), p.at("from")});
        if (p.contains("to")) end_partner(s, system, line.appointment.id, p.at("to"));
    }
    return d;
}

std::string account_of(const DemoDirectory& d, const std::string& role) {
    for (const auto& a : d.accounts) {
        if (a.role == role) return a.email;
    }
    throw std::logic_error(d.partnership.slug + " has no " + role + " account");
}

std::string business_unit_of(const DemoDirectory& d) { return account_of(d, "business_unit"); }

// Bodies that closed (the clinical commissioning group in 2022, North West Boroughs Healthcare and
// the community rehabilitation company in 2021) stay in the directory, because the records of
// their time name them, but are marked inactive as the business unit would, so nothing of the
// present (the statutory partners who sign the report, the agencies offered in a form) counts them.
void retire_ended_agencies(Services& s, const DemoDirectory& d) {
    const Actor system = Actor::system(d.partnership.id);
    for (const auto& key : d.ended) {
        const AgencyId id = d.agencies.at(key);
        std::optional<Agency> agency;
        s.store.read([&](Transaction& tx) { agency = tx.agencies().find(d.partnership.id, id); });
        set_agency_active(s, system, id, agency->version, false);
    }
}

// The organisations that work with both partnerships (the same code on both records) are
// linked as an administrator of the server would set them: a code alone shares nothing
// (docs/decisions/0024).
void link_shared_organisations(Services& s, const DemoDirectory& from, const DemoDirectory& to) {
    for (const auto& agency : list_agencies(s, Actor::system(from.partnership.id), false)) {
        if (agency.organisation_code.empty()) continue;
        const auto there = list_agencies(s, Actor::system(to.partnership.id), false);
        if (std::none_of(there.begin(), there.end(), [&](const Agency& a) { return a.organisation_code == agency.organisation_code; })) continue;
        propose_agency_link(s, Actor::system(from.partnership.id), {agency.id.str(), to.partnership.id.str(), agency.organisation_code});
    }
}

}  // namespace

std::vector<DemoAccount> load_demo(Services& s, const std::string& password, DocumentServices* documents) {
    const DemoDirectory knowsley = load_directory(s, demo_document("knowsley.json"), password);
    // The neighbour first, so its Section 11 cycle is open when organisations working with both
    // submit their returns in Knowsley and share them.
    const auto sefton_doc = demo_document("sefton.json");
    const DemoDirectory sefton = load_directory(s, sefton_doc, password);
    link_shared_organisations(s, knowsley, sefton);
    load_demo_cycles(s, demo_actor(s, business_unit_of(sefton)), sefton.agencies, sefton_doc.at("cycles"));

    const std::string bu = business_unit_of(knowsley);
    load_demo_reviews(s, knowsley.agencies, bu);
    load_demo_governance(s, bu);
    load_demo_review_group(s, bu);
    load_demo_learning(s, knowsley.agencies, bu);
    load_demo_schools(s, bu);
    load_demo_case_audits(s, bu);
    load_demo_registers(s, bu);
    load_demo_dataset(s, bu);
    load_demo_training(s, knowsley.agencies, bu);
    for (const auto& a : knowsley.accounts) {
        if (a.role != "member") continue;
        load_demo_recent_session(s, demo_actor(s, bu), a.name, a.email);
        break;
    }
    load_demo_risks(s, knowsley.agencies, bu);
    retire_ended_agencies(s, knowsley);  // after the records of their time, before the report is signed
    load_demo_training_needs(s, demo_actor(s, bu), knowsley.agencies);  // of the agencies working today
    load_demo_voice(s, bu, account_of(knowsley, "administrator"), sefton.partnership.id);
    load_demo_report(s, bu);
    if (documents != nullptr) load_demo_public_site(s, *documents, bu);

    std::vector<DemoAccount> accounts = knowsley.accounts;
    accounts.insert(accounts.end(), sefton.accounts.begin(), sefton.accounts.end());
    return accounts;
}

}  // namespace assure::cli
