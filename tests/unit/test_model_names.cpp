#include <catch2/catch.hpp>

#include "core/model_names.hpp"

using namespace gp;

TEST_CASE("every enumeration name parses back to its value", "[model]") {
    for (auto v : {MetricType::none, MetricType::deals_won, MetricType::deals_started, MetricType::deals_progressed,
                   MetricType::activities_added, MetricType::activities_completed, MetricType::revenue_forecast,
                   MetricType::sales_quota, MetricType::conversions})
        CHECK(parse_name<MetricType>(name_of(v)) == v);
    for (auto v : {Interval::none, Interval::weekly, Interval::monthly, Interval::quarterly, Interval::yearly})
        CHECK(parse_name<Interval>(name_of(v)) == v);
    for (auto v : {Vendor::unknown, Vendor::pipedrive, Vendor::hubspot, Vendor::giosg, Vendor::zendesk})
        CHECK(parse_name<Vendor>(name_of(v)) == v);
    for (auto v : {ConditionOp::equals, ConditionOp::contains, ConditionOp::starts_with, ConditionOp::ends_with,
                   ConditionOp::wildcard, ConditionOp::greater, ConditionOp::less, ConditionOp::unsupported})
        CHECK(parse_name<ConditionOp>(name_of(v)) == v);
}

TEST_CASE("unknown enumeration names are reported, not guessed", "[model]") {
    CHECK_FALSE(parse_name<Interval>("fortnightly").has_value());
    CHECK_FALSE(parse_name<Interval>("").has_value());
    CHECK_FALSE(parse_name<Interval>("Monthly").has_value());
}
