// Checked access to parsed JSON: the one home of how every reader of outside JSON in the core looks up a
// member and reads the lenient forms the vendors send (numbers as strings, 0/1 booleans, integer or
// string ids).
//
// Two layers over one grammar. The value accessors (member(), string_value(), number_value(), ...) answer
// "is there a usable value here" and record nothing: the data-row readers, which default what is missing
// or odd, use them directly. ObjectReader is built on them for the readers that must say what was wrong:
// it records a structured Error naming the place instead of failing, and remembers which keys it consumed
// so the rest can be kept in Goal::extra. Nothing here throws, so it is safe in the exception-free wasm
// build.
//
// Index
// - [SECTION] Parsing outside bytes
// - [SECTION] Paths
// - [SECTION] Scalars from text (dates, timestamps, numbers)
// - [SECTION] Values
// - [SECTION] ObjectReader
// - [SECTION] Writing helpers
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"

namespace gp {

//-----------------------------------------------------------------------------
// [SECTION] Parsing outside bytes
//-----------------------------------------------------------------------------

// The limits every reader of outside bytes (goals, deals, activities, stage changes, event-log lines,
// conversions, widget options, code tables) applies before anything recursive runs.
struct ParseLimits {
    size_t max_bytes = 256u * 1024u * 1024u;  // refused before parsing (413)
    int max_depth = 64;                       // deeper nesting refused before the recursive parser runs
};

// Frees a document, depth-first and in place. nlohmann's destructor first moves every value of a tree onto a
// heap stack, so that no depth can overflow the C++ stack; the parser bounds a document's depth
// (ParseLimits::max_depth), and freeing it in place takes a third less time in wasm (docs/payload.md, the
// reading layer's row). Past kReleaseDepth levels the rest is left to nlohmann's destructor.
void release_json(Json& doc);

struct ParsedJson {
    Json doc;                          // discarded when the bytes are not usable JSON
    std::vector<Error> errors;         // too_large, too_deep, malformed_json; bad_utf8 and bad_number at their path
    std::vector<std::string> tainted;  // paths of the strings the parser had to repair
    bool ok() const { return !doc.is_discarded(); }

