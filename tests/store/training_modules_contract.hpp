#pragma once
// The store contract for online modules (issue 16 item 1): a module round-trips and its title is
// once a partnership; a stale save writes nothing; an enrolment is added, brought up to date or
// left as it was; the year's enrolments come with their module's title and agency's name; a
// module's enrolments page by name; and partnerships stay apart.
#include "app/ports/training_modules.hpp"
#include "store/contract.hpp"

namespace assure::testing {

template <class Factory>
class TrainingModulesContract : public StoreContract<Factory> {
protected:
    template <class F>
    auto with(F f) {
        decltype(f(std::declval<ModuleRepo&>())) out{};
        this->store->write([&](Transaction& tx) { out = f(dynamic_cast<ModuleTransaction&>(tx).online_modules()); });
        return out;
    }
    OnlineModule module(const char* title, PartnershipId in = {}) {
        OnlineModule m;
        m.partnership = in.valid() ? in : this->partnership;
        m.title = title;
        m.provider = "Virtual College";
        m.link = "https://elearning.example/" + std::string(title);
        return m;
    }
    ModuleEnrolment enrolment(ModuleId m, const char* name, const char* email, const char* applied) {
        ModuleEnrolment e;
        e.module = m;
        e.name = name;
        e.email = email;
        e.applied_on = *Date::parse(applied);
        return e;
    }
};

TYPED_TEST_SUITE_P(TrainingModulesContract);

TYPED_TEST_P(TrainingModulesContract, AModuleRoundTripsItsTitleIsOnceAndAStaleSaveWritesNothing) {
    const auto id = this->with([&](ModuleRepo& r) { return r.add(this->module("Hate Crime")); });
    ASSERT_TRUE(id);
    EXPECT_FALSE(this->with([&](ModuleRepo& r) { return r.add(this->module("Hate Crime")); })) << "once a partnership";
    auto found = this->with([&](ModuleRepo& r) { return r.find(this->partnership, *id); });
    ASSERT_TRUE(found);
    EXPECT_EQ(found->title, "Hate Crime");
    EXPECT_EQ(found->provider, "Virtual College");
    EXPECT_EQ(found->link, "https://elearning.example/Hate Crime");
    EXPECT_TRUE(found->active);
    EXPECT_EQ(found->version, 1);
    OnlineModule changed = *found;
    changed.active = false;
    changed.title = "Hate Crime Awareness";
    EXPECT_TRUE(this->with([&](ModuleRepo& r) { return r.save(changed, 1); }));
    EXPECT_FALSE(this->with([&](ModuleRepo& r) { return r.save(changed, 1); })) << "stale";
    found = this->with([&](ModuleRepo& r) { return r.find(this->partnership, *id); });
    EXPECT_EQ(found->title, "Hate Crime Awareness");
    EXPECT_FALSE(found->active);
    EXPECT_EQ(found->version, 2);
    this->with([&](ModuleRepo& r) { return r.add(this->module("Awareness of Domestic Abuse")); });
    const auto list = this->with([&](ModuleRepo& r) { return r.list(this->partnership); });
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].title, "Awareness of Domestic Abuse") << "by title";
}

TYPED_TEST_P(TrainingModulesContract, AnEnrolmentIsAddedBroughtUpToDateOrLeftAndReadWithItsNames) {
    const Agency council = this->agency("Knowsley Council");
    const ModuleId hate = *this->with([&](ModuleRepo& r) { return r.add(this->module("Hate Crime")); });
    ModuleEnrolment sam = this->enrolment(hate, "Sam Carter", "sam@example.org", "2016-04-05");
    sam.organisation = "KMBC";
    sam.agency = council.id;
    EXPECT_EQ(this->with([&](ModuleRepo& r) { return r.put_enrolment(this->partnership, sam); }), ModuleRepo::Put::added);
    EXPECT_EQ(this->with([&](ModuleRepo& r) { return r.put_enrolment(this->partnership, sam); }), ModuleRepo::Put::unchanged);
    sam.started_on = Date{2016, 4, 6};
    sam.completed_on = Date{2016, 4, 20};
    EXPECT_EQ(this->with([&](ModuleRepo& r) { return r.put_enrolment(this->partnership, sam); }), ModuleRepo::Put::updated);
    ModuleEnrolment jo = this->enrolment(hate, "Jo Bloggs", "jo@example.org", "2017-04-01");
    jo.organisation = "Locum agency";
    this->with([&](ModuleRepo& r) { return r.put_enrolment(this->partnership, jo); });

    const auto year = this->with([&](ModuleRepo& r) { return r.applied_between(this->partnership, Date{2016, 4, 1}, Date{2017, 3, 31}, std::nullopt); });
    ASSERT_EQ(year.size(), 1u) << "Jo applied in the next year";
    EXPECT_EQ(year[0].module_title, "Hate Crime");
    EXPECT_EQ(year[0].agency, council.id);
    EXPECT_EQ(year[0].agency_name, "Knowsley Council") << "the agency's name over the organisation typed";
    EXPECT_EQ(year[0].organisation, "KMBC");
    EXPECT_EQ(year[0].started_on, (Date{2016, 4, 6}));
    EXPECT_EQ(year[0].completed_on, (Date{2016, 4, 20}));
    const auto next = this->with([&](ModuleRepo& r) { return r.applied_between(this->partnership, Date{2017, 4, 1}, Date{2018, 3, 31}, std::nullopt); });
    ASSERT_EQ(next.size(), 1u);
    EXPECT_EQ(next[0].agency_name, "Locum agency") << "no agency: the organisation as reported";
    EXPECT_FALSE(next[0].started_on);
}

