#include "core/giosg_codes.hpp"

#include "core/json_access.hpp"
#include "core/model_names.hpp"

namespace gp {

const GiosgCodeTable& GiosgCodeTable::builtin() {
    static const GiosgCodeTable empty;
    return empty;
}

GiosgCodeTable GiosgCodeTable::from_json(const Json& config, std::vector<Error>& errors) {
    GiosgCodeTable table;
    ObjectReader root(&config, "", errors);
    if (!root.is_object()) {
        errors.push_back({"", "type_mismatch", "expected an object with a \"codes\" array", 400});
        return table;
    }
    const Json* codes = root.array("codes");
    if (!codes) return table;
    for (size_t i = 0; i < codes->size(); ++i) {
        const size_t errors_before = errors.size();
        ObjectReader item(&(*codes)[i], child_path("/codes", i), errors);
        if (!item.is_object()) {
            errors.push_back({std::string(item.path()), "type_mismatch", "expected an object", 400});
            continue;
        }
        GiosgCode entry;
        int64_t code = 0;
        std::string field, op;
        if (!item.integer("code", code) && !item.has("code")) item.error("code", "required", "every entry needs its integer code");
        item.string("field", field);
        item.string("op", op);
        item.string("name", entry.name);
        const auto parsed_field = parse_name<ConditionField>(field);
        const auto parsed_op = parse_name<ConditionOp>(op);
        if (!parsed_field) item.error("field", "bad_enum", "'" + field + "' is not a condition field");
        if (!parsed_op) item.error("op", "bad_enum", "'" + op + "' is not a condition operator");
        if (errors.size() != errors_before) continue;
        entry.code = static_cast<int>(code);
        entry.field = *parsed_field;
        entry.op = *parsed_op;
        table.set(entry);
    }
    return table;
}

void GiosgCodeTable::set(const GiosgCode& entry) {
    for (GiosgCode& e : entries_)
        if (e.code == entry.code) {
            e = entry;
            return;
        }
    entries_.push_back(entry);
}

const GiosgCode* GiosgCodeTable::find(int code) const {
    for (const GiosgCode& e : entries_)
        if (e.code == code) return &e;
    return nullptr;
}

const GiosgCode* GiosgCodeTable::find(ConditionField field, ConditionOp op) const {
    for (const GiosgCode& e : entries_)
        if (e.field == field && e.op == op && op != ConditionOp::unsupported) return &e;
    return nullptr;
}

}  // namespace gp
