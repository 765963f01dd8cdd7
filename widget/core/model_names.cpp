#include "core/model_names.hpp"

#include <array>
#include <utility>

namespace gp {
namespace {

template <class E, size_t N>
using NameTable = std::array<std::pair<E, std::string_view>, N>;

constexpr NameTable<Vendor, 5> kVendor{{{Vendor::unknown, "unknown"},
                                        {Vendor::pipedrive, "pipedrive"},
                                        {Vendor::hubspot, "hubspot"},
                                        {Vendor::giosg, "giosg"},
                                        {Vendor::zendesk, "zendesk"}}};
constexpr NameTable<AssigneeType, 4> kAssignee{{{AssigneeType::none, "none"},
                                                {AssigneeType::person, "person"},
                                                {AssigneeType::team, "team"},
                                                {AssigneeType::company, "company"}}};
constexpr NameTable<MetricType, 9> kMetric{{{MetricType::none, "none"},
                                            {MetricType::deals_won, "deals_won"},
                                            {MetricType::deals_started, "deals_started"},
                                            {MetricType::deals_progressed, "deals_progressed"},
                                            {MetricType::activities_added, "activities_added"},
                                            {MetricType::activities_completed, "activities_completed"},
                                            {MetricType::revenue_forecast, "revenue_forecast"},
                                            {MetricType::sales_quota, "sales_quota"},
                                            {MetricType::conversions, "conversions"}}};
constexpr NameTable<TrackingMetric, 3> kTracking{{{TrackingMetric::quantity, "quantity"},
                                                  {TrackingMetric::sum, "sum"},
                                                  {TrackingMetric::average, "average"}}};
constexpr NameTable<Unit, 4> kUnit{{{Unit::count, "count"},
                                    {Unit::currency, "currency"},
                                    {Unit::duration, "duration"},
                                    {Unit::percent, "percent"}}};
constexpr NameTable<Direction, 2> kDirection{{{Direction::higher_is_better, "higher_is_better"},
                                              {Direction::lower_is_better, "lower_is_better"}}};
constexpr NameTable<Interval, 5> kInterval{{{Interval::none, "none"},
                                            {Interval::weekly, "weekly"},
                                            {Interval::monthly, "monthly"},
                                            {Interval::quarterly, "quarterly"},
                                            {Interval::yearly, "yearly"}}};
constexpr NameTable<ConditionField, 9> kField{{{ConditionField::url, "url"},
                                               {ConditionField::path, "path"},
                                               {ConditionField::query, "query"},
                                               {ConditionField::host, "host"},
                                               {ConditionField::title, "title"},
                                               {ConditionField::referrer, "referrer"},
                                               {ConditionField::event_name, "event_name"},
                                               {ConditionField::event_value, "event_value"},
                                               {ConditionField::giosg_code, "giosg_code"}}};
constexpr NameTable<ConditionOp, 8> kOp{{{ConditionOp::equals, "equals"},
                                         {ConditionOp::contains, "contains"},
                                         {ConditionOp::starts_with, "starts_with"},
                                         {ConditionOp::ends_with, "ends_with"},
                                         {ConditionOp::wildcard, "wildcard"},
                                         {ConditionOp::greater, "greater"},
                                         {ConditionOp::less, "less"},
                                         {ConditionOp::unsupported, "unsupported"}}};
constexpr NameTable<Combinator, 2> kCombinator{{{Combinator::any, "any"}, {Combinator::all, "all"}}};
constexpr NameTable<CountingMode, 4> kCounting{{{CountingMode::every, "every"},
                                                {CountingMode::once_per_page, "once_per_page"},
                                                {CountingMode::once_per_session, "once_per_session"},
                                                {CountingMode::once_per_visitor, "once_per_visitor"}}};
constexpr NameTable<AttributionModel, 3> kAttribution{{{AttributionModel::none, "none"},
                                                       {AttributionModel::first_touch, "first_touch"},
                                                       {AttributionModel::last_touch, "last_touch"}}};

template <class E, size_t N>
std::string_view lookup(const NameTable<E, N>& table, E value) {
    for (const auto& [e, name] : table)
        if (e == value) return name;
    return "invalid";
}

template <class E, size_t N>
std::optional<E> reverse(const NameTable<E, N>& table, std::string_view name) {
    for (const auto& [e, n] : table)
        if (n == name) return e;
    return std::nullopt;
}

template <class E>
constexpr const auto& table_for();
template <> constexpr const auto& table_for<Vendor>() { return kVendor; }
template <> constexpr const auto& table_for<AssigneeType>() { return kAssignee; }
template <> constexpr const auto& table_for<MetricType>() { return kMetric; }
template <> constexpr const auto& table_for<TrackingMetric>() { return kTracking; }
template <> constexpr const auto& table_for<Unit>() { return kUnit; }
template <> constexpr const auto& table_for<Direction>() { return kDirection; }
template <> constexpr const auto& table_for<Interval>() { return kInterval; }
template <> constexpr const auto& table_for<ConditionField>() { return kField; }
template <> constexpr const auto& table_for<ConditionOp>() { return kOp; }
template <> constexpr const auto& table_for<Combinator>() { return kCombinator; }
template <> constexpr const auto& table_for<CountingMode>() { return kCounting; }
template <> constexpr const auto& table_for<AttributionModel>() { return kAttribution; }

}  // namespace

std::string_view name_of(Vendor v) { return lookup(kVendor, v); }
std::string_view name_of(AssigneeType v) { return lookup(kAssignee, v); }
std::string_view name_of(MetricType v) { return lookup(kMetric, v); }
std::string_view name_of(TrackingMetric v) { return lookup(kTracking, v); }
std::string_view name_of(Unit v) { return lookup(kUnit, v); }
std::string_view name_of(Direction v) { return lookup(kDirection, v); }
std::string_view name_of(Interval v) { return lookup(kInterval, v); }
std::string_view name_of(ConditionField v) { return lookup(kField, v); }
std::string_view name_of(ConditionOp v) { return lookup(kOp, v); }
std::string_view name_of(Combinator v) { return lookup(kCombinator, v); }
std::string_view name_of(CountingMode v) { return lookup(kCounting, v); }
std::string_view name_of(AttributionModel v) { return lookup(kAttribution, v); }

template <class E>
std::optional<E> parse_name(std::string_view name) {
    return reverse(table_for<E>(), name);
}

template std::optional<Vendor> parse_name<Vendor>(std::string_view);
template std::optional<AssigneeType> parse_name<AssigneeType>(std::string_view);
template std::optional<MetricType> parse_name<MetricType>(std::string_view);
template std::optional<TrackingMetric> parse_name<TrackingMetric>(std::string_view);
template std::optional<Unit> parse_name<Unit>(std::string_view);
template std::optional<Direction> parse_name<Direction>(std::string_view);
template std::optional<Interval> parse_name<Interval>(std::string_view);
template std::optional<ConditionField> parse_name<ConditionField>(std::string_view);
template std::optional<ConditionOp> parse_name<ConditionOp>(std::string_view);
template std::optional<Combinator> parse_name<Combinator>(std::string_view);
template std::optional<CountingMode> parse_name<CountingMode>(std::string_view);
template std::optional<AttributionModel> parse_name<AttributionModel>(std::string_view);

}  // namespace gp
