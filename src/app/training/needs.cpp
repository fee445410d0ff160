// The training needs analysis (app/training_needs.hpp), over the store's NeedsTransaction side
// interface; core checks what is typed and counts the results.
#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

#include "app/actor_agency.hpp"
#include "app/paging.hpp"
#include "app/ports/training_needs.hpp"
#include "app/training_needs.hpp"
#include "core/date_words.hpp"
#include "core/text.hpp"

namespace assure {
namespace {

constexpr const char* kAnalysisType = "training_needs_analysis";
constexpr const char* kReturnType = "training_needs_return";

NeedsRepo& needs_of(Transaction& tx) {
    auto* with = dynamic_cast<NeedsTransaction*>(&tx);
    if (with == nullptr) throw Failure(FailureCode::unavailable, "Training needs analyses are not kept by this store", {}, "no NeedsTransaction");
    return with->training_needs();
}

NeedsAnalysis load(Transaction& tx, const Actor& actor, NeedsAnalysisId id) {
    auto a = needs_of(tx).find(actor.partnership, id);
    if (!a) throw Failure::not_found("training needs analysis " + id.str());
    return *a;
}

std::vector<Course> offer_in(Transaction& tx, PartnershipId partnership) {
    CourseQuery q;
    q.partnership = partnership;
    return every_page(q, [&](const CourseQuery& x) { return tx.training().courses(x); });
}

nlohmann::json analysis_json(const NeedsAnalysis& a) {
    nlohmann::json topics = nlohmann::json::array();
    for (const auto& t : a.topics) topics.push_back(t.title);
    return {{"title", a.title}, {"opens", a.opens.iso()}, {"closes", a.closes.iso()}, {"next_due", a.next_due.iso()},
            {"topics", topics}, {"agencies", a.invited.size()}};
}

nlohmann::json return_json(const NeedsReturn& r) {
    const auto n = [](const std::optional<int>& x) { return x ? nlohmann::json(*x) : nlohmann::json(); };
    nlohmann::json needs = nlohmann::json::array();
    for (const auto& x : r.needs) needs.push_back(n(x));
    return {{"state", needs_state_key(r.state)}, {"workforce", n(r.workforce)}, {"trained", n(r.trained)}, {"needs", needs}, {"gaps", r.gaps}};
}

// The business unit, the statutory partners' leads and the scrutineer read every agency's line.
bool sees_every_agency(const Actor& actor) {
    return actor.can(Permission::manage_training) || actor.role == Role::partner_lead || actor.role == Role::scrutineer;
}

Failure title_taken(const std::string& title) {
    return Failure::invalid({{"title", "There is already a training needs analysis called " + title}});
}

}  // namespace

NeedsList list_needs_analyses(Services& s, const Actor& actor) {
    require(actor, Permission::view_training);
    NeedsList out;
    std::vector<NeedsAnalysis> analyses;
    std::map<NeedsAnalysisId, int> submitted;
    s.store.read([&](Transaction& tx) {
        analyses = needs_of(tx).list(actor.partnership);
        submitted = needs_of(tx).submitted_counts(actor.partnership);
    });
    const Date today = london_today(s);
    for (std::size_t i = 0; i < analyses.size(); ++i) {
        NeedsListLine line;
        line.analysis = analyses[i];
        line.stage = needs_stage(analyses[i], today);
        line.invited = static_cast<int>(analyses[i].invited.size());
        line.submitted = submitted.contains(analyses[i].id) ? submitted[analyses[i].id] : 0;
        out.analyses.push_back(std::move(line));
    }
    if (!analyses.empty()) {
        out.next_due = analyses.front().next_due;
        out.overdue = today > *out.next_due;
    }
    out.may_manage = actor.can(Permission::manage_training);
    return out;
}

std::vector<Course> needs_offer(Services& s, const Actor& actor) {
    require(actor, Permission::manage_training);
    std::vector<Course> out;
    s.store.read([&](Transaction& tx) { out = offer_in(tx, actor.partnership); });
    std::sort(out.begin(), out.end(), [](const Course& x, const Course& y) { return lower(x.title) < lower(y.title); });
    return out;
}

NeedsAnalysis open_needs_analysis(Services& s, const Actor& actor, const NeedsAnalysisInput& input) {
    require(actor, Permission::manage_training);
    NeedsAnalysis a;
    s.store.write([&](Transaction& tx) {
        FieldErrors errors;
        auto checked = check_needs_analysis(input, offer_in(tx, actor.partnership), errors);
        std::vector<AgencyId> asked;
        for (const auto& agency : tx.agencies().list(actor.partnership, false)) {
            const bool chosen = input.sectors.empty() || std::find(input.sectors.begin(), input.sectors.end(), agency.sector) != input.sectors.end();
            if (agency.active && chosen) asked.push_back(agency.id);
        }
        if (asked.empty() && std::none_of(errors.begin(), errors.end(), [](const FieldError& e) { return e.field == "sectors"; })) {
            errors.push_back({"sectors", "No active agency works in the sectors chosen: choose others, or add the agencies to the directory"});
        }
        if (!errors.empty() || !checked) throw Failure::invalid(std::move(errors));
        a = std::move(*checked);
        a.partnership = actor.partnership;
        a.invited = std::move(asked);
        for (const auto& other : needs_of(tx).list(actor.partnership)) {
            if (lower(other.title) == lower(a.title)) throw title_taken(a.title);
        }
        const auto id = needs_of(tx).add(a);
        if (!id) throw title_taken(a.title);
        a = load(tx, actor, *id);
        record_audit(tx, actor, s.clock.now(), "training_needs.open", kAnalysisType, id->str(), "", analysis_json(a).dump());
    });
    return a;
}

NeedsAnalysis change_needs_analysis(Services& s, const Actor& actor, NeedsAnalysisId id, const NeedsAnalysisInput& input, int expected_version) {
    require(actor, Permission::manage_training);
    NeedsAnalysis after;
    s.store.write([&](Transaction& tx) {
        const NeedsAnalysis before = load(tx, actor, id);
        if (before.version != expected_version) throw Failure::stale("training needs analysis");
        // The topics and agencies asked are the opening's: only the title and the dates change.
        after = before;
        FieldErrors errors;
        if (!check_needs_heading(input, after, errors)) throw Failure::invalid(std::move(errors));
        for (const auto& other : needs_of(tx).list(actor.partnership)) {
            if (other.id != id && lower(other.title) == lower(after.title)) throw title_taken(after.title);
        }
        if (!needs_of(tx).save(after, expected_version)) throw Failure::stale("training needs analysis");
        after = load(tx, actor, id);
        record_audit(tx, actor, s.clock.now(), "training_needs.update", kAnalysisType, id.str(), analysis_json(before).dump(), analysis_json(after).dump());
    });
    return after;
}

NeedsView read_needs_analysis(Services& s, const Actor& actor, NeedsAnalysisId id) {
    require(actor, Permission::view_training);
    NeedsView v;
    std::vector<NeedsReturn> returns;
    std::vector<std::pair<AgencyId, std::string>> names;
    std::vector<std::pair<CourseId, int>> places;
    s.store.read([&](Transaction& tx) {
        v.analysis = load(tx, actor, id);
        returns = needs_of(tx).returns(actor.partnership, id);
        // The places the calendar holds from the analysis's opening to the next being due.
        places = needs_of(tx).places_planned(actor.partnership, v.analysis.opens, v.analysis.next_due);
        const auto own = agency_spoken_for(tx, actor);
        if (own && std::find(v.analysis.invited.begin(), v.analysis.invited.end(), *own) != v.analysis.invited.end()) v.own_agency = own;
    });
    for (const auto& r : returns) names.emplace_back(r.agency, r.agency_name);
    v.stage = needs_stage(v.analysis, london_today(s));
    v.figures = needs_figures(v.analysis, returns, names, places);
    v.sees_every_agency = sees_every_agency(actor);
    if (!v.sees_every_agency) {
        std::erase_if(v.figures.by_agency, [&](const NeedsAgencyLine& l) { return !v.own_agency || l.agency != *v.own_agency; });
    }
    v.may_manage = actor.can(Permission::manage_training);
    return v;
}

namespace {

bool may_write_now(const Actor& actor, const std::optional<AgencyId>& own, AgencyId agency, NeedsAnalysisStage stage) {
    if (actor.can(Permission::manage_training)) return true;
    return own && *own == agency && stage == NeedsAnalysisStage::open;
}

}  // namespace

NeedsReturnView read_needs_return(Services& s, const Actor& actor, NeedsAnalysisId id, AgencyId agency) {
    require(actor, Permission::view_training);
    NeedsReturnView v;
    std::optional<AgencyId> own;
    s.store.read([&](Transaction& tx) {
        v.analysis = load(tx, actor, id);
        own = agency_spoken_for(tx, actor);
        auto found = needs_of(tx).find_return(actor.partnership, id, agency);
        if (!found) throw Failure::not_found("agency " + agency.str() + " in training needs analysis " + id.str());
        v.answer = std::move(*found);
    });
    if (!sees_every_agency(actor) && !(own && *own == agency)) throw Failure::not_found("agency " + agency.str() + " in training needs analysis " + id.str());
    v.answer.needs.resize(v.analysis.topics.size());
    v.stage = needs_stage(v.analysis, london_today(s));
    v.may_write = may_write_now(actor, own, agency, v.stage);
    return v;
}

NeedsReturn save_needs_return(Services& s, const Actor& actor, NeedsAnalysisId id, AgencyId agency, int expected_version,
                              const NeedsReturnInput& input, bool submitting) {
    require(actor, Permission::view_training);
    NeedsReturn after;
    s.store.write([&](Transaction& tx) {
        const NeedsAnalysis a = load(tx, actor, id);
        const auto before = needs_of(tx).find_return(actor.partnership, id, agency);
        const auto own = agency_spoken_for(tx, actor);
        if (!before || (!actor.can(Permission::manage_training) && !(own && *own == agency))) {
            throw Failure::not_found("agency " + agency.str() + " in training needs analysis " + id.str());
        }
        const Date today = london_today(s);
        const NeedsAnalysisStage stage = needs_stage(a, today);
        if (!may_write_now(actor, own, agency, stage)) {
            throw Failure::invalid({{"workforce", stage == NeedsAnalysisStage::closed
                                                      ? "Returns closed on " + date_in_words(a.closes) + ": ask the training team to enter yours"
                                                      : "Returns open on " + date_in_words(a.opens)}});
        }
        if (before->version != expected_version) throw Failure::stale("training needs return");
        FieldErrors errors;
        auto checked = check_needs_return(a, input, submitting, errors);
        if (!checked) throw Failure::invalid(std::move(errors));
        after = std::move(*checked);
        after.agency = agency;
        if (submitting) after.submitted_on = today;
        if (!needs_of(tx).save_return(actor.partnership, after, expected_version, actor.user)) throw Failure::stale("training needs return");
        after = *needs_of(tx).find_return(actor.partnership, id, agency);
        record_audit(tx, actor, s.clock.now(), submitting ? "training_needs.submit" : "training_needs.save", kReturnType,
                     id.str() + ":" + agency.str(), return_json(*before).dump(), return_json(after).dump());
    });
    return after;
}

}  // namespace assure
