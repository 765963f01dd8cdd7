// Stable names for the model's enumerations, used by the canonical JSON form, the CLI and the UI.
// Parsing returns nullopt for an unknown name so that callers can report it with its path.
#pragma once

#include <optional>
#include <string_view>

#include "core/model.hpp"

namespace gp {

std::string_view name_of(Vendor v);
std::string_view name_of(AssigneeType v);
std::string_view name_of(MetricType v);
std::string_view name_of(TrackingMetric v);
std::string_view name_of(Unit v);
std::string_view name_of(Direction v);
std::string_view name_of(Interval v);
std::string_view name_of(ConditionField v);
std::string_view name_of(ConditionOp v);
std::string_view name_of(Combinator v);
std::string_view name_of(CountingMode v);
std::string_view name_of(AttributionModel v);

// parse_name<E>("monthly") -> Interval::monthly; nullopt when the name is not one of E's.
template <class E>
std::optional<E> parse_name(std::string_view name);

}  // namespace gp
