#include "cli/cli_io.hpp"

#include <cstdio>
#include <fstream>
#include <iterator>

namespace gp::cli {

bool read_file(const char* command, const std::string& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "goalpost %s: cannot read '%s'\n", command, path.c_str());
        return false;
    }
    out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return true;
}

}  // namespace gp::cli
