"""Translation artefacts from five source languages (es, fr, de, it, pt): positives and negatives per type, on
invented text, with the real spaCy pipeline and word lists. Correct English is never flagged."""

from __future__ import annotations

import pytest

from factalign import Claim, Finding, Source
from factalign.artefacts import detect_artefacts, repair_claims


def spans(*texts: str, detector: str | None = None, source: str = "s0") -> list[tuple[str, str | None]]:
    sources = [Source(f"s{i}", t) for i, t in enumerate(texts)]
    found = detect_artefacts(sources, detectors=None if detector is None else [detector])
    return [(f.span, f.suggestion) for f in found if f.source == source]


# --- repair by offsets --------------------------------------------------------------------------------------

def _finding(span: str, start: int, suggestion: str) -> Finding:
    return Finding("artefact", "untranslated", (), 0.9, "test", source="a", span=span, start=start,
                   end=start + len(span), suggestion=suggestion)


@pytest.mark.parametrize("text, span, suggestion, expected", [
    ("They met the Swiss et French officials.", "et", "and", "They met the Swiss and French officials."),
    ("Then they spoke y left.", "y", "and", "Then they spoke and left."),
])
def test_repair_rewrites_only_the_artefact_span_not_the_same_letters_inside_words(text, span, suggestion,
                                                                                  expected):
    start = text.index(f" {span} ") + 1
    claim = Claim("a#0", "a", text, 0, len(text))
    (fixed,) = repair_claims([claim], [_finding(span, start, suggestion)])
    assert fixed.text == expected


def test_repair_maps_a_rewritten_claim_through_its_source_and_never_searches():
    text = "Officials met in Bern. Swiss et French officials met again."
    start = text.index("Swiss")
    rewritten = Claim("a#1", "a", "The Swiss et French officials met again in Bern.", start, len(text))
    et = _finding("et", text.index(" et ") + 1, "and")
    (fixed,) = repair_claims([rewritten], [et], sources=[Source("a", text)])
    assert fixed.text == "The Swiss and French officials met again in Bern."
    # Without the source text the rewritten claim cannot be mapped, so it is left as it is, not searched.
    (unchanged,) = repair_claims([rewritten], [et])
    assert unchanged.text == rewritten.text


# --- source-language acronyms ---------------------------------------------------------------------------------

@pytest.mark.parametrize("mt, en, acronym, english", [
    ("Lyon welcomes the talks of the ONU on the drought. The ONU agency said farmers lost crops last summer.",
     "Lyon hosts UN talks on the drought. The UN agency says farmers lost crops last summer.", "ONU", "UN"),
    ("The OTAN will open an office in Tokyo next year, the ministry said.",
     "NATO will open an office in Tokyo next year, the ministry said.", "OTAN", "NATO"),
    ("The UE approved the budget for farmers on Monday after long talks.",
     "The EU approved the farm budget on Monday after long talks.", "UE", "EU"),
    ("According to the FMI, growth will slow sharply next year in the region.",
     "The IMF says growth will slow sharply next year in the region.", "FMI", "IMF"),
])
def test_source_language_acronyms_are_flagged_at_every_occurrence(mt, en, acronym, english):
    found = spans(mt, en, detector="entity")
    assert found == [(acronym, english)] * mt.count(acronym)
    assert spans(mt, en, detector="entity", source="s1") == []  # the English side is never flagged


def test_the_correct_english_acronym_is_never_repaired_into_the_foreign_one():
    mt = "According to the PNUE, the environment agency, farmers lost a third of their maize harvest."
    en = "The UN environment agency, UNEP, says farmers lost a third of their maize harvest."
    assert spans(mt, en, detector="entity") == [("PNUE", "UNEP")]
    assert spans(mt, en, detector="entity", source="s1") == []


def test_an_acronym_spelt_by_a_written_out_name_is_the_english_one():
    # Neither "RFT" nor "TFR" is clearly more frequent in English text: the written-out name decides the side.
    mt = ("The Tidal Flood Review sent its report to the council. As the RFT notes, the walls failed twice. "
          "Officials said the RFT was thorough.")
    en = ("The Tidal Flood Review sent its report to the council. As the TFR notes, the walls failed twice. "
          "Officials said the TFR was thorough.")
    assert spans(mt, en, detector="entity") == [("RFT", "TFR")] * 2
    assert spans(mt, en, detector="entity", source="s1") == []
    # Without the written-out name nothing tells which side is the translation: neither is flagged.
    bare = [text.replace("The Tidal Flood Review", "The review") for text in (mt, en)]
    assert spans(*bare, detector="entity") == [] and spans(*bare, detector="entity", source="s1") == []


