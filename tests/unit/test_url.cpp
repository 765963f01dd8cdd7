// URL normalization: every spelling of one page normalizes to one string.
#include <catch2/catch.hpp>

#include "core/url.hpp"

namespace {

std::string norm(std::string_view raw) {
    gp::NormalizedUrl u;
    const gp::UrlStatus status = gp::normalize_url(raw, u);
    INFO(raw);
    REQUIRE(status == gp::UrlStatus::ok);
    return std::string(u.text());
}

gp::UrlStatus status_of(std::string_view raw) {
    gp::NormalizedUrl u;
    return gp::normalize_url(raw, u);
}

}  // namespace

TEST_CASE("url: scheme and host are lower-cased, path case is kept") {
    CHECK(norm("HTTPS://Shop.Example.COM/Cart") == "https://shop.example.com/Cart");
    CHECK(norm("http://example.com./a") == "http://example.com/a");
    CHECK(norm("http://example.com../a") == "http://example.com/a");  // found by fuzz_matcher
    CHECK(status_of("http://../a") == gp::UrlStatus::no_host);
}

TEST_CASE("url: default ports are dropped, others kept") {
    CHECK(norm("http://example.com:80/a") == "http://example.com/a");
    CHECK(norm("https://example.com:443/a") == "https://example.com/a");
    CHECK(norm("https://example.com:8443/a") == "https://example.com:8443/a");
    CHECK(norm("http://example.com:/a") == "http://example.com/a");
    CHECK(norm("http://example.com:0080/a") == "http://example.com/a");
    CHECK(status_of("http://example.com:99999/") == gp::UrlStatus::bad_port);
    CHECK(status_of("http://example.com:8o/") == gp::UrlStatus::bad_port);
    CHECK(status_of("http://example.com::/") == gp::UrlStatus::bad_port);  // found by fuzz_matcher
}

TEST_CASE("url: percent-escapes are canonical") {
    // unreserved and UTF-8 escapes decode; reserved ones stay escaped with upper-case hex
    CHECK(norm("http://a.com/%7Euser/caf%c3%a9") == "http://a.com/~user/caf\xC3\xA9");
    CHECK(norm("http://a.com/caf\xC3\xA9") == norm("http://a.com/caf%C3%A9"));
    CHECK(norm("http://a.com/a%2fb") == "http://a.com/a%2Fb");
    CHECK(norm("http://a.com/a b") == "http://a.com/a%20b");
    CHECK(norm("http://a.com/a%20b") == "http://a.com/a%20b");
    CHECK(norm("http://a.com/100%") == "http://a.com/100%25");
    CHECK(norm("http://a.com/?q=%41%3d") == "http://a.com/?q=A%3D");
}

TEST_CASE("url: trailing-slash policy") {
    CHECK(norm("http://a.com") == "http://a.com/");
    CHECK(norm("http://a.com/") == "http://a.com/");
    CHECK(norm("http://a.com/pricing/") == "http://a.com/pricing");
    CHECK(norm("http://a.com/pricing//") == "http://a.com/pricing");
    CHECK(norm("http://a.com//") == "http://a.com/");
    CHECK(norm("http://a.com/pricing/?x=1") == "http://a.com/pricing?x=1");
    CHECK(norm("http://a.com?x=1") == "http://a.com/?x=1");
}

TEST_CASE("url: dot segments, userinfo, empty query and fragment") {
    CHECK(norm("http://a.com/a/./b/../c") == "http://a.com/a/c");
    CHECK(norm("http://a.com/a/..") == "http://a.com/");
    CHECK(norm("http://user:pw@a.com/x") == "http://a.com/x");
    CHECK(norm("http://a.com/x?") == "http://a.com/x");
    CHECK(norm("http://a.com/x#") == "http://a.com/x");
    CHECK(norm("http://a.com/x#/thanks") == "http://a.com/x#/thanks");
}

TEST_CASE("url: parts are views into the normalized text") {
    gp::NormalizedUrl u;
    REQUIRE(gp::normalize_url("https://WWW.Example.com:8080/Shop/?item=7#top", u) == gp::UrlStatus::ok);
    CHECK(u.host() == "www.example.com");
    CHECK(u.path() == "/Shop");
    CHECK(u.query() == "item=7");
    REQUIRE(gp::normalize_url("http://[::1]:8080/x", u) == gp::UrlStatus::ok);
    CHECK(u.host() == "[::1]");
    CHECK(u.text() == "http://[::1]:8080/x");
}

