"""Page-furniture cleaning: every rule drops what it names and keeps body text (no model needed)."""

from pathlib import Path

import pytest

from factalign.claims.furniture import (
    FURNITURE, body_blocks, dateline_length, explain_furniture, furniture_rule, furniture_spans,
)

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

# (rule, furniture line, body line that must survive the same rule)
CASES = [
    ("byline", "by time news", "By the end of the year, prices had risen by 4%."),
    ("byline", "By Jane Doe, Associated Press", "By noon the rescue teams had reached the town."),
    ("timestamp", "2023-05-10 16:36:13", "On 2023-05-10 the ministers met in Tokyo."),
    ("timestamp", "Updated: May 10, 2023 4:36 PM EDT", "May 10 was the day the talks began."),
    ("hashtags", "#Japan #negotiates #open #NATO #office #Asia", "The #MeToo movement spread to Japan in 2018."),
    ("share", "Share on Facebook Twitter WhatsApp", "Shares in Toyota fell 3% on Monday."),
    ("share", "Follow us on Twitter", "Follow-up talks are planned for June."),
    ("boilerplate", "You may also like", "You may also like to know that the office will be small."),
    ("boilerplate", "Leave a Comment", "Critics did not leave a comment on the plan."),
    ("boilerplate", "Related news", "Related news agencies reported the same figure."),
    ("boilerplate", "Related Content", "The related content of the draft was not disclosed."),
    ("boilerplate", "Video Embed", "A video shows the moment the quake struck."),
    ("boilerplate", "CLICK HERE TO READ MORE FROM THE WASHINGTON EXAMINER", "Officials said to click the alert."),
    ("boilerplate", "Republished with permission of the author.", "The permission was granted in May."),
    ("copyright", "© 2023 Washington Examiner", "The copyright dispute reached court in 2021."),
    ("all_caps", "LLOYD AUSTIN REAFFIRMS COMMITMENT TO SWEDEN, PREDICTS IT WILL JOIN NATO ‘BEFORE JULY’",
     "NATO and the EU met in Brussels on Monday."),
    ("photo_caption", "Jens Stoltenberg speaks in Brussels, Monday. (AP Photo/Olivier Matthys) Olivier Matthys/AP",
     "The AP reported that 12 people died."),
    ("photo_caption", "Rescue workers search the rubble. Photo: Reuters", "Reuters reported 12 deaths on Tuesday."),
    ("navigation", "Home | World | Asia", "Exports rose 5% / imports fell 2% in May."),
    ("navigation", "News › World › Asia Pacific", "Rates were cut to 1% > expectations, analysts said."),
    ("promotion", "Subscribe to our podcast for daily updates.", "Subscribers to the service lost access on Monday."),
    ("consent", "This website uses cookies. Accept all", "The bakery uses cookies from a local supplier."),
]


@pytest.mark.parametrize("rule, furniture, body", CASES)
def test_rule_drops_furniture_and_keeps_body(rule, furniture, body):
    assert FURNITURE[rule](furniture), f"{rule} should drop {furniture!r}"
    assert furniture_rule(body) is None, f"{body!r} is body text, dropped by {furniture_rule(body)}"


def test_every_rule_has_a_case():
    assert {rule for rule, _, _ in CASES} | {"empty"} == set(FURNITURE)


def test_empty_line_rule():
    assert FURNITURE["empty"](".") and FURNITURE["empty"]("* * *")
    assert not FURNITURE["empty"]("9.")


def test_slug_and_duplicate_need_context():
    text = "Quake kills 12 in Peru\n\nA strong quake hit Peru.\n\nnew alliances\n\nQuake kills 12 in Peru\n\nIt was bad."
    assert [r for r, _ in explain_furniture(text)] == ["slug", "duplicate"]
    blocks = body_blocks(text)
    assert blocks[0].headline and text[blocks[0].start:blocks[0].end] == "Quake kills 12 in Peru"
    assert [text[b.start:b.end] for b in blocks[1:]] == ["A strong quake hit Peru.", "It was bad."]


def test_short_sentence_with_final_punctuation_is_not_a_slug():
    text = "Headline here\n\nPrices rose.\n\nThey fell."
    assert explain_furniture(text) == []


@pytest.mark.parametrize("paragraph, kept", [
    ("LIMA, March 4 (Newswire) - A magnitude 6.4 earthquake struck.", "A magnitude 6.4 earthquake struck."),
    ("WASHINGTON — Michael Steele drew criticism.", "Michael Steele drew criticism."),
    ("Lima (Reuters) - Rescuers searched the rubble.", "Rescuers searched the rubble."),
    ("(CNN) -- Two CNN heroes survived.", "Two CNN heroes survived."),
])
def test_dateline_is_stripped_and_sentence_kept(paragraph, kept):
    text = "Title line\n\n" + paragraph
    block = body_blocks(text)[1]
    assert text[block.start:block.end] == kept


