#!/usr/bin/env python3
"""The goalpost command line, run as a user runs it: exit statuses and the JSON shapes of docs/cli.md.

usage: test_cli.py GOALPOST FIXTURES CASE   (ctest runs one CASE per test; `all` runs every case)
"""
import json
import os
import subprocess
import sys
import tempfile

GOALPOST = FIXTURES = None
CASES = {}


def case(fn):
    CASES[fn.__name__] = fn
    return fn


class Run:
    def __init__(self, args):
        p = subprocess.run([GOALPOST] + args, capture_output=True, text=True, timeout=60)
        self.args, self.status, self.stdout, self.stderr = args, p.returncode, p.stdout, p.stderr

    def json(self):
        try:
            return json.loads(self.stdout)
        except ValueError as e:
            raise AssertionError(f"goalpost {' '.join(self.args)}: stdout is not JSON ({e}):\n{self.stdout}")


def run(*args):
    return Run([str(a) for a in args])


def fixture(*parts):
    return os.path.join(FIXTURES, *parts)


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def check_status(r, expected):
    check(r.status == expected, f"goalpost {' '.join(r.args)}: exit {r.status}, expected {expected}\n"
                                f"stdout: {r.stdout[:2000]}\nstderr: {r.stderr[:2000]}")


def check_error_objects(errors):
    check(isinstance(errors, list), f"errors is not a list: {errors!r}")
    for e in errors:
        check(set(e) == {"path", "code", "message", "status"}, f"error object keys: {sorted(e)}")
        check(e["path"] == "" or e["path"].startswith("/"), f"error path is not a JSON pointer: {e['path']!r}")


def write_temp(directory, name, text):
    path = os.path.join(directory, name)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    return path


# [SECTION] validate

@case
def validate_good_files():
    for vendor, count in (("pipedrive", 4), ("hubspot", 2), ("giosg", 2), ("zendesk", 3)):
        r = run("validate", fixture("goals", f"{vendor}_list.json"))
        check_status(r, 0)
        out = r.json()
        check(out["format"] == vendor, f"{vendor}: detected {out['format']}")
        check(out["valid"] is True and out["errors"] == [], f"{vendor}: {out}")
        check(out["goals"] == count, f"{vendor}: {out['goals']} goals, expected {count}")


@case
def validate_bad_file_names_each_place():
    good = {"id": 1, "title": "Deals won", "type": {"name": "deals_won"}, "interval": "monthly",
            "assignee": {"id": 7, "type": "person"}, "duration": {"start": "2025-01-01", "end": "2025-12-31"},
            "expected_outcome": {"target": 10, "tracking_metric": "quantity"}}
    bad_type = dict(good, id=2, type={"name": "not_a_metric"})
    huge = dict(good, id=3, expected_outcome={"target": "1e400", "tracking_metric": "quantity"})
    with tempfile.TemporaryDirectory() as d:
        path = write_temp(d, "goals.json", json.dumps({"success": True, "data": [good, bad_type, huge]}))
        r = run("validate", path, "--format", "pipedrive")
        check_status(r, 1)
        out = r.json()
        check(out["valid"] is False, f"valid: {out['valid']}")
        check(out["goals"] == 1, f"the good goal is still read: {out['goals']}")
        check_error_objects(out["errors"])
        paths = {e["path"] for e in out["errors"]}
        check(any(p.startswith("/data/1/type") for p in paths), f"no error at /data/1/type: {paths}")
        check("/data/2/expected_outcome/target" in paths, f"no error at the huge target: {paths}")
        check(not any(p.startswith("/data/0") for p in paths), f"the good goal has errors: {paths}")


@case
def validate_malformed_json():
    with tempfile.TemporaryDirectory() as d:
        r = run("validate", write_temp(d, "broken.json", '{"data": [{"id": 1,'))
        check_status(r, 1)
        out = r.json()
        check(out["valid"] is False and out["goals"] == 0, f"{out}")
        check([e["code"] for e in out["errors"]] == ["malformed_json"], f"{out['errors']}")
        check(out["errors"][0]["path"] == "", f"{out['errors']}")


