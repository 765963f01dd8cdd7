// Build step of the site: writes the language packs the shipped wasm leaves out (GP_CATALOG_ENGLISH_ONLY,
// widget/ui/messages.hpp) from the full catalog, one file per language: OUTDIR/de.json, fr.json, es.json.
// Runs under node (NODERAWFS) in the wasm-release build, so that the packs and the wasm come from the same
// catalog and carry the same fingerprint.
#include <cstdio>
#include <string>

#include "ui/messages.hpp"

int main(int argc, char** argv) {
    using namespace gp::ui;
    if (argc != 2) {
        std::fprintf(stderr, "usage: goalpost_lang_packs OUTDIR\n");
        return 2;
    }
    for (int i = 1; i < kLangCount; ++i) {  // English is in every build
        const Lang lang = Lang(i);
        const std::string path = std::string(argv[1]) + "/" + lang_code(lang) + ".json";
        const std::string text = language_pack(lang).dump();
        std::FILE* out = std::fopen(path.c_str(), "wb");
        if (!out || std::fwrite(text.data(), 1, text.size(), out) != text.size() || std::fclose(out) != 0) {
            std::fprintf(stderr, "goalpost_lang_packs: could not write %s\n", path.c_str());
            return 1;
        }
    }
    return 0;
}
