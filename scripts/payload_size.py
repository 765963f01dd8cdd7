#!/usr/bin/env python3
"""Measures what one widget downloads (loader, glue, wasm) as gzip -9 bytes, against the budget.

    payload_size.py SITE_DIR [--check]
With --check the exit status is 1 when the total is over the budget (the wasm-release ctest payload.budget).

The files are found from the loader, not listed by hand: web/goal-widget.js, every module it imports
(static `import ... from './x.js'` or dynamic `import('./x.js')`, followed recursively) and every file it
names with `new URL('./x', import.meta.url)` (goalpost.wasm). No font file is downloaded (the browser draws
the page's own font); goalpost.wasm's code and data sections are printed too, to show where the bytes are.
"""
import gzip
import os
import re
import sys

BUDGET_GZIP_BYTES = 200 * 1024
LOADER = "web/goal-widget.js"

# Relative references a module makes to other files of the site.
REFERENCES = [
    re.compile(r"""\bfrom\s*['"](\.{1,2}/[^'"]+)['"]"""),
    re.compile(r"""\bimport\s*\(\s*['"](\.{1,2}/[^'"]+)['"]\s*\)"""),
    re.compile(r"""\bimport\s*['"](\.{1,2}/[^'"]+)['"]"""),
    re.compile(r"""new\s+URL\(\s*['"](\.{1,2}/[^'"]+)['"]\s*,\s*import\.meta\.url\s*\)"""),
]


def payload_files(site):
    """The loader and everything it references, as paths relative to the site, in the order found."""
    found = [LOADER]
    pending = [LOADER]
    while pending:
        rel = pending.pop(0)
        if not rel.endswith((".js", ".mjs")):
            continue
        with open(os.path.join(site, rel), encoding="utf-8") as f:
            text = f.read()
        for pattern in REFERENCES:
            for ref in pattern.findall(text):
                target = os.path.normpath(os.path.join(os.path.dirname(rel), ref))
                if target not in found:
                    found.append(target)
                    pending.append(target)
    return found


def measure(site):
    files = []
    for rel in payload_files(site):
        with open(os.path.join(site, rel), "rb") as f:
            data = f.read()
        files.append((rel, len(data), len(gzip.compress(data, compresslevel=9))))
    total_raw = sum(f[1] for f in files)
    total_gzip = sum(f[2] for f in files)
    return files, total_raw, total_gzip, BUDGET_GZIP_BYTES


def wasm_sections(data):
    """(name, bytes, gzip bytes) of a wasm module's code and data sections (the data: strings, tables, ImGui's
    built-in font)."""
    def leb(i):
        value = shift = 0
        while True:
            byte = data[i]
            i += 1
            value |= (byte & 0x7F) << shift
            shift += 7
            if not byte & 0x80:
                return value, i
    names = {10: "code", 11: "data"}
    sections = []
    i = 8  # magic and version
    while i < len(data):
        section_id = data[i]
        size, i = leb(i + 1)
        if section_id in names:
            body = data[i:i + size]
            sections.append((names[section_id], size, len(gzip.compress(body, compresslevel=9))))
        i += size
    return sections


def main():
    site = sys.argv[1]
    files, total_raw, total_gzip, budget = measure(site)
    for name, raw, gz in files:
        print(f"{name}: {raw} bytes, {gz} gzip")
        if name.endswith(".wasm"):
            with open(os.path.join(site, name), "rb") as f:
                for section, size, section_gz in wasm_sections(f.read()):
                    print(f"  {section} section: {size} bytes, {section_gz} gzip")
    print(f"total: {total_raw} bytes, {total_gzip} gzip; budget {budget} gzip")
    if "--check" in sys.argv and total_gzip > budget:
        print(f"payload over budget by {total_gzip - budget} bytes gzip")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