@case
def validate_wrong_command_lines():
    missing = run("validate", fixture("goals", "no_such_file.json"))
    check_status(missing, 2)
    check("cannot read" in missing.stderr and "no_such_file.json" in missing.stderr, missing.stderr)
    check_status(run("validate", fixture("goals", "pipedrive_list.json"), "--format", "nope"), 2)
    check_status(run("validate"), 2)
    check_status(run("no-such-command"), 2)


# [SECTION] convert

@case
def convert_round_trip_keeps_every_goal():
    with tempfile.TemporaryDirectory() as d:
        for vendor in ("pipedrive", "hubspot", "giosg", "zendesk"):
            first = run("convert", fixture("goals", f"{vendor}_list.json"), "--to", vendor)
            check_status(first, 0)
            once = write_temp(d, f"{vendor}_once.json", first.stdout)
            second = run("convert", once, "--to", vendor)
            check_status(second, 0)
            check(json.loads(second.stdout) == json.loads(first.stdout),
                  f"{vendor}: writing what was written changed it")
            v = run("validate", once)
            check_status(v, 0)
            original = run("validate", fixture("goals", f"{vendor}_list.json")).json()
            check(v.json()["goals"] == original["goals"], f"{vendor}: {v.json()['goals']} != {original['goals']}")
            check(v.json()["format"] == vendor, f"{vendor}: written file detected as {v.json()['format']}")


@case
def convert_across_vendors_keeps_ids_and_titles():
    def goals_of(text):
        data = json.loads(text)["data"]
        return data["goals"] if isinstance(data, dict) else data

    with tempfile.TemporaryDirectory() as d:
        there = run("convert", fixture("goals", "pipedrive_list.json"), "--to", "hubspot")
        check_status(there, 0)
        check(len(json.loads(there.stdout)["results"]) > 0, "no HubSpot goal targets written")
        back = run("convert", write_temp(d, "hubspot.json", there.stdout), "--to", "pipedrive")
        check_status(back, 0)
        before = goals_of(open(fixture("goals", "pipedrive_list.json")).read())
        after = goals_of(back.stdout)
        check(sorted((str(g["id"]), g["title"]) for g in after) == sorted((str(g["id"]), g["title"]) for g in before),
              f"ids and titles changed on the way: {[(g['id'], g['title']) for g in after]}")


@case
def convert_needs_a_target_and_reports_errors_on_stderr():
    check_status(run("convert", fixture("goals", "pipedrive_list.json")), 2)
    with tempfile.TemporaryDirectory() as d:
        bad = write_temp(d, "bad.json", json.dumps({"success": True, "data": [
            {"id": 1, "title": "ok", "type": {"name": "deals_won"}, "interval": "monthly",
             "assignee": {"id": 7, "type": "person"}, "duration": {"start": "2025-01-01"},
             "expected_outcome": {"target": 3, "tracking_metric": "quantity"}},
            {"id": 2, "title": "bad", "type": {"name": "deals_won"}, "interval": "fortnightly"}]}))
        r = run("convert", bad, "--to", "pipedrive")
        check_status(r, 1)
        printed = json.loads(r.stdout)["data"]
        printed = printed["goals"] if isinstance(printed, dict) else printed
        check([str(g["id"]) for g in printed] == ["1"], f"only the good goal is printed: {printed}")
        errors = json.loads(r.stderr.strip().splitlines()[-1])["errors"]
        check_error_objects(errors)
        check(any(e["path"].startswith("/data/1") for e in errors), f"{errors}")


# [SECTION] find

