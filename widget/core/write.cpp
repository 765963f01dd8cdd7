#include "core/write.hpp"

#include "core/giosg_codes.hpp"
#include "core/model_names.hpp"
#include "core/vendors.hpp"

namespace gp {

bool writable_as_condition_goal(const Goal& g, const std::string& path, WriteContext& ctx, const char* format,
                                const char* goals_are) {
    if (g.conditions.empty() && g.metric.type != MetricType::conversions) {
        ctx.errors->push_back({path + "/metric", "not_representable",
                               "a " + std::string(name_of(g.metric.type)) + " goal has no " + format +
                                   " counterpart: its goals are " + goals_are,
                               400});
        return false;
    }
    if (g.target.amount > 0)
        ctx.warn(path + "/target/amount", "target_dropped",
                 std::string(format) + " goals have no target; the target of " + format_decimal(g.target.amount) +
                     " is not written");
    return true;
}

WriteResult write_goals(const std::vector<Goal>& goals, const WriteOptions& options) {
    WriteResult out;
    Vendor format = options.format;
    if (format == Vendor::unknown && !goals.empty()) format = goals.front().vendor;
    WriteContext ctx;
    ctx.codes = options.giosg_codes ? options.giosg_codes : &GiosgCodeTable::builtin();
    ctx.errors = &out.errors;
    ctx.warnings = &out.warnings;
    if (options.single && goals.size() != 1)
        out.errors.push_back({"", "bad_request", "the single-object shape needs exactly one goal, got " +
                                                     std::to_string(goals.size()), 400});
    const bool single = options.single && goals.size() == 1;
    switch (format) {
        case Vendor::pipedrive: out.document = write_pipedrive(goals, single, ctx); break;
        case Vendor::hubspot: out.document = write_hubspot(goals, single, ctx); break;
        case Vendor::giosg: out.document = write_giosg(goals, single, ctx); break;
        case Vendor::zendesk: out.document = write_zendesk(goals, single, ctx); break;
        case Vendor::unknown:
            if (!goals.empty()) out.errors.push_back({"", "unknown_format", "no target format given", 400});
            out.document = Json::array();
            break;
    }
    out.text = dump_json(out.document, options.indent);
    return out;
}

}  // namespace gp
