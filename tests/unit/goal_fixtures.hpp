// Helpers shared by the goal-format tests: fixture loading and the read -> write -> read check.
#pragma once

#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <string>

#include "core/read.hpp"
#include "core/write.hpp"

namespace gp::test {

inline std::string load_fixture(const std::string& name) {
    std::ifstream in(std::string(GP_FIXTURE_DIR) + "/goals/" + name, std::ios::binary);
    REQUIRE(in.good());
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

inline std::string describe(const std::vector<Error>& errors) {
    std::string out;
    for (const Error& e : errors) out += e.path + " " + e.code + ": " + e.message + "\n";
    return out;
}

// Writes `goals` in `vendor`'s format and reads them back; the model must come back unchanged.
inline ReadResult require_round_trip(const std::vector<Goal>& goals, Vendor vendor, const ReadOptions& read = {}) {
    WriteOptions w;
    w.format = vendor;
    w.giosg_codes = read.giosg_codes;
    const WriteResult written = write_goals(goals, w);
    INFO(describe(written.errors));
    REQUIRE(written.ok());
    ReadOptions again = read;
    again.format = vendor;
    ReadResult back = read_goals(written.text, again);
    INFO(written.text);
    INFO(describe(back.errors));
    REQUIRE(back.ok());
    REQUIRE(back.goals.size() == goals.size());
    for (size_t i = 0; i < goals.size(); ++i) CHECK(back.goals[i] == goals[i]);
    return back;
}

inline const Error* find_error(const ReadResult& r, const std::string& path, const std::string& code = {}) {
    for (const Error& e : r.errors)
        if (e.path == path && (code.empty() || e.code == code)) return &e;
    return nullptr;
}

}  // namespace gp::test
