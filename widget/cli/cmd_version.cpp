#include <cstdio>

#include "cli/commands.hpp"

namespace gp::cli {

int cmd_version(int, char**) {
    std::puts("{\"name\":\"goalpost\",\"version\":\"0.1.0\"}");
    return 0;
}

}  // namespace gp::cli
