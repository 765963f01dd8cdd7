#include <catch2/catch.hpp>

#include <cerrno>
#include <cfloat>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>

#include "core/json_access.hpp"
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

namespace {

double parsed_number(const std::string& text) {
    const ParsedJson parsed = parse_json(text);
    REQUIRE(parsed.ok());
    REQUIRE(parsed.doc.is_number_float());
    return parsed.doc.get<double>();
}

}  // namespace

TEST_CASE("JSON numbers are read to the correctly rounded double", "[read]") {
    CHECK(parsed_number("0.1") == 0x1.999999999999ap-4);
    CHECK(parsed_number("1e23") == 0x1.52d02c7e14af6p+76);  // halfway cases get this wrong when done naively
    CHECK(parsed_number("-1.5e-3") == -0.0015);
    CHECK(parsed_number("3.14159265358979323846264338327950288419716939937510") == 0x1.921fb54442d18p+1);
    CHECK(parsed_number("0.1000000000000000055511151231257827021181583404541015625") == 0x1.999999999999ap-4);
    // 2^53 + 1 as a float token rounds to even; as an integer token it stays exact
    CHECK(parsed_number("9007199254740993.0") == 9007199254740992.0);
    CHECK(parsed_number("9007199254740995.0") == 9007199254740996.0);
    CHECK(parse_json("9007199254740993").doc.get<uint64_t>() == 9007199254740993u);
    // the edges of the normal range, and past them
    CHECK(parsed_number("2.2250738585072014e-308") == DBL_MIN);
    CHECK(parsed_number("2.2250738585072011e-308") == 0x0.fffffffffffffp-1022);
    CHECK(parsed_number("4.9e-324") == 0x1p-1074);
    CHECK(parsed_number("2.4703282292062328e-324") == 0x1p-1074);
    CHECK(parsed_number("2.4703282292062327e-324") == 0.0);
    CHECK(parsed_number("1e-400") == 0.0);
    CHECK(std::signbit(parsed_number("-1e-400")));
    CHECK(parsed_number("0.0") == 0.0);
    CHECK(parsed_number("1.7976931348623157e308") == DBL_MAX);
    CHECK(parsed_number("1.7976931348623158e308") == DBL_MAX);
}

TEST_CASE("JSON integers keep nlohmann's types: unsigned, negative, or a double past 64 bits", "[read]") {
    const Json doc = parse_json("[0, -0, 18446744073709551615, -9223372036854775808, 18446744073709551616, "
                                "-9223372036854775809, 1E2]").doc;
    REQUIRE(doc.size() == 7);
    CHECK(doc[0].is_number_unsigned());
    CHECK(doc[1].is_number_integer());
    CHECK_FALSE(doc[1].is_number_unsigned());
    CHECK(doc[2].get<uint64_t>() == UINT64_MAX);
    CHECK(doc[3].is_number_integer());
    CHECK(doc[3].get<int64_t>() == INT64_MIN);
    CHECK(doc[4].is_number_float());
    CHECK(doc[4].get<double>() == 18446744073709551616.0);
    CHECK(doc[5].is_number_float());
    CHECK(doc[6].is_number_float());
}

TEST_CASE("a number too large for a double is kept as its text, and the reader names its place", "[read]") {
    const ParsedJson parsed = parse_json("[1e400, -1.7976931348623159e308, 2]");
    REQUIRE(parsed.ok());
    CHECK(parsed.doc[0] == "1e400");
    CHECK(parsed.doc[1] == "-1.7976931348623159e308");
    CHECK(parsed.doc[2] == 2);
    const ReadResult r = read_goals(R"({"data":{"goals":[{"id":"b","type":{"name":"deals_won"},
        "expected_outcome":{"target":1e400,"tracking_metric":"quantity"}}]}})");
    CHECK(r.goals.empty());
    bool named = false;
    for (const Error& e : r.errors) named |= e.path == "/data/goals/0/expected_outcome/target" && e.code == "bad_number";
    CHECK(named);
}

