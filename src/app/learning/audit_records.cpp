// What the audit trail keeps of each learning record before and after a change: its own shape,
// written out field by field, so changing a table or the API changes neither the trail nor
// how earlier entries read.
#include <nlohmann/json.hpp>

#include "app/learning/internal.hpp"

namespace assure::learning_detail {
namespace {

using nlohmann::json;

template <class Tag>
json id_of(Id<Tag> id) {
    return id.valid() ? json(id.value) : json(nullptr);
}

template <class Tag>
json ids_of(const std::vector<Id<Tag>>& ids) {
    json out = json::array();
    for (const auto& id : ids) out.push_back(id.value);
    return out;
}

json optional_date(const std::optional<Date>& d) { return d ? json(d->iso()) : json(nullptr); }

}  // namespace

std::string audit_record(const LearningSource& s) {
    json findings = json::array(), recommendations = json::array();
    for (const auto& f : s.findings) findings.push_back({{"number", f.number}, {"kind", finding_kind_key(f.kind)}, {"text", f.text}});
    for (const auto& r : s.recommendations) {
        recommendations.push_back({{"number", r.number}, {"text", r.text}, {"priority", r.priority}, {"agencies", ids_of(r.agencies)},
                                   {"review_recommendation", id_of(r.review_recommendation)}});
    }
    return json{{"id", id_of(s.id)},          {"kind", source_kind_key(s.kind)},
                {"title", s.title},           {"on", s.on.iso()},
                {"status", source_status_key(s.status)}, {"summary", s.summary},
                {"priorities", s.priorities}, {"review", id_of(s.review)},
                {"agency", id_of(s.agency)},  {"body", s.body},
                {"visitor", s.visitor},       {"cases_audited", s.cases_audited},
                {"auditors", ids_of(s.auditors)}, {"voice", s.voice},
                {"findings", findings},       {"recommendations", recommendations},
                {"version", s.version}}
        .dump();
}

std::string audit_record(const ImprovementAction& a) {
    json updates = json::array(), evidence = json::array();
    for (const auto& u : a.updates) {
        updates.push_back({{"on", u.on.iso()}, {"by", u.by}, {"from", action_state_key(u.from)}, {"to", action_state_key(u.to)}, {"text", u.text}});
    }
    for (const auto& e : a.evidence) {
        evidence.push_back({{"on", e.on.iso()}, {"kind", evidence_kind_key(e.kind)}, {"text", e.text}, {"link", e.link}, {"by", e.by}});
    }
    return json{{"id", id_of(a.id)},
                {"source", id_of(a.source)},
                {"recommendation", a.recommendation},
                {"audit_return", id_of(a.audit_return)},
                {"standard", a.standard},
                {"text", a.text},
                {"agency", id_of(a.agency)},
                {"lead", id_of(a.lead)},
                {"due", a.due.iso()},
                {"success_measure", a.success_measure},
                {"group", id_of(a.group)},
                {"priority", a.priority},
                {"state", action_state_key(a.state)},
                {"superseded_reason", a.superseded_reason},
                {"created_on", a.created_on.iso()},
                {"updates", updates},
                {"evidence", evidence},
                {"version", a.version}}
        .dump();
}

std::string audit_record(const AuditCycle& c) {
    json standards = json::array();
    for (const auto& st : c.standards) standards.push_back({{"code", st.code}, {"title", st.title}});
    return json{{"id", id_of(c.id)},       {"kind", audit_kind_key(c.kind)},        {"title", c.title},
                {"opens", c.opens.iso()},  {"closes", c.closes.iso()},              {"scale", grade_scale_key(c.scale)},
                {"standards", standards},  {"invited", ids_of(c.invited)},          {"closed", c.closed},
                {"version", c.version}}
        .dump();
}

std::string audit_record(const AuditReturn& r) {
    json answers = json::array(), shared_with = json::array();
    for (const auto& a : r.answers) {
        answers.push_back({{"code", a.code}, {"grade", a.grade}, {"narrative", a.narrative}, {"evidence", a.evidence},
                           {"moderated_grade", a.moderated_grade}, {"moderation_note", a.moderation_note}});
    }
    for (const auto& w : r.shared_with) {
        shared_with.push_back({{"partnership", id_of(w.partnership)}, {"partnership_name", w.partnership_name}, {"cycle", id_of(w.cycle)},
                               {"copy", id_of(w.copy)}, {"shared_on", w.shared_on.iso()}});
    }
    json shared_from = nullptr;
    if (r.shared_from) {
        shared_from = {{"partnership", id_of(r.shared_from->partnership)}, {"partnership_name", r.shared_from->partnership_name},
                       {"source", id_of(r.shared_from->source)}, {"shared_on", r.shared_from->shared_on.iso()}};
    }
    return json{{"id", id_of(r.id)},
                {"cycle", id_of(r.cycle)},
                {"agency", id_of(r.agency)},
                {"status", return_status_key(r.status)},
                {"answers", answers},
                {"submitted_on", optional_date(r.submitted_on)},
                {"submitted_by", r.submitted_by},
                {"challenge_notes", r.challenge_notes},
                {"moderated_on", optional_date(r.moderated_on)},
                {"shared_from", shared_from},
                {"shared_with", shared_with},
                {"version", r.version}}
        .dump();
}

std::string audit_record(const Briefing& b) {
    return json{{"id", id_of(b.id)},       {"kind", briefing_kind_key(b.kind)}, {"title", b.title},
                {"on", b.on.iso()},        {"audience", b.audience},            {"link", b.link},
                {"reached", b.reached},    {"sources", ids_of(b.sources)},      {"version", b.version}}
        .dump();
}

}  // namespace assure::learning_detail
