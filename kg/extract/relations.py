"""Relations between clusters of mentions, read from spaCy's Universal Dependencies parse.

Constructions, each named on the evidence it produces:

- ``title``: "le PDG de Microsoft Satya Nadella", "Isabelle Kocher, directrice générale d'Engie",
  "le président américain Donald Trump" (LEADS the country of the adjective);
- ``nationality``: "le Trésor américain" (PART_OF), "le groupe chinois Huawei" (BASED_IN);
- ``verb``: a trigger verb with its subject (through control, relatives, passives) and object;
- ``noun``: a nominalisation, "le rachat de X par Y", "l'achat de X" (agent from the governing verb);
- ``between``: "la fusion entre X et Y", "des conversations entre X et Y";
- ``located``: "les opérations de X aux États-Unis", "X, interdit en Chine";
- ``related``: any other verb linking two entities, kept as RELATED_TO with its lemma;
- ``implied``: what a relation presupposes (selling X means owning X).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from kg.extract.lexicon import Lexicon
from kg.extract.mentions import Cluster, Mention, after_trade, compound_lemma
from kg.model import normalize_name
from kg.schema import SYMMETRIC_TYPES

SUBJ = ("nsubj", "expl:subj")
ARG_DEPS = ("nmod", "obl", "obl:arg", "obl:mod", "obl:agent", "iobj", "acl", "advcl")
SUBJECT_PRONOUNS = {"il", "elle"}
OBJECT_CLITICS = {"le", "la", "l'", "l’", "les"}
DE_FORMS = frozenset({"de", "d'", "du", "des"})
RELATIVES = {"qui", "lequel", "laquelle", "lesquels", "lesquelles"}
ACTOR_TYPES = ("Company", "Person", "Government", "Organization")
#: Relations whose subject is the author of a decision a later noun takes up ("cette décision").
ACT_TYPES = ("SANCTIONS", "BLOCKS", "APPROVES", "REGULATES", "BANS", "SUES")
#: Relations whose object may be named through what they judge ("soutient les projets de X").
DECISION_TYPES = ("APPROVES", "BLOCKS", "REGULATES", "SUPPORTS", "CRITICIZES", "BANS", "SANCTIONS")
#: Dependencies through which a trigger inherits the mood of its governor.
TRANSPARENT = ("obj", "nmod", "xcomp", "obl:arg", "acl", "amod", "fixed", "flat", "iobj", "conj", "advcl")


@dataclass(frozen=True)
class RawRelation:
    subject: int
    type: str
    object: int
    predicate: str
    modality: str
    confidence: float
    construction: str
    sentence: Span
    resolution: str = ""


class DocReader:
    """Reads one document: coreference links, then relations."""

    def __init__(self, doc: Doc, mentions: list[Mention], clusters: list[Cluster], lex: Lexicon,
                 titles: dict[str, str], title_of) -> None:
        self.doc = doc
        self.lex = lex
        self.clusters = clusters
        self.mentions = mentions
        self.titles = titles
        self.title_of = title_of
        self.token_cluster: dict[int, int] = {}
        self.mention_at: dict[int, Mention] = {}
        for m in mentions:
            for i in range(m.start, m.end):
                self.token_cluster[i] = m.cluster
                self.mention_at[i] = m
        self.coref: dict[int, tuple[int, str]] = {}
        self.plural: dict[int, list[int]] = {}  # "les deux groupes" -> the two last named
        self.deals: list[tuple[int, list[tuple[int, str]]]] = []  # (trigger, buyer or both merging parties)
        self.acts: list[tuple[int, list[tuple[int, str]]]] = []  # (trigger, [who decided, sanctioned, ...])
        self.verbs = lex.data["verb_triggers"]
        self.nouns = lex.data["noun_triggers"]
        self.demonyms = lex.demonyms
        self.extra_clusters: dict[str, int] = {}
        self.nationality = self._stated_nationalities()
        self._resolve_coreference()

    # -- coreference -----------------------------------------------------------------------
    def _resolve_coreference(self) -> None:
        coref_nouns = self.lex.coref_nouns()
        doc = self.doc
        for tok in doc:
            if tok.i in self.token_cluster:
                continue
            low = tok.lower_
            if tok.pos_ == "PRON" and low in SUBJECT_PRONOUNS and tok.dep_ in (*SUBJ, "nsubj:pass"):
                target = self._antecedent(tok, ACTOR_TYPES, prefer_subject=True)
                if target is not None:
                    self.coref[tok.i] = (target, "pronoun")
            elif (tok.pos_ == "PRON" and low in OBJECT_CLITICS and tok.dep_ == "obj") or self._det_clitic(tok):
                excluded = {c for c, _ in self._subjects(tok.head)}
                target = self._antecedent(tok, ("Company", "Organization"), exclude=excluded)
                if target is not None:
                    self.coref[tok.i] = (target, "clitic")
            elif tok.pos_ == "NOUN" and tok.lemma_.lower() in coref_nouns and self._pair(tok):
                self._resolve_pair(tok, coref_nouns[tok.lemma_.lower()])
            elif tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in coref_nouns:
                if not self._definite(tok) or self._named(tok) or "Plur" in tok.morph.get("Number"):
                    continue  # "les entreprises américaines" is no one entity
                etype = coref_nouns[tok.lemma_.lower()]
                title = self.title_of(doc, tok) if etype == "Person" else None
                subject = tok.dep_ in (*SUBJ, "nsubj:pass")
                # in object position, "le groupe" is not the clause's own subject
                excluded = set() if subject else {c for c, _ in self._clause_subjects(tok)}
                demonyms = [self._demonym(c) for c in tok.children if c.dep_ == "amod" and self._demonym(c)]
                specific = bool(demonyms)
                target = self._named_after(tok, (etype,), demonyms[0]) if demonyms else None
                if demonyms:  # "le constructeur français" is not the one the text called Chinese
                    excluded |= {c for c, country in self.nationality.items() if country != demonyms[0]}
                if target is None:
                    excluded |= self._described_otherwise(tok.lemma_.lower())
                    # two descriptions in one sentence are two entities ("Le fabricant ... l'offre du groupe")
                    excluded |= {c for i, (c, how) in self.coref.items()
                                 if how == "description" and not any(t.text in ".!?" for t in doc[i:tok.i])}
                    target = self._antecedent(tok, (etype,), exclude=excluded, title=title,
                                              prefer_subject=etype != "Person", specific=specific)
                if target is None and etype == "Company":
                    # "X a publié ... La société ..." where NER took X for a place: the noun says what X is
                    target = self._antecedent(tok, ("Location", "Person"), prefer_subject=True, retypable=True)
                    if target is not None:
                        self.clusters[target].type = "Company"
                if target is not None:
                    self.coref[tok.i] = (target, "description")

    def _stated_nationalities(self) -> dict[int, str]:
        """Country of each entity the text gives one: "le chinois Geely", "le groupe suédois X"."""
        out: dict[int, str] = {}
        for m in self.mentions:
            if m.country and self.clusters[m.cluster].type != "Country":
                out.setdefault(m.cluster, m.country)
            i = m.start - 1
            while i >= 0 and m.start - i <= 3 and self.doc[i].text[:1].islower() \
                    and self.doc[i].pos_ in ("ADJ", "NOUN", "DET"):
                country = self._demonym(self.doc[i])
                if country:
                    out.setdefault(m.cluster, country)
                    break
                i -= 1
        return out

    def _pair(self, tok: Token) -> bool:
        """ "les deux groupes", "les deux entreprises": a plural description of two."""
        two = self.lex.words("two")
        return "Plur" in tok.morph.get("Number") and any(c.dep_ == "nummod" and c.lower_ in two for c in tok.children)

    def _resolve_pair(self, tok: Token, etype: str) -> None:
        """The two entities of the type named last before ``tok`` (within four sentences)."""
        sent_starts = [s.start for s in self.doc.sents if s.start <= tok.i][-4:]
        lower = sent_starts[0] if sent_starts else 0
        found: list[int] = []
        for m in reversed(self.mentions):
            c = self.clusters[m.cluster]
            if lower <= m.start < tok.i and self._may_be(c.id, [etype]) and c.id not in found \
                    and not self._cited_source(m):
                found.append(c.id)
            if len(found) == 2:  # in the order the text first names them
                self.plural[tok.i] = sorted(found, key=lambda c: self._position(c, tok))
                return

    def _described_otherwise(self, noun: str) -> set[int]:
        """Entities introduced with another specific noun: "l'opérateur" is not "le fonds KKR"
        (generic nouns such as "la société" or "le groupe" fit any company)."""
        generic = self.lex.words("generic_descriptions")
        if noun in generic:
            return set()
        return {m.cluster for m in self.mentions if m.cue and m.cue != noun and m.cue not in generic}

    def _named_after(self, tok: Token, types: tuple[str, ...], country: str) -> int | None:
        """ "La compagnie française" after "Air France-KLM et Delta": the recent name that
        carries the country's name is the one meant."""
        key = normalize_name(country).split()[0][:5]
        for m in reversed(self.mentions):
            if m.start >= tok.i or tok.i - m.start > 60:
                continue
            c = self.clusters[m.cluster]
            if c.type in types and key in normalize_name(c.name):
                return c.id
        return None

    def _clause_subjects(self, tok: Token) -> list[tuple[int, str]]:
        """The subject of the verb governing ``tok`` (through nouns and prepositions)."""
        head = tok.head
        for _ in range(4):
            if head.pos_ in ("VERB", "AUX") or head.head.i == head.i:
                break
            head = head.head
        return [self.cluster_of(c) for c in head.children
                if c.dep_ in (*SUBJ, "nsubj:pass") and c.i < tok.i and self.cluster_of(c)]

    def _definite(self, tok: Token) -> bool:
        """Has a definite or demonstrative article, also a contracted one ("au groupe", "du géant")."""
        if any(c.dep_ == "det" and c.lemma_.lower() in ("le", "ce") for c in tok.children):
            return True
        i = tok.i - 1
        while i >= 0 and self.doc[i].pos_ == "ADJ":
            i -= 1
        return i >= 0 and self.doc[i].lower_ in ("du", "au", "aux", "le", "la", "l'", "l’", "ce", "cet", "cette")

    def _named(self, tok: Token) -> bool:
        """A noun followed by its own name ("le groupe Y"), or a title with its organisation
        ("le président de X"): not a description that refers back."""
        is_title = self.title_of(self.doc, tok) is not None
        for c in tok.children:
            if c.i <= tok.i or c.dep_ not in ("flat:name", "appos", "nmod"):
                continue
            if self._case(c) and not is_title:
                continue  # "le fabricant de l'iPhone" still refers back
            if c.i in self.token_cluster or c.pos_ == "PROPN":
                return True
        j = tok.i + 1
        while j < len(self.doc) and self.doc[j].pos_ == "ADJ":
            j += 1
        named = self._after_naming(j)
        if named != j:
            return named in self.token_cluster  # "la nouvelle société, baptisée Horse"
        return j in self.token_cluster  # "le laboratoire [britannique] AstraZeneca"

    def _after_naming(self, j: int) -> int:
        """Past a naming participle: "[, baptisée] Horse", "[appelée] X"."""
        naming = self.lex.words("naming_words")
        if j + 1 < len(self.doc) and self.doc[j].text == "," and self.doc[j + 1].lower_ in naming:
            return j + 2
        return j + 1 if j < len(self.doc) and self.doc[j].lower_ in naming else j

    def _antecedent(self, tok: Token, types: tuple[str, ...], exclude: set[int] = frozenset(),
                    title: str | None = None, prefer_subject: bool = False, retypable: bool = False,
                    specific: bool = False) -> int | None:
        sent_starts = [s.start for s in self.doc.sents if s.start <= tok.i][-4:]
        lower = sent_starts[0] if sent_starts else 0
        fallback = None
        # names, and the pronouns and descriptions already resolved ("Le groupe a annoncé ...")
        spots = [(m.start, m.cluster, m) for m in self.mentions]
        spots += [(i, cid, None) for i, (cid, _) in self.coref.items()]
        for start, cid, m in sorted(spots, key=lambda s: -s[0]):
            if start >= tok.i or start < lower:
                continue
            c = self.clusters[cid]
            if c.type not in types or c.id in exclude or c.weak or (m is not None and self._cited_source(m)):
                continue
            if retypable and any(x.source == "gazetteer" or (c.type == "Person" and x.end - x.start > 1)
                                 for x in c.mentions):
                continue  # a known place, or a person's full name, is no company
            if title is not None:
                if any(x.title == title for x in c.mentions):
                    return c.id
                if fallback is None and specific:
                    fallback = c.id  # "le président chinois": the last person named, if none had the title
                continue
            subject = self._is_subject(m) if m is not None else self.doc[start].dep_ in (*SUBJ, "nsubj:pass")
            if not prefer_subject or subject:
                return c.id
            if fallback is None:
                fallback = c.id
        return fallback

    def _cited_source(self, m: Mention) -> bool:
        """A source in an incise ("..., affirme le Wall Street Journal", "selon Les Échos"): not
        what is talked about."""
        if m.start > 0 and self.doc[m.start - 1].lower_ in self.lex.words("source_markers"):
            return True
        root = self.doc[m.start:m.end].root
        head = root.head
        return root.dep_ in SUBJ and head.i < m.start and head.lemma_.lower() in self.lex.words("reporting_verbs")

    def _is_subject(self, m: Mention) -> bool:
        """The mention is a clause's subject, or names it ("Le milliardaire Elon Musk a ...")."""
        root = self.doc[m.start:m.end].root
        if root.dep_ in (*SUBJ, "nsubj:pass", "dep"):
            return True
        if root.dep_ in ("appos", "flat:name") and root.head.dep_ in (*SUBJ, "nsubj:pass"):
            return True
        title = root.head if root.dep_ == "nmod" else None
        if title is not None and self.title_of(self.doc, title) and title.dep_ == "appos" \
                and title.head.dep_ in (*SUBJ, "nsubj:pass"):
            return True  # "Bernard Arnault, PDG de [LVMH], a racheté ...": the subject's organisation
        nxt = self.doc[m.end] if m.end < len(self.doc) else None
        return nxt is not None and nxt.pos_ in ("AUX", "VERB") and "Fin" in nxt.morph.get("VerbForm")

    # -- arguments -------------------------------------------------------------------------
    def cluster_of(self, tok: Token) -> tuple[int, str] | None:
        """The cluster a token stands for, directly, through a title noun, or by coreference."""
        if tok.i in self.token_cluster:
            return self.token_cluster[tok.i], ""
        if tok.i in self.coref:
            return self.coref[tok.i]
        if tok.pos_ in ("NOUN", "ADJ", "PROPN", "X"):
            # "le PDG de Microsoft Satya Nadella", "le groupe chinois Huawei": a noun introducing a name
            if self.title_of(self.doc, tok) is not None:
                for c in tok.children:
                    if c.i > tok.i and c.i in self.token_cluster and c.dep_ in ("appos", "flat:name", "nmod") \
                            and not self._case(c):
                        return self.token_cluster[c.i], ""
            if not tok.text[:1].islower():
                return None
            j = tok.i + 1
            while j + 1 < len(self.doc) and self.doc[j].text == "-":  # "la start-up X"
                j += 2
            while j < len(self.doc) and self.doc[j].pos_ == "ADJ" and self.doc[j].text[:1].islower():
                j += 1
            j = self._after_naming(j)
            if compound_lemma(tok) in self.lex.words("company_cues"):
                j = after_trade(self.doc, j)
            m = self.mention_at.get(j)
            if m is None and j + 1 < len(self.doc) and self.doc[j].pos_ == "DET" and self.doc[j].text[:1].isupper():
                m = self.mention_at.get(j + 1)  # "le journal Le Parisien"
                j += 1
            if m is not None and m.start == j:
                return m.cluster, ""
        return None

    @staticmethod
    def _has_case(tok: Token) -> bool:
        return any(c.dep_ == "case" for c in tok.children)

    def expand(self, tok: Token) -> list[tuple[int, str]]:
        """The clusters of ``tok`` and of the tokens coordinated with it."""
        out: list[tuple[int, str]] = []
        seen: set[int] = set()
        todo = [tok]
        while todo:
            t = todo.pop(0)
            if t.i in seen:
                continue
            seen.add(t.i)
            found = self.cluster_of(t)
            if found and found[0] not in {c for c, _ in out}:
                out.append(found)
            out += [(c, "plural") for c in self.plural.get(t.i, []) if c not in {x for x, _ in out}]
            span = [t]
            if t.i in self.mention_at:
                m = self.mention_at[t.i]
                span = list(self.doc[m.start:m.end])
            for s in span:
                todo += [c for c in s.children if c.dep_ == "conj" and c.i not in seen]
            if t.i in self.mention_at:
                left = self._stray_coordinate(self.mention_at[t.i])
                if left is not None and left.start not in seen:
                    todo.append(self.doc[left.start])
        return out

    def _first_and_others(self, args: list[tuple[int, str]], tok: Token):
        """Both ends of a symmetric relation stated with a plural subject, in the order of the text."""
        ordered = sorted(args, key=lambda a: self._position(a[0], tok))
        return ordered[:1], ordered[1:]

    def _position(self, cluster: int, tok: Token) -> int:
        """Where the text first names a cluster (its order in "X et Y ont ...")."""
        return min((m.start for m in self.mentions if m.cluster == cluster), default=tok.i)

    def _stray_coordinate(self, m: Mention) -> Mention | None:
        """ "X et Y ont signé": the name before "et" that the parser left out of the clause."""
        i = m.start - 1
        if i < 1 or self.doc[i].lower_ not in self.lex.words("coordinators"):
            return None
        left = self.mention_at.get(i - 1)
        if left is None:
            return None
        root = self.doc[left.start:left.end].root
        argument = ("obj", "nsubj", "nsubj:pass", "obl", "obl:arg", "obl:mod", "obl:agent", "nmod", "iobj", "appos")
        return None if root.dep_ in argument else left

    def _case(self, tok: Token) -> str:
        marks = [c.lower_ for c in tok.children if c.dep_ in ("case", "fixed", "mark") and c.i < tok.i]
        if not marks and tok.i in self.mention_at:
            m = self.mention_at[tok.i]
            marks = [c.lower_ for t in self.doc[m.start:m.end] for c in t.children
                     if c.dep_ == "case" and c.i < m.start]
            if not marks and m.start > 0 and self.doc[m.start - 1].pos_ == "ADP":
                marks = [self.doc[m.start - 1].lower_]
        return " ".join(marks).replace("’", "'")

    def prep_args(self, head: Token, preps: tuple[str, ...]) -> list[tuple[int, str]]:
        out: list[tuple[int, str]] = []
        # "auprès de X": the parser hangs X under the adverb "auprès"
        inner = [(c, p.split(" ", 1)[1]) for p in preps if " " in p for c in head.children
                 if c.lower_ == p.split(" ", 1)[0] and c.pos_ in ("ADV", "ADP")]
        candidates = [(c, preps) for c in head.children] + [(c, (rest,)) for a, rest in inner for c in a.children]
        for c, wanted in candidates:
            if c.dep_ in ARG_DEPS or c.dep_ == "conj":
                case = self._case(c)
                if case and any(case == p or case.endswith(" " + p) or case.startswith(p + " ") for p in wanted):
                    found = self.expand(c) or self._owner_of_aspect(c) or self._members(c)
                    out += [x for x in found if x not in out]
        return out

    def _members(self, tok: Token) -> list[tuple[int, str]]:
        """The named members of a group noun: "plusieurs investisseurs, dont Nvidia et Samsung"."""
        markers = self.lex.words("member_markers")
        found = [x for c in tok.children if c.i in self.token_cluster and any(m.lower_ in markers for m in c.children)
                 for x in self.expand(c)]
        if found:
            return found
        # read linearly: ", dont le fonds américain X et le groupe Y"
        j = tok.i + 1 + (tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].text == ",")
        if j >= len(self.doc) or self.doc[j].lower_ not in markers:
            return []
        out: list[tuple[int, str]] = []
        j += 1
        while j < tok.sent.end:
            if self.doc[j].text[:1].islower() and self.doc[j].pos_ in ("DET", "ADJ", "NOUN") and j not in self.token_cluster:
                j += 1
            elif j in self.mention_at and self.mention_at[j].start == j:
                out.append((self.mention_at[j].cluster, ""))
                j = self.mention_at[j].end
                if j < tok.sent.end and (self.doc[j].text == "," or self.doc[j].lower_ in self.lex.words("coordinators")):
                    j += 1
                else:
                    break
            else:
                break
        return out

    def _owner_of_aspect(self, tok: Token) -> list[tuple[int, str]]:
        """Whose practices, accounts or activities: "une enquête sur [les pratiques de] Google"."""
        if tok.lemma_.lower() not in self.lex.words("aspect_nouns"):
            return []
        out = []
        for c in tok.children:
            if c.dep_ == "nmod" and self._case(c) in ("de", "d'", "du", "des"):
                # "le projet de fusion entre X et Y": the parties of the deal
                out += self.expand(c) or (self._deal_or_self(c, "REGULATES") if c.lemma_.lower() in self.nouns else [])
        return out

    def complements(self, tok: Token, preps: tuple[str, ...]) -> list[tuple[int, str]]:
        """Prepositional complements of ``tok`` from the parse, or read linearly when the parser
        attached them elsewhere: "l'acquisition [de la start-up américaine] Pony.ai"."""
        found = self.prep_args(tok, preps)
        if found:
            return found
        i = tok.i + 1
        sent_end = tok.sent.end
        while i < sent_end and self.doc[i].pos_ == "ADJ":
            i += 1
        if i >= sent_end or self.doc[i].lower_.replace("’", "'") not in preps:
            return []
        i += 1
        for j in range(i, min(i + 6, sent_end)):
            t = self.doc[j]
            if j in self.token_cluster:
                first = (self.token_cluster[j], "")
                rest = self._listed_after(first[0], tok.sent, tuple({c.type for c in self.clusters}))
                return [first, *[r for r in rest if r != first]]
            if t.pos_ in ("VERB", "AUX", "SCONJ", "CCONJ", "PRON") or (t.pos_ == "PUNCT" and t.text != "-") \
                    or t.lower_ in ("de", "d'", "du", "des", "par", "pour", "avec"):
                return []
        return []

    def _subjects(self, verb: Token, depth: int = 0) -> list[tuple[int, str]]:
        """Who does ``verb``: its subject, or the controller of an infinitive or participle."""
        if depth > 5:
            return []
        subjects = [c for c in verb.children if c.dep_ in SUBJ]
        for c in subjects:  # "Le ministre des Finances, [Rachel Reeves], a rencontré": two subjects in the parse
            if c.lower_ in RELATIVES:
                return self._enumeration_before(c)
            found = self.expand(c)
            if found:
                return found
        if subjects:
            return []
        if self._passive(verb):
            return [x for c in verb.children if c.dep_ == "obl:agent" for x in self.expand(c)]
        for c in verb.children:
            if c.dep_ == "nsubj:pass":
                return self.expand(c)
        head = verb.head
        if head.i == verb.i:
            return self._left_subject(verb)
        if "Fin" in verb.morph.get("VerbForm"):
            found = self._left_subject(verb)
            if found or verb.dep_ != "conj":
                return found
        if verb.dep_ in ("xcomp", "obl:arg", "advcl", "conj", "ccomp"):
            if head.lemma_.lower() in self.lex.words("object_control_verbs"):
                objs = self._objects(head)
                if objs:
                    return objs
            if head.pos_ in ("VERB", "AUX", "ADJ") or (head.pos_ == "NOUN" and depth < 3):
                return self._subjects(head, depth + 1)
            return []
        if verb.dep_ in ("acl", "acl:relcl"):
            if head.lemma_.lower() in self.lex.words("decision_nouns"):  # "la décision de X de sanctionner"
                return [x for x in self.prep_args(head, ("de", "d'", "du", "des"))
                        if self.clusters[x[0]].type in (*ACTOR_TYPES, "Country")]
            return self.expand(head)
        if verb.pos_ == "NOUN" and verb.dep_ in ("obl:mod", "nmod", "obj", "obl", "obl:arg"):
            return self._subjects(head, depth + 1)
        return []

    def _passive(self, verb: Token) -> bool:
        """A true passive has a passive auxiliary (the parser sometimes marks nsubj:pass alone), or is
        a participle with its agent after a name: "la société, dirigée par X"."""
        return any(c.dep_ == "aux:pass" for c in verb.children) or (
            verb.dep_ == "acl" and "Part" in verb.morph.get("VerbForm")
            and any(c.dep_ == "obl:agent" for c in verb.children) and bool(self.expand(verb.head)))

    def _left_subject(self, verb: Token) -> list[tuple[int, str]]:
        """A subject the parser missed, right before the verb: "parce que X doit ..."."""
        i = verb.i - 1
        limit = verb.i - 4
        # not bounded by the parser's sentence: it sometimes cuts "Pékin | a interdit ..."
        while i >= 0 and i >= limit:
            t = self.doc[i]
            if i in self.token_cluster:
                return [(self.token_cluster[i], "")] + self._coordinated_before(self.mention_at[i])
            if t.text == "," and all(x.pos_ in ("AUX", "ADV") for x in self.doc[i + 1:verb.i]):
                i = self._before_apposition(i)  # "X, le régulateur des télécoms, examinerait"
                limit = i
                continue
            if t.pos_ not in ("AUX", "ADV", "PRON", "PART") or t.lower_ in ("qui", "que"):
                return []
            i -= 1
        return []

    def _before_apposition(self, comma: int) -> int:
        """The token before an apposition that ends at ``comma`` (", le régulateur des télécoms,"),
        or -1 when there is none."""
        j = comma - 1
        while j > 0 and comma - j <= 8 and self.doc[j].text != ",":
            if self.doc[j].pos_ in ("VERB", "AUX") or j in self.token_cluster:
                return -1
            j -= 1
        if j <= 0 or self.doc[j].text != "," or self.doc[j + 1].pos_ != "DET" or not self.doc[j + 1].text[:1].islower():
            return -1
        return j - 1

    def _coordinated_before(self, m: Mention) -> list[tuple[int, str]]:
        """ "X et Y négocient": the names coordinated before a subject found by position."""
        out = []
        while True:
            i = m.start - 1  # past a description: "Sanofi et [le laboratoire britannique] AstraZeneca"
            while i > 0 and self.doc[i].text[:1].islower() and self.doc[i].pos_ in ("DET", "ADJ", "NOUN") \
                    and i not in self.token_cluster:
                i -= 1
            if i < 1 or not (self.doc[i].text == "," or self.doc[i].lower_ in self.lex.words("coordinators")) \
                    or (i - 1) not in self.mention_at:
                return out
            m = self.mention_at[i - 1]
            out.append((m.cluster, ""))

    def _enumeration_before(self, tok: Token) -> list[tuple[int, str]]:
        """The listed names a relative pronoun takes up: "X, Y et Z (qui ...)"."""
        out: list[int] = []
        i = tok.i - 1
        while i >= tok.sent.start and self.doc[i].text in ("(", ",", "—", "–"):
            i -= 1
        while i >= tok.sent.start and i in self.mention_at:
            m = self.mention_at[i]
            if m.cluster not in out:
                out.insert(0, m.cluster)
            i = m.start - 1
            if i >= tok.sent.start and (self.doc[i].text == "," or self.doc[i].lower_ in self.lex.words("coordinators")):
                i -= 1
            else:
                break
        if out:
            return [(c, "relative") for c in out]
        head = tok.head.head if tok.head.dep_ in ("acl:relcl",) else tok.head
        return self.expand(head) if head.i != tok.i else []

    def _objects(self, verb: Token) -> list[tuple[int, str]]:
        return [x for c in verb.children
                if (c.dep_ == "obj" and not self._after_preposition(c, DE_FORMS)) or self._det_clitic(c) or (c.dep_ == "xcomp" and c.i in self.token_cluster)
                # a second "subject" after the verb, when one stands before it: an object
                or (c.dep_ == "nsubj" and c.i > verb.i and any(x.dep_ in SUBJ and x.i < verb.i for x in verb.children))
                # a bare name after the verb that the parser attached as a modifier: an object
                or (c.dep_ in ("nmod", "obl", "obl:mod", "advmod", "dep") and c.i > verb.i
                    and c.i in self.token_cluster and not self._case(c) and not self._after_preposition(c))
                for x in self.expand(c)]

    def _after_preposition(self, tok: Token, but: frozenset[str] = frozenset()) -> bool:
        """The name is read after a preposition (other than ``but``) and its noun: "à la compagnie
        [Chappal Energies]", "au chinois [Tencent]"."""
        m = self.mention_at.get(tok.i)
        i = (m.start if m is not None else tok.i) - 1
        while i >= 0 and self.doc[i].text[:1].islower() and self.doc[i].pos_ in ("DET", "ADJ", "NOUN"):
            i -= 1
        return i >= 0 and self.doc[i].pos_ == "ADP" and self.doc[i].lower_.replace("’", "'") not in but

    @staticmethod
    def _det_clitic(tok: Token) -> bool:
        """An object clitic the parser took for a determiner: "à la posséder"."""
        return tok.dep_ == "det" and tok.lower_ in OBJECT_CLITICS and tok.head.pos_ == "VERB" \
            and tok.head.i == tok.i + 1 and "Inf" in tok.head.morph.get("VerbForm")

    # -- modality --------------------------------------------------------------------------
    def modality(self, trigger: Token) -> str:
        lex = self.lex
        neg_markers = lex.words("negation_markers")
        neg_verbs = lex.words("negation_verbs")
        hedge_verbs = lex.words("hedge_verbs")
        hedge_nouns = lex.words("hedge_nouns")
        hedge_adjs = lex.words("hedge_adjectives")
        hedge_marks = lex.words("hedge_markers")
        path = [trigger]
        t = trigger
        while t.head.i != t.i and len(path) < 8:
            if t.dep_ not in TRANSPARENT or (t.dep_ == "conj" and t.head.pos_ in ("VERB", "AUX")):
                break
            t = t.head
            path.append(t)
        hedged = False
        for k, tok in enumerate(path):
            lemma = tok.lemma_.lower()
            kids = list(tok.children)
            if any(c.lower_ in neg_markers and c.dep_ in ("advmod", "det", "cc") for c in kids) \
                    or (k > 0 and lemma in neg_verbs):
                return "negated"
            if self._conditional(tok):
                hedged = True
            if k > 0 and (lemma in hedge_verbs or lemma in hedge_nouns or lemma in hedge_adjs):
                hedged = True
            if any(c.dep_ == "amod" and c.lemma_.lower() in hedge_adjs for c in kids):
                hedged = True
            if any(c.lower_ in hedge_marks and c.dep_ in ("mark", "case", "advmod") for c in kids):
                hedged = True
            if any(c.dep_ == "aux" and c.lemma_.lower() in hedge_verbs for c in kids):
                hedged = True
        return "hedged" if hedged else "asserted"

    def _conditional(self, tok: Token) -> bool:
        """Conditional mood, also where the tagger says indicative ("couvrirait")."""
        if "Cnd" in tok.morph.get("Mood"):
            return True
        return tok.pos_ in ("VERB", "AUX") and "Fin" in tok.morph.get("VerbForm") \
            and tok.lower_.endswith(tuple(self.lex.data["conditional_endings"]))

    # -- relations -------------------------------------------------------------------------
    def relations(self) -> Iterator[RawRelation]:
        for sent in self.doc.sents:
            for tok in sent:
                yield from self._title(tok, sent)
                yield from self._trigger(tok, sent)
        yield from self._nationalities()

    def _make(self, s: tuple[int, str], rtype: str, o: tuple[int, str], predicate: str,
              trigger: Token, construction: str, modality: str | None = None) -> Iterator[RawRelation]:
        if s[0] == o[0]:
            return
        if rtype in SYMMETRIC_TYPES and self._position(o[0], trigger) < self._position(s[0], trigger):
            s, o = o, s  # either way round: the one the text names first comes first
        if rtype in ("ACQUIRES", "MERGES_WITH", "INVESTS_IN"):
            self.deals.append((trigger.i, [s, o] if rtype == "MERGES_WITH" else [s]))
        elif rtype in ACT_TYPES:
            self.acts.append((trigger.i, [s]))
        mod = modality or self.modality(trigger)
        conf = self.lex.confidence(construction)
        how = ",".join(sorted({r for r in (s[1], o[1]) if r}))
        if how:
            conf -= self.lex.confidence("coref_penalty")
        if mod == "hedged":
            conf -= self.lex.confidence("hedged_penalty")
        yield RawRelation(s[0], rtype, o[0], predicate, mod, round(max(conf, 0.05), 3), construction,
                          trigger.sent, how)

    def _typed(self, pairs: Iterator[tuple[tuple[int, str], tuple[int, str]]], spec: dict) -> Iterator[tuple]:
        st, ot = spec.get("subject_types"), spec.get("object_types")
        for s, o in pairs:
            if st and not self._may_be(s[0], st):
                continue
            if ot and not self._may_be(o[0], ot):
                continue
            yield s, o

    def _may_be(self, cluster: int, types: list[str]) -> bool:
        """The cluster has one of ``types``, or is a name the NER took for a place that a
        company-typed slot may turn into a company (see the component's retyping)."""
        c = self.clusters[cluster]
        if c.type in types:
            return True
        return "Company" in types and c.type == "Location" and not any(m.source == "gazetteer" for m in c.mentions)

    def _title(self, tok: Token, sent: Span) -> Iterator[RawRelation]:
        title = self.title_of(self.doc, tok)
        if not title or tok.i in self.token_cluster:
            return
        rtype = self.titles[title]
        if self._former(tok):
            return  # "l'ancien patron du constructeur": a past role, not who heads it now
        persons = [c for c in self._title_holders(tok) if self.clusters[c[0]].type == "Person"]
        if not persons:
            return
        org_types = ("Company", "Government", "Organization", "Country")
        orgs = [x for x in self.complements(tok, ("de", "d'", "du", "des")) if self.clusters[x[0]].type in org_types]
        if not orgs and self._possessive(tok):
            # "son directeur général X": the organisation is the possessor named before
            owners = ("Company", "Organization") if rtype == "FOUNDED" else ("Company", "Organization", "Government")
            orgs = self._possessor(tok, owners)
        mod = "negated" if self.modality(tok) == "negated" else "asserted"
        for p in persons:
            for o in orgs:
                yield from self._make(p, rtype, o, title, tok, "title", mod)
        if title in self.lex.words("head_of_state_titles") and not orgs:
            after = self.doc[tok.i + 1:min(tok.i + 1 + len(title.split()) + 1, len(self.doc))]
            for adj in [*tok.children, *after]:
                country = self._demonym(adj) if adj.dep_ == "amod" or adj in after else None
                if country:
                    c = self._country_cluster(country)
                    for p in persons:
                        yield from self._make(p, "LEADS", (c, ""), title, tok, "title", mod)

    def _former(self, tok: Token) -> bool:
        """The title is marked as a past one: "ancien PDG", "ex-ministre", "l'ex PDG"."""
        markers = self.lex.words("former_markers")
        if tok.lower_.split("-")[0] in markers and "-" in tok.text:
            return True
        i = tok.i - 1
        if i >= 1 and self.doc[i].text == "-":
            i -= 1
        return (i >= 0 and self.doc[i].lower_ in markers) or any(
            c.dep_ == "amod" and c.lower_ in markers for c in tok.children)

    @staticmethod
    def _possessive(tok: Token) -> bool:
        """ "son patron", "ses activités": the noun has a possessive determiner."""
        return any(c.dep_ == "det" and "Yes" in c.morph.get("Poss") for c in tok.children)

    def _possessor(self, tok: Token, types: tuple[str, ...], exclude: set[int] = frozenset()) -> list[tuple[int, str]]:
        """Whom "son"/"ses" refers to: the clause's own subject if it can be, else the last subject named."""
        subjects = [c for c, _ in self._clause_subjects(tok) if self.clusters[c].type in types and c not in exclude]
        owner = subjects[0] if subjects else self._antecedent(tok, types, exclude=exclude, prefer_subject=True)
        return [(owner, "possessive")] if owner is not None else []

    def _title_holders(self, tok: Token) -> list[tuple[int, str]]:
        verb = tok.head
        if tok.dep_ == "xcomp" and (self._passive(verb) or verb.lemma_.lower() in self.lex.words("copular_verbs")):
            # "X a été élu président de Y", "X est devenu directeur de Y"
            held = [x for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass") for x in self.expand(c)]
            if held:
                return held
        apposed = self._apposed_name(tok)
        if apposed:
            return apposed
        if (tok.dep_ == "appos" or (tok.dep_ == "nmod" and not self._has_case(tok))) \
                and tok.head.i in self.token_cluster and tok.head.i < tok.i:
            return [(self.token_cluster[tok.head.i], "")]
        # linear reading: "le PDG [de Danone] Antoine de Saint-Affrique"
        nxt = tok.i + 1
        while nxt < len(self.doc) and self.doc[nxt].pos_ == "ADJ":
            nxt += 1
        if nxt < len(self.doc) and self.doc[nxt].lower_ in ("de", "d'", "d’", "du") and nxt + 1 in self.mention_at:
            nxt = self.mention_at[nxt + 1].end
        if nxt < len(self.doc) and nxt in self.token_cluster:
            return [(self.token_cluster[nxt], "")]
        # the name in apposition after the title: "Son gouverneur, François Villeroy de Galhau,"
        if nxt < len(self.doc) - 1 and self.doc[nxt].text == "," and (nxt + 1) in self.token_cluster \
                and self.clusters[self.token_cluster[nxt + 1]].type == "Person":
            return [(self.token_cluster[nxt + 1], "")]
        return self._named_before(tok)  # "Sundar Pichai, le patron de Google"

    def _apposed_name(self, tok: Token) -> list[tuple[int, str]]:
        """A name the parser hangs on the noun after it, with no preposition of its own:
        "le PDG Satya Nadella", "son rival américain Boeing" (the mention's own "de" counts:
        "le patron [de Novo] Nordisk")."""
        for c in tok.children:
            if c.i > tok.i and c.dep_ in ("appos", "flat:name", "nmod") and c.i in self.token_cluster \
                    and not self._case(c):
                return self.expand(c)
        return []

    def _named_before(self, tok: Token) -> list[tuple[int, str]]:
        """The name a noun stands in apposition to, read linearly: "Alphabet, la maison mère de ..."."""
        prev = tok.i - 1
        while prev > 0 and self.doc[prev].pos_ in ("DET", "ADJ") and self.doc[prev].text[:1].islower():
            prev -= 1
        if prev > 0 and self.doc[prev].text == "," and (prev - 1) in self.token_cluster:
            return [(self.token_cluster[prev - 1], "")]
        return []

    def _demonym(self, tok: Token) -> str | None:
        for form in (tok.lemma_.lower(), tok.lower_):
            if form in self.demonyms:
                return self.demonyms[form]
        return None

    def _country_cluster(self, country: str) -> int:
        for c in self.clusters:
            if c.type == "Country" and c.name == country:
                return c.id
        if country not in self.extra_clusters:
            cid = len(self.clusters)
            self.clusters.append(Cluster(cid, [], country, "Country"))
            self.extra_clusters[country] = cid
        return self.extra_clusters[country]

    def _nationalities(self) -> Iterator[RawRelation]:
        """ "le Trésor américain" -> PART_OF; "le groupe chinois Huawei" -> BASED_IN."""
        company_cues = self.lex.words("company_cues")
        person_nouns = {w for w, t in self.lex.coref_nouns().items() if t == "Person"}
        for m in self.mentions:
            c = self.clusters[m.cluster]
            span = self.doc[m.start:m.end]
            if c.type == "Person":  # "le milliardaire tchèque Daniel Kretinsky" (a title says whom one heads)
                i = m.start - 1
                while i > 0 and self.doc[i].text[:1].islower() and self._demonym(self.doc[i]):
                    i -= 1
                cue = self.doc[i]
                if i < m.start - 1 and cue.lemma_.lower() in person_nouns and not self.title_of(self.doc, cue):
                    yield from self._based_in((c.id, ""), self.doc[i + 1:m.start])
                continue
            if c.type == "Government":
                adjs = [t for t in span if self._demonym(t)]
                adjs += [a for t in span for a in t.children if a.dep_ == "amod" and self._demonym(a)]
                if adjs:
                    country = self._country_cluster(self._demonym(adjs[0]))
                    yield from self._make((c.id, ""), "PART_OF", (country, ""), adjs[0].lemma_.lower(),
                                          adjs[0], "nationality", "asserted")
            elif c.type in ("Company", "Organization"):
                if m.start >= 2 and self.doc[m.start - 2].pos_ == "DET" and self._demonym(self.doc[m.start - 1]) \
                        and self.doc[m.start - 1].text[:1].islower():
                    yield from self._based_in((c.id, ""), [self.doc[m.start - 1]])  # "le chinois Sinochem"
                    continue
                cue = self.doc[m.start - 1] if m.start > 0 else None
                while cue is not None and cue.text[:1].islower() and cue.i > 1:
                    if cue.pos_ == "ADJ" or self._demonym(cue):
                        cue = cue.nbor(-1)  # "le laboratoire [danois] X", tagged as the NER saw it
                    elif cue.pos_ in ("NOUN", "ADV") and cue.nbor(-1).lower_ in ("de", "d'", "d’"):
                        cue = cue.nbor(-2)  # "le fabricant chinois [de drones] DJI"
                    else:
                        break
                if cue is not None and compound_lemma(cue) in company_cues:
                    yield from self._based_in((c.id, ""), self.doc[cue.i:m.start])
                    continue
                # described right after: "EDF, son concurrent français,"
                j = m.end + 1
                if m.end < len(self.doc) and self.doc[m.end].text == "," and j < len(self.doc) and self.doc[j].pos_ == "DET":
                    j += 1
                    while j < len(self.doc) and self.doc[j].pos_ == "ADJ" and not self._demonym(self.doc[j]):
                        j += 1
                    if j + 2 < len(self.doc) and compound_lemma(self.doc[j]) in company_cues \
                            and self._demonym(self.doc[j + 1]) and self.doc[j + 2].text in (",", ")"):
                        yield from self._based_in((c.id, ""), [self.doc[j + 1]])
        # descriptions that refer back with a nationality: "Pékin reproche au groupe américain ..."
        described = [(i, cid, how) for i, (cid, how) in self.coref.items()]
        described += [(i, cid, "description") for i, cids in self.plural.items() for cid in cids]
        for i, cid, how in described:
            tok = self.doc[i]
            if how != "description" or tok.pos_ != "NOUN":
                continue
            adjs = [a for a in tok.children if a.dep_ == "amod" and self._demonym(a)]
            if self.clusters[cid].type in ("Company", "Organization"):
                for other in self.complements(tok, ("de", "d'", "du")):
                    kind = self.clusters[other[0]].type
                    if kind in ("Location", "Country") and other[0] != cid:  # "le groupe de Seattle"
                        yield from self._make((cid, how), "BASED_IN", other, tok.lemma_.lower(), tok, "nationality",
                                              "asserted")
                    elif kind == "Person":  # "la plateforme d'Elon Musk"
                        yield from self._make(other, "OWNS", (cid, how), tok.lemma_.lower(), tok, "noun", "asserted")
            if adjs and self.clusters[cid].type in ("Company", "Organization"):
                yield from self._based_in((cid, how), adjs)
            elif adjs and self.clusters[cid].type == "Person" and \
                    self.title_of(self.doc, tok) in self.lex.words("head_of_state_titles"):
                country = self._country_cluster(self._demonym(adjs[0]))  # "le président chinois"
                yield from self._make((cid, how), "LEADS", (country, ""), self.title_of(self.doc, tok), tok,
                                      "title", "asserted")
            elif adjs and self.clusters[cid].type == "Person" and not self.title_of(self.doc, tok):
                yield from self._based_in((cid, how), adjs)  # "le milliardaire tchèque"
            elif adjs and self.clusters[cid].type == "Government":
                country = self._country_cluster(self._demonym(adjs[0]))
                yield from self._make((cid, how), "PART_OF", (country, ""), adjs[0].lemma_.lower(), adjs[0],
                                      "nationality", "asserted")

    def _based_in(self, company: tuple[int, str], words) -> Iterator[RawRelation]:
        for a in words:
            country = self._demonym(a)
            if country:
                yield from self._make(company, "BASED_IN", (self._country_cluster(country), ""), a.lemma_.lower(), a,
                                      "nationality", "asserted")

    def _trigger(self, tok: Token, sent: Span) -> Iterator[RawRelation]:
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("VERB", "AUX", "ADJ") or (tok.pos_ == "NOUN" and tok.tag_ == "VERB"):
            located = self.lex.data["located_adjective_types"]
            lemma = self._verb_lemma(tok, lemma)
            reflexive = any(c.lower_ in ("se", "s'", "s’") for c in tok.children)
            spec = self.verbs.get("s'" + lemma) if reflexive else None
            spec = spec or self.verbs.get(lemma)
            passive_like = tok.pos_ == "ADJ" or any(c.dep_ in ("aux:pass", "nsubj:pass") for c in tok.children) \
                or (tok.dep_ in ("acl", "acl:relcl", "amod") and "Part" in tok.morph.get("VerbForm"))
            if lemma in located and passive_like:
                yield from self._located(tok, located[lemma])
                return
            if spec is not None:
                yield from self._verb(tok, lemma, spec)
            elif tok.pos_ == "VERB" and lemma not in self.lex.words("reporting_verbs"):
                yield from self._related(tok, lemma)
        elif tok.pos_ == "NOUN" and tok.i not in self.token_cluster:
            nxt = tok.nbor(1).lemma_.lower() if tok.i + 1 < len(self.doc) else ""
            if f"{lemma} {nxt}" in self.nouns:  # "feu vert", "prise de", "maison mère"
                yield from self._noun(tok, f"{lemma} {nxt}", self.nouns[f"{lemma} {nxt}"])
            elif lemma in self.nouns:
                yield from self._noun(tok, lemma, self.nouns[lemma])

    @staticmethod
    def _infinitive(lemma: str, known) -> str:
        """The verb of ``known`` a lemma the lemmatizer left inflected stands for ("reste" -> "rester",
        "reproche" -> "reprocher"), or the lemma itself."""
        if lemma in known:
            return lemma
        return next((c for c in (lemma + "r", lemma + "er", lemma[:-1] + "er") if lemma and c in known), lemma)

    def _lemma_in(self, tok: Token, verbs: frozenset[str]) -> bool:
        """The verb is one of ``verbs``, also when the lemmatizer left it inflected ("réclame")."""
        return self._infinitive(tok.lemma_.lower(), verbs) in verbs

    def _verb_lemma(self, tok: Token, lemma: str) -> str:
        """The trigger verb an inflected lemma stands for ("reproche" -> "reprocher"), or a form the
        lemmatizer reads as another verb ("vit" -> "vivre", not "voir")."""
        fixed = self.lex.data.get("lemma_fixes", {}).get(tok.lower_)
        if fixed:
            return fixed
        if tok.pos_ not in ("VERB", "AUX") or lemma.endswith(("er", "ir", "re", "oir")):
            return lemma
        return self._infinitive(lemma, self.verbs)

    def _verb(self, tok: Token, lemma: str, spec: dict) -> Iterator[RawRelation]:
        rtype = spec.get("type")
        # a sense that depends on a complement: "poursuivre en justice", "ajouter à la liste noire"
        words = {t.lower_ for t in tok.subtree} | {t.lemma_.lower() for t in tok.subtree}
        for word, sense in spec.get("with", {}).items():
            if word in words:  # another sense, whoever does it: "X rejette ces accusations"
                rtype, spec = sense, {k: v for k, v in spec.items() if k != "subject_types"}
        if rtype is None:
            return
        if self._passive(tok):
            objs = [x for c in tok.children if c.dep_ == "nsubj:pass" for x in self._deal_or_self(c, rtype)]
            if not objs and tok.dep_ == "acl":  # "le constructeur, dirigé par X,"
                objs = self._deal_or_self(tok.head, rtype)
            if not objs and tok.dep_ == "xcomp":  # "l'opération doit être approuvée par X"
                objs = [x for c in tok.head.children if c.dep_ in ("nsubj", "nsubj:pass")
                        for x in self._deal_or_self(c, rtype)]
            subs = [x for c in tok.children if c.dep_ in ("obl:agent", "obl:mod", "obl") and self._case(c) == "par"
                    for x in self.expand(c)] or self._linear_prep_object(tok, ("par",))
        else:
            if spec.get("passive_only"):
                return
            subs = self._subjects(tok)
            objs = [] if spec.get("no_object") else self._objects(tok)
            if not objs and not spec.get("no_object"):
                objs = [x for c in tok.children if c.dep_ == "obj" and not self._after_preposition(c, DE_FORMS)
                        for x in self._deal_or_self(c, rtype)]
        preps = tuple(spec.get("preps", ()))
        if preps:
            found = self.prep_args(tok, preps) or self._linear_prep_object(tok, preps)
            objs += [x for x in found if x not in objs]
        if spec.get("reverse"):
            subs, objs = objs, subs
        if spec.get("banned_in"):
            countries = [o for o in objs if self.clusters[o[0]].type in ("Country", "Location")]
            objs = [o for o in objs if o not in countries]
        if not objs and rtype in SYMMETRIC_TYPES and len(subs) >= 2:
            subs, objs = self._first_and_others(subs, tok)  # "Orange et Bouygues négocient"
        if rtype == "MEETS":
            # "a rencontré les dirigeants de HSBC et de Barclays": the people stand for their companies
            stand_for = [x for c in tok.children if c.dep_ == "obj" and c.lemma_.lower() in self.lex.words("representative_nouns")
                         for x in self.complements(c, ("de", "d'", "du", "des"))]
            if stand_for:
                objs = stand_for + [x for x in objs if x not in stand_for]
                spec = {k: v for k, v in spec.items() if k != "object_types"}
        if rtype in ("LEADS", "WORKS_FOR") and "Imp" in tok.morph.get("Tense"):
            return  # "qui dirigeait jusqu'ici la filiale": a past role
        subs = self._retyped_pronouns(tok, subs, spec.get("subject_types"))
        if self._passive(tok):  # "Il sera remplacé par X": the pronoun is the one replaced
            objs = self._retyped_pronouns(tok, objs, spec.get("object_types"), ("nsubj:pass",))
        pairs = ((s, o) for s in subs for o in objs)
        for s, o in self._typed(pairs, spec):
            yield from self._make(s, rtype, o, lemma, tok, "verb")
            if rtype == "APPOINTS":
                yield from self._appointed_as(tok, s, o)
        if rtype == "SELLS" and not self._passive(tok):
            yield from self._buyers(tok, lemma, subs, objs)

    def _buyers(self, trigger: Token, lemma: str, sellers: list, sold: list) -> Iterator[RawRelation]:
        """ "X a cédé Y à Z", "la vente de Y à Z": Z acquires Y; a stake sold ("sa participation dans
        Y") is an investment."""
        to = ("à", "au", "aux")
        buyers = self.complements(trigger, to) or self._linear_prep_object(trigger, to)
        stakes = self.lex.words("stake_nouns")
        stake = any(c.dep_ in ("obj", "nmod") and c.lemma_.lower() in stakes for c in trigger.children)
        for b in buyers:
            if b in sellers or b in sold or self.clusters[b[0]].type not in ("Company", "Person", "Government"):
                continue
            for o in sold:
                yield from self._make(b, "INVESTS_IN" if stake else "ACQUIRES", o, lemma, trigger, "implied")

    def _linear_prep_object(self, verb: Token, preps: tuple[str, ...]) -> list[tuple[int, str]]:
        """ "investit 4 milliards de dollars dans X": the name after the verb's preposition, read
        linearly when the parser attached it to something else."""
        for j in range(verb.i + 1, min(verb.i + 10, verb.sent.end)):
            t = self.doc[j]
            if t.pos_ in ("VERB", "SCONJ") or t.text in (".", ";", ":"):
                return []
            k = j + 1  # "par [la] Commission", "par [le canadien] Couche-Tard"
            while k < len(self.doc) and k - j <= 3 and self.doc[k].text[:1].islower() \
                    and self.doc[k].pos_ in ("DET", "ADJ", "NOUN") and k not in self.token_cluster:
                k += 1
            m = self.mention_at.get(k)
            if t.lower_ in preps and m is not None and m.start == k:
                return [(m.cluster, "")]
        return []

    def _appointed_as(self, verb: Token, appointer: tuple[int, str], person: tuple[int, str]) -> Iterator[RawRelation]:
        """ "Renault a nommé X directeur général": X then LEADS (or WORKS_FOR) the appointer."""
        if self.clusters[appointer[0]].type not in ("Company", "Organization", "Government"):
            return
        for t in verb.subtree:
            title = self.title_of(self.doc, t) if t.i > verb.i and t.i not in self.token_cluster else None
            if title and self.titles[title] in ("LEADS", "WORKS_FOR"):
                yield from self._make(person, self.titles[title], appointer, title, t, "title", "asserted")
                return

    def _retyped_pronouns(self, verb: Token, subs: list[tuple[int, str]], types: list[str] | None,
                          deps: tuple[str, ...] = SUBJ):
        """A pronoun subject whose antecedent cannot do this verb ("il a succédé à X" said of a
        company) is read again among the earlier names that can."""
        if not types:
            return subs
        out = []
        for cid, how in subs:
            pron = next((c for c in verb.children if c.dep_ in deps and c.i in self.coref), None)
            if how == "pronoun" and self.clusters[cid].type not in types and pron is not None:
                again = self._antecedent(pron, tuple(types), prefer_subject=True)
                out.append((again, how) if again is not None else (cid, how))
            else:
                out.append((cid, how))
        return out

    def _deal_or_self(self, tok: Token, rtype: str) -> list[tuple[int, str]]:
        """What a decision is about: an entity, the parties of a deal ("le rachat de X par Y",
        "la fusion entre X et Y"), or the owner of what is judged ("les investissements de X")."""
        found = self.expand(tok)
        stakes = self.lex.words("stake_nouns")
        if not found and rtype in ("OWNS", "SELLS") and tok.lemma_.lower() in stakes:
            # "détient 10 % de X", "cède une part du capital de X", "une partie de sa participation dans X"
            found = [x for c in (tok, *(c for c in tok.children if c.dep_ == "nmod" and c.lemma_.lower() in stakes))
                     for x in self.complements(c, ("de", "d'", "du", "des", "dans"))]
            return [x for x in found if self.clusters[x[0]].type in ("Company", "Organization", "Location")]
        if found or rtype not in DECISION_TYPES or tok.pos_ != "NOUN":
            return found
        if self._definite(tok) and not any(c.dep_ == "nmod" for c in tok.children):
            if tok.lemma_.lower() in self.lex.words("deal_anaphors"):
                return self._last(self.deals, tok)  # "Berlin avait menacé de bloquer l'opération"
            if rtype == "CRITICIZES" and tok.lemma_.lower() in self.lex.words("decision_anaphors"):
                return self._last(self.acts, tok)  # "La banque conteste cette décision": its author
        spec = self.nouns.get(tok.lemma_.lower())
        if spec and spec["type"] == "MERGES_WITH":
            between = self.prep_args(tok, ("entre",))
            return between + self._and_next(between[0][0], tok.sent) if len(between) == 1 else between
        if spec and spec["type"] == "ACQUIRES":  # the buyer ("par X"), else what is bought
            return self.prep_args(tok, ("par",)) or self._linear_prep_object(tok, ("par",)) \
                or self.complements(tok, ("de", "d'", "du", "des"))
        owners = [x for x in self.prep_args(tok, ("de", "d'", "du", "des"))
                  if self.clusters[x[0]].type in ("Company", "Organization", "Person", "Government")]
        if not owners:  # "interdire l'utilisation des puces de Micron": the owner of what is used
            owners = [x for c in tok.children if c.dep_ == "nmod" and c.pos_ == "NOUN" and c.i not in self.token_cluster
                      and self._case(c) in ("de", "d'", "du", "des")
                      for x in self.prep_args(c, ("de", "d'", "du", "des"))
                      if self.clusters[x[0]].type in ("Company", "Organization")]
        return owners

    @staticmethod
    def _object_frame(tok: Token) -> Token | None:
        """The verb of "faire l'objet de [tok]", whose subject undergoes what the noun says."""
        head = tok.head
        if head.lemma_.lower() == "objet" and head.head.lemma_.lower() == "faire":
            return head.head
        if head.lemma_.lower() == "faire" and any(c.dep_ == "obj" and c.lemma_.lower() == "objet" for c in head.children):
            return head
        return None

    def _last(self, stated: list[tuple[int, list[tuple[int, str]]]], tok: Token) -> list[tuple[int, str]]:
        """The parties of the last deal (its buyer, or both merging parties), or the author of the last
        decision, stated in the three sentences before ``tok``."""
        sent_starts = [s.start for s in self.doc.sents if s.start < tok.sent.start][-3:]
        earlier = [parties for i, parties in stated if sent_starts and sent_starts[0] <= i < tok.sent.start]
        return [(c, "anaphor") for c, _ in earlier[-1]] if earlier else []

    def _noun(self, tok: Token, lemma: str, spec: dict) -> Iterator[RawRelation]:
        rtype = spec["type"]
        words = {c.lemma_.lower() for c in tok.children} | {c.lower_ for c in tok.children}
        for word, sense in spec.get("with", {}).items():
            if word in words:  # "une filiale commune": a joint venture, not a subsidiary
                rtype, spec = sense, {"type": sense}
        head = tok.head
        if head.lemma_.lower() in self.lex.words("stake_nouns") and tok.dep_ == "nmod":
            head = head.head  # "céder [une partie de] sa participation"
        governor = self._verb_lemma(head, head.lemma_.lower())
        if governor in spec.get("under", {}):  # "détenir une participation dans X": owns a stake
            rtype = spec["under"][governor]
            if rtype is None:
                return  # "céder sa participation dans X": the verb says what happened
        preps = tuple(spec.get("preps", ("de", "d'", "du", "des")))
        frame = self._object_frame(tok)
        if frame is not None:
            # "X fait l'objet d'une enquête de Y": Y investigates X
            for a in self.complements(tok, tuple(DE_FORMS)):
                for o in self._subjects(frame):
                    if self._typed_ok(a, o, spec):
                        yield from self._make(a, rtype, o, lemma, tok, "noun")
            return
        if spec.get("authority_in_complement") or governor in self.lex.words("receiving_verbs"):
            # "X a obtenu l'autorisation de Y": Y approves X; "X a reçu le soutien de Y": Y supports X
            authorities = self.complements(tok, tuple(DE_FORMS))
            for a in authorities:
                for o in self._subjects(tok):
                    yield from self._make(a, rtype, o, lemma, tok, "noun")
            return
        if spec.get("located"):
            yield from self._located_noun(tok, lemma, rtype, spec)
            return
        if spec.get("into_capital"):  # "l'entrée de X au capital de Y"
            shares = self.lex.words("share_nouns")
            caps = [c for c in tok.children if c.dep_ == "nmod" and c.lemma_.lower() in shares] or [
                t for t in self.doc[tok.i + 1:min(tok.i + 8, tok.sent.end)]  # the parser may hang it on the verb
                if t.lemma_.lower() in shares and self.doc[t.i - 1].lower_ in ("au", "à")][:1]
            for cap in caps:
                objs = self.complements(cap, tuple(DE_FORMS))
                for s in (x for x in self.prep_args(tok, tuple(DE_FORMS)) if x not in objs):
                    for o in objs:
                        if self._typed_ok(s, o, spec):
                            yield from self._make(s, rtype, o, lemma, tok, "noun")
            return
        if "entre" in preps:
            between = self.prep_args(tok, ("entre",))
            if len(between) == 1:
                between += self._and_next(between[0][0], tok.sent)
            if len(between) >= 2:
                first = between[0]
                for other in between[1:]:
                    if self._typed_ok(first, other, spec):
                        yield from self._make(first, rtype, other, lemma, tok, "between")
                return
        objs = self.complements(tok, preps)
        if spec.get("holder_is_subject") or spec.get("reverse"):
            # the noun says what its holder is: "X, concurrent de Y"; reversed: "X, filiale de Y"
            holders = self._holder_of_noun(tok)
            if not objs and holders and self._possessive(tok):
                # "Volkswagen, son principal actionnaire": the possessor named before
                owners = tuple(spec.get("object_types", ("Company", "Organization", "Government")))
                objs = self._possessor(tok, owners, {h for h, _ in holders})
            if not objs and rtype in SYMMETRIC_TYPES and len(holders) >= 2:
                holders, objs = self._first_and_others(holders, tok)  # "X et Y sont des concurrents"
            pairs = ((o, h) if spec.get("reverse") else (h, o) for h in holders for o in objs)
        else:
            agents = self.prep_args(tok, ("par",))
            gov = tok.head
            if rtype in ("LEADS", "WORKS_FOR") and gov.i != tok.i \
                    and self.verbs.get(self._verb_lemma(gov, gov.lemma_.lower()), {}).get("type") == "APPOINTS":
                # "nommer X à la tête de Y", "X a été nommée à la tête de Y": the appointee holds the role
                agents = [x for c in gov.children if c.dep_ in ("obj", "nsubj:pass") for x in self.expand(c)]
            if not agents:  # "les sanctions imposées par l'UE"
                agents = [x for c in tok.children if c.dep_ in ("acl", "acl:relcl") for x in self.prep_args(c, ("par",))]
            if not agents and tok.head.i != tok.i:
                agents = [x for c in tok.head.children if c.dep_ in ("obl:agent", "obl:mod", "obl") and c.i > tok.i
                          and self._case(c) == "par" for x in self.expand(c)]
            if not agents:
                agents = self._linear_prep_object(tok, ("par",))  # "le rachat de X par le canadien Y"
            # "imposer des sanctions à X": whoever imposes a decision takes it
            imposed = rtype in DECISION_TYPES and self._lemma_in(tok.head, self.lex.words("imposing_verbs"))
            demand_verbs = self.lex.words("demand_verbs")  # the governor, or the one above a misattached noun
            demanded = any(self._lemma_in(a, demand_verbs) for a in list(tok.ancestors)[:2]) and not imposed
            if not agents and tok.dep_ not in ("nsubj", "nsubj:pass") and not demanded:
                agents = self._subjects(tok)  # not "X réclame la cession de Y": X asks, another sells
            if not objs and rtype in SYMMETRIC_TYPES and len(agents) >= 2:
                agents, objs = self._first_and_others(agents, tok)  # "X et Y ont signé un partenariat"
            pairs = ((a, o) for a in agents for o in objs)
        for s, o in self._typed(pairs, spec):
            yield from self._make(s, rtype, o, lemma, tok, "noun")
        if rtype == "SELLS":
            yield from self._buyers(tok, lemma, [], objs)

    def _and_next(self, cluster: int, sent: Span) -> list[tuple[int, str]]:
        """ "entre X et Y" where the parser lost Y: the name right after "X et"."""
        for m in self.mentions:
            if m.cluster == cluster and sent.start <= m.start < sent.end:
                nxt = m.end
                if nxt + 1 < sent.end and self.doc[nxt].lower_ == "et" and (nxt + 1) in self.token_cluster:
                    return [(self.token_cluster[nxt + 1], "")]
        return []

    def _listed_after(self, cluster: int, sent: Span, types: tuple[str, ...]) -> list[tuple[int, str]]:
        """Names that continue a list after ``cluster``: "au Mexique, au Brésil et en Inde"."""
        out: list[tuple[int, str]] = []
        last = max((m.end for m in self.mentions if m.cluster == cluster and sent.start <= m.start < sent.end),
                   default=None)
        while last is not None and last < sent.end:
            i = last
            if self.doc[i].text != "," and self.doc[i].lower_ not in self.lex.words("coordinators"):
                break
            i += 1
            while i < sent.end and self.doc[i].pos_ in ("ADP", "DET"):
                i += 1
            m = self.mention_at.get(i)
            if m is None or m.start != i or self.clusters[m.cluster].type not in types:
                break
            out.append((m.cluster, ""))
            last = m.end
        return out

    def _typed_ok(self, s: tuple[int, str], o: tuple[int, str], spec: dict) -> bool:
        return any(True for _ in self._typed(iter([(s, o)]), spec))

    def _holder_of_noun(self, tok: Token) -> list[tuple[int, str]]:
        """Who "is" the noun: "X, filiale de Y", "X est le concurrent de Y"."""
        if tok.dep_ == "appos" and tok.head.i != tok.i:
            return self.expand(tok.head)
        if any(c.dep_ == "cop" for c in tok.children):
            return self._subjects(tok)
        before = self._named_before(tok)
        if before:
            return before
        if tok.dep_ in ("obj", "xcomp") and self._lemma_in(tok.head, self.lex.words("copular_verbs")):
            return self._subjects(tok.head)  # "X reste le concurrent de Y", "X et Y restent des rivaux"
        if self._possessive(tok):  # the name after: "son rival américain Boeing", "Son successeur, X,"
            apposed = self._apposed_name(tok)
            if apposed:
                return apposed
            nxt = tok.i + 1
            while nxt < len(self.doc) and self.doc[nxt].pos_ == "ADJ":
                nxt += 1
            if nxt + 1 < len(self.doc) and self.doc[nxt].text == ",":
                nxt += 1
            if nxt in self.token_cluster and self.mention_at.get(nxt) is not None:
                return [(self.token_cluster[nxt], "")]
        return []

    def _located_noun(self, tok: Token, lemma: str, rtype: str, spec: dict) -> Iterator[RawRelation]:
        owners = [x for x in self.prep_args(tok, ("de", "d'", "du", "des"))
                  if self.clusters[x[0]].type in ("Company", "Organization")]
        if not owners and self._possessive(tok):
            owners = self._possessor(tok, ("Company", "Organization"))  # "Carrefour veut céder ses activités en Italie"
        if not owners and tok.dep_ == "obj":  # "BYD va construire une usine en Hongrie"
            owners = [x for x in self._subjects(tok.head) if self.clusters[x[0]].type == "Company"]
        if not owners:
            return
        cases = ("à", "au", "aux", "en", "dans") + (("de", "d'", "du") if spec.get("place_after_de") else ())
        places: list[tuple[int, str]] = []
        # "construire une usine en Hongrie": the parser may hang the place on the verb
        beside = [c for c in tok.head.children if c.dep_ in ("obl", "obl:mod") and c.i > tok.i] if tok.dep_ == "obj" else []
        for t in [*tok.subtree, *beside]:
            if t.i in self.token_cluster and self.clusters[self.token_cluster[t.i]].type in ("Country", "Location"):
                case = self._case(t)
                if case.split()[-1:] and case.split()[-1] in cases:
                    pair = (self.token_cluster[t.i], "")
                    if pair not in places:
                        places.append(pair)
        if places:
            places += [p for p in self._listed_after(places[-1][0], tok.sent, ("Country", "Location"))
                       if p not in places]
        for o in owners:
            for p in places:
                # "ses activités en Italie" presupposes them, whatever is said of them
                mod = "asserted" if o[1] == "possessive" else None
                yield from self._make(o, rtype, p, lemma, tok, "located", mod)

    def _located(self, tok: Token, rtype: str) -> Iterator[RawRelation]:
        """ "X, interdit en Chine", "la société, basée à Paris", "(qui sont interdits en Chine)"."""
        holders: list[tuple[int, str]] = []
        for c in tok.children:
            if c.dep_ in (*SUBJ, "nsubj:pass"):
                holders = self._enumeration_before(c) if c.lower_ in RELATIVES else self.expand(c)
                break
        if not holders and tok.dep_ in ("acl", "amod", "acl:relcl", "appos") and tok.head.i != tok.i:
            holders = self.expand(tok.head)
        if not holders and tok.dep_ == "xcomp" and tok.head.i != tok.i:  # "X reste présent en France"
            holders = self._subjects(tok.head)
        if not holders and tok.i >= 2 and self.doc[tok.i - 1].text == "," and (tok.i - 2) in self.token_cluster:
            holders = [(self.token_cluster[tok.i - 2], "")]
        places = [x for c in tok.children if c.dep_ in ARG_DEPS or c.dep_ == "obj"
                  for x in self.expand(c) if self.clusters[x[0]].type in ("Country", "Location")]
        for h in holders:
            if self.clusters[h[0]].type not in ("Company", "Organization", "Person"):
                continue
            for p in places:
                yield from self._make(h, rtype, p, tok.lemma_.lower(), tok, "located")

    def _related(self, tok: Token, lemma: str) -> Iterator[RawRelation]:
        if any(c.dep_ == "obj" and c.lemma_.lower() in self.nouns for c in tok.children):
            return  # "finaliser la cession de X à Y": the noun says what the relation is
        subs = [s for s in self._subjects(tok) if self.clusters[s[0]].type in (*ACTOR_TYPES, "Country")]
        if not subs:
            return
        # "ouvrir un bureau à Londres": a place after a verb says where, not with whom
        objs = [o for o in self.prep_args(tok, tuple(self.lex.data["related_to_preps"]))
                if self.clusters[o[0]].type != "Location"]
        for s in subs:
            for o in objs:
                yield from self._make(s, "RELATED_TO", o, lemma, tok, "related")

