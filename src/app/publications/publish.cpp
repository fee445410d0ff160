// Publishing: proposed by the business unit, approved by a partner lead or the business manager
// (not the proposer), withdrawn by either; each step audited in its transaction.
#include <nlohmann/json.hpp>

#include "app/publications.hpp"
#include "app/reviews/internal.hpp"

namespace assure {
namespace {

// Every child's pseudonym and (when the key is here) name in the partnership's reviews, read
// page by page: what a public title or summary may never contain. Nothing is shown to anyone.
std::vector<std::string> restricted_words(const Services& s, Transaction& tx, PartnershipId partnership) {
    std::vector<std::string> out;
    CaseQuery q;
    q.partnership = partnership;
    q.page.limit = PageRequest::max_limit;
    for (;;) {
        auto page = tx.cases().list(q);
        for (auto& c : page.items) {
            reviews_detail::open_identities(s, c);
            for (const auto& child : c.children) {
                out.push_back(child.pseudonym);
                if (!child.name.empty()) out.push_back(child.name);
            }
        }
        if (!page.next) break;
        q.page.after = *page.next;
    }
    return out;
}

void require_no_restricted_words(const Services& s, Transaction& tx, const Publication& p) {
    if (auto errors = restricted_words_in(p, restricted_words(s, tx, p.partnership)); !errors.empty()) {
        throw Failure::invalid(std::move(errors));
    }
}

std::string job_title_of(Transaction& tx, const Actor& actor) {
    if (!actor.user.valid()) return {};
    const auto user = tx.users().find(actor.user);
    if (!user) return {};
    const auto person = tx.people().find(actor.partnership, user->person);
    return person ? person->job_title : std::string();
}

Publication load(Transaction& tx, const Actor& actor, PublicationId id, int expected_version) {
    auto p = publications_of(tx).find(actor.partnership, id);
    if (!p) throw Failure::not_found("publication " + id.str());
    if (p->version != expected_version) throw Failure::stale("publication");
    return *p;
}

void save_decision(Services& s, Transaction& tx, const Actor& actor, const Publication& before, Publication& after,
                   const char* action) {
    after.decided_by = actor.user;
    after.decided_by_label = actor.label;
    after.decided_at = s.clock.now();
    if (!publications_of(tx).decide(after, before.version)) throw Failure::stale("publication");
    after.version = before.version + 1;
    record_audit(tx, actor, after.decided_at, action, "publication", after.id.str(), publication_audit_json(before),
                 publication_audit_json(after));
}

}  // namespace

PublicationRepo& publications_of(Transaction& tx) {
    auto* with = dynamic_cast<PublicationTransaction*>(&tx);
    if (with == nullptr) {
        throw Failure(FailureCode::unavailable, "Publications are not kept by this store", {}, "no PublicationTransaction");
    }
    return with->publications();
}

std::string publication_audit_json(const Publication& p) {
    return nlohmann::json{{"kind", publication_kind_key(p.kind)},
                          {"title", p.title},
                          {"summary", p.summary},
                          {"published_on", p.published_on.iso()},
                          {"document_id", p.document.value},
                          {"document_version", p.document_version},
                          {"report_year", p.report_year},
                          {"state", publication_state_key(p.state)},
                          {"proposed_by", p.proposed_by_label},
                          {"decided_by", p.decided_by_label}}
        .dump();
}

Publication propose_publication(Services& s, const Actor& actor, const PublicationInput& in) {
    require(actor, Permission::manage_report);
    Publication p;
    FieldErrors errors = validate_publication(in, london_today(s), p);
    if (!errors.empty()) throw Failure::invalid(std::move(errors));
    p.partnership = actor.partnership;
    if (p.kind == PublicationKind::yearly_report) {
        // Only a report every statutory partner has signed off reaches the public.
        const YearReport r = report_records(s, actor, p.report_year);
        if (r.state != ReportState::approved) {
            throw Failure::invalid({{"report_year", "The " + r.year.label() +
                                                        " report is not approved yet: every statutory partner must sign it off first"}});
        }
    }
    s.store.write([&](Transaction& tx) {
        if (publication_is_document(p.kind)) {
            const auto doc = documents_of(tx).find_document(actor.partnership, p.document);
            if (!doc) throw Failure::invalid({{"document_id", "Select a document of the partnership's"}});
            // A case's document is published only by someone who may know of the case.
            if (doc->record_type == DocumentRecord::review_case) reviews_detail::load_visible(tx, actor, CaseId{doc->record_id});
            p.document_version = doc->latest;
        } else if (publications_of(tx).approved_report(actor.partnership, p.report_year)) {
            throw Failure::invalid({{"report_year", "The " + p.report_year + " report is already published"}});
        }
        require_no_restricted_words(s, tx, p);
        p.state = PublicationState::proposed;
        p.proposed_by = actor.user;
        p.proposed_by_label = actor.label;
        p.proposed_at = s.clock.now();
        p.id = publications_of(tx).insert(p);
        record_audit(tx, actor, p.proposed_at, "publication.propose", "publication", p.id.str(), "", publication_audit_json(p));
    });
    return p;
}

namespace {

// Loads the publication at the version read, asks `refusal` whether this person may move it to
// `to` (why not, and the failure's code), and writes the decision with its audit row.
template <class Refusal>
Publication decide(Services& s, const Actor& actor, PublicationId id, int expected_version, PublicationState to,
                   const char* action, Refusal refusal) {
    require(actor, Permission::view_report);
    Publication after;
    s.store.write([&](Transaction& tx) {
        const Publication before = load(tx, actor, id, expected_version);
        refusal(tx, before);
        after = before;
        after.state = to;
        save_decision(s, tx, actor, before, after, action);
    });
    return after;
}

}  // namespace

Publication approve_publication(Services& s, const Actor& actor, PublicationId id, int expected_version) {
    return decide(s, actor, id, expected_version, PublicationState::approved, "publication.approve",
                  [&](Transaction& tx, const Publication& p) {
                      if (auto why = approval_refusal(p, actor.role, job_title_of(tx, actor), actor.user)) {
                          throw Failure(p.state == PublicationState::proposed ? FailureCode::forbidden : FailureCode::conflict, *why);
                      }
                      require_no_restricted_words(s, tx, p);  // a review opened since it was proposed
                  });
}

Publication withdraw_publication(Services& s, const Actor& actor, PublicationId id, int expected_version) {
    return decide(s, actor, id, expected_version, PublicationState::withdrawn, "publication.withdraw",
                  [&](Transaction& tx, const Publication& p) {
                      if (auto why = withdrawal_refusal(p, actor.role, job_title_of(tx, actor))) {
                          throw Failure(p.state == PublicationState::withdrawn ? FailureCode::conflict : FailureCode::forbidden, *why);
                      }
                  });
}

Page<Publication> list_publications(Services& s, const Actor& actor, std::optional<PublicationState> state,
                                    const PageRequest& page) {
    require(actor, Permission::view_report);
    Page<Publication> out;
    s.store.read([&](Transaction& tx) { out = publications_of(tx).publications({actor.partnership, state, {}, page}); });
    return out;
}

Publication find_publication(Services& s, const Actor& actor, PublicationId id) {
    require(actor, Permission::view_report);
    std::optional<Publication> out;
    s.store.read([&](Transaction& tx) { out = publications_of(tx).find(actor.partnership, id); });
    if (!out) throw Failure::not_found("publication " + id.str());
    return *out;
}

bool may_approve(Services& s, const Actor& actor) {
    if (actor.role != Role::partner_lead && actor.role != Role::business_unit) return false;
    bool out = false;
    s.store.read([&](Transaction& tx) { out = may_approve_publications(actor.role, job_title_of(tx, actor)); });
    return out;
}

}  // namespace assure
