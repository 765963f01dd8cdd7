#!/usr/bin/env python3
"""Writes the demo site's data from a fixed seed, so the demo widgets show believable progress for 2026:
the CRM data (web/data/pipedrive-deals.json, pipedrive-activities.json) and the page-view/event logs the
condition goals are matched against (web/data/zendesk-events.jsonl, giosg-events.jsonl; docs/conditions.md).
Re-run it to change the demo data; the output is committed because the static site has no server.

The demo widgets show the data as of END (index.html and web/embed.html say as-of="2026-11-20"), so the demo
looks the same on any day it is opened; change those attributes with END (docs/embedding.md, "As of a day").
tests/e2e/embedding.mjs checks that the as-of day is the last day of this data."""
import json
import random
from datetime import datetime, timedelta, timezone

rng = random.Random(20261122)
START = datetime(2026, 1, 1, tzinfo=timezone.utc)
END = datetime(2026, 11, 20, tzinfo=timezone.utc)
USERS = [1202, 1203, 1204]


def instant(day_offset, hour):
    t = START + timedelta(days=day_offset, hours=hour, minutes=rng.randrange(60))
    return t.strftime("%Y-%m-%d %H:%M:%S")


def deals():
    out = []
    span = (END - START).days
    for i in range(1, 241):
        add_day = rng.randrange(span)
        status = rng.choices(["won", "open", "lost"], [0.45, 0.35, 0.2])[0]
        won_day = min(span, add_day + rng.randrange(3, 45))
        close_day = add_day + rng.randrange(10, 90)
        out.append({
            "id": 50000 + i,
            "title": f"Deal {i}",
            "value": rng.choice([1200, 2500, 4800, 7500, 9900, 15000]),
            "currency": rng.choices(["EUR", "USD"], [0.85, 0.15])[0],
            "user_id": {"id": rng.choice(USERS)},
            "pipeline_id": rng.choice([3, 3, 3, 5]),
            "stage_id": rng.choice([10, 11, 12, 13]),
            "status": status,
            "add_time": instant(add_day, 9),
            "won_time": instant(won_day, 15) if status == "won" else None,
            "expected_close_date": (START + timedelta(days=close_day)).strftime("%Y-%m-%d"),
            "probability": rng.choice([20, 40, 60, 80]) if status == "open" else None,
        })
    return {"success": True, "data": out,
            "additional_data": {"pagination": {"start": 0, "limit": 500, "more_items_in_collection": False}}}


def activities():
    out = []
    span = (END - START).days
    for i in range(1, 601):
        day = rng.randrange(span)
        done = rng.random() < 0.8
        out.append({
            "id": 90000 + i,
            "type": "call",
            "type_id": rng.choice([1, 1, 4, 6]),
            "user_id": rng.choice(USERS),
            "done": done,
            "add_time": instant(day, 8),
            "marked_as_done_time": instant(day, 16) if done else "",
        })
    return {"success": True, "data": out,
            "additional_data": {"pagination": {"start": 0, "limit": 2000, "more_items_in_collection": False}}}


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def visits(site, pages, finish, rooms, agents, visitors):
    """Sessions of page views; some visitors chat with an agent first, and some of those reach `finish`."""
    lines = []
    for v in range(1, visitors + 1):
        visitor = f"{site}-visitor-{v:03d}"
        t = END - timedelta(days=rng.randrange(75), hours=rng.randrange(24))
        room = rng.choice(rooms) if rooms else None
        for _session in range(rng.randrange(1, 4)):
            chatted = rng.random() < 0.4
            for step in range(rng.randrange(2, 6)):
                path, title = rng.choice(pages)
                record = {"visitor_id": visitor, "at": iso(t), "url": f"https://{site}{path}", "title": title}
                if room:
                    record["room"] = room
                lines.append(record)
                t += timedelta(minutes=rng.randrange(1, 6))
                if chatted and step == 0:
                    lines.append({"visitor_id": visitor, "at": iso(t), "agent_id": rng.choice(agents),
                                  "department_id": "sales"})
            if chatted and rng.random() < 0.6 or rng.random() < 0.1:
                record = dict(finish(visitor, t))
                if room:
                    record["room"] = room
                lines.append(record)
            t += timedelta(hours=rng.randrange(2, 72))
    # Sessions run on past END by a few days; the demo's as-of day is END, so nothing is later than that day.
    last = iso(END + timedelta(days=1) - timedelta(seconds=1))
    lines = [r for r in lines if r["at"] <= last]
    lines.sort(key=lambda r: (r["visitor_id"], r["at"]))
    return lines


def zendesk_events():
    pages = [("/", "Home"), ("/products/lamps", "Lamps"), ("/products/chairs", "Chairs"), ("/cart", "Cart"),
             ("/help/shipping", "Shipping"), ("/signup", "Sign up")]
    outcomes = [("/checkout/thanks", "Thank you"), ("/signup/done", "Welcome")]

    def finish(visitor, t):
        path, title = rng.choice(outcomes)
        return {"visitor_id": visitor, "at": iso(t), "url": f"https://shop.example.org{path}", "title": title}
    return visits("shop.example.org", pages, finish, None, ["agent-ada", "agent-bo", "agent-cy"], 70)


def giosg_events():
    pages = [("/", "Home"), ("/pricing", "Pricing"), ("/features", "Features"), ("/customers", "Customers")]
    rooms = ["4b2d6f8a-1c3e-4a5b-9d7f-0e2c4a6b8d10", "7c1e3a5b-9d2f-4e6a-8b0c-2d4f6a8c0e12"]

    def finish(visitor, t):
        return {"visitor_id": visitor, "at": iso(t), "event": "lead", "goal_value": 40}
    return visits("www.example.com", pages, finish, rooms, ["agent-di"], 50)


def giosg_matches(log):
    """External matches of the Helsinki demo-request goal, reported by giosg after a visit in that room."""
    helsinki = "4b2d6f8a-1c3e-4a5b-9d7f-0e2c4a6b8d10"
    first_visit = {}
    for record in log:
        if record.get("room") == helsinki and "url" in record:
            first_visit.setdefault(record["visitor_id"], record["at"])
    out = []
    for visitor, at in sorted(first_visit.items())[:12]:
        matched = datetime.strptime(at, "%Y-%m-%dT%H:%M:%SZ") + timedelta(minutes=rng.randrange(2, 20))
        out.append({"goal_id": "7d3e1a9b-0c2f-4e6d-8b5a-3f1c9e7d2b64", "visitor_identity": visitor,
                    "goal_matched_at": iso(matched), "goal_value": rng.choice([40, 60, 120]), "rooms": [helsinki]})
    return out


def write_jsonl(path, lines):
    with open(path, "w") as f:
        for line in lines:
            f.write(json.dumps(line, separators=(",", ":")) + "\n")


def main():
    with open("web/data/pipedrive-deals.json", "w") as f:
        json.dump(deals(), f, separators=(",", ":"))
        f.write("\n")
    with open("web/data/pipedrive-activities.json", "w") as f:
        json.dump(activities(), f, separators=(",", ":"))
        f.write("\n")
    write_jsonl("web/data/zendesk-events.jsonl", zendesk_events())
    giosg_log = giosg_events()
    write_jsonl("web/data/giosg-events.jsonl", giosg_log)
    with open("web/data/giosg-matches.json", "w") as f:
        json.dump(giosg_matches(giosg_log), f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