TEST_CASE("read_decimal agrees with the C library's strtod bit for bit, to the edges of the range", "[read]") {
    std::mt19937_64 rng(20240601);
    std::uniform_int_distribution<int> digit_count(1, 25), exponent(-330, 310), point(0, 25);
    std::uniform_int_distribution<int> digit(0, 9);
    int subnormal_or_out_of_range = 0;
    for (int n = 0; n < 20000; ++n) {
        std::string text = n % 2 ? "-" : "";
        const int digits = digit_count(rng), dot = point(rng);
        for (int i = 0; i < digits; ++i) {
            if (i == dot && i > 0) text.push_back('.');
            text.push_back(static_cast<char>('0' + digit(rng)));
        }
        if (n % 3) text += "e" + std::to_string(exponent(rng));
        double read = 0;
        const char* end = read_decimal(text.data(), text.data() + text.size(), read);
        char* real_end = nullptr;
        const double real = std::strtod(text.c_str(), &real_end);
        INFO(text);
        REQUIRE(std::memcmp(&read, &real, sizeof real) == 0);
        REQUIRE(end == text.data() + (real_end - text.c_str()));
        if (std::fabs(real) < DBL_MIN || !std::isfinite(real)) ++subnormal_or_out_of_range;
    }
    CHECK(subnormal_or_out_of_range > 500);  // the edges are well covered, not only the normal range
}

TEST_CASE("the fast path agrees with the C library's strtod bit for bit where it applies", "[read]") {
    // Up to 19 significant digits and powers of ten within 1e22 either way: the numbers read_decimal
    // converts itself, and the edges around them (20 digits, 1e23, 2^53 + 1) that it must hand on.
    std::mt19937_64 rng(20261203);
    std::uniform_int_distribution<int> digit_count(1, 20), exponent(-26, 26), point(0, 20), digit(0, 9);
    for (int n = 0; n < 50000; ++n) {
        std::string text = n % 2 ? "-" : (n % 5 ? "" : "+");
        const int digits = digit_count(rng), dot = point(rng);
        for (int i = 0; i < digits; ++i) {
            if (i == dot) text.push_back('.');
            text.push_back(static_cast<char>('0' + digit(rng)));
        }
        if (n % 3) text += (n % 7 ? "e" : "E") + std::to_string(exponent(rng));
        double read = 0;
        const char* end = read_decimal(text.data(), text.data() + text.size(), read);
        char* real_end = nullptr;
        const double real = std::strtod(text.c_str(), &real_end);
        INFO(text);
        REQUIRE(std::memcmp(&read, &real, sizeof real) == 0);
        REQUIRE(end == text.data() + (real_end - text.c_str()));
    }
    for (const char* text : {"9007199254740993", "9007199254740993e-3", "1e23", "123456789012345678901", "1e-23",
                             "0.000000000000000000000000001", "00000000000000000000000001.5", "-0", "-0.0e5"}) {
        double read = 0;
        read_decimal(text, text + std::strlen(text), read);
        const double real = std::strtod(text, nullptr);
        INFO(text);
        CHECK(std::memcmp(&read, &real, sizeof real) == 0);
    }
}

TEST_CASE("read_decimal reads the decimal form and stops where it ends", "[read]") {
    double value = -1;
    const auto read = [&](std::string_view text) {
        value = -1;
        return static_cast<size_t>(read_decimal(text.data(), text.data() + text.size(), value) - text.data());
    };
    CHECK(read("12.5kg") == 4);
    CHECK(value == 12.5);
    CHECK(read(".5") == 2);
    CHECK(value == 0.5);
    CHECK(read("5.") == 2);
    CHECK(value == 5.0);
    CHECK(read("1e") == 1);  // an exponent needs digits
    CHECK(read("2E+2") == 4);
    CHECK(value == 200.0);
    CHECK(read(".") == 0);
    CHECK(read("-") == 0);
    CHECK(read("+-1") == 0);
    CHECK(read("inf") == 0);  // not a decimal
    CHECK(read("0x10") == 1);
    CHECK(read("1e400") == 5);
    CHECK(std::isinf(value));
    CHECK(parse_decimal("+2.25") == 2.25);
    CHECK_FALSE(parse_decimal("0x10"));
    CHECK_FALSE(parse_decimal("1e400"));
    CHECK_FALSE(parse_decimal("nan"));
    CHECK_FALSE(parse_decimal(" 1"));
    CHECK_FALSE(parse_decimal(""));
}

