#pragma once
// The store contract for the directory, user accounts and the audit trail: paged lists in
// order, every filter, names by id, keyset paging of the trail. Every backend instantiates it
// beside StoreContract (see sqlite_store_test.cpp).
#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "store/contract.hpp"

namespace assure::testing {

template <class Factory>
class DirectoryContract : public StoreContract<Factory> {
protected:
    Agency agency_of(const std::string& name, AgencyKind kind = AgencyKind::relevant_agency, bool active = true,
                     PartnershipId in = {}) {
        Agency a;
        a.partnership = in.valid() ? in : this->partnership;
        a.name = name;
        a.kind = kind;
        a.statutory_role = kind == AgencyKind::statutory_partner ? StatutoryRole::police : StatutoryRole::none;
        a.sector = "other";
        a.active = active;
        this->store->write([&](Transaction& tx) { a.id = tx.agencies().insert(a); });
        return a;
    }

    Person person(const std::string& name, AgencyId agency, const std::string& email, const std::string& job = "Lead",
                  bool active = true, PartnershipId in = {}) {
        Person p{PersonId{}, in.valid() ? in : this->partnership, name, job, agency, email, active};
        this->store->write([&](Transaction& tx) { p.id = tx.people().insert(p); });
        return p;
    }

    // A member's account for the person, signing in with their email.
    UserId member_account(const Person& p) {
        UserId id;
        this->store->write([&](Transaction& tx) {
            User u;
            u.partnership = this->partnership;
            u.person = p.id;
            u.email = p.email;
            u.password_hash = "h";
            u.role = Role::member;
            id = tx.users().insert(u);
        });
        return id;
    }

    // Every page of a list, following `next` with pages of `limit`; fails on a cursor that repeats.
    template <class T, class Ask>
    std::vector<T> every_page(int limit, Ask ask) {
        std::vector<T> out;
        PageRequest page{limit, ""};
        std::set<std::string> cursors;
        for (int pages = 0; pages < 100; ++pages) {
            Page<T> found;
            this->store->read([&](Transaction& tx) { found = ask(tx, page); });
            EXPECT_LE(static_cast<int>(found.items.size()), limit);
            out.insert(out.end(), found.items.begin(), found.items.end());
            if (!found.next) return out;
            EXPECT_EQ(static_cast<int>(found.items.size()), limit) << "a page before the last is full";
            EXPECT_TRUE(cursors.insert(*found.next).second) << "a cursor came back twice";
            page.after = *found.next;
        }
        ADD_FAILURE() << "the list did not end";
        return out;
    }

