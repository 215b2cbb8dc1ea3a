from factalign.lexical import content_words, stem, vocabulary, word_recall


def test_content_words_drop_stopwords():
    assert content_words("The alliance had 30 members at the start of the war.") == [
        "alliance", "30", "members", "start", "war"]


def test_stem_only_touches_plural_endings():
    assert stem("members") == "member" and stem("NATO’s".lower()) == "nato" and stem("was") == "was"


def test_word_recall():
    vocab = vocabulary(["Pushpa Basnet and the 45 children she cares for live in a field."])
    out = word_recall(["Pushpa Basnet cares for 45 children.", "The rain fell."], [vocab])
    assert out[0, 0] == 1.0 and out[1, 0] == 0.0