def test_a_lone_acronym_whose_english_form_the_other_source_writes_out_is_flagged():
    mt = "The dams cost 1.200 euros a metre. Funds of the UE will pay for the new dams, the minister said."
    en = "The dams cost 1,200 euros a metre. European Union funds will pay for new dams, the minister said."
    assert ("UE", "EU") in spans(mt, en)
    # Without "European Union" written out, "UE" (10x, not 100x, more Italian than English) is left alone.
    assert ("UE", "EU") not in spans(mt, en.replace("European Union", "Regional"))


def test_an_acronym_one_initial_apart_from_a_written_out_english_acronym_is_the_translation():
    # One word of the name rendered by a word of another initial: "PRD" beside the written-out "PRB"; neither is
    # clearly more frequent in English text, so only the written-out name tells the side.
    mt = "The union will take its complaint to the PRD over the new rules, the leader said on Monday."
    en = "The union will take its complaint over the new rules to the Pacific Rail Board (PRB), its leader said."
    assert spans(mt, en, detector="entity") == [("PRD", "PRB")]
    assert spans(mt, en, detector="entity", source="s1") == []
    # Without the written-out name, or two initials apart, nothing tells which side is the translation.
    bare = en.replace("the Pacific Rail Board (PRB)", "the PRB")
    assert spans(mt, bare, detector="entity") == [] and spans(mt, bare, detector="entity", source="s1") == []
    assert spans(mt.replace("PRD", "PXD"), en, detector="entity") == []


def test_an_acronym_with_the_letters_of_a_parenthesised_english_acronym_in_another_order_is_the_translation():
    # The translation puts the head noun first ("BNRS"); the English acronym is told by its place in parentheses
    # after the written-out name, whose initials hold its letters in order (a name may skip a word: "EASA").
    mt = "The crash was reported to the BNRS, the board of the northern rivers, on Monday after the storm."
    en = "The crash was reported on Monday to the Northern River Safety Board (NRSB) after the storm, police said."
    assert spans(mt, en, detector="entity") == [("BNRS", "NRSB")]
    assert spans(mt, en, detector="entity", source="s1") == []
    # Letters that are not the name's initials in order, or no parentheses after the name: nothing tells the side.
    skipping = en.replace("(NRSB)", "(NSRB)")
    assert spans(mt.replace("BNRS", "BNSR"), skipping, detector="entity") == []
    bare = "The crash was reported on Monday to the NRSB after the storm, police said."
    assert spans(mt, bare, detector="entity") == [] and spans(mt, bare, detector="entity", source="s1") == []


@pytest.mark.parametrize("a, b", [
    ("The NBA season opened on Tuesday with a win for Boston.", "The BAN campaign opened on Tuesday in Boston."),
    ("The AP reported that PA voters went to the polls on Tuesday.", "Voters in PA went to the polls, the AP said."),
])
def test_english_acronyms_in_related_sentences_are_left_alone(a, b):
    assert spans(a, b, detector="entity") == [] and spans(a, b, detector="entity", source="s1") == []


# --- surnames translated as words -----------------------------------------------------------------------------

@pytest.mark.parametrize("mt, en, word, surname", [
    ("Interior Minister Marta Wolf said the police would act. Wolf added that the border stays open.",
     "Spain's interior minister Marta Lobo said police would act at once.", "Wolf", "Lobo"),
    ("Economy minister Andrés White said inflation fell sharply in March, the lowest in two years.",
     "Economy minister Andrés Blanco said inflation fell sharply in March to a two-year low.", "White", "Blanco"),
    ("The harbour board chair, Ana Wolf, said the port would reopen on Friday after the long storm.",
     "Harbour board chair Ana Lobo said the port would reopen on Friday after the storm.", "Wolf", "Lobo"),
])
def test_a_surname_translated_as_a_word_is_flagged_with_the_other_sources_spelling(mt, en, word, surname):
    assert spans(mt, en, detector="entity") == [(word, surname)] * mt.count(word)
    assert spans(mt, en, detector="entity", source="s1") == []


def test_a_role_noun_after_the_name_is_the_same_role():
    mt = "Silvarra – Lucia Stone remains chair of the harbour board. Stone won the vote by nine."
    en = "The harbour board confirmed Lucia Pedrazzi as chair on Monday, after a close vote."
    assert spans(mt, en, detector="entity") == [("Stone", "Pedrazzi")] * 2
    # A text that also writes the other surname names two people; a verb after the name is no role.
    both = mt + " Lucia Pedrazzi, her deputy, spoke next."
    assert ("Stone", "Pedrazzi") not in spans(both, en, detector="entity")
    said = ("Lucia Stone said the harbour would reopen.", "Lucia Pedrazzi said the fishing fleet was ready.")
    assert spans(*said, detector="entity") == []


