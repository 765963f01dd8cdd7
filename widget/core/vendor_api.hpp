// Each vendor's HTTP API, as the loader and the write-through need it: where the next page of a list is,
// where an edit goes and with what body, what a reply to it says, and which model field a vendor's wire
// path names. The knowledge itself lives in the vendor files (vendor_*.cpp); this is the one door to it,
// so that the browser layer and the UI never spell a vendor's URL, cursor or error shape themselves.
//
// Nothing here does I/O: requests come out as values, replies go in as status and bytes.
//
// Index
// - [SECTION] Paging
// - [SECTION] Write requests
// - [SECTION] Write replies
// - [SECTION] Field paths and URLs
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"
#include "core/read.hpp"

namespace gp {

class GiosgCodeTable;

//-----------------------------------------------------------------------------
// [SECTION] Paging
//-----------------------------------------------------------------------------

// Where the page after `current_url` is, given what that page said (`next`), or an empty string with
// `problem` set. `first_url` is the cycle's page 1: its origin is the only one a cycle ever requests.
// - A cursor goes into the vendor's parameter on the URL already fetched (Pipedrive `start`, HubSpot
//   `after`), which keeps its origin and its other parameters (HubSpot's `properties`); it wins over a link.
// - A link (giosg `next`, HubSpot `paging.next.link`) is followed as it is on the first URL's origin; a
//   root-relative one ("/api/...") is resolved against that origin.
// - A link to another origin is rebased onto the first URL when it is the same API resource: the part of
//   its path from the vendor's API root ("/api/v5/" for giosg) on equals the first URL's, and the first
//   URL's part before that root (a same-origin proxy's "/proxy/giosg") is put in front. Its query is kept.
//   Any other foreign link is refused: the cycle's headers, which may carry a token, never leave the origin.
// - A non-http(s) result is refused, and so is a cursor from a format that has no cursor parameter.
std::string next_page_url(Vendor vendor, std::string_view first_url, std::string_view current_url, const NextPage& next,
                          std::string& problem);

//-----------------------------------------------------------------------------
// [SECTION] Write requests
//-----------------------------------------------------------------------------

enum class HttpMethod : uint8_t { get, post, put, patch, del };
const char* method_name(HttpMethod method);  // "GET", "POST", "PUT", "PATCH", "DELETE"

struct ApiRequest {
    HttpMethod method = HttpMethod::get;
    std::string url;
    Json body;  // null: the request has none
};

// Whether the vendor's API takes goal writes at all (HubSpot goal_targets are read-only in their API).
bool vendor_writes_goals(Vendor vendor);

// The collection the writes go to, from the page's goals URL: the query and fragment dropped, trailing
// slashes dropped, and for Pipedrive the list's "/find". ".../v1/goals/find?is_active=true" gives
// ".../v1/goals"; a giosg ".../api/v5/orgs/<org>/goals?page=2" gives ".../api/v5/orgs/<org>/goals".
std::string goals_collection_url(Vendor vendor, std::string_view goals_url);

// The request that makes `edit` of `goal` on the vendor's API, whose collection is derived from the page's
// `goals_url` (goals_collection_url). The body is the vendor's documented request form for that operation,
// written by the vendor's writer (write.hpp) and stripped of what the request does not take (the id,
// stamps, fields kept only for the round trip):
// - Pipedrive: POST {collection}, PUT {collection}/{id}, DELETE {collection}/{id};
// - Zendesk Chat: POST .../api/v2/goals, PUT and DELETE .../api/v2/goals/{id};
// - giosg: POST .../goals, PATCH .../goals/{id} with the fields its update takes, DELETE .../goals/{id};
// - HubSpot: nullopt, error "read_only".
// Ids are percent-encoded as one path segment. nullopt, with `errors` (model field paths) saying why, when
// the goal cannot be written to that vendor, an update or removal has no id, or a create body misses a
// field the vendor requires. `warnings` (optional) hears what the request leaves out of the goal.
// `giosg_codes`: the page's giosg condition codes (nullptr: the built-in, empty table), as the reader used.
std::optional<ApiRequest> goal_write_request(Vendor vendor, std::string_view goals_url, GoalEdit edit, const Goal& goal,
                                             std::vector<Error>& errors, std::vector<Error>* warnings = nullptr,
                                             const GiosgCodeTable* giosg_codes = nullptr);

//-----------------------------------------------------------------------------
// [SECTION] Write replies
//-----------------------------------------------------------------------------

struct ApiReply {
    int status = 0;
    bool ok = false;            // the vendor took the edit (2xx and the body does not say otherwise)
    std::optional<Goal> goal;   // the created or updated goal as the vendor returned it; none for 204 or a removal
    std::string message;        // one human sentence: the vendor's own reason when refused, else empty
    // Refused: the vendor's per-field reasons (model field paths) or one error for the whole reply.
    // Taken (ok): only what kept the returned goal from being read.
    std::vector<Error> errors;
    std::vector<Error> warnings;  // odd but usable values in the returned goal
    bool conflict = false;        // 409 or 412: the goal changed on the server meanwhile
};

// Reads the vendor's reply to a write of kind `edit`. A 2xx body's goal is read by the vendor's item
// reader (Pipedrive's {success, data: {...}}, Zendesk's and giosg's bare object); a refusal's message
// comes from the vendor's error shape (Pipedrive {success: false, error}, Zendesk {error, description},
// giosg {detail} or {field: [messages]}) and is "HTTP <status>" when the body says nothing readable.
ApiReply read_write_reply(Vendor vendor, GoalEdit edit, int status, std::string_view body,
                          const ReadOptions& options = {});

//-----------------------------------------------------------------------------
// [SECTION] Field paths and URLs
//-----------------------------------------------------------------------------

// The model field a vendor's wire path names ("/expected_outcome/target" of Pipedrive is "/target/amount"),
// with the rest of the path kept; a path with no counterpart comes back as it is.
std::string model_field_path(Vendor vendor, const std::string& wire_path);

// The goal id of a giosg external matches URL (".../goals/<id>/matches", query and fragment ignored);
// empty when `url` is not one.
std::string giosg_goal_id_of_matches_url(std::string_view url);

}  // namespace gp
