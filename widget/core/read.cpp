// Reading goal payloads: the limits, parsing, detection, and the item loop every vendor
// reader shares.
//
// Index
// - [SECTION] Shared reader plumbing
// - [SECTION] Entry points
#include "core/read.hpp"

#include "core/detect.hpp"
#include "core/giosg_codes.hpp"
#include "core/model_names.hpp"
#include "core/validate.hpp"
#include "core/vendors.hpp"

namespace gp {

//-----------------------------------------------------------------------------
// [SECTION] Shared reader plumbing
//-----------------------------------------------------------------------------

bool ReadContext::is_tainted(const std::string& item_path) const {
    if (!tainted) return false;
    for (const std::string& p : *tainted) {
        if (p.compare(0, item_path.size(), item_path) != 0) continue;
        if (p.size() == item_path.size() || p[item_path.size()] == '/') return true;
    }
    return false;
}

void keep_unknown(Json& extra, const ObjectReader& reader, std::initializer_list<const char*> nesting) {
    Json unknown = reader.unknown();
    if (unknown.is_null()) return;
    Json* at = &extra;
    for (const char* key : nesting) {
        if (!at->is_object()) *at = Json::object();
        at = &(*at)[key];
    }
    if (at->is_object()) merge_missing(*at, unknown);
    else *at = std::move(unknown);
}

bool read_goal_item(const Json& item, Vendor vendor, const std::string& path, ReadContext& ctx, Goal& out) {
    const size_t errors_before = ctx.errors->size();
    bool read = false;
    switch (vendor) {
        case Vendor::pipedrive: read = read_pipedrive_goal(item, path, ctx, out); break;
        case Vendor::giosg: read = read_giosg_goal(item, path, ctx, out); break;
        case Vendor::zendesk: read = read_zendesk_goal(item, path, ctx, out); break;
        default:
            ctx.errors->push_back({path, "unsupported", std::string(name_of(vendor)) + " has no single-goal form", 400});
            return false;
    }
    if (read && ctx.options->validate) validate_goal(out, vendor, path, *ctx.errors);
    return read && ctx.errors->size() == errors_before && !ctx.is_tainted(path);
}

void read_goal_items(const Json& items, Vendor vendor, const std::string& path, ReadContext& ctx, ReadResult& out) {
    out.goals.reserve(out.goals.size() + items.size());
    for (size_t i = 0; i < items.size(); ++i) {
        Goal g;
        if (read_goal_item(items[i], vendor, child_path(path, i), ctx, g)) out.goals.push_back(std::move(g));
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Entry points
//-----------------------------------------------------------------------------

namespace {

void read_parsed(const Json& doc, const ReadOptions& options, const std::vector<std::string>* tainted, ReadResult& out) {
    out.vendor = options.format != Vendor::unknown ? options.format : detect_vendor(doc);
    ReadContext ctx;
    ctx.options = &options;
    ctx.codes = options.giosg_codes ? options.giosg_codes : &GiosgCodeTable::builtin();
    ctx.errors = &out.errors;
    ctx.warnings = options.lenient ? &out.warnings : nullptr;
    ctx.tainted = tainted;
    switch (out.vendor) {
        case Vendor::pipedrive: read_pipedrive(doc, ctx, out); break;
        case Vendor::hubspot: read_hubspot(doc, ctx, out); break;
        case Vendor::giosg: read_giosg(doc, ctx, out); break;
        case Vendor::zendesk: read_zendesk(doc, ctx, out); break;
        case Vendor::unknown:
            out.errors.push_back({"", "unknown_format",
                                  "the payload matches none of the known goal formats (pipedrive, hubspot, giosg, "
                                  "zendesk); name one explicitly",
                                  400});
            break;
    }
}

}  // namespace

std::string goals_request_url(std::string_view url, Vendor format) {
    const std::string_view path = url.substr(0, url.find_first_of("?#"));
    const bool hubspot_path = path.find("/objects/goal_targets") != std::string_view::npos;
    if (format == Vendor::hubspot || (format == Vendor::unknown && hubspot_path)) return hubspot_goals_url(url);
    return std::string(url);
}

ReadResult read_goals(std::string_view payload, const ReadOptions& options) {
    ReadResult out;
    out.vendor = options.format;
    ParsedJson parsed = parse_json(payload, {options.max_bytes, options.max_depth});
    out.errors = std::move(parsed.errors);
    if (!parsed.ok()) return out;
    read_parsed(parsed.doc, options, parsed.tainted.empty() ? nullptr : &parsed.tainted, out);
    return out;
}

}  // namespace gp
