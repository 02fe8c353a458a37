"""Load on ``storyline serve``: N concurrent clients x M requests on loopback against a real uvicorn,
for a trivial endpoint (the baseline, in the same run) and for a big story's page, warm.

The store is built at run time in a temporary folder: the dev corpus (../shared) plus a big story
assembled from one of its stories, whose reports are ingested again under other ids and URLs until
the story has about --reports reports (each copy is a distinct report to the store; they group into
one story; the originals group apart, so the story holds the copies alone). Without ../shared,
the example story is copied the same way.

Figures: the big story's dossier computed once (cold, the first request), then its page warm
(sequential, median of 5), then each endpoint under load: p50 / p99 / max latency in milliseconds,
requests per second, errors (any non-200 answer or failed request), and the ratio of the story
page's p50 to the baseline's. The server runs in its own process, so the clients do not share its GIL.

    python -m bench.serve_load [--clients 20] [--requests 25] [--reports 70]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "dev" / "articles.jsonl"
EXAMPLE = REPO / "examples" / "port-alder-fire" / "articles.jsonl"
BIG_STORY_SOURCE = "palisades-fire-outbreak-2025-01-07"


def _rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def build_inputs(folder: Path, reports: int) -> tuple[Path, str]:
    """A JSONL of the corpus plus copies of one story's reports (new ids and URLs) up to ``reports``;
    returns the file and a word that finds the big story."""
    if CORPUS.is_file():
        rows = _rows(CORPUS)
        seed = [r for r in rows if r.get("story") == BIG_STORY_SOURCE] or rows[:8]
    else:
        rows = _rows(EXAMPLE)
        seed = rows
    copies = []
    n = 0
    while len(copies) < reports:
        n += 1
        for r in seed:
            if len(copies) >= reports:
                break
            url = (r.get("url") or f"https://example.invalid/{r['id']}") + ("&" if "?" in (r.get("url") or "") else "?") + f"copy={n}"
            copies.append({**r, "id": f"{r['id']}-copy{n}", "url": url})
    path = folder / "inputs.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for r in rows + copies:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    return path, str(seed[0]["id"])


def _serve(db: str, port: int) -> None:
    import uvicorn

    from storyline.web import create_app

    uvicorn.run(create_app(db), host="127.0.0.1", port=port, log_level="warning", access_log=False)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_up(base: str) -> None:
    import httpx

    for _ in range(400):
        try:
            if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.05)
    raise RuntimeError("the server did not start")


def load(base: str, path: str, clients: int, requests: int) -> dict[str, Any]:
    """``clients`` threads, each with its own keep-alive connection, each making ``requests`` GETs."""
    import httpx

    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    start = threading.Barrier(clients)

    def client() -> None:
        mine, bad = [], []
        with httpx.Client(base_url=base, timeout=60) as c:
            start.wait()
            for _ in range(requests):
                t = time.perf_counter()
                try:
                    r = c.get(path)
                    if r.status_code != 200:
                        bad.append(f"HTTP {r.status_code}")
                except httpx.HTTPError as exc:
                    bad.append(type(exc).__name__)
                mine.append(time.perf_counter() - t)
        with lock:
            latencies.extend(mine)
            errors.extend(bad)

    t0 = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    wall = time.perf_counter() - t0
    ms = sorted(x * 1000 for x in latencies)
    return {"requests": len(ms), "errors": len(errors), "p50": statistics.median(ms),
            "p99": ms[min(len(ms) - 1, round(0.99 * (len(ms) - 1)))], "max": ms[-1], "rps": len(ms) / wall,
            "kinds": sorted(set(errors))}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m bench.serve_load", description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--requests", type=int, default=25, help="requests per client and endpoint")
    ap.add_argument("--reports", type=int, default=70, help="reports in the big story")
    args = ap.parse_args(argv)
    import httpx

    from storyline.ingest import ingest_inputs
    from storyline.store import Store
    from storyline.store.browse import story_listings

    with tempfile.TemporaryDirectory() as tmp:
        inputs, _ = build_inputs(Path(tmp), args.reports)
        db = str(Path(tmp) / "load.db")
        t = time.perf_counter()
        with Store(db) as store:
            ingest_inputs(store, [str(inputs)])
            biggest = max(story_listings(store), key=lambda s: s.reports)
            n_articles = store.count_articles()
        print(f"store: {n_articles} reports, ingested in {time.perf_counter() - t:.1f} s; biggest story "
              f"{biggest.id}: {biggest.reports} reports ({biggest.title})")
        if biggest.reports < args.reports:
            print(f"note: the copies did not all group together: the biggest story has {biggest.reports} reports")
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        server = multiprocessing.get_context("spawn").Process(target=_serve, args=(db, port), daemon=True)
        server.start()
        try:
            _wait_up(base)
            page = f"/stories/{biggest.id}"
            t = time.perf_counter()
            first = httpx.get(base + page, timeout=3600)
            cold = time.perf_counter() - t
            print(f"story page, first request (dossier computed): {cold:.1f} s, HTTP {first.status_code}, "
                  f"{len(first.content) / 1e3:.0f} kB")
            warm = []
            for _ in range(5):
                t = time.perf_counter()
                r = httpx.get(base + page, timeout=60)
                warm.append(time.perf_counter() - t)
                assert r.status_code == 200
            data = httpx.get(base + page + ".json", timeout=60).json()
            print(f"story page warm: median {statistics.median(warm) * 1000:.0f} ms, max {max(warm) * 1000:.0f} ms "
                  f"({data['summary']['findings']} findings, {len(data['reports'])} reports)")
            results = {}
            for name, path in (("baseline /healthz", "/healthz"), ("stories list", "/stories"),
                               (f"story page ({biggest.reports} reports)", page)):
                results[name] = res = load(base, path, args.clients, args.requests)
                print(f"{name:28} {args.clients} clients x {args.requests}: p50 {res['p50']:7.1f} ms  "
                      f"p99 {res['p99']:7.1f} ms  max {res['max']:7.1f} ms  {res['rps']:6.1f} req/s  "
                      f"errors {res['errors']}{' ' + ', '.join(res['kinds']) if res['kinds'] else ''}")
            base_p50 = results["baseline /healthz"]["p50"]
            for name, res in results.items():
                if not name.startswith("baseline"):
                    print(f"ratio p50 {name} / baseline: {res['p50'] / base_p50:.1f}x")
            if any(r["errors"] for r in results.values()):
                sys.exit(1)
        finally:
            server.terminate()
            server.join(timeout=10)


if __name__ == "__main__":
    main()
