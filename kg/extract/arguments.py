"""Who does what to whom: the arguments of a trigger, read from the parse and, where the parser
went astray, from the order of the words.

Subjects (through control, raising, relatives and passives), objects, passive agents,
prepositional complements, coordination ("X et Y", "X, Y et Z qui ...", "entre X et Y") and
group members ("plusieurs investisseurs, dont X et Y"). Each returns a list of ``(cluster,
resolution)`` pairs (:data:`kg.extract.context.Arg`).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from functools import cache

from spacy.tokens import Span, Token

from kg.extract.antecedents import clause_subjects, definite, possessor, taken_up
from kg.extract.context import ACTOR_TYPES, DECISION_TYPES, OPENING_QUOTES, SUBJ, Arg, Context, has_case, possessive
from kg.extract.mentions import Mention

#: Dependencies of prepositional arguments and modifiers.
ARG_DEPS = ("nmod", "obl", "obl:arg", "obl:mod", "obl:agent", "iobj", "acl", "advcl")


# -- coordination -----------------------------------------------------------------------------
def expand(ctx: Context, tok: Token) -> list[Arg]:
    """The clusters of ``tok`` and of the tokens coordinated with it."""
    out: list[Arg] = []
    seen: set[int] = set()
    todo = [tok]
    while todo:
        t = todo.pop(0)
        if t.i in seen:
            continue
        seen.add(t.i)
        found = ctx.cluster_of(t)
        if found and found[0] not in {c for c, _ in out}:
            out.append(found)
        out += [(c, "plural") for c in ctx.plural.get(t.i, []) if c not in {x for x, _ in out}]
        span = [t]
        if t.i in ctx.mention_at:
            m = ctx.mention_at[t.i]
            span = list(ctx.doc[m.start:m.end])
        for s in span:
            todo += [c for c in s.children if c.dep_ == "conj" and c.i not in seen]
            # "par François Fillon, Benoît Hamon ou l'ONU": a list the parser read as an apposition
            # (one person is never another's apposition)
            todo += [c for c in s.children if c.dep_ == "appos" and c.i not in seen and _two_people(ctx, s, c)]
        if found is None and t.pos_ == "NOUN":
            body = _acting_for(ctx, t)  # "le conseil d'administration de X" acts for X
            if body is not None and body[0] not in {c for c, _ in out}:
                out.append(body)
            if t.lemma_.lower() in ctx.lex.words("led_groups"):  # "un consortium mené par X"
                todo += [g for c in t.children if c.dep_ == "acl" and ctx.lemma_in(c, ctx.lex.words("leading_verbs"))
                         for g in c.children if g.dep_ in ("obl:agent", "obl:mod") and ctx.case(g) in ctx.lex.preps("by")
                         and g.i not in seen]
        if found is None and t.pos_ == "NOUN" and t.i not in ctx.coref:
            # "plusieurs pays, dont la France et l'Allemagne,": the members named stand for the group
            out += [x for x in _members(ctx, t) if x[0] not in {c for c, _ in out}]
        if found is None and t.pos_ == "NOUN" and "Plur" in t.morph.get("Number"):
            # "par diverses personnalités comme X, Y ou Z": the examples stand for the plural noun
            todo += [c for c in t.children if c.dep_ == "nmod" and c.i not in seen
                     and any(g.dep_ == "case" and g.lower_ in ctx.lex.words("example_markers") for g in c.children)]
        if t.i in ctx.mention_at:
            left = _stray_coordinate(ctx, ctx.mention_at[t.i])
            if left is not None and left.start not in seen:
                todo.append(ctx.doc[left.start])
    return out


def _acting_for(ctx: Context, tok: Token) -> Arg | None:
    """The organisation a body at ``tok`` acts for: "le conseil d'administration [de X]", "la
    direction [de X]" (``acting_bodies`` in the lexicon), named in its complement."""
    bodies = ctx.lex.words("acting_bodies")
    first_words, longest = _phrase_shape(bodies)
    if tok.lower_ not in first_words:
        return None
    doc = ctx.doc
    for i in range(tok.i + 1, min(tok.i + longest + 2, tok.sent.end)):
        if i in ctx.token_cluster and doc[i - 1].lower_.replace("’", "'") in ctx.lex.preps("of"):
            phrase = doc[tok.i:i - 1].text.lower().replace("’", "'")
            cluster = ctx.token_cluster[i]
            if phrase in bodies and ctx.clusters[cluster].type in ("Company", "Organization", "Government"):
                return (cluster, "")
            return None
    return None


