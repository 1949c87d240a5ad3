"""displaCy views of what ``kg_relations`` found: entities as spans, relations as arcs.

Entities (every mention, labelled with its type)::

    from spacy import displacy
    displacy.render(doc, style="span", options={"spans_key": "kg"})

Relations (one picture a sentence; mentions are the words, relation types the arcs)::

    from kg.extract.display import relation_arcs
    displacy.render(relation_arcs(doc), style="dep", manual=True)
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

from kg.extract.component import SPANS_KEY


def relation_arcs(doc: Doc) -> list[dict[str, Any]]:
    """displaCy's manual ``dep`` data: for each sentence with relations, its tokens as words (a
    mention of an entity one word, tagged with the entity type) and one arc a relation, from
    subject to object, labelled with the relation type."""
    spans: dict[str, list[Span]] = {}
    for span in doc.spans.get(SPANS_KEY, []):
        spans.setdefault(span.kb_id_, []).append(span)
    relations = doc._.kg_relations or []
    pictures = []
    for sent in doc.sents:
        pairs = []
        for r in relations:
            if not any(sent.start_char <= ev.start < sent.end_char for ev in r.evidence):
                continue
            subject = next((s for s in spans.get(r.subject, []) if sent.start <= s.start < sent.end), None)
            obj = next((s for s in spans.get(r.object, []) if sent.start <= s.start < sent.end), None)
            if subject is not None and obj is not None and subject != obj:
                pairs.append((subject, r.type, obj))
        if not pairs:
            continue
        chosen: dict[int, Span] = {}
        for subject, _, obj in pairs:
            for span in (subject, obj):
                if all(span.end <= other.start or span.start >= other.end or span == other
                       for other in chosen.values()):
                    chosen[span.start] = span
        words, index, i = [], {}, sent.start
        while i < sent.end:
            span = chosen.get(i)
            if span is not None:
                index[(span.start, span.end)] = len(words)
                words.append({"text": span.text, "tag": span.label_})
                i = span.end
            else:
                words.append({"text": doc[i].text, "tag": ""})
                i += 1
        arcs = []
        for subject, rtype, obj in pairs:
            a, b = index.get((subject.start, subject.end)), index.get((obj.start, obj.end))
            if a is None or b is None:
                continue
            arcs.append({"start": min(a, b), "end": max(a, b), "label": rtype, "dir": "right" if a < b else "left"})
        pictures.append({"words": words, "arcs": arcs})
    return pictures
