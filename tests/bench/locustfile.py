"""Locust users of the load test: logged-in sessions asking for a mix of the main pages (or the floor).

tests/bench/load.py writes the plan (session cookies, URLs and their weights) to a JSON file named by
BENCH_LOAD_PLAN; each simulated user takes its own session and asks without pause (a closed loop).
"""

import itertools
import json
import os
import random

from locust import FastHttpUser, constant, task

with open(os.environ["BENCH_LOAD_PLAN"], encoding="utf-8") as handle:
    PLAN = json.load(handle)
SESSIONS = itertools.cycle(PLAN["sessions"])
URLS = [item["url"] for item in PLAN["urls"]]
WEIGHTS = [item["weight"] for item in PLAN["urls"]]


class Secretariat(FastHttpUser):
    wait_time = constant(0)
    # One connection per user, kept alive, as a browser tab would.
    concurrency = 1

    def on_start(self):
        self.cookie = f"{PLAN['cookie_name']}={next(SESSIONS)}"
        self.rng = random.Random()

    @task
    def page(self):
        url = self.rng.choices(URLS, weights=WEIGHTS)[0]
        name = PLAN["names"].get(url, url)
        # A lost session would redirect to the login page: not following redirects makes it an error.
        with self.client.get(
            url, headers={"Cookie": self.cookie}, name=name, catch_response=True, allow_redirects=False
        ) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")