@case
def find_with_dot_filters():
    goals = fixture("goals", "pipedrive_list.json")
    listed = json.loads(open(goals).read())["data"]
    listed = listed["goals"] if isinstance(listed, dict) else listed
    expected = sorted(g["id"] for g in listed if g["type"]["name"] == "deals_won" and g.get("is_active", True))
    r = run("find", goals, "type.name=deals_won")
    check_status(r, 0)
    out = r.json()
    check(out["status"] == 200 and out["format"] == "pipedrive", f"{out}")
    check(sorted(out["ids"]) == expected, f"ids {out['ids']}, expected {expected}")
    check(out["count"] == len(out["ids"]), f"{out}")
    check_error_objects(out["errors"])

    team = run("find", goals, "assignee.type=team").json()
    expected_team = sorted(g["id"] for g in listed if g["assignee"]["type"] == "team" and g.get("is_active", True))
    check(sorted(team["ids"]) == expected_team, f"{team['ids']} != {expected_team}")

    inactive = run("find", goals, "is_active=false").json()
    expected_inactive = sorted(g["id"] for g in listed if g.get("is_active") is False)
    check(sorted(inactive["ids"]) == expected_inactive, f"{inactive['ids']} != {expected_inactive}")


@case
def find_bad_filter_is_a_400_at_its_key():
    r = run("find", fixture("goals", "pipedrive_list.json"), "period.start=2025-01-01")
    check_status(r, 1)
    out = r.json()
    check(out["status"] == 400 and out["count"] == 0 and out["ids"] == [], f"{out}")
    check_error_objects(out["errors"])
    check(any(e["path"] == "/period.end" for e in out["errors"]), f"{out['errors']}")
    check_status(run("find", fixture("goals", "pipedrive_list.json"), "no-equals-sign"), 2)


# [SECTION] results

RESULT_KEYS = {"goal_id", "period", "interval", "direction", "tracking_metric", "currency", "intervals", "totals",
               "pace", "currency_conversion", "other_currency_events", "ignored", "source", "level", "reported"}


@case
def results_json_shape():
    p = lambda name: fixture("progress", name)
    r = run("results", "--goals", p("pipedrive_goals.json"), "--deals", p("pipedrive_deals.json"),
            "--currencies", p("pipedrive_currencies.json"), "--goal", "g-won-eur",
            "--period", "2024-01-01..2024-03-31", "--now", "2024-02-15T12:00:00Z")
    check_status(r, 0)
    out = r.json()
    check(out["success"] is True, f"{out}")
    data = out["data"]
    check(set(data) == RESULT_KEYS, f"keys {sorted(data)}")
    check(data["goal_id"] == "g-won-eur" and data["period"] == {"start": "2024-01-01", "end": "2024-03-31"}, f"{data}")
    months = [(b["start"], b["end"]) for b in data["intervals"]]
    check(months == [("2024-01-01", "2024-01-31"), ("2024-02-01", "2024-02-29"), ("2024-03-01", "2024-03-31")],
          f"intervals {months}")
    for b in data["intervals"]:
        check(set(b) == {"start", "end", "progress", "target", "percent"}, f"interval keys {sorted(b)}")
    check(abs(sum(b["progress"] for b in data["intervals"]) - data["totals"]["progress"]) < 1e-9, f"{data['totals']}")
    check(data["pace"] is not None and data["pace"]["interval"] == {"start": "2024-02-01", "end": "2024-02-29"},
          f"pace {data['pace']}")
    ignored = data["ignored"]
    check(set(ignored) == {"total", "by_reason", "samples"}, f"{ignored}")
    check(ignored["total"] == sum(ignored["by_reason"].values()), f"{ignored}")
    check_error_objects(ignored["samples"])


