#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include "core/calendar.hpp"
#include "core/data_readers.hpp"

using namespace gp;

namespace {

std::string fixture(const char* name) {
    std::ifstream in(std::string(GP_FIXTURE_DIR) + "/progress/" + name, std::ios::binary);
    REQUIRE(in.good());
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

TimestampMs ts(const char* text) {
    const auto t = parse_timestamp(text);
    REQUIRE(t.has_value());
    return *t;
}

}  // namespace

TEST_CASE("Pipedrive deals: fields, user objects, pagination", "[data_readers]") {
    const DataReadResult r = read_events(fixture("pipedrive_deals.json"));
    REQUIRE(r.ok());
    REQUIRE(r.rows.deals.size() == 4);
    const DealRow& first = r.rows.deals[0];
    CHECK(first.id == "101");
    CHECK(first.owner == "7");  // from the user_id object
    CHECK(first.pipeline == 1);
    CHECK(first.status == DealStatus::won);
    CHECK(first.value == 1500.0);
    CHECK(first.currency == "EUR");
    CHECK(first.won_time == ts("2024-02-10 09:30:00"));
    CHECK(r.rows.deals[1].status == DealStatus::open);
    CHECK(r.rows.deals[1].probability == 40.0);
    CHECK(r.rows.deals[1].expected_close == parse_civil_date("2024-03-20"));
    CHECK_FALSE(r.rows.deals[3].add_time.has_value());  // "not a time": kept without it, counted later
    CHECK(r.next.cursor == "4");
}

TEST_CASE("Pipedrive activities and deal flow stage changes", "[data_readers]") {
    const DataReadResult a = read_events(fixture("pipedrive_activities.json"));
    REQUIRE(a.ok());
    REQUIRE(a.rows.activities.size() == 3);
    CHECK(a.rows.activities[0].done);
    CHECK(a.rows.activities[0].type == 9);
    CHECK(a.rows.activities[0].done_time == ts("2024-02-12 16:00:00"));
    CHECK_FALSE(a.rows.activities[1].done);

    const DataReadResult f = read_events(fixture("pipedrive_deal_flow.json"));
    REQUIRE(f.ok());
    REQUIRE(f.rows.stage_changes.size() == 2);  // the title change in the flow is not a stage entry
    CHECK(f.rows.stage_changes[0].deal_id == "102");
    CHECK(f.rows.stage_changes[0].stage == 3);
    CHECK(f.rows.stage_changes[0].time == ts("2024-02-05 10:00:00"));
}

TEST_CASE("HubSpot deals: closed-won deals by closedate, amounts as text", "[data_readers]") {
    const DataReadResult r = read_events(fixture("hubspot_deals.json"));
    REQUIRE(r.ok());
    REQUIRE(r.rows.deals.size() == 2);
    CHECK(r.rows.deals[0].status == DealStatus::won);
    CHECK(r.rows.deals[0].value == 2500.5);
    CHECK(r.rows.deals[0].owner == "501");
    CHECK(r.rows.deals[0].won_time == ts("2024-01-20T15:00:00Z"));
    CHECK(r.rows.deals[1].status == DealStatus::open);
    CHECK(r.next.cursor == "abc");
}

TEST_CASE("the canonical format reads the same in JSON and CSV", "[data_readers]") {
    const DataReadResult json = read_events(fixture("canonical_events.json"));
    const DataReadResult csv = read_events(fixture("canonical_deals.csv"));
    REQUIRE(json.ok());
    REQUIRE(csv.ok());
    REQUIRE(json.rows.deals.size() == csv.rows.deals.size());
    for (size_t i = 0; i < csv.rows.deals.size(); ++i) {
        CHECK(json.rows.deals[i].id == csv.rows.deals[i].id);
        CHECK(json.rows.deals[i].value == csv.rows.deals[i].value);
        CHECK(json.rows.deals[i].won_time == csv.rows.deals[i].won_time);
        CHECK(json.rows.deals[i].owner == csv.rows.deals[i].owner);
    }
    CHECK(json.rows.activities.size() == 1);
    CHECK(json.rows.stage_changes.size() == 1);
    CHECK(csv.rows.deals[1].currency == "USD, old");  // a quoted field with a comma
}

TEST_CASE("currencies and team membership", "[data_readers]") {
    const CurrencyReadResult c = read_pipedrive_currencies(fixture("pipedrive_currencies.json"));
    REQUIRE(c.errors.size() == 1);  // the entry without a code, named by its place
    CHECK(c.errors[0].path == "/data/2");
    REQUIRE(c.currencies.size() == 2);
    CHECK(c.currencies[0].id == 1);
    CHECK(c.currencies[0].code == "EUR");
    CHECK(c.currencies[1].decimals == 0);

    const MembershipReadResult m = read_membership(fixture("teams.json"));
    REQUIRE(m.errors.empty());
    REQUIRE(m.membership.teams.count("3") == 1);
    CHECK(m.membership.teams.at("3") == std::vector<std::string>{"7", "8"});
    CHECK(m.membership.users.size() == 3);
}

TEST_CASE("hostile payloads are errors, never crashes", "[data_readers]") {
    CHECK_FALSE(read_events("{\"data\": [").ok());
    CHECK_FALSE(read_events(std::string(10000, '[')).ok());
    CHECK_FALSE(read_events("{\"data\": 5}").ok());
    CHECK_FALSE(read_events("nonsense,header\n1,2\n").ok());
    const DataReadResult mixed = read_events("{\"data\": [1, \"x\", {\"id\": 5, \"add_time\": \"2024-01-01 00:00:00\"}]}");
    REQUIRE(mixed.ok());
    CHECK(mixed.rows.deals.size() == 1);
    CHECK(mixed.ignored.by_reason.at("not_an_object") == 2);
    const DataReadResult ragged = read_canonical_csv("id,owner,value\n1,7,10\n2,7\n");
    CHECK(ragged.rows.deals.size() == 1);
    CHECK(ragged.ignored.by_reason.at("bad_row") == 1);
}
