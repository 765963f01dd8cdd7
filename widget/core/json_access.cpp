// Index
// - [SECTION] Parsing outside bytes
// - [SECTION] Paths
// - [SECTION] Scalars from text
// - [SECTION] Values
// - [SECTION] ObjectReader
// - [SECTION] Writing helpers
#include "core/json_access.hpp"

#include "core/calendar.hpp"
#include "core/cold_code.hpp"
#include "core/json_parser.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace gp {

//-----------------------------------------------------------------------------
// [SECTION] Parsing outside bytes
//-----------------------------------------------------------------------------

namespace {

constexpr int kReleaseDepth = 256;  // far past any ParseLimits a reader uses

void release_children(Json& value, int depth) {
    if (depth >= kReleaseDepth) return;
    // Children first, so that clear() below frees only strings and numbers, and emptied containers.
    if (Json::object_t* object = value.get_ptr<Json::object_t*>()) {
        for (auto& member : *object)
            if (member.second.is_structured()) release_children(member.second, depth + 1);
        object->clear();
    } else if (Json::array_t* array = value.get_ptr<Json::array_t*>()) {
        for (Json& element : *array)
            if (element.is_structured()) release_children(element, depth + 1);
        array->clear();
    }
}

}  // namespace

void release_json(Json& doc) {
    release_children(doc, 0);
    doc = nullptr;
}

