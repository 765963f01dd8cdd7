// URL normalization (see url.hpp for the policy).
//
// Index
// - [SECTION] Character classes
// - [SECTION] Percent-escapes and case
// - [SECTION] Path policy
// - [SECTION] Whole URLs
// - [SECTION] Request URLs
#include "core/url.hpp"
#include "core/cold_code.hpp"

#include <algorithm>
#include <cassert>
#include <cstring>
#include <functional>

namespace gp {

//-----------------------------------------------------------------------------
// [SECTION] Character classes
//-----------------------------------------------------------------------------

namespace {

constexpr bool is_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
constexpr bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

// RFC 3986 unreserved: escaping them changes nothing, so their escapes are decoded.
constexpr bool is_unreserved(unsigned char c) {
    return is_alpha(c) || is_digit(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

// RFC 3986 gen-delims and sub-delims: an escaped one means something else than a raw one.
constexpr bool is_reserved(unsigned char c) {
    switch (c) {
        case ':': case '/': case '?': case '#': case '[': case ']': case '@':
        case '!': case '$': case '&': case '\'': case '(': case ')': case '*': case '+': case ',': case ';':
        case '=':
            return true;
        default:
            return false;
    }
}

// Bytes >= 0x80 are left raw (decoded) so that UTF-8 text reads and matches as typed.
constexpr bool decodes_to_raw(unsigned char c) { return is_unreserved(c) || c >= 0x80; }
constexpr bool stays_raw(unsigned char c) { return decodes_to_raw(c) || is_reserved(c); }

int hex_value(unsigned char c) {
    if (is_digit(c)) return c - '0';
    const unsigned char lower = c | 0x20;
    if (lower >= 'a' && lower <= 'f') return lower - 'a' + 10;
    return -1;
}

constexpr bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && is_space(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Percent-escapes and case
//-----------------------------------------------------------------------------

namespace {

// The writers below write through a pointer into a buffer their caller sized for the worst case (a byte
// becomes at most three, "%XX") and return where they stopped: no capacity check per byte.

// What canonicalization does with a byte. In a host it also refuses spaces and control bytes, and
// lower-cases everything it writes, escapes' hex digits included.
enum class ByteAction : uint8_t { copy, percent, escape, refuse };

struct ByteTables {
    ByteAction in_text[256];
    ByteAction in_host[256];
    char lower[256];
    bool in_authority_syntax[256];  // the bytes split_authority looks at: / ? # @ : ]
    constexpr ByteTables() : in_text(), in_host(), lower(), in_authority_syntax() {
        for (int c = 0; c < 256; ++c) {
            const unsigned char u = static_cast<unsigned char>(c);
            in_text[c] = u == '%' ? ByteAction::percent : stays_raw(u) ? ByteAction::copy : ByteAction::escape;
            in_host[c] = u <= 0x20 || u == 0x7F ? ByteAction::refuse : in_text[c];
            lower[c] = static_cast<char>(u >= 'A' && u <= 'Z' ? u | 0x20 : u);
            in_authority_syntax[c] = u == '/' || u == '?' || u == '#' || u == '@' || u == ':' || u == ']';
        }
    }
};
constexpr ByteTables kBytes;

char* write_escape(unsigned char c, bool lower_case, char* w) {
    static const char kUpperHex[] = "0123456789ABCDEF";
    static const char kLowerHex[] = "0123456789abcdef";
    const char* hex = lower_case ? kLowerHex : kUpperHex;
    w[0] = '%';
    w[1] = hex[c >> 4];
    w[2] = hex[c & 15];
    return w + 3;
}

// Percent-escape canonicalization of `text` (see url.hpp); nullptr when a host holds a refused byte.
template <bool kHost>
char* write_canonical(std::string_view text, char* w) {
    const ByteAction* actions = kHost ? kBytes.in_host : kBytes.in_text;
    const size_t n = text.size();
    for (size_t i = 0; i < n;) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        const ByteAction action = actions[c];
        if (action == ByteAction::copy) {  // nearly every byte: tested first, not dispatched
            *w++ = kHost ? kBytes.lower[c] : static_cast<char>(c);
            ++i;
            continue;
        }
        switch (action) {
            case ByteAction::copy: break;
            case ByteAction::percent: {
                const int high = i + 2 < n ? hex_value(static_cast<unsigned char>(text[i + 1])) : -1;
                const int low = i + 2 < n ? hex_value(static_cast<unsigned char>(text[i + 2])) : -1;
                if (high < 0 || low < 0) {  // a lone '%': the escaped spelling is the canonical one
                    w = write_escape(c, kHost, w);
                    ++i;
                    break;
                }
                const unsigned char decoded = static_cast<unsigned char>(high * 16 + low);
                if (!decodes_to_raw(decoded)) w = write_escape(decoded, kHost, w);
                else *w++ = kHost ? kBytes.lower[decoded] : static_cast<char>(decoded);
                i += 3;
                break;
            }
            case ByteAction::escape:  // a space, a quote, a control byte...
                w = write_escape(c, kHost, w);
                ++i;
                break;
            case ByteAction::refuse: return nullptr;
        }
    }
    return w;
}

}  // namespace

void canonicalize_percent(std::string_view text, std::string& out) {
    const size_t start = out.size();
    out.resize(start + 3 * text.size());
    char* const begin = &out[0];
    const char* end = write_canonical<false>(text, begin + start);
    out.resize(static_cast<size_t>(end - begin));
}

void fold_ascii(std::string_view text, char* out) {
    // Eight bytes at a time in a 64-bit word (wasm has no vectors here, and this is as fast natively):
    // per byte, the high bit of (b + 0x3F) is set when b > 'A' - 1, of (b + 0x25) when b > 'Z', for the
    // low seven bits b of ASCII bytes; 'A'..'Z' get 0x20 added.
    constexpr uint64_t kOnes = 0x0101010101010101ull;
    const size_t n = text.size();
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t word;
        std::memcpy(&word, text.data() + i, 8);
        const uint64_t low7 = word & (0x7F * kOnes);
        const uint64_t upper = (low7 + (0x80 - 'A') * kOnes) & ~(low7 + (0x7F - 'Z') * kOnes) & ~word & (0x80 * kOnes);
        word |= upper >> 2;
        std::memcpy(out + i, &word, 8);
    }
    for (; i < n; ++i) out[i] = kBytes.lower[static_cast<unsigned char>(text[i])];
}

void fold_ascii(std::string_view text, std::string& out) {
    const size_t start = out.size();
    out.resize(start + text.size());
    fold_ascii(text, &out[start]);
}

namespace {

// Where "scheme:" ends in `text` (the ':'), when it is followed by "//"; npos otherwise.
size_t scheme_colon(std::string_view text) {
    if (text.empty() || !is_alpha(static_cast<unsigned char>(text[0]))) return std::string_view::npos;
    for (size_t i = 1; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == ':') return text.substr(i + 1, 2) == "//" ? i : std::string_view::npos;
        if (!is_alpha(c) && !is_digit(c) && c != '+' && c != '-' && c != '.') return std::string_view::npos;
    }
    return std::string_view::npos;
}

}  // namespace

bool has_scheme(std::string_view text) { return scheme_colon(trim(text)) != std::string_view::npos; }

//-----------------------------------------------------------------------------
// [SECTION] Path policy
//-----------------------------------------------------------------------------

void drop_trailing_slash(std::string& path) {
    while (path.size() > 1 && path.back() == '/') path.pop_back();
}

namespace {

// RFC 3986 5.2.4 on the path [begin, end), in place (the result is never longer); returns its new end.
char* remove_dot_segments(char* begin, char* end) {
    const std::string_view in(begin, static_cast<size_t>(end - begin));
    bool dot_segment_start = false;  // "/." somewhere: the common case is none, found in one pass
    for (size_t i = 1; i < in.size() && !dot_segment_start; ++i) dot_segment_start = in[i] == '.' && in[i - 1] == '/';
    if (!dot_segment_start) return end;
    std::string outp;
    outp.reserve(in.size());
    size_t i = 0;
    while (i < in.size()) {
        const size_t next = in.find('/', i + 1);
        const std::string_view seg = in.substr(i, next == std::string_view::npos ? std::string_view::npos : next - i);
        if (seg == "/." || seg == "/..") {
            if (seg == "/..") {
                const size_t cut = outp.rfind('/');
                outp.resize(cut == std::string::npos ? 0 : cut);
            }
            if (next == std::string_view::npos) outp.push_back('/');  // "/a/.." ends in a directory
        } else {
            outp.append(seg.data(), seg.size());
        }
        if (next == std::string_view::npos) break;
        i = next;
    }
    std::copy(outp.begin(), outp.end(), begin);
    return begin + outp.size();
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Whole URLs
//-----------------------------------------------------------------------------

const char* url_status_message(UrlStatus status) {
    switch (status) {
        case UrlStatus::ok: return "ok";
        case UrlStatus::empty: return "the URL is empty";
        case UrlStatus::no_scheme: return "the URL has no scheme:// (it is not absolute)";
        case UrlStatus::no_host: return "the URL has no host";
        case UrlStatus::bad_port: return "the URL's port is not a number from 0 to 65535";
        case UrlStatus::bad_character: return "the URL's host holds a space, a control character or an unclosed '['";
    }
    return "unknown URL status";
}

namespace {

struct Authority {
    std::string_view host;
    std::string_view port;
    bool host_has_colon = false;
};

// Finds where the authority ends (the first '/', '?' or '#') and splits "user@host:port" in the same
// pass (userinfo is dropped: it never identifies a page). The port is after the last ':' that follows
// the last '@', unless a ']' (the end of an IPv6 literal) comes after that ':'.
Authority split_authority(std::string_view rest, size_t& authority_end) {
    size_t start = 0, first_colon = std::string_view::npos, last_colon = std::string_view::npos;
    size_t bracket = std::string_view::npos;
    size_t i = 0;
    for (; i < rest.size(); ++i) {
        const char c = rest[i];
        if (!kBytes.in_authority_syntax[static_cast<unsigned char>(c)]) continue;  // most bytes: one test
        if (c == '/' || c == '?' || c == '#') break;
        if (c == '@') {
            start = i + 1;
            first_colon = last_colon = bracket = std::string_view::npos;
        } else if (c == ':') {
            if (first_colon == std::string_view::npos) first_colon = i;
            last_colon = i;
        } else {
            bracket = i;
        }
    }
    authority_end = i;
    Authority a;
    if (last_colon != std::string_view::npos && (bracket == std::string_view::npos || last_colon > bracket)) {
        a.host = rest.substr(start, last_colon - start);
        a.port = rest.substr(last_colon + 1, i - last_colon - 1);
        a.host_has_colon = first_colon < last_colon;
    } else {
        a.host = rest.substr(start, i - start);
        a.host_has_colon = last_colon != std::string_view::npos;
    }
    return a;
}

// The port to keep ("" when it is absent or the scheme's default); false when it is not a port.
bool normalize_port(std::string_view scheme, std::string_view port, std::string_view& kept) {
    kept = {};
    while (port.size() > 1 && port[0] == '0') port.remove_prefix(1);
    if (port.empty()) return true;
    if (port.size() > 5) return false;
    unsigned value = 0;
    for (char c : port) {
        if (!is_digit(static_cast<unsigned char>(c))) return false;
        value = value * 10 + static_cast<unsigned>(c - '0');
    }
    if (value > 65535) return false;
    const bool is_default = (scheme == "http" && value == 80) || (scheme == "https" && value == 443) ||
                            (scheme == "ws" && value == 80) || (scheme == "wss" && value == 443);
    if (!is_default) kept = port;
    return true;
}

// The host, canonicalized and lower-cased, without trailing dots ("example.com." is the same host).
UrlStatus write_host(std::string_view host, char*& w) {
    if (host.empty()) return UrlStatus::no_host;
    if (host.front() == '[' && host.back() != ']') return UrlStatus::bad_character;  // an unclosed IPv6 literal
    char* const start = w;
    char* end = write_canonical<true>(host, w);
    if (!end) return UrlStatus::bad_character;
    while (end > start && end[-1] == '.') --end;
    w = end;
    return end > start ? UrlStatus::ok : UrlStatus::no_host;
}

// The path with dot segments resolved and the trailing-slash policy applied.
char* write_path(std::string_view path, char* w) {
    char* const start = w;
    if (path.empty() || path[0] != '/') *w++ = '/';
    w = remove_dot_segments(start, write_canonical<false>(path, w));
    if (w == start) *w++ = '/';
    while (w - start > 1 && w[-1] == '/') --w;
    return w;
}

}  // namespace

UrlStatus normalize_url(std::string_view raw, NormalizedUrl& out) {
    std::string& buffer = out.buffer_;
    const std::less<const char*> before;  // a total order, also between unrelated pointers
    if (!raw.empty() && !before(raw.data(), buffer.data()) && before(raw.data(), buffer.data() + buffer.size())) {
        // `raw` views this object's own text, which the writing below would overwrite as it reads.
        const std::string copy(raw);
        return normalize_url(copy, out);
    }
    out.length_ = 0;
    out.host_begin = out.host_end = out.path_begin = out.path_end = out.query_begin = out.query_end = 0;
    raw = trim(raw);
    if (raw.empty()) return UrlStatus::empty;
    const size_t colon = scheme_colon(raw);
    if (colon == std::string_view::npos) return UrlStatus::no_scheme;

    // Every byte becomes at most three, and a missing path one '/': the text is written into a buffer of
    // that size.
    if (buffer.size() < 3 * raw.size() + 2) buffer.resize(3 * raw.size() + 2);
    char* const begin = &buffer[0];
    char* w = begin;
    // A URL that cannot be used leaves nothing behind: an empty text, and offsets that slice it.
    auto fail = [&out](UrlStatus status) {
        out.host_begin = out.host_end = out.path_begin = out.path_end = out.query_begin = out.query_end = 0;
        return status;
    };
    for (size_t i = 0; i < colon; ++i) *w++ = kBytes.lower[static_cast<unsigned char>(raw[i])];
    const std::string_view scheme(begin, colon);
    std::string_view rest = raw.substr(colon + 3);

    size_t authority_end = 0;
    const Authority authority = split_authority(rest, authority_end);
    std::string_view port;
    if (!normalize_port(scheme, authority.port, port)) return fail(UrlStatus::bad_port);
    // "host:1:2" leaves a ':' in the host: only a bracketed IPv6 literal may hold one.
    if (authority.host_has_colon && authority.host.substr(0, 1) != "[") return fail(UrlStatus::bad_port);
    *w++ = ':';
    *w++ = '/';
    *w++ = '/';
    out.host_begin = static_cast<uint32_t>(w - begin);
    if (UrlStatus s = write_host(authority.host, w); s != UrlStatus::ok) return fail(s);
    out.host_end = static_cast<uint32_t>(w - begin);
    if (!port.empty()) {
        *w++ = ':';
        w = std::copy(port.begin(), port.end(), w);
    }
    rest.remove_prefix(authority_end);

    // The fragment starts at the first '#', the query at the first '?' before it: one pass finds both.
    size_t hash = std::string_view::npos, question = std::string_view::npos;
    for (size_t i = 0; i < rest.size(); ++i) {
        if (rest[i] == '#') {
            hash = i;
            break;
        }
        if (rest[i] == '?' && question == std::string_view::npos) question = i;
    }
    const std::string_view before_fragment = rest.substr(0, hash);
    out.path_begin = static_cast<uint32_t>(w - begin);
    w = write_path(before_fragment.substr(0, question), w);
    out.path_end = static_cast<uint32_t>(w - begin);
    out.query_begin = out.query_end = out.path_end;
    if (question != std::string_view::npos && question + 1 < before_fragment.size()) {
        *w++ = '?';
        out.query_begin = static_cast<uint32_t>(w - begin);
        w = write_canonical<false>(before_fragment.substr(question + 1), w);
        out.query_end = static_cast<uint32_t>(w - begin);
    }
    if (hash != std::string_view::npos && hash + 1 < rest.size()) {
        *w++ = '#';
        w = write_canonical<false>(rest.substr(hash + 1), w);
    }
    assert(static_cast<size_t>(w - begin) <= 3 * raw.size() + 2 && "the buffer was sized for the worst case");
    out.length_ = static_cast<size_t>(w - begin);
    assert(out.host_begin <= out.host_end && out.path_begin < out.path_end && "a normalized URL always has a path");
    return UrlStatus::ok;
}

//-----------------------------------------------------------------------------
// [SECTION] Request URLs
//-----------------------------------------------------------------------------
GP_COLD_CODE_BEGIN

bool is_http_url(std::string_view url) { return url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0; }

std::string origin_of(std::string_view url) {
    const size_t scheme_end = url.find("://");
    if (scheme_end == std::string_view::npos) return {};
    const std::string_view origin = url.substr(0, url.find_first_of("/?#", scheme_end + 3));
    std::string out;
    fold_ascii(origin, out);
    return out;
}

void append_percent_encoded(std::string_view text, std::string& out) {
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (is_unreserved(byte)) {
            out.push_back(c);
            continue;
        }
        char escape[3];
        write_escape(byte, false, escape);
        out.append(escape, 3);
    }
}

std::string with_query_param(std::string_view url, std::string_view key, std::string_view value) {
    const size_t hash = url.find('#');
    const std::string_view fragment = hash == std::string_view::npos ? std::string_view() : url.substr(hash);
    const std::string_view before_hash = url.substr(0, hash);
    const size_t question = before_hash.find('?');
    std::string out(before_hash.substr(0, question));
    out.push_back('?');
    std::string_view query = question == std::string_view::npos ? std::string_view() : before_hash.substr(question + 1);
    while (!query.empty()) {
        const size_t amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
        if (pair.empty() || pair.substr(0, pair.find('=')) == key) continue;
        out.append(pair);
        out.push_back('&');
    }
    out.append(key);
    out.push_back('=');
    append_percent_encoded(value, out);
    out.append(fragment);
    return out;
}

GP_COLD_CODE_END

}  // namespace gp
