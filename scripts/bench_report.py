#!/usr/bin/env python3
"""Turns scripts/bench's JSON lines into docs/BENCHMARKS.md (medians, throughput, wasm/native ratio)."""
import datetime
import json
import os
import platform
import subprocess
import sys

sys.path.insert(0, os.path.dirname(__file__))
from payload_size import language_files, measure  # noqa: E402

# Targets from the issues, by benchmark name prefix: (description, check(native, wasm) -> bool or None).
TARGETS = {
    # Issue 16, item 5: what the widget reads from the network, goals and data, at 50 MB/s or more in wasm.
    "read.": (">= 50 MB/s in wasm", lambda n, w: w["bytes"] / (w["median_ms"] / 1000) >= 50e6 if w else None),
    "progress.": ("native <= 500 ms; wasm <= 1.5x native",
                  lambda n, w: n["median_ms"] <= 500 and (w is None or w["median_ms"] <= 1.5 * n["median_ms"])),
    # The page-view target is the index's; the naive loop and the whole runtime are shown beside it.
    "match.index.": (">= 2M page views/s native; wasm <= 1.5x native",
                     lambda n, w: (n["items"] / (n["median_ms"] / 1000) >= 2e6 if n["items"] else True)
                     and (w is None or w["median_ms"] <= 1.5 * n["median_ms"])),
    "ui.": ("<= 2 ms of CPU per frame natively", lambda n, w: n["median_ms"] <= 2.0),
}


