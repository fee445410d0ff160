// A meeting on paper: the agenda pack (the agenda, who is invited, interests declared, then
// every paper attached to the meeting that is a readable PDF, joined after it) and the minutes
// of a held meeting (attendance, interests, minutes, decisions and actions).
#include <cctype>
#include <map>

#include "app/documents.hpp"
#include "app/partnership.hpp"
#include "core/date_words.hpp"
#include "web/documents.hpp"
#include "web/governance_views.hpp"
#include "web/pdf.hpp"
#include "web/print.hpp"

namespace assure::web {
namespace {

std::map<PersonId, std::string> names(Services& s, const Actor& actor) {
    std::map<PersonId, std::string> out;
    for (const auto& p : list_people(s, actor, PersonFilter{std::nullopt, true})) out[p.id] = p.name;
    return out;
}

std::string name_of(const std::map<PersonId, std::string>& people, PersonId id) {
    const auto found = people.find(id);
    return found == people.end() ? std::string() : found->second;
}

// "strategic-forum-2026-12-08": the group's name in lower case, words joined by hyphens.
std::string file_stem(const std::string& group, Date on) {
    std::string out;
    for (const unsigned char c : group) {
        if (std::isalnum(c) != 0) {
            out += static_cast<char>(std::tolower(c));
        } else if (!out.empty() && out.back() != '-') {
            out += '-';
        }
    }
    if (!out.empty() && out.back() == '-') out.pop_back();
    return (out.empty() ? std::string("meeting") : out) + "-" + on.iso();
}

// The meeting's facts every paper starts with.
Data meeting_data(const MeetingView& v) {
    const Meeting& m = v.meeting;
    Data data;
    data.set("group", v.group.name);
    data.set("on", date_in_words(m.on));
    data.set("time", m.starts_at);
    data.set("length", std::to_string(m.minutes_long) + " minutes");
    data.set("place", m.place.empty() ? std::string("Online") : m.place + (m.online ? " and online" : ""));
    data.set("theme", optional_text(m.theme));
    data.set("status", std::string(meeting_status_label(m.status)));
    data.set("cancelled", flag(m.status == MeetingStatus::cancelled));
    data.set("cancel_reason", m.cancel_reason);
    return data;
}

Data agenda_rows(const MeetingView& v, const std::map<PersonId, std::string>& people) {
    Data agenda{Data::type::list};
    for (const auto& item : v.meeting.agenda) {
        Data row;
        row.set("number", std::to_string(item.number));
        row.set("title", item.title);
        row.set("owner", optional_text(name_of(people, item.owner)));
        row.set("paper_link", optional_text(item.paper_link));
        agenda.push_back(row);
    }
    return agenda;
}

Data interest_rows(const MeetingView& v, const std::map<PersonId, std::string>& people) {
    Data rows{Data::type::list};
    for (const auto& i : v.interests) {
        Data d;
        d.set("person", name_of(people, i.person));
        d.set("item", i.agenda_item == 0 ? std::string("The meeting as a whole") : "Item " + std::to_string(i.agenda_item));
        d.set("interest", i.interest);
        rows.push_back(d);
    }
    return rows;
}

struct Papers {
    Data listed{Data::type::list};
    std::vector<std::string> joined;  // files on disk, in the pack's order
};

// Every document attached to the meeting, latest versions: readable PDFs go into the pack, the
// rest are listed with why not, so nobody thinks the pack is complete when it is not.
Papers meeting_papers(Services& s, DocumentServices* d, const Actor& actor, MeetingId id) {
    Papers out;
    PageRequest request;
    request.limit = PageRequest::max_limit;
    while (true) {
        const RecordDocuments docs = list_documents(s, actor, DocumentRecord::meeting, id.value, request);
        for (const Document& doc : docs.documents.items) {
            if (doc.versions.empty()) continue;
            const DocumentVersion& latest = doc.versions.front();
            const auto type = allowed_document_type(latest.content_type);
            Data row;
            row.set("title", doc.title);
            row.set("type", std::string(type ? type->label : std::string_view(latest.content_type)));
            std::string why_not;
            if (d == nullptr) {
                why_not = "Documents are not set up on this server";
            } else if (!type || type->mime != "application/pdf") {
                why_not = "Only PDF papers can be joined to the pack; download it from the meeting's documents page";
            } else {
                const DocumentDownload file = download_document(s, *d, actor, doc.id, std::nullopt);
                if (readable_pdf(file.path)) {
                    out.joined.push_back(file.path);
                    row.set("position", std::to_string(out.joined.size()));
                } else {
                    why_not = "The PDF is damaged or locked with a password; download it from the meeting's documents page";
                }
            }
            row.set("why_not", optional_text(why_not));
            out.listed.push_back(row);
        }
        if (!docs.documents.next) break;
        request.after = *docs.documents.next;
    }
    return out;
}

void agenda_pack(Services& s, DocumentServices* d, Ctx& ctx) {
    const MeetingView v = read_meeting(s, ctx.who(), MeetingId{ctx.path_id()});
    const auto people = names(s, ctx.who());
    Data data = meeting_data(v);
    data.set("agenda", agenda_rows(v, people));
    data.set("has_agenda", flag(!v.meeting.agenda.empty()));
    Data members{Data::type::list};
    for (const auto& m : v.expected) {
        Data row;
        row.set("name", m.person.name);
        row.set("agency", m.agency_name);
        members.push_back(row);
    }
    data.set("members", members);
    data.set("has_members", flag(!v.expected.empty()));
    data.set("interests", interest_rows(v, people));
    data.set("has_interests", flag(!v.interests.empty()));
    Papers papers = meeting_papers(s, d, ctx.who(), v.meeting.id);
    data.set("has_papers", flag(!papers.listed.is_empty_list()));
    data.set("papers", papers.listed);
    data.set("joined", std::to_string(papers.joined.size()));
    const std::string title = "Agenda: " + v.group.name + ", " + date_in_words(v.meeting.on);
    data.set("title", title);
    send_print_pdf(s, ctx,
                   PrintDocument{title, "The agenda and papers for the meeting of " + v.group.name + " on " + date_in_words(v.meeting.on),
                                 "agenda-" + file_stem(v.group.name, v.meeting.on), "print/agenda"},
                   data, papers.joined);
}

void minutes(Services& s, Ctx& ctx) {
    const MeetingView v = read_meeting(s, ctx.who(), MeetingId{ctx.path_id()});
    // Minutes are of a meeting that took place; a planned or cancelled one has none.
    if (v.meeting.status != MeetingStatus::held) throw Failure::not_found("minutes of a meeting not held");
    const auto people = names(s, ctx.who());
    Data data = meeting_data(v);
    if (v.quorum) {
        data.set("quorum", v.quorum->explanation);
        data.set("quorate", flag(v.quorum->quorate));
    }
    std::map<Presence, Data> by_presence;
    for (Presence p : {Presence::present, Presence::deputy, Presence::apologies, Presence::absent}) by_presence[p] = Data{Data::type::list};
    for (const auto& m : v.expected) {
        const AttendanceRecord* rec = nullptr;
        for (const auto& r : v.meeting.attendance) if (r.person == m.person.id) rec = &r;
        if (rec == nullptr) continue;
        Data row;
        row.set("name", m.person.name);
        row.set("agency", m.agency_name);
        row.set("deputy", optional_text(rec->deputy_name));
        by_presence[rec->presence].push_back(row);
    }
    const auto put = [&](const char* key, Presence p) {
        data.set(key, by_presence[p]);
        data.set(std::string("has_") + key, flag(!by_presence[p].is_empty_list()));
    };
    put("present", Presence::present);
    put("deputies", Presence::deputy);
    put("apologies", Presence::apologies);
    put("absent", Presence::absent);
    data.set("agenda", agenda_rows(v, people));
    data.set("has_agenda", flag(!v.meeting.agenda.empty()));
    data.set("interests", interest_rows(v, people));
    data.set("has_interests", flag(!v.interests.empty()));
    if (!v.meeting.minutes.empty()) data.set("minutes_html", markdown_html(v.meeting.minutes));
    Data decisions{Data::type::list};
    for (const auto& dec : v.meeting.decisions) decisions.push_back(Data("text", dec.text));
    data.set("decisions", decisions);
    data.set("has_decisions", flag(!v.meeting.decisions.empty()));
    const Date today = london_today(s);
    Data actions{Data::type::list};
    for (const auto& a : v.actions) {
        Data row;
        row.set("text", a.text);
        row.set("owner", name_of(people, a.owner));
        row.set("due", date_in_words(a.due));
        row.set("status", std::string(action_status_label(a.status)) + (action_overdue(a, today) ? " (overdue)" : ""));
        actions.push_back(row);
    }
    data.set("actions", actions);
    data.set("has_actions", flag(!v.actions.empty()));
    const std::string title = "Minutes: " + v.group.name + ", " + date_in_words(v.meeting.on);
    data.set("title", title);
    send_print_pdf(s, ctx,
                   PrintDocument{title, "The minutes of the meeting of " + v.group.name + " on " + date_in_words(v.meeting.on),
                                 "minutes-" + file_stem(v.group.name, v.meeting.on), "print/minutes"},
                   data);
}

}  // namespace

void add_print_routes(std::vector<Route>& routes, Services& s, DocumentServices* documents) {
    // Not kept by the page cache: a pack carries its papers' bytes, which do not belong in the
    // cache's memory (as documents' downloads, web/documents_pages.cpp).
    Route pack{"GET", R"(/meetings/(\d+)/agenda\.pdf)", Permission::view_governance, Surface::page,
               [&s, documents](Ctx& ctx) { agenda_pack(s, documents, ctx); }, "/meetings/1/agenda.pdf"};
    pack.reusable = false;
    routes.push_back(pack);
    routes.push_back({"GET", R"(/meetings/(\d+)/minutes\.pdf)", Permission::view_governance, Surface::page,
                      [&s](Ctx& ctx) { minutes(s, ctx); }, "/meetings/1/minutes.pdf"});
}

}  // namespace assure::web