def test_the_same_role_in_an_apposition_matches_by_stem_and_lets_a_rarer_word_count():
    # "Locksmith" is a rarer English word (Zipf < 3.5): only the same role ("transport(s)" in the appositions on
    # either side of the name) shows it renders the other source's surname.
    mt = "The councillor of Transports of the region, Tomás Locksmith, said the line would reopen soon."
    en = "Tomás Cerrajo, head of transport for the region, told reporters the line would reopen soon."
    assert spans(mt, en, detector="entity") == [("Locksmith", "Cerrajo")]
    assert spans(mt, en, detector="entity", source="s1") == []
    # The same sentence without a shared role word: a rarer word is likelier a real name.
    no_role = "Tomás Locksmith said the line would reopen soon, according to the regional office."
    assert spans(no_role, en, detector="entity") == []


@pytest.mark.parametrize("a, b", [
    ("Interior Minister Marta Wolf said the police would act.", "Interior Minister Marta Wolf said police act."),
    ("Officials said the White House would act on Monday.", "Officials said the Obama administration would act."),
    ("Theresa May met Tim Cook in London on Monday.", "Theresa May held talks with Apple's chief in London."),
])
def test_names_that_are_words_without_a_differing_spelling_are_left_alone(a, b):
    assert spans(a, b, detector="entity") == []


# --- untranslated function words, every position, five languages -------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Officials from Aragon y Navarre met on Monday.", [("y", "and")]),                              # es
    ("The lawsuit says la sales have hurt the state.", [("la", "the")]),                            # es
    ("Swiss et French officials met. Later Swiss et French officials signed.", [("et", "and")] * 2),  # fr
    ("Et the talks ended on Wednesday.", [("Et", "And")]),                                          # fr
    ("He is a better judge de the matter than I am.", [("de", "of")]),                             # fr/es
    ("The vote split the party, including der Republican leader.", [("der", "the")]),               # de
    ("She loves to stir den pot, he said.", [("den", "the")]),                                      # de
    ("Ma it was also meant as a nod to the voters.", [("Ma", "But")]),                              # it
    ("Republican allies em the House voted no.", [("em", "in")]),                                   # pt
    ("I am trying to save lives e prevent the next attack.", [("e", "and")]),                         # it/pt
    ("They back a working man und woman agenda.", [("und", "and")]),                                  # de
    ("He said it was un visible change in policy.", [("un", "a")]),                                 # es/fr/it
    ("Las Republicans hit back on Tuesday.", [("Las", "The")]),                                     # es
    ("Would they allow a temple oder Christian church there?", [("oder", "or")]),                   # de
    ("It was an attack dans which four died.", [("dans", "in")]),                                   # fr
    # before a number
    ("The pilot program ends en 2031, the agency said.", [("en", "in")]),                           # es/fr
    ("The board held talks with chairs de seven firms.", [("de", "of")]),                           # es/fr
    ("Turnout rose at den 1998 vote in the county.", [("den", "the")]),                             # de
    # between lower-case English words
    ("Growers are lobbying por lowering the tariff.", [("por", "by")]),                             # es
    ("It was a season di calm for the harbour.", [("di", "of")]),                                   # it
    ("The council spoke em detail about the levy.", [("em", "in")]),                                # pt
    ("Farmers voted, en fact, against the plan.", [("en", "in")]),                                  # es/fr
    # before a place
    ("The trawler was built em Lisbon two decades ago.", [("em", "in")]),                           # pt
    ("She opened a bakery dans Marseille last spring.", [("dans", "in")]),                          # fr
    ("The trawler was repaired em Fort Worth, oddly.", [("em", "in")]),                             # pt
    ("LISBON — Las Republicans hit back on Tuesday.", [("Las", "The")]),                           # es
    # a conjunction opening a clause after a comma or a quotation, or before a number
    ("The mayors met for hours, y signed the water pact.", [("y", "and")]),                         # es
    ("Turnout fell in the north, e Liberals lost two seats.", [("e", "and")]),                      # it/pt
    ("The rules allow one boat e one crew per family.", [("e", "and")]),                            # it/pt
    ("The letter was signed by Reyes e Martha Quinn.", [("e", "and")]),                             # it/pt
    # opening a sentence; before a name the same text writes without the word
    ("The plan stalled. En short, the port lost a year.", [("En", "In")]),                          # es/fr
    ("Mas when the vote came, few stayed.", [("Mas", "But")]),                                      # pt
    ("Growers met con Harlow on Friday. Harlow said the tariff hurt.", [("con", "with")]),          # es/it
    # before an English form of address; a question word opening a clause; before a quotation
    ("The board said que Mr. Lane would stay.", [("que", "that")]),                                 # es/fr/pt
    ("Aides said the plan stalled, mais Sen. Ortiz disagreed.", [("mais", "but")]),                # fr
    ("Fans urged him to “stay calm” e “speak plainly” on Friday.", [("e", "and")]),              # it/pt
    ("The panel spent hours por sharpening the rules.", [("por", "by")]),                           # es
    ("Ortiz und Mrs. Lane signed the lease.", [("und", "and")]),                                    # de
    ("The levy was unfair e I think it will fall.", [("e", "and")]),                                # it/pt
    ("The pier reopened. “E I hope it lasts,” she said.", [("E", "And")]),                           # it/pt
    ("The site will rank posts e search results.", [("e", "and")]),                                 # it/pt
    ("She said it was un \"badly kept secret\" in town.", [("un", "a")]),                           # es/fr/it
    ("He blamed lo “steep decline” on the drought.", [("lo", "the")]),                              # es/it
    ("The mayor spoke em “plain terms” to the crowd.", [("em", "in")]),                             # pt
])
def test_function_words_left_in_english_syntax(text, expected):
    assert spans(text, detector="untranslated") == expected