ParsedJson parse_json(std::string_view payload, const ParseLimits& limits) {
    ParsedJson out;
    out.doc = Json(Json::value_t::discarded);
    if (payload.size() > limits.max_bytes) {
        out.errors.push_back({"", "too_large",
                              "payload is " + std::to_string(payload.size()) + " bytes, over the limit of " +
                                  std::to_string(limits.max_bytes),
                              413});
        return out;
    }
    JsonParse parsed = parse_json_text(payload, limits.max_depth);
    if (parsed.too_deep) {
        out.errors = std::move(parsed.errors);
        return out;
    }
    if (parsed.doc.is_discarded()) {
        out.errors.push_back({"", "malformed_json", "payload is not valid JSON", 400});
        return out;
    }
    out.doc = std::move(parsed.doc);
    out.errors = std::move(parsed.errors);
    out.tainted = std::move(parsed.repaired);
    return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Paths
//-----------------------------------------------------------------------------

// Paths are made per object, not per byte, and only read when something is said: built for size, and not
// inlined into the readers' getters.
GP_COLD_CODE_BEGIN

namespace {

// A key in a JSON pointer: "~" is written "~0" and "/" is written "~1".
size_t escaped_key_size(std::string_view key) {
    size_t size = key.size();
    for (char c : key) size += c == '~' || c == '/';
    return size;
}

char* write_escaped_key(char* out, std::string_view key) {
    for (char c : key) {
        if (c == '~' || c == '/') {
            *out++ = '~';
            *out++ = c == '~' ? '0' : '1';
        } else {
            *out++ = c;
        }
    }
    return out;
}

// parent + "/" + the escaped key into `out`, which has room for child_path_size(parent, key) bytes.
size_t child_path_size(std::string_view parent, std::string_view key) { return parent.size() + 1 + escaped_key_size(key); }
[[gnu::noinline]] void write_child_path(char* out, std::string_view parent, std::string_view key) {
    std::copy(parent.begin(), parent.end(), out);  // not memcpy: an empty view may have no data
    out[parent.size()] = '/';
    write_escaped_key(out + parent.size() + 1, key);
}

}  // namespace

[[gnu::noinline]] std::string child_path(std::string_view parent, std::string_view key) {
    std::string out(child_path_size(parent, key), '\0');
    write_child_path(out.data(), parent, key);
    return out;
}

std::string child_path(std::string_view parent, size_t index) {
    std::string out(parent);
    out.push_back('/');
    out.append(std::to_string(index));
    return out;
}

GP_COLD_CODE_END

//-----------------------------------------------------------------------------
// [SECTION] Scalars from text
//-----------------------------------------------------------------------------

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The decimal number's parts as read_decimal scans them.
struct DecimalText {
    const char* end = nullptr;  // past the number; the start when there is none
    bool negative = false;
    uint64_t mantissa = 0;  // the first 19 significant digits
    bool inexact = false;   // a nonzero digit after those 19 was left out of `mantissa`
    int64_t exponent = 0;   // value = mantissa * 10^exponent (when not inexact)
};

DecimalText scan_decimal(const char* first, const char* last) {
    DecimalText d;
    d.end = first;
    const char* p = first;
    if (p < last && (*p == '-' || *p == '+')) d.negative = *p++ == '-';
    int significant = 0;
    bool any_digit = false;
    const auto take = [&](char c, bool fraction) {
        any_digit = true;
        if (d.mantissa == 0 && c == '0') {
            d.exponent -= fraction;  // a leading zero: only its place counts
        } else if (significant < 19) {
            d.mantissa = d.mantissa * 10 + static_cast<uint64_t>(c - '0');
            ++significant;
            d.exponent -= fraction;
        } else {
            d.inexact |= c != '0';
            d.exponent += !fraction;  // a digit left out of the integer part still scales it
        }
    };
    for (; p < last && is_digit(*p); ++p) take(*p, false);
    if (p < last && *p == '.')
        for (++p; p < last && is_digit(*p); ++p) take(*p, true);
    if (!any_digit) return d;
    d.end = p;
    if (p < last && (*p == 'e' || *p == 'E')) {
        const char* q = p + 1;
        bool negative_exponent = false;
        if (q < last && (*q == '-' || *q == '+')) negative_exponent = *q++ == '-';
        if (q < last && is_digit(*q)) {
            int64_t written = 0;
            for (; q < last && is_digit(*q); ++q)
                if (written < 100000) written = written * 10 + (*q - '0');  // far past any double either way
            d.exponent += negative_exponent ? -written : written;
            d.end = q;
        }
    }
    return d;
}

// Clinger's fast path: the mantissa and 10^|exponent| are both exact doubles, so one IEEE operation
// rounds the exact quotient or product correctly.
bool exact_decimal(const DecimalText& d, double& value) {
    static constexpr double kPowersOfTen[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                              1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    constexpr uint64_t kExactIntegers = uint64_t{1} << 53;
    if (d.inexact || d.mantissa > kExactIntegers) return false;
    if (d.mantissa == 0) {
        value = 0.0;
    } else if (d.exponent >= 0 && d.exponent <= 22) {
        value = static_cast<double>(d.mantissa) * kPowersOfTen[d.exponent];
    } else if (d.exponent < 0 && d.exponent >= -22) {
        value = static_cast<double>(d.mantissa) / kPowersOfTen[-d.exponent];
    } else {
        return false;
    }
    if (d.negative) value = -value;
    return true;
}

}  // namespace

const char* read_decimal(const char* first, const char* last, double& value) {
    const DecimalText d = scan_decimal(first, last);
    if (d.end == first) return first;
    if (!exact_decimal(d, value)) value = convert_hard_decimal(first, static_cast<size_t>(d.end - first));
    return d.end;
}

__attribute__((weak)) double convert_hard_decimal(const char* text, size_t size) {
    // strtod needs the text terminated; what it reads is the same decimal form.
    const std::string terminated(text, size);
    return std::strtod(terminated.c_str(), nullptr);
}

std::optional<double> parse_decimal(std::string_view text) {
    const char* first = text.data();
    const char* last = first + text.size();
    double value = 0;
    if (text.empty() || read_decimal(first, last, value) != last || !std::isfinite(value)) return std::nullopt;
    return value;
}

std::optional<int64_t> parse_int(std::string_view text) {
    int64_t value = 0;
    const char* first = text.data();
    const char* last = first + text.size();
    const auto result = std::from_chars(first, last, value);
    if (result.ec != std::errc() || result.ptr != last || text.empty()) return std::nullopt;
    return value;
}

std::string format_timestamp(TimestampMs ms) {
    const Date day = civil_date_of(ms);
    const int64_t in_day = ms - start_of_day(day);
    std::string text = format_civil_date(day);
    text += 'T';
    append_zero_padded(text, in_day / 3600000, 2);
    text += ':';
    append_zero_padded(text, in_day / 60000 % 60, 2);
    text += ':';
    append_zero_padded(text, in_day / 1000 % 60, 2);
    text += '.';
    append_zero_padded(text, in_day % 1000, 3);
    text += 'Z';
    return text;
}

std::string format_decimal(double value) {
    if (std::nearbyint(value) == value && std::fabs(value) < 1e15) return std::to_string(static_cast<int64_t>(value));
    return Json(value).dump();  // nlohmann prints the shortest text that reads back exactly
}

//-----------------------------------------------------------------------------
// [SECTION] Values
//-----------------------------------------------------------------------------

namespace {

std::optional<int64_t> integral(double v) {
    // 2^63 is exactly representable; anything at or past it does not fit.
    if (!std::isfinite(v) || std::nearbyint(v) != v || v >= 9223372036854775808.0 || v < -9223372036854775808.0)
        return std::nullopt;
    return static_cast<int64_t>(v);
}

}  // namespace

const Json* find_member(const Json& object, std::string_view key) {
    const Json::object_t* members = object.get_ptr<const Json::object_t*>();
    if (!members) return nullptr;
    // The objects vendors send are small, and a reader asks for absent keys too: one pass that compares
    // lengths first beats the tree's four or five full string comparisons (each a memcmp call in wasm).
    constexpr size_t kScanned = 16;
    if (members->size() <= kScanned) {
        for (const auto& member : *members)
            if (member.first == key) return &member.second;
        return nullptr;
    }
    const auto it = members->find(key);
    return it == members->end() ? nullptr : &it->second;
}

const Json* member(const Json& object, std::string_view key) {
    const Json* v = find_member(object, key);
    return v && !v->is_null() ? v : nullptr;
}

const Json* member(const Json* object, std::string_view key) { return object ? member(*object, key) : nullptr; }

const std::string* string_value(const Json* v) { return v ? v->get_ptr<const std::string*>() : nullptr; }

std::string text_value(const Json* v) {
    const std::string* s = string_value(v);
    return s ? *s : std::string();
}

// nlohmann's get_ptr<number_integer_t*> also answers for an unsigned value (is_number_integer() is true
// for both), reading its bits as signed: the unsigned kind is asked for first, everywhere below.

std::optional<std::string> id_value(const Json* v) {
    if (!v) return std::nullopt;
    if (const auto* s = v->get_ptr<const std::string*>()) return *s;
    if (const auto* u = v->get_ptr<const Json::number_unsigned_t*>()) return std::to_string(*u);
    if (const auto* i = v->get_ptr<const Json::number_integer_t*>()) return std::to_string(*i);
    return std::nullopt;
}

std::optional<double> number_value(const Json* v) {
    if (!v) return std::nullopt;
    // The parser refuses overflowing numbers, but a Json built in code may hold an infinity.
    if (const auto* f = v->get_ptr<const Json::number_float_t*>()) return std::isfinite(*f) ? std::optional<double>(*f) : std::nullopt;
    if (const auto* u = v->get_ptr<const Json::number_unsigned_t*>()) return static_cast<double>(*u);
    if (const auto* i = v->get_ptr<const Json::number_integer_t*>()) return static_cast<double>(*i);
    if (const auto* s = v->get_ptr<const std::string*>()) return parse_decimal(*s);
    return std::nullopt;
}

std::optional<int64_t> integer_value(const Json* v) {
    if (!v) return std::nullopt;
    if (const auto* u = v->get_ptr<const Json::number_unsigned_t*>())
        return *u <= static_cast<uint64_t>(INT64_MAX) ? std::optional<int64_t>(static_cast<int64_t>(*u)) : std::nullopt;
    if (const auto* i = v->get_ptr<const Json::number_integer_t*>()) return *i;
    if (const auto* f = v->get_ptr<const Json::number_float_t*>()) return integral(*f);
    if (const auto* s = v->get_ptr<const std::string*>()) {
        if (auto i = parse_int(*s)) return i;
        if (auto d = parse_decimal(*s)) return integral(*d);
    }
    return std::nullopt;
}

std::optional<bool> boolean_value(const Json* v) {
    if (!v) return std::nullopt;
    if (const auto* b = v->get_ptr<const bool*>()) return *b;
    if (const std::optional<int64_t> i = v->is_number() ? integer_value(v) : std::nullopt; i && (*i == 0 || *i == 1))
        return *i == 1;
    if (const auto* s = v->get_ptr<const std::string*>()) {
        if (*s == "true" || *s == "1") return true;
        if (*s == "false" || *s == "0") return false;
    }
    return std::nullopt;
}

//-----------------------------------------------------------------------------
// [SECTION] ObjectReader
//-----------------------------------------------------------------------------

bool equals_ignoring_ascii_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    const auto fold = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
    for (size_t i = 0; i < a.size(); ++i)
        if (fold(a[i]) != fold(b[i])) return false;
    return true;
}

