// The attendance, quorum, cadence and rotation rules (DOMAIN.md §1, seeds 000 and 003).
#include <algorithm>

#include "core/governance.hpp"
#include "core/governance_quorum.hpp"

namespace assure {
namespace {

const AttendanceRecord* record_for(const Meeting& m, PersonId person) {
    for (const auto& r : m.attendance) if (r.person == person) return &r;
    return nullptr;
}

bool attends(Presence p) { return p == Presence::present || p == Presence::deputy; }

}  // namespace

Period attendance_window(const GovernanceRules& rules, Date today) {
    return {Date::from_days(add_months_clamped(today, -rules.window_months).days() + 1), today};
}

std::vector<MemberRate> member_rates(const std::vector<Membership>& members, const std::vector<Meeting>& meetings,
                                     const Period& period, const GovernanceRules& rules) {
    std::vector<MemberRate> out;
    for (const auto& m : members) {
        if (std::any_of(out.begin(), out.end(), [&](const MemberRate& r) { return r.person == m.person; })) continue;
        MemberRate rate;
        rate.person = m.person;
        for (const auto& meeting : meetings) {
            if (meeting.status != MeetingStatus::held || meeting.on < period.from || period.to < meeting.on) continue;
            // A member counts for a meeting only if they were a member on its date (joined mid-year).
            const bool was_member = std::any_of(members.begin(), members.end(), [&](const Membership& x) {
                return x.person == m.person && x.group == meeting.group && member_on(x, meeting.on);
            });
            if (!was_member) continue;
            ++rate.held;
            const AttendanceRecord* r = record_for(meeting, m.person);
            const Presence p = r ? r->presence : Presence::absent;
            switch (p) {
                case Presence::present: ++rate.present; break;
                case Presence::deputy: ++rate.deputised; break;
                case Presence::apologies: ++rate.apologies; break;
                case Presence::absent: ++rate.absent; break;
            }
        }
        rate.attended = rate.present + (rules.deputy_counts_as_attended ? rate.deputised : 0);
        if (rate.held > 0) {
            rate.rate = static_cast<double>(rate.attended) / rate.held;
            rate.below_expected = *rate.rate < rules.expected_rate;
            rate.deputy_regular = static_cast<double>(rate.deputised) / rate.held > rules.deputy_exceptional_share;
        }
        out.push_back(rate);
    }
    return out;
}

std::vector<RateTotal> rates_by_agency(const std::vector<MemberRate>& rates, const std::map<PersonId, AgencyId>& person_agency,
                                       const std::vector<Agency>& agencies, const GovernanceRules& rules) {
    std::vector<RateTotal> out;
    for (const auto& a : agencies) {
        RateTotal t;
        t.agency = a.id;
        t.label = a.name;
        for (const auto& r : rates) {
            const auto it = person_agency.find(r.person);
            if (it == person_agency.end() || it->second != a.id) continue;
            t.held += r.held;
            t.attended += r.attended;
        }
        if (t.held == 0) continue;
        t.rate = static_cast<double>(t.attended) / t.held;
        t.below_expected = *t.rate < rules.expected_rate;
        out.push_back(t);
    }
    std::sort(out.begin(), out.end(), [](const RateTotal& x, const RateTotal& y) { return *x.rate < *y.rate; });
    return out;
}

QuorumResult quorum_of(const Group& group, const Meeting& meeting, const std::vector<Membership>& members,
                       const std::map<PersonId, AgencyId>& person_agency, const std::vector<Agency>& agencies) {
    QuorumResult q;
    std::vector<PersonId> attending;
    for (const auto& m : members) {
        if (m.group != group.id || !member_on(m, meeting.on)) continue;
        if (std::find(attending.begin(), attending.end(), m.person) != attending.end()) continue;
        ++q.members;
        const AttendanceRecord* r = record_for(meeting, m.person);
        if (r && attends(r->presence)) attending.push_back(m.person);
    }
    q.attending = static_cast<int>(attending.size());
    const std::string counted = std::to_string(q.attending) + " of " + std::to_string(q.members) + " members attended";
    if (!has_quorum_rule(group.quorum)) {
        // Nothing to fall short of: the meeting stands whoever came.
        q.quorate = true;
        q.explanation = "No quorum rule set: " + counted;
        return q;
    }
    switch (group.quorum.kind) {
        case QuorumKind::all_statutory_partners: {
            std::string missing;
            for (const auto& a : agencies) {
                if (a.kind != AgencyKind::statutory_partner || !a.active) continue;
                const bool present = std::any_of(attending.begin(), attending.end(), [&](PersonId p) {
                    const auto it = person_agency.find(p);
                    return it != person_agency.end() && it->second == a.id;
                });
                if (!present) missing += (missing.empty() ? "" : ", ") + a.name;
            }
            q.quorate = missing.empty();
            q.explanation = q.quorate ? "Quorate: every statutory partner attended (" + counted + ")"
                                      : "Not quorate: no one attended for " + missing;
            break;
        }
        case QuorumKind::min_members:
            q.quorate = q.attending >= group.quorum.value;
            q.explanation = std::string(q.quorate ? "Quorate: " : "Not quorate: ") + counted + " (at least " +
                            std::to_string(group.quorum.value) + " needed)";
            break;
        case QuorumKind::min_share:
            q.quorate = q.members > 0 && q.attending * 100 >= group.quorum.value * q.members;
            q.explanation = std::string(q.quorate ? "Quorate: " : "Not quorate: ") + counted + " (at least " +
                            std::to_string(group.quorum.value) + "% needed)";
            break;
    }
    return q;
}

CadenceStatus cadence_of(const Group& group, const std::vector<Meeting>& meetings, Date today) {
    std::optional<Date> last_held, next_planned;
    for (const auto& m : meetings) {
        if (m.group != group.id) continue;
        if (m.status == MeetingStatus::held && m.on <= today && (!last_held || *last_held < m.on)) last_held = m.on;
        if (m.status == MeetingStatus::planned && today <= m.on && (!next_planned || m.on < *next_planned)) next_planned = m.on;
    }
    return cadence_from(group, last_held, next_planned, today);
}

CadenceStatus cadence_from(const Group& group, std::optional<Date> last_held, std::optional<Date> next_planned, Date today) {
    CadenceStatus c;
    c.active = group.active_from <= today && (!group.active_to || today <= *group.active_to);
    c.last_held = last_held;
    c.next_planned = next_planned;
    if (group.cadence_months > 0 && c.active) {
        c.due_by = add_months_clamped(c.last_held.value_or(group.active_from), group.cadence_months);
        c.overdue = *c.due_by < today;
    }
    return c;
}

StatutoryRole rotating_chair_on(const Group& group, Date on) {
    static constexpr StatutoryRole order[] = {StatutoryRole::local_authority, StatutoryRole::police, StatutoryRole::health};
    if (group.chair_kind != ChairKind::rotating || group.rotation_months < 1 || on < group.rotation_start) return StatutoryRole::none;
    const int months = (on.year - group.rotation_start.year) * 12 + (on.month - group.rotation_start.month) -
                       (on.day < group.rotation_start.day ? 1 : 0);
    return order[(months / group.rotation_months) % 3];
}

Date rotation_ends(const Group& group, Date on) {
    Date turn_start = group.rotation_start;
    while (add_months_clamped(turn_start, group.rotation_months) <= on) turn_start = add_months_clamped(turn_start, group.rotation_months);
    return Date::from_days(add_months_clamped(turn_start, group.rotation_months).days() - 1);
}

std::vector<CycleDate> annual_cycle_between(const GovernanceRules& rules, Date from, int months) {
    std::vector<CycleDate> out;
    Date first{from.year, from.month, 1};
    for (int i = 0; i < months; ++i) {
        const Date month = add_months_clamped(first, i);
        for (const auto& m : rules.annual_cycle) {
            if (m.month == month.month) out.push_back({month, m.label});
        }
    }
    return out;
}

}  // namespace assure
