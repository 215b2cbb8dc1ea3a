"""The persistent embedding cache: round trips, two writers at once, broken files and rows, identical findings."""

import multiprocessing as mp
import sqlite3
import warnings

import numpy as np
import pytest

from factalign import align
from factalign.cache import CacheWarning, EmbeddingCache, resolve, text_key
from factalign.embed import SentenceTransformerEmbedder, clear_memory, model_identity
from factalign.errors import InputError

# Invented articles (not from any case or evaluation set).
HARBOUR = ("The city council approved a new harbour bridge on Monday. "
           "The bridge will cost 40 million euros, the mayor said. "
           "Construction is expected to start in the spring.")
PORT = ("Councillors voted on Monday to build a bridge across the harbour. "
        "The mayor said the bridge would cost 55 million euros. "
        "Fishermen protested outside the town hall during the vote.")


def vec(*values):
    return np.array(values, dtype=np.float32)


def test_round_trip_is_per_model(tmp_path):
    cache = EmbeddingCache(tmp_path / "c.sqlite3")
    cache.put("m1", {"Rain fell.": vec(0.6, 0.8)})
    assert cache.get("m1", ["Rain fell.", "Snow fell."])["Rain fell."].tolist() == pytest.approx([0.6, 0.8])
    assert cache.get("m2", ["Rain fell."]) == {}
    assert cache.get("m1", []) == {}


def test_a_directory_holds_the_default_file_name_and_paths_share_one_cache(tmp_path):
    assert resolve(tmp_path).file == tmp_path / "embeddings.sqlite3"
    assert resolve(tmp_path) is resolve(str(tmp_path))
    assert resolve(False) is None
    with pytest.raises(InputError):
        resolve(3)


def _writer(path, offset, count, queue):
    try:
        cache = EmbeddingCache(path)
        for start in range(0, count, 10):  # many small transactions, interleaving with the other writer
            cache.put("m", {f"text {i}": vec(i, offset) for i in range(start, start + 10)})
        queue.put("ok")
    except BaseException as exc:  # reported to the parent, which fails the test
        queue.put(repr(exc))


def test_two_processes_writing_at_once(tmp_path):
    path = tmp_path / "shared.sqlite3"
    ctx = mp.get_context("fork")
    queue = ctx.Queue()
    writers = [ctx.Process(target=_writer, args=(path, 1.0, 300, queue)),
               ctx.Process(target=_writer, args=(path, 1.0, 300, queue))]
    for w in writers:
        w.start()
    for w in writers:
        w.join(60)
    assert [queue.get(timeout=5) for _ in writers] == ["ok", "ok"]
    found = EmbeddingCache(path).get("m", [f"text {i}" for i in range(300)])
    assert len(found) == 300
    assert all(found[f"text {i}"].tolist() == [i, 1.0] for i in range(300))


def test_a_file_that_is_not_a_database_is_set_aside_and_rebuilt(tmp_path):
    path = tmp_path / "c.sqlite3"
    path.write_bytes(b"this is not an sqlite file" * 100)
    cache = EmbeddingCache(path)
    with pytest.warns(CacheWarning, match="set aside"):
        assert cache.get("m", ["a"]) == {}
    assert len(list(tmp_path.glob("c.sqlite3.corrupt-*"))) == 1
    cache.put("m", {"a": vec(1, 0)})
    assert cache.get("m", ["a"])["a"].tolist() == [1, 0]


def test_a_truncated_file_never_gives_a_wrong_vector(tmp_path):
    path = tmp_path / "c.sqlite3"
    cache = EmbeddingCache(path)
    vectors = {f"sentence {i}": np.full(384, i, dtype=np.float32) for i in range(2000)}
    cache.put("m", vectors)
    cache.close()
    for suffix in ("-wal", "-shm"):
        (tmp_path / f"c.sqlite3{suffix}").unlink(missing_ok=True)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        found = EmbeddingCache(path).get("m", list(vectors))
    assert all(np.array_equal(v, vectors[t]) for t, v in found.items())
    assert len(found) < len(vectors)
    assert any(issubclass(w.category, CacheWarning) for w in caught)


