#pragma once
// Use cases of serious incidents and reviews. Every read of a case is written to the access log
// (docs/decisions/0008) and every change to the audit trail; a case the actor may not know of
// is "not found", never "forbidden", so its existence does not leak.
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "core/reviews.hpp"

namespace assure {

// A case as one person may see it, with everything its pages and the API show.
struct CaseView {
    Case record;              // children's identifiable details filled only if identities_shown
    CaseState state;
    Deadlines deadlines;
    std::vector<Milestone> milestones;
    std::optional<Milestone> next;
    std::optional<Countdown> next_countdown;
    bool overdue = false;     // a due milestone not done by today
    bool identities_shown = false;
    bool identities_unreadable = false;  // sealed details the case key in use cannot open
};

struct CaseFilter {
    bool open_only = false;    // not closed
    bool overdue_only = false; // a statutory date missed as of today
    std::optional<Stage> stage;
    std::string reference_text;
};

struct ReviewStats {
    int open = 0;
    int overdue = 0;
    int rapid_reviews_decided = 0;
    int became_local_reviews = 0;
    std::vector<TimelinessYear> timeliness;  // the statutory clocks, a row per financial year
};

CaseView notify_incident(Services& s, const Actor& actor, const IncidentInput& input);
// A page of the cases the actor may know of, in a read transaction; one "list" access entry
// names the cases shown.
Page<CaseView> list_cases(Services& s, const Actor& actor, const CaseFilter& filter, const PageRequest& page);
// Figures over every case the actor may know of (the scrutineer: every case of the partnership,
// core's figures_reach), counted by the store; no record is shown.
ReviewStats review_stats(Services& s, const Actor& actor);
// Logged as a "record" read, or "identities" when the children's names are shown.
// Details that this server's key cannot open leave the rest of the case shown, with
// identities_unreadable set instead of the children's names (logged as a "record" read).
CaseView read_case(Services& s, const Actor& actor, CaseId id);
// Works out and stores the standing of cases written before it was kept (a database upgraded
// from before migration 0008). Run when the store is opened; returns how many it settled.
int settle_case_standings(Services& s);

// Whether this server's case key is the one the database's sealed details were sealed with.
// The first start-up with a key stores a known text sealed with it; every later one must open
// it. Run when the store is opened, before anything is sealed. Throws Failure (unavailable),
// naming what to do, when the key is another; never names the key.
// Also refuses a database any of whose cases' details carry the id of another key.
enum class CaseKeyCheck { no_key, stored, matched };
CaseKeyCheck check_case_key(Services& s);
// After a rotation, the dataset's pseudonym key the database keeps (opened with this server's
// key), for the sealer to use so that children's digests do not change; none before any rotation.
std::optional<std::string> kept_digest_key(Services& s);

// Re-seals every case's sealed details, the check and the pseudonym key with `next`, in one
// write transaction: a failure anywhere (details this server's key cannot open, a lost
// connection) leaves everything as it was. Audited in each partnership with counts only.
// Throws Failure: invalid when `next` is the key in use, unavailable naming the first case
// whose details cannot be opened.
struct CaseKeyRotation {
    std::string from_key_id;
    std::string to_key_id;
    int cases = 0;  // cases whose details were re-sealed, in every partnership
};
CaseKeyRotation rotate_case_key(Services& s, const Sealer& next);

// `event.recorded_*` are filled here. Refusals name the rule (core/reviews_lifecycle.cpp).
CaseView record_event(Services& s, const Actor& actor, CaseId id, int expected_version, CaseEvent event);

// Active user accounts of the partnership, for the panel and reviewer choices.
std::vector<User> panel_candidates(Services& s, const Actor& actor);
void add_panel_member(Services& s, const Actor& actor, CaseId id, int expected_version, const std::string& user_id);
// Anyone who may see a case declares their own interest, the business unit's members too; they
// lose sight of the case at once, until the panel recommends that they take part.
void declare_conflict(Services& s, const Actor& actor, CaseId id, const std::string& interest);
void decide_conflict(Services& s, const Actor& actor, CaseId id, int expected_version, const std::string& user_id,
                     const std::string& panel_view, const std::string& appeal);
// A partner lead lets a business-unit member who declared an interest keep sight of the case,
// when the unit has no one else (core's check_interest_override): named, dated, with the reason,
// audited as case.interest_override and shown on the case.
void override_interest(Services& s, const Actor& actor, CaseId id, int expected_version, const std::string& user_id,
                       const std::string& reason);

struct RecommendationInput {
    std::string text;
    std::string theme;
    std::vector<std::string> agency_ids;
};
std::vector<Recommendation> list_recommendations(Services& s, const Actor& actor, CaseId id);
Recommendation add_recommendation(Services& s, const Actor& actor, CaseId id, const RecommendationInput& input);

// The record as written to the audit trail: pseudonyms only, never identifiable details.
std::string case_audit_json(const Case& c);
std::string event_json(const CaseEvent& e);

}  // namespace assure
