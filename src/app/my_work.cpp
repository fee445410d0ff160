// My work (issue 19 item 2; docs/decisions/0026-search-and-my-work.md).
#include "app/my_work.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>

#include "app/ports/action_escalations.hpp"
#include "app/ports/agency_statements.hpp"
#include "app/ports/role_grants.hpp"
#include "app/ports/training_needs.hpp"
#include "core/date_words.hpp"
#include "core/labels.hpp"
#include "core/learning.hpp"
#include "core/registers.hpp"
#include "core/report.hpp"

namespace assure {
namespace {

OwedRepo& owed_of(Transaction& tx) {
    auto* with = dynamic_cast<MyWorkTransaction*>(&tx);
    if (with == nullptr) throw Failure(FailureCode::unavailable, "My work is not kept by this store", {}, "no MyWorkTransaction");
    return with->owed();
}

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

struct Owner {
    OwedQuery query;
    std::optional<Agency> agency;  // their directory entry's
};

Owner owner_of(Transaction& tx, const Actor& actor, Date today) {
    Owner o;
    o.query.partnership = actor.partnership;
    o.query.today = today;
    const auto user = tx.users().find(actor.user);
    if (!user || !user->person.valid()) return o;
    const auto person = tx.people().find(actor.partnership, user->person);
    if (!person) return o;
    o.query.person = person->id;
    o.query.email = lower(person->email);
    if (person->agency.valid()) o.agency = tx.agencies().find(actor.partnership, person->agency);
    // What an agency sends is its safeguarding lead's to send.
    if (actor.role == Role::agency_lead && o.agency) o.query.agency = o.agency->id;
    return o;
}

// The few owed things that are not rows of their own: returns of open audits the agency was
// invited to and has not submitted, and last year's report awaiting the organisation's sign-off.
std::vector<OwedItem> pinned(Transaction& tx, const Actor& actor, const Owner& o) {
    std::vector<OwedItem> out;
    if (actor.role == Role::agency_lead && o.agency) {
        for (const auto& c : tx.learning().cycles(actor.partnership)) {
            if (c.closed || o.query.today < c.opens) continue;
            if (std::find(c.invited.begin(), c.invited.end(), o.agency->id) == c.invited.end()) continue;
            const auto ret = tx.learning().find_return(actor.partnership, c.id, o.agency->id);
            if (ret && ret->status == ReturnStatus::submitted) continue;
            out.push_back({OwedKind::audit_return, c.id.value, c.title.empty() ? std::string(audit_kind_label(c.kind)) : c.title, c.closes,
                           ret ? "Draft started" : "Not started"});
        }
    }
    if (actor.can(Permission::sign_off_report) && o.agency && o.agency->kind == AgencyKind::statutory_partner) {
        const FinancialYear year{FinancialYear::of(o.query.today).start - 1};
        const auto sections = all_sections(tx.report().sections(actor.partnership, year));
        const auto signs = tx.report().sign_offs(actor.partnership, year);
        if (sign_off_refusals(sections, o.agency->id, true, signs).empty()) {
            out.push_back({OwedKind::report_sign_off, year.start, "Sign off the yearly report " + year.label(), std::nullopt,
                           "For " + o.agency->name});
        }
    }
    // Overdue meeting actions escalated to them (as a chair or a partner's lead), still open.
    if (o.query.person.valid()) {
        if (auto* with = dynamic_cast<ActionEscalationTransaction*>(&tx)) {
            for (const auto& e : with->action_escalations().open_escalated_to(actor.partnership, o.query.person)) {
                if (e.action_owner == o.query.person) continue;  // their own action is listed already
                out.push_back({OwedKind::escalated_action, e.action.value, e.action_text, e.due,
                               std::string(e.step == EscalationStep::chair ? "as the group's chair" : "as a statutory partner's lead") +
                                   ", on " + date_in_words(e.escalated_on)});
            }
        }
    }
    // Statements for the yearly reports still open (last year's and this year's): the agency's own
    // when returned or left as a draft; for the business unit, each submitted one.
    if (auto* with = dynamic_cast<AgencyStatementTransaction*>(&tx)) {
        const bool deciding = actor.can(Permission::manage_report);
        const bool writing = (actor.role == Role::agency_lead || actor.role == Role::partner_lead) && o.agency;
        const int this_year = FinancialYear::of(o.query.today).start;
        std::map<std::int64_t, std::string> names;
        for (const FinancialYear year : {FinancialYear{this_year - 1}, FinancialYear{this_year}}) {
            if (!deciding && !writing) break;
            for (const auto& st : with->agency_statements().statements(actor.partnership, year)) {
                const bool theirs = writing && st.agency == o.agency->id &&
                                    (st.state == StatementState::returned || st.state == StatementState::draft);
                const bool to_decide = deciding && st.state == StatementState::submitted;
                if (!theirs && !to_decide) continue;
                if (names.empty()) {
                    for (const auto& a : tx.agencies().list(actor.partnership, true)) names[a.id.value] = a.name;  // once, not per line
                }
                const auto found = names.find(st.agency.value);
                const std::string name = found == names.end() ? "an agency" : found->second;
                out.push_back({OwedKind::agency_statement, statement_owed_id(year.start, st.agency.value),
                               to_decide ? "Accept or return " + name + "'s statement for the yearly report " + year.label()
                                         : "Finish " + name + "'s statement for the yearly report " + year.label(),
                               std::nullopt,
                               to_decide ? "Submitted by " + st.submitted_by
                                         : std::string(st.state == StatementState::returned ? "Returned for changes by " + st.decided_by : "A draft")});
            }
        }
    }
    // Returns to an open training needs analysis their agency was asked for and has not submitted:
    // an agency's safeguarding lead or statutory partner lead answers for it.
    if ((actor.role == Role::agency_lead || actor.role == Role::partner_lead) && o.agency) {
        if (auto* with = dynamic_cast<NeedsTransaction*>(&tx)) {
            for (const auto& a : with->training_needs().list(actor.partnership)) {
                if (needs_stage(a, o.query.today) != NeedsAnalysisStage::open) continue;
                if (std::find(a.invited.begin(), a.invited.end(), o.agency->id) == a.invited.end()) continue;
                const auto ret = with->training_needs().find_return(actor.partnership, a.id, o.agency->id);
                if (!ret || ret->state == NeedsReturnState::submitted) continue;
                out.push_back({OwedKind::needs_return, a.id.value, a.title, a.closes,
                               std::string(ret->state == NeedsReturnState::draft ? "Draft started" : "Not started") + " for " + o.agency->name});
            }
        }
    }
    // Roles that see children's identities, waiting for a partner lead who may decide them.
    if (actor.can(Permission::approve_roles)) {
        if (auto* with = dynamic_cast<RoleGrantTransaction*>(&tx)) {
            for (const auto& g : with->role_grants().waiting(actor.partnership)) {
                if (why_may_not_decide(g, actor.user, actor.role)) continue;
                const auto account = tx.users().find(g.user);
                const std::string who = !account ? "an account" : account->display_name.empty() ? account->email : account->display_name;
                out.push_back({OwedKind::role_approval, g.id.value, "Approve or refuse the " + lower(std::string(role_label(g.role))) +
                                                                        " role for " + who,
                               std::nullopt, "Asked by " + name_in_label(g.asked_by_label) + " on " + date_in_words(london_date(g.asked_at))});
            }
        }
    }
    return out;
}

std::string href_of(const OwedItem& i, const Owner& o) {
    const std::string id = std::to_string(i.id);
    switch (i.kind) {
        case OwedKind::meeting_action: return "/actions/" + id;
        case OwedKind::improvement_action: return "/improvement/" + id;
        case OwedKind::audit_return: return "/audits/" + id + "/returns/" + (o.agency ? o.agency->id.str() : std::string("0"));
        case OwedKind::dataset_return: return "/dataset/returns/" + id;
        case OwedKind::booking: return "/training/sessions/" + id;
        case OwedKind::report_sign_off: return "/reports/" + FinancialYear{static_cast<int>(i.id)}.key();
        case OwedKind::role_approval: return "/users/approvals/" + id;
        case OwedKind::escalated_action: return "/actions/" + id;
        case OwedKind::needs_return: return "/training/needs/" + id + "/returns/" + (o.agency ? o.agency->id.str() : std::string("0"));
        case OwedKind::agency_statement:
            return "/reports/" + FinancialYear{statement_owed_year(i.id)}.key() + "/statements/" + std::to_string(statement_owed_agency(i.id));
    }
    return "/";
}

}  // namespace

MyWork my_work(Services& s, const Actor& actor, const PageRequest& page) {
    require(actor, Permission::signed_in);
    const Date today = london_today(s);
    MyWork out;
    s.store.read([&](Transaction& tx) {
        Owner o = owner_of(tx, actor, today);
        o.query.page = page;
        Page<OwedItem> rows;
        OwedCounts counts;
        if (o.query.person.valid()) {
            rows = owed_of(tx).owed(o.query);
            counts = owed_of(tx).count_owed(o.query);
        }
        // The pinned items whose place falls on this page: after the cursor's key, and up to the
        // page's last row (on the last page, everything after the cursor).
        std::optional<OwedItem> after;
        if (!page.after.empty()) {
            const auto parts = cursor_parts(page.after, 3);
            const auto kind = parse_owed_kind(parts[1]);
            const auto due = Date::parse(parts[0]);
            std::int64_t id = 0;
            const auto r = std::from_chars(parts[2].data(), parts[2].data() + parts[2].size(), id);
            if (!kind || !due || r.ec != std::errc{} || r.ptr != parts[2].data() + parts[2].size()) {
                throw Failure::invalid({{"cursor", "The cursor is not one this list gave out: start again from the first page"}});
            }
            after = OwedItem{*kind, id, "", due};
        }
        std::vector<OwedItem> items = rows.items;
        for (const auto& p : pinned(tx, actor, o)) {
            ++counts.owed;
            if (owed_overdue(p, today)) ++counts.overdue;
            if (after && !owed_before(*after, p)) continue;
            if (rows.next && !rows.items.empty() && owed_before(rows.items.back(), p)) continue;
            items.push_back(p);
        }
        std::sort(items.begin(), items.end(), owed_before);
        for (auto& i : items) {
            const bool overdue = owed_overdue(i, today);
            const std::string href = href_of(i, o);
            out.lines.push_back({std::move(i), href, overdue});
        }
        out.next = rows.next;
        out.counts = counts;
    });
    return out;
}

OwedCounts count_my_work(Services& s, const Actor& actor) {
    PageRequest first;
    first.limit = 1;
    return my_work(s, actor, first).counts;
}

}  // namespace assure
