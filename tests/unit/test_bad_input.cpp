// Hostile and broken payloads: every one gives an error naming the place, none crashes, and the valid
// goals that came with them are kept.
#include "goal_fixtures.hpp"

#include <algorithm>

using namespace gp;
using namespace gp::test;

namespace {

const char* kGoodZendesk = R"({"id":1,"name":"ok","settings":{"conditions":[{"type":"url","operator":"contains","value":"a"}]}})";

std::string zendesk_list(const std::string& middle) { return std::string("[") + kGoodZendesk + "," + middle + "," + kGoodZendesk + "]"; }

}  // namespace

TEST_CASE("malformed JSON is one error at the root", "[bad_input]") {
    for (const char* text : {"", "{", "[1,2", "{\"a\" 1}", "nul", "[\"unterminated]", "{\"a\":1}}"}) {
        const ReadResult r = read_goals(text, ReadOptions{Vendor::zendesk});
        INFO(text);
        REQUIRE(r.errors.size() == 1);
        CHECK(r.errors[0].path.empty());
        CHECK(r.errors[0].code == "malformed_json");
    }
}

TEST_CASE("nesting past the depth limit is refused before parsing", "[bad_input]") {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    const ReadResult r = read_goals(deep);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].code == "too_deep");
    ReadOptions shallow;
    shallow.max_depth = 3;
    const ReadResult named = read_goals(R"([{"settings":{"conditions":[{}]}}])", shallow);
    REQUIRE_FALSE(named.ok());
    CHECK(named.errors[0].code == "too_deep");
    CHECK(named.errors[0].path == "/0/settings/conditions");
}

TEST_CASE("invalid UTF-8 inside one goal is repaired and reported there", "[bad_input]") {
    const std::string bad = std::string(R"({"id":2,"name":"caf)") + "\xC3\x28" + R"(","settings":{"conditions":[]}})";
    const ReadResult r = read_goals(zendesk_list(bad));
    REQUIRE(r.goals.size() == 2);  // the two good goals survive
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].path == "/1/name");
    CHECK(r.errors[0].code == "bad_utf8");
    const ReadResult surrogate = read_goals(zendesk_list(R"({"id":3,"description":"\ud800x"})"));
    CHECK(surrogate.goals.size() == 2);
    CHECK(find_error(surrogate, "/1/description", "bad_utf8"));
    const ReadResult in_key = read_goals(zendesk_list(std::string("{\"id\":4,\"k\xFF\":1}")));
    CHECK(in_key.goals.size() == 2);
    CHECK(find_error(in_key, "/1", "bad_utf8"));
}

TEST_CASE("wrong types at every field are errors at that field", "[bad_input]") {
    const char* fields[] = {"id", "name", "description", "enabled", "attribution_model", "attribution_period", "settings"};
    for (const char* field : fields) {
        for (const char* value : {"{}", "[]", "true", "\"zz\"", "1.5"}) {
            const std::string item = std::string("{\"") + field + "\":" + value + "}";
            const ReadResult r = read_goals(zendesk_list(item));
            INFO(item);
            CHECK(r.goals.size() >= 2);  // the neighbours always survive
            if (r.goals.size() == 2) CHECK(find_error(r, std::string("/1/") + field));
        }
    }
}

TEST_CASE("nulls read as absent, never as a crash", "[bad_input]") {
    const ReadResult r = read_goals(R"({"success":true,"data":{"goals":[{"id":null,"title":null,"assignee":null,"type":{"name":"deals_won","params":null},"expected_outcome":{"target":null},"duration":null,"interval":null}, null]}})");
    REQUIRE(r.goals.size() == 1);
    CHECK(r.goals[0].title.empty());
    CHECK(find_error(r, "/data/goals/1", "type_mismatch"));
    const ReadResult data_null = read_goals(R"({"success":true,"data":null})");
    CHECK(data_null.ok());
    CHECK(data_null.goals.empty());
}

