"""pandas views of a report."""

from __future__ import annotations

from collections import Counter


def findings_frame(report):
    """One row per finding.

    Example:
        >>> findings_frame(report).kind.value_counts()  # doctest: +SKIP
    """
    import pandas as pd

    source_of = {c.id: c.source for c in report.claims}
    rows = []
    for f in report.findings:
        rows.append({
            "kind": f.kind, "subtype": f.subtype, "score": f.score, "explanation": f.explanation,
            "sources": ", ".join(dict.fromkeys(source_of[c] for c in f.claims)) or f.source,
            "missing_from": ", ".join(f.missing_from), "claims": list(f.claims),
            "text": " | ".join(report.claim(c).text for c in f.claims),
            "span": f.span, "start": f.start, "end": f.end, "suggestion": f.suggestion, "fact": f.fact,
        })
    columns = ["kind", "subtype", "score", "explanation", "sources", "missing_from", "claims", "text", "span",
               "start", "end", "suggestion", "fact"]
    return pd.DataFrame(rows, columns=columns)


def claims_frame(report):
    """One row per claim, with its evidence in the original text.

    Example:
        >>> claims_frame(report).evidence.head()  # doctest: +SKIP
    """
    import pandas as pd

    rows = [dict(c.to_dict(), evidence=report.evidence(c.id)) for c in report.claims]
    return pd.DataFrame(rows).set_index("id") if rows else pd.DataFrame()


def coverage_frame(report):
    """Facts × sources: the claim id carrying each fact in each source, "" where the source lacks it.

    Example:
        >>> coverage_frame(report).head()  # doctest: +SKIP
    """
    import pandas as pd

    names = [s.name for s in report.sources]
    source_of = {c.id: c.source for c in report.claims}
    rows, index = [], []
    for fact in report.facts:
        row = {n: "" for n in names}
        for cid in fact.claims:
            row[source_of[cid]] = cid if not row[source_of[cid]] else row[source_of[cid]] + "," + cid
        rows.append(row)
        index.append(fact.id)
    frame = pd.DataFrame(rows, index=pd.Index(index, name="fact"), columns=names)
    frame.insert(0, "text", [report.claim(f.claims[0]).text for f in report.facts])
    return frame


def summary_frame(report):
    """One row per source: claims, facts shared, unique facts, omissions, contradictions, artefacts.

    Example:
        >>> summary_frame(report)["claims"].sum() == len(report.claims)  # doctest: +SKIP
    """
    import pandas as pd

    names = [s.name for s in report.sources]
    source_of = {c.id: c.source for c in report.claims}
    claims = Counter(source_of.values())
    shared, unique = Counter(), Counter()
    for fact in report.facts:
        for name in fact.sources:
            (shared if len(fact.sources) > 1 else unique)[name] += 1
    missing, contradictions, artefacts = Counter(), Counter(), Counter()
    for f in report.findings:
        if f.kind == "omission":
            missing.update(f.missing_from)
        elif f.kind == "contradiction":
            contradictions.update(set(source_of[c] for c in f.claims))
        elif f.kind == "artefact":
            artefacts[f.source] += 1
    rows = [{
        "source": n, "claims": claims[n], "facts_shared": shared[n], "unique_facts": unique[n],
        "omissions": missing[n], "contradictions": contradictions[n], "artefacts": artefacts[n],
        "related": n not in report.unrelated,
    } for n in names]
    return pd.DataFrame(rows).set_index("source")


def key_facts_frame(report):
    """One row per matched key fact (type, anchor): each source's value(s), and whether they conflict.

    ``conflict`` is True when a contradiction finding of the key-fact comparison holds this group.
    """
    import pandas as pd

    names = [s.name for s in report.sources]
    conflicts = {f.extra.get("group") for f in report.findings if f.kind == "contradiction"
                 and f.extra.get("judge") == "keyfacts"}
    # A conflict the judge stage found between the same claims with the same values also marks the group.
    disputed = [({v.strip(" '\"").lower() for v in f.values or ()}, set(f.claims))
                for f in report.findings if f.kind == "contradiction"]
    groups: dict[int, list] = {}
    for fact in report.keyfacts:
        if fact.group >= 0:
            groups.setdefault(fact.group, []).append(fact)
    rows = []
    for number, members in sorted(groups.items()):
        row = {"group": number, "type": members[0].type, "anchor": max((m.anchor for m in members), key=len)}
        for name in names:
            row[name] = "; ".join(dict.fromkeys(m.value for m in members if m.source == name))
        values = {m.value.lower() for m in members}
        row["conflict"] = number in conflicts or any(
            len(vals & values) >= 2 and claims & {c for m in members for c in m.claims} for vals, claims in disputed)
        rows.append(row)
    columns = ["group", "type", "anchor", *names, "conflict"]
    return pd.DataFrame(rows, columns=columns).set_index("group")
