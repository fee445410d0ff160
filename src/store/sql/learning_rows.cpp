// The learning tables' rows and detail_json, read strictly: an unknown key, a missing member or
// a value of the wrong type is an error naming the table and column, never a default.
#include "store/sql/learning_rows.hpp"

#include <nlohmann/json.hpp>

#include "store/sql/strict.hpp"

namespace assure::sql::learning_rows {
namespace {

using nlohmann::json;

[[noreturn]] void bad(std::string_view table, std::string_view column, const std::string& why) {
    throw Error(Error::Kind::other, std::string(table) + "." + std::string(column) + " " + why);
}

// detail_json as its table stores it, with readers that name the table when a member is wrong.
class Detail {
public:
    Detail(std::string_view table, const std::string& text) : table_(table), j_(json::parse(text, nullptr, false)) {
        if (!j_.is_object()) bad(table_, "detail_json", "is not a JSON object");
    }
    struct Entry {};
    Detail(std::string_view table, const json& j, Entry) : table_(table), j_(j) {
        if (!j_.is_object()) bad(table_, "detail_json", "holds an entry that is not a JSON object");
    }
    [[nodiscard]] std::string text(const char* key) const {
        const auto& v = at(key);
        if (!v.is_string()) bad(table_, column(key), "is not text");
        return v.get<std::string>();
    }
    [[nodiscard]] std::int64_t number(const char* key) const {
        const auto& v = at(key);
        if (!v.is_number_integer()) bad(table_, column(key), "is not a whole number");
        return v.get<std::int64_t>();
    }
    template <class Tag>
    [[nodiscard]] Id<Tag> id(const char* key) const {
        const auto& v = at(key);
        if (v.is_null()) return Id<Tag>{};
        if (!v.is_number_integer()) bad(table_, column(key), "is not an id");
        return Id<Tag>{v.get<std::int64_t>()};
    }
    [[nodiscard]] Date date(const char* key) const { return strict_enum(Date::parse, text(key), table_, column(key)); }
    template <class Parse>
    [[nodiscard]] auto key_of(Parse parse, const char* key) const {
        return strict_enum(parse, text(key), table_, column(key));
    }
    template <class Tag>
    [[nodiscard]] std::vector<Id<Tag>> ids(const char* key) const {
        std::vector<Id<Tag>> out;
        for (const auto& v : list(key)) {
            if (!v.is_number_integer()) bad(table_, column(key), "holds something that is not an id");
            out.push_back(Id<Tag>{v.get<std::int64_t>()});
        }
        return out;
    }
    // Each entry of a list of objects, read with the same strictness.
    template <class Read>
    void each(const char* key, Read read) const {
        for (const auto& v : list(key)) read(Detail(table_, v, Entry{}));
    }

private:
    [[nodiscard]] const json& at(const char* key) const {
        const auto it = j_.find(key);
        if (it == j_.end()) bad(table_, "detail_json", std::string("lacks \"") + key + "\"");
        return *it;
    }
    [[nodiscard]] const json& list(const char* key) const {
        const auto& v = at(key);
        if (!v.is_array()) bad(table_, column(key), "is not a list");
        return v;
    }
    [[nodiscard]] static std::string column(const char* key) { return std::string("detail_json.") + key; }

