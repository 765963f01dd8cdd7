// giosg v5: paged lists, both room-flag spellings, decimal default values, the code table.
#include "goal_fixtures.hpp"

#include "core/calendar.hpp"
#include "core/giosg_codes.hpp"

using namespace gp;
using namespace gp::test;

namespace {

GiosgCodeTable example_codes() {
    std::vector<Error> errors;
    const Json config = Json::parse(load_fixture("giosg_codes.json"), nullptr, false);
    GiosgCodeTable table = GiosgCodeTable::from_json(config, errors);
    REQUIRE(errors.empty());
    return table;
}

}  // namespace

TEST_CASE("giosg list: next URL, rooms, default values", "[giosg]") {
    const ReadResult r = read_goals(load_fixture("giosg_list.json"));
    INFO(describe(r.errors));
    REQUIRE(r.ok());
    REQUIRE(r.vendor == Vendor::giosg);
    CHECK(r.next.url == "https://service.giosg.com/api/v5/orgs/0b6e1f0a-5d7e-4c1b-9a53-7c0de0000001/goals?page=2");
    REQUIRE(r.goals.size() == 2);
    CHECK(r.goals[0].rooms.any_room);
    CHECK(r.goals[0].default_value == 2.5);
    CHECK(r.goals[0].created_at == parse_timestamp("2024-11-03T10:15:00.250Z"));
    CHECK_FALSE(r.goals[1].rooms.any_room);  // spelled allow_any_room
    CHECK(r.goals[1].rooms.allowed_rooms == std::vector<std::string>{"9a9a0001-1111-4222-8333-444455556666"});
    CHECK(r.goals[1].default_value == 149.90);  // "149.90" as a string
    CHECK(r.goals[0].extra["organization_id"] == "0b6e1f0a-5d7e-4c1b-9a53-7c0de0000001");
}

TEST_CASE("giosg codes missing from the table are unsupported, never matched", "[giosg]") {
    const ReadResult r = read_goals(load_fixture("giosg_list.json"));
    REQUIRE(r.goals.size() == 2);
    for (const Condition& c : r.goals[0].conditions) CHECK(c.op == ConditionOp::unsupported);
    CHECK(r.goals[0].conditions[0].vendor_code == 4);
    CHECK(r.goals[0].conditions[1].negate);
    CHECK(r.goals[0].conditions[1].settings["scope"] == "page");
}

TEST_CASE("giosg codes take their meaning from a configured table", "[giosg]") {
    const GiosgCodeTable codes = example_codes();
    ReadOptions options;
    options.giosg_codes = &codes;
    const ReadResult r = read_goals(load_fixture("giosg_list.json"), options);
    REQUIRE(r.ok());
    const Condition& path = r.goals[0].conditions[0];
    CHECK(path.field == ConditionField::path);
    CHECK(path.op == ConditionOp::starts_with);
    CHECK(r.goals[0].conditions[1].op == ConditionOp::unsupported);  // 99 is still unknown
    CHECK(r.goals[1].conditions[0].field == ConditionField::event_name);
}

TEST_CASE("giosg code table configuration errors name the entry", "[giosg]") {
    std::vector<Error> errors;
    const Json config = Json::parse(R"({"codes":[{"code":1,"field":"url","op":"equals"},{"code":"x","field":"nose","op":"equals"}]})", nullptr, false);
    const GiosgCodeTable table = GiosgCodeTable::from_json(config, errors);
    CHECK(table.entries().size() == 1);
    REQUIRE(errors.size() == 2);
    CHECK(errors[0].path == "/codes/1/code");
    CHECK(errors[1].path == "/codes/1/field");
}

TEST_CASE("giosg read -> write -> read keeps the model", "[giosg][roundtrip]") {
    const ReadResult r = read_goals(load_fixture("giosg_list.json"));
    REQUIRE(r.ok());
    require_round_trip(r.goals, Vendor::giosg);
    const GiosgCodeTable codes = example_codes();
    ReadOptions options;
    options.giosg_codes = &codes;
    const ReadResult mapped = read_goals(load_fixture("giosg_list.json"), options);
    require_round_trip(mapped.goals, Vendor::giosg, options);
}

TEST_CASE("giosg rules: rooms required unless any room, conflicting spellings", "[giosg][validate]") {
    const ReadResult no_rooms = read_goals(R"({"next":null,"results":[{"id":"a","name":"n","allow_any_room":false,"allowed_rooms":[],"conditions":[]}]})");
    CHECK(find_error(no_rooms, "/results/0/allowed_rooms", "required"));
    CHECK(no_rooms.goals.empty());
    const ReadResult conflict = read_goals(R"({"next":null,"results":[{"id":"a","is_any_room_allowed":true,"allow_any_room":false,"allowed_rooms":["r"],"conditions":[]}]})");
    CHECK_FALSE(conflict.ok());
    const ReadResult bad_code = read_goals(R"({"next":null,"results":[{"id":"a","is_any_room_allowed":true,"conditions":[{"type":"seven","value":"x"}]}]})");
    CHECK(find_error(bad_code, "/results/0/conditions/0/type", "bad_number"));
}