@pytest.mark.parametrize("paragraph", [
    "Japan - the country most exposed - agreed.",
    "The plan, March 4 officials said, is final.",
    "WASHINGTON —",
])
def test_not_a_dateline(paragraph):
    assert dateline_length(paragraph) == 0


def test_hard_wrapped_lines_are_joined():
    text = ("The magnitude 6.4 earthquake struck southern Peru on Tuesday, killing at\n"
            "least 12 people and injuring more than 80.\n")
    blocks = body_blocks(text)
    assert len(blocks) == 1 and text[blocks[0].start:blocks[0].end].endswith("more than 80.")


SEED_FURNITURE = {
    "000_aaf7a6b0dd72b2f5.txt": ["by time news", "2023-05-10 16:36:13", "Related news",
                                 "#Japan #negotiates #open #NATO #office #Asia", "You may also like", "Leave a Comment"],
    "001_09648ee2a51459a5.txt": ["Belgium NATO Summit", "(AP Photo/Olivier Matthys)", "Video Embed",
                                 "LLOYD AUSTIN REAFFIRMS", "CLICK HERE TO READ MORE FROM THE WASHINGTON EXAMINER",
                                 "© 2023 Washington Examiner", "Related Content"],
}


@pytest.mark.parametrize("name", sorted(SEED_FURNITURE))
def test_seed_furniture_dropped_and_body_kept(name):
    text = (SEEDS / name).read_text(encoding="utf-8")
    dropped = [text[s:e] for _, s, e in furniture_spans(text)]
    for expected in SEED_FURNITURE[name]:
        assert any(expected in line for line in dropped), f"{expected!r} not dropped"
    kept = " ".join(text[b.start:b.end] for b in body_blocks(text))
    for expected in SEED_FURNITURE[name]:
        assert expected not in kept
    # Every line that is neither listed furniture nor a repeat of the title is kept whole.
    for line in (ln.strip() for ln in text.splitlines()):
        if line and line != "." and not any(f in line for f in SEED_FURNITURE[name]) \
                and line != "new alliances" and text.count(line) == 1:
            assert line in kept, f"body line lost: {line[:60]!r}"


@pytest.mark.parametrize("line", [
    "Download the Channel 9 app for live traffic alerts.",
    "Get the morning headlines sent to your inbox. Sign up to our newsletter.",
    "Turn on notifications to follow this story.",
])
def test_calls_to_action_are_promotion(line):
    assert furniture_rule(line) == "promotion"


@pytest.mark.parametrize("line", [
    "Officials urged residents to download the county's flood app before Friday.",
    "Get out of the building, firefighters shouted as the alarm sounded.",
    "Follow the river road north until the bridge, the sheriff told drivers.",
])
def test_sentences_about_apps_or_imperatives_in_quotes_are_kept(line):
    assert furniture_rule(line) is None


def test_cookie_banner_is_consent_but_a_story_about_cookies_is_kept():
    assert furniture_rule("We use cookies to personalise content. Accept all | Manage settings") == "consent"
    assert furniture_rule("Reject all | Customise") in ("consent", "navigation")
    assert furniture_rule("The regulator said the retailer uses cookies to track shoppers without consent.") is None


def test_masthead_with_date_and_byline_is_navigation_but_a_piped_sentence_is_kept():
    assert furniture_rule("Harbour Gazette | Monday 3 May 2021 | By Ann Lee") == "navigation"
    assert furniture_rule("Harbour Gazette | the council voted on the new ferry timetable late on Monday") is None


def test_bulleted_titles_under_a_page_label_are_listed_furniture():
    text = ("Ferry runs aground off the cape\n\nThe ferry ran aground on Monday, the coastguard said.\n\n"
            "Most read\n- Council approves new harbour parking charges for summer\n- Heat warning issued\n")
    assert [rule for rule, _ in explain_furniture(text)] == ["boilerplate", "listed", "listed"]


def test_plain_titles_under_read_also_are_listed_and_prose_after_it_is_kept():
    text = ("Ferry runs aground off the cape\n\nThe ferry ran aground on Monday.\n\nRead also:\n"
            "Harbour: new parking charges approved for the summer season\nHeat warning issued\n\n"
            "Comments are closed on this article.\n")
    assert [rule for rule, _ in explain_furniture(text)] == ["boilerplate", "listed", "listed", "boilerplate"]
    kept = ("Ferry runs aground off the cape\n\nThe ferry ran aground on Monday.\n\nRelated\n"
            "The coastguard's report found no fault with the crew.\n")
    assert [rule for rule, _ in explain_furniture(kept)] == ["boilerplate"]


def test_bulleted_points_of_the_story_itself_are_kept():
    text = ("Ferry runs aground off the cape\n\nThe coastguard listed what is known so far:\n"
            "- Forty passengers were taken off by lifeboat in the early morning\n- The hull is not breached\n")
    assert explain_furniture(text) == []