@cache
def _phrase_shape(phrases: frozenset[str]) -> tuple[frozenset[str], int]:
    """The first words of a list of phrases and the most tokens one has ("d'" is a token)."""
    first = frozenset(p.split()[0].split("-")[0].split("'")[0] for p in phrases)  # "état-major" may be three tokens
    return first, max(len(p.split()) + p.count("'") + p.count("-") * 2 for p in phrases)


def _two_people(ctx: Context, a: Token, b: Token) -> bool:
    """``a`` and ``b`` name two different people."""
    x, y = ctx.cluster_of(a), ctx.cluster_of(b)
    return x is not None and y is not None and x[0] != y[0] and x[1] == y[1] == "" \
        and ctx.clusters[x[0]].type == ctx.clusters[y[0]].type == "Person"


def other_party(ctx: Context, tok: Token) -> bool:
    """A complement naming another party, no entity, to a reciprocal act: "avec les syndicats",
    "face à des fournisseurs" (not "avec difficulté", "avec la médiation de la Turquie", nor an
    entity: "s'allient contre Google" says whom they ally against)."""
    return ctx.case(tok) in ctx.lex.words("partner_preps") and tok.pos_ == "NOUN" and tok.i not in ctx.token_cluster \
        and any(c.dep_ == "det" for c in tok.children) and tok.lemma_.lower() not in ctx.lex.words("manner_nouns")


def first_and_others(ctx: Context, args: list[Arg], tok: Token) -> tuple[list[Arg], list[Arg]]:
    """Both ends of a symmetric relation stated with a plural subject, in the order of the text."""
    ordered = sorted(args, key=lambda a: ctx.position(a[0], tok))
    return ordered[:1], ordered[1:]


def _stray_coordinate(ctx: Context, m: Mention) -> Mention | None:
    """ "X et Y ont signé": the name before "et" that the parser left out of the clause."""
    i = m.start - 1
    if i < 1 or ctx.doc[i].lower_ not in ctx.lex.words("coordinators"):
        return None
    left = ctx.mention_at.get(i - 1)
    if left is None:
        return None
    root = ctx.doc[left.start:left.end].root
    argument = ("obj", "nsubj", "nsubj:pass", "obl", "obl:arg", "obl:mod", "obl:agent", "nmod", "iobj", "appos")
    return None if root.dep_ in argument else left


def coordinated_before(ctx: Context, m: Mention) -> list[Arg]:
    """ "X et Y négocient": the names coordinated before a subject found by position."""
    doc = ctx.doc
    out = []
    while True:
        i = m.start - 1  # past a description: "Sanofi et [le laboratoire britannique] AstraZeneca",
        # "Sprint et [le fabricant de satellites] OneWeb"
        while i > 0 and doc[i].text[:1].islower() and i not in ctx.token_cluster \
                and (doc[i].pos_ in ("DET", "ADJ", "NOUN")
                     or (doc[i].lower_ in ctx.lex.preps("de") and doc[i + 1].pos_ == "NOUN")):
            i -= 1
        if i < 1 or not (doc[i].text == "," or doc[i].lower_ in ctx.lex.words("coordinators")) \
                or (i - 1) not in ctx.mention_at:
            return out
        m = ctx.mention_at[i - 1]
        out.append((m.cluster, ""))


def enumeration_before(ctx: Context, tok: Token) -> list[Arg]:
    """The listed names a relative pronoun takes up: "X, Y et Z (qui ...)"."""
    doc = ctx.doc
    out: list[int] = []
    i = tok.i - 1
    while i >= tok.sent.start and doc[i].text in ("(", ",", "—", "–"):
        i -= 1
    while i >= tok.sent.start and i in ctx.mention_at:
        m = ctx.mention_at[i]
        if m.cluster not in out:
            out.insert(0, m.cluster)
        i = m.start - 1
        if i >= tok.sent.start and (doc[i].text == "," or doc[i].lower_ in ctx.lex.words("coordinators")):
            i -= 1
        else:
            break
    if out:
        return [(c, "relative") for c in out]
    head = tok.head.head if tok.head.dep_ in ("acl:relcl",) else tok.head
    return expand(ctx, head) if head.i != tok.i else []


