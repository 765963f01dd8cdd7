// Fuzz target for vendor-reported conversions: Zendesk Chat chats and the incremental export, and giosg
// external matches, told apart by read_any_conversions. Beyond "no crash": the reader's choice and a
// direct read of the same kind agree.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/conversion_readers.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view payload(reinterpret_cast<const char*>(data), size);
    gp::ReaderLimits limits;
    limits.max_depth = 32;
    const gp::AnyConversionsRead any = gp::read_any_conversions(payload, "goal-1", limits);
    if (any.giosg) {
        const gp::ExternalMatchesRead direct = gp::read_giosg_matches(payload, "goal-1", limits);
        if (direct.matches.size() != any.giosg_matches.matches.size()) std::abort();
    } else {
        const gp::ConversionsRead direct = gp::read_zendesk_conversions(payload, limits);
        if (direct.conversions.size() != any.zendesk.conversions.size()) std::abort();
    }
    return 0;
}