def median_process(measurements):
    """The measurement of the process with the median time (the lower middle one for an even count)."""
    ordered = sorted(measurements, key=lambda m: m["median_ms"])
    return ordered[(len(ordered) - 1) // 2]


def ratio_spread(by_platform):
    """The lowest and highest wasm / native ratio of processes that ran as a pair (same process number)."""
    natives = {m.get("process", 1): m for m in by_platform.get("native", [])}
    ratios = [w["median_ms"] / natives[w.get("process", 1)]["median_ms"] for w in by_platform.get("wasm", [])
              if w.get("process", 1) in natives and natives[w.get("process", 1)]["median_ms"] > 0]
    if len(ratios) < 2:
        return ""
    return f"{min(ratios):.2f}-{max(ratios):.2f}"


def rate(m, key, unit_div):
    if not m or not m.get(key) or m["median_ms"] <= 0:
        return ""
    return f"{m[key] / unit_div / (m['median_ms'] / 1000):,.1f}"


def fmt_ms(m):
    return f"{m['median_ms']:.3f}" if m else "n/a"


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def tool_version(cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, check=False).stdout.splitlines()[0]
    except (OSError, IndexError):
        return "unknown"


def per_second(m):
    return m["items"] / (m["median_ms"] / 1000) if m and m.get("items") and m["median_ms"] > 0 else None


def match_section(rows):
    """Condition matching: page views/s of the index and of the naive loop, and the index's speed-up."""
    index, naive = rows.get("match.index.evaluate", {}), rows.get("match.naive.evaluate", {})
    if not index:
        return []
    out = ["\n## Condition matching\n",
           "1,000 goals x 3 conditions; the index over 1,000,000 page views, the naive loop (every condition",
           "of every goal) over a 10,000-view sample of the same views. Speed-up = the two rates' ratio.\n",
           "| | native | wasm |", "|---|---|---|"]

    def cell(value, fmt):
        return fmt.format(value) if value is not None else "n/a"

    for label, row in (("page views/s, index", index), ("page views/s, naive loop", naive)):
        out.append(f"| {label} | {cell(per_second(row.get('native')), '{:,.0f}')} | "
                   f"{cell(per_second(row.get('wasm')), '{:,.0f}')} |")
    speedups = []
    for platform in ("native", "wasm"):
        i, n = per_second(index.get(platform)), per_second(naive.get(platform))
        speedups.append(i / n if i and n else None)
    out.append(f"| index speed-up over the naive loop | {cell(speedups[0], '{:,.0f}x')} | {cell(speedups[1], '{:,.0f}x')} |")
    return out


# Browser targets (issue 16): a UI frame at 10,000 goals and a state() call, in script milliseconds. A frame's
# figure (median_ms) is its main-thread time plus the time it was blocked in a wait, from a Chromium trace
# (tests/bench/browser.mjs); wall_ms beside it also counts the time the thread was preempted.
BROWSER_TARGETS = {"ui.browser.state": 5.0, "ui.browser.scrolling": 2.0, "ui.browser.new_data": 2.0,
                   "ui.browser.search": 2.0, "ui.browser.sort": 2.0}


def browser_section(rows, order):
    """The shipped widget in headless Chromium (tests/bench/browser.mjs), beside node's figure where one exists."""
    names = [n for n in order if "browser" in rows[n]]
    if not names:
        return []
    out = ["\n## In the browser\n",
           "The shipped widget in headless Chromium (SwiftShader WebGL2), from the same run. `ui.browser.*` frames:",
           "the script time of the frame callback that did the most after each input (ImGui, the views, the WebGL",
           "calls), at 10,000 goals, from a Chromium trace: the main thread's CPU time in the callback plus any",
           "time it was blocked in a wait (a synchronous round trip to the GPU process counts in full); the",
           "targets are judged on it. Wall ms: the longest callback by the page's clock, which also counts the",
           "time the thread was runnable but preempted (on a shared 2-core machine, much of it by SwiftShader's",
           "threads drawing the frames on the CPU: docs/ui.md, Frame cost in the browser). `state_10k` is one",
           "`state()` call and `add_call_10k` one `add()` with the events and the mirror refresh it causes, both",
           "by the page's clock. `startup.*`: from the loader's import to the end of the first frame with data,",
           "on a fresh context, beside a bare page that only makes a WebGL2 canvas and clears it; `slow_network`:",
           "Chromium's emulation of 150 ms round trips and 10 Mbit/s, where the goals request overlaps the",
           "wasm's download.\n",
           "| benchmark | runs | browser ms | wall ms | node ms (ui.frame.*) | target | met |",
           "|---|---|---|---|---|---|---|"]
    node_names = {"scrolling": "ui.frame.scrolling_10k", "new_data": "ui.frame.new_data_10k",
                  "search": "ui.frame.search_10k", "sort": "ui.frame.sort_by_percent_10k"}
    for name in names:
        b = rows[name]["browser"]
        kind = name.split(".")[2].rsplit("_", 1)[0] if name.startswith("ui.browser.") else ""
        node = rows.get(node_names.get(kind, ""), {}).get("wasm")
        target = next((t for prefix, t in BROWSER_TARGETS.items() if name.startswith(prefix)), None)
        met = "" if target is None else ("yes" if b["median_ms"] <= target else "**no**")
        wall = f"{b['wall_ms']:.2f}" if "wall_ms" in b else ""
        out.append(f"| {name} | {b['runs']} | {b['median_ms']:.2f} | {wall} | {fmt_ms(node) if node else ''} | "
                   f"{f'<= {target:g} ms' if target else ''} | {met} |")
    return out


def size_suffix(name):
    """'progress.build_store.500k' -> ('progress.build_store', 500000); None without a size suffix."""
    prefix, _, last = name.rpartition(".")
    scale = {"k": 1e3, "m": 1e6}.get(last[-1:])
    if not prefix or not scale:
        return None
    try:
        return prefix, float(last[:-1]) * scale
    except ValueError:
        return None


def growth_section(rows, order):
    """How each benchmark that ran at several sizes grows: the time ratio beside the size ratio."""
    groups = {}
    for name in order:
        parsed = size_suffix(name)
        if parsed:
            groups.setdefault(parsed[0], []).append((parsed[1], name))
    lines = []
    for prefix, sizes in groups.items():
        if len(sizes) < 2:
            continue
        sizes.sort()
        (small, small_name), (large, large_name) = sizes[0], sizes[-1]
        cells = []
        for platform in ("native", "wasm"):
            a, b = rows[small_name].get(platform), rows[large_name].get(platform)
            if a and b and a["median_ms"] > 0:
                cells.append(f"{a['median_ms']:.3f} -> {b['median_ms']:.3f} ({b['median_ms'] / a['median_ms']:.2f}x)")
            else:
                cells.append("n/a")
        lines.append(f"| {prefix} | {small_name.rpartition('.')[2]} -> {large_name.rpartition('.')[2]} "
                     f"({large / small:.2f}x) | {cells[0]} | {cells[1]} |")
    if not lines:
        return []
    return ["\n## Growth with the data\n",
            "The same benchmark at two sizes in the same run: the time ratio beside the size ratio.\n",
            "| benchmark | size | native ms | wasm ms |", "|---|---|---|---|"] + lines


def main():
    results, site = sys.argv[1], sys.argv[2]
    # The size report's table, made beforehand (scripts/bench runs scripts/size_report.py --markdown).
    size_table = ""
    if len(sys.argv) > 3 and os.path.exists(sys.argv[3]):
        with open(sys.argv[3]) as f:
            size_table = f.read().strip()
    # Every process's median per benchmark and platform; the report shows the median process.
    runs = {}
    order = []
    with open(results) as f:
        for line in f:
            line = line.strip()
            if not line.startswith("{"):
                continue
            m = json.loads(line)
            if m["bench"] not in runs:
                runs[m["bench"]] = {}
                order.append(m["bench"])
            runs[m["bench"]].setdefault(m["platform"], []).append(m)
    rows = {name: {platform: median_process(ms) for platform, ms in by_platform.items()}
            for name, by_platform in runs.items()}
    processes = max((len(ms) for by_platform in runs.values() for ms in by_platform.values()), default=1)

    out = []
    out.append("# Benchmarks\n")
    out.append("Generated by `scripts/bench` from one run: every benchmark program ran natively and as wasm under")
    out.append(f"node, {processes} process{'es' if processes != 1 else ''} each, alternating, on the same machine. A process times its work the number")
    out.append("of runs shown and reports the median; each figure here is the median over the processes (the spread")
    out.append("between processes is mostly where the data landed in memory). Ratios are wasm / native from this run;")
    out.append("\"by process\" gives the lowest and highest ratio of a native and a wasm process run one after the other.")
    out.append("Don't edit the tables by hand: run `scripts/bench`.\n")
    out.append(f"- date: {datetime.datetime.utcnow().strftime('%Y-%m-%d %H:%M UTC')}")
    out.append(f"- cpu: {cpu_model()}, {os.cpu_count()} cores")
    out.append(f"- native: {tool_version(['c++', '--version'])}, -O2 (CMake Release)")
    out.append(f"- wasm: {tool_version(['emcc', '--version'])}; node {tool_version(['node', '--version'])}\n")
    out.append("| benchmark | runs | native ms | wasm ms | wasm/native | by process | native MB/s | wasm MB/s | native items/s | wasm items/s | target | met |")
    out.append("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for name in order:
        n = rows[name].get("native")
        w = rows[name].get("wasm")
        if not n:
            continue
        ratio = f"{w['median_ms'] / n['median_ms']:.2f}" if w and n["median_ms"] > 0 else "n/a"
        target, met = "", ""
        for prefix, (desc, check) in TARGETS.items():
            if name.startswith(prefix):
                target = desc
                ok = check(n, w)
                met = "" if ok is None else ("yes" if ok else "**no**")
        out.append(f"| {name} | {n['runs']} | {fmt_ms(n)} | {fmt_ms(w)} | {ratio} | {ratio_spread(runs[name])} | "
                   f"{rate(n, 'bytes', 1e6)} | "
                   f"{rate(w, 'bytes', 1e6)} | {rate(n, 'items', 1)} | {rate(w, 'items', 1)} | {target} | {met} |")

    out.extend(browser_section(rows, order))

    out.extend(match_section(rows))

    out.extend(growth_section(rows, order))

    out.append("\n## Payload\n")
    out.append("What one widget downloads, measured on the built site (`scripts/payload_size.py`):\n")
    files, (total_raw, total_gzip, total_brotli), budget = measure(site)
    out.append("| file | bytes | gzip -9 bytes | brotli -q 11 bytes |")
    out.append("|---|---|---|---|")
    for name, raw, gz, br in files:
        out.append(f"| {name} | {raw:,} | {gz:,} | {br:,} |")
    out.append(f"| **total** | {total_raw:,} | {total_gzip:,} | {total_brotli:,} |")
    for name, raw, gz, br in language_files(site):
        out.append(f"| and for a page in its language: {name} | {raw:,} | {gz:,} | {br:,} |")
    out.append(f"\nBudget: {budget:,} bytes brotli; {'within' if total_brotli <= budget else '**over**'} budget "
               f"by {abs(budget - total_brotli):,} bytes. What each size lever measured, and what is left: "
               "docs/payload.md.\n")
    if size_table:
        out.append("### Where the wasm's bytes are\n")
        out.append("`scripts/size_report.py` relinks the shipped module with its function names kept and puts each")
        out.append("function in a library (templates where their code comes from: nlohmann's, libc++'s). The brotli")
        out.append("column compresses each library's function bodies on their own.\n")
        out.append(size_table)
    print("\n".join(out))


if __name__ == "__main__":
    main()
