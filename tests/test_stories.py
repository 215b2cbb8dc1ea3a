"""Stories from a stream of coverage: grouping by what articles report, incremental add, align() and the CLI.

All articles here are invented. The real default models run on the main path.
"""

import datetime as dt
import json

import numpy as np
import pytest

from factalign import Source, align, stories
from factalign.cli import main
from factalign.errors import InputError
from factalign.grouping import Stories, cluster
from factalign.grouping.similarity import date_gaps, entity_key, key_similarity, lead, quote_keys
from factalign.grouping.tree import consistent_cut

FERRY_WIRE = (
    "A fire broke out on the ferry MS Nordlys off the port of Halvorsund late on Saturday, forcing 214 passengers "
    "into lifeboats, the coastguard said. Captain Ingrid Solberg ordered the ship evacuated after smoke filled the "
    "car deck. Three crew members were taken to Halvorsund hospital with burns.\n\n"
    "The Baltic Line operator said the cause of the blaze was not yet known."
)
FERRY_LOCAL = (
    "Two hundred and fourteen people were rescued from the burning MS Nordlys near Halvorsund on Saturday night. "
    "Solberg, the ferry's captain, told reporters: \"The crew did everything right.\"\n\n"
    "Baltic Line confirmed that three of its sailors were being treated for burns in Halvorsund."
)
FERRY_RADIO = (
    "Passengers described panic as flames spread aboard a Baltic Line ferry outside Halvorsund. All 214 on board "
    "reached the lifeboats, according to the coastguard, and the Nordlys was towed to port on Sunday."
)
COURT_WATER = (
    "The Supreme Court ruled 6-3 on Monday that Nevada may limit groundwater pumping by ranchers in the Amargosa "
    "Valley, siding with the state in Carson v. Whitfield. Justice Elena Marsh wrote for the majority that the "
    "state engineer acted within his authority. Ranchers led by Dale Whitfield had argued the 2019 order took their "
    "water rights without compensation."
)
COURT_SPEECH = (
    "The Supreme Court ruled 6-3 on Monday that an Ohio school board violated the First Amendment when it "
    "disciplined a teacher, Maria Delgado, for a post criticising a district budget. Justice Thomas Reyes wrote "
    "for the majority in Delgado v. Lorain County Board of Education that public employees keep their right to "
    "speak on matters of public concern."
)
COURT_SPEECH_2 = (
    "Maria Delgado, the Ohio teacher suspended over a budget post, won her case at the Supreme Court on Monday. "
    "Writing for a 6-3 majority, Justice Reyes said the Lorain County board had punished protected speech."
)
MATCH = (
    "Manchester United beat Chelsea 2-1 at Old Trafford on Sunday. Marcus Rashford scored the winning goal in the "
    "85th minute after Cole Palmer had equalised for the visitors."
)
# One running story, two events: the dam's spillway opened in a flood, and weeks later a plan to rebuild the dam.
DAM_OPEN_WIRE = (
    "Governor Lena Hartwell ordered the spillway of the Carver Dam opened on Thursday night after nine inches of rain "
    "fell on the upper valley, and 1,200 residents of Millbrook were told to leave their homes. \"No one should be in "
    "the valley tonight,\" Hartwell said at the county emergency centre. Engineers said water was 40 centimetres below "
    "the crest."
)
DAM_OPEN_LOCAL = (
    "Millbrook emptied overnight: about 1,200 people drove to shelters in Eastfield after the governor had the Carver "
    "Dam spillway opened to relieve the swollen reservoir. \"No one should be in the valley tonight,\" Lena Hartwell "
    "told reporters, as the water stood 40 centimetres from the top of the dam."
)
DAM_OPEN_RADIO = (
    "Rain-swollen Carver reservoir forced the state to open the dam's spillway late Thursday. Hartwell's office said "
    "1,200 Millbrook residents were evacuated and that engineers were watching the crest, 40 centimetres above the "
    "water."
)
DAM_OPEN_TV = (
    "Residents of Millbrook spent the night in school gyms in Eastfield. The governor, who said no one should be in "
    "the valley tonight, ordered the spillway of the Carver Dam opened after nine inches of rain."
)
DAM_PLAN_WIRE = (
    "Governor Lena Hartwell asked lawmakers on Monday for $48 million to rebuild the Carver Dam, calling the 1962 "
    "structure \"a promise we can no longer keep with patches.\" Senate leader Omar Field said the plan would raise "
    "the gas tax by three cents and vowed to block it."
)
DAM_PLAN_LOCAL = (
    "A $48 million rebuild of the Carver Dam is Hartwell's answer to the spring floods. The governor's bill, sent to "
    "the legislature on Monday, would be paid for with a three-cent gas tax rise, which Omar Field, the Senate leader, "
    "called \"dead on arrival.\" Hartwell said the 1962 dam was \"a promise we can no longer keep with patches.\""
)
MIXED = {"ferry_wire": FERRY_WIRE, "court_water": COURT_WATER, "ferry_local": FERRY_LOCAL, "match": MATCH,
         "court_speech": COURT_SPEECH, "ferry_radio": FERRY_RADIO, "court_speech_2": COURT_SPEECH_2}


