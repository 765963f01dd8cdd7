// The vendor layer's HTTP API: paging URLs (cursors, links, the same-origin proxy rule), write requests
// and their bodies per vendor, replies to writes, model field paths, giosg matches URLs.
//
// Index
// - [SECTION] Paging
// - [SECTION] Write requests
// - [SECTION] Write replies
// - [SECTION] Requests against the vendor-semantics store
// - [SECTION] Field paths and matches URLs
#include "goal_fixtures.hpp"

#include <set>

#include "core/goal_store.hpp"
#include "core/json_access.hpp"
#include "core/model_names.hpp"
#include "core/vendor_api.hpp"

using namespace gp;
using namespace gp::test;

namespace {

constexpr TimestampMs kNow = 1750000000000;

const char* const kProxyGiosg = "http://127.0.0.1:8080/proxy/giosg/api/v5/orgs/o1/goals?page=1";

std::string next_url(Vendor vendor, std::string_view first, std::string_view current, NextPage next, std::string& problem) {
    problem.clear();
    return next_page_url(vendor, first, current, next, problem);
}

NextPage link(std::string url) {
    NextPage n;
    n.url = std::move(url);
    return n;
}

NextPage cursor(std::string c, std::string url = {}) {
    NextPage n;
    n.cursor = std::move(c);
    n.url = std::move(url);
    return n;
}

std::set<std::string> keys_of(const Json& object) {
    std::set<std::string> out;
    for (auto it = object.begin(); it != object.end(); ++it) out.insert(it.key());
    return out;
}

Goal first_goal(const char* fixture, size_t index = 0) {
    const ReadResult r = read_goals(load_fixture(fixture));
    INFO(describe(r.errors));
    REQUIRE(r.goals.size() > index);
    return r.goals[index];
}

bool has_error(const std::vector<Error>& errors, const std::string& path, const std::string& code) {
    for (const Error& e : errors)
        if (e.path == path && e.code == code) return true;
    return false;
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Paging
//-----------------------------------------------------------------------------

TEST_CASE("vendor api paging: Pipedrive next_start goes into start on the URL fetched", "[vendor_api][paging]") {
    std::string problem;
    const std::string first = "http://127.0.0.1:8080/proxy/pipedrive/v1/goals/find?is_active=true";
    CHECK(next_url(Vendor::pipedrive, first, first, cursor("100"), problem) ==
          "http://127.0.0.1:8080/proxy/pipedrive/v1/goals/find?is_active=true&start=100");
    CHECK(problem.empty());
    // A later page replaces the earlier start rather than adding a second one.
    CHECK(next_url(Vendor::pipedrive, first, first + "&start=100", cursor("200"), problem) ==
          "http://127.0.0.1:8080/proxy/pipedrive/v1/goals/find?is_active=true&start=200");
}

TEST_CASE("vendor api paging: HubSpot after cursor keeps the proxy and the properties parameter", "[vendor_api][paging]") {
    std::string problem;
    const std::string first =
        "http://127.0.0.1:8080/proxy/hubspot/crm/v3/objects/goal_targets?properties=hs_goal_name,hs_target_amount";
    // The vendor's own link points at api.hubapi.com and lacks properties: the cursor wins over it.
    const NextPage next = cursor("NTI1Cg==", "https://api.hubapi.com/crm/v3/objects/goal_targets?after=NTI1Cg%3D%3D");
    CHECK(next_url(Vendor::hubspot, first, first, next, problem) ==
          "http://127.0.0.1:8080/proxy/hubspot/crm/v3/objects/goal_targets?properties=hs_goal_name,hs_target_amount"
          "&after=NTI1Cg%3D%3D");
    CHECK(problem.empty());
}

TEST_CASE("vendor api paging: a giosg next link is rebased onto the page's proxy", "[vendor_api][paging]") {
    std::string problem;
    CHECK(next_url(Vendor::giosg, kProxyGiosg, kProxyGiosg, link("https://service.giosg.com/api/v5/orgs/o1/goals?page=2"),
                   problem) == "http://127.0.0.1:8080/proxy/giosg/api/v5/orgs/o1/goals?page=2");
    CHECK(problem.empty());
    // Page 3 is found from page 2 the same way: the prefix always comes from the first URL.
    CHECK(next_url(Vendor::giosg, kProxyGiosg, "http://127.0.0.1:8080/proxy/giosg/api/v5/orgs/o1/goals?page=2",
                   link("https://SERVICE.giosg.com/api/v5/orgs/o1/goals/?page=3"), problem) ==
          "http://127.0.0.1:8080/proxy/giosg/api/v5/orgs/o1/goals/?page=3");
    // Without a proxy, the vendor's own origin is the first URL's: the link is followed as it is.
    const std::string direct = "https://service.giosg.com/api/v5/orgs/o1/goals";
    CHECK(next_url(Vendor::giosg, direct, direct, link(direct + "?page=2"), problem) == direct + "?page=2");
}

TEST_CASE("vendor api paging: foreign links that are not the same API resource are refused", "[vendor_api][paging]") {
    std::string problem;
    SECTION("another organisation's goals") {
        CHECK(next_url(Vendor::giosg, kProxyGiosg, kProxyGiosg,
                       link("https://service.giosg.com/api/v5/orgs/o2/goals?page=2"), problem).empty());
        CHECK(problem == "the next-page link points to another origin and is not followed");
    }
    SECTION("another resource under the API root") {
        CHECK(next_url(Vendor::giosg, kProxyGiosg, kProxyGiosg,
                       link("https://service.giosg.com/api/v5/orgs/o1/goals/g1/matches?page=2"), problem).empty());
        CHECK(problem == "the next-page link points to another origin and is not followed");
    }
    SECTION("no API root in the link") {
        CHECK(next_url(Vendor::giosg, kProxyGiosg, kProxyGiosg, link("https://evil.example/steal?page=2"), problem).empty());
        CHECK(problem == "the next-page link points to another origin and is not followed");
    }
    SECTION("a format without a known API root rebases nothing") {
        const std::string first = "https://shop.example/data/api/v5/orgs/o1/goals";
        CHECK(next_url(Vendor::unknown, first, first, link("https://service.giosg.com/api/v5/orgs/o1/goals?page=2"),
                       problem).empty());
        CHECK(problem == "the next-page link points to another origin and is not followed");
    }
}

TEST_CASE("vendor api paging: a root-relative link resolves against the first URL's origin", "[vendor_api][paging]") {
    std::string problem;
    CHECK(next_url(Vendor::giosg, kProxyGiosg, kProxyGiosg, link("/api/v5/orgs/o1/goals?page=2"), problem) ==
          "http://127.0.0.1:8080/api/v5/orgs/o1/goals?page=2");
    CHECK(problem.empty());
    // "//host/..." is scheme-relative, not root-relative: it is no http(s) URL of its own.
    CHECK(next_url(Vendor::giosg, kProxyGiosg, kProxyGiosg, link("//evil.example/x"), problem).empty());
    CHECK(problem == "the next-page link is not an absolute http(s) URL");
}

TEST_CASE("vendor api paging: non-http links and cursors of cursorless formats are problems", "[vendor_api][paging]") {
    std::string problem;
    CHECK(next_url(Vendor::giosg, kProxyGiosg, kProxyGiosg, link("javascript:alert(1)"), problem).empty());
    CHECK(problem == "the next-page link is not an absolute http(s) URL");
    CHECK(next_url(Vendor::hubspot, kProxyGiosg, kProxyGiosg, link("ftp://127.0.0.1:8080/x"), problem).empty());
    CHECK(problem == "the next-page link is not an absolute http(s) URL");
    for (Vendor v : {Vendor::giosg, Vendor::zendesk, Vendor::unknown}) {
        CHECK(next_url(v, kProxyGiosg, kProxyGiosg, cursor("5"), problem).empty());
        CHECK(problem == "a page cursor came from a format that has no cursor parameter");
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Write requests
//-----------------------------------------------------------------------------

TEST_CASE("vendor api: which vendors take writes, and the method names", "[vendor_api][write]") {
    CHECK(vendor_writes_goals(Vendor::pipedrive));
    CHECK(vendor_writes_goals(Vendor::giosg));
    CHECK(vendor_writes_goals(Vendor::zendesk));
    CHECK_FALSE(vendor_writes_goals(Vendor::hubspot));
    CHECK_FALSE(vendor_writes_goals(Vendor::unknown));
    CHECK(std::string(method_name(HttpMethod::get)) == "GET");
    CHECK(std::string(method_name(HttpMethod::post)) == "POST");
    CHECK(std::string(method_name(HttpMethod::put)) == "PUT");
    CHECK(std::string(method_name(HttpMethod::patch)) == "PATCH");
    CHECK(std::string(method_name(HttpMethod::del)) == "DELETE");
}

TEST_CASE("vendor api: the collection URL comes from the page's goals URL", "[vendor_api][write]") {
    CHECK(goals_collection_url(Vendor::pipedrive, "https://acme.pipedrive.com/api/v1/goals/find?is_active=true#top") ==
          "https://acme.pipedrive.com/api/v1/goals");
    CHECK(goals_collection_url(Vendor::pipedrive, "http://127.0.0.1:8080/proxy/pd/v1/goals/find/") ==
          "http://127.0.0.1:8080/proxy/pd/v1/goals");
    CHECK(goals_collection_url(Vendor::pipedrive, "https://acme.pipedrive.com/v1/goals/") == "https://acme.pipedrive.com/v1/goals");
    CHECK(goals_collection_url(Vendor::giosg, "https://service.giosg.com/api/v5/orgs/o1/goals?page=2") ==
          "https://service.giosg.com/api/v5/orgs/o1/goals");
    CHECK(goals_collection_url(Vendor::zendesk, "https://www.zopim.com/api/v2/goals/") == "https://www.zopim.com/api/v2/goals");
    // "/find" is Pipedrive's list, not a giosg path.
    CHECK(goals_collection_url(Vendor::giosg, "https://x.example/find") == "https://x.example/find");
    CHECK(goals_collection_url(Vendor::zendesk, "https://x.example/") == "https://x.example");
    CHECK(goals_collection_url(Vendor::pipedrive, "/proxy/pd/v1/goals/find/?limit=5") == "/proxy/pd/v1/goals");
}

TEST_CASE("vendor api: Pipedrive requests and their bodies", "[vendor_api][write][pipedrive]") {
    Goal g = first_goal("pipedrive_list.json");  // id 7f3a1c, with owner_id and report_ids kept as extras
    g.reported.value = 12;
    const std::string url = "http://127.0.0.1:8080/proxy/pd/v1/goals/find?is_active=true";
    std::vector<Error> errors, warnings;

    const auto create = goal_write_request(Vendor::pipedrive, url, GoalEdit::create, g, errors, &warnings);
    INFO(describe(errors));
    REQUIRE(create);
    CHECK(create->method == HttpMethod::post);
    CHECK(create->url == "http://127.0.0.1:8080/proxy/pd/v1/goals");
    const Json& body = create->body;
    CHECK(keys_of(body) == std::set<std::string>{"title", "assignee", "type", "expected_outcome", "duration", "interval"});
    CHECK(keys_of(body["assignee"]) == std::set<std::string>{"id", "type"});
    CHECK(keys_of(body["type"]) == std::set<std::string>{"name", "params"});
    CHECK(keys_of(body["type"]["params"]) == std::set<std::string>{"pipeline_id"});
    CHECK(keys_of(body["expected_outcome"]) == std::set<std::string>{"target", "tracking_metric"});
    CHECK(body["duration"] == Json{{"start", "2025-01-01"}, {"end", "2025-12-31"}});
    CHECK(body["interval"] == "quarterly");
    CHECK(warnings.empty());

    const auto update = goal_write_request(Vendor::pipedrive, url, GoalEdit::update, g, errors);
    REQUIRE(update);
    CHECK(update->method == HttpMethod::put);
    CHECK(update->url == "http://127.0.0.1:8080/proxy/pd/v1/goals/7f3a1c");
    CHECK(update->body == body);  // the update takes the add's fields

    const auto remove = goal_write_request(Vendor::pipedrive, url, GoalEdit::remove, g, errors);
    REQUIRE(remove);
    CHECK(remove->method == HttpMethod::del);
    CHECK(remove->url == "http://127.0.0.1:8080/proxy/pd/v1/goals/7f3a1c");
    CHECK(remove->body.is_null());
    CHECK(errors.empty());

    SECTION("null pipelines stay null: they mean all pipelines") {
        const Goal all = first_goal("pipedrive_list.json", 1);
        const auto r = goal_write_request(Vendor::pipedrive, url, GoalEdit::create, all, errors);
        REQUIRE(r);
        CHECK(r->body["type"]["params"]["pipeline_id"].is_null());
        CHECK(r->body["duration"]["end"].is_null());
        CHECK(r->body["expected_outcome"]["currency_id"] == 2);
    }
    SECTION("an inactive goal is written with a warning: the requests take no is_active") {
        g.active = false;
        warnings.clear();
        REQUIRE(goal_write_request(Vendor::pipedrive, url, GoalEdit::update, g, errors, &warnings));
        CHECK(has_error(warnings, "/active", "active_not_sent"));
    }
    SECTION("a create without an assignee misses a required field") {
        g.assignee = {};
        CHECK_FALSE(goal_write_request(Vendor::pipedrive, url, GoalEdit::create, g, errors));
        CHECK(has_error(errors, "/assignee", "required"));  // no assignee object at all
    }
}

TEST_CASE("vendor api: Zendesk Chat requests and their bodies", "[vendor_api][write][zendesk]") {
    const Goal g = first_goal("zendesk_list.json");  // id 41
    const std::string url = "https://www.zopim.com/api/v2/goals";
    std::vector<Error> errors;
    const auto create = goal_write_request(Vendor::zendesk, url, GoalEdit::create, g, errors);
    INFO(describe(errors));
    REQUIRE(create);
    CHECK(create->method == HttpMethod::post);
    CHECK(create->url == "https://www.zopim.com/api/v2/goals");
    CHECK(keys_of(create->body) ==
          std::set<std::string>{"name", "description", "enabled", "attribution_model", "attribution_period", "settings"});
    CHECK(create->body["enabled"] == 1);
    CHECK(create->body["attribution_period"] == 7);
    CHECK(keys_of(create->body["settings"]) == std::set<std::string>{"conditions"});
    CHECK(create->body["settings"]["conditions"][1] == Json{{"type", "url"}, {"operator", "contains"}, {"value", "/checkout/"}});

    const auto update = goal_write_request(Vendor::zendesk, url, GoalEdit::update, g, errors);
    REQUIRE(update);
    CHECK(update->method == HttpMethod::put);
    CHECK(update->url == "https://www.zopim.com/api/v2/goals/41");
    CHECK_FALSE(update->body.contains("id"));

    const auto remove = goal_write_request(Vendor::zendesk, url, GoalEdit::remove, g, errors);
    REQUIRE(remove);
    CHECK(remove->method == HttpMethod::del);
    CHECK(remove->url == "https://www.zopim.com/api/v2/goals/41");

    SECTION("an update sends a cleared description, or the server would keep the old one") {
        Goal cleared = g;
        cleared.description.clear();
        const auto r = goal_write_request(Vendor::zendesk, url, GoalEdit::update, cleared, errors);
        REQUIRE(r);
        CHECK(r->body["description"] == "");
        const auto c = goal_write_request(Vendor::zendesk, url, GoalEdit::create, cleared, errors);
        REQUIRE(c);
        CHECK_FALSE(c->body.contains("description"));
    }
    SECTION("a goal Zendesk cannot express is no request") {
        const Goal quota = first_goal("pipedrive_list.json");
        CHECK_FALSE(goal_write_request(Vendor::zendesk, url, GoalEdit::create, quota, errors));
        CHECK(has_error(errors, "/metric", "not_representable"));
    }
}

TEST_CASE("vendor api: giosg requests and their bodies", "[vendor_api][write][giosg]") {
    const Goal g = first_goal("giosg_list.json");  // default value 2.5, stamps and organization_id
    const std::string url = "http://127.0.0.1:8080/proxy/giosg/api/v5/orgs/o1/goals?page=2";
    std::vector<Error> errors, warnings;
    const auto create = goal_write_request(Vendor::giosg, url, GoalEdit::create, g, errors, &warnings);
    INFO(describe(errors));
    REQUIRE(create);
    CHECK(create->method == HttpMethod::post);
    CHECK(create->url == "http://127.0.0.1:8080/proxy/giosg/api/v5/orgs/o1/goals");
    CHECK(keys_of(create->body) ==
          std::set<std::string>{"name", "is_any_room_allowed", "allowed_rooms", "default_value", "conditions"});
    CHECK(create->body["conditions"].size() == 2);
    CHECK(keys_of(create->body["conditions"][1]) == std::set<std::string>{"type", "negate", "settings", "value"});
    CHECK(warnings.empty());

    const auto update = goal_write_request(Vendor::giosg, url, GoalEdit::update, g, errors, &warnings);
    REQUIRE(update);
    CHECK(update->method == HttpMethod::patch);
    CHECK(update->url == "http://127.0.0.1:8080/proxy/giosg/api/v5/orgs/o1/goals/5c1d2e3f-0000-4a00-8b00-000000000101");
    CHECK(keys_of(update->body) == std::set<std::string>{"name", "is_any_room_allowed", "allowed_rooms", "conditions"});
    CHECK(has_error(warnings, "/default_value", "default_value_not_sent"));

    const auto remove = goal_write_request(Vendor::giosg, url, GoalEdit::remove, g, errors);
    REQUIRE(remove);
    CHECK(remove->method == HttpMethod::del);
    CHECK(remove->url == update->url);
    CHECK(remove->body.is_null());
}

TEST_CASE("vendor api: HubSpot takes no writes, and ids are one encoded path segment", "[vendor_api][write]") {
    std::vector<Error> errors;
    const Goal quota = first_goal("hubspot_list.json");
    CHECK_FALSE(goal_write_request(Vendor::hubspot, "https://api.hubapi.com/crm/v3/objects/goal_targets", GoalEdit::update,
                                   quota, errors));
    CHECK(has_error(errors, "", "read_only"));

    errors.clear();
    Goal g = first_goal("zendesk_list.json");
    g.id = "a b/c?d";
    const auto r = goal_write_request(Vendor::zendesk, "https://www.zopim.com/api/v2/goals", GoalEdit::remove, g, errors);
    REQUIRE(r);
    CHECK(r->url == "https://www.zopim.com/api/v2/goals/a%20b%2Fc%3Fd");

    g.id.clear();
    CHECK_FALSE(goal_write_request(Vendor::zendesk, "https://www.zopim.com/api/v2/goals", GoalEdit::update, g, errors));
    CHECK(has_error(errors, "/id", "required"));
}

//-----------------------------------------------------------------------------
// [SECTION] Write replies
//-----------------------------------------------------------------------------

TEST_CASE("vendor api replies: taken writes return the vendor's goal", "[vendor_api][reply]") {
    SECTION("Pipedrive 200 with data.goal, and with the goal as data") {
        for (const char* body :
             {R"({"success":true,"data":{"goal":{"id":"9","title":"Q3","assignee":{"id":1,"type":"person"},
                 "type":{"name":"deals_won","params":{"pipeline_id":null}},"expected_outcome":{"target":5,"tracking_metric":"quantity"},
                 "duration":{"start":"2025-07-01","end":null},"interval":"monthly"}}})",
              R"({"success":true,"data":{"id":"9","title":"Q3","assignee":{"id":1,"type":"person"},
                 "type":{"name":"deals_won","params":{"pipeline_id":null}},"expected_outcome":{"target":5,"tracking_metric":"quantity"},
                 "duration":{"start":"2025-07-01","end":null},"interval":"monthly"}})"}) {
            const ApiReply r = read_write_reply(Vendor::pipedrive, GoalEdit::create, 200, body);
            INFO(describe(r.errors));
            CHECK(r.ok);
            REQUIRE(r.goal);
            CHECK(r.goal->id == "9");
            CHECK(r.goal->title == "Q3");
            CHECK(r.goal->target.amount == 5);
            CHECK(r.errors.empty());
        }
    }
    SECTION("Zendesk 201 Created and giosg 201") {
        const ApiReply z = read_write_reply(Vendor::zendesk, GoalEdit::create, 201,
            R"({"id":3,"name":"Good goal","enabled":1,"attribution_model":"first_touch","attribution_period":15,
                "settings":{"conditions":[{"type":"url","operator":"equals","value":"http://mysite.com/"}]}})");
        CHECK(z.ok);
        REQUIRE(z.goal);
        CHECK(z.goal->id == "3");
        CHECK(z.goal->attribution.window_days == 15);
        const ApiReply g = read_write_reply(Vendor::giosg, GoalEdit::update, 200,
            R"({"id":"u-1","name":"Lead","is_any_room_allowed":true,"allowed_rooms":[],"conditions":[],
                "organization_id":"o1","created_at":"2016-09-01T11:31:36.042Z","updated_at":"2016-09-02T11:31:36.042Z"})");
        CHECK(g.ok);
        REQUIRE(g.goal);
        CHECK(g.goal->title == "Lead");
        CHECK(g.goal->updated_at);
    }
    SECTION("204 No Content and a removal's answer carry no goal") {
        const ApiReply z = read_write_reply(Vendor::zendesk, GoalEdit::remove, 204, "");
        CHECK(z.ok);
        CHECK_FALSE(z.goal);
        CHECK(z.errors.empty());
        CHECK(z.message.empty());
        const ApiReply p = read_write_reply(Vendor::pipedrive, GoalEdit::remove, 200, R"({"success":true,"data":{"id":"9"}})");
        CHECK(p.ok);
        CHECK_FALSE(p.goal);
    }
    SECTION("a returned goal that does not read is an error at its model path, the write still taken") {
        const ApiReply r = read_write_reply(Vendor::pipedrive, GoalEdit::update, 200,
                                            R"({"success":true,"data":{"id":"9","title":"Q","expected_outcome":{"target":"lots"}}})");
        CHECK(r.ok);
        CHECK_FALSE(r.goal);
        CHECK(has_error(r.errors, "/target/amount", "bad_number"));
    }
}