def with_listed(ctx: Context, found: list[Arg], sent: Span, preps: tuple[str, ...]) -> list[Arg]:
    """``found`` and the names of its type that continue its list, each after one of ``preps``,
    where the parser hung them elsewhere: "le soutien de la Turquie, de l'Arabie saoudite et du
    Qatar" (not "maire de Plaissan, dans l'Hérault")."""
    if not found:
        return found
    kind = (ctx.clusters[found[-1][0]].type,)
    return found + [x for x in listed_after(ctx, found[-1][0], sent, kind, preps) if x not in found]


def listed_after(ctx: Context, cluster: int, sent: Span, types: tuple[str, ...],
                 preps: tuple[str, ...] | None = None) -> list[Arg]:
    """Names that continue a list after ``cluster``: "au Mexique, au Brésil et en Inde" (each
    after one of ``preps``, when given)."""
    doc = ctx.doc
    out: list[Arg] = []
    last = max((m.end for m in ctx.mentions if m.cluster == cluster and sent.start <= m.start < sent.end),
               default=None)
    while last is not None and last < sent.end:
        i = last
        if doc[i].text != "," and doc[i].lower_ not in ctx.lex.words("coordinators"):
            break
        i += 1
        start = i
        while i < sent.end and doc[i].pos_ in ("ADP", "DET"):
            if preps is not None and doc[i].pos_ == "ADP" and doc[i].lower_.replace("’", "'") not in preps:
                return out
            i += 1
        if preps is not None and not any(doc[k].pos_ == "ADP" for k in range(start, i)):
            return out  # "du soutien de X, Y a ...": the next name begins the clause
        m = ctx.mention_at.get(i)
        if m is None or m.start != i or ctx.clusters[m.cluster].type not in types:
            break
        if doc[last].text == "," and m.end < sent.end and doc[m.end].pos_ in ("AUX", "VERB") \
                and "Fin" in doc[m.end].morph.get("VerbForm"):
            break  # "chez Morgan Stanley, Renault est sous-évalué": the name begins the clause
        out.append((m.cluster, ""))
        last = m.end
    return out


def between(ctx: Context, tok: Token) -> list[Arg]:
    """The parties of "entre X et Y" under ``tok``; Y read after "X et" when the parser lost it."""
    found = prep_args(ctx, tok, ctx.lex.preps("between"))
    return found + _and_next(ctx, found[0][0], tok.sent) if len(found) == 1 else found


def _and_next(ctx: Context, cluster: int, sent: Span) -> list[Arg]:
    """ "entre X et Y" where the parser lost Y: the name right after "X et" (and its article: "entre
    la CDU et la CSU")."""
    for m in ctx.mentions:
        if m.cluster == cluster and sent.start <= m.start < sent.end:
            nxt = m.end
            if nxt + 1 < sent.end and ctx.doc[nxt].lower_ in ctx.lex.words("and_words"):
                after = nxt + 1
                while after < sent.end - 1 and ctx.doc[after].pos_ == "DET" and after not in ctx.token_cluster:
                    after += 1
                if after in ctx.token_cluster:
                    return [(ctx.token_cluster[after], "")]
    return []


# -- prepositional complements ----------------------------------------------------------------
def prep_args(ctx: Context, head: Token, preps: tuple[str, ...]) -> list[Arg]:
    """The clusters of the complements of ``head`` introduced by one of ``preps``."""
    out: list[Arg] = []
    # "auprès de X": the parser hangs X under the adverb "auprès"
    inner = [(c, p.split(" ", 1)[1]) for p in preps if " " in p for c in head.children
             if c.lower_ == p.split(" ", 1)[0] and c.pos_ in ("ADV", "ADP")]
    candidates = [(c, preps) for c in head.children] + [(c, (rest,)) for a, rest in inner for c in a.children]
    for c, wanted in candidates:
        if c.dep_ in ARG_DEPS or c.dep_ == "conj":
            case = ctx.case(c)
            if case and any(case == p or case.endswith(" " + p) or case.startswith(p + " ") for p in wanted):
                found = expand(ctx, c) or _owner_of_aspect(ctx, c) or _members(ctx, c)
                out += [x for x in found if x not in out]
    return out


