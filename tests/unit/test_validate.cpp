// Detection with override, create-body requiredness, and rules that apply to every vendor.
#include "goal_fixtures.hpp"

#include "core/detect.hpp"
#include "core/validate.hpp"

using namespace gp;
using namespace gp::test;

TEST_CASE("each fixture's vendor is detected from its shape", "[validate][detect]") {
    const std::pair<const char*, Vendor> cases[] = {{"pipedrive_list.json", Vendor::pipedrive},
                                                    {"pipedrive_results.json", Vendor::pipedrive},
                                                    {"hubspot_list.json", Vendor::hubspot},
                                                    {"giosg_list.json", Vendor::giosg},
                                                    {"zendesk_list.json", Vendor::zendesk}};
    for (const auto& [file, vendor] : cases) {
        const Json doc = Json::parse(load_fixture(file), nullptr, false);
        INFO(file);
        CHECK(detect_vendor(doc) == vendor);
    }
    CHECK(detect_vendor(Json::parse(R"({"results":[],"paging":{}})")) == Vendor::hubspot);
    CHECK(detect_vendor(Json::parse(R"({"next":null,"previous":null,"results":[]})")) == Vendor::giosg);
    CHECK(detect_vendor(Json::parse(R"({"unrelated":true})")) == Vendor::unknown);
}

TEST_CASE("an explicit format overrides detection", "[validate][detect]") {
    // A bare goal object that looks like nobody's: read as Zendesk only when told so.
    const char* payload = R"({"id":7,"name":"plain"})";
    CHECK(read_goals(payload).errors.at(0).code == "unknown_format");
    ReadOptions zendesk;
    zendesk.format = Vendor::zendesk;
    const ReadResult r = read_goals(payload, zendesk);
    REQUIRE(r.ok());
    CHECK(r.vendor == Vendor::zendesk);
    CHECK(r.goals.at(0).title == "plain");
}

TEST_CASE("create bodies need each vendor's required fields", "[validate]") {
    std::vector<Error> errors;
    validate_create_body(Json::parse(R"({"title":"x","assignee":{"type":"person"},"type":{}})"), Vendor::pipedrive, "", errors);
    std::vector<std::string> paths;
    for (const Error& e : errors) paths.push_back(e.path);
    CHECK(paths == std::vector<std::string>{"/assignee/id", "/type/name", "/expected_outcome", "/expected_outcome",
                                            "/duration", "/interval"});
    errors.clear();
    validate_create_body(Json::parse(R"({"conditions":[]})"), Vendor::giosg, "", errors);
    REQUIRE(errors.size() == 2);
    CHECK(errors[0].path == "/name");
    CHECK(errors[1].path == "/is_any_room_allowed");
    errors.clear();
    validate_create_body(Json::parse("{}"), Vendor::zendesk, "", errors);
    CHECK(errors.empty());
    validate_create_body(Json::parse("[]"), Vendor::zendesk, "", errors);
    CHECK(errors.at(0).code == "type_mismatch");
}

TEST_CASE("validation can be switched off for raw reading", "[validate]") {
    const char* payload = R"([{"id":1,"settings":{"conditions":[{"type":"url","operator":"equals","value":"no-scheme"}]}}])";
    CHECK_FALSE(read_goals(payload).ok());
    ReadOptions raw;
    raw.validate = false;
    CHECK(read_goals(payload, raw).ok());
}