TEST_CASE("vendor api replies: refusals carry the vendor's reason", "[vendor_api][reply]") {
    SECTION("Pipedrive 400, and 200 with success false") {
        const ApiReply r = read_write_reply(Vendor::pipedrive, GoalEdit::create, 400,
            R"({"success":false,"error":"Assignee is required","error_info":"Please check developers.pipedrive.com","data":null})");
        CHECK_FALSE(r.ok);
        CHECK(r.message == "Assignee is required");
        REQUIRE(r.errors.size() == 1);
        CHECK(r.errors[0].code == "rejected");
        CHECK(r.errors[0].status == 400);
        CHECK_FALSE(r.conflict);
        const ApiReply s = read_write_reply(Vendor::pipedrive, GoalEdit::update, 200, R"({"success":false,"error":"Goal is locked"})");
        CHECK_FALSE(s.ok);
        CHECK(s.message == "Goal is locked");
    }
    SECTION("401 and 403") {
        const ApiReply u = read_write_reply(Vendor::pipedrive, GoalEdit::update, 401,
                                            R"({"success":false,"error":"unauthorized access","errorCode":401})");
        CHECK(u.message == "unauthorized access");
        CHECK(has_error(u.errors, "", "unauthorized"));
        const ApiReply f = read_write_reply(Vendor::giosg, GoalEdit::update, 403,
                                            R"({"detail":"You do not have permission to perform this action."})");
        CHECK_FALSE(f.ok);
        CHECK(f.message == "You do not have permission to perform this action.");
        CHECK(has_error(f.errors, "", "forbidden"));
    }
    SECTION("404 in Zendesk's shape") {
        const ApiReply r = read_write_reply(Vendor::zendesk, GoalEdit::update, 404, R"({"error":"RecordNotFound","description":"Not found"})");
        CHECK(r.message == "Not found");
        CHECK(has_error(r.errors, "", "not_found"));
    }
    SECTION("409 and 412 are conflicts; a body that says nothing gives HTTP <status>") {
        const ApiReply c = read_write_reply(Vendor::giosg, GoalEdit::update, 409, "");
        CHECK(c.conflict);
        CHECK_FALSE(c.ok);
        CHECK(c.message == "HTTP 409");
        CHECK(has_error(c.errors, "", "conflict"));
        const ApiReply p = read_write_reply(Vendor::zendesk, GoalEdit::update, 412, "{}");
        CHECK(p.conflict);
        CHECK(p.message == "HTTP 412");
        const ApiReply h = read_write_reply(Vendor::pipedrive, GoalEdit::create, 500, "<html><body>Bad gateway</body></html>");
        CHECK(h.message == "HTTP 500");
        CHECK(has_error(h.errors, "", "server_error"));
    }
    SECTION("giosg field errors land at the model's field paths") {
        const ApiReply r = read_write_reply(Vendor::giosg, GoalEdit::create, 400,
            R"({"name":["This field is required."],"conditions":[{},{"value":["Not a valid string."]}],
                "non_field_errors":["Rooms must belong to the organization."]})");
        CHECK_FALSE(r.ok);
        CHECK(has_error(r.errors, "/title", "rejected"));
        CHECK(has_error(r.errors, "/conditions/1/value", "rejected"));
        CHECK(has_error(r.errors, "", "rejected"));
        CHECK(r.message.find("name: This field is required.") != std::string::npos);
        CHECK(r.message.find("conditions/1/value: Not a valid string.") != std::string::npos);
    }
    SECTION("Zendesk's Goals limit exceeded, as JSON or as plain text") {
        for (const char* body : {R"({"error":"Goals limit exceeded"})", R"({"error":"RecordInvalid","description":"Goals limit exceeded"})",
                                 "Goals limit exceeded\n"}) {
            INFO(body);
            const ApiReply r = read_write_reply(Vendor::zendesk, GoalEdit::create, 400, body);
            CHECK_FALSE(r.ok);
            CHECK(r.message == "Goals limit exceeded");
            CHECK(has_error(r.errors, "/active", "limit_exceeded"));
        }
    }
    SECTION("HubSpot writes are refused before any reply is read") {
        const ApiReply r = read_write_reply(Vendor::hubspot, GoalEdit::update, 200, "{}");
        CHECK_FALSE(r.ok);
        CHECK(has_error(r.errors, "", "read_only"));
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Requests against the vendor-semantics store
//-----------------------------------------------------------------------------

// The goal store answers as each vendor's API does: the bodies built here must be ones it takes, and
// its answers must read back as the goal that was sent.
TEST_CASE("vendor api: request bodies are taken by the vendor-semantics store", "[vendor_api][goal_store]") {
    for (const auto& [vendor, fixture] : {std::pair{Vendor::pipedrive, "pipedrive_list.json"},
                                          std::pair{Vendor::zendesk, "zendesk_list.json"},
                                          std::pair{Vendor::giosg, "giosg_list.json"}}) {
        INFO(name_of(vendor));
        GoalStore store(vendor);
        Goal g = first_goal(fixture);
        g.title = "Sent through the vendor layer";
        std::vector<Error> errors;
        const auto create = goal_write_request(vendor, "https://api.example/goals", GoalEdit::create, g, errors);
        INFO(describe(errors));
        REQUIRE(create);
        const StoreResult created = store.create(create->body, kNow);
        INFO(describe(created.errors));
        REQUIRE(created.ok());
        const ApiReply reply = read_write_reply(vendor, GoalEdit::create, created.status, dump_json(created.body));
        INFO(describe(reply.errors));
        CHECK(reply.ok);
        REQUIRE(reply.goal);
        CHECK(reply.goal->title == "Sent through the vendor layer");
        CHECK(reply.goal->conditions == g.conditions);
        CHECK(reply.goal->target == g.target);

        Goal edited = *reply.goal;
        edited.title = "Renamed";
        const auto update = goal_write_request(vendor, "https://api.example/goals", GoalEdit::update, edited, errors);
        REQUIRE(update);
        const StoreResult updated = store.update(edited.id, update->body, kNow);
        REQUIRE(updated.ok());
        const ApiReply again = read_write_reply(vendor, GoalEdit::update, updated.status, dump_json(updated.body));
        REQUIRE(again.goal);
        CHECK(again.goal->title == "Renamed");
    }
}

TEST_CASE("vendor api: the store's Zendesk limit refusal reads as limit_exceeded", "[vendor_api][goal_store]") {
    GoalStore store(Vendor::zendesk);
    Goal g = first_goal("zendesk_list.json");
    std::vector<Error> errors;
    const auto create = goal_write_request(Vendor::zendesk, "https://www.zopim.com/api/v2/goals", GoalEdit::create, g, errors);
    REQUIRE(create);
    StoreResult last;
    for (int i = 0; i < 6; ++i) last = store.create(create->body, kNow);
    REQUIRE(last.status == 400);
    const ApiReply r = read_write_reply(Vendor::zendesk, GoalEdit::create, last.status, dump_json(last.body));
    CHECK(r.message == "Goals limit exceeded");
    CHECK(has_error(r.errors, "/active", "limit_exceeded"));
}

//-----------------------------------------------------------------------------
// [SECTION] Field paths and matches URLs
//-----------------------------------------------------------------------------

TEST_CASE("vendor api: wire paths map to the model's field paths per vendor", "[vendor_api][paths]") {
    CHECK(model_field_path(Vendor::pipedrive, "/expected_outcome/target") == "/target/amount");
    CHECK(model_field_path(Vendor::pipedrive, "/type/params/stage_id") == "/metric/stage_id");
    CHECK(model_field_path(Vendor::pipedrive, "/is_active") == "/active");
    CHECK(model_field_path(Vendor::pipedrive, "/title") == "/title");
    CHECK(model_field_path(Vendor::hubspot, "/properties/hs_end_datetime") == "/schedule/end");
    CHECK(model_field_path(Vendor::zendesk, "/settings/conditions/1/value") == "/conditions/1/value");
    CHECK(model_field_path(Vendor::zendesk, "/enabled") == "/active");
    CHECK(model_field_path(Vendor::zendesk, "/name") == "/title");
    CHECK(model_field_path(Vendor::giosg, "/allow_any_room") == "/rooms");
    CHECK(model_field_path(Vendor::giosg, "/name") == "/title");
    // Renames are whole segments, and belong to their vendor.
    CHECK(model_field_path(Vendor::pipedrive, "/typeahead") == "/typeahead");
    CHECK(model_field_path(Vendor::giosg, "/expected_outcome/target") == "/expected_outcome/target");
    CHECK(model_field_path(Vendor::unknown, "/start") == "/schedule/start");
}

TEST_CASE("vendor api: the goal id of a giosg matches URL", "[vendor_api][giosg]") {
    CHECK(giosg_goal_id_of_matches_url("https://service.giosg.com/api/v5/orgs/o1/goals/g-42/matches") == "g-42");
    CHECK(giosg_goal_id_of_matches_url("http://127.0.0.1:8080/proxy/giosg/api/v5/orgs/o1/goals/g-42/matches/?page=2#x") == "g-42");
    CHECK(giosg_goal_id_of_matches_url("https://service.giosg.com/api/v5/orgs/o1/goals/g-42").empty());
    CHECK(giosg_goal_id_of_matches_url("https://service.giosg.com/api/v5/orgs/o1/goals//matches").empty());
    CHECK(giosg_goal_id_of_matches_url("https://example.com/exports/matches").empty());
    CHECK(giosg_goal_id_of_matches_url("https://example.com/goals/g/other?next=/matches").empty());
}
