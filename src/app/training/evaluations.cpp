// Training's evaluation in three stages: requests by the mail queue with a link of the
// delegate's own (a random token, kept only as its digest), answers through it or signed in,
// results counted in SQL and worked out in core, impact evidence, and certificates for those
// who attended. Every answer and every piece of evidence writes an audit row in its transaction.
#include <nlohmann/json.hpp>

#include "app/mail.hpp"
#include "app/training.hpp"
#include "app/training/internal.hpp"
#include "app/training_evaluations.hpp"
#include "core/fields.hpp"
#include "core/text.hpp"
#include "core/training_evaluation_mail.hpp"

namespace assure {

using namespace training_detail;

namespace {

constexpr const char* kEvaluationType = "training_evaluation";
constexpr const char* kEvidenceType = "training_impact_evidence";

TrainingEvaluationRepo& evaluations_of(Transaction& tx) {
    auto* with = dynamic_cast<TrainingEvaluationTransaction*>(&tx);
    if (with == nullptr) {
        throw Failure(FailureCode::unavailable, "Evaluations are not kept by this store", {}, "no TrainingEvaluationTransaction");
    }
    return with->training_evaluations();
}

Evaluation evaluation_from(const EvaluationInput& in, EvaluationStage stage) {
    Evaluation e;
    e.stage = stage;
    FieldErrors errors;
    if (stage == EvaluationStage::after_session) {
        for (std::size_t i = 0; i < kEvaluationQuestions; ++i) {
            // A score that does not read as 1-5 stays 0, which core names in its error.
            e.scores.at(i) = parse_score(in.scores.at(i)).value_or(0);
        }
        e.do_differently = trim(in.do_differently);
        e.manager_email = lower(trim(in.manager_email));
    } else {
        const std::string changed = lower(trim(in.changed_practice));
        if (changed == "yes") e.changed_practice = true;
        else if (changed == "no") e.changed_practice = false;
        e.practice_change = trim(in.practice_change);
        e.manager_view = trim(in.manager_view);
    }
    return e;
}

std::string partnership_name(Transaction& tx, PartnershipId id) {
    const auto p = tx.partnerships().find(id);
    return p ? p->name : std::string("The safeguarding children partnership");
}

// Checks and stores an answer for a booking already loaded, with its session; the audit row
// goes in the same transaction.
Evaluation store_answer(Transaction& tx, const Actor& actor, Instant now, Date today, const TrainingSession& t, const Booking& b,
                        EvaluationStage stage, const EvaluationInput& input) {
    Evaluation e = evaluation_from(input, stage);
    auto& repo = evaluations_of(tx);
    const bool already = repo.find_evaluation(b.partnership, b.id, stage).has_value();
    const FieldErrors refusal = evaluation_refusal(b, t, stage, today, already);
    if (!refusal.empty()) {
        // A second answer is a conflict with the first (core checks attendance before it).
        if (already && refusal.front().field == "stage") throw Failure(FailureCode::conflict, refusal.front().message, refusal);
        throw Failure::invalid(refusal);
    }
    FieldErrors errors = validate_evaluation(e);
    if (!errors.empty()) throw Failure::invalid(std::move(errors));
    e.partnership = b.partnership;
    e.booking = b.id;
    e.session = t.id;
    e.course = t.course;
    e.delegate = b.name;
    e.submitted_at = now;
    e.id = repo.insert_evaluation(e);
    record_audit(tx, actor, now, "training_evaluation.create", kEvaluationType, e.id.str(), "", evaluation_audit_json(e));
    return e;
}

Booking booking_of(Transaction& tx, const Actor& actor, TrainingSessionId session, BookingId booking) {
    const auto b = tx.training().find_booking(actor.partnership, booking);
    if (!b || b->session != session) throw Failure::not_found("booking " + booking.str());
    return *b;
}

// A delegate who is not the business unit reaches only their own booking (by their account's email).
void require_own(Transaction& tx, const Actor& actor, const Booking& b) {
    if (actor.can(Permission::manage_training)) return;
    const auto me = tx.users().find(actor.user);
    if (!me || lower(me->email) != b.email) throw Failure::forbidden("another person's booking");
}

struct Opened {
    EvaluationRequest request;
    Booking booking;
    TrainingSession session;
};

Opened opened(Transaction& tx, Services& s, const std::string& token) {
    const std::string t = trim(token);
    if (t.empty() || t.size() > 200) throw Failure::not_found("evaluation link");
    const auto r = evaluations_of(tx).find_request(s.tokens.digest(t));
    if (!r) throw Failure::not_found("evaluation link");
    const auto b = tx.training().find_booking(r->partnership, r->booking);
    if (!b) throw Failure::not_found("evaluation link");
    const auto session = tx.training().find_session(r->partnership, b->session);
    if (!session) throw Failure::not_found("evaluation link");
    return {*r, *b, *session};
}

Certificate certificate_of(Transaction& tx, const TrainingSession& t, const Booking& b) {
    const FieldErrors refusal = certificate_refusal(b);
    // The refusal's own words as the failure's message: the page that answers shows them.
    if (!refusal.empty()) throw Failure(FailureCode::invalid, refusal.front().message, refusal);
    const auto c = tx.training().find_course(t.partnership, t.course);
    if (!c) throw Failure::not_found("course " + t.course.str());
    return Certificate{partnership_name(tx, t.partnership), b.name, *c, t};
}

// Sends each attended delegate of the session the requests of these stages not yet sent, and
// none for a stage already answered (entered from a paper form, say). Sent once: the store
// keeps one request per booking and stage, and its unique key holds a second server back.
void send_requests(Transaction& tx, Services& s, const Actor& actor, const std::string& name, const TrainingSession& t,
                   const std::vector<EvaluationStage>& stages, const std::string& site, SentRequests& sent) {
    auto& repo = evaluations_of(tx);
    const Instant now = s.clock.now();
    for (const auto& b : repo.attended(t.partnership, t.id)) {
        for (const auto stage : stages) {
            if (repo.request_sent(b.id, stage) || repo.find_evaluation(t.partnership, b.id, stage)) continue;
            // An address no mail server would take would refuse the whole batch: left out.
            if (!plausible_address(b.email)) continue;
            const std::string token = s.tokens.random_token();
            repo.insert_request(EvaluationRequest{t.partnership, b.id, stage, now}, s.tokens.digest(token));
            const std::string link = site + kEvaluationPath + token;
            const MailText text = evaluation_request_text(name, t, b, stage, link);
            queue_mail(tx, now, OutgoingMail{t.partnership, MailKind::evaluation_request, b.email, text.subject, text.body});
            if (stage == EvaluationStage::follow_up) {
                const auto first = repo.find_evaluation(t.partnership, b.id, EvaluationStage::after_session);
                if (first && plausible_address(first->manager_email)) {
                    const MailText to_manager = manager_follow_up_text(name, t, b, link);
                    queue_mail(tx, now,
                               OutgoingMail{t.partnership, MailKind::evaluation_request, first->manager_email, to_manager.subject,
                                            to_manager.body});
                }
                ++sent.follow_up;
            } else {
                ++sent.after_session;
            }
            record_audit(tx, actor, now, "training_evaluation.request", kBookingType, b.id.str(), "",
                         nlohmann::json{{"booking_id", b.id.value}, {"stage", evaluation_stage_key(stage)}}.dump());
        }
    }
}

}  // namespace

Evaluation record_evaluation(Services& s, const Actor& actor, TrainingSessionId session, BookingId booking, const EvaluationInput& input) {
    require(actor, Permission::book_training);
    const auto stage = parse_evaluation_stage(trim(input.stage));
    if (!stage) throw Failure::invalid({{"stage", "Select the stage: after_session or follow_up"}});
    Evaluation e;
    s.store.write([&](Transaction& tx) {
        const TrainingSession t = load_session(tx, actor, session);
        const Booking b = booking_of(tx, actor, session, booking);
        require_own(tx, actor, b);
        e = store_answer(tx, actor, s.clock.now(), london_today(s), t, b, *stage, input);
    });
    return e;
}

Page<Evaluation> list_evaluations(Services& s, const Actor& actor, const EvaluationFilter& filter, const PageRequest& page) {
    require(actor, Permission::manage_training);
    EvaluationQuery q;
    q.partnership = actor.partnership;
    FieldErrors errors;
    const auto id_of = [&](const std::string& raw, const char* field, const char* what) -> std::optional<std::int64_t> {
        if (trim(raw).empty()) return std::nullopt;
        const auto id = to_int(trim(raw));
        if (!id || *id <= 0) {
            errors.push_back({field, std::string("Select a ") + what + " from the list"});
            return std::nullopt;
        }
        return id;
    };
    if (const auto c = id_of(filter.course_id, "course_id", "course")) q.course = CourseId{*c};
    if (const auto t = id_of(filter.session_id, "session_id", "session")) q.session = TrainingSessionId{*t};
    if (!trim(filter.stage).empty()) {
        q.stage = parse_evaluation_stage(trim(filter.stage));
        if (!q.stage) errors.push_back({"stage", "Select the stage: after_session or follow_up"});
    }
    if (!errors.empty()) throw Failure::invalid(std::move(errors));
    q.page = page;
    Page<Evaluation> out;
    s.store.read([&](Transaction& tx) { out = evaluations_of(tx).evaluations(q); });
    return out;
}

EvaluationResults course_evaluation_results(Services& s, const Actor& actor, CourseId course) {
    require(actor, Permission::view_training);
    EvaluationCounts counts;
    s.store.read([&](Transaction& tx) {
        load_course(tx, actor, course);
        counts = evaluations_of(tx).count_evaluations(actor.partnership, course, std::nullopt);
    });
    return evaluation_results(counts);
}

EvaluationResults session_evaluation_results(Services& s, const Actor& actor, TrainingSessionId session) {
    require(actor, Permission::view_training);
    EvaluationCounts counts;
    s.store.read([&](Transaction& tx) {
        load_session(tx, actor, session);
        counts = evaluations_of(tx).count_evaluations(actor.partnership, std::nullopt, session);
    });
    return evaluation_results(counts);
}

SentRequests send_evaluation_requests(Services& s, const Actor& actor, TrainingSessionId session, const std::string& site) {
    require(actor, Permission::manage_training);
    SentRequests sent;
    s.store.write([&](Transaction& tx) {
        const TrainingSession t = load_session(tx, actor, session);
        const Date today = london_today(s);
        if (today < t.on) {
            throw Failure::invalid({{"session", "Evaluation requests go out from " + date_in_words(t.on) + ", the day of the session"}});
        }
        std::vector<EvaluationStage> stages{EvaluationStage::after_session};
        if (today >= follow_up_due(t.on)) stages.push_back(EvaluationStage::follow_up);
        send_requests(tx, s, actor, partnership_name(tx, actor.partnership), t, stages, site, sent);
    });
    return sent;
}

SentRequests queue_due_evaluation_requests(Services& s, Date today, const std::string& site) {
    std::vector<Partnership> partnerships;
    s.store.read([&](Transaction& tx) { partnerships = tx.partnerships().list(); });
    SentRequests sent;
    for (const Partnership& p : partnerships) {
        // One transaction a partnership: its requests and their mail commit together, or none do.
        s.store.write([&](Transaction& tx) {
            const Actor system = Actor::system(p.id);
            SessionQuery q;
            q.partnership = p.id;
            q.from = earliest_session_for_job(today);
            q.to = today;
            q.page.limit = PageRequest::max_limit;
            while (true) {
                auto page = tx.training().sessions(q);
                for (const auto& t : page.items) {
                    const auto stages = requests_due_by_job(t.on, today);
                    if (!stages.empty()) send_requests(tx, s, system, p.name, t, stages, site, sent);
                }
                if (!page.next) break;
                q.page.after = *page.next;
            }
        });
    }
    return sent;
}

YearEvaluation year_evaluation(Services& s, const Actor& actor, FinancialYear year) {
    require(actor, Permission::view_training);
    std::vector<CourseEvaluationCounts> lines;
    s.store.read([&](Transaction& tx) { lines = evaluations_of(tx).count_by_course(actor.partnership, year.first_day(), year.last_day()); });
    YearEvaluation out;
    std::vector<EvaluationCounts> counts;
    for (const auto& l : lines) {
        out.courses.push_back({l.course, l.title, evaluation_results(l.counts)});
        counts.push_back(l.counts);
    }
    out.total = evaluation_results(total_counts(counts));
    return out;
}

std::vector<WaitingEvaluation> my_waiting_evaluations(Services& s, const Actor& actor) {
    require(actor, Permission::book_training);
    std::vector<WaitingEvaluation> out;
    s.store.read([&](Transaction& tx) {
        const auto me = tx.users().find(actor.user);
        if (!me || trim(me->email).empty()) return;
        out = evaluations_of(tx).waiting_for(actor.partnership, lower(trim(me->email)));
    });
    return out;
}

std::string evaluation_answer_href(TrainingSessionId session, BookingId booking, EvaluationStage stage) {
    return "/training/sessions/" + session.str() + "/bookings/" + booking.str() + "/evaluation/" + std::string(evaluation_stage_key(stage));
}

EvaluationInvitation open_own_evaluation(Services& s, const Actor& actor, TrainingSessionId session, BookingId booking,
                                         const std::string& stage_text) {
    require(actor, Permission::book_training);
    const auto stage = parse_evaluation_stage(trim(stage_text));
    if (!stage) throw Failure::not_found("evaluation stage " + stage_text);
    EvaluationInvitation out;
    s.store.read([&](Transaction& tx) {
        const TrainingSession t = load_session(tx, actor, session);
        const Booking b = booking_of(tx, actor, session, booking);
        require_own(tx, actor, b);
        out.partnership_name = partnership_name(tx, actor.partnership);
        out.session = t;
        out.booking = b;
        out.stage = *stage;
        out.answered = evaluations_of(tx).find_evaluation(actor.partnership, b.id, *stage).has_value();
        if (!out.answered) out.closed = evaluation_refusal(b, t, *stage, london_today(s), false);
    });
    return out;
}

EvaluationInvitation open_evaluation(Services& s, const std::string& token) {
    EvaluationInvitation out;
    s.store.read([&](Transaction& tx) {
        const Opened o = opened(tx, s, token);
        out.partnership_name = partnership_name(tx, o.request.partnership);
        out.session = o.session;
        out.booking = o.booking;
        out.stage = o.request.stage;
        out.answered = evaluations_of(tx).find_evaluation(o.request.partnership, o.booking.id, o.request.stage).has_value();
        if (!out.answered) out.closed = evaluation_refusal(o.booking, o.session, o.request.stage, london_today(s), false);
    });
    return out;
}

Evaluation evaluate_by_token(Services& s, const std::string& token, const EvaluationInput& input) {
    Evaluation e;
    s.store.write([&](Transaction& tx) {
        const Opened o = opened(tx, s, token);
        // The delegate has no account: the audit trail names them from their booking.
        Actor delegate = Actor::system(o.request.partnership);
        delegate.role = Role::read_only;
        delegate.label = o.booking.name + " <" + o.booking.email + "> (evaluation link)";
        e = store_answer(tx, delegate, s.clock.now(), london_today(s), o.session, o.booking, o.request.stage, input);
    });
    return e;
}

ImpactEvidence add_impact_evidence(Services& s, const Actor& actor, CourseId course, const ImpactInput& input) {
    require(actor, Permission::manage_training);
    ImpactEvidence e;
    FieldErrors errors;
    if (const auto source = parse_impact_source(trim(input.source))) e.source = *source;
    else errors.push_back({"source", "Select whether the evidence is an audit or a dataset indicator"});
    e.link = trim(input.link);
    e.note = trim(input.note);
    for (auto& x : validate_impact_evidence(e)) errors.push_back(std::move(x));
    s.store.write([&](Transaction& tx) {
        load_course(tx, actor, course);
        if (!errors.empty()) throw Failure::invalid(std::move(errors));
        e.partnership = actor.partnership;
        e.course = course;
        e.recorded_at = s.clock.now();
        e.id = evaluations_of(tx).insert_impact_evidence(e);
        record_audit(tx, actor, e.recorded_at, "training_impact_evidence.create", kEvidenceType, e.id.str(), "",
                     nlohmann::json{{"id", e.id.value},
                                    {"course_id", course.value},
                                    {"source", impact_source_key(e.source)},
                                    {"link", e.link},
                                    {"note", e.note}}
                         .dump());
    });
    return e;
}

std::vector<ImpactEvidence> list_impact_evidence(Services& s, const Actor& actor, CourseId course) {
    require(actor, Permission::view_training);
    std::vector<ImpactEvidence> out;
    s.store.read([&](Transaction& tx) {
        load_course(tx, actor, course);
        out = evaluations_of(tx).impact_evidence(actor.partnership, course);
    });
    return out;
}

Certificate certificate_for(Services& s, const Actor& actor, TrainingSessionId session, BookingId booking) {
    require(actor, Permission::book_training);
    Certificate c;
    s.store.read([&](Transaction& tx) {
        const TrainingSession t = load_session(tx, actor, session);
        const Booking b = booking_of(tx, actor, session, booking);
        require_own(tx, actor, b);
        c = certificate_of(tx, t, b);
    });
    return c;
}

Certificate certificate_by_token(Services& s, const std::string& token) {
    Certificate c;
    s.store.read([&](Transaction& tx) {
        const Opened o = opened(tx, s, token);
        c = certificate_of(tx, o.session, o.booking);
    });
    return c;
}

std::string evaluation_audit_json(const Evaluation& e) {
    nlohmann::json j{{"id", e.id.value}, {"booking_id", e.booking.value}, {"stage", evaluation_stage_key(e.stage)}};
    if (e.stage == EvaluationStage::after_session) {
        for (std::size_t i = 0; i < kEvaluationQuestions; ++i) {
            j[std::string(evaluation_question_key(static_cast<EvaluationQuestion>(i)))] = e.scores.at(i);
        }
        j["do_differently"] = e.do_differently;
        j["manager_email"] = e.manager_email;
    } else {
        j["changed_practice"] = e.changed_practice.value_or(false);
        j["practice_change"] = e.practice_change;
        j["manager_view"] = e.manager_view;
    }
    return j.dump();
}

}  // namespace assure