def test_a_damaged_row_is_a_miss_not_a_wrong_vector(tmp_path):
    path = tmp_path / "c.sqlite3"
    cache = EmbeddingCache(path)
    cache.put("m", {"a": vec(1, 0), "b": vec(0, 1)})
    with sqlite3.connect(path) as conn:  # flip the stored bytes of "a" without fixing its checksum
        conn.execute("UPDATE vectors SET vector = ? WHERE text_hash = ?", (vec(0, 1).tobytes(), text_key("a")))
    found = cache.get("m", ["a", "b"])
    assert set(found) == {"b"}
    assert cache.get("m", ["a"]) == {}  # the damaged row was dropped


def test_cached_vectors_are_bitwise_those_the_model_computes(tmp_path):
    texts = ["The bridge will cost 40 million euros.", "Rain fell.", "Fishermen protested outside the town hall."]
    clear_memory()
    alone = np.stack([SentenceTransformerEmbedder(cache=False).embed([t])[0] for t in texts])
    clear_memory()
    together = SentenceTransformerEmbedder(cache=tmp_path).embed(texts + texts[:1])
    assert np.array_equal(together[:3], alone) and np.array_equal(together[3], alone[0])


def test_a_warm_run_reads_the_cache_instead_of_the_model(tmp_path, monkeypatch):
    texts = ["The mayor said the bridge would cost 55 million euros.", "Councillors voted on Monday."]
    clear_memory()
    cold = SentenceTransformerEmbedder(cache=tmp_path).embed(texts)
    clear_memory()
    monkeypatch.setattr(SentenceTransformerEmbedder, "_encode", lambda self, t: pytest.fail("model was called"))
    assert np.array_equal(SentenceTransformerEmbedder(cache=tmp_path).embed(texts), cold)
    found = EmbeddingCache(tmp_path).get(model_identity("all-MiniLM-L6-v2"), texts)
    assert set(found) == set(texts)


def test_findings_identical_with_and_without_the_cache(tmp_path):
    sources = {"harbour": HARBOUR, "port": PORT}
    clear_memory()
    without = align(sources, cache=False)
    clear_memory()
    cold = align(sources, cache=tmp_path)
    with sqlite3.connect(resolve(tmp_path).file) as conn:  # keep the vectors, forget the report
        conn.execute("DELETE FROM reports")
    clear_memory()
    warm = align(sources, cache=tmp_path)
    expected = [f.to_dict() for f in without.findings]
    assert expected and any(f["kind"] == "contradiction" for f in expected)
    assert [f.to_dict() for f in cold.findings] == expected
    assert [f.to_dict() for f in warm.findings] == expected


def test_a_rerun_returns_the_stored_report_only_for_the_same_run(tmp_path, monkeypatch):
    sources = {"harbour": HARBOUR, "port": PORT}
    first = align(sources, cache=tmp_path)
    import factalign.claims

    monkeypatch.setattr(factalign.claims.ClaimSplitter, "split_many", lambda *a: pytest.fail("not reused"))
    again = align(sources, cache=tmp_path)
    assert [f.to_dict() for f in again.findings] == [f.to_dict() for f in first.findings]
    assert [c.to_dict() for c in again.claims] == [c.to_dict() for c in first.claims]
    monkeypatch.undo()
    other = align(sources, cache=tmp_path, threshold=0.9)  # other options: computed, not the stored report
    assert other.options.threshold == 0.9 and other.findings != first.findings


def test_a_registered_plugin_judge_turns_the_report_cache_off(tmp_path, monkeypatch):
    from factalign.judges import JUDGES
    from factalign.options import Options
    from factalign.pipeline import _stored_report
    from factalign.read import to_sources

    sources = to_sources({"harbour": HARBOUR, "port": PORT})
    assert _stored_report(sources, tmp_path, (None,), Options())[0] is not None
    monkeypatch.setitem(JUDGES, "mine", lambda a, b: None)
    assert _stored_report(sources, tmp_path, (None,), Options()) == (None, None)
    assert _stored_report(sources, False, (None,), Options()) == (None, None)


def test_cli_has_no_cache_flag():
    from factalign.cli import build_parser

    args = build_parser().parse_args(["compare", "a.txt", "b.txt", "--no-cache"])
    assert args.no_cache
    assert not build_parser().parse_args(["compare", "a.txt", "b.txt"]).no_cache


def test_an_unwritable_cache_directory_is_a_warning_not_a_crash(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    cache = EmbeddingCache(blocker / "sub" / "c.sqlite3")
    with pytest.warns(CacheWarning, match="cannot be used"):
        cache.put("m", {"a": vec(1, 0)})
    assert cache.get("m", ["a"]) == {}
