"""Verbs the parser took into a name, read in order: a name, a trigger verb, a name.

spaCy's French tagger reads a present-tense verb right after a name as part of the name when the
verb is also a noun ("Oliver Hart [enseigne] à Harvard": "enseigne" a ``flat:name`` of "Oliver"),
and the constructions that read a verb's subject and object from the parse find none. A word
right after a name, hung on that name, that is the present of a trigger verb ("enseigne" for
"enseigner"), followed by a name (after the verb's preposition, when it takes one), gives the
verb's relation between the two names. (A verb tagged as an adjective but parsed with its subject
and object is read as a verb: :func:`kg.extract.triggers._verb_frame`.)
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.extract.context import Context, RawRelation, infinitive

#: Trigger verbs whose reading needs more than a subject and an object (a banned place, a
#: successor's agent, a passive, a deal, an infinitive): not read without a parse.
SPECIAL = ("banned_in", "successor_by", "passive_only", "deal_object", "xcomp_mark")


def read(ctx: Context) -> Iterator[RawRelation]:
    """The relations of the verbless sentences of the document (see the module)."""
    doc = ctx.doc
    for m in ctx.mentions:
        k = m.end
        if k + 1 >= len(doc) or not (doc[k].is_lower and doc[k].is_alpha):
            continue
        sent = doc[m.start].sent
        if k >= sent.end or doc[k].pos_ in ("VERB", "AUX") or not m.start <= doc[k].head.i < m.end:
            continue  # only a word the parser took into the name before it
        lemma = infinitive(doc[k].lower_, ctx.verbs)
        spec = ctx.verbs.get(lemma)
        if spec is None or spec.get("type") is None or any(spec.get(k) for k in SPECIAL):
            continue
        j = k + 1
        preps = spec.get("preps")
        if preps:
            if doc[j].lower_ not in preps:
                continue
            j += 1
        while j < sent.end and doc[j].pos_ == "DET" and doc[j].is_lower:
            j += 1
        other = ctx.mention_at.get(j)
        if other is None or other.start != j:
            continue
        s, o = (m.cluster, ""), (other.cluster, "")
        if spec.get("reverse"):
            s, o = o, s  # "X appartient à Y"
        # a word right after the object that gives the verb another sense ("attaque X en justice")
        senses = spec.get("with", {})
        rtype = next((senses[t.lemma_.lower()] for t in doc[other.end:min(other.end + 3, len(doc))]
                      if t.lemma_.lower() in senses), spec["type"])
        if rtype is not None and ctx.typed_ok(s, o, spec):
            yield from ctx.relation(s, rtype, o, lemma, doc[k], "verb", "asserted")