ObjectReader::ObjectReader(const Json* object, std::string_view path, std::vector<Error>& errors)
    : object_(object && object->is_object() ? object : nullptr), errors_(&errors) {
    if (path.size() <= kShortPath) {
        std::copy(path.begin(), path.end(), short_path_);
        short_size_ = static_cast<unsigned char>(path.size());
    } else {
        long_path_ = path;
    }
}

GP_COLD_CODE_BEGIN
[[gnu::noinline]] void ObjectReader::set_path(std::string_view parent, std::string_view key) {
    const size_t size = child_path_size(parent, key);
    if (size > kShortPath) {
        long_path_ = child_path(parent, key);
        return;
    }
    write_child_path(short_path_, parent, key);
    short_size_ = static_cast<unsigned char>(size);
}
GP_COLD_CODE_END

[[gnu::noinline]] bool ObjectReader::consumed(const Json* member) const {
    const Json* const* inline_end = consumed_ + std::min(consumed_size_, kInlineConsumed);
    return std::find(consumed_, inline_end, member) != inline_end ||
           std::find(more_consumed_.begin(), more_consumed_.end(), member) != more_consumed_.end();
}

void ObjectReader::consume(const Json* member) {
    if (consumed(member)) return;
    if (consumed_size_ < kInlineConsumed)
        consumed_[consumed_size_] = member;
    else
        more_consumed_.push_back(member);
    ++consumed_size_;
}

