// Section 11 and Section 175 audits: cycles, each agency's return (draft, then submitted),
// moderation after challenge, the letter to the agency, results and year-on-year trends.
#include <algorithm>
#include <map>

#include "app/audit_return_check.hpp"
#include "app/learning/internal.hpp"
#include "core/audit_letter.hpp"
#include "core/text.hpp"

namespace assure {

namespace learning_detail {

AuditCycle load_cycle(Transaction& tx, const Actor& actor, AuditCycleId id) {
    auto c = tx.learning().find_cycle(actor.partnership, id);
    if (!c) throw Failure::not_found("audit cycle " + id.str());
    if (const auto scope = agency_scope(tx, actor);
        scope && std::find(c->invited.begin(), c->invited.end(), *scope) == c->invited.end()) {
        throw Failure::not_found("audit cycle " + id.str());
    }
    return *c;
}

Loaded load_for_agency(Transaction& tx, const Actor& actor, AuditCycleId cycle, AgencyId agency) {
    Loaded l{load_cycle(tx, actor, cycle), {}, std::nullopt};
    const auto scope = agency_scope(tx, actor);
    const bool invited = std::find(l.cycle.invited.begin(), l.cycle.invited.end(), agency) != l.cycle.invited.end();
    const auto a = tx.agencies().find(actor.partnership, agency);
    if (!invited || !a || (scope && *scope != agency)) throw Failure::not_found("return of agency " + agency.str());
    l.agency = *a;
    l.ret = tx.learning().find_return(actor.partnership, cycle, agency);
    return l;
}

bool may_edit(Transaction& tx, const Actor& actor, AgencyId agency) {
    if (actor.can(Permission::manage_learning)) return true;
    const auto scope = agency_scope(tx, actor);
    return scope && scope->valid() && *scope == agency;
}

void save_return_record(Services& s, Transaction& tx, const Actor& actor, const std::optional<AuditReturn>& before,
                        AuditReturn& after, const char* action) {
    if (!before) {
        after.id = tx.learning().insert_return(after);
        after.version = 1;
    } else {
        after.version = before->version;
        if (!tx.learning().update_return(after)) throw Failure::stale("return");
        ++after.version;
    }
    record_audit(tx, actor, s.clock.now(), action, "audit_return", after.id.str(), before ? audit_record(*before) : "",
                 audit_record(after));
}

}  // namespace learning_detail

using namespace learning_detail;

namespace {

int gaps_in(const AuditCycle& c, const AuditReturn& r) {
    if (r.status != ReturnStatus::submitted) return 0;
    return static_cast<int>(std::count_if(r.answers.begin(), r.answers.end(),
                                          [&](const StandardAnswer& a) { return is_gap(c.scale, effective_grade(a)); }));
}

}  // namespace

std::vector<AuditCycle> list_cycles(Services& s, const Actor& actor) {
    require(actor, Permission::view_learning);
    std::vector<AuditCycle> out;
    s.store.read([&](Transaction& tx) {
        const auto scope = agency_scope(tx, actor);
        for (auto& c : tx.learning().cycles(actor.partnership)) {
            if (scope && std::find(c.invited.begin(), c.invited.end(), *scope) == c.invited.end()) continue;
            out.push_back(std::move(c));
        }
    });
    std::sort(out.begin(), out.end(), [](const AuditCycle& a, const AuditCycle& b) { return b.opens < a.opens; });
    return out;
}

AuditCycle create_cycle(Services& s, const Actor& actor, const CycleInput& input) {
    require(actor, Permission::manage_learning);
    AuditCycle c;
    s.store.write([&](Transaction& tx) {
        if (auto errors = validate_cycle(input, rules_of(tx, actor.partnership).learning, tx.agencies().list(actor.partnership, false), c); !errors.empty()) {
            throw Failure::invalid(std::move(errors));
        }
        c.partnership = actor.partnership;
        c.id = tx.learning().insert_cycle(c);
        record_audit(tx, actor, s.clock.now(), "audit_cycle.create", "audit_cycle", c.id.str(), "", audit_record(c));
    });
    return c;
}

CycleView read_cycle(Services& s, const Actor& actor, AuditCycleId id, const PageRequest& returns_page) {
    require(actor, Permission::view_learning);
    CycleView v;
    s.store.read([&](Transaction& tx) {
        v.cycle = load_cycle(tx, actor, id);
        const auto scope = agency_scope(tx, actor);
        const std::vector<AuditReturn> returns = tx.learning().returns_of(actor.partnership, id);
        std::map<AgencyId, Agency> agencies;
        for (auto& a : tx.agencies().list(actor.partnership, true)) agencies.emplace(a.id, std::move(a));
        // The lines in the order the agencies were invited; the cursor is the last agency shown.
        std::vector<ReturnLine> lines;
        for (const auto& aid : v.cycle.invited) {
            if (scope && *scope != aid) continue;
            const auto agency = agencies.find(aid);
            if (agency == agencies.end()) continue;
            ReturnLine line{agency->second, std::nullopt, 0};
            const auto r = std::find_if(returns.begin(), returns.end(), [&](const AuditReturn& x) { return x.agency == aid; });
            if (r != returns.end()) line.ret = *r;
            if (line.ret) line.gaps = gaps_in(v.cycle, *line.ret);
            v.submitted += line.ret && line.ret->status == ReturnStatus::submitted;
            lines.push_back(std::move(line));
        }
        v.invited = static_cast<int>(lines.size());
        auto from = lines.begin();
        if (!returns_page.after.empty()) {
            const std::string after = cursor_parts(returns_page.after, 1).front();
            const auto last = std::find_if(lines.begin(), lines.end(), [&](const ReturnLine& l) { return l.agency.id.str() == after; });
            from = last == lines.end() ? lines.end() : last + 1;
        }
        v.returns = page_of(std::vector<ReturnLine>(from, lines.end()), returns_page.limit,
                            [](const ReturnLine& l) { return std::vector<std::string>{l.agency.id.str()}; });
        v.results = results_by_standard(v.cycle, returns);
        v.previous = cycle_before(v.cycle, tx.learning().cycles(actor.partnership));
        // Asked even when there is no earlier cycle (id 0 finds nothing), so the page runs the
        // same statements whatever the partnership's history (tests/web/statements_http_test.cpp).
        const auto earlier = tx.learning().returns_of(actor.partnership, v.previous ? v.previous->id : AuditCycleId{});
        if (v.previous) v.previous_results = results_by_standard(*v.previous, earlier);
    });
    v.open_today = cycle_open_on(v.cycle, london_today(s));
    return v;
}

void close_cycle(Services& s, const Actor& actor, AuditCycleId id, int expected_version) {
    require(actor, Permission::manage_learning);
    s.store.write([&](Transaction& tx) {
        const AuditCycle before = load_cycle(tx, actor, id);
        if (before.version != expected_version) throw Failure::stale("audit cycle");
        AuditCycle after = before;
        after.closed = true;
        if (!tx.learning().update_cycle(after)) throw Failure::stale("audit cycle");
        ++after.version;
        record_audit(tx, actor, s.clock.now(), "audit_cycle.close", "audit_cycle", id.str(), audit_record(before), audit_record(after));
    });
}

ReturnView read_return(Services& s, const Actor& actor, AuditCycleId cycle, AgencyId agency) {
    require(actor, Permission::view_learning);
    ReturnView v;
    s.store.read([&](Transaction& tx) {
        Loaded l = load_for_agency(tx, actor, cycle, agency);
        v.cycle = l.cycle;
        v.agency = l.agency;
        if (l.ret) {
            v.ret = *l.ret;
        } else {
            v.ret.cycle = cycle;
            v.ret.agency = agency;
            v.ret.version = 0;
            for (const auto& st : l.cycle.standards) v.ret.answers.push_back({st.code, "", "", "", "", ""});
        }
        const bool editor = may_edit(tx, actor, agency);
        v.may_edit = editor && v.ret.status == ReturnStatus::draft && !l.cycle.closed && !(l.cycle.closes < london_today(s));
        v.may_moderate = actor.can(Permission::manage_learning) && v.ret.status == ReturnStatus::submitted;
        // The agency's last earlier cycle of the same kind with a submitted return.
        std::optional<AuditReturn> before;
        if (auto earlier = tx.learning().earlier_return(actor.partnership, agency, l.cycle.kind, l.cycle.opens)) {
            v.previous_cycle = std::move(earlier->cycle);
            before = std::move(earlier->ret);
        }
        if (before) v.trends = compare_returns(l.cycle, v.ret, *v.previous_cycle, *before);
        v.may_share = editor && !v.ret.shared_from;
        if (v.may_share) v.share_targets = share_targets_of(tx, l.cycle, v.ret, l.agency, london_today(s));
        // Linked to an agency of another partnership, or shared before a link was removed.
        v.may_share = v.may_share && (!v.share_targets.empty() || !v.ret.shared_with.empty());
        if (l.ret) {
            ImprovementFilter from_here;
            std::vector<ImprovementAction> actions;
            if (auto q = improvement_query(s, tx, actor, from_here)) {
                q->audit_return = l.ret->id;
                q->page.limit = PageRequest::max_limit;
                actions = tx.learning().improvements(*q).items;
            }
            const Names names = names_of(tx, actor.partnership, actions);
            for (const auto& a : actions) v.actions.push_back(line_of(s, a, names));
        }
    });
    return v;
}

namespace {

// A draft, a draft that would pass submission (kept for the agency to check before it submits),
// or the submission itself.
enum class Saving { draft, checked_draft, submission };

// `answers` null: the draft as saved is what is submitted (after the agency checked it).
AuditReturn save_answers(Services& s, const Actor& actor, AuditCycleId cycle, AgencyId agency, int expected_version,
                         const std::vector<AnswerInput>* answers, Saving saving, bool share) {
    require(actor, Permission::view_learning);
    const bool submit = saving == Saving::submission;
    AuditReturn after;
    s.store.write([&](Transaction& tx) {
        Loaded l = load_for_agency(tx, actor, cycle, agency);
        if (!may_edit(tx, actor, agency)) throw Failure::forbidden("only the agency's lead or the business unit fills in a return");
        if ((l.ret ? l.ret->version : 0) != expected_version) throw Failure::stale("return");
        if (l.ret && l.ret->status == ReturnStatus::submitted) {
            throw Failure::invalid({{"submit", "The return was submitted on " + l.ret->submitted_on.value_or(Date{}).iso() +
                                                   " and can no longer be changed"}});
        }
        const Date today = london_today(s);
        after = l.ret.value_or(AuditReturn{});
        after.cycle = cycle;
        after.agency = agency;
        after.partnership = actor.partnership;
        std::vector<AnswerInput> saved;
        if (!answers) {
            for (const auto& a : after.answers) saved.push_back({a.code, a.grade, a.narrative, a.evidence});
        }
        FieldErrors errors = validate_answers(l.cycle, answers ? *answers : saved, saving != Saving::draft, today, after.answers);
        if (share && !submit) errors.push_back({"share", "A return is shared when it is submitted, not with a draft"});
        if (saving == Saving::draft && (l.cycle.closed || l.cycle.closes < today)) {
            errors.insert(errors.begin(), {"submit", "The cycle closed on " + l.cycle.closes.iso() + "; the return can no longer be changed"});
        }
        if (!errors.empty()) throw Failure::invalid(std::move(errors));
        if (submit) {
            after.status = ReturnStatus::submitted;
            after.submitted_on = today;
            after.submitted_by = actor.name();
        }
        save_return_record(s, tx, actor, l.ret, after, submit ? "audit_return.submit" : "audit_return.save_draft");
        if (submit && share) {
            const AuditReturn submitted = after;
            share_into(s, tx, actor, l.cycle, l.agency, after);
            save_return_record(s, tx, actor, submitted, after, "audit_return.share");
        }
    });
    return after;
}

}  // namespace

AuditReturn save_return(Services& s, const Actor& actor, AuditCycleId cycle, AgencyId agency, int expected_version,
                        const std::vector<AnswerInput>& answers, bool submit, bool share) {
    return save_answers(s, actor, cycle, agency, expected_version, &answers, submit ? Saving::submission : Saving::draft, share);
}

AuditReturn save_return_to_check(Services& s, const Actor& actor, AuditCycleId cycle, AgencyId agency, int expected_version,
                                 const std::vector<AnswerInput>& answers) {
    return save_answers(s, actor, cycle, agency, expected_version, &answers, Saving::checked_draft, false);
}

AuditReturn submit_checked_return(Services& s, const Actor& actor, AuditCycleId cycle, AgencyId agency, int expected_version,
                                  bool share) {
    return save_answers(s, actor, cycle, agency, expected_version, nullptr, Saving::submission, share);
}

AuditReturn moderate_return(Services& s, const Actor& actor, AuditCycleId cycle, AgencyId agency, int expected_version,
                            const std::vector<ModerationInput>& grades, const std::string& challenge_notes) {
    require(actor, Permission::manage_learning);
    AuditReturn after;
    s.store.write([&](Transaction& tx) {
        Loaded l = load_for_agency(tx, actor, cycle, agency);
        if (!l.ret || l.ret->status != ReturnStatus::submitted) {
            throw Failure::invalid({{"challenge_notes", "A return is moderated once the agency has submitted it"}});
        }
        if (l.ret->version != expected_version) throw Failure::stale("return");
        after = *l.ret;
        FieldErrors errors = validate_moderation(l.cycle, grades, after.answers);
        after.challenge_notes = trim(challenge_notes);
        if (char_count(after.challenge_notes) > 5000) errors.push_back({"challenge_notes", "Challenge notes must be 5000 characters or fewer"});
        if (!errors.empty()) throw Failure::invalid(std::move(errors));
        after.moderated_on = london_today(s);
        save_return_record(s, tx, actor, l.ret, after, "audit_return.moderate");
    });
    return after;
}

AuditLetter audit_letter(Services& s, const Actor& actor, AuditCycleId cycle, AgencyId agency) {
    const ReturnView v = read_return(s, actor, cycle, agency);
    if (!letter_ready(v.ret)) throw Failure::not_found("letter for a return not yet moderated");
    AuditLetter letter;
    letter.to = v.agency.chief_officer.empty() ? v.agency.name : v.agency.chief_officer + ", " + v.agency.name;
    letter.subject = v.cycle.title + ": the partnership's findings";
    for (const auto& a : v.ret.answers) {
        const auto standard = std::find_if(v.cycle.standards.begin(), v.cycle.standards.end(),
                                           [&](const AuditStandard& st) { return st.code == a.code; });
        const std::string title = standard == v.cycle.standards.end() ? a.code : standard->title;
        const std::string grade = effective_grade(a);
        const auto g = grade_of(v.cycle.scale, grade);
        const std::string graded = "Standard " + a.code + ", " + title + " (" + (g ? g->label : "not graded") + ")";
        if (is_gap(v.cycle.scale, grade)) {
            letter.development.push_back(graded + ": " + (a.moderation_note.empty() ? a.narrative : a.moderation_note));
        } else if (g) {
            letter.good_practice.push_back(graded + ": " + a.narrative);
        }
    }
    letter.challenge_notes = v.ret.challenge_notes;
    s.store.read([&](Transaction& tx) {
        if (const auto p = tx.partnerships().find(actor.partnership)) letter.signed_by = p->name;
    });
    return letter;
}

}  // namespace assure
