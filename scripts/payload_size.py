#!/usr/bin/env python3
"""Measures what one widget downloads (loader, glue, wasm) as brotli -q 11 bytes, against the budget, and as
gzip -9 bytes beside it.

    payload_size.py SITE_DIR [--check]
With --check the exit status is 1 when the brotli total is over the budget (the wasm-release ctest
payload.budget). The budget is counted in brotli because that is how static hosts and CDNs serve the files.

The files are found from the loader, not listed by hand: web/goal-widget.js, every module it imports
(static `import ... from './x.js'` or dynamic `import('./x.js')`, followed recursively) and every file it
names with `new URL('./x', import.meta.url)` (goalpost.wasm). The language files (web/lang/) are printed
apart: an English page loads none of them, another page the one of its language. No font file is downloaded (the browser draws
the page's own font); goalpost.wasm's code and data sections are printed too, to show where the bytes are.
"""
import gzip
import os
import re
import subprocess
import sys

BUDGET_BROTLI_BYTES = 256000
LOADER = "web/goal-widget.js"

# Relative references a module makes to other files of the site.
REFERENCES = [
    re.compile(r"""\bfrom\s*['"](\.{1,2}/[^'"]+)['"]"""),
    re.compile(r"""\bimport\s*\(\s*['"](\.{1,2}/[^'"]+)['"]\s*\)"""),
    re.compile(r"""\bimport\s*['"](\.{1,2}/[^'"]+)['"]"""),
    re.compile(r"""new\s+URL\(\s*['"](\.{1,2}/[^'"]+)['"]\s*,\s*import\.meta\.url\s*\)"""),
]


def brotli_size(data):
    """Bytes of data compressed with brotli -q 11 (python3-brotli when the interpreter has it, else the brotli
    command: a pyenv interpreter on PATH does not see Debian's Python modules)."""
    try:
        import brotli
        return len(brotli.compress(data, quality=11))
    except ImportError:
        return len(subprocess.run(["brotli", "-q", "11", "-c"], input=data, capture_output=True, check=True).stdout)


def gzip_size(data):
    return len(gzip.compress(data, compresslevel=9))


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
        files.append((rel, len(data), gzip_size(data), brotli_size(data)))
    totals = tuple(sum(f[k] for f in files) for k in (1, 2, 3))
    return files, totals, BUDGET_BROTLI_BYTES


def language_files(site):
    """The language files (web/lang/*.json) as (path, bytes, gzip, brotli): a page in English loads none, one in
    German, French or Spanish loads its own on top of the payload."""
    folder = os.path.join(site, "web", "lang")
    out = []
    for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
        with open(os.path.join(folder, name), "rb") as f:
            data = f.read()
        out.append((f"web/lang/{name}", len(data), gzip_size(data), brotli_size(data)))
    return out


def leb(data, i):
    """An unsigned LEB128 number of a wasm module at byte i: (value, the index after it)."""
    value = shift = 0
    while True:
        byte = data[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return value, i


def wasm_sections(data):
    """(name, bytes, gzip bytes, brotli bytes) of a wasm module's code and data sections (the data: strings,
    tables, ImGui's built-in font)."""
    names = {10: "code", 11: "data"}
    sections = []
    i = 8  # magic and version
    while i < len(data):
        section_id = data[i]
        size, i = leb(data, i + 1)
        if section_id in names:
            body = data[i:i + size]
            sections.append((names[section_id], size, gzip_size(body), brotli_size(body)))
        i += size
    return sections


def main():
    site = sys.argv[1]
    files, (total_raw, total_gzip, total_brotli), budget = measure(site)
    for name, raw, gz, br in files:
        print(f"{name}: {raw} bytes, {gz} gzip, {br} brotli")
        if name.endswith(".wasm"):
            with open(os.path.join(site, name), "rb") as f:
                for section, size, section_gz, section_br in wasm_sections(f.read()):
                    print(f"  {section} section: {size} bytes, {section_gz} gzip, {section_br} brotli")
    print(f"total: {total_raw} bytes, {total_gzip} gzip, {total_brotli} brotli; budget {budget} brotli")
    for name, raw, gz, br in language_files(site):
        print(f"  and for a page in its language, {name}: {raw} bytes, {gz} gzip, {br} brotli")
    if "--check" in sys.argv and total_brotli > budget:
        print(f"payload over budget by {total_brotli - budget} bytes brotli; find what grew with "
              f"scripts/size_report.py")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