const Json* ObjectReader::raw(std::string_view key) {
    const Json* v = object_ ? find_member(*object_, key) : nullptr;
    if (v) consume(v);
    return v;
}

bool ObjectReader::has(std::string_view key) { return object_ && member(*object_, key); }

const Json* ObjectReader::value(std::string_view key) {
    const Json* v = raw(key);
    return v && !v->is_null() ? v : nullptr;
}

void ObjectReader::error(std::string_view key, std::string code, std::string message, int status) {
    errors_->push_back({path_of(key), std::move(code), std::move(message), status});
}

void ObjectReader::warning(std::string_view key, std::string code, std::string message) {
    if (warnings_) warnings_->push_back({path_of(key), std::move(code), std::move(message), 200});
}

void ObjectReader::type_error(std::string_view key, const char* expected) {
    error(key, "type_mismatch", std::string("expected ") + expected);
}

const std::string* ObjectReader::string_ref(std::string_view key) {
    const Json* v = value(key);
    if (!v) return nullptr;
    if (const std::string* s = string_value(v)) return s;
    type_error(key, "a string");
    return nullptr;
}

int ObjectReader::enumeration_index(std::string_view key, const void* table, size_t stride, size_t count,
                                    const char* fallback_meaning) {
    const std::string* text = string_ref(key);
    if (!text) return -1;
    for (size_t i = 0; i < count; ++i) {
        const auto* name = reinterpret_cast<const std::string_view*>(static_cast<const char*>(table) + i * stride);
        if (equals_ignoring_ascii_case(*name, *text)) return static_cast<int>(i);
    }
    if (!fallback_meaning || !warnings_) {
        error(key, "bad_enum", "'" + *text + "' is not one of the allowed values");
        return -1;
    }
    warning(key, "unknown_value", "'" + *text + "' is not a value goalpost knows; read as " + fallback_meaning);
    return kFallback;
}

bool ObjectReader::string(std::string_view key, std::string& out) {
    const std::string* s = string_ref(key);
    if (s) out = *s;
    return s != nullptr;
}

bool ObjectReader::id(std::string_view key, std::string& out) {
    const Json* v = value(key);
    if (!v) return false;
    if (std::optional<std::string> id = id_value(v)) {
        out = std::move(*id);
        return true;
    }
    type_error(key, "a string or integer id");
    return false;
}

bool ObjectReader::number(std::string_view key, double& out) {
    const Json* v = value(key);
    if (!v) return false;
    if (!v->is_number() && !v->is_string()) {
        type_error(key, "a number or a decimal string");
        return false;
    }
    const std::optional<double> d = number_value(v);
    if (!d) {
        error(key, "bad_number", v->is_string() ? "not a finite decimal number" : "number out of range");
        return false;
    }
    out = *d;
    return true;
}

bool ObjectReader::number(std::string_view key, std::optional<double>& out) {
    return read_optional<double>(key, out, &ObjectReader::number);
}

bool ObjectReader::integer(std::string_view key, int64_t& out) {
    const Json* v = value(key);
    if (!v) return false;
    if (!v->is_number() && !v->is_string()) {
        type_error(key, "an integer");
        return false;
    }
    const std::optional<int64_t> i = integer_value(v);
    if (!i) {
        error(key, "bad_number", "not an integer in the 64-bit range");
        return false;
    }
    out = *i;
    return true;
}

bool ObjectReader::integer(std::string_view key, std::optional<int64_t>& out) {
    return read_optional<int64_t>(key, out, &ObjectReader::integer);
}

