"""Throughput of ``storyline extract`` on text and on HTML input, against trafilatura in the same run.

The HTML pages are built at run time by wrapping article texts (the dev corpus when ../shared is
present, else generated text) in a realistic page: header, navigation, share bar, related links,
footer. Nothing third-party is written into the repository.

Figures printed (articles/s, higher is better):
- read text / read HTML: storyline's readers + cleaner only;
- extract text / extract HTML: read + every analyzer (what ``storyline extract`` does);
- trafilatura.extract (default settings) and trafilatura.extract(fast=True) on the same HTML strings:
  the baseline. Ratios = storyline / trafilatura default.

    python -m bench.extract_throughput [--limit N] [--repeat R]
"""

from __future__ import annotations

import argparse
import html as htmlmod
import json
import random
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "dev" / "articles.jsonl"

_WORDS = ("council harbor ferry route budget vote chair board price water energy school bridge market farmers "
          "report minister agency officials figures percent million residents week month city region plan").split()


def _generated(n: int) -> list[tuple[str, str]]:
    rng = random.Random(7)
    out = []
    for i in range(n):
        paras = []
        for _ in range(rng.randint(5, 10)):
            sents = []
            for _ in range(rng.randint(2, 4)):
                words = [rng.choice(_WORDS) for _ in range(rng.randint(8, 22))]
                sents.append(" ".join(words).capitalize() + f" {rng.randint(2, 900)} percent, officials said.")
            paras.append(" ".join(sents))
        out.append((f"Generated report number {i} on the harbor budget", "\n\n".join(paras)))
    return out


def load_texts(limit: int) -> list[tuple[str, str]]:
    """(title, text) pairs: dev-corpus articles when available (their marker stripped), else generated."""
    if not CORPUS.is_file():
        return _generated(limit)
    out = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines()[:limit]:
        rec = json.loads(line)
        out.append((rec.get("title") or "News report", rec["text"]))
    return out


def wrap_html(title: str, text: str, i: int) -> str:
    """A news page around ``text``: the boilerplate that extraction must throw away."""
    esc = htmlmod.escape
    paras = "\n".join(f"      <p>{esc(p.strip())}</p>" for p in text.split("\n") if p.strip())
    nav = "".join(f'<li><a href="/section/{s}">{s.title()}</a></li>' for s in
                  ("news", "world", "business", "sport", "culture", "opinion", "video", "podcasts"))
    related = "".join(f'<li><a href="/story/{i}-{k}">Another story headline number {k} for today</a></li>'
                      for k in range(6))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{esc(title)} | Bench Daily</title>