// The value accessors are the one grammar of the lenient forms; ObjectReader and the data-row readers
// both stand on them, so a change here shows in every reader at once.
TEST_CASE("member treats a null as absent and find_member keeps it", "[read]") {
    const Json doc = Json::parse(R"({"a": null, "b": 1, "a/b": 2})");
    CHECK(member(doc, "a") == nullptr);
    REQUIRE(find_member(doc, "a") != nullptr);
    CHECK(find_member(doc, "a")->is_null());
    CHECK(find_member(doc, "zz") == nullptr);
    CHECK(*member(doc, "a/b") == 2);  // keys are looked up as given, not as paths
    CHECK(member(Json::parse("[1]"), "b") == nullptr);
    CHECK(member(static_cast<const Json*>(nullptr), "b") == nullptr);
    CHECK(*member(&doc, "b") == 1);
}

TEST_CASE("id_value takes strings and integers but not floats", "[read]") {
    const Json doc = Json::parse(R"([ "x7", 42, -3, 18446744073709551615, 4.0, true ])");
    CHECK(id_value(&doc[0]) == std::optional<std::string>("x7"));
    CHECK(id_value(&doc[1]) == std::optional<std::string>("42"));
    CHECK(id_value(&doc[2]) == std::optional<std::string>("-3"));
    CHECK(id_value(&doc[3]) == std::optional<std::string>("18446744073709551615"));
    CHECK_FALSE(id_value(&doc[4]));
    CHECK_FALSE(id_value(&doc[5]));
    CHECK_FALSE(id_value(nullptr));
}

TEST_CASE("integer_value reads integral numbers and strings in the 64-bit range", "[read]") {
    const Json doc = Json::parse(R"([ 7, 7.0, "7", "7.0", "1e3", 7.5, "7x", 9223372036854775808, "", null ])");
    CHECK(integer_value(&doc[0]) == 7);
    CHECK(integer_value(&doc[1]) == 7);
    CHECK(integer_value(&doc[2]) == 7);
    CHECK(integer_value(&doc[3]) == 7);
    CHECK(integer_value(&doc[4]) == 1000);
    CHECK_FALSE(integer_value(&doc[5]));
    CHECK_FALSE(integer_value(&doc[6]));
    CHECK_FALSE(integer_value(&doc[7]));  // 2^63 as an unsigned JSON integer
    CHECK_FALSE(integer_value(&doc[8]));
    CHECK_FALSE(integer_value(&doc[9]));
}

TEST_CASE("number_value reads finite numbers and decimal strings", "[read]") {
    const Json doc = Json::parse(R"([ 1.5, -2, "1200.50", "+3", " 3", "abc", true ])");
    CHECK(number_value(&doc[0]) == 1.5);
    CHECK(number_value(&doc[1]) == -2.0);
    CHECK(number_value(&doc[2]) == 1200.5);
    CHECK(number_value(&doc[3]) == 3.0);
    CHECK_FALSE(number_value(&doc[4]));  // the whole text, no spaces
    CHECK_FALSE(number_value(&doc[5]));
    CHECK_FALSE(number_value(&doc[6]));
    const Json infinite = HUGE_VAL;  // the parser refuses it; a Json built in code may hold it
    CHECK_FALSE(number_value(&infinite));
}

TEST_CASE("boolean_value reads true and false, 0 and 1, as values or text", "[read]") {
    const Json doc = Json::parse(R"([ true, false, 1, 0, "true", "0", 2, "yes", 1.0 ])");
    CHECK(boolean_value(&doc[0]) == true);
    CHECK(boolean_value(&doc[1]) == false);
    CHECK(boolean_value(&doc[2]) == true);
    CHECK(boolean_value(&doc[3]) == false);
    CHECK(boolean_value(&doc[4]) == true);
    CHECK(boolean_value(&doc[5]) == false);
    CHECK_FALSE(boolean_value(&doc[6]));
    CHECK_FALSE(boolean_value(&doc[7]));
    CHECK(boolean_value(&doc[8]) == true);
}

TEST_CASE("text_value gives the empty string for anything but a string", "[read]") {
    const Json doc = Json::parse(R"({"s": "x", "n": 5})");
    CHECK(text_value(member(doc, "s")) == "x");
    CHECK(text_value(member(doc, "n")).empty());
    CHECK(text_value(member(doc, "missing")).empty());
    CHECK(string_value(member(doc, "n")) == nullptr);
}

