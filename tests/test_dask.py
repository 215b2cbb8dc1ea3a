"""align_frame on a local Dask cluster: one task per story, the same findings as align() story by story."""

import pandas as pd
import pytest

from factalign import align
from factalign.errors import InputError

distributed = pytest.importorskip("dask.distributed")
dd = pytest.importorskip("dask.dataframe")

from factalign.dask import COLUMNS, align_frame  # noqa: E402

# Invented articles (not from any case or evaluation set).
ARTICLES = pd.DataFrame([
    ("fire", "wire", "A fire destroyed a warehouse in the port district on Sunday night. "
                     "Three firefighters were treated for smoke inhalation. The cause of the fire is not yet known."),
    ("fire", "local", "A warehouse in the port district burned down on Sunday night. "
                      "Five firefighters were treated for smoke inhalation, the fire brigade said."),
    ("budget", "wire", "The regional parliament passed the budget on Friday by 51 votes to 40. "
                       "Spending on schools rises by 3 percent."),
    ("budget", "daily", "Lawmakers approved the regional budget on Friday by 51 votes to 40."),
    ("solo", "wire", "A new library opened in the old town on Saturday."),
], columns=["story", "source", "text"])


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None)
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def expected():
    frames = []
    for story in ("fire", "budget"):
        rows = ARTICLES[ARTICLES.story == story]
        frame = align(dict(zip(rows.source, rows.text)), cache=False).to_frame()
        frame.insert(0, "story", story)
        frames.append(frame)
    return pd.concat(frames, ignore_index=True)


def key(frame):
    return sorted(map(repr, frame[["story", "kind", "subtype", "explanation", "claims"]].values.tolist()))


def test_pandas_frame_on_a_local_cluster(client):
    got = align_frame(ARTICLES, client=client, cache=False)
    assert tuple(got.columns) == COLUMNS
    assert set(got.story) == {"fire", "budget"}  # a story with one article has nothing to compare
    assert key(got) == key(expected())
    assert {"contradiction", "agreement"} <= set(got.kind)


def test_dask_frame_gives_the_same_findings(client):
    got = align_frame(dd.from_pandas(ARTICLES, npartitions=2), client=client, cache=False)
    assert key(got) == key(align_frame(ARTICLES, client=client, cache=False))


def test_other_column_names_and_missing_columns(client):
    renamed = ARTICLES.rename(columns={"story": "event", "source": "outlet", "text": "body"})
    got = align_frame(renamed, story="event", source="outlet", text="body", client=client, cache=False)
    assert set(got.story) == {"fire", "budget"}
    with pytest.raises(InputError, match="no column 'story'"):
        align_frame(renamed, client=client)
