// Index
// - [SECTION] Pipedrive find filters
// - [SECTION] Responses
// - [SECTION] Loading
// - [SECTION] Operations
#include "core/goal_store.hpp"

#include <algorithm>
#include <functional>

#include "core/calendar.hpp"
#include "core/cold_sort.hpp"
#include "core/giosg_codes.hpp"
#include "core/json_access.hpp"
#include "core/model_names.hpp"
#include "core/validate.hpp"
#include "core/vendors.hpp"

namespace gp {

//-----------------------------------------------------------------------------
// [SECTION] Pipedrive find filters
//-----------------------------------------------------------------------------

namespace {

using GoalTest = std::function<bool(const Goal&)>;

Error bad_filter(const std::string& key, std::string message) { return {"/" + key, "bad_filter", std::move(message), 400}; }

// "4", "4,7", "[4,7]" or "null" (the goals that track all of them).
std::optional<std::optional<std::vector<int64_t>>> parse_id_filter(std::string_view text) {
    if (text == "null") return std::optional<std::vector<int64_t>>();
    if (!text.empty() && text.front() == '[' && text.back() == ']') text = text.substr(1, text.size() - 2);
    std::vector<int64_t> ids;
    while (!text.empty()) {
        const size_t comma = text.find(',');
        const std::optional<int64_t> id = parse_int(text.substr(0, comma));
        if (!id) return std::nullopt;
        ids.push_back(*id);
        text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
    }
    if (ids.empty()) return std::nullopt;
    return std::optional<std::vector<int64_t>>(std::move(ids));
}

bool ids_match(const std::optional<std::vector<int64_t>>& goal_ids, const std::optional<std::vector<int64_t>>& wanted) {
    if (!wanted) return !goal_ids;
    if (!goal_ids) return false;
    return std::all_of(wanted->begin(), wanted->end(),
                       [&](int64_t id) { return std::find(goal_ids->begin(), goal_ids->end(), id) != goal_ids->end(); });
}

// One filter as a predicate; nullopt (with an error) when the key or value is not one Pipedrive accepts.
std::optional<GoalTest> make_filter(const std::string& key, const std::string& value, std::vector<Error>& errors) {
    const auto number = parse_decimal(value);
    const auto integer = parse_int(value);
    const auto need = [&](bool ok, const char* what) {
        if (!ok) errors.push_back(bad_filter(key, "'" + value + "' is not " + what));
        return ok;
    };
    if (key == "title") return GoalTest([value](const Goal& g) { return g.title == value; });
    if (key == "assignee.id") return GoalTest([value](const Goal& g) { return g.assignee.id == value; });
    if (key == "type.name") {
        const auto t = parse_name<MetricType>(value);
        if (!need(t && *t != MetricType::none && *t != MetricType::sales_quota && *t != MetricType::conversions,
                  "a Pipedrive goal type"))
            return std::nullopt;
        return GoalTest([t = *t](const Goal& g) { return g.metric.type == t; });
    }
    if (key == "assignee.type") {
        const auto t = parse_name<AssigneeType>(value);
        if (!need(t && *t != AssigneeType::none, "person, company or team")) return std::nullopt;
        return GoalTest([t = *t](const Goal& g) { return g.assignee.type == t; });
    }
    if (key == "expected_outcome.tracking_metric") {
        const auto t = parse_name<TrackingMetric>(value);
        if (!need(t.has_value(), "quantity or sum")) return std::nullopt;
        return GoalTest([t = *t](const Goal& g) { return g.target.tracking == t; });
    }
    if (key == "expected_outcome.target") {
        if (!need(number.has_value(), "a number")) return std::nullopt;
        return GoalTest([n = *number](const Goal& g) { return g.target.amount == n; });
    }
    if (key == "expected_outcome.currency_id" || key == "type.params.stage_id") {
        if (!need(integer.has_value(), "an integer")) return std::nullopt;
        if (key == "type.params.stage_id") return GoalTest([i = *integer](const Goal& g) { return g.metric.stage_id == i; });
        return GoalTest([i = *integer](const Goal& g) { return g.target.currency_id == i; });
    }
    if (key == "type.params.pipeline_id" || key == "type.params.activity_type_id") {
        const auto ids = parse_id_filter(value);
        if (!need(ids.has_value(), "a list of integer ids or null")) return std::nullopt;
        if (key == "type.params.pipeline_id") return GoalTest([w = *ids](const Goal& g) { return ids_match(g.metric.pipeline_ids, w); });
        return GoalTest([w = *ids](const Goal& g) { return ids_match(g.metric.activity_type_ids, w); });
    }
    errors.push_back(bad_filter(key, "unknown search field"));
    return std::nullopt;
}

std::string query_value(const Query& query, const char* key, bool& present) {
    for (const auto& [k, v] : query)
        if (k == key) {
            present = true;
            return v;
        }
    present = false;
    return {};
}

// is_active (default true) and period.start + period.end, which only make sense together.
void add_special_filters(const Query& query, std::vector<GoalTest>& tests, std::vector<Error>& errors) {
    bool has_active = false, has_start = false, has_end = false;
    const std::string active = query_value(query, "is_active", has_active);
    if (has_active && active != "true" && active != "false") errors.push_back(bad_filter("is_active", "must be true or false"));
    const bool want_active = !has_active || active != "false";
    tests.push_back([want_active](const Goal& g) { return g.active == want_active; });

    const std::string start_text = query_value(query, "period.start", has_start);
    const std::string end_text = query_value(query, "period.end", has_end);
    if (!has_start && !has_end) return;
    if (has_start != has_end) {
        const char* missing = has_start ? "period.end" : "period.start";
        errors.push_back({std::string("/") + missing, "required",
                          "period.start and period.end must be given together", 400});
        return;
    }
    const auto start = parse_civil_date(start_text);
    const auto end = parse_civil_date(end_text);
    if (!start) errors.push_back(bad_filter("period.start", "'" + start_text + "' is not a YYYY-MM-DD date that exists"));
    if (!end) errors.push_back(bad_filter("period.end", "'" + end_text + "' is not a YYYY-MM-DD date that exists"));
    if (!start || !end) return;
    if (*end < *start) errors.push_back({"/period.end", "bad_range", "period.end is before period.start", 400});
    // Goals whose duration overlaps the period; an open end runs forever.
    tests.push_back([s = *start, e = *end](const Goal& g) {
        return (!g.schedule.start || *g.schedule.start <= e) && (!g.schedule.end || *g.schedule.end >= s);
    });
}

//-----------------------------------------------------------------------------
// [SECTION] Responses
//-----------------------------------------------------------------------------

Json error_body(Vendor vendor, int status, const std::vector<Error>& errors) {
    const std::string message = errors.empty() ? "error" : errors.front().message;
    switch (vendor) {
        case Vendor::pipedrive: return json_object({{"success", false}, {"error", message}});
        case Vendor::zendesk: return json_object({{"error", status == 404 ? "RecordNotFound" : "RecordInvalid"}, {"description", message}});
        case Vendor::giosg: {
            if (status == 404) return json_object({{"detail", message}});
            Json fields = Json::object();  // field -> [messages], as REST frameworks answer a 400
            for (const Error& e : errors) fields[e.path.empty() ? "non_field_errors" : e.path.substr(1)].push_back(e.message);
            return fields;
        }
        default: return json_object({{"status", "error"}, {"message", message}});
    }
}

// Deep assignment: objects merge key by key, anything else (null included) replaces.
void apply_patch(Json& target, const Json& patch) {
    if (!patch.is_object() || !target.is_object()) {
        target = patch;
        return;
    }
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        auto mine = target.find(it.key());
        if (mine != target.end() && mine->is_object() && it->is_object()) apply_patch(*mine, *it);
        else target[it.key()] = *it;
    }
}

int count_active(const std::vector<Goal>& goals, const Goal* except) {
    int active = 0;
    for (const Goal& g : goals) active += (&g != except && g.active && !g.deleted) ? 1 : 0;
    return active;
}

}  // namespace

