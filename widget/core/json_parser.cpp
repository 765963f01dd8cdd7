#include "core/json_parser.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>

#include "core/json_access.hpp"

namespace gp {
namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Length of the valid UTF-8 sequence at `p` (before `end`), or 0 if the bytes there are not one.
size_t utf8_length(const char* p, const char* end) {
    const auto byte = [&](size_t i) { return p + i < end ? static_cast<unsigned char>(p[i]) : 0u; };
    const auto cont = [&](size_t i, unsigned lo = 0x80, unsigned hi = 0xBF) { return byte(i) >= lo && byte(i) <= hi; };
    const unsigned c = byte(0);
    if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
    if (c == 0xE0) return cont(1, 0xA0) && cont(2) ? 3 : 0;
    if (c == 0xED) return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0;  // no UTF-16 surrogates
    if (c >= 0xE1 && c <= 0xEF) return cont(1) && cont(2) ? 3 : 0;
    if (c == 0xF0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
    if (c >= 0xF1 && c <= 0xF3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
    if (c == 0xF4) return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0;
    return 0;
}

void append_utf8(std::string& out, unsigned code) {
    if (code < 0x80) {
        out.push_back(static_cast<char>(code));
    } else if (code < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (code >> 6)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else if (code < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (code >> 12)));
        out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (code >> 18)));
        out.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    }
}

constexpr const char* kReplacement = "\xEF\xBF\xBD";  // U+FFFD in UTF-8

class Parser {
public:
    Parser(std::string_view text, int max_depth, size_t max_errors, JsonParse& out)
        : p_(text.data()), end_(text.data() + text.size()), max_depth_(max_depth), max_errors_(max_errors),
          out_(out) {}

    // The grammar as a loop over two states, "a value comes next" and "a value has ended", with the open
    // containers on frames_: the depth is bounded by max_depth, not by the C++ stack.
    bool run() {
        if (end_ - p_ >= 3 && std::memcmp(p_, "\xEF\xBB\xBF", 3) == 0) p_ += 3;  // as nlohmann skips it
        for (;;) {
            skip_space();
            if (p_ == end_) return false;
            const char c = *p_;
            if (c == '{' || c == '[') {
                const bool object = c == '{';
                if (frames_.size() >= static_cast<size_t>(max_depth_)) {
                    out_.too_deep = true;
                    report("too_deep", "nesting deeper than " + std::to_string(max_depth_) + " levels");
                    return false;
                }
                Json* container = place(Json(object ? Json::value_t::object : Json::value_t::array));
                frames_.push_back(Frame{container, object, false, 0, {}});
                ++p_;
                skip_space();
                if (p_ != end_ && *p_ == (object ? '}' : ']')) {
                    ++p_;
                    frames_.pop_back();
                } else {
                    if (object && !member_key()) return false;
                    continue;  // the first value of the container
                }
            } else if (c == '"') {
                std::string_view plain;
                if (plain_string(plain)) {
                    place(Json(std::string(plain)));
                } else {
                    if (!string_token(text_)) return false;
                    place(Json(std::move(text_)));
                    text_.clear();
                }
            } else if (c == '-' || is_digit(c)) {
                if (!number_token()) return false;
            } else if (!literal()) {
                return false;
            }
            // A value has ended: close the containers that end with it, then find the next value.
            for (;;) {
                skip_space();
                // A NUL byte ends the text, as it does for nlohmann (and for a C string) when a value is complete.
                if (frames_.empty()) return p_ == end_ || *p_ == '\0';
                if (p_ == end_) return false;
                Frame& f = frames_.back();
                if (*p_ == (f.object ? '}' : ']')) {
                    ++p_;
                    frames_.pop_back();
                    continue;
                }
                if (*p_ != ',') return false;
                ++p_;
                if (f.object) {
                    skip_space();
                    if (!member_key()) return false;
                } else {
                    ++f.index;
                }
                break;
            }
        }
    }

private:
    struct Frame {
        Json* container;
        bool object;
        bool has_key = false;   // objects: key_ names the member being read
        size_t index = 0;       // arrays: the element being read
        std::string_view key;   // objects: the raw text of the current key, for error paths only
    };

