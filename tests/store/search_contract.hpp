#pragma once
// The store contract for search (migration 0032; docs/decisions/0026-search-and-my-work.md), on every engine:
// records written through their own repositories are found by their words (stemmed, so
// "meetings" finds "meeting"); a match in the title ranks above one in the body; pages follow
// one another without repeats or gaps; each partnership finds only its own; a change or a
// deletion is reflected at once (the index is kept in the change's transaction); phrases, OR and
// words left out mean the same on both engines; an agency lead's scope keeps other agencies'
// improvement actions out; a case's child and a case's documents are never found; and a
// database written before the index is indexed by the migration (see the engines' own tests).
#include <algorithm>
#include <set>

#include "app/ports/search.hpp"
#include "core/reviews.hpp"
#include "store/contract.hpp"

namespace assure::testing {

template <class Factory>
class SearchContract : public StoreContract<Factory> {
protected:
    static SearchTerms terms(const std::string& text) { return std::get<SearchTerms>(parse_search(text)); }
    SearchQuery query(const std::string& text, std::vector<SearchKind> kinds = all_search_kinds(), int limit = 50) {
        SearchQuery q;
        q.partnership = this->partnership;
        q.terms = terms(text);
        q.kinds = std::move(kinds);
        q.page.limit = limit;
        return q;
    }
    Page<SearchHit> find(const SearchQuery& q) {
        Page<SearchHit> out;
        this->store->read([&](Transaction& tx) { out = dynamic_cast<SearchTransaction&>(tx).search().search(q); });
        return out;
    }
    std::vector<SearchCount> counts(const SearchQuery& q) {
        std::vector<SearchCount> out;
        this->store->read([&](Transaction& tx) { out = dynamic_cast<SearchTransaction&>(tx).search().count_by_kind(q); });
        return out;
    }
    std::vector<std::int64_t> ids(const std::string& text, std::vector<SearchKind> kinds = all_search_kinds()) {
        std::vector<std::int64_t> out;
        for (const auto& h : find(query(text, std::move(kinds))).items) out.push_back(h.record_id);
        return out;
    }
    Person person(const std::string& name, const std::string& job = "Officer", PartnershipId p = {}) {
        Person x;
        x.partnership = p.valid() ? p : this->partnership;
        x.name = name;
        x.job_title = job;
        x.email = name.substr(0, name.find(' ')) + std::to_string(++emails_) + "@example.org";
        this->store->write([&](Transaction& tx) { x.id = tx.people().insert(x); });
        return x;
    }
    // Words found nowhere else, so that a word's rarity weighs as it would in a real partnership.
    void others(int n) {
        for (int i = 0; i < n; ++i) person("Filler " + std::to_string(i), "Administrator");
    }
    GroupId group(const std::string& name, const std::string& purpose = "") {
        Group g;
        g.partnership = this->partnership;
        g.name = name;
        g.purpose = purpose;
        g.active_from = *Date::parse("2020-01-01");
        this->store->write([&](Transaction& tx) { g.id = tx.governance().insert_group(g); });
        return g.id;
    }
    int emails_ = 0;
};

TYPED_TEST_SUITE_P(SearchContract);

TYPED_TEST_P(SearchContract, RecordsAreFoundByTheirWordsStemmedWithTheirLinksAndMarkedMatches) {
    this->others(5);
    const Person p = this->person("Deborah Hughes", "Business manager");
    const GroupId g = this->group("Neglect Strategy Group", "Oversees the neglect strategy");
    Meeting m;
    m.partnership = this->partnership;
    m.group = g;
    m.on = *Date::parse("2026-12-08");
    m.theme = "Neglect";
    m.minutes = "The group reviewed the toolkit. Chronologies were discussed at length.";
    this->store->write([&](Transaction& tx) { m.id = tx.governance().insert_meeting(m); });

    const auto people = this->find(this->query("hughes"));
    ASSERT_EQ(people.items.size(), 1u);
    EXPECT_EQ(people.items[0].kind, SearchKind::person);
    EXPECT_EQ(people.items[0].record_id, p.id.value);
    EXPECT_EQ(people.items[0].title, "Deborah \x01Hughes\x02");

    const auto minutes = this->find(this->query("chronology", {SearchKind::meeting}));
    ASSERT_EQ(minutes.items.size(), 1u) << "the English stemmer finds 'Chronologies' by 'chronology'";
    EXPECT_EQ(minutes.items[0].record_id, m.id.value);
    EXPECT_EQ(minutes.items[0].title, "Neglect Strategy Group");
    EXPECT_EQ(minutes.items[0].on_date, "2026-12-08");
    EXPECT_NE(minutes.items[0].snippet.find("\x01" "Chronologies\x02"), std::string::npos) << minutes.items[0].snippet;
    EXPECT_TRUE(this->find(this->query("kangaroo")).items.empty());
}

TYPED_TEST_P(SearchContract, AMatchInTheTitleRanksAboveAMatchInTheBody) {
    this->others(10);
    const Person in_body = this->person("Amina Patel", "Audit lead");
    const Person in_title = this->person("Audit Team", "Administrator");
    const auto hits = this->ids("audit", {SearchKind::person});
    ASSERT_EQ(hits.size(), 2u);
    EXPECT_EQ(hits[0], in_title.id.value);
    EXPECT_EQ(hits[1], in_body.id.value);
}

TYPED_TEST_P(SearchContract, PagesFollowOneAnotherWithoutRepeatsOrGaps) {
    this->others(5);
    std::set<std::int64_t> made;
    for (int i = 0; i < 23; ++i) made.insert(this->person("Otter " + std::to_string(i), i % 2 ? "Otter keeper" : "Keeper").id.value);
    auto q = this->query("otter", {SearchKind::person}, 7);
    std::set<std::int64_t> seen;
    int pages = 0;
    for (;;) {
        const auto page = this->find(q);
        ++pages;
        for (const auto& h : page.items) {
            EXPECT_TRUE(seen.insert(h.record_id).second) << "repeated " << h.record_id;
            // The eleven with the word twice (name and job) rank first: the whole first page.
            if (pages == 1) {
                EXPECT_NE(h.snippet.find("\x01Otter\x02 keeper"), std::string::npos) << h.snippet;
            }
        }
        if (!page.next) break;
        EXPECT_EQ(page.items.size(), 7u);
        q.page.after = *page.next;
    }
    EXPECT_EQ(pages, 4);
    EXPECT_EQ(seen, made);
    q.page.after = "not a cursor";
    EXPECT_THROW(this->find(q), Failure);
}

TYPED_TEST_P(SearchContract, EachPartnershipFindsOnlyItsOwn) {
    PartnershipId other;
    this->store->write([&](Transaction& tx) { other = tx.partnerships().insert({PartnershipId{}, "q", "Q"}, shipped_rules()); });
    const Person ours = this->person("Wombat Ours");
    this->person("Wombat Theirs", "Officer", other);
    EXPECT_EQ(this->ids("wombat"), std::vector<std::int64_t>{ours.id.value});
    const auto c = this->counts(this->query("wombat"));
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(c[0].kind, SearchKind::person);
    EXPECT_EQ(c[0].count, 1);
}

TYPED_TEST_P(SearchContract, ChangesAndDeletionsAreReflectedAtOnce) {
    Person p = this->person("Quentin Blake");
    const GroupId g = this->group("Harbour Group");
    Meeting m;
    m.partnership = this->partnership;
    m.group = g;
    m.on = *Date::parse("2026-01-05");
    this->store->write([&](Transaction& tx) { m.id = tx.governance().insert_meeting(m); });
    EXPECT_EQ(this->ids("harbour", {SearchKind::meeting}), std::vector<std::int64_t>{m.id.value});

    p.name = "Quentin Marlowe";
    this->store->write([&](Transaction& tx) { ASSERT_TRUE(tx.people().update(p)); });
    EXPECT_TRUE(this->ids("blake").empty());
    EXPECT_EQ(this->ids("marlowe"), std::vector<std::int64_t>{p.id.value});

    // Renaming a group renames its meetings' entries.
    auto group = [&] {
        std::optional<Group> out;
        this->store->read([&](Transaction& tx) { out = tx.governance().find_group(this->partnership, g); });
        return *out;
    }();
    group.name = "Lighthouse Group";
    this->store->write([&](Transaction& tx) { ASSERT_TRUE(tx.governance().update_group(group)); });
    EXPECT_TRUE(this->ids("harbour").empty());
    EXPECT_EQ(this->ids("lighthouse", {SearchKind::meeting}), std::vector<std::int64_t>{m.id.value});

    // A rolled-back change leaves the index as it was.
    EXPECT_THROW(this->store->write([&](Transaction& tx) {
        tx.people().insert(Person{PersonId{}, this->partnership, "Zanzibar Rolledback", "Officer", AgencyId{}, "z@example.org"});
        throw std::runtime_error("undo");
    }),
                 std::runtime_error);
    EXPECT_TRUE(this->ids("zanzibar").empty());

    TypeParam::exec("DELETE FROM people WHERE id = " + p.id.str());
    EXPECT_TRUE(this->ids("marlowe").empty());
}

TYPED_TEST_P(SearchContract, PhrasesAlternativesAndWordsLeftOutMeanTheSameOnEveryEngine) {
    this->others(8);
    const Person a = this->person("Safeguarding Lead", "Designated nurse");
    const Person b = this->person("Lead Safeguarding", "Named doctor");
    const Person c = this->person("Nurse Practitioner", "Community");
    auto sorted = [](std::vector<std::int64_t> v) {
        std::sort(v.begin(), v.end());
        return v;
    };
    EXPECT_EQ(this->ids("\"safeguarding lead\""), std::vector<std::int64_t>{a.id.value});
    EXPECT_EQ(sorted(this->ids("safeguarding lead")), sorted({a.id.value, b.id.value}));
    EXPECT_EQ(sorted(this->ids("doctor or practitioner")), sorted({b.id.value, c.id.value}));
    EXPECT_EQ(sorted(this->ids("nurse -designated")), std::vector<std::int64_t>{c.id.value});
    EXPECT_EQ(this->ids("safeguarding -\"lead safeguarding\""), std::vector<std::int64_t>{a.id.value});
    // Whatever a person types is words to both engines, never their query syntax.
    EXPECT_TRUE(this->ids("NEAR(nurse doctor) AND title:* ^lead").empty());
    EXPECT_NO_THROW(this->ids("nurse)) OR (( \"doctor"));
}

TYPED_TEST_P(SearchContract, AnAgencyLeadsScopeKeepsOtherAgenciesImprovementActionsOut) {
    const Agency own = this->agency("Own Trust");
    const Agency other = this->agency("Other Trust");
    const auto action = [&](AgencyId agency, const std::string& text) {
        TypeParam::exec("INSERT INTO improvement_actions(partnership_id, agency_id, state, due, text) VALUES (" + this->partnership.str() +
                      ", " + agency.str() + ", 'agreed', '2026-03-31', '" + text + "')");
    };
    action(own.id, "Refresh the escalation policy");
    action(other.id, "Audit escalation cases");
    auto q = this->query("escalation", {SearchKind::improvement_action});
    EXPECT_EQ(this->find(q).items.size(), 2u);
    q.improvement_agency = own.id;
    const auto scoped = this->find(q);
    ASSERT_EQ(scoped.items.size(), 1u);
    EXPECT_EQ(scoped.items[0].title, "Refresh the \x01" "escalation\x02 policy");
    EXPECT_EQ(this->counts(q).at(0).count, 1);
    // The scope is of improvement actions only: other kinds are still found.
    this->person("Escalation Officer");
    q.kinds = all_search_kinds();
    EXPECT_EQ(this->counts(q).size(), 2u);
}

TYPED_TEST_P(SearchContract, ACasesChildAndItsDocumentsAreNeverFound) {
    Case c;
    c.partnership = this->partnership;
    c.reference = "RR-Zebedee";
    c.became_aware_on = *Date::parse("2026-01-05");
    c.incident_on = *Date::parse("2026-01-04");
    c.summary = "Zebedee was admitted to hospital";
    c.children = {{"Child Z", "Zebedee Quintrell"}};
    this->store->write([&](Transaction& tx) { c.id = tx.cases().insert(c, standing_of(c, WorkingCalendar())); });
    TypeParam::exec("INSERT INTO documents(partnership_id, record_type, record_id, title, created_at, updated_at) VALUES (" +
                  this->partnership.str() + ", 'review_case', " + c.id.str() + ", 'Zebedee chronology', 1, 1)");
    TypeParam::exec("INSERT INTO documents(partnership_id, record_type, record_id, title, created_at, updated_at) VALUES (" +
                  this->partnership.str() + ", 'partnership', 0, 'Zebedee-free policy', 1, 1)");
    const auto hits = this->find(this->query("zebedee"));
    ASSERT_EQ(hits.items.size(), 1u) << "only the partnership's own policy";
    EXPECT_EQ(hits.items[0].kind, SearchKind::document);
    EXPECT_TRUE(this->find(this->query("quintrell")).items.empty());
    EXPECT_TRUE(this->find(this->query("hospital")).items.empty());
}

TYPED_TEST_P(SearchContract, AWordsFirstLettersFindItOnEveryEngineButNotWhenQuoted) {
    this->others(6);
    const Person p = this->person("Deborah Marsden", "Neglected children lead");
    const std::vector<std::int64_t> just{p.id.value};
    EXPECT_EQ(this->ids("mars"), just);
    EXPECT_EQ(this->ids("MARSD"), just);
    EXPECT_EQ(this->ids("negl"), just) << "a prefix of a stemmed word";
    EXPECT_EQ(this->ids("deb mars"), just);
    EXPECT_EQ(this->ids("childre"), just);
    EXPECT_TRUE(this->ids("ma").empty()) << "two letters are a whole word";
    EXPECT_TRUE(this->ids("\"mars\"").empty()) << "quoted, a word is whole";
    EXPECT_EQ(this->ids("marsden -mars"), just) << "a word left out is whole";
    const auto hit = this->find(this->query("mars"));
    ASSERT_EQ(hit.items.size(), 1u);
    EXPECT_EQ(hit.items[0].title, "Deborah \x01Marsden\x02") << "the whole word is marked";
}

REGISTER_TYPED_TEST_SUITE_P(SearchContract, RecordsAreFoundByTheirWordsStemmedWithTheirLinksAndMarkedMatches,
                            AMatchInTheTitleRanksAboveAMatchInTheBody, PagesFollowOneAnotherWithoutRepeatsOrGaps,
                            EachPartnershipFindsOnlyItsOwn, ChangesAndDeletionsAreReflectedAtOnce,
                            PhrasesAlternativesAndWordsLeftOutMeanTheSameOnEveryEngine,
                            AnAgencyLeadsScopeKeepsOtherAgenciesImprovementActionsOut, ACasesChildAndItsDocumentsAreNeverFound,
                            AWordsFirstLettersFindItOnEveryEngineButNotWhenQuoted);

}  // namespace assure::testing