TEST_CASE("numbers as strings are read, and bad and huge numbers are errors at their place", "[bad_input]") {
    const std::string payload = R"({"data":{"goals":[
        {"id":"a","type":{"name":"deals_won","params":{"pipeline_id":["4"]}},"expected_outcome":{"target":"1e3","tracking_metric":"quantity"}},
        {"id":"b","type":{"name":"deals_won"},"expected_outcome":{"target":1e400,"tracking_metric":"quantity"}},
        {"id":"c","type":{"name":"deals_won"},"expected_outcome":{"target":"NaN","tracking_metric":"quantity"}},
        {"id":"d","type":{"name":"deals_won","params":{"stage_id":123456789012345678901234567890}}},
        {"id":"e","type":{"name":"deals_won"},"expected_outcome":{"target":12345678901234567890123456789012345678901234567890,"tracking_metric":"quantity"}}]}})";
    const ReadResult r = read_goals(payload);
    REQUIRE(r.goals.size() == 2);
    CHECK(r.goals[0].target.amount == 1000);
    CHECK(r.goals[0].metric.pipeline_ids == std::vector<int64_t>{4});
    CHECK(r.goals[1].id == "e");  // a very long integer still fits a double
    CHECK(find_error(r, "/data/goals/1/expected_outcome/target", "bad_number"));
    CHECK(find_error(r, "/data/goals/2/expected_outcome/target", "bad_number"));
    CHECK(find_error(r, "/data/goals/3/type/params/stage_id", "bad_number"));
}

TEST_CASE("unknown fields are kept, never fatal", "[bad_input]") {
    const ReadResult r = read_goals(R"([{"id":1,"mystery":{"deep":[1,2]},"settings":{"conditions":[],"color":"red"}}])");
    REQUIRE(r.ok());
    CHECK(r.goals[0].extra["mystery"]["deep"] == Json::array({1, 2}));
    CHECK(r.goals[0].extra["settings"]["color"] == "red");
}

TEST_CASE("payload size limit", "[bad_input]") {
    ReadOptions small;
    small.max_bytes = 16;
    const ReadResult r = read_goals(zendesk_list("{}"), small);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].code == "too_large");
    CHECK(r.errors[0].status == 413);
}

TEST_CASE("a 50 MB payload is read, and refused under a lower limit", "[bad_input][large]") {
    // A few goals whose descriptions carry the bulk, so the test measures the pipeline rather than memory.
    std::string payload = "[";
    const size_t description_bytes = 10u * 1024u * 1024u;
    for (int i = 0; i < 5; ++i) {
        if (i) payload += ",";
        payload += "{\"id\":" + std::to_string(i) + ",\"name\":\"big\",\"description\":\"";
        payload.append(description_bytes, static_cast<char>('a' + i));
        payload += "\"}";
    }
    payload += "]";
    REQUIRE(payload.size() > 50u * 1024u * 1024u);
    const ReadResult r = read_goals(payload, ReadOptions{Vendor::zendesk});
    INFO(describe(r.errors));
    REQUIRE(r.ok());
    REQUIRE(r.goals.size() == 5);
    CHECK(r.goals[4].description.size() == description_bytes);
    CHECK(std::all_of(r.goals[4].description.begin(), r.goals[4].description.end(), [](char c) { return c == 'e'; }));
    ReadOptions limited{Vendor::zendesk};
    limited.max_bytes = 50u * 1024u * 1024u;
    CHECK(read_goals(payload, limited).errors.at(0).code == "too_large");
}

TEST_CASE("an envelope of the wrong shape names the place", "[bad_input]") {
    const ReadResult r = read_goals(R"({"success":true,"data":{"goals":{"not":"an array"}}})");
    CHECK(find_error(r, "/data/goals", "type_mismatch"));
    const ReadResult results = read_goals(R"({"next":null,"results":7})");
    CHECK(find_error(results, "/results", "type_mismatch"));
    const ReadResult unknown = read_goals(R"({"hello":"world"})");
    CHECK(find_error(unknown, "", "unknown_format"));
    const ReadResult scalar = read_goals("42");
    CHECK_FALSE(scalar.ok());
}
