// Learning sources: what each review, audit, visit or inspection found and recommended.
#include <algorithm>

#include "app/learning/internal.hpp"
#include "core/text.hpp"

namespace assure {

using namespace learning_detail;

namespace {

void check_review(Transaction& tx, const Actor& actor, const LearningSource& src, FieldErrors& errors) {
    if (src.review.valid() && !tx.cases().find(actor.partnership, src.review)) {
        errors.push_back({"review_id", "Select a review of this partnership"});
    }
    if (src.kind == SourceKind::practice_review && !src.review.valid() && src.body.empty()) {
        errors.push_back({"review_id", "Select the review, or say who published it"});
    }
}

template <class Change>
LearningSource change_source(Services& s, const Actor& actor, LearningSourceId id, int expected_version, const char* action,
                             Change change) {
    require(actor, Permission::manage_learning);
    LearningSource after;
    s.store.write([&](Transaction& tx) {
        const LearningSource before = load_source(tx, actor, id);
        if (before.version != expected_version) throw Failure::stale("learning record");
        after = before;
        change(tx, after);
        save_source(s, tx, actor, before, after, action);
    });
    return after;
}

}  // namespace

Page<LearningSource> list_sources(Services& s, const Actor& actor, const SourceFilter& filter, const PageRequest& page) {
    require(actor, Permission::view_learning);
    Page<LearningSource> out;
    s.store.read([&](Transaction& tx) {
        out = tx.learning().sources(SourceQuery{actor.partnership, filter.kind, filter.priority, filter.text, std::nullopt, std::nullopt, page});
    });
    return out;
}

SourceView read_source(Services& s, const Actor& actor, LearningSourceId id) {
    require(actor, Permission::view_learning);
    SourceView v;
    s.store.read([&](Transaction& tx) {
        v.source = load_source(tx, actor, id);
        ImprovementFilter from_here;
        from_here.source = id;
        std::vector<ImprovementAction> actions;
        if (auto q = improvement_query(s, tx, actor, from_here)) {
            q->page.limit = PageRequest::max_limit;
            actions = tx.learning().improvements(*q).items;
        }
        std::vector<AgencyId> named = v.source.auditors;
        if (v.source.agency.valid()) named.push_back(v.source.agency);
        const Names names = names_of(tx, actor.partnership, actions, std::move(named));
        if (const auto a = names.agencies.find(v.source.agency); a != names.agencies.end()) v.agency_name = a->second;
        for (const auto& aid : v.source.auditors) {
            if (const auto a = names.agencies.find(aid); a != names.agencies.end()) v.auditor_names.push_back(a->second);
        }
        for (const auto& a : actions) v.actions.push_back(line_of(s, a, names));
        v.briefings = tx.learning().briefings_for(actor.partnership, {id});
    });
    return v;
}

LearningSource create_source(Services& s, const Actor& actor, const SourceInput& input) {
    require(actor, Permission::manage_learning);
    LearningSource src;
    s.store.write([&](Transaction& tx) {
        src.partnership = actor.partnership;
        auto errors = validate_source(input, rules_of(tx, actor.partnership).learning, tx.agencies().list(actor.partnership, false), src);
        check_review(tx, actor, src, errors);
        if (!errors.empty()) throw Failure::invalid(std::move(errors));
        src.id = tx.learning().insert_source(src);
        record_audit(tx, actor, s.clock.now(), "learning.create", "learning_source", src.id.str(), "", audit_record(src));
    });
    return src;
}

LearningSource update_source(Services& s, const Actor& actor, LearningSourceId id, int expected_version, const SourceInput& input) {
    return change_source(s, actor, id, expected_version, "learning.update", [&](Transaction& tx, LearningSource& src) {
        auto errors = validate_source(input, rules_of(tx, actor.partnership).learning, tx.agencies().list(actor.partnership, false), src);
        check_review(tx, actor, src, errors);
        if (!errors.empty()) throw Failure::invalid(std::move(errors));
    });
}

LearningSource add_finding(Services& s, const Actor& actor, LearningSourceId id, int expected_version, const std::string& kind,
                           const std::string& text) {
    return change_source(s, actor, id, expected_version, "learning.add_finding", [&](Transaction&, LearningSource& src) {
        Finding f;
        if (auto errors = validate_finding(kind, text, f); !errors.empty()) throw Failure::invalid(std::move(errors));
        f.number = static_cast<int>(src.findings.size()) + 1;
        src.findings.push_back(f);
    });
}

LearningSource add_source_recommendation(Services& s, const Actor& actor, LearningSourceId id, int expected_version,
                                         const std::string& text, const std::string& priority,
                                         const std::vector<std::string>& agency_ids) {
    return change_source(s, actor, id, expected_version, "learning.add_recommendation", [&](Transaction& tx, LearningSource& src) {
        SourceRecommendation r;
        auto errors = validate_recommendation(text, priority, agency_ids, rules_of(tx, actor.partnership).learning,
                                              tx.agencies().list(actor.partnership, false), r);
        if (!errors.empty()) throw Failure::invalid(std::move(errors));
        r.number = static_cast<int>(src.recommendations.size()) + 1;
        src.recommendations.push_back(r);
    });
}

LearningSource correct_finding(Services& s, const Actor& actor, LearningSourceId id, int expected_version, int number,
                               const std::string& kind, const std::string& text) {
    return change_source(s, actor, id, expected_version, "learning.correct_finding", [&](Transaction&, LearningSource& src) {
        const auto f = std::find_if(src.findings.begin(), src.findings.end(), [&](const Finding& x) { return x.number == number; });
        if (f == src.findings.end()) throw Failure::not_found("finding " + std::to_string(number));
        Finding corrected;
        if (auto errors = validate_finding(kind, text, corrected); !errors.empty()) throw Failure::invalid(std::move(errors));
        corrected.number = number;
        *f = corrected;
    });
}

LearningSource correct_source_recommendation(Services& s, const Actor& actor, LearningSourceId id, int expected_version, int number,
                                             const std::string& text, const std::string& priority,
                                             const std::vector<std::string>& agency_ids) {
    return change_source(s, actor, id, expected_version, "learning.correct_recommendation", [&](Transaction& tx, LearningSource& src) {
        const auto r = std::find_if(src.recommendations.begin(), src.recommendations.end(),
                                    [&](const SourceRecommendation& x) { return x.number == number; });
        if (r == src.recommendations.end()) throw Failure::not_found("recommendation " + std::to_string(number));
        SourceRecommendation corrected;
        auto errors = validate_recommendation(text, priority, agency_ids, rules_of(tx, actor.partnership).learning, tx.agencies().list(actor.partnership, false),
                                              corrected);
        if (r->review_recommendation.valid() && errors.empty() && corrected.text != r->text) {
            errors.push_back({"recommendation", "This is the review's own recommendation; its wording is changed in the review, not here"});
        }
        if (!errors.empty()) throw Failure::invalid(std::move(errors));
        corrected.number = number;
        corrected.review_recommendation = r->review_recommendation;
        *r = corrected;
    });
}

LearningSource import_review_recommendations(Services& s, const Actor& actor, LearningSourceId id, int expected_version) {
    require(actor, Permission::manage_reviews);
    return change_source(s, actor, id, expected_version, "learning.import_recommendations", [&](Transaction& tx, LearningSource& src) {
        if (!src.review.valid()) throw Failure::invalid({{"review_id", "This learning is not linked to a review"}});
        record_audit(tx, actor, s.clock.now(), "case.read_recommendations", "review_case", src.review.str(), "", "");
        for (const auto& rec : tx.cases().recommendations(actor.partnership, src.review)) {
            const bool already = std::any_of(src.recommendations.begin(), src.recommendations.end(),
                                             [&](const SourceRecommendation& r) { return r.review_recommendation == rec.id; });
            if (already) continue;
            SourceRecommendation r;
            r.number = static_cast<int>(src.recommendations.size()) + 1;
            r.text = rec.text;
            r.priority = known_priority(rules_of(tx, actor.partnership).learning, rec.theme).value_or("");
            r.agencies = rec.agencies;
            r.review_recommendation = rec.id;
            src.recommendations.push_back(r);
        }
    });
}

}  // namespace assure