def _members(ctx: Context, tok: Token) -> list[Arg]:
    """The named members of a group noun: "plusieurs investisseurs, dont Nvidia et Samsung"."""
    doc = ctx.doc
    markers = ctx.lex.words("member_markers")
    found = [x for c in tok.children if c.i in ctx.token_cluster and any(_marker(m) in markers for m in c.children)
             for x in expand(ctx, c)]
    if found:
        return found
    # read linearly: ", dont le fonds américain X et le groupe Y"
    j = tok.i + 1 + (tok.i + 1 < len(doc) and doc[tok.i + 1].text == ",")
    if j >= len(doc) or _marker(doc[j]) not in markers:
        return []
    out: list[Arg] = []
    j += 1 + sum(1 for c in doc[j].children if c.dep_ == "fixed")
    while j < tok.sent.end:
        if doc[j].text[:1].islower() and doc[j].pos_ in ("DET", "ADJ", "NOUN") and j not in ctx.token_cluster:
            j += 1
        elif j in ctx.mention_at and ctx.mention_at[j].start == j:
            out.append((ctx.mention_at[j].cluster, ""))
            j = ctx.mention_at[j].end
            if j < tok.sent.end and (doc[j].text == "," or doc[j].lower_ in ctx.lex.words("coordinators")):
                j += 1
            else:
                break
        else:
            break
    if j < tok.sent.end and doc[j].pos_ in ("VERB", "AUX", "PRON"):
        return []  # "une proposition dont X serait l'auteur": a relative clause, not a list
    return out


def _marker(tok: Token) -> str:
    """A word with the words fixed to it: "dont", "y compris"."""
    return " ".join([tok.lower_, *(c.lower_ for c in tok.children if c.dep_ == "fixed")])


def _owner_of_aspect(ctx: Context, tok: Token) -> list[Arg]:
    """Whose practices, accounts or activities: "une enquête sur [les pratiques de] Google"."""
    if tok.lemma_.lower() not in ctx.lex.words("aspect_nouns"):
        return []
    out = []
    for c in tok.children:
        if c.dep_ == "nmod" and ctx.case(c) in ctx.lex.preps("of"):
            # "le projet de fusion entre X et Y": the parties of the deal
            out += expand(ctx, c) or (decision_object(ctx, c, "REGULATES") if c.lemma_.lower() in ctx.nouns else [])
    return out


def complements(ctx: Context, tok: Token, preps: tuple[str, ...]) -> list[Arg]:
    """Prepositional complements of ``tok`` from the parse, or read linearly when the parser
    attached them elsewhere: "l'acquisition [de la start-up américaine] Pony.ai"."""
    doc = ctx.doc
    found = prep_args(ctx, tok, preps)
    if found:
        return with_listed(ctx, found, tok.sent, preps)
    i = tok.i + 1
    sent_end = tok.sent.end
    while i < sent_end and doc[i].pos_ == "ADJ":
        i += 1
    i = past_qualifier(ctx, i)
    if i >= sent_end or doc[i].lower_.replace("’", "'") not in preps:
        return []
    i += 1
    for j in range(i, min(i + 6, sent_end)):
        t = doc[j]
        if j in ctx.token_cluster:
            first = (ctx.token_cluster[j], "")
            rest = listed_after(ctx, first[0], tok.sent, tuple({c.type for c in ctx.clusters}))
            return [first, *[r for r in rest if r != first]]
        place = t.lower_ in ctx.lex.preps("place_stops") and j + 1 in ctx.token_cluster  # "la guerre en Ukraine"
        if t.pos_ in ("VERB", "AUX", "SCONJ", "CCONJ", "PRON") or (t.pos_ == "PUNCT" and t.text != "-"
                                                                   and t.text not in OPENING_QUOTES) \
                or t.lower_ in ctx.lex.preps("complement_stops") or place or ctx.title_of(doc, t):
            return []  # (another title: "le directeur de cabinet du président de X" heads no X)
    return []


def past_qualifier(ctx: Context, i: int) -> int:
    """Past a qualifier of a title that starts at ``i`` ("le directeur [par intérim] du Comité")."""
    doc = ctx.doc
    if i >= len(doc):
        return i
    first = doc[i].lower_  # (read on every complement: no span is made unless the first word fits)
    for words in ctx.lex.data["title_qualifiers"]:
        parts = words.split()
        if parts[0] == first and [t.lower_ for t in doc[i:i + len(parts)]] == parts:
            return i + len(parts)
    return i