    Page<Agency> agencies(AgencyQuery q) {
        q.partnership = this->partnership;
        Page<Agency> out;
        this->store->read([&](Transaction& tx) { out = tx.agencies().query(q); });
        return out;
    }
    Page<Person> people(PersonQuery q) {
        q.partnership = this->partnership;
        Page<Person> out;
        this->store->read([&](Transaction& tx) { out = tx.people().query(q); });
        return out;
    }
};

template <class T>
std::vector<std::string> names_in(const std::vector<T>& items) {
    std::vector<std::string> out;
    for (const auto& item : items) out.push_back(item.name);
    return out;
}

template <class T>
std::vector<std::int64_t> ids_in(const std::vector<T>& items) {
    std::vector<std::int64_t> out;
    for (const auto& item : items) out.push_back(item.id.value);
    return out;
}

TYPED_TEST_SUITE_P(DirectoryContract);

TYPED_TEST_P(DirectoryContract, AgenciesPageByNameThenIdWithNoRepeatsOrGaps) {
    // Inserted out of order, with names equal but for case, so that id decides between them.
    std::vector<Agency> made;
    for (const std::string name : {"Police", "academy", "Council", "Academy", "health", "Borough", "academy"}) {
        made.push_back(this->agency_of(name));
    }
    std::vector<Agency> expected = made;
    std::sort(expected.begin(), expected.end(), [](const Agency& a, const Agency& b) {
        auto lower = [](std::string s) {
            for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            return s;
        };
        return std::pair(lower(a.name), a.id.value) < std::pair(lower(b.name), b.id.value);
    });
    for (const int limit : {1, 2, 3, 7, 50}) {
        const auto all = this->template every_page<Agency>(limit, [&](Transaction& tx, const PageRequest& page) {
            return tx.agencies().query(AgencyQuery{this->partnership, {}, {}, "", page});
        });
        EXPECT_EQ(ids_in(all), ids_in(expected)) << "pages of " << limit;
    }
    EXPECT_FALSE(this->agencies({PartnershipId{}, {}, {}, "", PageRequest{7, ""}}).next) << "no next after the last";
}

TYPED_TEST_P(DirectoryContract, AgenciesFilterByKindStatusTextAndPartnership) {
    this->agency_of("Merseyside Police", AgencyKind::statutory_partner);
    this->agency_of("Knowsley Council", AgencyKind::statutory_partner, false);
    this->agency_of("Halewood Academy");
    this->agency_of("Old School 100%", AgencyKind::relevant_agency, false);
    PartnershipId other;
    this->store->write([&](Transaction& tx) { other = tx.partnerships().insert({PartnershipId{}, "o", "O"}, shipped_rules()); });
    this->agency_of("Other Police", AgencyKind::statutory_partner, true, other);

    auto ask = [&](std::optional<AgencyKind> kind, std::optional<bool> active, std::string text) {
        return names_in(this->agencies({PartnershipId{}, kind, active, std::move(text), {}}).items);
    };
    using V = std::vector<std::string>;
    EXPECT_EQ(ask({}, {}, ""), (V{"Halewood Academy", "Knowsley Council", "Merseyside Police", "Old School 100%"}));
    EXPECT_EQ(ask(AgencyKind::statutory_partner, {}, ""), (V{"Knowsley Council", "Merseyside Police"}));
    EXPECT_EQ(ask({}, true, ""), (V{"Halewood Academy", "Merseyside Police"}));
    EXPECT_EQ(ask({}, false, ""), (V{"Knowsley Council", "Old School 100%"}));
    EXPECT_EQ(ask(AgencyKind::statutory_partner, true, ""), (V{"Merseyside Police"}));
    EXPECT_EQ(ask({}, {}, "POLICE"), (V{"Merseyside Police"})) << "text ignores case; another partnership's is unseen";
    EXPECT_EQ(ask({}, {}, "o"), (V{"Halewood Academy", "Knowsley Council", "Merseyside Police", "Old School 100%"}));
    EXPECT_EQ(ask({}, {}, "%"), (V{"Old School 100%"})) << "'%' is matched as itself";
    EXPECT_EQ(ask({}, {}, "_"), V{}) << "'_' is matched as itself";
    EXPECT_EQ(ask({}, {}, "nothing like it"), V{});
}

TYPED_TEST_P(DirectoryContract, PeoplePageInOrderAndFilterByAgencyStatusAndText) {
    const auto a = this->agency_of("Alpha");
    const auto b = this->agency_of("Beta");
    this->person("Zoe Adams", a.id, "zoe@alpha.org", "Designated Safeguarding Lead");
    this->person("ann Baker", a.id, "ann@alpha.org", "Head teacher", false);
    this->person("Bob Cole", b.id, "bob@beta.org", "Detective Inspector");
    this->person("Cy Dunn", AgencyId{}, "cy@independent.org", "Independent Scrutineer");
    this->person("Ann Baker", b.id, "ann.baker@beta.org", "Nurse");

    const auto all = this->template every_page<Person>(2, [&](Transaction& tx, const PageRequest& page) {
        return tx.people().query(PersonQuery{this->partnership, {}, {}, "", page});
    });
    using V = std::vector<std::string>;
    EXPECT_EQ(names_in(all), (V{"ann Baker", "Ann Baker", "Bob Cole", "Cy Dunn", "Zoe Adams"}));

    auto ask = [&](std::optional<AgencyId> agency, std::optional<bool> active, std::string text) {
        return names_in(this->people({PartnershipId{}, agency, active, std::move(text), {}}).items);
    };
    EXPECT_EQ(ask(a.id, {}, ""), (V{"ann Baker", "Zoe Adams"}));
    EXPECT_EQ(ask(a.id, true, ""), (V{"Zoe Adams"}));
    EXPECT_EQ(ask({}, false, ""), (V{"ann Baker"}));
    EXPECT_EQ(ask({}, {}, "baker"), (V{"ann Baker", "Ann Baker"})) << "on the name";
    EXPECT_EQ(ask({}, {}, "@BETA."), (V{"Ann Baker", "Bob Cole"})) << "on the email";
    EXPECT_EQ(ask({}, {}, "scrutineer"), (V{"Cy Dunn"})) << "on the job title";
    EXPECT_EQ(ask(b.id, true, "nurse"), (V{"Ann Baker"})) << "filters combine";
}

TYPED_TEST_P(DirectoryContract, NamesAreFoundForASetOfIdsInTheirPartnershipOnly) {
    // More ids than one batch of the lookup, to cross its boundary.
    std::vector<AgencyId> asked;
    std::map<AgencyId, std::string> expected;
    for (int i = 0; i < 60; ++i) {
        const auto a = this->agency_of("Agency " + std::to_string(i));
        if (i % 3 != 0) {
            asked.push_back(a.id);
            expected[a.id] = a.name;
        }
    }
    PartnershipId other;
    this->store->write([&](Transaction& tx) { other = tx.partnerships().insert({PartnershipId{}, "o", "O"}, shipped_rules()); });
    const auto elsewhere = this->agency_of("Elsewhere", AgencyKind::relevant_agency, true, other);
    asked.push_back(elsewhere.id);
    asked.push_back(AgencyId{987654});
    asked.push_back(asked.front());  // asked twice, answered once

    const auto ann = this->person("Ann", AgencyId{}, "ann@x.org");
    const auto bob = this->person("Bob", AgencyId{}, "bob@x.org");
    std::map<AgencyId, std::string> agency_names;
    std::map<PersonId, std::string> person_names, none;
    const auto di = this->person("Di", asked.front(), "di@x.org");
    std::map<PersonId, AgencyId> person_agencies;
    this->store->read([&](Transaction& tx) {
        agency_names = tx.agencies().names(this->partnership, asked);
        person_names = tx.people().names(this->partnership, {bob.id, ann.id});
        none = tx.people().names(this->partnership, {});
        person_agencies = tx.people().agencies_of(this->partnership, {ann.id, di.id, PersonId{987654}});
    });
    EXPECT_EQ(agency_names, expected);
    EXPECT_EQ(person_names, (std::map<PersonId, std::string>{{ann.id, "Ann"}, {bob.id, "Bob"}}));
    EXPECT_TRUE(none.empty());
    // Ann is independent (no agency) and 987654 is nobody: only Di is answered.
    EXPECT_EQ(person_agencies, (std::map<PersonId, AgencyId>{{di.id, asked.front()}}));
}

TYPED_TEST_P(DirectoryContract, UsersPageByTheirPeoplesNames) {
    std::vector<std::string> expected;
    for (const std::string name : {"Mo", "al", "Kit", "Bea", "Al"}) {
        const auto p = this->person(name, AgencyId{}, name + std::to_string(expected.size()) + "@x.org");
        this->member_account(p);
        expected.push_back(name);
    }
    const auto all = this->template every_page<User>(2, [&](Transaction& tx, const PageRequest& page) {
        return tx.users().query(UserQuery{this->partnership, page});
    });
    std::vector<std::string> names;
    for (const auto& u : all) names.push_back(u.display_name);
    EXPECT_EQ(names, (std::vector<std::string>{"al", "Al", "Bea", "Kit", "Mo"}));
}

TYPED_TEST_P(DirectoryContract, TheTrailPagesNewestFirstByTimeThenId) {
    // Several entries share a second, so the id orders them within it.
    this->store->write([&](Transaction& tx) {
        for (int i = 0; i < 9; ++i) {
            tx.audit().append(AuditEntry{0, this->partnership, 1000 + i / 3, UserId{}, "Ann", "agency.update", "agency",
                                         std::to_string(i), "", "{}"});
        }
    });
    const auto all = this->template every_page<AuditEntry>(4, [&](Transaction& tx, const PageRequest& page) {
        return tx.audit().query(this->everything(), page);
    });
    std::vector<std::string> order;
    for (const auto& e : all) order.push_back(e.entity_id);
    EXPECT_EQ(order, (std::vector<std::string>{"8", "7", "6", "5", "4", "3", "2", "1", "0"}));
}

TYPED_TEST_P(DirectoryContract, TheTrailsTextFilterMatchesWildcardsAsThemselves) {
    this->store->write([&](Transaction& tx) {
        int n = 0;
        for (const std::string label : {"Ann 100% <ann@x.org>", "Ann 1000 <ann@x.org>", "bo_b <b@x.org>", "boXb <c@x.org>"}) {
            tx.audit().append(AuditEntry{0, this->partnership, 1000 + n, UserId{}, label, "a", "agency",
                                         std::to_string(n), "", ""});
            ++n;
        }
    });
    auto labels = [&](const std::string& text) {
        AuditFilter f = this->everything();
        f.actor_text = text;
        std::vector<std::string> out;
        this->store->read([&](Transaction& tx) {
            for (const auto& e : tx.audit().query(f, PageRequest{}).items) out.push_back(e.actor_label);
            EXPECT_EQ(tx.audit().count(f), static_cast<int>(out.size()));
        });
        return out;
    };
    using V = std::vector<std::string>;
    EXPECT_EQ(labels("100%"), (V{"Ann 100% <ann@x.org>"}));
    EXPECT_EQ(labels("%"), (V{"Ann 100% <ann@x.org>"}));
    EXPECT_EQ(labels("o_b"), (V{"bo_b <b@x.org>"}));
    EXPECT_EQ(labels("ANN"), (V{"Ann 1000 <ann@x.org>", "Ann 100% <ann@x.org>"}));
    EXPECT_EQ(labels("\\"), V{});
}

TYPED_TEST_P(DirectoryContract, ACursorThatIsNotOursIsAFieldError) {
    this->agency_of("Alpha");
    const std::string wrong_parts = encode_cursor({"only one part"});
    const std::string not_a_number = encode_cursor({"alpha", "x1"});
    for (const auto& cursor : {wrong_parts, not_a_number}) {
        try {
            this->agencies({PartnershipId{}, {}, {}, "", PageRequest{10, cursor}});
            ADD_FAILURE() << "a bad cursor was accepted";
        } catch (const Failure& f) {
            EXPECT_EQ(f.code(), FailureCode::invalid);
            ASSERT_EQ(f.fields().size(), 1u);
            EXPECT_EQ(f.fields()[0].field, "cursor");
        }
    }
}

TYPED_TEST_P(DirectoryContract, RevokingAUsersTokensLeavesOtherUsersTokensLive) {
    std::vector<UserId> users;
    for (const std::string name : {"Ann", "Bob"}) {
        const auto p = this->person(name, AgencyId{}, name + "@x.org");
        users.push_back(this->member_account(p));
    }
    this->store->write([&](Transaction& tx) {
        tx.api_tokens().insert(ApiToken{"ann-1", users[0], "one", 1, false});
        tx.api_tokens().insert(ApiToken{"ann-2", users[0], "two", 2, false});
        tx.api_tokens().insert(ApiToken{"bob-1", users[1], "one", 3, false});
    });
    int revoked = 0;
    this->store->write([&](Transaction& tx) { revoked = tx.api_tokens().revoke_for_user(users[0], 10); });
    EXPECT_EQ(revoked, 2);
    this->store->write([&](Transaction& tx) { revoked = tx.api_tokens().revoke_for_user(users[0], 10); });
    EXPECT_EQ(revoked, 0) << "only live tokens are counted";
    this->store->read([&](Transaction& tx) {
        EXPECT_TRUE(tx.api_tokens().find("ann-1")->revoked);
        EXPECT_TRUE(tx.api_tokens().find("ann-2")->revoked);
        EXPECT_FALSE(tx.api_tokens().find("bob-1")->revoked);
    });
}

REGISTER_TYPED_TEST_SUITE_P(DirectoryContract, AgenciesPageByNameThenIdWithNoRepeatsOrGaps,
                            AgenciesFilterByKindStatusTextAndPartnership, PeoplePageInOrderAndFilterByAgencyStatusAndText,
                            NamesAreFoundForASetOfIdsInTheirPartnershipOnly, UsersPageByTheirPeoplesNames,
                            TheTrailPagesNewestFirstByTimeThenId, TheTrailsTextFilterMatchesWildcardsAsThemselves,
                            ACursorThatIsNotOursIsAFieldError, RevokingAUsersTokensLeavesOtherUsersTokensLive);

}  // namespace assure::testing
