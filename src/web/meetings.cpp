// The meeting page: agenda, attendance with quorum, decisions, actions, minutes and declared
// interests, with the business unit's forms to record each.
#include <map>

#include "app/partnership.hpp"
#include "core/date_words.hpp"
#include "core/meeting_attendance.hpp"
#include "web/documents.hpp"
#include "web/governance_views.hpp"
#include "core/governance_quorum.hpp"

namespace assure::web {
namespace {

std::map<PersonId, std::string> names(Services& s, const Actor& actor) {
    std::map<PersonId, std::string> out;
    for (const auto& p : list_people(s, actor, PersonFilter{std::nullopt, true})) out[p.id] = p.name;
    return out;
}

std::string posted_or(const Ctx& ctx, const std::string& path_end, const std::string& name, const std::string& fallback) {
    return ctx.req.method == "POST" && ctx.req.path.ends_with(path_end) ? ctx.form(name) : fallback;
}

std::string presence_radios(const MemberLine& m, const std::string& value, const FieldErrors& errors) {
    std::vector<Option> options;
    for (Presence p : {Presence::present, Presence::deputy, Presence::apologies, Presence::absent}) {
        options.push_back({std::string(presence_key(p)), std::string(presence_label(p))});
    }
    const std::string id = m.person.id.str();
    return radios(Field{"presence-" + id, m.person.name + ", " + m.agency_name, value, error_for(errors, "presence-" + id)}, options, true);
}

Data attendance_rows(const MeetingView& v, const Ctx& ctx, const FieldErrors& errors, bool form) {
    Data rows{Data::type::list};
    for (const auto& m : v.expected) {
        const AttendanceRecord* rec = nullptr;
        for (const auto& r : v.meeting.attendance) if (r.person == m.person.id) rec = &r;
        Data row;
        row.set("person_id", m.person.id.str());
        row.set("name", m.person.name);
        row.set("agency", m.agency_name);
        row.set("presence", rec ? std::string(presence_label(rec->presence)) : std::string("Not recorded"));
        row.set("deputy_name", optional_text(rec ? rec->deputy_name : std::string()));
        row.set("rate", m.rate ? rate_text(m.rate->rate) : std::string("No meetings"));
        row.set("below", flag(m.rate && m.rate->below_expected));
        if (form) {
            const std::string id = m.person.id.str();
            row.set("radios_html", presence_radios(m, posted_or(ctx, "/attendance", "presence-" + id, rec ? std::string(presence_key(rec->presence)) : ""),
                                                   errors));
            row.set("deputy_html", text_input(Field{"deputy-" + id, "Deputy who attended for " + m.person.name + " (if any)",
                                                    posted_or(ctx, "/attendance", "deputy-" + id, rec ? rec->deputy_name : ""),
                                                    error_for(errors, "deputy-" + id), "", "", "text", "govuk-input--width-20"}));
        }
        rows.push_back(row);
    }
    return rows;
}

// Attendance is recorded by the business unit on or after the day, for a meeting not cancelled.
bool may_record_attendance(const Ctx& ctx, const Meeting& m, Date today) {
    return ctx.who().can(Permission::manage_governance) && m.status != MeetingStatus::cancelled && !(today < m.on);
}

std::string attendance_summary(const MeetingView& v) {
    std::vector<PersonId> expected;
    for (const auto& m : v.expected) expected.push_back(m.person.id);
    return attendance_in_words(meeting_attendance(v.meeting, expected));
}

void meeting_page(Services& s, Ctx& ctx, const FieldErrors& errors = {}, int status = 200) {
    const MeetingView v = read_meeting(s, ctx.who(), MeetingId{ctx.path_id()});
    const Meeting& m = v.meeting;
    const auto people = names(s, ctx.who());
    const bool can_manage = ctx.who().can(Permission::manage_governance);
    const Date today = london_today(s);
    const bool held = m.status == MeetingStatus::held;
    const bool planned = m.status == MeetingStatus::planned;
    Data data;
    data.set("id", m.id.str());
    data.set("version", std::to_string(m.version));
    data.set("group_id", v.group.id.str());
    data.set("group", v.group.name);
    data.set("on", date_in_words(m.on));
    data.set("time", m.starts_at);
    data.set("length", std::to_string(m.minutes_long) + " minutes");
    data.set("place", m.place.empty() ? std::string("Online") : m.place + (m.online ? " and online" : ""));
    data.set("theme", optional_text(m.theme));
    data.set("status", std::string(meeting_status_label(m.status)));
    data.set("cancelled", flag(m.status == MeetingStatus::cancelled));
    data.set("held", flag(held));
    data.set("cancel_reason", m.cancel_reason);
    data.set("saved", flag(ctx.has_query("saved")));
    if (v.quorum) {
        data.set("quorum", v.quorum->explanation);
        data.set("quorate", flag(v.quorum->quorate));
        data.set("quorum_rule_set", flag(has_quorum_rule(v.group.quorum)));
    }
    Data agenda{Data::type::list};
    for (const auto& item : m.agenda) {
        Data row;
        row.set("number", std::to_string(item.number));
        row.set("title", item.title);
        row.set("owner", optional_text(people.contains(item.owner) ? people.at(item.owner) : std::string()));
        row.set("paper_link", optional_text(item.paper_link));
        Data declared{Data::type::list};
        for (const auto& i : v.interests) {
            if (i.agenda_item != item.number) continue;
            Data d;
            d.set("person", people.contains(i.person) ? people.at(i.person) : std::string());
            d.set("interest", i.interest);
            declared.push_back(d);
        }
        row.set("interests", declared);
        agenda.push_back(row);
    }
    data.set("agenda", agenda);
    data.set("has_agenda", flag(!m.agenda.empty()));
    data.set("attendance", attendance_rows(v, ctx, errors, false));
    data.set("attendance_summary", attendance_summary(v));
    data.set("attendance_recorded", flag(!m.attendance.empty()));
    data.set("has_expected", flag(!v.expected.empty()));
    Data decisions{Data::type::list};
    for (const auto& d : m.decisions) decisions.push_back(Data("text", d.text));
    data.set("decisions", decisions);
    data.set("has_decisions", flag(!m.decisions.empty()));
    Data actions{Data::type::list};
    for (const auto& a : v.actions) {
        Data row;
        row.set("id", a.id.str());
        row.set("text", a.text);
        row.set("owner", people.contains(a.owner) ? people.at(a.owner) : std::string());
        row.set("due", date_in_words(a.due));
        row.set("status", std::string(action_status_label(a.status)));
        row.set("overdue", flag(action_overdue(a, today)));
        actions.push_back(row);
    }
    data.set("actions", actions);
    data.set("has_actions", flag(!v.actions.empty()));
    if (!m.minutes.empty()) data.set("minutes_html", markdown_html(m.minutes));
    Data general{Data::type::list};
    for (const auto& i : v.interests) {
        if (i.agenda_item != 0) continue;
        Data d;
        d.set("person", people.contains(i.person) ? people.at(i.person) : std::string());
        d.set("interest", i.interest);
        general.push_back(d);
    }
    data.set("general_interests", general);
    data.set("has_general_interests", flag(!general.is_empty_list()));

    // A form inside a closed <details> that was refused opens again, so its errors are seen.
    for (const char* form : {"status", "agenda", "actions", "minutes", "interests"}) {
        const bool refused = !errors.empty() && ctx.req.method == "POST" && ctx.req.path.ends_with(std::string("/") + form);
        data.set(std::string("open_") + form, flag(refused));
    }
    data.set("can_manage", flag(can_manage));
    data.set("can_record_attendance", flag(may_record_attendance(ctx, m, today)));
    data.set("can_hold", flag(can_manage && planned && !(today < m.on)));
    data.set("can_cancel", flag(can_manage && planned && m.attendance.empty()));
    data.set("can_minute", flag(can_manage && held));
    data.set("can_add_agenda", flag(can_manage && m.status != MeetingStatus::cancelled));
    data.set("agenda_published", optional_text(v.agenda_published_at ? display_instant(*v.agenda_published_at) : std::string()));
    data.set("can_publish_agenda", flag(can_manage && planned && !m.agenda.empty() && !v.agenda_published_at));
    data.set("agenda_error", optional_text(error_for(errors, "agenda")));
    if (can_manage) {
        const auto owners = people_options(s, ctx.who());
        data.set("reason_html", text_input(Field{"reason", "Why it was cancelled", posted_or(ctx, "/status", "reason", ""), error_for(errors, "reason")}));
        data.set("status_error", optional_text(error_for(errors, "status")));
        data.set("agenda_title_html", text_input(Field{"title", "Agenda item", posted_or(ctx, "/agenda", "title", ""), error_for(errors, "title")}));
        data.set("agenda_owner_html", select(Field{"owner_id", "Item owner (optional)", posted_or(ctx, "/agenda", "owner_id", ""),
                                                   error_for(errors, "owner_id")}, owners, "No owner"));
        data.set("agenda_link_html", text_input(Field{"paper_link", "Link to the paper (optional)", posted_or(ctx, "/agenda", "paper_link", ""),
                                                      error_for(errors, "paper_link"), "For example, https://", "", "url"}));
        data.set("decision_html", textarea(Field{"decision", "Decision", posted_or(ctx, "/decisions", "decision", ""), error_for(errors, "decision")}, 3));
        data.set("action_text_html", textarea(Field{"text", "Action", posted_or(ctx, "/actions", "text", ""), error_for(errors, "text")}, 3));
        data.set("action_owner_html", select(Field{"owner_id_action", "Owner", posted_or(ctx, "/actions", "owner_id_action", ""),
                                                   error_for(errors, "owner_id_action")}, owners, "Select the owner"));
        data.set("action_due_html", date_input(Field{"due", "Due by", posted_or(ctx, "/actions", "due", ""), error_for(errors, "due"),
                                                     kDateExample, "", "text", "govuk-input--width-10"}));
        data.set("minutes_form_html", textarea(Field{"minutes", "Minutes (Markdown)", posted_or(ctx, "/minutes", "minutes", m.minutes),
                                                     error_for(errors, "minutes")}, 12));
    }
    std::vector<Option> items{{"", "The meeting as a whole"}};
    for (const auto& item : m.agenda) items.push_back({std::to_string(item.number), std::to_string(item.number) + ". " + item.title});
    const auto self = person_of(s, ctx.who());
    data.set("interest_person_html", select(Field{"person_id", "Who is declaring", posted_or(ctx, "/interests", "person_id", self ? self->str() : ""),
                                                  error_for(errors, "person_id")}, people_options(s, ctx.who()), "Select a person"));
    data.set("interest_item_html", select(Field{"agenda_item", "Agenda item", posted_or(ctx, "/interests", "agenda_item", ""),
                                                error_for(errors, "agenda_item")}, items, ""));
    data.set("interest_text_html", textarea(Field{"interest", "The interest", posted_or(ctx, "/interests", "interest", ""),
                                                  error_for(errors, "interest"), "For example, direct involvement in a case on the agenda"}, 3));
    const std::string title = v.group.name + ", " + date_in_words(m.on);
    page(ctx, "governance/meeting", data, PageOptions{title, "groups", errors, status, "/groups/" + v.group.id.str(), "Back to " + v.group.name});
}

// The attendance form on a page of its own: one row of radios per member expected that day.
void attendance_page(Services& s, Ctx& ctx, const FieldErrors& errors = {}, int status = 200) {
    const MeetingView v = read_meeting(s, ctx.who(), MeetingId{ctx.path_id()});
    const std::string back = "/meetings/" + v.meeting.id.str();
    if (!may_record_attendance(ctx, v.meeting, london_today(s))) return redirect(ctx, back);
    Data data;
    data.set("id", v.meeting.id.str());
    data.set("version", std::to_string(v.meeting.version));
    data.set("group", v.group.name);
    data.set("on", date_in_words(v.meeting.on));
    data.set("back", back);
    data.set("attendance", attendance_rows(v, ctx, errors, true));
    data.set("has_expected", flag(!v.expected.empty()));
    data.set("attendance_error", optional_text(error_for(errors, "attendance")));
    page(ctx, "governance/meeting_attendance", data,
         PageOptions{"Attendance: " + v.group.name + ", " + date_in_words(v.meeting.on), "groups", errors, status});
}

std::vector<AttendanceInput> attendance_input(const Ctx& ctx) {
    std::vector<AttendanceInput> rows;
    for (const auto& id : ctx.form_all("person")) rows.push_back({id, ctx.form("presence-" + id), ctx.form("deputy-" + id)});
    return rows;
}

}  // namespace

void add_meeting_routes(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", R"(/meetings/(\d+))", Permission::view_governance, Surface::page,
                      [&s](Ctx& ctx) { meeting_page(s, ctx); }, "/meetings/1"});
    // Each form on the meeting page posts here; a refusal shows the page with its errors.
    auto on_meeting = [&s](Ctx& ctx, const std::function<void(MeetingId, int)>& change) {
        const MeetingId id{ctx.path_id()};
        try {
            change(id, form_int(ctx, "version"));
            redirect(ctx, "/meetings/" + id.str() + "?saved=1");
        } catch (const Failure& f) {
            if (f.code() != FailureCode::invalid) throw;
            meeting_page(s, ctx, f.fields(), 422);
        }
    };
    auto post = [&](const char* what, Permission permission, std::function<void(Ctx&, MeetingId, int)> change) {
        routes.push_back({"POST", std::string(R"(/meetings/(\d+)/)") + what, permission, Surface::page,
                          [on_meeting, change](Ctx& ctx) { on_meeting(ctx, [&](MeetingId id, int v) { change(ctx, id, v); }); },
                          std::string("/meetings/1/") + what});
    };
    post("status", Permission::manage_governance, [&s](Ctx& ctx, MeetingId id, int v) {
        set_meeting_status(s, ctx.who(), id, v, ctx.form("status"), ctx.form("reason"));
    });
    routes.push_back({"GET", R"(/meetings/(\d+)/attendance)", Permission::manage_governance, Surface::page,
                      [&s](Ctx& ctx) { attendance_page(s, ctx); }, "/meetings/1/attendance"});
    routes.push_back({"POST", R"(/meetings/(\d+)/attendance)", Permission::manage_governance, Surface::page,
                      [&s](Ctx& ctx) {
                          const MeetingId id{ctx.path_id()};
                          try {
                              record_attendance(s, ctx.who(), id, form_int(ctx, "version"), attendance_input(ctx));
                              redirect(ctx, "/meetings/" + id.str() + "?saved=1#attendance");
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              attendance_page(s, ctx, f.fields(), 422);
                          }
                      },
                      "/meetings/1/attendance"});
    post("agenda", Permission::manage_governance, [&s](Ctx& ctx, MeetingId id, int v) {
        add_agenda_item(s, ctx.who(), id, v, ctx.form("title"), ctx.form("owner_id"), ctx.form("paper_link"));
    });
    post("agenda/publish", Permission::manage_governance, [&s](Ctx& ctx, MeetingId id, int v) {
        publish_agenda(s, ctx.who(), id, v, site_of(ctx));
    });
    post("decisions", Permission::manage_governance, [&s](Ctx& ctx, MeetingId id, int v) {
        add_decision(s, ctx.who(), id, v, ctx.form("decision"));
    });
    post("minutes", Permission::manage_governance, [&s](Ctx& ctx, MeetingId id, int v) {
        save_minutes(s, ctx.who(), id, v, ctx.form("minutes"));
    });
    post("actions", Permission::manage_governance, [&s](Ctx& ctx, MeetingId id, int) {
        try {
            add_action(s, ctx.who(), id, {ctx.form("text"), ctx.form("owner_id_action"), ctx.form("due")});
        } catch (const Failure& f) {
            // The page has two owner choices (agenda item and action); point at the action's.
            if (f.code() != FailureCode::invalid) throw;
            FieldErrors fields = f.fields();
            for (auto& e : fields) if (e.field == "owner_id") e.field = "owner_id_action";
            throw Failure::invalid(std::move(fields));
        }
    });
    post("interests", Permission::view_governance, [&s](Ctx& ctx, MeetingId id, int) {
        declare_interest(s, ctx.who(), {ctx.form("person_id"), ctx.form("interest"), london_today(s).iso(), id.str(), ctx.form("agenda_item")});
    });
}

}  // namespace assure::web