    ParsedJson() = default;
    ParsedJson(ParsedJson&&) = default;
    ParsedJson& operator=(ParsedJson&&) = default;
    ~ParsedJson() { release_json(doc); }
};

// The one parse entry: the size limit, then one pass of core/json_parser.hpp into nlohmann's DOM (the depth
// limit, UTF-8 repair, numbers too large kept as text). A repaired string keeps the rest readable.
ParsedJson parse_json(std::string_view payload, const ParseLimits& limits = {});

//-----------------------------------------------------------------------------
// [SECTION] Paths
//-----------------------------------------------------------------------------

// JSON-pointer children: "~" and "/" in keys are escaped as "~0" and "~1".
std::string child_path(std::string_view parent, std::string_view key);
std::string child_path(std::string_view parent, size_t index);

//-----------------------------------------------------------------------------
// [SECTION] Scalars from text
//-----------------------------------------------------------------------------

// Dates and timestamps are parsed by calendar.hpp (parse_civil_date, parse_timestamp).
// The decimal number at the start of [first, last): [+-]digits[.digits][(e|E)[+-]digits], with a digit on
// at least one side of the point. Returns the end of what it read (`first` when there is no number) and
// sets `value` to the correctly rounded double (infinity or zero when out of range). Most numbers on the
// wire (at most 19 significant digits, a power of ten within 1e22) are converted exactly here with one
// multiplication or division of two exact doubles (Clinger's fast path); the rest go to
// convert_hard_decimal (below), which is exact too. Why not fast_float: its 10 KB table of powers of
// five is in every widget's download and brotli cannot shrink it (docs/payload.md).
const char* read_decimal(const char* first, const char* last, double& value);
// The correctly rounded double of the decimal text [text, text + size) (read_decimal's grammar, whole),
// for the numbers read_decimal's fast path cannot convert. The core's definition is the C library's
// strtod, and it is weak: the shipped wasm replaces it with the browser's own conversion (wasm/libc_format.cpp),
// exact too, so that musl's strtod and the software long double it computes in leave the download.
double convert_hard_decimal(const char* text, size_t size);
// A finite decimal number, the whole text (no spaces; a leading '+' is allowed).
std::optional<double> parse_decimal(std::string_view text);
std::optional<int64_t> parse_int(std::string_view text);

std::string format_timestamp(TimestampMs ms);  // "YYYY-MM-DDTHH:MM:SS.mmmZ", UTC
// Shortest text that reads back as the same double; integral values have no ".0".
std::string format_decimal(double value);

//-----------------------------------------------------------------------------
// [SECTION] Values
//-----------------------------------------------------------------------------

// The member `key` of `object`; nullptr when `object` is null or not an object, or the key is absent or
// holds null (a vendor's null means "not set" everywhere goalpost reads).
const Json* member(const Json& object, std::string_view key);
const Json* member(const Json* object, std::string_view key);
// The member as it is, null included; nullptr only when `object` is not an object or lacks the key. For
// the format detectors, which go by the keys a document names, and for readers that report a null list.
const Json* find_member(const Json& object, std::string_view key);

// Each accessor takes what member() returns and gives nullopt (nullptr) for an absent value, a value of
// another type, or one that does not fit; none records anything.
const std::string* string_value(const Json* v);
// The string, or "" when there is none: for fields where absent and empty mean the same.
std::string text_value(const Json* v);
// A string, or an integer as its decimal text (ids are either on the wire). Floats are not ids.
std::optional<std::string> id_value(const Json* v);
// A finite number, or a decimal string (parse_decimal): the vendors send money as text.
std::optional<double> number_value(const Json* v);
// An integer, an integral float, or a string that parse_int or parse_decimal reads as an integral value,
// in the 64-bit range.
std::optional<int64_t> integer_value(const Json* v);
// true/false, 0/1 (numbers or strings), "true"/"false".
std::optional<bool> boolean_value(const Json* v);

//-----------------------------------------------------------------------------
// [SECTION] ObjectReader
//-----------------------------------------------------------------------------

// A name <-> enum table entry for wire values ("deals_won", "LOWER_IS_BETTER"). Writers emit `name`
// exactly; readers compare without regard to ASCII case, since real records say "currency" where the
// docs say "CURRENCY".
template <class E>
struct WireName {
    std::string_view name;
    E value;
};

bool equals_ignoring_ascii_case(std::string_view a, std::string_view b);

// Reads one JSON object at `path`. Every getter returns true when it stored a value in `out`; an absent
// key or a null leaves `out` alone and returns false without an error (requiredness is validation's job);
// a value of the wrong type records an Error at the key's path and returns false.
class ObjectReader {
public:
    ObjectReader(const Json* object, std::string_view path, std::vector<Error>& errors);
    // Where odd but usable values are reported (warnings: the goal is kept). Child readers share it.
    // Without one the reader is strict: what would be a warning is an error (request bodies a page sends
    // to be written are held to the vendor's documented form).
    void set_warnings(std::vector<Error>* warnings) { warnings_ = warnings; }

    bool is_object() const { return object_ != nullptr; }
    std::string_view path() const { return long_path_.empty() ? std::string_view(short_path_, short_size_) : long_path_; }
    std::string path_of(std::string_view key) const { return child_path(path(), key); }

    // The raw value (marks the key consumed); nullptr when absent. Null values are returned.
    const Json* raw(std::string_view key);
    // As raw(), but null is absent too: what a reader with its own checks and messages starts from.
    const Json* value(std::string_view key);
    bool has(std::string_view key);  // present and not null; does not consume

    bool string(std::string_view key, std::string& out);
    bool id(std::string_view key, std::string& out);  // a string or an integer, as text
    bool number(std::string_view key, double& out);   // a number or a decimal string
    bool number(std::string_view key, std::optional<double>& out);
    bool integer(std::string_view key, int64_t& out);  // an integer, integral float or integer string
    bool integer(std::string_view key, std::optional<int64_t>& out);
    bool boolean(std::string_view key, bool& out);  // true/false, 0/1, "true"/"false", "0"/"1"
    bool date(std::string_view key, Date& out);
    bool date(std::string_view key, std::optional<Date>& out);
    bool timestamp(std::string_view key, std::optional<TimestampMs>& out);
    // null means "all" (nullopt); an array of integers otherwise.
    bool integer_list(std::string_view key, std::optional<std::vector<int64_t>>& out);
    bool string_list(std::string_view key, std::vector<std::string>& out);