    void skip_space() {
        while (p_ != end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
    }

    // Where a finished value goes: the root, the end of the open array, or the member named by the last key.
    Json* place(Json&& value) {
        if (frames_.empty()) {
            out_.doc = std::move(value);
            return &out_.doc;
        }
        if (!frames_.back().object) {
            Json::array_t& array = *frames_.back().container->get_ptr<Json::array_t*>();
            array.push_back(std::move(value));
            return &array.back();
        }
        *member_ = std::move(value);
        return member_;
    }

    std::string path() const {
        std::string p;
        for (const Frame& f : frames_) {
            if (!f.object) p = child_path(p, f.index);
            else if (f.has_key) p = child_path(p, f.key);
        }
        return p;
    }

    void report(const char* code, std::string message) {
        if (out_.errors.size() >= max_errors_) return;
        out_.errors.push_back({path(), code, std::move(message), 400});
    }

    // A key, the colon after it, and the member it names (a repeated key names the same member: the last
    // value wins, as in nlohmann's parser).
    bool member_key() {
        if (p_ == end_ || *p_ != '"') return false;
        Frame& f = frames_.back();
        f.has_key = false;
        const char* begin = p_ + 1;
        std::string_view plain;
        const bool is_plain = plain_string(plain);
        if (!is_plain && !string_token(key_)) return false;
        f.key = std::string_view(begin, static_cast<size_t>(p_ - 1 - begin));
        f.has_key = true;
        skip_space();
        if (p_ == end_ || *p_ != ':') return false;
        ++p_;
        if (is_plain) key_.assign(plain.data(), plain.size());
        member_ = &(*f.container->get_ptr<Json::object_t*>())[std::move(key_)];
        key_.clear();
        return true;
    }

    // The end of the run of bytes that need no attention from `p` (not a quote, a backslash, a control
    // character or a byte >= 0x80), eight bytes at a time: most of a payload is such text inside strings.
    const char* plain_run_end(const char* p) const {
        constexpr uint64_t kOnes = 0x0101010101010101ULL, kHighs = 0x8080808080808080ULL;
        const auto has_byte = [&](uint64_t word, unsigned char b) {
            const uint64_t x = word ^ (kOnes * b);
            return ((x - kOnes) & ~x & kHighs) != 0;  // some byte of x is zero
        };
        while (end_ - p >= 8) {
            uint64_t word;
            std::memcpy(&word, p, 8);
            if ((word & kHighs) || ((word - kOnes * 0x20) & ~word & kHighs) || has_byte(word, '"') ||
                has_byte(word, '\\'))
                break;
            p += 8;
        }
        while (p != end_) {
            const unsigned char c = static_cast<unsigned char>(*p);
            if (c >= 0x80 || c < 0x20 || c == '"' || c == '\\') break;
            ++p;
        }
        return p;
    }

    // The common string, with nothing to decode: when the string at p_ (its opening quote) is one run of
    // plain bytes, `out` views them and p_ ends past the closing quote. A value is built straight from the
    // view, skipping the reused buffer and its appends (a call each in wasm); a key is assigned into key_. False leaves p_ alone.
    bool plain_string(std::string_view& out) {
        const char* begin = p_ + 1;
        const char* run_end = plain_run_end(begin);
        if (run_end == end_ || *run_end != '"') return false;
        out = std::string_view(begin, static_cast<size_t>(run_end - begin));
        p_ = run_end + 1;
        return true;
    }

    // The string at p_ (its opening quote), decoded into `out`; p_ ends past the closing quote.
    bool string_token(std::string& out) {
        ++p_;
        bool reported = false;  // one error per string is enough to name the place
        const auto repaired = [&](const char* message) {
            out.append(kReplacement);
            if (reported) return;
            reported = true;
            std::string at = path();  // a key's is its object's: member_key() cleared has_key
            if (out_.errors.size() < max_errors_) out_.errors.push_back({at, "bad_utf8", message, 400});
            out_.repaired.push_back(std::move(at));
        };
        for (;;) {
            const char* run = p_;
            p_ = plain_run_end(p_);
            out.append(run, static_cast<size_t>(p_ - run));
            if (p_ == end_) return false;
            const unsigned char c = static_cast<unsigned char>(*p_);
            if (c == '"') {
                ++p_;
                return true;
            }
            if (c < 0x20) return false;  // control characters must be escaped
            if (c == '\\') {
                if (!escape(out, repaired)) return false;
                continue;
            }
            if (const size_t n = utf8_length(p_, end_)) {
                out.append(p_, n);
                p_ += n;
                continue;
            }
            repaired("invalid UTF-8, replaced with U+FFFD");
            ++p_;
        }
    }

    // The four hex digits of a \u escape at `p` (the backslash), or -1.
    int escape_code(const char* p) const {
        if (end_ - p < 6 || p[0] != '\\' || p[1] != 'u') return -1;
        int code = 0;
        for (int i = 2; i < 6; ++i) {
            const int h = hex_value(p[i]);
            if (h < 0) return -1;
            code = code * 16 + h;
        }
        return code;
    }

    template <class Repaired>
    bool escape(std::string& out, Repaired& repaired) {
        if (end_ - p_ < 2) return false;
        char plain = 0;
        switch (p_[1]) {
            case '"': plain = '"'; break;
            case '\\': plain = '\\'; break;
            case '/': plain = '/'; break;
            case 'b': plain = '\b'; break;
            case 'f': plain = '\f'; break;
            case 'n': plain = '\n'; break;
            case 'r': plain = '\r'; break;
            case 't': plain = '\t'; break;
            case 'u': break;
            default: return false;
        }
        if (plain) {
            out.push_back(plain);
            p_ += 2;
            return true;
        }
        const int code = escape_code(p_);
        if (code < 0) return false;
        if (code < 0xD800 || code > 0xDFFF) {
            append_utf8(out, static_cast<unsigned>(code));
            p_ += 6;
            return true;
        }
        const int low = escape_code(p_ + 6);
        if (code <= 0xDBFF && low >= 0xDC00 && low <= 0xDFFF) {
            append_utf8(out, 0x10000u + ((static_cast<unsigned>(code) - 0xD800u) << 10) + (static_cast<unsigned>(low) - 0xDC00u));
            p_ += 12;
            return true;
        }
        repaired("lone UTF-16 surrogate escape, replaced with U+FFFD");
        p_ += 6;
        return true;
    }

    bool number_token() {
        const char* begin = p_;
        const bool negative = *p_ == '-';
        if (negative) ++p_;
        const char* digits = p_;
        if (p_ == end_ || !is_digit(*p_)) return false;
        if (*p_ == '0') ++p_;
        else while (p_ != end_ && is_digit(*p_)) ++p_;
        bool integral = true;
        if (p_ != end_ && *p_ == '.') {
            ++p_;
            if (p_ == end_ || !is_digit(*p_)) return false;
            while (p_ != end_ && is_digit(*p_)) ++p_;
            integral = false;
        }
        if (p_ != end_ && (*p_ == 'e' || *p_ == 'E')) {
            ++p_;
            if (p_ != end_ && (*p_ == '+' || *p_ == '-')) ++p_;
            if (p_ == end_ || !is_digit(*p_)) return false;
            while (p_ != end_ && is_digit(*p_)) ++p_;
            integral = false;
        }
        if (integral) {
            uint64_t magnitude = 0;
            if (std::from_chars(digits, p_, magnitude).ec == std::errc()) {
                if (!negative) {
                    place(Json(magnitude));
                    return true;
                }
                if (magnitude <= (uint64_t{1} << 63)) {
                    place(Json(static_cast<int64_t>(0 - magnitude)));
                    return true;
                }
            }
        }
        double value = 0;
        read_decimal(begin, p_, value);
        // Kept as its text, so that the field reader reports it where it is.
        if (!std::isfinite(value)) place(Json(std::string(begin, p_)));
        else place(Json(value));
        return true;
    }

    bool literal() {
        const auto word = [&](const char* text, size_t n) {
            if (static_cast<size_t>(end_ - p_) < n || std::memcmp(p_, text, n) != 0) return false;
            p_ += n;
            return true;
        };
        if (word("true", 4)) place(Json(true));
        else if (word("false", 5)) place(Json(false));
        else if (word("null", 4)) place(Json(nullptr));
        else return false;
        return true;
    }

    const char* p_;
    const char* end_;
    int max_depth_;
    size_t max_errors_;
    JsonParse& out_;
    std::vector<Frame> frames_;
    Json* member_ = nullptr;  // the member the last key named, in the innermost open object
    std::string key_, text_;  // reused buffers
};

}  // namespace

JsonParse parse_json_text(std::string_view text, int max_depth, size_t max_errors) {
    JsonParse out;
    if (!Parser(text, max_depth, max_errors, out).run()) out.doc = Json(Json::value_t::discarded);
    return out;
}

}  // namespace gp