def names(found):
    return sorted(sorted(s.name for s in story) for story in found)


@pytest.fixture(scope="module")
def grouped():
    return stories(MIXED)


# -- with the real models ---------------------------------------------------------------------------------------

def test_same_event_in_different_words_is_one_story(grouped):
    assert ["ferry_local", "ferry_radio", "ferry_wire"] in names(grouped)
    assert ["court_speech", "court_speech_2"] in names(grouped)


def test_same_topic_different_event_is_kept_apart(grouped):
    water = [s.name for s in grouped.story_of("court_water")]
    assert water == ["court_water"]
    assert "court_water" in [s.name for s in grouped.singletons()]


def test_unrelated_article_is_alone_and_summary_table(grouped):
    assert [s.name for s in grouped.story_of("match")] == ["match"]
    assert len(grouped) == 4 and len(grouped.multi()) == 2
    frame = grouped.to_frame()
    assert frame.loc[(grouped.labels[0] + 1, "ferry_wire"), "n_sources"] == 3
    assert frame["claims"].isna().all()  # no reports given: membership only


def test_incremental_add_joins_the_right_story_or_starts_one():
    found = stories({"ferry_wire": FERRY_WIRE, "court_speech": COURT_SPEECH, "match": MATCH})
    before = names(found)
    ferry = found.add(Source("ferry_local", FERRY_LOCAL))
    assert [s.name for s in found[ferry]] == ["ferry_wire", "ferry_local"]
    court = found.add(Source("court_speech_2", COURT_SPEECH_2))
    assert [s.name for s in found[court]] == ["court_speech", "court_speech_2"]
    water = found.add(Source("court_water", COURT_WATER))
    assert water == len(found) - 1 and [s.name for s in found[water]] == ["court_water"]
    assert all(any(set(old) <= {s.name for s in story} for story in found) for old in before)
    with pytest.raises(InputError):
        found.add(Source("match", MATCH))


def test_incremental_add_on_an_empty_grouping_starts_story_zero():
    found = Stories()
    assert found.add(Source("ferry_wire", FERRY_WIRE)) == 0
    assert found.add(Source("ferry_radio", FERRY_RADIO)) == 0
    assert found.add(Source("match", MATCH)) == 1


def test_one_running_story_two_events_without_dates():
    found = stories({"open_wire": DAM_OPEN_WIRE, "plan_wire": DAM_PLAN_WIRE, "open_local": DAM_OPEN_LOCAL,
                     "open_radio": DAM_OPEN_RADIO, "plan_local": DAM_PLAN_LOCAL, "open_tv": DAM_OPEN_TV})
    assert names(found) == [["open_local", "open_radio", "open_tv", "open_wire"], ["plan_local", "plan_wire"]]


def test_dates_far_apart_split_the_same_wording():
    day = dt.date(2024, 5, 4)
    near = stories([Source("a", FERRY_WIRE, published=day), Source("b", FERRY_LOCAL, published=day + dt.timedelta(1))])
    far = stories([Source("a", FERRY_WIRE, published=day), Source("b", FERRY_LOCAL, published=day + dt.timedelta(40))])
    assert len(near) == 1 and len(far) == 2


def test_align_sets_aside_other_stories_and_says_why():
    report = align({"ferry_wire": FERRY_WIRE, "ferry_local": FERRY_LOCAL, "court_water": COURT_WATER,
                    "match": MATCH})
    assert set(report.unrelated) == {"court_water", "match"}
    assert set(report.set_aside) == {"court_water", "match"}
    assert "different story" in report.set_aside["match"]
    for finding in report.findings:
        assert not {report.claim(c).source for c in finding.claims} & {"court_water", "match"}
        assert not set(finding.missing_from) & {"court_water", "match"}
    text = report.to_text()
    assert "set aside" in text and "court_water" in text
    assert report.to_dict()["set_aside"]["match"] == report.set_aside["match"]


def test_align_keeps_three_outlets_of_one_event():
    report = align({"ferry_wire": FERRY_WIRE, "ferry_local": FERRY_LOCAL, "ferry_radio": FERRY_RADIO})
    assert report.unrelated == () and report.set_aside == {}


