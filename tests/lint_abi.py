#!/usr/bin/env python3
"""Fails when the module's ABI header and what the module exports drift apart.

    lint_abi.py REPO_DIR

wasm/goalpost_abi.h declares every gp_* function the page may call; wasm/CMakeLists.txt exports them
(-sEXPORTED_FUNCTIONS), and the app's files define them (EMSCRIPTEN_KEEPALIVE). A function missing from any
of the three is either unreachable from the page or undocumented.
"""
import pathlib
import re
import sys


def main():
    root = pathlib.Path(sys.argv[1])
    header = (root / "wasm" / "goalpost_abi.h").read_text(encoding="utf-8")
    declared = set(re.findall(r"^\s*[\w\s\*]+?\b(gp_\w+)\s*\(", header, re.M))
    cmake = (root / "wasm" / "CMakeLists.txt").read_text(encoding="utf-8")
    exported_line = re.search(r"-sEXPORTED_FUNCTIONS=(\S+)", cmake)
    exported = {name.lstrip("_") for name in exported_line.group(1).split(",")} if exported_line else set()
    defined = set()
    for path in (root / "wasm").glob("*.cpp"):
        defined |= set(re.findall(r"EMSCRIPTEN_KEEPALIVE\s+[\w\s\*]+?\b(gp_\w+)\s*\(", path.read_text(encoding="utf-8")))
    problems = []
    for name in sorted(declared | exported | defined):
        missing = [what for what, names in (("goalpost_abi.h", declared), ("EXPORTED_FUNCTIONS", exported),
                                             ("an EMSCRIPTEN_KEEPALIVE definition", defined)) if name not in names]
        if missing:
            problems.append(f"{name}: not in {', '.join(missing)}")
    print("\n".join(problems))
    print(f"ABI lint: {len(declared)} declared, {len(exported)} exported, {len(defined)} defined; {len(problems)} problem(s)")
    return 1 if problems or not declared else 0


if __name__ == "__main__":
    sys.exit(main())
