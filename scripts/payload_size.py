#!/usr/bin/env python3
"""Measures what one widget downloads (loader, glue, wasm, fonts) as gzip -9 bytes, against the budget.

    payload_size.py SITE_DIR [--check]
With --check the exit status is 1 when the total is over the budget (used by ctest in wasm-release).
"""
import gzip
import os
import sys

BUDGET_GZIP_BYTES = 200 * 1024
# Everything a page fetches for one widget, besides the data. Fonts are embedded in goalpost.wasm.
PAYLOAD = ["web/goal-widget.js", "web/goalpost.js", "web/goalpost.wasm"]


def measure(site):
    files = []
    for rel in PAYLOAD:
        with open(os.path.join(site, rel), "rb") as f:
            data = f.read()
        files.append((rel, len(data), len(gzip.compress(data, compresslevel=9))))
    total_raw = sum(f[1] for f in files)
    total_gzip = sum(f[2] for f in files)
    return files, total_raw, total_gzip, BUDGET_GZIP_BYTES


def main():
    site = sys.argv[1]
    files, total_raw, total_gzip, budget = measure(site)
    for name, raw, gz in files:
        print(f"{name}: {raw} bytes, {gz} gzip")
    print(f"total: {total_raw} bytes, {total_gzip} gzip; budget {budget} gzip")
    if "--check" in sys.argv and total_gzip > budget:
        print(f"payload over budget by {total_gzip - budget} bytes gzip")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