@pytest.mark.parametrize("word", ["y", "et", "und", "e"])  # es, fr, de, it/pt
def test_a_conjunction_between_two_names_another_source_joins_in_english(word):
    mt = f"Floods closed the roads of Berranza {word} Coltevia on Sunday."
    en = "Floods closed roads in Berranza and Coltevia on Sunday, officials said."
    assert spans(mt, en, detector="untranslated") == [(word, "and")]
    # Alone, or beside a source that writes the same double name, it may be a name's particle ("Ortega y Gasset").
    assert spans(mt, detector="untranslated") == []
    assert spans(mt, f"Roads of Berranza {word} Coltevia were shut.", detector="untranslated") == []


@pytest.mark.parametrize("word", ["y", "et", "und", "e"])  # es, fr, de, it/pt
def test_a_conjunction_between_two_gazetteer_places_one_named_alone_is_untranslated(word):
    text = f"Storms cut power in Toledo {word} Cuenca on Sunday. In Cuenca, schools stayed shut."
    assert spans(text, detector="untranslated") == [(word, "and")]
    # Neither place named alone: it may be one double name ("Castilla y León"); a person's double name is no place.
    assert spans(f"Storms cut power in Toledo {word} Cuenca on Sunday.", detector="untranslated") == []
    assert spans(f"Fans of Ortega {word} Gasset met. Ortega wrote the book.", detector="untranslated") == []


@pytest.mark.parametrize("text", [
    "Marine Le Pen met Luiz Inacio Lula da Silva in El Paso.",
    "Ursula von der Leyen and Guillermo del Toro met Bill de Blasio and fans of Ortega y Gasset.",
    "The law is de facto a ban, as Smith et al. showed.",
    "Soldiers die every day, and they die the same way.",
    "The fox left its den in the woods. A con man stole the car.",
    "Vitamin E and Generation Y are terms, he said.",
    "Take vitamin e and rest, he said; the die is cast.",
    "Critics said they would gut the concept. Las Vegas voted and Le Monde reported it.",
    "DES MOINES – The senator spoke on Sunday.",
    "The convoy was en route to the port in 2019 when the storm hit.",
    "A con artist sold the den to a family of six.",
    "They pour water on the coals, and the fans pour in.",
    "Senator Kevin de León flew to Santiago de Chile in 2022.",
    "The painting by da Vinci hung in the hall, y Combinator said.",
    "Points x, y and z lie on one line, the chart shows.",
    "Ma said she would stay home. Con artists stole the funds.",
    "Fans of de Gaulle met in the square. Later de Gaulle's heirs spoke.",
    "Carlos de la Vega met Mr. Lane, and Rita van Dijk met Dr. Ortiz in Sault de St. Marie.",
    "Locals call it la “rentrée”, and the song “La Bamba” played twice.",
    "He danced a la \"swing\" step, then sang “De Colores” with them.",
    "Marine Le Pen spoke in Lyon. Le Pen said on Monday that she would run.",
    "PARIS — Marine Le Pen spoke. LYON — Le Pen said she would run. MADRID — La Liga resumed.",
    "Ma, I love it, she wrote. The pier reopened, and Dr. Lane spoke.",
])
def test_names_borrowings_and_english_words_are_not_function_word_artefacts(text):
    assert spans(text, detector="untranslated") == []


