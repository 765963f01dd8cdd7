// Readers for CRM event data. See data_readers.hpp and docs/progress.md.
//
// Index
// - [SECTION] Row values
// - [SECTION] Payload envelope
// - [SECTION] Pipedrive
// - [SECTION] HubSpot
// - [SECTION] Canonical JSON
// - [SECTION] Canonical CSV
// - [SECTION] Detection
// - [SECTION] Currencies and membership
#include "core/data_readers.hpp"

#include <cctype>

#include "core/calendar.hpp"
#include "core/cold_code.hpp"
#include "core/json_access.hpp"

namespace gp {

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Row values
//-----------------------------------------------------------------------------

// A row's fields go through the shared accessors (json_access.hpp): what is missing or odd takes the
// field's default, since one unreadable figure should not drop a deal. What follows are the event formats'
// own readings on top of them.

// Ids arrive as strings, integers, or (Pipedrive's user_id in deal lists) objects with an "id".
std::string id_of(const Json* j) {
    while (j && j->is_object()) j = member(*j, "id");
    return id_value(j).value_or(std::string());
}

// ISO text, or (HubSpot) milliseconds since the epoch as a number or a string of digits.
std::optional<TimestampMs> time_of(const Json* j) {
    if (const std::string* s = string_value(j)) {
        if (const auto ms = integer_value(j)) return ms;
        return parse_timestamp(*s);
    }
    return integer_value(j);
}

// A date, or the day of a timestamp (exports write both).
std::optional<Date> date_of(const Json* j) {
    const std::string* s = string_value(j);
    if (!s) return std::nullopt;
    if (const auto d = parse_civil_date(*s)) return d;
    if (const auto t = parse_timestamp(*s)) return civil_date_of(*t);
    return std::nullopt;
}

// Activities' "done": a boolean, any non-zero count, or Pipedrive's "done" status text.
bool truthy(const Json* j) {
    if (const std::optional<bool> b = boolean_value(j)) return *b;
    if (const auto i = integer_value(j)) return *i != 0;
    const std::string* s = string_value(j);
    return s && *s == "done";
}

//-----------------------------------------------------------------------------
// [SECTION] Payload envelope
//-----------------------------------------------------------------------------

std::optional<Json> parse_payload(std::string_view payload, const DataReadOptions& options, std::vector<Error>& errors) {
    ParsedJson parsed = parse_json(payload, {options.max_bytes, options.max_depth});
    // A repaired string (bad UTF-8) is reported and its record still read: a title is not a figure.
    errors.insert(errors.end(), parsed.errors.begin(), parsed.errors.end());
    if (!parsed.ok()) return std::nullopt;
    return std::move(parsed.doc);
}

using ItemReader = void (*)(const Json& item, const std::string& path, DataReadResult& out);

// Runs `read` over every object in the array at `key` (or the root array when key is null).
void read_list(const Json& doc, const char* key, ItemReader read, DataReadResult& out) {
    const Json* list = key ? member(doc, key) : &doc;
    const std::string path = key ? std::string("/") + key : std::string();
    if (!list || !list->is_array()) {
        out.errors.push_back({path, "required", "expected an array of items", 400});
        return;
    }
    for (size_t i = 0; i < list->size(); ++i) {
        const Json& item = (*list)[i];
        if (item.is_object()) read(item, child_path(path, i), out);
        else out.ignored.add(child_path(path, i), "not_an_object", "the item is not an object");
    }
}

// Pipedrive: additional_data.pagination.next_start while more_items_in_collection; HubSpot: paging.next.after.
NextPage next_page_of(const Json& doc) {
    NextPage next;
    if (const Json* additional = member(doc, "additional_data"))
        if (const Json* p = member(*additional, "pagination"); p && truthy(member(*p, "more_items_in_collection")))
            next.cursor = id_of(member(*p, "next_start"));
    if (const Json* paging = member(doc, "paging"))
        if (const Json* after = member(*paging, "next")) next.cursor = id_of(member(*after, "after"));
    return next;
}

DataReadResult read_with(std::string_view payload, const DataReadOptions& options, const char* key, ItemReader read) {
    DataReadResult out;
    if (const std::optional<Json> doc = parse_payload(payload, options, out.errors)) {
        read_list(*doc, key, read, out);
        out.next = next_page_of(*doc);
    }
    return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Pipedrive
//-----------------------------------------------------------------------------

DealStatus status_of(const std::string& s) {
    if (s == "won" || s == "closedwon") return DealStatus::won;
    if (s == "lost" || s == "closedlost") return DealStatus::lost;
    if (s == "deleted") return DealStatus::deleted;
    return DealStatus::open;
}

// The deal fields' names in one format; Pipedrive and the canonical format differ only in these.
struct DealFields {
    const char* owner;
    const char* owner_fallback;
    const char* pipeline;
    const char* stage;
};

void read_deal_named(const Json& item, const std::string& path, const DealFields& names, DataReadResult& out) {
    DealRow d;
    d.id = id_of(member(item, "id"));
    d.owner = id_of(member(item, names.owner));
    if (d.owner.empty()) d.owner = id_of(member(item, names.owner_fallback));
    d.pipeline = integer_value(member(item, names.pipeline)).value_or(0);
    d.stage = integer_value(member(item, names.stage)).value_or(0);
    d.status = status_of(text_value(member(item, "status")));
    d.value = number_value(member(item, "value")).value_or(0.0);
    d.currency = text_value(member(item, "currency"));
    d.add_time = time_of(member(item, "add_time"));
    d.won_time = time_of(member(item, "won_time"));
    d.expected_close = date_of(member(item, "expected_close_date"));
    d.probability = number_value(member(item, "probability"));
    d.path = path;
    out.rows.deals.push_back(std::move(d));
}

void read_pipedrive_deal(const Json& item, const std::string& path, DataReadResult& out) {
    read_deal_named(item, path, {"user_id", "owner_id", "pipeline_id", "stage_id"}, out);
}

void read_pipedrive_activity(const Json& item, const std::string& path, DataReadResult& out) {
    ActivityRow a;
    a.id = id_of(member(item, "id"));
    a.owner = id_of(member(item, "user_id"));
    if (a.owner.empty()) a.owner = id_of(member(item, "owner_id"));
    // Goals filter by activity type id; list items carry it as type_id where the export has it.
    a.type = integer_value(member(item, "type_id")).value_or(integer_value(member(item, "type")).value_or(kUnknownActivityType));
    a.add_time = time_of(member(item, "add_time"));
    a.done = truthy(member(item, "done"));
    a.done_time = time_of(member(item, "marked_as_done_time"));
    a.path = path;
    out.rows.activities.push_back(std::move(a));
}

// Deal flow items: {"object":"dealChange","data":{"item_id":<deal>,"field_key":"stage_id","new_value":..,"log_time":..}}.
// Other changes and other objects in the flow are not stage entries and are skipped without comment.
void read_pipedrive_flow_item(const Json& item, const std::string& path, DataReadResult& out) {
    const Json* data = member(item, "data");
    if (!data || text_value(member(*data, "field_key")) != "stage_id") return;
    const std::optional<int64_t> stage = integer_value(member(*data, "new_value"));
    std::optional<TimestampMs> time = time_of(member(*data, "log_time"));
    if (!time) time = time_of(member(item, "timestamp"));
    if (!stage || !time) {
        out.ignored.add(path, !stage ? "bad_stage" : "bad_time", "the stage change has no valid stage or time");
        return;
    }
    out.rows.stage_changes.push_back({id_of(member(*data, "id")), id_of(member(*data, "item_id")), *stage, *time, path});
}

//-----------------------------------------------------------------------------
// [SECTION] HubSpot
//-----------------------------------------------------------------------------

// HubSpot deals for sales_quota goals: closed-won deals count by closedate.
void read_hubspot_deal(const Json& item, const std::string& path, DataReadResult& out) {
    const Json* props = member(item, "properties");
    if (!props || !props->is_object()) {
        out.ignored.add(path + "/properties", "required", "the deal has no properties object");
        return;
    }
    DealRow d;
    d.id = id_of(member(item, "id"));
    d.owner = id_of(member(*props, "hubspot_owner_id"));
    const std::string pipeline = text_value(member(*props, "pipeline"));
    d.pipeline = parse_int(pipeline).value_or(0);  // "default" and other names: pipeline 0
    d.status = status_of(text_value(member(*props, "dealstage")));
    d.value = number_value(member(*props, "amount")).value_or(0.0);
    d.currency = text_value(member(*props, "deal_currency_code"));
    d.add_time = time_of(member(*props, "createdate"));
    if (!d.add_time) d.add_time = time_of(member(item, "createdAt"));
    const std::optional<TimestampMs> close = time_of(member(*props, "closedate"));
    if (d.status == DealStatus::won) d.won_time = close;
    if (close) d.expected_close = civil_date_of(*close);
    d.probability = number_value(member(*props, "hs_deal_stage_probability"));
    if (d.probability) *d.probability *= 100.0;  // HubSpot gives 0..1
    d.path = path;
    out.rows.deals.push_back(std::move(d));
}

//-----------------------------------------------------------------------------
// [SECTION] Canonical JSON
//-----------------------------------------------------------------------------

// No benchmark reads these (docs/BENCHMARKS.md: read.data.* are Pipedrive's and HubSpot's deals and the
// event log), so in the shipped wasm they are built for size (core/cold_code.hpp).
GP_COLD_CODE_BEGIN

void read_canonical_deal(const Json& item, const std::string& path, DataReadResult& out) {
    read_deal_named(item, path, {"owner", "owner_id", "pipeline", "stage"}, out);
}

void read_canonical_activity(const Json& item, const std::string& path, DataReadResult& out) {
    ActivityRow a;
    a.id = id_of(member(item, "id"));
    a.owner = id_of(member(item, "owner"));
    a.type = integer_value(member(item, "type")).value_or(kUnknownActivityType);
    a.add_time = time_of(member(item, "add_time"));
    a.done = truthy(member(item, "done"));
    a.done_time = time_of(member(item, "done_time"));
    a.path = path;
    out.rows.activities.push_back(std::move(a));
}

void read_canonical_stage_change(const Json& item, const std::string& path, DataReadResult& out) {
    const std::optional<int64_t> stage = integer_value(member(item, "stage"));
    const std::optional<TimestampMs> time = time_of(member(item, "time"));
    if (!stage || !time) {
        out.ignored.add(path, !stage ? "bad_stage" : "bad_time", "the stage change has no valid stage or time");
        return;
    }
    out.rows.stage_changes.push_back({id_of(member(item, "id")), id_of(member(item, "deal")), *stage, *time, path});
}

GP_COLD_CODE_END

}  // namespace

DataReadResult read_pipedrive_deals(std::string_view payload, const DataReadOptions& options) {
    return read_with(payload, options, "data", read_pipedrive_deal);
}
DataReadResult read_pipedrive_activities(std::string_view payload, const DataReadOptions& options) {
    return read_with(payload, options, "data", read_pipedrive_activity);
}
DataReadResult read_pipedrive_deal_flow(std::string_view payload, const DataReadOptions& options) {
    return read_with(payload, options, "data", read_pipedrive_flow_item);
}
DataReadResult read_hubspot_deals(std::string_view payload, const DataReadOptions& options) {
    return read_with(payload, options, "results", read_hubspot_deal);
}

GP_COLD_CODE_BEGIN  // the canonical formats, detection, currencies and membership: to the end of the file

DataReadResult read_canonical_json(std::string_view payload, const DataReadOptions& options) {
    DataReadResult out;
    const std::optional<Json> doc = parse_payload(payload, options, out.errors);
    if (!doc) return out;
    if (!doc->is_object()) {
        out.errors.push_back({"", "type_mismatch", "expected an object with deals, activities or stage_changes", 400});
        return out;
    }
    const std::pair<const char*, ItemReader> lists[] = {{"deals", read_canonical_deal},
                                                        {"activities", read_canonical_activity},
                                                        {"stage_changes", read_canonical_stage_change}};
    for (const auto& [key, read] : lists)
        if (member(*doc, key)) read_list(*doc, key, read, out);
    return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Canonical CSV
//-----------------------------------------------------------------------------

namespace {

// RFC 4180 fields: commas, double quotes with "" inside, CRLF or LF line ends.
std::vector<std::vector<std::string>> split_csv(std::string_view text) {
    std::vector<std::vector<std::string>> rows(1);
    std::string field;
    bool quoted = false;
    const auto end_field = [&] { rows.back().push_back(std::move(field)); field.clear(); };
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c != '"') field += c;
            else if (i + 1 < text.size() && text[i + 1] == '"') field += text[++i];
            else quoted = false;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            end_field();
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            end_field();
            rows.emplace_back();
        } else {
            field += c;
        }
    }
    if (!field.empty() || !rows.back().empty()) end_field();
    while (!rows.empty() && (rows.back().empty() || (rows.back().size() == 1 && rows.back()[0].empty()))) rows.pop_back();
    return rows;
}