TEST_CASE("ObjectReader names a place as a JSON pointer, escaped, at any length", "[read]") {
    const Json doc = Json::parse(R"({"a/b": {"c~d": {"n": "x"}}})");
    std::vector<Error> errors;
    int64_t n = 0;
    // A child of a temporary reader keeps its own path.
    ObjectReader inner = ObjectReader(&doc, "/data", errors).object("a/b").object("c~d");
    CHECK_FALSE(inner.integer("n", n));
    const std::string long_root = "/" + std::string(80, 'r');  // past the reader's inline room
    ObjectReader(&doc, long_root, errors).object("a/b").object("c~d").integer("n", n);
    const std::string just_fits = "/" + std::string(63 - std::string("/a~1b").size() - 1, 's');
    ObjectReader(&doc, just_fits, errors).object("a/b").integer("missing_here", n);
    ObjectReader(&doc, just_fits, errors).object("a/b").object("c~d").integer("n", n);
    REQUIRE(errors.size() == 3);
    CHECK(errors[0].path == "/data/a~1b/c~0d/n");
    CHECK(errors[1].path == long_root + "/a~1b/c~0d/n");
    CHECK(errors[2].path == just_fits + "/a~1b/c~0d/n");
    CHECK(child_path("/x", "~/~") == "/x/~0~1~0");
    CHECK(child_path("", "") == "/");
}

TEST_CASE("ObjectReader keeps exactly the members no getter read, a member read twice counted once", "[read]") {
    const Json doc = Json::parse(R"({"a": 1, "b": "two", "c": null, "d": {"e": 5}})");
    std::vector<Error> errors;
    ObjectReader r(&doc, "", errors);
    int64_t a = 0;
    r.integer("a", a);
    r.integer("a", a);
    std::string ignored;
    r.string("absent", ignored);
    CHECK(r.unknown() == Json::parse(R"({"b": "two", "c": null, "d": {"e": 5}})"));
    r.raw("c");
    r.string("b", ignored);
    CHECK(r.unknown() == Json::parse(R"({"d": {"e": 5}})"));
    r.object("d");
    CHECK(r.unknown().is_null());
    CHECK(errors.empty());

    // Past the members a reader tracks inline.
    Json wide = Json::object();
    for (int i = 0; i < 30; ++i) wide["k" + std::to_string(i)] = i;
    ObjectReader w(&wide, "", errors);
    for (int round = 0; round < 2; ++round)
        for (int i = 0; i < 30; ++i)
            if (i != 3 && i != 25) w.integer("k" + std::to_string(i), a);
    CHECK(w.unknown() == Json::parse(R"({"k3": 3, "k25": 25})"));
    w.integer("k25", a);
    CHECK(w.unknown() == Json::parse(R"({"k3": 3})"));
}

TEST_CASE("release_json frees a parsed document of any depth and leaves null", "[read]") {
    // Deeper than release_json goes by itself (256): nlohmann's destructor frees the rest. The ASan build
    // reports a leak or a double free here.
    std::string deep;
    for (int i = 0; i < 400; ++i) deep += i % 2 ? "[" : "{\"k\":";
    deep += "\"leaf string longer than any small-string buffer\"";
    for (int i = 399; i >= 0; --i) deep += i % 2 ? "]" : "}";
    ParsedJson parsed = parse_json(deep, {deep.size(), 500});
    REQUIRE(parsed.ok());
    Json copy = parsed.doc;
    release_json(parsed.doc);
    CHECK(parsed.doc.is_null());
    const Json* at = &copy;
    for (int i = 0; i < 400; ++i) at = i % 2 ? &(*at)[0] : &(*at)["k"];
    CHECK(*at == "leaf string longer than any small-string buffer");
}

