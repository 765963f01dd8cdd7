#!/usr/bin/env python3
"""Subsets the UI font for embedding in the wasm: only the code points the UI covers, no hinting, no layout
tables, and outlines rescaled to 1000 units per em.

    subset_font.py SOURCE.ttf OUTPUT.ttf U+0020-007E,U+00A0-00FF,...

Why 1000 units per em: DejaVu Sans is drawn on a 2048 grid, where many steps between points need two bytes;
on a 1000 grid most fit in one. Rounding moves a point by at most 1/2000 em (0.02 px for 15 px text at a
device pixel ratio of 3), and the subset measured 34,619 instead of 37,891 bytes gzip -9. Run by the ui
library's custom command (widget/ui/CMakeLists.txt) with Debian's python3-fonttools.
"""
import sys

from fontTools import subset
from fontTools.ttLib import TTFont
from fontTools.ttLib.scaleUpem import scale_upem

UNITS_PER_EM = 1000


def main():
    source, output, unicodes = sys.argv[1:4]
    options = subset.Options()
    options.hinting = False
    options.desubroutinize = True
    options.layout_features = []
    # Dear ImGui's stb_truetype reads cmap, glyf/loca, hmtx and the metrics headers, nothing else. MATH is
    # DejaVu's math layout table, which a subset keeps unless told.
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "kern", "FFTM", "MATH"]
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6]
    options.name_languages = [0x409]
    font = TTFont(source, recalcTimestamp=False)  # the same bytes on every build
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=subset.parse_unicodes(unicodes))
    subsetter.subset(font)
    if font["head"].unitsPerEm != UNITS_PER_EM:
        scale_upem(font, UNITS_PER_EM)
    font.save(output)


if __name__ == "__main__":
    main()
