// Which vendor's wire format a parsed payload is in, from its shape alone (docs/formats.md lists the
// rules). ReadOptions::format overrides it when the caller knows better.
#pragma once

#include <string_view>

#include "core/model.hpp"

namespace gp {

// Vendor::unknown when no rule matches.
Vendor detect_vendor(const Json& doc);
// The vendor a single goal object looks like, or Vendor::unknown.
Vendor detect_item_vendor(const Json& item);

}  // namespace gp