// The one parser (core/json_parser.hpp) against nlohmann's strict parser, which it replaced: on text it does
// not repair, both must accept the same documents and build the same values, types included.
namespace {

struct BothParsers {
    ParsedJson ours;
    Json theirs;
};

// A string that is a number token too large for a double: the parser's third repair.
bool holds_overflowed_number(const Json& value) {
    if (value.is_string()) {
        const std::string& text = value.get_ref<const std::string&>();
        double read = 0;
        return !text.empty() && read_decimal(text.data(), text.data() + text.size(), read) == text.data() + text.size() &&
               std::isinf(read);
    }
    if (!value.is_structured()) return false;  // nlohmann iterates a scalar as itself
    for (const Json& child : value)
        if (holds_overflowed_number(child)) return true;
    return false;
}

BothParsers parse_both(const std::string& text) {
    return {parse_json(text, {1u << 24, 1000}), Json::parse(text, nullptr, false)};
}

void check_same_as_nlohmann(const std::string& text) {
    const BothParsers both = parse_both(text);
    INFO(text);
    REQUIRE(both.ours.ok() == !both.theirs.is_discarded());
    if (both.ours.ok()) CHECK(dump_json(both.ours.doc) == both.theirs.dump());
}

// A random document: nested containers, strings with escapes and raw UTF-8, integers around the 64-bit
// edges, decimals, literals, and whitespace of every kind between tokens.
void random_value(std::mt19937& rng, std::string& out, int depth) {
    const auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
    const auto space = [&] {
        static const char* kSpaces[] = {"", "", "", " ", "\n", "\t", "\r\n  "};
        out += kSpaces[pick(7)];
    };
    const auto string = [&] {
        static const char* kPieces[] = {"a", "goal", " ", "\\\"", "\\\\", "\\/", "\\b\\f\\n\\r\\t", "\\u00e9",
                                        "\\u0000", "\\ud83d\\ude00", "\\u20AC", "\xC3\xA9", "\xF0\x9F\x98\x80",
                                        "\xE2\x82\xAC", "0123456789", "{}[],:"};
        out += '"';
        for (int i = pick(5); i > 0; --i) out += kPieces[pick(16)];
        out += '"';
    };
    space();
    const int kind = depth > 4 ? 2 + pick(5) : pick(7);
    if (kind == 0) {
        out += '{';
        for (int i = pick(4); i > 0; --i) {
            string();
            space();
            out += ':';
            random_value(rng, out, depth + 1);
            if (i > 1) out += ',';
            space();
        }
        out += '}';
    } else if (kind == 1) {
        out += '[';
        for (int i = pick(4); i > 0; --i) {
            random_value(rng, out, depth + 1);
            if (i > 1) out += ',';
        }
        space();
        out += ']';
    } else if (kind == 2) {
        string();
    } else if (kind == 3) {
        static const char* kIntegers[] = {"0", "-0", "7", "-42", "9223372036854775807", "-9223372036854775808",
                                          "9223372036854775808", "-9223372036854775809", "18446744073709551615",
                                          "18446744073709551616", "123456789012345678901234"};
        out += kIntegers[pick(11)];
    } else if (kind == 4) {
        static const char* kDecimals[] = {"0.5", "-1.25", "3e5", "2E-7", "1.5e+3", "0.1", "-0.0", "12345.678e-3",
                                          "9007199254740993.0"};
        out += kDecimals[pick(9)];
    } else {
        static const char* kLiterals[] = {"true", "false", "null"};
        out += kLiterals[pick(3)];
    }
    space();
}

}  // namespace

TEST_CASE("the parser accepts and rejects what nlohmann's strict parser does, on chosen cases", "[read]") {
    for (const char* text :
         {"{}", "[]", " [1 , 2 ]\n", "{\"a\":{\"b\":[true,false,null]}}", "\"\\u00e9\\ud83d\\ude00\\n\\\"\\\\\\/\"",
          "\"\\u0000\"", "\xEF\xBB\xBF{}", "-0.0e+0", "1E-2", "{\"a\":1,\"a\":2}", "{\"\":0}", "true", "null",
          "\"caf\xC3\xA9 \xF0\x9F\x98\x80\"", "[1,]", "{\"a\":1,}", "[01]", "[1.]", "[.5]", "[+1]", "[1e]", "[1e+]",
          "[-]", "[--1]", "{\"a\" 1}", "{a:1}", "[\"a\x01\"]", "[\"\\x\"]", "[\"\\u12\"]", "[\"\\uZZZZ\"]", "tru",
          "nulll", "[1] [2]", "\"abc", "{\"a\":1}}", "\xEF\xBB{}", " ", "", "[NaN]", "{\"a\":1 \"b\":2}", "[1 2]",
          "{,}", "[,1]", "{\"a\"}", "{\"a\":}", "[\"tab\there\"]", "/* no */ 1", "1 // no"}) {
        check_same_as_nlohmann(text);
    }
    // nlohmann ends the input at a NUL byte, as a C string would: what follows one after the value is not read
    check_same_as_nlohmann(std::string("[1]\0", 4));
    check_same_as_nlohmann(std::string("[1] \0trailing", 14));
    check_same_as_nlohmann(std::string("[1,\0 2]", 7));
}

