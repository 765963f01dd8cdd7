// Internal interface between read.cpp / write.cpp / goal_store.cpp and the four vendor files.
// Not part of the core's public surface: include read.hpp, write.hpp or goal_store.hpp instead.
#pragma once

#include <string>
#include <vector>

#include "core/json_access.hpp"
#include "core/model.hpp"
#include "core/read.hpp"

namespace gp {

class GiosgCodeTable;

struct ReadContext {
    const ReadOptions* options = nullptr;
    const GiosgCodeTable* codes = nullptr;
    std::vector<Error>* errors = nullptr;
    std::vector<Error>* warnings = nullptr;
    const std::vector<std::string>* tainted = nullptr;  // string paths the pre-scan had to repair
    // A reader for one item at `path`, reporting warnings where this context does.
    ObjectReader reader(const Json* item, std::string path) const {
        ObjectReader r(item, std::move(path), *errors);
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

}  // namespace gp