<meta property="og:site_name" content="Bench Daily"><meta property="og:title" content="{esc(title)}">
<meta property="article:published_time" content="2024-06-0{1 + i % 9}T08:00:00Z">
<link rel="stylesheet" href="/static/site.css"><script>window.dataLayer=[];function track(){{}}</script></head>
<body><header><div class="logo"><a href="/">Bench Daily</a></div><nav><ul>{nav}</ul></nav>
<form class="search"><input name="q" placeholder="Search"></form></header>
<div class="cookie">We use cookies to improve your experience. <button>Accept</button></div>
<main><article><h1>{esc(title)}</h1><div class="byline">By Staff Reporter</div>
<div class="share"><a href="#">Share</a> <a href="#">Tweet</a> <a href="#">Email</a></div>
{paras}
<div class="tags">Tags: <a href="/t/a">economy</a>, <a href="/t/b">policy</a></div></article>
<aside><h2>Related</h2><ul>{related}</ul></aside></main>
<footer><ul><li><a href="/about">About us</a></li><li><a href="/privacy">Privacy policy</a></li>
<li><a href="/terms">Terms</a></li></ul><p>© 2024 Bench Daily. All rights reserved.</p></footer>
</body></html>"""


def _agreement(refs: list[str], outs: list[str]) -> tuple[float, float]:
    """Mean word-level (precision, recall) of extracted texts against the cleaned source texts."""
    import re
    from collections import Counter

    ps, rs = [], []
    for ref, out in zip(refs, outs, strict=True):
        r, g = Counter(re.findall(r"\w+", ref.lower())), Counter(re.findall(r"\w+", (out or "").lower()))
        inter = sum((r & g).values())
        ps.append(inter / max(1, sum(g.values())))
        rs.append(inter / max(1, sum(r.values())))
    return sum(ps) / len(ps), sum(rs) / len(rs)


def _rate(n: int, seconds: float) -> float:
    return n / seconds if seconds > 0 else float("inf")


def _time(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=183, help="articles to use (default: the whole dev corpus)")
    ap.add_argument("--repeat", type=int, default=2, help="runs per measurement; the best is kept")
    args = ap.parse_args(argv)

    import trafilatura

    from storyline.model import ReadError
    from storyline.pipeline import extract
    from storyline.read import read

    texts = load_texts(args.limit)
    pages = [wrap_html(t, body, i) for i, (t, body) in enumerate(texts)]
    n = len(texts)
    source = "dev corpus" if CORPUS.is_file() else "generated text"
    with tempfile.TemporaryDirectory() as tmp:
        tdir, hdir = Path(tmp, "text"), Path(tmp, "html")
        tdir.mkdir()
        hdir.mkdir()
        for i, ((_t, body), page) in enumerate(zip(texts, pages, strict=True)):
            (tdir / f"{i:04d}.txt").write_text(body, encoding="utf-8")
            (hdir / f"{i:04d}.html").write_text(page, encoding="utf-8")

        def ok(items):
            items = list(items)
            bad = [x for x in items if isinstance(x, ReadError)]
            return len(items) - len(bad), bad

        n_text, bad_text = ok(read([str(tdir)]))
        n_html, bad_html = ok(read([str(hdir)]))
        # Warm imports and caches (trafilatura, py3langid model, analyzers) before timing.
        list(extract([str(tdir / "0000.txt"), str(hdir / "0000.html")]))
        trafilatura.extract(pages[0])

        t_read_text = _time(lambda: list(read([str(tdir)])), args.repeat)
        t_read_html = _time(lambda: list(read([str(hdir)])), args.repeat)
        t_ext_text = _time(lambda: list(extract([str(tdir)])), args.repeat)
        t_ext_html = _time(lambda: list(extract([str(hdir)])), args.repeat)
        t_traf = _time(lambda: [trafilatura.extract(p) for p in pages], args.repeat)
        t_traf_fast = _time(lambda: [trafilatura.extract(p, fast=True) for p in pages], args.repeat)

        # Does the HTML path recover the article? Compare with the text path's cleaned text.
        by_name_text = {Path(a.source).stem: a.text for a in read([str(tdir)]) if not isinstance(a, ReadError)}
        by_name_html = {Path(a.source).stem: a.text for a in read([str(hdir)]) if not isinstance(a, ReadError)}
        names = sorted(by_name_text)
        refs = [by_name_text[k] for k in names]
        ours = _agreement(refs, [by_name_html.get(k, "") for k in names])
        theirs = _agreement(refs, [trafilatura.extract(pages[int(k)]) or "" for k in names])

    base = _rate(n, t_traf)
    print(f"{n} articles from the {source}; {n_text} text and {n_html} HTML read without error; "
          f"best of {args.repeat} runs")
    if bad_text or bad_html:
        for err in (bad_text + bad_html)[:5]:
            print(f"  read error: {err.message()}")
    rows = [
        ("trafilatura.extract (baseline)", base),
        ("trafilatura.extract fast=True", _rate(n, t_traf_fast)),
        ("storyline read, text", _rate(n, t_read_text)),
        ("storyline read, HTML", _rate(n, t_read_html)),
        ("storyline extract, text", _rate(n, t_ext_text)),
        ("storyline extract, HTML", _rate(n, t_ext_html)),
    ]
    print(f"{'measure':34s} {'articles/s':>11s} {'x baseline':>11s}")
    for name, rate in rows:
        print(f"{name:34s} {rate:11.1f} {rate / base:11.2f}")
    print("word agreement with the text path's cleaned text (precision / recall):")
    print(f"  storyline read, HTML     {ours[0]:.3f} / {ours[1]:.3f}")
    print(f"  trafilatura.extract      {theirs[0]:.3f} / {theirs[1]:.3f}")


if __name__ == "__main__":
    main()