def linear_prep_object(ctx: Context, verb: Token, preps: tuple[str, ...]) -> list[Arg]:
    """ "investit 4 milliards de dollars dans X": the name after the verb's preposition, read
    linearly when the parser attached it to something else."""
    doc = ctx.doc
    for j in range(verb.i + 1, min(verb.i + 10, verb.sent.end)):
        t = doc[j]
        if t.pos_ in ("VERB", "SCONJ") or t.text in (".", ";", ":"):
            return []
        k = j + 1  # "par [la] Commission", "par [le canadien] Couche-Tard"
        while k < len(doc) and k - j <= 3 and doc[k].text[:1].islower() \
                and doc[k].pos_ in ("DET", "ADJ", "NOUN") and k not in ctx.token_cluster:
            k += 1
        m = ctx.mention_at.get(k)
        if t.lower_ in preps and m is not None and m.start == k:
            return [(m.cluster, "")]
    return []


# -- subjects ----------------------------------------------------------------------------------
def subjects(ctx: Context, verb: Token, depth: int = 0) -> list[Arg]:
    """Who does ``verb``: its subject, or the controller of an infinitive or participle."""
    if depth > 5:
        return []
    subs = [c for c in verb.children if c.dep_ in SUBJ]
    for c in subs:  # "Le ministre des Finances, [Rachel Reeves], a rencontré": two subjects in the parse
        if c.lower_ in ctx.lex.words("relative_pronouns"):
            return enumeration_before(ctx, c)
        found = expand(ctx, c)
        if found:
            return found
    if subs:
        return []
    if passive(ctx, verb):
        return [x for c in verb.children if c.dep_ == "obl:agent" for x in expand(ctx, c)]
    for c in verb.children:
        if c.dep_ == "nsubj:pass":
            return expand(ctx, c)
    head = verb.head
    if head.i == verb.i:
        return _left_subject(ctx, verb)
    if "Fin" in verb.morph.get("VerbForm"):
        found = _left_subject(ctx, verb)
        if found or verb.dep_ != "conj":
            return found
    if verb.dep_ == "conj" and passive(ctx, head) and not passive(ctx, verb):
        # "X a été fondée par Y et a racheté Z": the active verb shares the passive's subject, not its agent
        return [x for c in head.children if c.dep_ == "nsubj:pass" for x in expand(ctx, c)] \
            or (expand(ctx, head.head) if head.dep_ == "acl" else [])
    if verb.dep_ in ("xcomp", "obl:arg", "advcl", "conj", "ccomp"):
        if head.lemma_.lower() in ctx.lex.words("object_control_verbs"):
            objs = objects(ctx, head)
            if objs:
                return objs
        if verb.dep_ == "advcl" and "Part" in verb.morph.get("VerbForm") and passive(ctx, head):
            # "Bénéficiant du soutien de Y, X a été réélu": the participle's subject is the one the
            # passive clause is about, not its agent
            return [x for c in head.children if c.dep_ == "nsubj:pass" for x in expand(ctx, c)]
        if head.pos_ in ("VERB", "AUX", "ADJ") or (head.pos_ == "NOUN" and depth < 3):
            return subjects(ctx, head, depth + 1)
        return []
    if verb.dep_ in ("acl", "acl:relcl"):
        if head.lemma_.lower() in ctx.lex.words("decision_nouns"):  # "la décision de X de sanctionner"
            return [x for x in prep_args(ctx, head, ctx.lex.preps("of"))
                    if ctx.clusters[x[0]].type in (*ACTOR_TYPES, "Country")]
        found = expand(ctx, head)
        if not found and any(c.dep_ == "cop" for c in head.children) and any(c.dep_ == "mark" for c in verb.children):
            return subjects(ctx, head, depth + 1)  # "X est sur le point de vaincre Y", "X est en mesure de ..."
        return found or apposed_to(ctx, head)
    if verb.pos_ == "NOUN" and verb.dep_ in ("obl:mod", "nmod", "obj", "obl", "obl:arg"):
        return subjects(ctx, head, depth + 1)
    return []


def apposed_to(ctx: Context, noun: Token) -> list[Arg]:
    """The name a common noun stands in apposition to: "X, agronome travaillant pour Y", "Iteka,
    une association affiliée à la FIDH" (what the noun's participle says is said of X)."""
    apposed = noun.dep_ == "appos" or (noun.dep_ == "nmod" and not has_case(noun))  # a bare noun read as nmod
    if noun.pos_ != "NOUN" or not apposed or noun.head.i >= noun.i or noun.head.i not in ctx.token_cluster:
        return []
    return expand(ctx, noun.head)


