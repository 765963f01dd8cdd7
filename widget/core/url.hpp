// URL normalization for condition matching.
//
// Two spellings of the same page must compare equal before any operator runs, so both the page-view URL
// and the condition's pattern go through the same steps (docs/conditions.md has the policy in full):
//   - scheme and host are lower-cased; the default port (http 80, https 443) is dropped;
//   - percent-escapes of characters that carry no URL syntax (unreserved ASCII and every byte >= 0x80)
//     are decoded, the remaining escapes get upper-case hex, and raw bytes that need no escape stay raw,
//     so "/caf%C3%A9", "/caf%c3%a9" and "/café" are one path;
//   - "." and ".." path segments are resolved (RFC 3986 section 5.2.4);
//   - trailing-slash policy: an empty path is "/", and trailing "/"s on any longer path are dropped
//     ("/pricing/" is "/pricing"), because sites serve both spellings as one page;
//   - the fragment is kept in the full URL (single-page apps route by it) but is never part of path/query.
//
// uriparser (RFC 3986) was the intended parser; Debian's mirror here serves its binary but not its
// source package (404), and the wasm build needs the sources. The split below is RFC 3986 Appendix B's,
// which is a fixed left-to-right scan, not a grammar; docs/conditions.md records the decision.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace gp {

enum class UrlStatus : uint8_t {
    ok,
    empty,           // nothing to parse
    no_scheme,       // "example.com/x": a fragment, not an absolute URL
    no_host,         // "http:///x"
    bad_port,        // non-digits or > 65535
    bad_character,   // control characters or spaces in the host, or an unclosed "[" 
};

// A normalized URL: its text plus the offsets of its parts inside it. The views stay valid until the
// next normalize_url into the same object.
struct NormalizedUrl {
    uint32_t host_begin = 0, host_end = 0;
    uint32_t path_begin = 0, path_end = 0;
    uint32_t query_begin = 0, query_end = 0;  // without the '?'

    std::string_view text() const { return std::string_view(buffer_.data(), length_); }
    std::string_view host() const { return part(host_begin, host_end); }
    std::string_view path() const { return part(path_begin, path_end); }
    std::string_view query() const { return part(query_begin, query_end); }

private:
    std::string_view part(uint32_t b, uint32_t e) const { return text().substr(b, e - b); }

    // The text is written straight into this buffer, sized for the worst case; it only grows, so that a
    // call neither writes the whole worst case over again nor copies the text out (in wasm, a
    // std::string assign is libc++'s out-of-line code, built without inlining: a fifth of a call's time).
    std::string buffer_;
    size_t length_ = 0;
    friend UrlStatus normalize_url(std::string_view raw, NormalizedUrl& out);
};


const char* url_status_message(UrlStatus status);

// Normalizes an absolute URL into `out` (its buffer is reused, so a loop allocates only while it grows).
// `raw` may view `out`'s own text.
UrlStatus normalize_url(std::string_view raw, NormalizedUrl& out);

// True when `text` starts with "scheme:" followed by "//": an absolute URL rather than a fragment.
bool has_scheme(std::string_view text);

// Percent-escape canonicalization alone, for values that are not whole URLs (a path, a "contains"
// fragment, a query). Appends to `out`.
void canonicalize_percent(std::string_view text, std::string& out);

// The trailing-slash policy on a path-like string: drops trailing '/'s, keeping a lone "/".
void drop_trailing_slash(std::string& path);

// ASCII lower-casing, appended to `out` (`text` must not point into it); bytes >= 0x80 stay as they are.
void fold_ascii(std::string_view text, std::string& out);
// The same into text.size() bytes at `out`.
void fold_ascii(std::string_view text, char* out);

// Building the URLs the widget requests (paging and writes, core/vendor_api.hpp). These work on the text
// as given, not normalized: a server may tell "%2F" from "/" in its own paths.

// Absolute http:// or https://: the only URLs the widget requests.
bool is_http_url(std::string_view url);
// "scheme://host[:port]", lower-cased; empty when `url` has no "scheme://".
std::string origin_of(std::string_view url);
// Percent-encodes every byte except RFC 3986's unreserved ones, for a query value or one path segment.
void append_percent_encoded(std::string_view text, std::string& out);
// `url` with `key=value` (value percent-encoded) as its last query parameter, an earlier `key` dropped and
// the other parameters and the fragment kept as they were.
std::string with_query_param(std::string_view url, std::string_view key, std::string_view value);

}  // namespace gp
