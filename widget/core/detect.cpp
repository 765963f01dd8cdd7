#include "core/detect.hpp"

#include "core/json_access.hpp"

namespace gp {
namespace {

// A key counts when it is named, null or not: detection goes by a document's shape, not its values.
bool has(const Json& o, const char* key) { return find_member(o, key) != nullptr; }

bool has_object(const Json& o, const char* key) {
    const Json* v = member(o, key);
    return v && v->is_object();
}

const Json* first_element(const Json& array) { return array.is_array() && !array.empty() ? &array[0] : nullptr; }

}  // namespace

Vendor detect_item_vendor(const Json& item) {
    if (!item.is_object()) return Vendor::unknown;
    if (has_object(item, "properties")) return Vendor::hubspot;
    if (has(item, "expected_outcome") || has(item, "duration") || (has_object(item, "type") && has(item, "assignee")))
        return Vendor::pipedrive;
    if (has(item, "allowed_rooms") || has(item, "allow_any_room") || has(item, "is_any_room_allowed") ||
        has(item, "default_value") || has(item, "conditions"))
        return Vendor::giosg;
    if (has_object(item, "settings") || has(item, "attribution_model") || has(item, "attribution_period") ||
        has(item, "enabled"))
        return Vendor::zendesk;
    return Vendor::unknown;
}

Vendor detect_vendor(const Json& doc) {
    if (doc.is_array()) {
        const Json* first = first_element(doc);
        // An empty bare array is Zendesk's list shape; it holds no goals whichever vendor sent it.
        return first ? detect_item_vendor(*first) : Vendor::zendesk;
    }
    if (!doc.is_object()) return Vendor::unknown;
    if (has(doc, "success") || has(doc, "data")) return Vendor::pipedrive;
    if (const Json* results = find_member(doc, "results")) {
        if (has(doc, "next") || has(doc, "previous")) return Vendor::giosg;
        if (has(doc, "paging")) return Vendor::hubspot;
        const Json* first = first_element(*results);
        return first ? detect_item_vendor(*first) : Vendor::hubspot;
    }
    return detect_item_vendor(doc);
}

}  // namespace gp
