// Links between agency records of different partnerships (app/agency_links.hpp).
#include "app/agency_links.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "app/partnership.hpp"
#include "core/text.hpp"

namespace assure {
namespace {

std::int64_t id_of(const std::string& raw) {
    std::int64_t value = 0;
    const auto parsed = std::from_chars(raw.data(), raw.data() + raw.size(), value);
    if (raw.empty() || parsed.ec != std::errc{} || parsed.ptr != raw.data() + raw.size()) return 0;
    return value;
}

nlohmann::json audit_record(const AgencyLink& l) {
    return nlohmann::json{{"id", l.id},
                          {"from_partnership", l.from_partnership.value},
                          {"from_agency", l.from_agency.value},
                          {"to_partnership", l.to_partnership.value},
                          {"to_agency", l.to_agency.valid() ? nlohmann::json(l.to_agency.value) : nlohmann::json()},
                          {"status", agency_link_status_key(l.status)},
                          {"version", l.version}};
}

// Both partnerships' trails show every step: the other one learns of a link the moment it is
// proposed, set or ended.
void audit_both(Services& s, Transaction& tx, const Actor& actor, const AgencyLink& link, const char* action,
                const std::string& before, const std::string& after) {
    const Instant now = s.clock.now();
    record_audit(tx, actor, now, action, "agency_link", std::to_string(link.id), before, after);
    Actor there = actor;
    there.partnership = link.other_partnership(actor.partnership);
    record_audit(tx, there, now, action, "agency_link", std::to_string(link.id), before, after);
}

AgencyLinkView view_of(Transaction& tx, PartnershipId p, const AgencyLink& link) {
    AgencyLinkView v{link, "", "", "", false};
    const PartnershipId other = link.other_partnership(p);
    if (const auto ours = link.agency_of(p); ours.valid()) {
        if (const auto a = tx.agencies().find(p, ours)) v.our_agency = a->name;
    }
    if (const auto theirs = link.agency_of(other); theirs.valid()) {
        if (const auto a = tx.agencies().find(other, theirs)) v.their_agency = a->name;
    }
    if (const auto there = tx.partnerships().find(other)) v.their_partnership = there->name;
    v.incoming = link.status == AgencyLinkStatus::proposed && link.to_partnership == p;
    return v;
}

AgencyLink load(Transaction& tx, const Actor& actor, std::int64_t id) {
    auto link = tx.agency_links().find(actor.partnership, id);
    if (!link) throw Failure::not_found("agency link " + std::to_string(id));
    return *link;
}

std::string name_of(Transaction& tx, PartnershipId p, AgencyId a) {
    const auto found = tx.agencies().find(p, a);
    return found ? found->name : "the agency";
}

}  // namespace

Page<AgencyLinkView> list_agency_links(Services& s, const Actor& actor, const PageRequest& page) {
    require(actor, Permission::edit_directory);
    Page<AgencyLinkView> out;
    s.store.read([&](Transaction& tx) {
        auto found = tx.agency_links().query(AgencyLinkQuery{actor.partnership, page});
        out.next = std::move(found.next);
        for (const auto& l : found.items) out.items.push_back(view_of(tx, actor.partnership, l));
    });
    return out;
}

AgencyLinkView get_agency_link(Services& s, const Actor& actor, std::int64_t id) {
    require(actor, Permission::edit_directory);
    AgencyLinkView out;
    s.store.read([&](Transaction& tx) { out = view_of(tx, actor.partnership, load(tx, actor, id)); });
    return out;
}

std::vector<Partnership> partnerships_to_link(Services& s, const Actor& actor) {
    require(actor, Permission::edit_directory);
    std::vector<Partnership> out;
    s.store.read([&](Transaction& tx) {
        for (auto& p : tx.partnerships().list()) {
            if (p.id != actor.partnership) out.push_back(std::move(p));
        }
    });
    return out;
}

AgencyLinkView propose_agency_link(Services& s, const Actor& actor, const AgencyLinkInput& input) {
    require(actor, Permission::edit_directory);
    AgencyLinkView out;
    s.store.write([&](Transaction& tx) {
        const auto ours = tx.agencies().find(actor.partnership, AgencyId{id_of(input.agency_id)});
        const auto there = tx.partnerships().find(PartnershipId{id_of(input.partnership)});
        FieldErrors errors = validate_link_proposal(ours, actor.partnership, there);
        std::string code = trim(input.their_organisation_code);
        std::transform(code.begin(), code.end(), code.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
        std::optional<Agency> theirs;
        if (!code.empty()) {
            if (!actor.can(Permission::manage_partnerships)) {
                errors.push_back({"their_organisation_code",
                                  "Only an administrator of this service sets a link at once; propose it and the other partnership accepts it"});
            } else if (there && there->id != actor.partnership) {
                for (auto& a : tx.agencies().list(there->id, false)) {
                    if (a.organisation_code == code) theirs = std::move(a);
                }
                if (!theirs) errors.push_back({"their_organisation_code", there->name + " has no active agency with organisation code " + code});
            }
        }
        if (errors.empty()) {
            const auto existing = tx.agency_links().between(ours->id, there->id, theirs ? theirs->id : AgencyId{});
            if (!existing.empty()) {
                errors.push_back({"partnership", ours->name + (existing.front().shares() ? " is already linked to an agency of "
                                                                                         : " already has a proposal with ") +
                                                     there->name});
            }
        }
        if (!errors.empty()) throw Failure::invalid(std::move(errors));

        AgencyLink link;
        link.from_partnership = actor.partnership;
        link.from_agency = ours->id;
        link.to_partnership = there->id;
        link.proposed_at = s.clock.now();
        link.proposed_by = actor.label;
        if (theirs) {
            link.to_agency = theirs->id;
            link.status = AgencyLinkStatus::accepted;
            link.accepted_at = link.proposed_at;
            link.accepted_by = actor.label;
        }
        link.id = tx.agency_links().insert(link);
        audit_both(s, tx, actor, link, theirs ? "agency_link.set" : "agency_link.propose", "", audit_record(link).dump());
        out = view_of(tx, actor.partnership, link);
    });
    return out;
}

AgencyLinkView accept_agency_link(Services& s, const Actor& actor, std::int64_t id, int expected_version,
                                  const std::string& agency_id) {
    require(actor, Permission::edit_directory);
    AgencyLinkView out;
    s.store.write([&](Transaction& tx) {
        const AgencyLink before = load(tx, actor, id);
        if (before.version != expected_version) throw Failure::stale("agency link");
        const auto theirs = tx.agencies().find(actor.partnership, AgencyId{id_of(agency_id)});
        FieldErrors errors = validate_link_acceptance(before, actor.partnership, theirs);
        if (errors.empty()) {
            for (const auto& other : tx.agency_links().between(before.from_agency, actor.partnership, theirs->id)) {
                if (other.id != before.id && other.shares()) {
                    errors.push_back({"agency_id", theirs->name + " is already linked to " +
                                                       name_of(tx, before.from_partnership, before.from_agency)});
                    break;
                }
            }
        }
        if (!errors.empty()) throw Failure::invalid(std::move(errors));
        AgencyLink after = before;
        after.to_agency = theirs->id;
        after.status = AgencyLinkStatus::accepted;
        after.accepted_at = s.clock.now();
        after.accepted_by = actor.label;
        if (!tx.agency_links().accept(after)) throw Failure::stale("agency link");
        after.version = before.version + 1;
        audit_both(s, tx, actor, after, "agency_link.accept", audit_record(before).dump(), audit_record(after).dump());
        out = view_of(tx, actor.partnership, after);
    });
    return out;
}

void remove_agency_link(Services& s, const Actor& actor, std::int64_t id, int expected_version) {
    require(actor, Permission::edit_directory);
    s.store.write([&](Transaction& tx) {
        const AgencyLink before = load(tx, actor, id);
        if (before.version != expected_version) throw Failure::stale("agency link");
        if (!tx.agency_links().remove(id, expected_version)) throw Failure::stale("agency link");
        const char* action = before.shares()                              ? "agency_link.end"
                             : before.to_partnership == actor.partnership ? "agency_link.decline"
                                                                          : "agency_link.withdraw";
        audit_both(s, tx, actor, before, action, audit_record(before).dump(), "");
    });
}

nlohmann::json to_json(const AgencyLinkView& v) {
    const auto& l = v.link;
    return nlohmann::json{{"id", l.id},
                          {"status", agency_link_status_key(l.status)},
                          {"incoming", v.incoming},
                          {"our_agency", v.our_agency},
                          {"their_partnership", v.their_partnership},
                          {"their_agency", v.their_agency},
                          {"proposed_by", l.proposed_by},
                          {"proposed_at", l.proposed_at},
                          {"accepted_by", l.accepted_by},
                          {"accepted_at", l.accepted_at},
                          {"version", l.version}};
}

}  // namespace assure