def test_cli_compares_each_story_of_a_mixed_folder(tmp_path):
    today, yesterday = tmp_path / "today", tmp_path / "yesterday"
    today.mkdir()
    yesterday.mkdir()
    for name, text in MIXED.items():
        (today if name.startswith(("ferry", "match")) else yesterday).joinpath(f"{name}.txt").write_text(text)
    (today / "notes.csv").write_text("not an article")
    out = tmp_path / "stories.json"
    assert main(["compare", "--stories", str(today), str(yesterday), "--format", "json", "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    compared = sorted(sorted(story["sources"]) for story in data["stories"])
    assert compared == [["court_speech", "court_speech_2"], ["ferry_local", "ferry_radio", "ferry_wire"]]
    assert sorted(data["set_aside"]) == ["court_water", "match"]
    for story in data["stories"]:
        assert sorted(s["name"] for s in story["report"]["sources"]) == sorted(story["sources"])
    rows = {row["source"]: row for row in data["summary"]}
    assert rows["ferry_wire"]["n_sources"] == 3 and rows["ferry_wire"]["claims"] > 0
    assert rows["match"]["compared"] is False and rows["match"]["claims"] is None


def test_cli_text_has_a_heading_per_story_and_fail_on(tmp_path, capsys):
    for name in ("ferry_wire", "ferry_local", "match"):
        (tmp_path / f"{name}.txt").write_text(MIXED[name])
    code = main(["compare", "--stories", str(tmp_path), "--fail-on", "agreement"])
    out, err = capsys.readouterr()
    assert code == 1 and "agreement" in err
    assert out.count("=== Story") == 1 and "ferry_local, ferry_wire" in out
    assert "Set aside (no other article reports the same story): match" in out


def test_cli_stories_input_errors(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(FERRY_WIRE)
    assert main(["compare", "--stories", str(tmp_path / "a.txt")]) == 2
    assert main(["compare", "--stories", str(tmp_path / "missing")]) == 2
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["compare", "--stories", str(empty)]) == 2
    assert main(["compare", "--stories", str(tmp_path), "--reference", "a"]) == 2
    err = capsys.readouterr().err
    assert "not a folder" in err and "no article files" in err and "Traceback" not in err


# -- pure functions, no models ------------------------------------------------------------------------------------

def test_entity_keys_meet_across_labels_and_spellings():
    assert entity_key("PERSON", "Captain Ingrid Solberg") == entity_key("PERSON", "Solberg’s") == "name:solberg"
    assert entity_key("ORG", "Baltic Line") == entity_key("LOC", "the Baltic Line") == "name:baltic line"
    assert entity_key("CARDINAL", "1,500") == entity_key("MONEY", "1500") == "value:1500"


def test_entity_keys_drop_what_tells_no_event_apart():
    assert entity_key("CARDINAL", "three") is None
    assert entity_key("ORDINAL", "first") is None
    assert entity_key("TIME", "late on Saturday") is None


def test_key_similarity_weighs_rare_names_over_common_ones():
    common = ["name:court"]
    sim = key_similarity([common + ["name:delgado"], common + ["name:delgado"], common + ["name:whitfield"],
                          common + ["name:marsh"]])
    assert sim[0, 1] > 0.99 and sim[0, 2] < 0.3
    assert np.allclose(key_similarity([[], []]), np.eye(2))


def test_cluster_cuts_at_the_threshold_and_numbers_by_first_article():
    affinity = np.array([[1.0, 0.1, 0.7], [0.1, 1.0, 0.2], [0.7, 0.2, 1.0]])
    assert cluster(affinity, threshold=0.5).tolist() == [0, 1, 0]
    assert cluster(affinity, threshold=0.8).tolist() == [0, 1, 2]
    assert cluster(np.ones((1, 1))).tolist() == [0]


def test_quote_keys_meet_on_the_same_quoted_words_in_other_framing():
    wire = quote_keys('"We will reopen the bridge by Friday," the mayor said.')
    local = quote_keys('Mayor Ruiz promised: “We will reopen the bridge by Friday.”')
    assert wire == local and "quote:will reopen the bridge" in wire
    trimmed = quote_keys('She said the city would "reopen the bridge by Friday" at the latest.')
    assert set(trimmed) < set(wire)


def test_quote_keys_of_other_words_or_no_quotation_do_not_meet():
    first = quote_keys('"We will reopen the bridge by Friday," the mayor said.')
    later = quote_keys('"The bridge will stay closed until the inspectors sign off," the mayor said.')
    assert first and later and not set(first) & set(later)
    assert quote_keys("The mayor's office didn't say when the 'temporary' bridge would open.") == ()
    assert quote_keys('He said "yes" and left.') == ()  # fewer words than a quote key holds


def test_shared_quote_raises_key_similarity_only_for_the_article_that_quotes_it():
    quoted = list(quote_keys('"We will reopen the bridge by Friday," she said.'))
    other = list(quote_keys('"Traffic will be diverted through the old town," she said.'))
    sim = key_similarity([["name:ruiz"] + quoted, ["name:ruiz"] + quoted, ["name:ruiz"] + other])
    assert sim[0, 1] > 0.99 and sim[0, 2] < 0.1


def test_consistent_cut_keeps_apart_two_groups_below_the_group_threshold():
    two_events = np.array([[1.0, 0.8, 0.35, 0.35], [0.8, 1.0, 0.35, 0.35], [0.35, 0.35, 1.0, 0.8],
                           [0.35, 0.35, 0.8, 1.0]])
    assert consistent_cut(two_events, threshold=0.3).tolist() == [0, 0, 1, 1]
    assert consistent_cut(two_events, threshold=0.3, group_threshold=None).tolist() == [0, 0, 0, 0]  # plain
    assert cluster(two_events, threshold=0.3).tolist() == [0, 0, 1, 1]


def test_consistent_cut_joins_groups_about_as_close_as_they_are_inside():
    one_event = np.array([[1.0, 0.8, 0.72, 0.7], [0.8, 1.0, 0.7, 0.72], [0.72, 0.7, 1.0, 0.75],
                          [0.7, 0.72, 0.75, 1.0]])
    assert consistent_cut(one_event, threshold=0.4).tolist() == [0, 0, 0, 0]


def test_consistent_cut_lets_a_single_article_join_by_the_threshold_alone():
    pair_and_one = np.array([[1.0, 0.9, 0.35], [0.9, 1.0, 0.35], [0.35, 0.35, 1.0]])
    assert consistent_cut(pair_and_one, threshold=0.3).tolist() == [0, 0, 0]  # below the group threshold, yet joins
    assert consistent_cut(pair_and_one, threshold=0.4).tolist() == [0, 0, 1]


def test_consistent_cut_splits_a_group_whose_inner_merge_fails():
    # {0,1} and {2,3} meet at 0.38, below the group threshold: two events, even though article 4 then joins at 0.35
    aff = np.full((5, 5), 0.38)
    aff[0, 1] = aff[1, 0] = aff[2, 3] = aff[3, 2] = 0.9
    aff[4, :] = aff[:, 4] = 0.35
    np.fill_diagonal(aff, 1.0)
    assert consistent_cut(aff, threshold=0.3).tolist() == [0, 0, 1, 1, 2]
    assert consistent_cut(aff, threshold=0.3, group_threshold=None).tolist() == [0, 0, 0, 0, 0]


def test_consistent_cut_scales_to_thousands_without_recursion():
    rng = np.random.default_rng(0)
    events = np.repeat(np.arange(500), 3)
    aff = np.where(events[:, None] == events[None, :], 0.7, 0.1) + rng.uniform(0, 0.05, (1500, 1500))
    aff = np.minimum(aff, aff.T)
    np.fill_diagonal(aff, 1.0)
    labels = consistent_cut(aff, threshold=0.33)
    assert len(set(labels.tolist())) == 500 and all(len(set(labels[events == e])) == 1 for e in range(0, 500, 50))


def test_date_gaps_ignore_unknown_dates():
    gaps = date_gaps([dt.date(2024, 1, 1), None, dt.date(2024, 1, 31)])
    assert gaps[0, 2] == 30 and gaps[0, 1] == 0 and gaps[1, 2] == 0


def test_lead_cuts_at_a_break_and_keeps_short_texts():
    assert lead("Short text.") == "Short text."
    long_text = "First sentence here. " * 80
    assert lead(long_text).endswith(".") and len(lead(long_text)) <= 1000


def test_empty_input_is_an_input_error():
    with pytest.raises(InputError):
        stories([])


class _WrongShape:
    def embed(self, texts):
        return np.zeros((len(texts) + 1, 4))


def test_an_embedder_breaking_its_contract_is_named():
    from factalign.errors import StageError

    with pytest.raises(StageError, match="embed stage"):
        stories({"a": FERRY_WIRE, "b": MATCH}, embedder=_WrongShape())


def test_cli_markdown_and_html_have_a_section_per_story(tmp_path):
    from factalign.grouping.command import compare_stories, render

    for name in ("ferry_wire", "ferry_local", "match"):
        (tmp_path / f"{name}.txt").write_text(MIXED[name])
    found, reports = compare_stories([tmp_path], lambda story: align(story))
    markdown = render(found, reports, "markdown", limit=5)
    assert markdown.count("## Story") == 1 and "Set aside" in markdown
    page = render(found, reports, "html", limit=5)
    assert page.startswith("<!DOCTYPE html>") and page.count("<section>") == 1 and "match" in page


def test_cli_github_annotations_point_at_the_files(tmp_path, capsys):
    for name in ("ferry_wire", "ferry_local", "match"):
        (tmp_path / f"{name}.txt").write_text(MIXED[name])
    assert main(["compare", "--stories", str(tmp_path), "--format", "github"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("::") and str(tmp_path / "ferry_wire.txt") in out and "match.txt" not in out
