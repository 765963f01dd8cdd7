// PLACEHOLDER: minimal Pipedrive-only reader so the walking skeleton runs end to end.
// The full readers (four vendors, detection, validation) replace this file.
#include "core/read.hpp"

namespace gp {

ReadResult read_goals(std::string_view payload, const ReadOptions& options) {
    ReadResult out;
    out.vendor = Vendor::pipedrive;
    if (payload.size() > options.max_bytes) {
        out.errors.push_back({"", "too_large", "payload is larger than the limit", 413});
        return out;
    }
    Json doc = Json::parse(payload.begin(), payload.end(), nullptr, false);
    if (doc.is_discarded()) {
        out.errors.push_back({"", "malformed_json", "payload is not valid JSON", 400});
        return out;
    }
    const Json* goals = nullptr;
    if (auto d = doc.find("data"); d != doc.end() && d->is_object())
        if (auto g = d->find("goals"); g != d->end() && g->is_array()) goals = &*g;
    if (!goals) {
        out.errors.push_back({"/data/goals", "required", "expected an array of goals", 400});
        return out;
    }
    for (size_t i = 0; i < goals->size(); ++i) {
        const Json& item = (*goals)[i];
        if (!item.is_object()) continue;
        Goal g;
        g.vendor = Vendor::pipedrive;
        if (auto t = item.find("title"); t != item.end() && t->is_string()) g.title = *t->get_ptr<const std::string*>();
        if (auto eo = item.find("expected_outcome"); eo != item.end() && eo->is_object())
            if (auto t = eo->find("target"); t != eo->end() && t->is_number()) g.target.amount = t->get<double>();
        if (auto p = item.find("progress"); p != item.end() && p->is_number()) g.reported.value = p->get<double>();
        out.goals.push_back(std::move(g));
    }
    return out;
}

}  // namespace gp
