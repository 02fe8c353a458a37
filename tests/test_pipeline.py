"""The extract stage gives the same articles, in the same order, with one worker or several."""

from __future__ import annotations

import json

from storyline.model import Article, ReadError
from storyline.pipeline import analyze_item, extract


def _corpus(tmp_path, n=150):
    path = tmp_path / "c.jsonl"
    lines = []
    for i in range(n):
        text = (f"Mayor Ana Ruiz said on Tuesday that {i + 3} bridges in Lorton would close. "
                f"\u201cWe have no choice,\u201d Ruiz said. The repairs cost ${i + 1} million.")
        lines.append(json.dumps({"id": f"a{i}", "text": text, "date": "2026-03-10"}))
    lines.insert(5, "{not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_parallel_extract_equals_serial(tmp_path):
    path = _corpus(tmp_path)
    serial = [x.to_dict() for x in extract(str(path), workers=1)]
    parallel = [x.to_dict() for x in extract(str(path), workers=2)]
    assert parallel == serial
    assert len(serial) == 151 and sum("reason" in x for x in serial) == 1  # the malformed line, in place
    assert serial[0]["quotes"][0]["speaker"] == "Ana Ruiz"


def test_analysis_failure_becomes_an_error_record():
    class Boom(Article):
        @property
        def text(self):  # analyze() reads .text first
            raise ValueError("bad")

        @text.setter
        def text(self, value):
            pass

    item = analyze_item(Boom(id="x", text="", source="in.txt"))
    assert isinstance(item, ReadError)
    assert item.input == "in.txt" and "analysis failed" in item.reason