bool has_column(const std::vector<std::string>& header, const char* name) {
    for (const std::string& h : header)
        if (h == name) return true;
    return false;
}

ItemReader csv_kind(const std::vector<std::string>& header) {
    if (has_column(header, "deal") && has_column(header, "stage") && has_column(header, "time"))
        return read_canonical_stage_change;
    if (has_column(header, "done_time") || has_column(header, "done")) return read_canonical_activity;
    if (has_column(header, "won_time") || has_column(header, "value")) return read_canonical_deal;
    return nullptr;
}

}  // namespace

DataReadResult read_canonical_csv(std::string_view payload, const DataReadOptions& options) {
    DataReadResult out;
    if (payload.size() > options.max_bytes) {
        out.errors.push_back({"", "too_large", "payload is larger than the limit", 413});
        return out;
    }
    const std::vector<std::vector<std::string>> rows = split_csv(payload);
    const ItemReader read = rows.empty() ? nullptr : csv_kind(rows[0]);
    if (!read) {
        out.errors.push_back({"/0", "unknown_format", "the header row names no known event columns", 400});
        return out;
    }
    const std::vector<std::string>& header = rows[0];
    for (size_t r = 1; r < rows.size(); ++r) {
        const std::string path = "/" + std::to_string(r);
        if (rows[r].size() != header.size()) {
            out.ignored.add(path, "bad_row", "the row has a different number of fields than the header");
            continue;
        }
        // Each row becomes the same object the JSON form has, so both forms share one reader; empty
        // cells are absent values.
        Json item = Json::object();
        for (size_t c = 0; c < header.size(); ++c)
            if (!rows[r][c].empty()) item[header[c]] = rows[r][c];
        read(item, path, out);
    }
    return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Detection
//-----------------------------------------------------------------------------

DataReadResult read_events(std::string_view payload, const DataReadOptions& options) {
    size_t first = 0;
    while (first < payload.size() && std::isspace(static_cast<unsigned char>(payload[first]))) ++first;
    if (first == payload.size() || (payload[first] != '{' && payload[first] != '['))
        return read_canonical_csv(payload, options);
    DataReadResult probe;
    const std::optional<Json> doc = parse_payload(payload, options, probe.errors);
    if (!doc) return probe;
    if (member(*doc, "results")) return read_hubspot_deals(payload, options);
    const Json* data = member(*doc, "data");
    if (!data) return read_canonical_json(payload, options);
    const Json* sample = data->is_array() && !data->empty() ? &(*data)[0] : nullptr;
    if (sample && (member(*sample, "object") || member(*sample, "field_key"))) return read_pipedrive_deal_flow(payload, options);
    if (sample && (member(*sample, "marked_as_done_time") || member(*sample, "done") || member(*sample, "due_date")))
        return read_pipedrive_activities(payload, options);
    return read_pipedrive_deals(payload, options);
}

//-----------------------------------------------------------------------------
// [SECTION] Currencies and membership
//-----------------------------------------------------------------------------

CurrencyReadResult read_pipedrive_currencies(std::string_view payload, const DataReadOptions& options) {
    CurrencyReadResult out;
    const std::optional<Json> doc = parse_payload(payload, options, out.errors);
    if (!doc) return out;
    const Json* data = member(*doc, "data");
    if (!data || !data->is_array()) {
        out.errors.push_back({"/data", "required", "expected an array of currencies", 400});
        return out;
    }
    for (size_t i = 0; i < data->size(); ++i) {
        const Json& c = (*data)[i];
        const std::optional<int64_t> id = integer_value(member(c, "id"));
        const std::string code = text_value(member(c, "code"));
        if (!id || code.empty()) {
            out.errors.push_back({child_path("/data", i), "required", "a currency needs an id and a code", 400});
            continue;
        }
        const int decimals = static_cast<int>(integer_value(member(c, "decimal_points")).value_or(2));
        out.currencies.push_back({*id, code, decimals});
    }
    return out;
}

namespace {

std::vector<std::string> ids_in(const Json* list) {
    std::vector<std::string> ids;
    if (!list || !list->is_array()) return ids;
    for (const Json& j : *list)
        if (std::string id = id_of(&j); !id.empty()) ids.push_back(std::move(id));
    return ids;
}

}  // namespace

MembershipReadResult read_membership(std::string_view payload, const DataReadOptions& options) {
    MembershipReadResult out;
    const std::optional<Json> doc = parse_payload(payload, options, out.errors);
    if (!doc) return out;
    out.membership.users = ids_in(member(*doc, "users"));
    const char* key = member(*doc, "teams") ? "teams" : "data";
    const Json* teams = member(*doc, key);
    if (!teams && !out.membership.users.empty()) return out;
    if (!teams || !teams->is_array()) {
        out.errors.push_back({std::string("/") + key, "required", "expected an array of teams", 400});
        return out;
    }
    for (size_t i = 0; i < teams->size(); ++i) {
        const Json& t = (*teams)[i];
        const std::string id = id_of(member(t, "id"));
        if (id.empty()) {
            out.errors.push_back({child_path(std::string("/") + key, i), "required", "a team needs an id", 400});
            continue;
        }
        const Json* members = member(t, "members") ? member(t, "members") : member(t, "users");
        out.membership.teams[id] = ids_in(members);
    }
    return out;
}

GP_COLD_CODE_END

}  // namespace gp
