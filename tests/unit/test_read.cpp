#include <catch2/catch.hpp>

#include "core/read.hpp"

using namespace gp;

TEST_CASE("malformed JSON is an error at the root, not a crash", "[read]") {
    const ReadResult r = read_goals("{\"success\": true, \"data\": {\"goals\": [");
    REQUIRE_FALSE(r.ok());
    CHECK(r.errors.front().code == "malformed_json");
    CHECK(r.goals.empty());
}

TEST_CASE("payloads over the size limit are refused before parsing", "[read]") {
    ReadOptions small;
    small.max_bytes = 8;
    const ReadResult r = read_goals("{\"success\": true}", small);
    REQUIRE_FALSE(r.ok());
    CHECK(r.errors.front().code == "too_large");
}