def passive(ctx: Context, verb: Token) -> bool:
    """A true passive has a passive auxiliary (the parser sometimes marks nsubj:pass alone), or is
    a participle with its agent after a name: "la société, dirigée par X", "la société, fondée et
    dirigée par X"."""
    if any(c.dep_ == "aux:pass" for c in verb.children):
        return True
    if "Part" not in verb.morph.get("VerbForm"):
        return False
    # "fondée et dirigée par X": a participle coordinated to another shares its voice and agent
    first = verb.head if verb.dep_ == "conj" and verb.head.pos_ == "VERB" else verb
    if first is not verb and any(c.dep_ in ("aux", "aux:tense", "aux:pass", "obj", "nsubj", "nsubj:pass")
                                 for c in verb.children):
        first = verb  # "X a été fondée par Y et a racheté Z": a clause of its own
    if first is not verb and any(c.dep_ == "aux:pass" for c in first.children):
        return True
    if first.dep_ not in ("acl", "advcl") or "Part" not in first.morph.get("VerbForm"):
        return False
    chain = [first, *(c for c in first.children if c.dep_ == "conj" and "Part" in c.morph.get("VerbForm"))]
    return any(c.dep_ == "obl:agent" for v in chain for c in v.children) \
        and any(expand(ctx, t) for t in described(ctx, first))


def described(ctx: Context, participle: Token) -> list[Token]:
    """What a participle with no subject of its own describes: the noun it follows ("la société,
    dirigée par X") or, detached by a comma before or after a clause, that clause's subject
    ("Accusé par X de corruption, le ministre a démissionné", "Y a quitté le parti, accusée par
    X de ...")."""
    if participle.dep_ == "acl":
        head = participle.head
        return [head] if expand(ctx, head) or not apposed_to(ctx, head) else [head.head]
    if participle.dep_ != "advcl" or any(c.dep_ in SUBJ or c.dep_.startswith("aux") or c.dep_ == "mark"
                                         for c in participle.children):
        return []
    doc = ctx.doc
    head = participle.head
    # after the clause only when the verb has no object and no name stands between: "Elon Musk a
    # racheté Twitter, dirigé par X" describes Twitter, not Musk
    after = participle.i > head.i and doc[participle.i - 1].text == "," \
        and not any(c.dep_ == "obj" for c in head.children) \
        and not any(i in ctx.token_cluster for i in range(head.i + 1, participle.i))
    before = participle.i < head.i and any(t.text == "," for t in doc[participle.i:head.i])
    if not (after or before):
        return []
    return [c for c in head.children if c.dep_ in ("nsubj", "nsubj:pass")]


def _left_subject(ctx: Context, verb: Token) -> list[Arg]:
    """A subject the parser missed, right before the verb: "parce que X doit ..."."""
    doc = ctx.doc
    i = verb.i - 1
    limit = verb.i - 4
    # not bounded by the parser's sentence: it sometimes cuts "Pékin | a interdit ..."
    while i >= 0 and i >= limit:
        t = doc[i]
        if i in ctx.token_cluster:
            return [(ctx.token_cluster[i], "")] + coordinated_before(ctx, ctx.mention_at[i])
        if t.text == "," and all(x.pos_ in ("AUX", "ADV") for x in doc[i + 1:verb.i]):
            i = _before_apposition(ctx, i)  # "X, le régulateur des télécoms, examinerait"
            limit = i
            continue
        if t.pos_ not in ("AUX", "ADV", "PRON", "PART") or t.lower_ in ctx.lex.words("clause_pronouns"):
            return []
        i -= 1
    return []


def _before_apposition(ctx: Context, comma: int) -> int:
    """The token before an apposition that ends at ``comma`` (", le régulateur des télécoms,"),
    or -1 when there is none."""
    doc = ctx.doc
    j = comma - 1
    while j > 0 and comma - j <= 8 and doc[j].text != ",":
        if doc[j].pos_ in ("VERB", "AUX") or j in ctx.token_cluster:
            return -1
        j -= 1
    if j <= 0 or doc[j].text != "," or doc[j + 1].pos_ != "DET" or not doc[j + 1].text[:1].islower():
        return -1
    return j - 1


