// Internal interface between read.cpp / write.cpp / goal_store.cpp / vendor_api.cpp and the four vendor
// files. Not part of the core's public surface: include read.hpp, write.hpp, goal_store.hpp or
// vendor_api.hpp instead.
//
// Index
// - [SECTION] Reading
// - [SECTION] Writing
// - [SECTION] HTTP API
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/json_access.hpp"
#include "core/model.hpp"
#include "core/read.hpp"
#include "core/vendor_api.hpp"

namespace gp {

class GiosgCodeTable;

//-----------------------------------------------------------------------------
// [SECTION] Reading
//-----------------------------------------------------------------------------

struct ReadContext {
    const ReadOptions* options = nullptr;
    const GiosgCodeTable* codes = nullptr;
    std::vector<Error>* errors = nullptr;
    std::vector<Error>* warnings = nullptr;
    const std::vector<std::string>* tainted = nullptr;  // string paths the parser had to repair
    // A reader for one item at `path`, reporting warnings where this context does.
    ObjectReader reader(const Json* item, std::string_view path) const {
        ObjectReader r(item, path, *errors);
        r.set_warnings(warnings);
        return r;
    }
    bool is_tainted(const std::string& item_path) const;
};

struct WriteContext {
    const GiosgCodeTable* codes = nullptr;
    std::vector<Error>* errors = nullptr;    // "not_representable": the goal is left out
    std::vector<Error>* warnings = nullptr;  // written, but something changed on the way; says what
    void warn(std::string path, std::string code, std::string message) const {
        if (warnings) warnings->push_back({std::move(path), std::move(code), std::move(message), 200});
    }
};

// Reads one goal object of `vendor`'s shape; true when it read without errors (and passed validation
// when the options ask for it). HubSpot has no single-item form: one goal is a group of records.
bool read_goal_item(const Json& item, Vendor vendor, const std::string& path, ReadContext& ctx, Goal& out);
// Reads each element of `items` and keeps the goals that read cleanly.
void read_goal_items(const Json& items, Vendor vendor, const std::string& path, ReadContext& ctx, ReadResult& out);
// Adds the reader's unknown keys to `extra` under `nesting` (e.g. {"type", "params"}).
void keep_unknown(Json& extra, const ObjectReader& reader, std::initializer_list<const char*> nesting = {});

// `url` with the properties the HubSpot reader uses added, unless it names its own.
std::string hubspot_goals_url(std::string_view url);

void read_pipedrive(const Json& doc, ReadContext& ctx, ReadResult& out);
void read_hubspot(const Json& doc, ReadContext& ctx, ReadResult& out);
void read_giosg(const Json& doc, ReadContext& ctx, ReadResult& out);
void read_zendesk(const Json& doc, ReadContext& ctx, ReadResult& out);

bool read_pipedrive_goal(const Json& item, const std::string& path, ReadContext& ctx, Goal& g);
bool read_giosg_goal(const Json& item, const std::string& path, ReadContext& ctx, Goal& g);
bool read_zendesk_goal(const Json& item, const std::string& path, ReadContext& ctx, Goal& g);

//-----------------------------------------------------------------------------
// [SECTION] Writing
//-----------------------------------------------------------------------------

// One goal in the vendor's item shape; `path` names the goal in errors.
Json write_pipedrive_goal(const Goal& g, const std::string& path, WriteContext& ctx);
Json write_giosg_goal(const Goal& g, const std::string& path, WriteContext& ctx);
Json write_zendesk_goal(const Goal& g, const std::string& path, WriteContext& ctx);
// HubSpot writes one record per interval slice.
void write_hubspot_records(const Goal& g, const std::string& path, WriteContext& ctx, Json& records);

// The formats whose goals are conditions (giosg, Zendesk Chat): a CRM goal has no counterpart there
// (not_representable, false), and a target no field (written without it, with a target_dropped warning).
// `format` names the vendor in the messages, `goals_are` what its goals are made of.
bool writable_as_condition_goal(const Goal& g, const std::string& path, WriteContext& ctx, const char* format,
                                const char* goals_are);

// Writes each goal with `write_one`, leaving out the ones it could not write (their errors say why).
template <class WriteOne>
Json write_items(const std::vector<Goal>& goals, WriteContext& ctx, WriteOne write_one) {
    Json items = Json::array();
    for (size_t i = 0; i < goals.size(); ++i) {
        Json item = write_one(goals[i], child_path("", i), ctx);
        if (!item.is_null()) items.push_back(std::move(item));
    }
    return items;
}

Json write_pipedrive(const std::vector<Goal>& goals, bool single, WriteContext& ctx);
Json write_hubspot(const std::vector<Goal>& goals, bool single, WriteContext& ctx);
Json write_giosg(const std::vector<Goal>& goals, bool single, WriteContext& ctx);
Json write_zendesk(const std::vector<Goal>& goals, bool single, WriteContext& ctx);

//-----------------------------------------------------------------------------
// [SECTION] HTTP API (behind vendor_api.hpp)
//-----------------------------------------------------------------------------

// The fixed facts of one vendor's HTTP API.
struct ApiShape {
    // Where the vendor's own path begins in its URLs ("/api/v5/"): what stands before it in a URL the page
    // gave is the page's (a same-origin proxy's "/proxy/giosg"). Empty: unknown, nothing is rebased.
    std::string_view api_root;
    std::string_view cursor_param;  // the query parameter a page cursor goes into; empty: cursors are refused
    std::string_view list_suffix;   // what the list URL has after the collection (Pipedrive's "/find")
    bool writes = true;
    HttpMethod update = HttpMethod::put;
};
ApiShape pipedrive_api_shape();
ApiShape hubspot_api_shape();
ApiShape giosg_api_shape();
ApiShape zendesk_api_shape();

// The body of a create or update in the vendor's documented request form, from the vendor's writer; null
// when the goal cannot be written (ctx's errors say why). HubSpot has none: its goal_targets are read-only.
Json pipedrive_request_body(const Goal& g, GoalEdit edit, WriteContext& ctx);
Json giosg_request_body(const Goal& g, GoalEdit edit, WriteContext& ctx);
Json zendesk_request_body(const Goal& g, GoalEdit edit, WriteContext& ctx);
// The values at the dotted paths ("type.params.pipeline_id") of `item`, nulls included, in a new object:
// a request body made of the fields the vendor documents for it.
Json documented_fields(const Json& item, std::initializer_list<std::string_view> dotted_paths);

// What a vendor's reply body to a write says, before vendor_api.cpp makes an ApiReply of it.
struct ReplyBody {
    const Json* goal = nullptr;       // a success body's goal item
    bool refused = false;             // a 2xx body that says the write failed (Pipedrive success: false)
    std::string message;              // the vendor's reason for a refusal
    std::vector<Error> field_errors;  // per-field reasons at wire paths; code and status are filled in later
};
// `success`: the status was 2xx. The body is a parsed JSON document.
void pipedrive_reply(const Json& doc, bool success, ReplyBody& out);
void giosg_reply(const Json& doc, bool success, ReplyBody& out);
void zendesk_reply(const Json& doc, bool success, ReplyBody& out);

// One wire path prefix and the model field it names.
struct FieldRename {
    std::string_view wire;
    std::string_view field;
};
// `wire` with the first rename whose wire path is a whole-segment prefix of it applied; nullopt when none is.
std::optional<std::string> renamed_field_path(const std::string& wire, const FieldRename* renames, size_t count);
template <size_t N>
std::optional<std::string> renamed_field_path(const std::string& wire, const FieldRename (&renames)[N]) {
    return renamed_field_path(wire, renames, N);
}
// Each vendor's own renames (model_field_path adds the ones every vendor shares).
std::optional<std::string> pipedrive_field_path(const std::string& wire);
std::optional<std::string> hubspot_field_path(const std::string& wire);
std::optional<std::string> giosg_field_path(const std::string& wire);
std::optional<std::string> zendesk_field_path(const std::string& wire);

}  // namespace gp
