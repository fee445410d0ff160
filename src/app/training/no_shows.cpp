// Training no-shows and their agencies (app/training_no_shows.hpp), over the store's
// NoShowTransaction side interface; the charges and the message are worked out in core.
#include <map>

#include <nlohmann/json.hpp>

#include "app/mail.hpp"
#include "app/ports/training_no_shows.hpp"
#include "app/training_no_shows.hpp"

namespace assure {
namespace {

NoShowRepo& no_shows_of(Transaction& tx) {
    auto* with = dynamic_cast<NoShowTransaction*>(&tx);
    if (with == nullptr) throw Failure(FailureCode::unavailable, "Training no-shows are not kept by this store", {}, "no NoShowTransaction");
    return with->training_no_shows();
}

std::string charges_json(const TrainingCharges& c) {
    return nlohmann::json{{"no_show_pence", c.no_show_pence}, {"late_cancellation_pence", c.late_cancellation_pence}}.dump();
}

}  // namespace

NoShowReport read_no_shows(Services& s, const Actor& actor, FinancialYear year) {
    require(actor, Permission::view_training);
    NoShowReport r;
    r.year = year;
    r.may_manage = actor.can(Permission::manage_training);
    std::vector<NoShow> all;
    std::map<AgencyId, std::vector<std::string>> leads;
    s.store.read([&](Transaction& tx) {
        r.charges = no_shows_of(tx).charges(actor.partnership);
        all = no_shows_of(tx).no_shows(actor.partnership, year.first_day(), year.last_day());
        if (r.may_manage) leads = no_shows_of(tx).agency_lead_emails(actor.partnership);
    });
    r.agencies = no_shows_by_agency(all, r.charges);
    for (auto& a : r.agencies) {
        if (r.may_manage && a.agency.valid() && a.untold > 0 && !leads.count(a.agency)) r.without_lead.push_back(a.agency);
        // Who did not come is for the business unit, who follows it up; others read the counts.
        if (!r.may_manage) a.items.clear();
    }
    return r;
}

TrainingCharges set_training_charges(Services& s, const Actor& actor, const std::string& no_show, const std::string& late_cancellation,
                                     int expected_version) {
    require(actor, Permission::manage_training);
    FieldErrors errors;
    auto charges = check_training_charges(no_show, late_cancellation, errors);
    if (!charges) throw Failure::invalid(std::move(errors));
    s.store.write([&](Transaction& tx) {
        const TrainingCharges before = no_shows_of(tx).charges(actor.partnership);
        if (before.version != expected_version || !no_shows_of(tx).save_charges(actor.partnership, *charges, expected_version)) {
            throw Failure::stale("set of charges");
        }
        *charges = no_shows_of(tx).charges(actor.partnership);
        record_audit(tx, actor, s.clock.now(), "training_charges.update", "training_charges", actor.partnership.str(),
                     before.version == 0 ? "" : charges_json(before), charges_json(*charges));
    });
    return *charges;
}

NoShowsTold tell_agencies_of_no_shows(Services& s, const Actor& actor, FinancialYear year) {
    require(actor, Permission::manage_training);
    NoShowsTold told;
    s.store.write([&](Transaction& tx) {
        const auto partnership = tx.partnerships().find(actor.partnership);
        if (!partnership) throw Failure::not_found("partnership");
        const TrainingCharges charges = no_shows_of(tx).charges(actor.partnership);
        const auto leads = no_shows_of(tx).agency_lead_emails(actor.partnership);
        const Instant now = s.clock.now();
        for (const auto& a : no_shows_by_agency(no_shows_of(tx).no_shows(actor.partnership, year.first_day(), year.last_day()), charges)) {
            const auto to = leads.find(a.agency);
            if (!a.agency.valid() || a.untold == 0 || to == leads.end()) continue;
            std::vector<NoShow> untold;
            for (const auto& n : a.items) {
                if (!n.told_at && no_shows_of(tx).mark_told(actor.partnership, n.booking, now, charge_of(n, charges))) untold.push_back(n);
            }
            if (untold.empty()) continue;
            const MailText text = no_show_mail_text(partnership->name, a.name, untold, charges);
            for (const std::string& email : to->second) {
                queue_mail(tx, now, OutgoingMail{actor.partnership, MailKind::no_show_notice, email, text.subject, text.body});
                ++told.messages;
            }
            ++told.agencies;
            told.bookings += static_cast<int>(untold.size());
            nlohmann::json audit{{"year", year.key()}, {"bookings", untold.size()}, {"leads", to->second.size()}};
            record_audit(tx, actor, now, "training_no_shows.tell", "agency", a.agency.str(), "", audit.dump());
        }
    });
    return told;
}

}  // namespace assure