# -- objects -----------------------------------------------------------------------------------
def objects(ctx: Context, verb: Token) -> list[Arg]:
    """What ``verb`` acts on: its direct objects, and names the parser attached otherwise."""
    return [x for c in verb.children
            if (c.dep_ == "obj" and not after_preposition(ctx, c, ctx.lex.preps("of"))) or det_clitic(ctx, c)
            or (c.dep_ == "xcomp" and c.i in ctx.token_cluster)
            # a second "subject" after the verb, when one stands before it: an object
            or (c.dep_ == "nsubj" and c.i > verb.i and any(x.dep_ in SUBJ and x.i < verb.i for x in verb.children))
            # a bare name after the verb that the parser attached as a modifier: an object
            or (c.dep_ in ("nmod", "obl", "obl:mod", "advmod", "dep") and c.i > verb.i
                and c.i in ctx.token_cluster and not ctx.case(c) and not after_preposition(ctx, c))
            for x in expand(ctx, c)] or _object_taken_for_subject(ctx, verb)


def _object_taken_for_subject(ctx: Context, verb: Token) -> list[Arg]:
    """The name right after a present participle with no object, which the parser made a second
    subject of the main verb: "La CDU, soutenant Angela Merkel, arrive en tête"."""
    if verb.dep_ != "acl" or "Part" not in verb.morph.get("VerbForm") or "Pres" not in verb.morph.get("Tense") \
            or any(c.dep_ == "obj" for c in verb.children):
        return []
    m = ctx.mention_at.get(verb.i + 1)
    if m is None or m.start != verb.i + 1:
        return []
    root, main = ctx.doc[m.start:m.end].root, verb.head.head
    if root.dep_ in SUBJ and root.head.i == main.i and verb.head.dep_ in SUBJ and main.i != verb.head.i:
        return expand(ctx, root)
    return []


def after_preposition(ctx: Context, tok: Token, but: Collection[str] = ()) -> bool:
    """The name is read after a preposition (other than ``but``) and its noun: "à la compagnie
    [Chappal Energies]", "au chinois [Tencent]"."""
    doc = ctx.doc
    m = ctx.mention_at.get(tok.i)
    i = (m.start if m is not None else tok.i) - 1
    while i >= 0 and doc[i].text[:1].islower() and doc[i].pos_ in ("DET", "ADJ", "NOUN"):
        i -= 1
    return i >= 0 and doc[i].pos_ == "ADP" and doc[i].lower_.replace("’", "'") not in but


def det_clitic(ctx: Context, tok: Token) -> bool:
    """An object clitic the parser took for a determiner: "à la posséder"."""
    return tok.dep_ == "det" and tok.lower_ in ctx.lex.words("object_clitics") and tok.head.pos_ == "VERB" \
        and tok.head.i == tok.i + 1 and "Inf" in tok.head.morph.get("VerbForm")


def decision_object(ctx: Context, tok: Token, rtype: str) -> list[Arg]:
    """What a decision is about: an entity, the parties of a deal ("le rachat de X par Y",
    "la fusion entre X et Y"), or the owner of what is judged ("les investissements de X")."""
    found = expand(ctx, tok)
    stakes = ctx.lex.words("stake_nouns")
    if not found and rtype in ("OWNS", "SELLS") and tok.lemma_.lower() in stakes:
        # "détient 10 % de X", "cède une part du capital de X", "une partie de sa participation dans X"
        held = (tok, *(c for c in tok.children if c.dep_ == "nmod" and c.lemma_.lower() in stakes))
        found = [x for c in held for x in complements(ctx, c, ctx.lex.preps("of_stake"))]
        if not found:  # "X détient 15 % de son capital": the company named before, not X ("ses actions" are X's)
            found = [x for c in held if possessive(c) and c.lemma_.lower() in ctx.lex.words("capital_words")
                     and not any(a.lower_ in ctx.lex.words("own_words") for a in c.children)
                     for x in possessor(ctx, c, ("Company",), {s for s, _ in clause_subjects(ctx, c)})][:1]
        return [x for x in found if ctx.clusters[x[0]].type in ("Company", "Organization", "Location")]
    if found or rtype not in DECISION_TYPES or tok.pos_ != "NOUN":
        return found
    if rtype == "CRITICIZES" and tok.lemma_.lower() in ctx.lex.words("attack_nouns") and definite(ctx, tok):
        return claimants(ctx, tok)  # "Ce double attentat a été condamné par X": who claimed it
    taken = taken_up(ctx, tok, rtype)
    if taken is not None:
        return taken
    spec = ctx.nouns.get(tok.lemma_.lower())
    if spec and spec["type"] == "MERGES_WITH":
        return between(ctx, tok)
    if spec and spec["type"] == "ACQUIRES":  # the buyer ("par X"), else what is bought
        by = ctx.lex.preps("by")
        return prep_args(ctx, tok, by) or linear_prep_object(ctx, tok, by) or complements(ctx, tok, ctx.lex.preps("of"))
    of = ctx.lex.preps("of")
    owners = [x for x in prep_args(ctx, tok, of)
              if ctx.clusters[x[0]].type in ("Company", "Organization", "Person", "Government")]
    if not owners:  # "interdire l'utilisation des puces de Micron": the owner of what is used
        owners = [x for c in tok.children if c.dep_ == "nmod" and c.pos_ == "NOUN" and c.i not in ctx.token_cluster
                  and ctx.case(c) in of for x in prep_args(ctx, c, of)
                  if ctx.clusters[x[0]].type in ("Company", "Organization")]
    return owners