    std::string_view table_;
    json j_;
};

template <class IdT>
IdT optional_id(const Statement& q, int column) {
    return q.is_null(column) ? IdT{} : IdT{q.int64(column)};
}

Date date_column(const Statement& q, int column, std::string_view table, std::string_view name) {
    return strict_enum(Date::parse, q.text(column), table, name);
}

std::optional<Date> optional_date(const Statement& q, int column, std::string_view table, std::string_view name) {
    if (q.is_null(column)) return std::nullopt;
    return date_column(q, column, table, name);
}

template <class Tag>
json id_json(Id<Tag> id) {
    return id.valid() ? json(id.value) : json(nullptr);
}

template <class Tag>
json ids_json(const std::vector<Id<Tag>>& ids) {
    json out = json::array();
    for (const auto& id : ids) out.push_back(id.value);
    return out;
}

constexpr std::string_view kSources = "learning_sources";
constexpr std::string_view kRecommendations = "source_recommendations";
constexpr std::string_view kActions = "improvement_actions";
constexpr std::string_view kCycles = "audit_cycles";
constexpr std::string_view kReturns = "audit_returns";
constexpr std::string_view kBriefings = "briefings";

}  // namespace

std::string key(SourceKind k) { return std::string(source_kind_key(k)); }
std::string key(SourceStatus s) { return std::string(source_status_key(s)); }
std::string key(ActionState s) { return std::string(action_state_key(s)); }
std::string key(AuditKind k) { return std::string(audit_kind_key(k)); }
std::string key(GradeScale s) { return std::string(grade_scale_key(s)); }
std::string key(ReturnStatus s) { return std::string(return_status_key(s)); }
std::string key(BriefingKind k) { return std::string(briefing_kind_key(k)); }

// ---- sources ----------------------------------------------------------------------------------

LearningSource source_of(const Statement& q) {
    LearningSource s;
    s.id = LearningSourceId{q.int64(0)};
    s.partnership = PartnershipId{q.int64(1)};
    s.kind = strict_enum(parse_source_kind, q.text(2), kSources, "kind");
    s.on = date_column(q, 3, kSources, "on_date");
    s.title = q.text(4);
    s.status = strict_enum(parse_source_status, q.text(5), kSources, "status");
    s.summary = q.text(6);
    s.review = optional_id<CaseId>(q, 7);
    s.agency = optional_id<AgencyId>(q, 8);
    const Detail d(kSources, q.text(9));
    s.body = d.text("body");
    s.visitor = d.text("visitor");
    s.cases_audited = static_cast<int>(d.number("cases_audited"));
    s.auditors = d.ids<AgencyTag>("auditors");
    s.voice = d.text("voice");
    d.each("findings", [&](const Detail& f) {
        s.findings.push_back({static_cast<int>(f.number("number")), f.key_of(parse_finding_kind, "kind"), f.text("text")});
    });
    s.version = q.integer(10);
    return s;
}

std::string source_detail(const LearningSource& s) {
    json findings = json::array();
    for (const auto& f : s.findings) findings.push_back({{"number", f.number}, {"kind", finding_kind_key(f.kind)}, {"text", f.text}});
    return json{{"body", s.body},       {"visitor", s.visitor}, {"cases_audited", s.cases_audited},
                {"auditors", ids_json(s.auditors)}, {"voice", s.voice},     {"findings", findings}}
        .dump();
}

SourceRecommendation recommendation_of(const Statement& q, int first) {
    SourceRecommendation r;
    r.number = q.integer(first);
    r.text = q.text(first + 1);
    r.priority = q.text(first + 2);
    const json agencies = json::parse(q.text(first + 3), nullptr, false);
    if (!agencies.is_array()) bad(kRecommendations, "agency_ids", "is not a list");
    for (const auto& a : agencies) {
        if (!a.is_number_integer()) bad(kRecommendations, "agency_ids", "holds something that is not an id");
        r.agencies.push_back(AgencyId{a.get<std::int64_t>()});
    }
    r.review_recommendation = optional_id<RecommendationId>(q, first + 4);
    return r;
}

std::string agency_ids_text(const std::vector<AgencyId>& ids) { return ids_json(ids).dump(); }

// ---- actions ----------------------------------------------------------------------------------

ImprovementAction action_of(const Statement& q) {
    ImprovementAction a;
    a.id = ImprovementId{q.int64(0)};
    a.partnership = PartnershipId{q.int64(1)};
    a.source = optional_id<LearningSourceId>(q, 2);
    a.recommendation = q.integer(3);
    a.audit_return = optional_id<AuditReturnId>(q, 4);
    a.standard = q.text(5);
    a.text = q.text(6);
    a.agency = AgencyId{q.int64(7)};
    a.lead = optional_id<PersonId>(q, 8);
    a.due = date_column(q, 9, kActions, "due");
    a.success_measure = q.text(10);
    a.group = optional_id<GroupId>(q, 11);
    a.priority = q.text(12);
    a.state = strict_enum(parse_action_state, q.text(13), kActions, "state");
    a.superseded_reason = q.text(14);
    a.created_on = date_column(q, 15, kActions, "created_on");
    const Detail d(kActions, q.text(16));
    d.each("updates", [&](const Detail& u) {
        a.updates.push_back({u.date("on"), u.text("by"), u.key_of(parse_action_state, "from"), u.key_of(parse_action_state, "to"),
                             u.text("text")});
    });
    d.each("evidence", [&](const Detail& e) {
        a.evidence.push_back({e.date("on"), e.key_of(parse_evidence_kind, "kind"), e.text("text"), e.text("link"), e.text("by")});
    });
    a.version = q.integer(17);
    return a;
}

std::string action_detail(const ImprovementAction& a) {
    json updates = json::array(), evidence = json::array();
    for (const auto& u : a.updates) {
        updates.push_back({{"on", u.on.iso()}, {"by", u.by}, {"from", action_state_key(u.from)}, {"to", action_state_key(u.to)}, {"text", u.text}});
    }
    for (const auto& e : a.evidence) {
        evidence.push_back({{"on", e.on.iso()}, {"kind", evidence_kind_key(e.kind)}, {"text", e.text}, {"link", e.link}, {"by", e.by}});
    }
    return json{{"updates", updates}, {"evidence", evidence}}.dump();
}

Date last_recorded_on(const ImprovementAction& a) { return last_activity(a); }

// ---- cycles and returns -----------------------------------------------------------------------

AuditCycle cycle_of(const Statement& q, int first) {
    AuditCycle c;
    c.id = AuditCycleId{q.int64(first)};
    c.partnership = PartnershipId{q.int64(first + 1)};
    c.kind = strict_enum(parse_audit_kind, q.text(first + 2), kCycles, "kind");
    c.title = q.text(first + 3);
    c.opens = date_column(q, first + 4, kCycles, "opens");
    c.closes = date_column(q, first + 5, kCycles, "closes");
    c.scale = strict_enum(parse_grade_scale, q.text(first + 6), kCycles, "scale");
    c.closed = q.int64(first + 7) != 0;
    const Detail d(kCycles, q.text(first + 8));
    d.each("standards", [&](const Detail& st) { c.standards.push_back({st.text("code"), st.text("title"), st.text("prompt")}); });
    c.invited = d.ids<AgencyTag>("invited");
    c.version = q.integer(first + 9);
    return c;
}

std::string cycle_detail(const AuditCycle& c) {
    json standards = json::array();
    for (const auto& st : c.standards) standards.push_back({{"code", st.code}, {"title", st.title}, {"prompt", st.prompt}});
    return json{{"standards", standards}, {"invited", ids_json(c.invited)}}.dump();
}

AuditReturn return_of(const Statement& q, int first) {
    AuditReturn r;
    r.id = AuditReturnId{q.int64(first)};
    r.cycle = AuditCycleId{q.int64(first + 1)};
    r.partnership = PartnershipId{q.int64(first + 2)};
    r.agency = AgencyId{q.int64(first + 3)};
    r.status = strict_enum(parse_return_status, q.text(first + 4), kReturns, "status");
    r.submitted_on = optional_date(q, first + 5, kReturns, "submitted_on");
    r.submitted_by = q.text(first + 6);
    r.challenge_notes = q.text(first + 7);
    r.moderated_on = optional_date(q, first + 8, kReturns, "moderated_on");
    const Detail d(kReturns, q.text(first + 12));
    if (!q.is_null(first + 9)) {
        r.shared_from = SharedOrigin{PartnershipId{q.int64(first + 9)}, d.text("shared_from_name"),
                                     optional_id<AuditReturnId>(q, first + 10),
                                     optional_date(q, first + 11, kReturns, "shared_from_on").value_or(Date{})};
    }
    d.each("answers", [&](const Detail& a) {
        r.answers.push_back({a.text("code"), a.text("grade"), a.text("narrative"), a.text("evidence"), a.text("moderated_grade"),
                             a.text("moderation_note")});
    });
    d.each("shared_with", [&](const Detail& w) {
        r.shared_with.push_back({w.id<PartnershipTag>("partnership"), w.text("partnership_name"), w.id<AuditCycleTag>("cycle"),
                                 w.id<AuditReturnTag>("copy"), w.date("shared_on")});
    });
    r.version = q.integer(first + 13);
    return r;
}

std::string return_detail(const AuditReturn& r) {
    json answers = json::array(), shared_with = json::array();
    for (const auto& a : r.answers) {
        answers.push_back({{"code", a.code}, {"grade", a.grade}, {"narrative", a.narrative}, {"evidence", a.evidence},
                           {"moderated_grade", a.moderated_grade}, {"moderation_note", a.moderation_note}});
    }
    for (const auto& w : r.shared_with) {
        shared_with.push_back({{"partnership", id_json(w.partnership)}, {"partnership_name", w.partnership_name},
                               {"cycle", id_json(w.cycle)}, {"copy", id_json(w.copy)}, {"shared_on", w.shared_on.iso()}});
    }
    return json{{"answers", answers}, {"shared_from_name", r.shared_from ? r.shared_from->partnership_name : std::string()},
                {"shared_with", shared_with}}
        .dump();
}

// ---- briefings --------------------------------------------------------------------------------

Briefing briefing_of(const Statement& q) {
    Briefing b;
    b.id = BriefingId{q.int64(0)};
    b.partnership = PartnershipId{q.int64(1)};
    b.kind = strict_enum(parse_briefing_kind, q.text(2), kBriefings, "kind");
    b.title = q.text(3);
    b.on = date_column(q, 4, kBriefings, "on_date");
    b.audience = q.text(5);
    b.link = q.text(6);
    b.reached = q.integer(7);
    b.version = q.integer(8);
    return b;
}

}  // namespace assure::sql::learning_rows
