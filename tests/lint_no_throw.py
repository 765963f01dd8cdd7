#!/usr/bin/env python3
"""Fails when code that ships in the browser calls an API that can throw.

The wasm build has no exceptions, so a throwing call there aborts the visitor's page. The compiler
already rejects `throw` and `try` (those targets build with -fno-exceptions); this catches the library
calls that throw internally: nlohmann's checked accessors and the std::sto* family.
"""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")
shipped = [root / "widget" / "core", root / "widget" / "ui", root / "wasm"]
forbidden = [
    (re.compile(r"\.at\s*\("), "at() throws on a missing key or index: use find() or a bounds check"),
    (re.compile(r"\bget_to\s*\("), "get_to() throws on a type mismatch: check is_*() and use get_ptr()"),
    (re.compile(r"\.get\s*<\s*(std::)?(string|vector|map)"), "get<T>() on containers throws: use get_ptr()"),
    (re.compile(r"\bstd::sto(i|l|ll|ul|ull|f|d|ld)\s*\("), "std::sto* throws: use std::from_chars or parse_decimal"),
    (re.compile(r"::parse\s*\([^;]*\)\s*;") , None),  # checked below: parse must pass allow_exceptions=false
    (re.compile(r"\bstd::any_cast\b"), "any_cast throws"),
    (re.compile(r"\.value\s*\(\s*\)"), "optional::value() throws: check has_value() and use *"),
]

problems = []
for folder in shipped:
    for path in sorted(folder.rglob("*")):
        if path.suffix not in {".cpp", ".hpp", ".h"}:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("//", 1)[0]
            for pattern, why in forbidden:
                if not pattern.search(code):
                    continue
                if why is None:
                    if "Json::parse" in code or "json::parse" in code:
                        if "false" not in code:
                            problems.append(f"{path}:{number}: Json::parse must be called with allow_exceptions=false")
                    continue
                problems.append(f"{path}:{number}: {why}")

for p in problems:
    print(p)
print(f"no-throw lint: {len(problems)} problem(s)")
sys.exit(1 if problems else 0)