TEST_CASE("url: malformed input gets an explicit status") {
    CHECK(status_of("") == gp::UrlStatus::empty);
    CHECK(status_of("   ") == gp::UrlStatus::empty);
    CHECK(status_of("example.com/x") == gp::UrlStatus::no_scheme);
    CHECK(status_of("mailto:someone") == gp::UrlStatus::no_scheme);
    CHECK(status_of("http:///x") == gp::UrlStatus::no_host);
    CHECK(status_of("http://exa mple.com/") == gp::UrlStatus::bad_character);
    CHECK(status_of("http://[%A9::") == gp::UrlStatus::bad_character);  // found by fuzz_matcher
    CHECK(std::string(gp::url_status_message(gp::UrlStatus::no_host)).find("host") != std::string::npos);
}

TEST_CASE("url: normalizing twice changes nothing") {
    for (const char* raw : {"HTTP://A.com:80/x/../y/?q=%7e#F", "https://b.org/caf%c3%a9/", "http://c.net/%2f%41"}) {
        const std::string once = norm(raw);
        CHECK(norm(once) == once);
    }
}

TEST_CASE("url: a URL normalizes from its own normalized text") {
    // The text is written into the buffer it is read from: the input is copied out first.
    gp::NormalizedUrl u;
    REQUIRE(gp::normalize_url("HTTPS://Shop.Example:443/a/./b/../c%7e/?q=%41#Top", u) == gp::UrlStatus::ok);
    const std::string first(u.text());
    REQUIRE(gp::normalize_url(u.text(), u) == gp::UrlStatus::ok);
    CHECK(u.text() == first);
    CHECK(u.text() == "https://shop.example/a/c~?q=A#Top");
    REQUIRE(gp::normalize_url(u.text().substr(0, 20), u) == gp::UrlStatus::ok);  // a view of its first bytes
    CHECK(u.text() == "https://shop.example/");
    CHECK(u.path() == "/");
    // Escaping makes the text longer than its input: normalizing it again grows the buffer it is in.
    gp::NormalizedUrl v;
    REQUIRE(gp::normalize_url("http://a.example/\"<>\"<>\"<>", v) == gp::UrlStatus::ok);
    const std::string escaped(v.text());
    CHECK(escaped == "http://a.example/%22%3C%3E%22%3C%3E%22%3C%3E");
    REQUIRE(gp::normalize_url(v.text(), v) == gp::UrlStatus::ok);
    CHECK(v.text() == escaped);
}
TEST_CASE("url: a URL that fails leaves an empty text and parts that slice it") {
    // Found by fuzz_matcher: a failure after the host's offset was set left it pointing past the text.
    for (const char* raw : {"http://[::1/x", "http://a b/", "http://example.com:99999/", "https://:80/"}) {
        gp::NormalizedUrl u;
        REQUIRE(gp::normalize_url("https://before.example/long/path?q=1", u) == gp::UrlStatus::ok);
        INFO(raw);
        CHECK(gp::normalize_url(raw, u) != gp::UrlStatus::ok);
        CHECK(u.text().empty());
        CHECK(u.host().empty());
        CHECK(u.path().empty());
        CHECK(u.query().empty());
    }
}

TEST_CASE("url: request URLs are built from the text as given") {
    CHECK(gp::is_http_url("https://a.example/x"));
    CHECK(gp::is_http_url("http://127.0.0.1:8080"));
    CHECK_FALSE(gp::is_http_url("ftp://a.example/x"));
    CHECK_FALSE(gp::is_http_url("//a.example/x"));
    CHECK(gp::origin_of("HTTPS://Service.Giosg.COM:8443/API/v5?x#y") == "https://service.giosg.com:8443");
    CHECK(gp::origin_of("/relative/path").empty());
    std::string encoded;
    gp::append_percent_encoded("a b/c=d&é~", encoded);
    CHECK(encoded == "a%20b%2Fc%3Dd%26%C3%A9~");
    // Other parameters stay as they were (commas unescaped), the old value goes, the fragment stays last.
    CHECK(gp::with_query_param("https://h/p?properties=a,b&after=1&&x=2#top", "after", "n/2") ==
          "https://h/p?properties=a,b&x=2&after=n%2F2#top");
    CHECK(gp::with_query_param("https://h/p", "start", "100") == "https://h/p?start=100");
}