@case
def results_as_of_a_day_picks_the_period_and_pace():
    p = lambda name: fixture("progress", name)
    common = ["results", "--goals", p("pipedrive_goals.json"), "--deals", p("pipedrive_deals.json"),
              "--currencies", p("pipedrive_currencies.json"), "--goal", "g-won-eur"]
    # --as-of is the end of that day for the viewer: the same figures as --now at its last millisecond.
    as_of = run(*common, "--period", "month", "--as-of", "2024-02-29")
    check_status(as_of, 0)
    data = as_of.json()["data"]
    check(data["period"] == {"start": "2024-02-01", "end": "2024-02-29"}, f"{data['period']}")
    now = run(*common, "--period", "2024-02-01..2024-02-29", "--now", "2024-02-29T23:59:59.999Z")
    check_status(now, 0)
    check(data == now.json()["data"], f"{data}\n!=\n{now.json()['data']}")
    check(data["pace"] is not None and abs(data["pace"]["elapsed_fraction"] - 1.0) < 1e-6, f"pace {data['pace']}")
    # The viewer's zone decides which day that is; quarters follow the fiscal year.
    east = run(*common, "--period", "quarter", "--as-of", "2024-04-01", "--tz-offset", "120", "--fiscal-year-start", "2")
    check_status(east, 0)
    check(east.json()["data"]["period"] == {"start": "2024-02-01", "end": "2024-04-30"}, east.stdout[:400])
    # A keyword period needs a day to hold; the CLI never reads the clock.
    check_status(run(*common, "--period", "month"), 2)
    check_status(run(*common, "--period", "month", "--as-of", "2024-02-30"), 2)
    check_status(run(*common, "--period", "month", "--as-of", "2024-02-01", "--now", "2024-02-01T00:00:00Z"), 2)


def close(a, b, tolerance=1e-6):
    return abs(a - b) <= tolerance * max(1.0, abs(b))