def claimants(ctx: Context, attack: Token) -> list[Arg]:
    """Who claimed the attack a definite noun takes up, the last claim the text stated before it or
    in its sentence (an article's attack stays its topic): "l'EI a revendiqué les deux attentats
    ... Ce double attentat a été condamné par X" (X criticizes the EI), "l'attentat, revendiqué
    par Daech"."""
    if ctx.claims is None:
        ctx.claims = list(_claims(ctx))
    earlier = [who for i, who in ctx.claims if i < attack.sent.end]
    return [(c, "anaphor") for c, _ in earlier[-1]] if earlier else []


def _claims(ctx: Context) -> Iterator[tuple[int, list[Arg]]]:
    """Where the text says who claimed an attack: "X a revendiqué l'attentat", "l'attaque,
    revendiquée par X"."""
    attacks, claiming = ctx.lex.words("attack_nouns"), ctx.lex.words("claim_verbs")
    for verb in ctx.doc:
        if verb.lemma_.lower() not in claiming:
            continue
        claimed = [c for c in verb.children if c.dep_ in ("obj", "nsubj:pass")] + [verb.head]
        if "Part" in verb.morph.get("VerbForm"):  # "l'attentat, revendiqué par X": the parser may hang it elsewhere
            claimed += [t for t in ctx.doc[max(verb.sent.start, verb.i - 3):verb.i] if t.pos_ == "NOUN"]
        if not any(c.lemma_.lower() in attacks for c in claimed):
            continue
        agent = any(c.dep_ == "obl:agent" for c in verb.children)
        who = prep_args(ctx, verb, ctx.lex.preps("by")) if agent or passive(ctx, verb) else subjects(ctx, verb)
        who = [x for x in who if ctx.clusters[x[0]].type in ("Organization", "Company", "Government", "Person")]
        if who:
            yield verb.i, who


# -- names around a noun -----------------------------------------------------------------------
def apposed_name(ctx: Context, tok: Token) -> list[Arg]:
    """A name the parser hangs on the noun after it, with no preposition of its own:
    "le PDG Satya Nadella", "son rival américain Boeing" (the mention's own "de" counts:
    "le patron [de Novo] Nordisk")."""
    for c in tok.children:
        if c.i > tok.i and c.dep_ in ("appos", "flat:name", "nmod") and c.i in ctx.token_cluster \
                and not ctx.case(c):
            return expand(ctx, c)
    return []


def named_before(ctx: Context, tok: Token) -> list[Arg]:
    """The name a noun stands in apposition to, read linearly: "Alphabet, la maison mère de ..."."""
    doc = ctx.doc
    prev = tok.i - 1
    while prev > 0 and doc[prev].pos_ in ("DET", "ADJ") and doc[prev].text[:1].islower():
        prev -= 1
    if prev > 0 and doc[prev].text == ",":
        name = prev - 1
        if doc[name].text == ")":  # "Angela Merkel (CDU), chancelière allemande"
            name = next((i for i in range(name - 1, max(name - 12, tok.sent.start - 1), -1) if doc[i].text in "()"), -1)
            name = name - 1 if name > 0 and doc[name].text == "(" else -1
        if name >= 0 and name in ctx.token_cluster:
            return [(ctx.token_cluster[name], "")]
    return []
