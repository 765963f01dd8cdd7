// libFuzzer target: the hubspot reader (see fuzz_read_common.hpp).
#include "fuzz_read_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    return fuzz_read_vendor(data, size, gp::Vendor::hubspot);
}