@case
def real_shaped_records_validate_convert_results():
    r = lambda name: fixture("real", name)
    codes = ["--giosg-codes", r("giosg_codes.json")]
    expected = {"hubspot_goal_targets.json": ("hubspot", 3, ["unknown_value"]),
                "pipedrive_goals.json": ("pipedrive", 2, []),
                "giosg_goals.json": ("giosg", 2, []),
                "zendesk_goals.json": ("zendesk", 3, ["unknown_value"])}
    for name, (vendor, goals, warnings) in expected.items():
        v = run("validate", r(name), *codes)
        check_status(v, 0)
        out = v.json()
        # Every record is read whole: lower-case enums, nulls, extra template fields, an empty default value.
        check(out["format"] == vendor and out["goals"] == goals and out["errors"] == [], f"{name}: {out}")
        check([w["code"] for w in out["warnings"]] == warnings, f"{name}: warnings {out['warnings']}")
        check_error_objects(out["warnings"])
        # Written back in its own format, the same goals read again.
        with tempfile.TemporaryDirectory() as tmp:
            c = run("convert", r(name), "--to", vendor, *codes)
            check_status(c, 0)
            again = run("validate", write_temp(tmp, name, c.stdout), "--format", vendor, *codes)
            check_status(again, 0)
            check(again.json()["goals"] == goals, f"{name} round trip: {again.stdout}")

    # HubSpot to Pipedrive: the average reply time is refused, the seasonal quota says what changed.
    c = run("convert", r("hubspot_goal_targets.json"), "--to", "pipedrive")
    check_status(c, 1)
    report = json.loads(c.stderr)
    check([(e["code"], e["path"]) for e in report["errors"]] == [("not_representable", "/1/target/tracking")], c.stderr)
    check(any(w["code"] == "targets_collapsed" for w in report["warnings"]), c.stderr)
    check(len(c.json()["data"]["goals"]) == 2, c.stdout[:400])

    # The revenue family without CRM data: HubSpot's own figures, by hand.
    # Jan 8000/10000, Feb 9500/12000, Mar 3000/14000; as of the end of 10 March, 10/31 of March has passed:
    # pro-rated 14000 * 10/31 = 4516.13, 3000 is 66 % of that (at risk), forecast 3000 / (10/31) = 9300.
    q1 = run("results", "--goals", r("hubspot_goal_targets.json"), "--goal", "510001",
             "--period", "2026-01-01..2026-03-31", "--as-of", "2026-03-10")
    check_status(q1, 0)
    d = q1.json()["data"]
    check(d["source"] == "vendor" and d["currency"] == "USD" and d["level"] is False, f"{d}")
    check([(b["progress"], b["target"]) for b in d["intervals"]] == [(8000, 10000), (9500, 12000), (3000, 14000)], f"{d['intervals']}")
    check(close(d["totals"]["progress"], 20500) and close(d["totals"]["target"], 36000), f"{d['totals']}")
    p = d["pace"]
    check(close(p["prorated_target"], 14000 * 10 / 31, 1e-6) and p["status"] == "at_risk" and close(p["forecast"], 9300, 1e-6), f"{p}")

    # The reply-time average: a level. Months 3.2 h and 4.6 h against 4 h, lower is better: the period's
    # figure is their mean, 3.9 h, never their sum; in February 4.6 h is over 4 h (4/4.6 = 0.87: behind),
    # compared with the whole target, not a pro-rated one, and it forecasts itself.
    reply = run("results", "--goals", r("hubspot_goal_targets.json"), "--goal", "520001",
                "--period", "2026-01-01..2026-02-28", "--as-of", "2026-02-14")
    check_status(reply, 0)
    d = reply.json()["data"]
    check(d["level"] is True and d["source"] == "vendor" and d["tracking_metric"] == "average", f"{d}")
    check(close(d["totals"]["progress"], 3.9) and close(d["totals"]["target"], 4), f"{d['totals']}")
    check(close(d["pace"]["prorated_target"], 4) and d["pace"]["status"] == "behind" and close(d["pace"]["forecast"], 4.6),
          f"{d['pace']}")

    # Pipedrive with its deals: February for Ana (person 7), EUR by currency id 1. Won in February by her:
    # 3000 EUR and 1500 EUR (4500); 900 USD is another currency (tallied, not summed); Bo's 2000 is not hers.
    # 4500 of 5000 at the end of the month: 90 %, behind.
    feb = run("results", "--goals", r("pipedrive_goals.json"), "--deals", r("pipedrive_deals.json"),
              "--currencies", r("pipedrive_currencies.json"), "--goal", "4c8e1b2a7f3d9e06a5b4c3d2e1f0a9b8",
              "--period", "month", "--as-of", "2026-02-28")
    check_status(feb, 0)
    d = feb.json()["data"]
    check(d["source"] == "computed" and d["currency"] == "EUR" and d["reported"] is None, f"{d}")
    check(d["period"] == {"start": "2026-02-01", "end": "2026-02-28"}, f"{d['period']}")
    check(close(d["totals"]["progress"], 4500) and close(d["totals"]["target"], 5000) and close(d["totals"]["percent"], 90),
          f"{d['totals']}")
    check(d["other_currency_events"] == 1 and d["pace"]["status"] == "behind", f"{d}")

    # Pipedrive's own results response (/v1/goals/{id}/results) as the goals file: without deals, its
    # progress (17 of 25 deals in April) is the figure, under the same rule as HubSpot's.
    own = run("results", "--goals", fixture("goals", "pipedrive_results.json"), "--goal", "91bb02",
              "--period", "2025-04-01..2025-04-30")
    check_status(own, 0)
    d = own.json()["data"]
    check(d["source"] == "vendor" and close(d["totals"]["progress"], 17) and close(d["totals"]["target"], 25), f"{d}")


