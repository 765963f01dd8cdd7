// URL normalization (see url.hpp for the policy).
//
// Index
// - [SECTION] Character classes
// - [SECTION] Percent-escapes and case
// - [SECTION] Path policy
// - [SECTION] Whole URLs
#include "core/url.hpp"

#include <cassert>

namespace gp {

//-----------------------------------------------------------------------------
// [SECTION] Character classes
//-----------------------------------------------------------------------------

namespace {

bool is_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

// RFC 3986 unreserved: escaping them changes nothing, so their escapes are decoded.
bool is_unreserved(unsigned char c) {
    return is_alpha(c) || is_digit(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

// RFC 3986 gen-delims and sub-delims: an escaped one means something else than a raw one.
bool is_reserved(unsigned char c) {
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
bool decodes_to_raw(unsigned char c) { return is_unreserved(c) || c >= 0x80; }
bool stays_raw(unsigned char c) { return decodes_to_raw(c) || is_reserved(c); }

int hex_value(unsigned char c) {
    if (is_digit(c)) return c - '0';
    const unsigned char lower = c | 0x20;
    if (lower >= 'a' && lower <= 'f') return lower - 'a' + 10;
    return -1;
}

void append_escape(unsigned char c, std::string& out) {
    static const char kHex[] = "0123456789ABCDEF";
    out.push_back('%');
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 15]);
}

bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && is_space(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Percent-escapes and case
//-----------------------------------------------------------------------------

void canonicalize_percent(std::string_view text, std::string& out) {
    for (size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '%' && i + 2 < text.size() && hex_value(static_cast<unsigned char>(text[i + 1])) >= 0 &&
            hex_value(static_cast<unsigned char>(text[i + 2])) >= 0) {
            const unsigned char decoded = static_cast<unsigned char>(
                hex_value(static_cast<unsigned char>(text[i + 1])) * 16 + hex_value(static_cast<unsigned char>(text[i + 2])));
            if (decodes_to_raw(decoded)) out.push_back(static_cast<char>(decoded));
            else append_escape(decoded, out);
            i += 2;
        } else if (stays_raw(c)) {
            out.push_back(static_cast<char>(c));
        } else {
            // A lone '%', a space, a quote, a control byte: the escaped spelling is the canonical one.
            append_escape(c, out);
        }
    }
}

void fold_ascii(std::string_view text, std::string& out) {
    const size_t start = out.size();
    out.append(text.data(), text.size());
    for (size_t i = start; i < out.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(out[i]);
        if (c >= 'A' && c <= 'Z') out[i] = static_cast<char>(c | 0x20);
    }
}

bool has_scheme(std::string_view text) {
    text = trim(text);
    if (text.empty() || !is_alpha(static_cast<unsigned char>(text[0]))) return false;
    for (size_t i = 1; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == ':') return text.substr(i + 1, 2) == "//";
        if (!is_alpha(c) && !is_digit(c) && c != '+' && c != '-' && c != '.') return false;
    }
    return false;
}

//-----------------------------------------------------------------------------
// [SECTION] Path policy
//-----------------------------------------------------------------------------

void drop_trailing_slash(std::string& path) {
    while (path.size() > 1 && path.back() == '/') path.pop_back();
}

namespace {

// RFC 3986 5.2.4 on the path that starts at `begin` in `text`, in place (the result is never longer).
void remove_dot_segments(std::string& text, size_t begin) {
    const std::string_view in = std::string_view(text).substr(begin);
    if (in.find("/.") == std::string_view::npos) return;  // the common case: nothing to resolve
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
    text.resize(begin);
    text += outp;
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
};

// Splits "user@host:port" (userinfo is dropped: it never identifies a page).
Authority split_authority(std::string_view authority) {
    const size_t at = authority.rfind('@');
    if (at != std::string_view::npos) authority.remove_prefix(at + 1);
    const size_t bracket = authority.rfind(']');
    const size_t colon = authority.rfind(':');
    if (colon != std::string_view::npos && (bracket == std::string_view::npos || colon > bracket))
        return {authority.substr(0, colon), authority.substr(colon + 1)};
    return {authority, {}};
}

// Returns the port to keep ("" when it is absent or the scheme's default), or nullopt-like failure.
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

UrlStatus append_host(std::string_view host, std::string& out) {
    if (host.empty()) return UrlStatus::no_host;
    if (host.front() == '[' && host.back() != ']') return UrlStatus::bad_character;  // an unclosed IPv6 literal
    for (char c : host)
        if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F) return UrlStatus::bad_character;
    const size_t start = out.size();
    canonicalize_percent(host, out);
    for (size_t i = start; i < out.size(); ++i)
        if (out[i] >= 'A' && out[i] <= 'Z') out[i] = static_cast<char>(out[i] | 0x20);
    while (out.size() > start && out.back() == '.') out.pop_back();  // "example.com." is the same host
    return out.size() > start ? UrlStatus::ok : UrlStatus::no_host;
}

void append_path(std::string_view path, NormalizedUrl& out) {
    out.path_begin = static_cast<uint32_t>(out.text.size());
    if (path.empty() || path[0] != '/') out.text.push_back('/');
    canonicalize_percent(path, out.text);
    remove_dot_segments(out.text, out.path_begin);
    if (out.text.size() == out.path_begin) out.text.push_back('/');
    while (out.text.size() - out.path_begin > 1 && out.text.back() == '/') out.text.pop_back();
    out.path_end = static_cast<uint32_t>(out.text.size());
}

}  // namespace

UrlStatus normalize_url(std::string_view raw, NormalizedUrl& out) {
    out.text.clear();
    out.host_begin = out.host_end = out.path_begin = out.path_end = out.query_begin = out.query_end = 0;
    raw = trim(raw);
    if (raw.empty()) return UrlStatus::empty;
    if (!has_scheme(raw)) return UrlStatus::no_scheme;
    const size_t colon = raw.find(':');
    fold_ascii(raw.substr(0, colon), out.text);
    const std::string_view scheme = out.text;  // valid until the next append: used right away below
    std::string_view rest = raw.substr(colon + 3);

    const size_t authority_end = rest.find_first_of("/?#");
    const Authority authority = split_authority(rest.substr(0, authority_end));
    std::string_view port;
    if (!normalize_port(scheme, authority.port, port)) return UrlStatus::bad_port;
    // "host:1:2" leaves a ':' in the host: only a bracketed IPv6 literal may hold one.
    if (authority.host.find(':') != std::string_view::npos && authority.host.substr(0, 1) != "[")
        return UrlStatus::bad_port;
    out.text += "://";
    out.host_begin = static_cast<uint32_t>(out.text.size());
    if (UrlStatus s = append_host(authority.host, out.text); s != UrlStatus::ok) return s;
    out.host_end = static_cast<uint32_t>(out.text.size());
    if (!port.empty()) {
        out.text.push_back(':');
        out.text.append(port.data(), port.size());
    }
    rest = authority_end == std::string_view::npos ? std::string_view() : rest.substr(authority_end);

    const size_t hash = rest.find('#');
    const std::string_view before_fragment = rest.substr(0, hash);
    const size_t question = before_fragment.find('?');
    append_path(before_fragment.substr(0, question), out);
    out.query_begin = out.query_end = static_cast<uint32_t>(out.text.size());
    if (question != std::string_view::npos && question + 1 < before_fragment.size()) {
        out.text.push_back('?');
        out.query_begin = static_cast<uint32_t>(out.text.size());
        canonicalize_percent(before_fragment.substr(question + 1), out.text);
        out.query_end = static_cast<uint32_t>(out.text.size());
    }
    if (hash != std::string_view::npos && hash + 1 < rest.size()) {
        out.text.push_back('#');
        canonicalize_percent(rest.substr(hash + 1), out.text);
    }
    assert(out.host_begin <= out.host_end && out.path_begin < out.path_end && "a normalized URL always has a path");
    return UrlStatus::ok;
}

}  // namespace gp