# --- fused tokens ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("mt, other, token, suggestion", [
    ("Delegates met in Hamburgand the talks went on.", "Delegates met in Hamburg.", "Hamburgand", "Hamburg and"),
    ("Talks in Lyonet Geneva went on for days.", "Talks in Lyon and Geneva went on.", "Lyonet", "Lyon and"),
    ("Ministers from Berlinund Paris met.", "Ministers from Berlin and Paris met.", "Berlinund", "Berlin and"),
    ("The deal links Madridpara years to come.", "The deal links Madrid for years.", "Madridpara", "Madrid for"),
])
def test_names_fused_with_function_words_of_either_language(mt, other, token, suggestion):
    assert spans(mt, other, detector="fused") == [(token, suggestion)]


@pytest.mark.parametrize("text", [
    "Tony Benn met Mr. Bennet and Anna Hansen in Hamburg.",
    "The city upgraded its stormwater drains and floodwalls.",
])
def test_names_ending_like_function_words_are_not_fused(text):
    assert spans(text, detector="fused") == []


# --- number and date formats ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("The fine was 1.200 euros per farmer.", [("1.200", "1,200")]),
    ("About 12.500.000 people voted.", [("12.500.000", "12,500,000")]),
    ("Exports reached 3,5 million tonnes.", [("3,5 million", "3.5 million")]),
    ("Exports reached 3,5 tonnes a day.", [("3,5", "3.5")]),
    ("Prices rose 2,75% in March.", [("2,75", "2.75")]),
    ("The talks open on 14/03 in Geneva.", [("14/03", "03/14")]),
    ("It was signed on 25/12/2023 in Rome.", [("25/12/2023", "12/25/2023")]),
])
def test_source_language_number_and_date_formats(text, expected):
    assert spans(text, detector="numbers") == expected


@pytest.mark.parametrize("text", [
    "Congress authorized $1.375 billion for fencing, and 1,200 agents, at 3.5 percent.",
    "The store is open 24/7 and the vote was 15/2 in favour; pi is 3.14159 and 0.125 is an eighth.",
    "The deadline is 05/03; read chapters 1,2 and 3 first.",
    "The 30-year bond fell, yielding 3.125 percent, and the note 2.875%.",
])
def test_english_numbers_are_left_alone(text):
    assert spans(text, detector="numbers") == []


def test_clean_english_news_is_not_flagged_by_any_detector():
    text = ("Delegates from 14 countries met in Lyon on Monday for three days of United Nations talks. "
            "The UN's environment agency, UNEP, says farmers lost about 30 percent of their harvest. "
            "Swiss and French officials are expected to sign an agreement on Wednesday, said Marta Wolf, "
            "a spokeswoman. Exports rose to $1.2 billion, or 1,200 million dollars, on March 14.")
    assert spans(text) == []


def test_a_translation_with_other_artefacts_has_its_acronyms_flagged_without_another_source():
    mt = "Officials from Aragon y Navarre met. According to the ONU, floods have become more frequent."
    en = "Officials from two regions met on Sunday about the floods."
    assert ("ONU", "UN") in spans(mt, en, detector=None)
    # Correct English keeps party names as they are, and a source with no other artefact is not a translation.
    assert spans("The CDU and the PSOE won, and the ONU chief said so.", detector=None) == []
    assert ("PSOE", None) not in spans("Madrid y Paris met. The PSOE won.", detector=None)


def test_a_parse_passed_in_gives_the_same_findings():
    from factalign.resources import spacy_pipeline

    text = "Swiss et French officials met in Lyonet Geneva.\n\nThe fine was 1.200 euros."
    other = "Swiss and French officials met in Lyon and Geneva."
    sources = [Source("mt", text), Source("en", other)]
    docs = {"mt": spacy_pipeline()(text)}
    with_doc = detect_artefacts(sources, docs=docs)
    assert [(f.span, f.start) for f in with_doc] == [(f.span, f.start) for f in detect_artefacts(sources)]
    assert [f.span for f in with_doc] == ["et", "Lyonet", "1.200"]


def test_artefacts_in_page_furniture_are_not_reported_but_the_same_in_the_body_are():
    body = "The storm closed the port of Lisbon on Monday, officials said."
    furniture = body + "\n\nRead also\nHeat: beaches of the Linha de Cascais draw record crowds\n"
    assert [s for s, _ in spans(furniture, detector="untranslated")] == []
    in_body = "The storm closed the Linha de Cascais on Monday, officials said."
    assert [s for s, _ in spans(in_body, detector="untranslated")] == ["Linha"]
