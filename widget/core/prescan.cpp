#include "core/prescan.hpp"

#include <cmath>
#include <cstdint>
#include <cstring>

#include "core/json_access.hpp"

namespace gp {
namespace {

struct Frame {
    bool object = false;
    bool expect_key = true;  // objects alternate key, value; the next string after '{' or ',' is a key
    size_t index = 0;        // arrays: the element being read
    std::string_view key;    // objects: the raw text of the current key
};

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// The four hex digits of a \u escape starting at `pos` (the backslash), or -1.
int escape_code(std::string_view s, size_t pos) {
    if (pos + 6 > s.size() || s[pos] != '\\' || s[pos + 1] != 'u') return -1;
    int code = 0;
    for (size_t i = pos + 2; i < pos + 6; ++i) {
        const int h = hex_value(s[i]);
        if (h < 0) return -1;
        code = code * 16 + h;
    }
    return code;
}

// Length of the valid UTF-8 sequence starting at `pos`, or 0 if the bytes there are not one.
size_t utf8_length(std::string_view s, size_t pos) {
    const auto byte = [&](size_t i) { return i < s.size() ? static_cast<unsigned char>(s[i]) : 0u; };
    const unsigned c = byte(pos);
    const auto cont = [&](size_t i, unsigned lo = 0x80, unsigned hi = 0xBF) { return byte(i) >= lo && byte(i) <= hi; };
    if (c >= 0xC2 && c <= 0xDF) return cont(pos + 1) ? 2 : 0;
    if (c == 0xE0) return cont(pos + 1, 0xA0) && cont(pos + 2) ? 3 : 0;
    if (c == 0xED) return cont(pos + 1, 0x80, 0x9F) && cont(pos + 2) ? 3 : 0;  // no UTF-16 surrogates
    if (c >= 0xE1 && c <= 0xEF) return cont(pos + 1) && cont(pos + 2) ? 3 : 0;
    if (c == 0xF0) return cont(pos + 1, 0x90) && cont(pos + 2) && cont(pos + 3) ? 4 : 0;
    if (c >= 0xF1 && c <= 0xF3) return cont(pos + 1) && cont(pos + 2) && cont(pos + 3) ? 4 : 0;
    if (c == 0xF4) return cont(pos + 1, 0x80, 0x8F) && cont(pos + 2) && cont(pos + 3) ? 4 : 0;
    return 0;
}

bool number_byte(char c) { return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'; }

class Scanner {
public:
    Scanner(std::string_view text, int max_depth, size_t max_errors, PrescanResult& out)
        : in_(text), max_depth_(max_depth), max_errors_(max_errors), out_(out) {}

    void run() {
        while (pos_ < in_.size()) {
            const char c = in_[pos_];
            if (c == '"') string_token();
            else if (c == '{' || c == '[') {
                if (!open(c == '{')) return;
            } else if (c == '}' || c == ']') close();
            else if (c == ',') comma();
            else if (c == '-' || (c >= '0' && c <= '9')) number_token();
            else ++pos_;
        }
        if (out_.changed) out_.repaired.append(in_.substr(flushed_));
    }

private:
    std::string path(bool include_innermost_key) const {
        std::string p;
        for (size_t i = 0; i < stack_.size(); ++i) {
            const Frame& f = stack_[i];
            if (!f.object) p = child_path(p, f.index);
            else if (!f.expect_key && (include_innermost_key || i + 1 < stack_.size())) p = child_path(p, f.key);
        }
        return p;
    }

    void report(std::string code, std::string message, bool at_key) {
        if (out_.errors.size() >= max_errors_) return;
        out_.errors.push_back({path(!at_key), std::move(code), std::move(message), 400});
    }

    void replace(size_t begin, size_t end, std::string_view with) {
        if (!out_.changed) out_.repaired.reserve(in_.size() + 16);
        out_.repaired.append(in_.substr(flushed_, begin - flushed_));
        out_.repaired.append(with);
        flushed_ = end;
        out_.changed = true;
    }

    bool open(bool object) {
        if (stack_.size() >= static_cast<size_t>(max_depth_)) {
            out_.too_deep = true;
            out_.errors.push_back({path(true), "too_deep",
                                   "nesting deeper than " + std::to_string(max_depth_) + " levels", 400});
            return false;
        }
        Frame f;
        f.object = object;
        stack_.push_back(f);
        ++pos_;
        return true;
    }

    void close() {
        if (!stack_.empty()) stack_.pop_back();
        ++pos_;
    }

    void comma() {
        if (!stack_.empty()) {
            Frame& f = stack_.back();
            if (f.object) f.expect_key = true;
            else ++f.index;
        }
        ++pos_;
    }

    // The end of the run of plain ASCII bytes (no quote, no backslash, no byte >= 0x80) from `pos`, eight
    // bytes at a time: most of a payload is such text inside strings, and a byte-at-a-time loop was a
    // tenth of read_goals' time in wasm (node's profiler, bench_read).
    size_t plain_run_end(size_t pos) const {
        constexpr uint64_t kOnes = 0x0101010101010101ULL, kHighs = 0x8080808080808080ULL;
        const auto has_byte = [&](uint64_t word, unsigned char b) {
            const uint64_t x = word ^ (kOnes * b);
            return ((x - kOnes) & ~x & kHighs) != 0;  // some byte of x is zero
        };
        while (pos + 8 <= in_.size()) {
            uint64_t word;
            std::memcpy(&word, in_.data() + pos, 8);
            if ((word & kHighs) || has_byte(word, '"') || has_byte(word, '\\')) break;
            pos += 8;
        }
        while (pos < in_.size()) {
            const unsigned char c = static_cast<unsigned char>(in_[pos]);
            if (c >= 0x80 || c == '"' || c == '\\') break;
            ++pos;
        }
        return pos;
    }

    void string_token() {
        const size_t begin = ++pos_;
        const bool is_key = !stack_.empty() && stack_.back().object && stack_.back().expect_key;
        bool reported = false;  // one error per string is enough to name the place
        const auto bad = [&](const char* message) {
            if (!reported) report("bad_utf8", message, is_key);
            reported = true;
        };
        while (pos_ < in_.size()) {
            const unsigned char c = static_cast<unsigned char>(in_[pos_]);
            if (c == '"') break;
            if (c == '\\') {
                escape(bad);
                continue;
            }
            if (c < 0x80) {
                pos_ = plain_run_end(pos_ + 1);
                continue;
            }
            if (const size_t n = utf8_length(in_, pos_)) {
                pos_ += n;
                continue;
            }
            replace(pos_, pos_ + 1, "\xEF\xBF\xBD");
            bad("invalid UTF-8, replaced with U+FFFD");
            ++pos_;
        }
        if (is_key) {
            stack_.back().key = in_.substr(begin, pos_ - begin);
            stack_.back().expect_key = false;
        }
        ++pos_;  // the closing quote
    }

    template <class Bad>
    void escape(Bad& bad) {
        const int code = escape_code(in_, pos_);
        if (code < 0xD800 || code > 0xDFFF) {  // includes -1: a plain escape, or a bad one for the parser
            pos_ += code < 0 ? 2 : 6;
            return;
        }
        const int low = escape_code(in_, pos_ + 6);
        if (code <= 0xDBFF && low >= 0xDC00 && low <= 0xDFFF) {
            pos_ += 12;
            return;
        }
        replace(pos_, pos_ + 6, "\\ufffd");
        bad("lone UTF-16 surrogate escape, replaced with U+FFFD");
        pos_ += 6;
    }

    void number_token() {
        const size_t begin = pos_;
        bool exponent = false;
        while (pos_ < in_.size() && number_byte(in_[pos_])) {
            exponent |= in_[pos_] == 'e' || in_[pos_] == 'E';
            ++pos_;
        }
        if (!exponent && pos_ - begin < 300) return;  // cannot overflow a double
        double value = 0;
        if (read_decimal(in_.data() + begin, in_.data() + pos_, value) != in_.data() + pos_) return;  // the parser reports it
        if (std::isfinite(value)) return;
        // Quoting keeps the document parseable; the field reader then reports it where it is.
        std::string quoted = "\"";
        quoted.append(in_.substr(begin, pos_ - begin));
        quoted.push_back('"');
        replace(begin, pos_, quoted);
    }

    std::string_view in_;
    int max_depth_;
    size_t max_errors_;
    PrescanResult& out_;
    std::vector<Frame> stack_;
    size_t pos_ = 0;
    size_t flushed_ = 0;
};

}  // namespace

PrescanResult prescan_json(std::string_view text, int max_depth, size_t max_errors) {
    PrescanResult out;
    Scanner(text, max_depth, max_errors, out).run();
    return out;
}

}  // namespace gp
