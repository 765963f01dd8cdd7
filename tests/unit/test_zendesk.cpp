// Zendesk Chat v2: bare arrays, 0/1 or boolean enabled, url conditions, attribution.
#include "goal_fixtures.hpp"

#include "core/validate.hpp"

using namespace gp;
using namespace gp::test;

TEST_CASE("zendesk bare array reads every goal", "[zendesk]") {
    const ReadResult r = read_goals(load_fixture("zendesk_list.json"));
    INFO(describe(r.errors));
    REQUIRE(r.ok());
    REQUIRE(r.vendor == Vendor::zendesk);
    REQUIRE(r.goals.size() == 3);
    const Goal& checkout = r.goals[0];
    CHECK(checkout.id == "41");
    CHECK(checkout.active);  // enabled: 1
    CHECK(checkout.attribution == Attribution{AttributionModel::last_touch, 7});
    CHECK(checkout.combinator == Combinator::any);
    REQUIRE(checkout.conditions.size() == 2);
    CHECK(checkout.conditions[0].op == ConditionOp::equals);
    CHECK(checkout.conditions[1].op == ConditionOp::contains);
    CHECK(checkout.conditions[1].value == "/checkout/");
    CHECK_FALSE(r.goals[1].active);                  // enabled: false
    CHECK(r.goals[1].attribution.window_days == 30);  // "30" as a string
    CHECK(r.goals[2].active);                         // no enabled field
    CHECK(r.goals[2].extra["created_by"] == "ops");
}

TEST_CASE("zendesk single object", "[zendesk]") {
    const ReadResult r = read_goals(R"({"id":5,"name":"Pricing","enabled":0,"settings":{"conditions":[{"type":"url","operator":"contains","value":"pricing"}]}})");
    REQUIRE(r.ok());
    REQUIRE(r.goals.size() == 1);
    CHECK_FALSE(r.goals[0].active);
}

TEST_CASE("zendesk read -> write -> read keeps the model", "[zendesk][roundtrip]") {
    const ReadResult r = read_goals(load_fixture("zendesk_list.json"));
    REQUIRE(r.ok());
    require_round_trip(r.goals, Vendor::zendesk);
}

TEST_CASE("zendesk rules", "[zendesk][validate]") {
    SECTION("attribution_period 1..30") {
        for (const char* period : {"0", "31", "-2"}) {
            const ReadResult r = read_goals(std::string(R"([{"id":1,"attribution_model":"first_touch","attribution_period":)") + period + "}]");
            INFO(period);
            CHECK(find_error(r, "/0/attribution_period", "out_of_range"));
            CHECK(r.goals.empty());
        }
    }
    SECTION("an equals value starts with http:// or https://") {
        const ReadResult r = read_goals(R"([{"id":1,"settings":{"conditions":[{"type":"url","operator":"equals","value":"shop.example.org/"}]}}])");
        CHECK(find_error(r, "/0/settings/conditions/0/value", "bad_url"));
    }
    SECTION("operators and condition types are enums") {
        const ReadResult r = read_goals(R"([{"id":1,"settings":{"conditions":[{"type":"title","operator":"starts_with","value":"x"}]}}])");
        CHECK(find_error(r, "/0/settings/conditions/0/type", "bad_enum"));
        CHECK(find_error(r, "/0/settings/conditions/0/operator", "bad_enum"));
    }
    SECTION("at most five active goals") {
        std::vector<Goal> goals(7);
        for (size_t i = 0; i < goals.size(); ++i) goals[i].active = i != 2;
        std::vector<Error> errors;
        validate_collection(goals, Vendor::zendesk, errors);
        REQUIRE(errors.size() == 1);  // six active: the sixth is over the limit
        CHECK(errors[0].message == "Goals limit exceeded");
        CHECK(errors[0].path == "/6");
    }
}

TEST_CASE("zendesk writer refuses what Zendesk cannot express", "[zendesk]") {
    Goal g;
    g.vendor = Vendor::giosg;
    Condition path_condition;
    path_condition.field = ConditionField::path;
    path_condition.op = ConditionOp::starts_with;
    path_condition.value = "/x";
    g.conditions.push_back(path_condition);
    WriteOptions w;
    w.format = Vendor::zendesk;
    const WriteResult out = write_goals({g}, w);
    REQUIRE(out.errors.size() == 1);
    CHECK(out.errors[0].code == "not_representable");
    CHECK(out.document.empty());
}
