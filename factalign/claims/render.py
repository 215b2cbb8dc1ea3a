"""Turning a set of token indices back into readable text: spacing, substitutions, orphan punctuation."""

from __future__ import annotations

def render(doc, tokens: set[int], subst: dict[int, str], inserts: dict[float, str] | None = None) -> str:
    items = [(float(i), subst.get(i, doc[i].text), i) for i in tokens]
    items += [(k, v, None) for k, v in (inserts or {}).items()]
    items = [it for it in sorted(items) if it[1] != ""]
    items = _trim(doc, items)
    items = _articles(doc, items)
    out: list[str] = []
    prev: int | None = None
    for _, text, i in items:
        if out:
            if i is not None and prev is not None and i == prev + 1:
                out.append(doc[prev].whitespace_)
            elif not (i is not None and doc[i].is_punct and doc[i].text not in "([{“‘\"") and not text.startswith("'"):
                out.append(" ")
        out.append(text)
        prev = i
    return "".join(out).strip().rstrip(",;:").rstrip()


def _trim(doc, items: list) -> list:
    def weak(it) -> bool:
        i = it[2]
        return i is not None and ((doc[i].is_punct and doc[i].text not in "%$€£¥")
                                  or doc[i].dep_ in ("cc", "preconj") or doc[i].is_space)

    while items and weak(items[0]) and doc[items[0][2]].text not in "(“\"‘":
        items = items[1:]
    def dangling(it) -> bool:
        # "it ended with": a preposition whose object went to another claim.
        return it[2] is not None and doc[it[2]].dep_ == "prep" and len(items) > 1

    while items and ((weak(items[-1]) and doc[items[-1][2]].text not in ")”\"’") or dangling(items[-1])):
        items = items[:-1]
    # A comma next to a removed stretch ("X, [launched in 1990,] has") separated what is gone.
    def orphan_comma(k: int) -> bool:
        i = items[k][2]
        if i is None or doc[i].text not in (",", ";"):
            return False
        prev_i = items[k - 1][2] if k > 0 else None
        next_i = items[k + 1][2] if k + 1 < len(items) else None
        return (prev_i is not None and prev_i != i - 1) or (next_i is not None and next_i != i + 1)

    items = [it for k, it in enumerate(items) if not orphan_comma(k)]
    cleaned: list = []
    for it in items:
        if cleaned and it[2] is not None and cleaned[-1][2] is not None and doc[it[2]].is_punct \
                and doc[cleaned[-1][2]].is_punct and doc[it[2]].text in ",;:" and doc[cleaned[-1][2]].text in ",;:":
            continue
        cleaned.append(it)
    text = "".join(t for _, t, _ in cleaned)
    # Unbalanced brackets or quotes read as noise; drop the orphan.
    for open_, close in (("(", ")"), ("[", "]"), ("“", "”")):
        if text.count(open_) != text.count(close):
            cleaned = [it for it in cleaned if it[1] not in (open_, close)]
    if text.count('"') % 2:
        cleaned = [it for it in cleaned if it[1] != '"']
    return _without_empty_quotes(cleaned)


def _without_empty_quotes(items: list) -> list:
    """Drop a quotation whose words all went to other claims: 'is an autobiographical novel: " "'."""
    out: list = []
    opened = False
    for it in items:
        text = it[1]
        if text in ('"', "”") and out and out[-1][1] in ('"', "“") and opened:
            out.pop()
            opened = False
            continue
        if text in ('"', "“", "”"):
            opened = text == "“" or (text == '"' and not opened)
        out.append(it)
    return out


_AN_EXCEPTIONS = ("uni", "use", "usu", "eu", "one", "once", "u.s", "ukr")
_A_EXCEPTIONS = ("hour", "honest", "honor", "honour", "heir")


def _articles(doc, items: list) -> list:
    """"a" or "an" agreeing with the word now after it: "is an fantasy film" once "American" went elsewhere."""
    out = list(items)
    for k, (key, text, i) in enumerate(out[:-1]):
        if i is None or doc[i].lower_ not in ("a", "an") or doc[i].dep_ != "det":
            continue
        nxt = out[k + 1][1].lower()
        if not nxt[:1].isalpha():
            continue
        an = (nxt[0] in "aeiou" and not nxt.startswith(_AN_EXCEPTIONS)) or nxt.startswith(_A_EXCEPTIONS)
        word = "an" if an else "a"
        if word != doc[i].lower_:
            out[k] = (key, word.capitalize() if text[:1].isupper() else word, i)
    return out
