#!/usr/bin/env python3
"""Where the bytes of goalpost.wasm go: by library and by function.

    scripts/size_report.py [BUILD_DIR] [--top N] [--markdown] [--keep DIR]

Relinks the shipped module (the wasm-release link command, read from ninja, with the same objects and flags)
with --profiling-funcs, which keeps a name for every function and leaves the code as it ships (the code
section comes out within a few bytes of the shipped one; both sizes are printed). Each function is then put
in one library, first by its own qualified name (so that a template instantiated in a goalpost object file is
counted where its code comes from: nlohmann's, libc++'s), then by the archive that defines it
(goalpost's own archives, read with llvm-nm), and what is left is the C runtime (musl, emmalloc,
compiler-rt). Sizes are the function bodies' raw bytes and, per library, the brotli -q 11 size of its bodies
compressed together (an estimate of its share of the download: the parts compress a little better as one
file). BUILD_DIR defaults to build/wasm-release, which must have been built.
"""
import os
import re
import shlex
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from payload_size import brotli_size, leb  # noqa: E402

LIBRARIES = ["goalpost core", "goalpost ui", "goalpost wasm glue", "Dear ImGui", "nlohmann", "libc++",
             "libc"]
ARCHIVES = {  # goalpost's archives and objects, by the library their non-template functions belong to
    "libgoalpost_core.a": "goalpost core",
    "libgoalpost_ui.a": "goalpost ui",
    "libgoalpost_platform.a": "goalpost wasm glue",
    "app.cpp.o": "goalpost wasm glue",
    "libimgui.a": "Dear ImGui",
}
# Objects inside goalpost's archives that are third-party code.
OBJECTS = {"imgui_impl_opengl3.cpp.o": "Dear ImGui"}


def read_module(path):
    """(functions, sections): [(name, body bytes)] of the defined functions, and {section name: bytes}."""
    with open(path, "rb") as f:
        data = f.read()
    imported = 0
    bodies = []
    names = {}
    sections = {}
    section_names = {1: "type", 2: "import", 3: "function", 4: "table", 5: "memory", 6: "global", 7: "export",
                     8: "start", 9: "element", 10: "code", 11: "data", 12: "datacount"}
    i = 8
    while i < len(data):
        section_id = data[i]
        size, i = leb(data, i + 1)
        end = i + size
        if section_id == 2:
            count, j = leb(data, i)
            for _ in range(count):
                for _ in range(2):  # module and field names
                    length, j = leb(data, j)
                    j += length
                kind = data[j]
                j += 1
                if kind == 0:
                    _, j = leb(data, j)
                    imported += 1
                elif kind == 1:
                    j += 1
                    flags, j = leb(data, j)
                    _, j = leb(data, j)
                    if flags & 1:
                        _, j = leb(data, j)
                elif kind == 2:
                    flags, j = leb(data, j)
                    _, j = leb(data, j)
                    if flags & 1:
                        _, j = leb(data, j)
                elif kind == 3:
                    j += 2
        elif section_id == 10:
            count, j = leb(data, i)
            for _ in range(count):
                body, k = leb(data, j)
                bodies.append(data[j:k + body])
                j = k + body
        if section_id == 0:
            length, j = leb(data, i)
            name = data[j:j + length].decode("utf-8", "replace")
            j += length
            if name == "name":
                while j < end:
                    sub = data[j]
                    sub_size, j = leb(data, j + 1)
                    sub_end = j + sub_size
                    if sub == 1:
                        count, k = leb(data, j)
                        for _ in range(count):
                            index, k = leb(data, k)
                            length, k = leb(data, k)
                            names[index] = data[k:k + length].decode("utf-8", "replace")
                            k += length
                    j = sub_end
            else:
                sections[f"custom {name}"] = size
        else:
            sections[section_names.get(section_id, str(section_id))] = size
        i = end
    functions = [(names.get(imported + k, f"function {imported + k}"), body) for k, body in enumerate(bodies)]
    return functions, sections


def qualified_name(name):
    """The function's own qualified name: what comes before its parameter list, without a return type.
    'void std::__2::__sort<gp::X>(...)' -> 'std::__2::__sort<gp::X>'."""
    depth = 0
    start = 0
    for i, c in enumerate(name):
        if c == "<":
            depth += 1
        elif c == ">":
            depth -= 1
        elif c == "(" and depth == 0 and i > 0 and not name.startswith("(anonymous", i):
            return name[start:i]
        elif c == " " and depth == 0 and not name.startswith("(anonymous", start) and name[i - 1] != ",":
            if not name[start:i].endswith("(anonymous"):
                start = i + 1
    return name[start:]


def defining_archives(link_inputs):
    """{demangled symbol: library} for the functions goalpost's own objects and archives define."""
    owner = {}
    for path in link_inputs:
        library = ARCHIVES.get(os.path.basename(path))
        if not library:
            continue
        out = subprocess.run(["llvm-nm", "-C", "--defined-only", "--print-file-name", path],
                             capture_output=True, text=True, check=True).stdout
        for line in out.splitlines():
            # "archive.a:object.o: 00000010 T name" (or "object.o: 00000010 T name")
            head, _, rest = line.partition(": ")
            parts = rest.split(" ", 2)
            if len(parts) < 3 or parts[1] not in "TtWw":
                continue
            obj = head.rsplit(":", 1)[-1]
            owner.setdefault(parts[2], OBJECTS.get(os.path.basename(obj), library))
    return owner


