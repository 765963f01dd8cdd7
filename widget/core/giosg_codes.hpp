// giosg v5 condition codes: the data-driven table that gives the integer `type` of a condition a meaning.
//
// giosg does not publish what its condition type integers mean, so the core hard-codes none of them. The
// built-in table is empty; a deployment that knows its codes configures them (JSON, see docs/formats.md).
// A code missing from the table reads as ConditionOp::unsupported: it is kept for round trips and never
// silently matched.
#pragma once

#include <string>
#include <vector>

#include "core/model.hpp"

namespace gp {

struct GiosgCode {
    int code = 0;
    ConditionField field = ConditionField::giosg_code;
    ConditionOp op = ConditionOp::unsupported;
    std::string name;  // what it means to people, for the UI
};

class GiosgCodeTable {
public:
    // The table used when none is configured: empty, because the meanings are not published.
    static const GiosgCodeTable& builtin();

    // {"codes": [{"code": 1, "field": "url", "op": "contains", "name": "..."}]}; bad entries become
    // errors at their path and are skipped, the good ones are kept.
    static GiosgCodeTable from_json(const Json& config, std::vector<Error>& errors);

    void set(const GiosgCode& entry);  // adds, or replaces the entry with the same code
    const GiosgCode* find(int code) const;
    // The code for a field/operator pair, for writing conditions that came from another vendor.
    const GiosgCode* find(ConditionField field, ConditionOp op) const;
    const std::vector<GiosgCode>& entries() const { return entries_; }

private:
    std::vector<GiosgCode> entries_;
};

}  // namespace gp