StoreResult GoalStore::respond(int status, std::vector<Goal> goals, bool single) const {
    StoreResult out;
    out.status = status;
    WriteContext ctx;
    ctx.codes = options_.giosg_codes ? options_.giosg_codes : &GiosgCodeTable::builtin();
    ctx.errors = &out.errors;
    single = single && goals.size() == 1;
    switch (vendor_) {
        case Vendor::pipedrive: out.body = write_pipedrive(goals, single, ctx); break;
        case Vendor::hubspot: out.body = write_hubspot(goals, single, ctx); break;
        case Vendor::giosg: out.body = write_giosg(goals, single, ctx); break;
        case Vendor::zendesk: out.body = write_zendesk(goals, single, ctx); break;
        case Vendor::unknown: break;
    }
    out.goals = std::move(goals);
    return out;
}

StoreResult GoalStore::fail(int status, std::vector<Error> errors) const {
    StoreResult out;
    out.status = status;
    for (Error& e : errors) e.status = status;
    out.body = error_body(vendor_, status, errors);
    out.errors = std::move(errors);
    return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Loading
//-----------------------------------------------------------------------------

GoalStore::GoalStore(Vendor vendor, StoreOptions options) : vendor_(vendor), options_(std::move(options)) {}

ReadResult GoalStore::load(std::string_view payload, ReadOptions options) {
    options.format = vendor_;
    if (!options.giosg_codes) options.giosg_codes = options_.giosg_codes;
    ReadResult r = read_goals(payload, options);
    set_goals(r.goals);
    return r;
}

void GoalStore::set_goals(std::vector<Goal> goals) {
    goals_ = std::move(goals);
    next_id_ = 1;
    for (const Goal& g : goals_) {
        const std::optional<int64_t> n = parse_int(g.id);
        if (n && *n >= next_id_) next_id_ = *n + 1;
    }
    next_id_ = std::max<long long>(next_id_, static_cast<long long>(goals_.size()) + 1);
}

std::string GoalStore::new_id() {
    const long long n = next_id_++;
    if (vendor_ != Vendor::giosg) return std::to_string(n);
    // giosg ids are UUIDs; a deterministic one keeps the demo reproducible
    std::string uuid = "00000000-0000-4000-8000-";
    append_zero_padded(uuid, n % 1000000000000LL, 12);
    return uuid;
}

Goal* GoalStore::live_goal(std::string_view id) {
    for (Goal& g : goals_)
        if (g.id == id && !g.deleted) return &g;
    return nullptr;
}

const Goal* GoalStore::live_goal(std::string_view id) const { return const_cast<GoalStore*>(this)->live_goal(id); }

bool GoalStore::read_body(const Json& item, Goal& out, StoreResult& result) const {
    ReadOptions options;
    options.format = vendor_;
    options.giosg_codes = options_.giosg_codes;
    ReadContext ctx;
    ctx.options = &options;
    ctx.codes = options_.giosg_codes ? options_.giosg_codes : &GiosgCodeTable::builtin();
    ctx.errors = &result.errors;
    return read_goal_item(item, vendor_, "", ctx, out);
}

//-----------------------------------------------------------------------------
// [SECTION] Operations
//-----------------------------------------------------------------------------

namespace {

Error not_found(std::string_view id) { return {"/id", "not_found", "no goal with id '" + std::string(id) + "'", 404}; }
Error not_offered(Vendor v) {
    return {"", "method_not_allowed", "the " + std::string(name_of(v)) + " goals API has no such operation", 405};
}

}  // namespace

StoreResult GoalStore::find(const Query& filters) const {
    std::vector<GoalTest> tests;
    std::vector<Error> errors;
    for (const auto& [key, value] : filters) {
        if (key == "is_active" || key == "period.start" || key == "period.end") continue;
        if (auto test = make_filter(key, value, errors)) tests.push_back(std::move(*test));
    }
    add_special_filters(filters, tests, errors);
    if (!errors.empty()) return fail(400, std::move(errors));
    std::vector<Goal> found;
    for (const Goal& g : goals_) {
        if (g.deleted) continue;
        if (std::all_of(tests.begin(), tests.end(), [&](const GoalTest& t) { return t(g); })) found.push_back(g);
    }
    return respond(200, std::move(found), false);
}

StoreResult GoalStore::list(size_t page) const {
    std::vector<Goal> live;
    for (const Goal& g : goals_)
        if (!g.deleted) live.push_back(g);
    if (vendor_ != Vendor::giosg) return respond(200, std::move(live), false);
    // giosg sorts by creation time, oldest first; goals without one keep their order at the front.
    cold_sort(live, [](const Goal& a, const Goal& b) {
        return a.created_at.value_or(INT64_MIN) < b.created_at.value_or(INT64_MIN);
    });
    const size_t size = std::max<size_t>(1, options_.giosg_page_size);
    if (page < 1 || (page - 1) * size > live.size() || (page > 1 && (page - 1) * size == live.size()))
        return fail(404, {{"/page", "not_found", "Invalid page.", 404}});
    const size_t first = (page - 1) * size;
    const size_t last = std::min(live.size(), first + size);
    std::vector<Goal> slice(live.begin() + static_cast<ptrdiff_t>(first), live.begin() + static_cast<ptrdiff_t>(last));
    StoreResult out = respond(200, std::move(slice), false);
    const auto page_url = [&](size_t n) { return options_.giosg_list_url + "?page=" + std::to_string(n); };
    if (last < live.size()) out.next.url = page_url(page + 1);
    out.body["next"] = out.next.url.empty() ? Json(nullptr) : Json(out.next.url);
    out.body["previous"] = page > 1 ? Json(page_url(page - 1)) : Json(nullptr);
    return out;
}

StoreResult GoalStore::get(std::string_view id) const {
    const Goal* g = live_goal(id);
    if (!g) return fail(404, {not_found(id)});
    return respond(200, {*g}, true);
}

StoreResult GoalStore::create(const Json& body, TimestampMs now) {
    if (vendor_ == Vendor::hubspot) return fail(405, {not_offered(vendor_)});
    std::vector<Error> errors;
    validate_create_body(body, vendor_, "", errors);
    if (!errors.empty()) return fail(400, std::move(errors));
    Json item = body;
    item["id"] = new_id();
    StoreResult out;
    Goal g;
    if (!read_body(item, g, out)) return fail(400, std::move(out.errors));
    if (vendor_ == Vendor::zendesk && g.active && count_active(goals_, nullptr) >= kZendeskActiveGoalLimit)
        return fail(400, {goals_limit_error("/enabled")});
    if (vendor_ == Vendor::giosg) g.created_at = g.updated_at = now;
    goals_.push_back(g);
    // Pipedrive answers an add with 200, the others with 201 Created.
    return respond(vendor_ == Vendor::pipedrive ? 200 : 201, {std::move(g)}, true);
}

StoreResult GoalStore::store_edit(Goal* current, const Json& item, TimestampMs now) {
    StoreResult out;
    Goal g;
    if (!read_body(item, g, out)) return fail(400, std::move(out.errors));
    if (vendor_ == Vendor::zendesk && g.active && !current->active &&
        count_active(goals_, current) >= kZendeskActiveGoalLimit)
        return fail(400, {goals_limit_error("/enabled")});
    g.id = current->id;
    g.created_at = current->created_at;
    if (vendor_ == Vendor::giosg) g.updated_at = now;
    *current = g;
    return respond(200, {std::move(g)}, true);
}

StoreResult GoalStore::update(std::string_view id, const Json& body, TimestampMs now) {
    if (vendor_ == Vendor::hubspot) return fail(405, {not_offered(vendor_)});
    Goal* current = live_goal(id);
    if (!current) return fail(404, {not_found(id)});
    if (!body.is_object()) return fail(400, {{"", "type_mismatch", "the request body must be a JSON object", 400}});
    WriteContext ctx;
    std::vector<Error> write_errors;
    ctx.codes = options_.giosg_codes ? options_.giosg_codes : &GiosgCodeTable::builtin();
    ctx.errors = &write_errors;
    Json item = vendor_ == Vendor::pipedrive ? write_pipedrive_goal(*current, "", ctx)
                : vendor_ == Vendor::giosg   ? write_giosg_goal(*current, "", ctx)
                                             : write_zendesk_goal(*current, "", ctx);
    if (!write_errors.empty()) return fail(400, std::move(write_errors));
    apply_patch(item, body);
    item["id"] = id_json(current->id);  // ids are read-only
    return store_edit(current, item, now);
}

StoreResult GoalStore::replace(std::string_view id, const Json& body, TimestampMs now) {
    if (vendor_ != Vendor::giosg) return update(id, body, now);
    Goal* current = live_goal(id);
    if (!current) return fail(404, {not_found(id)});
    std::vector<Error> errors;
    validate_create_body(body, vendor_, "", errors);
    if (!errors.empty()) return fail(400, std::move(errors));
    Json item = body;
    item["id"] = current->id;
    return store_edit(current, item, now);
}

StoreResult GoalStore::remove(std::string_view id, TimestampMs now) {
    // giosg's goal URL takes DELETE like its other v5 resources (the seed's excerpt lists only the writes
    // that carry a body); a giosg that refused it would answer 405, and the widget puts the goal back.
    if (vendor_ == Vendor::hubspot) return fail(405, {not_offered(vendor_)});
    Goal* current = live_goal(id);
    if (!current) return fail(404, {not_found(id)});
    if (vendor_ == Vendor::pipedrive) {
        current->deleted = true;  // Pipedrive marks the goal deleted rather than erasing it
        current->updated_at = now;
        StoreResult out = respond(200, {*current}, true);
        out.body = json_object({{"success", true}, {"data", json_object({{"id", current->id}})}});
        return out;
    }
    goals_.erase(goals_.begin() + (current - goals_.data()));
    StoreResult out;
    out.status = 204;
    return out;
}

}  // namespace gp