bool ObjectReader::boolean(std::string_view key, bool& out) {
    const Json* v = value(key);
    if (!v) return false;
    if (const std::optional<bool> b = boolean_value(v)) {
        out = *b;
        return true;
    }
    type_error(key, "a boolean (true/false or 0/1)");
    return false;
}

bool ObjectReader::date(std::string_view key, Date& out) {
    std::string text;
    if (!string(key, text)) return false;
    if (const auto d = parse_civil_date(text)) {
        out = *d;
        return true;
    }
    error(key, "bad_date", "'" + text + "' is not a YYYY-MM-DD date that exists");
    return false;
}

bool ObjectReader::date(std::string_view key, std::optional<Date>& out) {
    return read_optional<Date>(key, out, &ObjectReader::date);
}

bool ObjectReader::timestamp(std::string_view key, std::optional<TimestampMs>& out) {
    std::string text;
    if (!string(key, text)) return false;
    if (const auto t = parse_timestamp(text)) {
        out = *t;
        return true;
    }
    error(key, "bad_timestamp", "'" + text + "' is not an ISO 8601 timestamp");
    return false;
}

bool ObjectReader::integer_list(std::string_view key, std::optional<std::vector<int64_t>>& out) {
    const Json* v = raw(key);
    if (!v) return false;
    if (v->is_null()) {
        out.reset();
        return true;
    }
    if (!v->is_array()) {
        type_error(key, "an array of integers or null");
        return false;
    }
    std::vector<int64_t> ids;
    ids.reserve(v->size());
    for (size_t i = 0; i < v->size(); ++i) {
        const std::optional<int64_t> n = integer_value(&(*v)[i]);
        if (!n) {
            errors_->push_back({child_path(path_of(key), i), "type_mismatch", "expected an integer", 400});
            return false;
        }
        ids.push_back(*n);
    }
    out = std::move(ids);
    return true;
}

bool ObjectReader::string_list(std::string_view key, std::vector<std::string>& out) {
    const Json* v = array(key);
    if (!v) return false;
    std::vector<std::string> items;
    items.reserve(v->size());
    for (size_t i = 0; i < v->size(); ++i) {
        const auto* s = (*v)[i].get_ptr<const std::string*>();
        if (!s) {
            errors_->push_back({child_path(path_of(key), i), "type_mismatch", "expected a string", 400});
            return false;
        }
        items.push_back(*s);
    }
    out = std::move(items);
    return true;
}

ObjectReader ObjectReader::object(std::string_view key) {
    const Json* v = value(key);
    if (v && !v->is_object()) {
        type_error(key, "an object");
        v = nullptr;
    }
    ObjectReader child(v, std::string_view(), *errors_);
    child.set_path(path(), key);
    child.warnings_ = warnings_;
    return child;
}

const Json* ObjectReader::array(std::string_view key) {
    const Json* v = value(key);
    if (v && !v->is_array()) {
        type_error(key, "an array");
        return nullptr;
    }
    return v;
}

Json ObjectReader::unknown() const {
    Json out;  // null until there is something to keep
    // Each member is counted once, so when the counts agree (most objects) nothing is left.
    if (!object_ || consumed_size_ == object_->size()) return out;
    for (auto it = object_->begin(); it != object_->end(); ++it)
        if (!consumed(&*it)) out[it.key()] = *it;
    return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Writing helpers
//-----------------------------------------------------------------------------
GP_COLD_CODE_BEGIN

Json id_json(const std::string& id) {
    if (const auto i = parse_int(id); i && std::to_string(*i) == id) return *i;
    return id;
}

Json number_json(double value) {
    if (const auto i = integral(value); i && std::fabs(value) < 1e15) return *i;
    return value;
}

void merge_missing(Json& out, const Json& extra) {
    if (!out.is_object() || !extra.is_object()) return;
    for (auto it = extra.begin(); it != extra.end(); ++it) {
        auto mine = out.find(it.key());
        if (mine == out.end()) out[it.key()] = *it;
        else if (mine->is_object() && it->is_object()) merge_missing(*mine, *it);
    }
}

std::string dump_json(const Json& value, int indent) {
    return value.dump(indent, ' ', false, Json::error_handler_t::replace);
}

Json json_object(std::initializer_list<JsonMember> members) {
    Json out = Json::object();
    for (const JsonMember& member : members) out[member.key] = std::move(member.value);
    return out;
}

GP_COLD_CODE_END

}  // namespace gp