TEST_CASE("the parser agrees with nlohmann's on random documents and on every one-byte change to them", "[read]") {
    std::mt19937 rng(20261203);
    static const char kInserted[] = "{}[],:\" \\tnfu0123456789.eE+-/x";
    int compared = 0, rejected = 0;
    for (int n = 0; n < 1500; ++n) {
        std::string doc;
        random_value(rng, doc, 0);
        check_same_as_nlohmann(doc);
        for (int m = 0; m < 12; ++m) {
            std::string changed = doc;
            const size_t at = rng() % (changed.size() + 1);
            const int how = static_cast<int>(rng() % 3);
            if (how == 0 && at < changed.size()) changed.erase(at, 1);
            else if (how == 1) changed.insert(at, 1, kInserted[rng() % (sizeof kInserted - 1)]);
            else if (at < changed.size()) changed[at] = kInserted[rng() % (sizeof kInserted - 1)];
            const BothParsers both = parse_both(changed);
            if (!both.ours.errors.empty() && both.ours.ok()) {
                // A broken UTF-8 sequence or surrogate pair: repaired and said, which nlohmann cannot do.
                for (const Error& e : both.ours.errors) CHECK(e.code == "bad_utf8");
                continue;
            }
            if (both.ours.ok() && both.theirs.is_discarded() && holds_overflowed_number(both.ours.doc)) continue;
            INFO(changed);
            REQUIRE(both.ours.ok() == !both.theirs.is_discarded());
            if (both.ours.ok()) REQUIRE(dump_json(both.ours.doc) == both.theirs.dump());
            ++compared;
            rejected += !both.ours.ok();
        }
    }
    CHECK(compared > 15000);
    CHECK(rejected > 5000);  // the changes break the grammar often, so refusals are compared too
    CHECK(compared - rejected > 5000);
}

TEST_CASE("repairs are said at their path and the rest of the document is kept", "[read]") {
    const ParsedJson parsed = parse_json("{\"goals\":[{\"name\":\"ok\"},{\"name\":\"caf\xC3(\",\"k\xFF\":1,\"d\":\"\\ud800x\"}]}");
    REQUIRE(parsed.ok());
    REQUIRE(parsed.errors.size() == 3);
    CHECK(parsed.errors[0].path == "/goals/1/name");
    CHECK(parsed.errors[1].path == "/goals/1");  // a bad key is its object's
    CHECK(parsed.errors[2].path == "/goals/1/d");
    for (const Error& e : parsed.errors) CHECK(e.code == "bad_utf8");
    CHECK(parsed.tainted == std::vector<std::string>{"/goals/1/name", "/goals/1", "/goals/1/d"});
    CHECK(parsed.doc["goals"][0]["name"] == "ok");
    CHECK(parsed.doc["goals"][1]["name"] == "caf\xEF\xBF\xBD(");
    CHECK(parsed.doc["goals"][1]["d"] == "\xEF\xBF\xBDx");
    CHECK(parsed.doc["goals"][1].contains("k\xEF\xBF\xBD"));
}

TEST_CASE("every repaired string is tainted, past the cap on errors said", "[read]") {
    std::string text = "[";
    for (int i = 0; i < 150; ++i) text += std::string(i ? "," : "") + "\"\xFF\"";
    text += "]";
    const ParsedJson parsed = parse_json(text);
    REQUIRE(parsed.ok());
    CHECK(parsed.errors.size() == 100);
    CHECK(parsed.tainted.size() == 150);
    CHECK(parsed.tainted.back() == "/149");
}
