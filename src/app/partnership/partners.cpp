// Lead and delegated safeguarding partners (issue 20 item 2): core checks each appointment; the
// store keeps it through the PartnerTransaction side interface.
#include <nlohmann/json.hpp>

#include "app/partners.hpp"
#include "app/ports/partners.hpp"

namespace assure {
namespace {

PartnerRepo& partners_of(Transaction& tx) {
    auto* with = dynamic_cast<PartnerTransaction*>(&tx);
    if (with == nullptr) throw Failure(FailureCode::unavailable, "Safeguarding partners are not kept by this store", {}, "no PartnerTransaction");
    return with->partners();
}

PartnerLine line_of(Transaction& tx, PartnerAppointment a, Date today) {
    PartnerLine l;
    if (const auto p = tx.people().find(a.partnership, a.person)) {
        l.person_name = p->name;
        l.job_title = p->job_title;
    }
    if (const auto g = tx.agencies().find(a.partnership, a.agency)) l.agency_name = g->name;
    l.current = holds_on(a, today);
    l.appointment = std::move(a);
    return l;
}

std::string audit_record(const PartnerLine& l) {
    const auto& a = l.appointment;
    nlohmann::json j{{"agency", l.agency_name}, {"person", l.person_name}, {"role", partner_role_key(a.role)}, {"from", a.from.iso()}};
    if (a.to) j["to"] = a.to->iso();
    return j.dump();
}

}  // namespace

std::vector<PartnerLine> list_partners(Services& s, const Actor& actor) {
    require(actor, Permission::view_directory);
    const Date today = london_today(s);
    std::vector<PartnerLine> out;
    s.store.read([&](Transaction& tx) {
        for (auto& a : partners_of(tx).appointments(actor.partnership)) out.push_back(line_of(tx, std::move(a), today));
    });
    return out;
}

PartnerLine read_partner(Services& s, const Actor& actor, std::int64_t id) {
    require(actor, Permission::view_directory);
    const Date today = london_today(s);
    PartnerLine out;
    s.store.read([&](Transaction& tx) {
        auto a = partners_of(tx).find_appointment(actor.partnership, id);
        if (!a) throw Failure::not_found("safeguarding partner " + std::to_string(id));
        out = line_of(tx, std::move(*a), today);
    });
    return out;
}

PartnerLine appoint_partner(Services& s, const Actor& actor, const PartnerInput& in) {
    require(actor, Permission::edit_directory);
    const Date today = london_today(s);
    PartnerLine out;
    s.store.write([&](Transaction& tx) {
        auto& repo = partners_of(tx);
        PartnerAppointment a = check_appointment(in, actor.partnership, tx.agencies().list(actor.partnership, true),
                                                 tx.people().list(actor.partnership, PersonFilter{}), repo.appointments(actor.partnership));
        a.id = repo.insert_appointment(a);
        out = line_of(tx, a, today);
        record_audit(tx, actor, s.clock.now(), "partner.appoint", "safeguarding_partner", std::to_string(a.id), "", audit_record(out));
    });
    return out;
}

PartnerLine end_partner(Services& s, const Actor& actor, std::int64_t id, const std::string& to) {
    require(actor, Permission::edit_directory);
    const Date today = london_today(s);
    PartnerLine out;
    s.store.write([&](Transaction& tx) {
        auto& repo = partners_of(tx);
        auto a = repo.find_appointment(actor.partnership, id);
        if (!a) throw Failure::not_found("safeguarding partner " + std::to_string(id));
        const PartnerLine before = line_of(tx, *a, today);
        const Date last = check_end(*a, to);
        if (!repo.end_appointment(actor.partnership, id, last)) throw Failure::stale("safeguarding partner " + std::to_string(id));
        a->to = last;
        out = line_of(tx, *a, today);
        record_audit(tx, actor, s.clock.now(), "partner.end", "safeguarding_partner", std::to_string(id), audit_record(before),
                     audit_record(out));
    });
    return out;
}

}  // namespace assure