TYPED_TEST_P(TrainingModulesContract, AModulesEnrolmentsPageByNameAndPartnershipsStayApart) {
    const ModuleId hate = *this->with([&](ModuleRepo& r) { return r.add(this->module("Hate Crime")); });
    for (const char* name : {"Cara Dunne", "ali Khan", "Ben Lowe"}) {
        const std::string email = std::string(name).substr(0, 3) + "@example.org";
        this->with([&](ModuleRepo& r) { return r.put_enrolment(this->partnership, this->enrolment(hate, name, email.c_str(), "2016-05-01")); });
    }
    PartnershipId other;
    this->store->write([&](Transaction& tx) { other = tx.partnerships().insert({PartnershipId{}, "other", "Other"}, shipped_rules()); });
    const ModuleId theirs = *this->with([&](ModuleRepo& r) { return r.add(this->module("Hate Crime", other)); }) ;
    this->with([&](ModuleRepo& r) { return r.put_enrolment(other, this->enrolment(theirs, "Aaron Abbott", "aaron@example.org", "2016-05-01")); });

    const auto first = this->with([&](ModuleRepo& r) { return r.enrolments(this->partnership, hate, PageRequest{2, ""}); });
    ASSERT_EQ(first.items.size(), 2u);
    EXPECT_EQ(first.items[0].name, "ali Khan") << "by name, in any case";
    EXPECT_EQ(first.items[1].name, "Ben Lowe");
    ASSERT_TRUE(first.next);
    const auto second = this->with([&](ModuleRepo& r) { return r.enrolments(this->partnership, hate, PageRequest{2, *first.next}); });
    ASSERT_EQ(second.items.size(), 1u);
    EXPECT_EQ(second.items[0].name, "Cara Dunne");
    EXPECT_FALSE(second.next);
    EXPECT_FALSE(this->with([&](ModuleRepo& r) { return r.find(this->partnership, theirs); })) << "another partnership's";
    EXPECT_TRUE(this->with([&](ModuleRepo& r) { return r.enrolments(this->partnership, theirs, PageRequest{}); }).items.empty());
    EXPECT_EQ(this->with([&](ModuleRepo& r) { return r.applied_between(other, Date{2016, 4, 1}, Date{2017, 3, 31}, std::nullopt); }).size(), 1u);
    EXPECT_EQ(this->with([&](ModuleRepo& r) { return r.applied_between(this->partnership, Date{2016, 4, 1}, Date{2017, 3, 31}, hate); }).size(), 3u);
    EXPECT_TRUE(this->with([&](ModuleRepo& r) { return r.applied_between(this->partnership, Date{2016, 4, 1}, Date{2017, 3, 31}, theirs); }).empty()) << "one module only";
    EXPECT_EQ(this->with([&](ModuleRepo& r) { return r.list(this->partnership); }).size(), 1u);
}

REGISTER_TYPED_TEST_SUITE_P(TrainingModulesContract, AModuleRoundTripsItsTitleIsOnceAndAStaleSaveWritesNothing,
                            AnEnrolmentIsAddedBroughtUpToDateOrLeftAndReadWithItsNames, AModulesEnrolmentsPageByNameAndPartnershipsStayApart);

}  // namespace assure::testing
