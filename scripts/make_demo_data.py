#!/usr/bin/env python3
"""Writes the demo site's CRM data (web/data/pipedrive-deals.json, pipedrive-activities.json)
from a fixed seed, so the demo widgets show believable progress for 2026.
Re-run it to change the demo data; the output is committed because the static site has no server."""
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


def main():
    with open("web/data/pipedrive-deals.json", "w") as f:
        json.dump(deals(), f, separators=(",", ":"))
        f.write("\n")
    with open("web/data/pipedrive-activities.json", "w") as f:
        json.dump(activities(), f, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