@case
def results_failures_and_command_lines():
    p = lambda name: fixture("progress", name)
    outside = run("results", "--goals", p("pipedrive_goals.json"), "--deals", p("pipedrive_deals.json"),
                  "--goal", "g-won-eur", "--period", "2023-12-01..2024-01-31")
    check_status(outside, 1)
    out = outside.json()
    check(out["success"] is False, f"{out}")
    check_error_objects(out["errors"])
    check(any(e["code"] == "period_outside_duration" for e in out["errors"]), f"{out['errors']}")
    unknown = run("results", "--goals", p("pipedrive_goals.json"), "--goal", "nope", "--period", "2024-01-01..2024-01-31")
    check_status(unknown, 1)
    check([e["code"] for e in unknown.json()["errors"]] == ["not_found"], unknown.stdout)
    check_status(run("results", "--goals", p("pipedrive_goals.json"), "--period", "2024-01-01..2024-01-31"), 2)
    check_status(run("results", "--goals", p("pipedrive_goals.json"), "--goal", "g-won-eur",
                     "--period", "2024-01-01..2024-01-31", "--tz-offset", "east"), 2)
    check_status(run("results", "--goals", p("no_such_file.json"), "--goal", "g-won-eur",
                     "--period", "2024-01-01..2024-01-31"), 2)


# [SECTION] match and explain

@case
def match_json_shape():
    c = lambda name: fixture("conditions", name)
    r = run("match", "--goals", c("goals_zendesk.json"), "--events", c("events.jsonl"))
    out = r.json()
    check(set(out) == {"matches", "goals", "sessions", "events", "problems", "errors"}, f"keys {sorted(out)}")
    check_error_objects(out["errors"])
    check_status(r, 0 if not out["errors"] and not out["problems"] else 1)
    times = []
    for m in out["matches"]:
        check({"goal", "visitor", "session", "at", "url", "value"} <= set(m), f"match keys {sorted(m)}")
        times.append(m["at"])
    check(times == sorted(times), "matches are not in time order")
    check(sum(g["matches"] for g in out["goals"]) == len(out["matches"]), f"{out['goals']}")
    check(len(out["matches"]) > 0, "the fixture should produce matches")
    naive = run("match", "--goals", c("goals_zendesk.json"), "--events", c("events.jsonl"), "--engine", "naive")
    check(naive.json() == out, "the naive engine disagrees with the index")
    check_status(run("match", "--goals", c("goals_zendesk.json")), 2)
    check_status(run("match", "--goals", c("goals_zendesk.json"), "--events", c("events.jsonl"),
                     "--session-timeout-minutes", "0"), 2)


@case
def explain_json_shape():
    c = lambda name: fixture("conditions", name)
    r = run("explain", "--goals", c("goals_zendesk.json"), "https://store.example.net/checkout/done")
    check_status(r, 0)
    out = r.json()
    check({"url", "url_normalized", "matched", "goals", "errors"} <= set(out), f"keys {sorted(out)}")
    check(out["errors"] == [], f"{out['errors']}")
    check("501" in out["matched"], f"matched {out['matched']}")
    for g in out["goals"]:
        check({"goal", "title", "verdict", "combinator", "room_allowed", "conditions"} <= set(g), f"{sorted(g)}")
        check((g["verdict"] == "match") == (g["goal"] in out["matched"]), f"{g['goal']}: {g['verdict']}")
        for cond in g["conditions"]:
            check({"index", "field", "op", "pattern", "subject", "negate", "case_sensitive", "verdict", "reason"}
                  <= set(cond), f"{sorted(cond)}")
    miss = run("explain", "--goals", c("goals_zendesk.json"), "https://shop.example.org/checkout/thanks").json()
    check(miss["matched"] == [], f"{miss['matched']}")
    check_status(run("explain", "--goals", c("goals_zendesk.json")), 2)


def main():
    global GOALPOST, FIXTURES
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    GOALPOST, FIXTURES, name = sys.argv[1], sys.argv[2], sys.argv[3]
    names = sorted(CASES) if name == "all" else [name]
    failed = 0
    for n in names:
        if n not in CASES:
            print(f"unknown case {n}; cases: {', '.join(sorted(CASES))}", file=sys.stderr)
            return 2
        try:
            CASES[n]()
            print(f"ok   {n}")
        except Exception as e:  # a crash in a case (e.g. stdout that is not JSON) is that case failing
            failed += 1
            print(f"FAIL {n}: {type(e).__name__}: {e}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
