#!/usr/bin/env python3
"""Fails when a Catch2 test name cannot be carried by CMake's catch_discover_tests.

    lint_test_names.py REPO_DIR

A ';' splits the name into two CMake list items, and '[' or ']' break the bracket arguments the discovery
script writes: either way ctest then registers names that match no test case, and a test case stops
being run while ctest still says everything passed.
"""
import pathlib
import re
import sys

NAME = re.compile(r'TEST_CASE\(\s*"((?:[^"\\]|\\.)*)"')
BAD = set(';[]')


def main():
    root = pathlib.Path(sys.argv[1])
    problems = []
    for path in sorted((root / "tests").rglob("*.cpp")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for name in NAME.findall(line):
                if BAD & set(name):
                    problems.append(f"{path.relative_to(root)}:{number}: test name has ; [ or ]: {name}")
    print("\n".join(problems))
    print(f"test-name lint: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
