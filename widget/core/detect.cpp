#include "core/detect.hpp"

namespace gp {
namespace {

bool has(const Json& o, const char* key) { return o.find(key) != o.end(); }

bool has_object(const Json& o, const char* key) {
    const auto it = o.find(key);
    return it != o.end() && it->is_object();
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
    const auto results = doc.find("results");
    if (results != doc.end()) {
        if (has(doc, "next") || has(doc, "previous")) return Vendor::giosg;
        if (has(doc, "paging")) return Vendor::hubspot;
        const Json* first = first_element(*results);
        return first ? detect_item_vendor(*first) : Vendor::hubspot;
    }
    return detect_item_vendor(doc);
}

}  // namespace gp
