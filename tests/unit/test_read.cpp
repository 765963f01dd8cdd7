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

// nlohmann's lexer converts numbers with strtod, which goalpost_core's link replaces by json_access's
// __wrap_strtod (read_decimal's exact fast path for the common numbers, the C library's strtod for the rest).
extern "C" double __real_strtod(const char* text, char** end);

namespace {

double parsed_number(const std::string& text) {
    const Json doc = Json::parse(text, nullptr, false);
    REQUIRE(doc.is_number_float());
    return doc.get<double>();
}

}  // namespace

TEST_CASE("the JSON parser's strtod is the wrapped one", "[read]") {
    // volatile: a compiler may otherwise fold the comparison of two different functions' addresses
    double (*volatile parser_strtod)(const char*, char**) = &std::strtod;
    double (*volatile wrapped)(const char*, char**) = &__wrap_strtod;
    CHECK(parser_strtod == wrapped);
}

TEST_CASE("JSON numbers are read to the correctly rounded double", "[read]") {
    CHECK(parsed_number("0.1") == 0x1.999999999999ap-4);
    CHECK(parsed_number("1e23") == 0x1.52d02c7e14af6p+76);  // halfway cases get this wrong when done naively
    CHECK(parsed_number("-1.5e-3") == -0.0015);
    CHECK(parsed_number("3.14159265358979323846264338327950288419716939937510") == 0x1.921fb54442d18p+1);
    CHECK(parsed_number("0.1000000000000000055511151231257827021181583404541015625") == 0x1.999999999999ap-4);
    // 2^53 + 1 as a float token rounds to even; as an integer token it stays exact
    CHECK(parsed_number("9007199254740993.0") == 9007199254740992.0);
    CHECK(parsed_number("9007199254740995.0") == 9007199254740996.0);
    CHECK(Json::parse("9007199254740993").get<uint64_t>() == 9007199254740993u);
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

TEST_CASE("a number too large for a double is refused as before", "[read]") {
    CHECK(Json::parse("[1e400]", nullptr, false).is_discarded());
    CHECK(Json::parse("[-1.7976931348623159e308]", nullptr, false).is_discarded());
    // read_goals quotes such numbers before parsing, so the field reader names the place
    const ReadResult r = read_goals(R"({"data":{"goals":[{"id":"b","type":{"name":"deals_won"},
        "expected_outcome":{"target":1e400,"tracking_metric":"quantity"}}]}})");
    CHECK(r.goals.empty());
    bool named = false;
    for (const Error& e : r.errors) named |= e.path == "/data/goals/0/expected_outcome/target" && e.code == "bad_number";
    CHECK(named);
}

TEST_CASE("the wrapped strtod keeps strtod's contract for any text", "[read]") {
    char* end = nullptr;
    errno = 0;
    CHECK(std::strtod("1e400", &end) == HUGE_VAL);
    CHECK(errno == ERANGE);
    CHECK(*end == '\0');
    errno = 0;
    CHECK(std::strtod("-1e-400", &end) == 0.0);
    CHECK(errno == ERANGE);
    const char* trailing = "1.5abc";
    CHECK(std::strtod(trailing, &end) == 1.5);
    CHECK(end == trailing + 3);
    const char* nothing = "abc";
    CHECK(std::strtod(nothing, &end) == 0.0);
    CHECK(end == nothing);
    CHECK(std::strtod("  +2.5", &end) == 2.5);
    const char* hex = "0x1p3";  // the fast path reads "0" and leaves the rest to the C library
    CHECK(std::strtod(hex, &end) == 8.0);
    CHECK(*end == '\0');
    const char* signs = "+-1";
    CHECK(std::strtod(signs, &end) == 0.0);
    CHECK(end == signs);
    errno = 0;
    CHECK(std::strtod("0.000e-999", &end) == 0.0);
    CHECK(errno == 0);  // zero written small is not out of range
    CHECK(std::isinf(std::strtod("INFINITY", &end)));
    CHECK(*end == '\0');
    CHECK(std::isinf(std::strtod("-inf", &end)));
    CHECK(std::isnan(std::strtod("nan", &end)));
    CHECK(std::strtod("1e", &end) == 1.0);
    CHECK(*end == 'e');
}

TEST_CASE("the wrapped strtod agrees with the C library's bit for bit", "[read]") {
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
        char* wrapped_end = nullptr;
        char* real_end = nullptr;
        const double wrapped = __wrap_strtod(text.c_str(), &wrapped_end);
        const double real = __real_strtod(text.c_str(), &real_end);
        INFO(text);
        REQUIRE(std::memcmp(&wrapped, &real, sizeof real) == 0);
        REQUIRE(wrapped_end == real_end);
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
        const double real = __real_strtod(text.c_str(), &real_end);
        char* wrapped_end = nullptr;
        const double wrapped = __wrap_strtod(text.c_str(), &wrapped_end);
        INFO(text);
        REQUIRE(std::memcmp(&read, &real, sizeof real) == 0);
        REQUIRE(std::memcmp(&wrapped, &real, sizeof real) == 0);
        REQUIRE(end == text.data() + (real_end - text.c_str()));
        REQUIRE(wrapped_end == real_end);
    }
    for (const char* text : {"9007199254740993", "9007199254740993e-3", "1e23", "123456789012345678901", "1e-23",
                             "0.000000000000000000000000001", "00000000000000000000000001.5", "-0", "-0.0e5"}) {
        double read = 0;
        read_decimal(text, text + std::strlen(text), read);
        const double real = __real_strtod(text, nullptr);
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
    CHECK(read("inf") == 0);  // not a decimal: parse_decimal refuses it, strtod's callers get strtod
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