    // A value the goal cannot be used without: an unknown one is an error.
    template <class E, size_t N>
    bool enumeration(std::string_view key, const WireName<E> (&names)[N], E& out) {
        static_assert(offsetof(WireName<E>, name) == 0, "enumeration_index finds each name at its entry's start");
        const int i = enumeration_index(key, names, sizeof(WireName<E>), N, nullptr);
        if (i >= 0) out = names[i].value;
        return i >= 0;
    }
    // An optional value with a safe reading: an unknown one (a vendor's new enum value) is read as
    // `fallback`, and a warning says so. True when `out` was set.
    template <class E, size_t N>
    bool enumeration_or(std::string_view key, const WireName<E> (&names)[N], E& out, E fallback,
                        const char* fallback_meaning) {
        static_assert(offsetof(WireName<E>, name) == 0, "enumeration_index finds each name at its entry's start");
        const int i = enumeration_index(key, names, sizeof(WireName<E>), N, fallback_meaning);
        if (i == kFallback) out = fallback;
        else if (i >= 0) out = names[i].value;
        return i >= 0 || i == kFallback;
    }

    // A child object; an absent or null key gives a reader with is_object() false and no error.
    ObjectReader object(std::string_view key);
    // A child array (nullptr when absent, null or of the wrong type, the last with an error).
    const Json* array(std::string_view key);

    void error(std::string_view key, std::string code, std::string message, int status = 400);
    void warning(std::string_view key, std::string code, std::string message);
    // The keys no getter consumed, as an object (null when there are none): unknown fields are kept.
    Json unknown() const;

private:
    // The enumerations' one body, for a table of any WireName<E> (`stride` bytes apart, each starting with
    // its name), so that each enum's instantiation is only the store: the index of the name that matches
    // the key's string without regard to ASCII case; kFallback when `fallback_meaning` is given, the
    // reader has warnings and the string is unknown (warned); -1 when absent or wrong (an error said).
    static constexpr int kFallback = -2;
    int enumeration_index(std::string_view key, const void* table, size_t stride, size_t count,
                          const char* fallback_meaning);
    void type_error(std::string_view key, const char* expected);
    // string()'s reading without the copy: the string in the document, or nullptr (absent, or an error).
    const std::string* string_ref(std::string_view key);
    void consume(const Json* member);
    bool consumed(const Json* member) const;
    // The optional-valued getters: the plain getter, into an optional that is set only on success.
    template <class T>
    bool read_optional(std::string_view key, std::optional<T>& out, bool (ObjectReader::*read)(std::string_view, T&)) {
        T value{};
        if (!(this->*read)(key, value)) return false;
        out = value;
        return true;
    }

    const Json* object_ = nullptr;
    // The path is kept inline up to kShortPath bytes: a reader is made for every goal and every object in
    // it, and in wasm a std::string of more than 10 bytes is an allocation.
    static constexpr size_t kShortPath = 63;
    static_assert(kShortPath <= 255, "short_size_ holds the length in one byte");
    void set_path(std::string_view parent, std::string_view key);
    char short_path_[kShortPath];
    unsigned char short_size_ = 0;
    std::string long_path_;  // a longer path; empty otherwise
    std::vector<Error>* errors_;
    std::vector<Error>* warnings_ = nullptr;
    // The members a getter read, each once: inline for the first kInlineConsumed, as a reader is made for
    // every object of every goal.
    static constexpr size_t kInlineConsumed = 12;
    const Json* consumed_[kInlineConsumed];
    size_t consumed_size_ = 0;
    std::vector<const Json*> more_consumed_;
};

//-----------------------------------------------------------------------------
// [SECTION] Writing helpers
//-----------------------------------------------------------------------------

// An id as the vendors send it: an integer when the text is one, a string otherwise.
Json id_json(const std::string& id);
// An integral double as an integer (so 50 is written "50", not "50.0").
Json number_json(double value);
// Adds the keys of `extra` that `out` lacks, recursing into objects both have: what the model holds
// always wins, unknown fields come back as they were read.
void merge_missing(Json& out, const Json& extra);
// Serialises without ever throwing: invalid UTF-8 (which the reader never produces) is replaced.
std::string dump_json(const Json& value, int indent = -1);

// An object from its members, written json_object({{"start", a}, {"end", b}}); a member whose value is
// itself an object takes another json_object. nlohmann's own initializer list, Json{{"start", a}, ...},
// makes each member a two-element array and checks every one at run time to tell an object from an array:
// in the wasm that is about 300 bytes of code per member, at every place that writes one.
struct JsonMember {
    const char* key;
    mutable Json value;  // moved out by json_object: the elements of an initializer list are const
};
Json json_object(std::initializer_list<JsonMember> members);

}  // namespace gp