def classify(name, owner):
    own = qualified_name(name)
    if own.startswith("nlohmann::"):
        return "nlohmann"
    if own.startswith(("std::", "__cxxabiv1::", "__cxa_")) or name.startswith("operator new") \
            or name.startswith("operator delete"):
        # libc++'s templates instantiated for nlohmann's types are the cost of using nlohmann.
        return "nlohmann" if "nlohmann::" in own else "libc++"
    if name in owner:
        return owner[name]
    if own.startswith(("ImGui", "Im", "stb", "(anonymous namespace)::stb")) or own.startswith("ImGui_ImplOpenGL3"):
        return "Dear ImGui"
    if own.startswith("gp::ui::"):
        return "goalpost ui"
    if own.startswith("gp::web::") or own.startswith("gp_"):
        return "goalpost wasm glue"
    if own.startswith("gp::"):
        return "goalpost core"
    # What is left has C names (musl, emmalloc, compiler-rt) or is a symbol no archive above defines.
    base = re.sub(r"\(.*", "", name)
    if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.$]*", base):
        return "libc"
    return "goalpost core"


def link_command(build_dir):
    out = subprocess.run(["ninja", "-C", build_dir, "-t", "commands", "goalpost_web"], capture_output=True,
                         text=True, check=True).stdout
    line = [c for c in out.splitlines() if " -o site/web/goalpost.js" in c or "goalpost.js" in c][-1]
    line = line.strip()
    for wrapper in (": && ", "&& :"):
        line = line.replace(wrapper, "")
    return shlex.split(line)


def relink(build_dir, out_dir):
    args = link_command(build_dir)
    o = args.index("-o")
    shipped = os.path.join(build_dir, args[o + 1])
    args[o + 1] = os.path.join(out_dir, "goalpost.js")
    args.append("--profiling-funcs")
    env = dict(os.environ, NODE_PATH=os.environ.get("NODE_PATH", "/usr/share/nodejs"))
    subprocess.run(args, cwd=build_dir, env=env, check=True)
    inputs = [os.path.join(build_dir, a) for a in args if a.endswith((".a", ".o"))]
    return os.path.join(out_dir, "goalpost.wasm"), shipped[:-3] + ".wasm", inputs


def report(build_dir, top, markdown, keep):
    out_dir = keep or tempfile.mkdtemp(prefix="gp-size-")
    os.makedirs(out_dir, exist_ok=True)
    named, shipped, inputs = relink(build_dir, out_dir)
    functions, sections = read_module(named)
    _, shipped_sections = read_module(shipped)
    owner = defining_archives(inputs)
    by_library = {lib: [] for lib in LIBRARIES}
    for name, body in functions:
        by_library.setdefault(classify(name, owner), []).append((name, body))
    code = sum(len(b) for _, b in functions)
    rows = []
    for lib, fns in by_library.items():
        raw = sum(len(b) for _, b in fns)
        rows.append((lib, len(fns), raw, brotli_size(b"".join(b for _, b in fns)) if fns else 0))
    biggest = sorted(((len(b), n, classify(n, owner)) for n, b in functions), reverse=True)[:top]

    lines = []
    if markdown:
        lines += ["| library | functions | code bytes | share | brotli (own bodies) |", "|---|---|---|---|---|"]
        for lib, count, raw, br in rows:
            lines.append(f"| {lib} | {count:,} | {raw:,} | {100 * raw / code:.1f} % | {br:,} |")
        lines.append(f"| **code section** | {len(functions):,} | {code:,} | | |")
        lines.append(f"| data section (strings, tables, fonts) | | {shipped_sections.get('data', 0):,} | | |")
        lines += ["", f"The {top} biggest functions:", "", "| bytes | library | function |", "|---|---|---|"]
        for size, name, lib in biggest:
            short = qualified_name(name) if len(name) > 90 else name
            short = (short if len(short) <= 110 else short[:107] + "...").replace("|", "\\|")
            lines.append(f"| {size:,} | {lib} | `{short}` |")
    else:
        lines.append(f"shipped {shipped}: code section {shipped_sections.get('code', 0)} bytes, "
                     f"data section {shipped_sections.get('data', 0)} bytes")
        lines.append(f"relinked with names {named}: code section {sections.get('code', 0)} bytes")
        lines.append(f"{'library':<20} {'functions':>9} {'code bytes':>11} {'share':>7} {'brotli':>8}")
        for lib, count, raw, br in rows:
            lines.append(f"{lib:<20} {count:>9} {raw:>11} {100 * raw / code:>6.1f}% {br:>8}")
        lines.append(f"{'code section':<20} {len(functions):>9} {code:>11}")
        lines.append("")
        lines.append(f"the {top} biggest functions:")
        for size, name, lib in biggest:
            lines.append(f"{size:>7}  {lib:<19} {name[:160]}")
    print("\n".join(lines))


def main():
    args = sys.argv[1:]
    top = 30
    keep = None
    if "--top" in args:
        top = int(args[args.index("--top") + 1])
        del args[args.index("--top"):args.index("--top") + 2]
    if "--keep" in args:
        keep = args[args.index("--keep") + 1]
        del args[args.index("--keep"):args.index("--keep") + 2]
    markdown = "--markdown" in args
    args = [a for a in args if a != "--markdown"]
    build_dir = args[0] if args else "build/wasm-release"
    report(build_dir, top, markdown, keep)


if __name__ == "__main__":
    main()
