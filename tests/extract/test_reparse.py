"""kg_reparse: a sentence whose parse broke on a name is parsed again with a stand-in for the name."""

from __future__ import annotations

from kg.extract.reparse import Reparser, broken
from tests.extract import read

MEETING = "Emmanuel Macron et Xi Jinping se sont rencontrés à Pékin."


def _first_pass(nlp, text):
    with nlp.select_pipes(disable=["kg_reparse", "kg_relations"]):
        return nlp(text)


def test_a_name_read_as_an_adverb_is_parsed_again(nlp):
    first = _first_pass(nlp, MEETING)
    (xi,) = [e for e in first.ents if e.text == "Xi Jinping"]
    assert broken(xi)  # the parser alone makes "Xi" an adverb of the verb
    with nlp.select_pipes(disable=["kg_relations"]):
        doc = nlp(MEETING)
    (xi,) = [e for e in doc.ents if e.text == "Xi Jinping"]
    assert not broken(xi)
    assert xi.root.dep_ == "conj" and xi.root.head.text == "Emmanuel"
    assert doc[xi.start + 1].head == xi.root  # the name's other word stays inside it
    verb = next(t for t in doc if t.text == "rencontrés")
    assert verb.dep_ == "ROOT"
    _, triples, _ = read(nlp, MEETING)
    assert ("Emmanuel Macron", "MEETS", "Xi Jinping", "asserted") in triples


def test_a_sound_parse_is_left_as_it_is(nlp):
    text = "Le patron de Renault, Luca de Meo, a rencontré le ministre de l'Économie à Paris."
    first = _first_pass(nlp, text)
    assert not any(broken(e) for e in first.ents)
    with nlp.select_pipes(disable=["kg_relations"]):
        doc = nlp(text)
    assert [(t.head.i, t.dep_, t.pos_) for t in doc] == [(t.head.i, t.dep_, t.pos_) for t in first]


def test_parts_of_speech_and_lemmas_are_those_of_the_first_pass(nlp):
    first = _first_pass(nlp, MEETING)
    with nlp.select_pipes(disable=["kg_relations"]):
        doc = nlp(MEETING)
    assert [(t.pos_, t.lemma_, str(t.morph)) for t in doc] == [(t.pos_, t.lemma_, str(t.morph)) for t in first]
    assert [s.text for s in doc.sents] == [MEETING]


def test_a_sentence_cut_after_a_name_and_a_comma_is_parsed_whole(nlp):
    text = "Free, fondée par Xavier Niel, a annoncé une hausse de ses prix."
    first = _first_pass(nlp, text)
    assert len(list(first.sents)) == 2  # the parser alone ends a sentence on "Free ,"
    with nlp.select_pipes(disable=["kg_relations"]):
        doc = nlp(text)
    assert [s.text for s in doc.sents] == [text]
    assert doc[0].dep_ == "nsubj"
    _, triples, _ = read(nlp, text)
    assert ("Xavier Niel", "FOUNDED", "Free", "asserted") in triples


def test_a_sentence_cut_inside_a_name_is_parsed_whole(nlp):
    text = "Selon les recherches menées par l'organisation Human Rights Watch basée à New York, les travailleurs souffrent."
    first = _first_pass(nlp, text)
    assert len(list(first.sents)) > 1  # the parser alone cuts between "Rights" and "Watch"
    with nlp.select_pipes(disable=["kg_relations"]):
        doc = nlp(text)
    assert [s.text for s in doc.sents] == [text]
    _, triples, _ = read(nlp, text)
    assert ("Human Rights Watch", "BASED_IN", "New York", "asserted") in triples



def test_a_stand_in_parse_that_cuts_again_is_not_kept(nlp):
    # "le laboratoire britannique X ont signé": the parser cuts before the name whatever it is
    text = "Sanofi et le laboratoire britannique AstraZeneca ont signé un accord pour produire un vaccin en Inde."
    first = _first_pass(nlp, text)
    assert Reparser._flagged(first)  # read again, and the stand-in parse cut as well
    with nlp.select_pipes(disable=["kg_relations"]):
        doc = nlp(text)
    assert [(t.head.i, t.dep_) for t in doc] == [(t.head.i, t.dep_) for t in first]


def test_names_are_counted_in_the_sentence_they_lie_in(nlp):
    # two sentences with one name each: no sentence has the two names a relation needs
    text = "Xi Jinping est arrivé hier soir. Emmanuel Macron l'attendait."
    first = _first_pass(nlp, text)
    assert len(list(first.sents)) == 2 and len([e for e in first.ents if e.label_ == "PER"]) == 2
    assert Reparser._flagged(first) == []


def test_the_document_sentence_starts_are_read_once(nlp):
    from kg.extract.context import Context
    from kg.extract.lexicon import load_lexicon

    doc = _first_pass(nlp, "Renault a signé. Nissan a refusé. Mitsubishi attend. Dacia suit.")
    ctx = Context(doc, [], [], load_lexicon("fr"), lambda d, t: None)
    starts = [s.start for s in doc.sents]
    assert ctx.sentence_starts == starts
    last = doc[-1].i
    assert ctx.sentences_up_to(last, 2) == starts[-2:]
    assert ctx.sentences_up_to(0, 4) == [0]
    assert ctx.sentences_before(starts[2], 3) == starts[:2]
    assert ctx.sentences_before(0, 3) == []


DATELINE = ("Union européenne : Antonio Tajani élu président du Parlement européen\n\n17 janvier 2017 . –\n"
            "C'est finalement l' Italien Antonio Tajani qui a remporté l'élection de la présidence du Parlement "
            "européen après quatre tours de scrutins. Il succède donc à Martin Schulz .")


def test_a_lede_cut_by_the_dateline_above_it_is_parsed_whole(nlp):
    first = _first_pass(nlp, DATELINE)
    lede = next(t for t in first if t.text == "C'")
    full_stop = next(t for t in first if t.text == "scrutins")
    assert lede.sent.end <= full_stop.i  # the parser alone cuts the lede after "l'Italien"
    with nlp.select_pipes(disable=["kg_relations"]):
        doc = nlp(DATELINE)
    lede = next(t for t in doc if t.text == "C'")
    assert lede.sent.start == lede.i and lede.sent.end > next(t for t in doc if t.text == "scrutins").i
    _, triples, _ = read(nlp, DATELINE)
    assert ("Antonio Tajani", "SUCCEEDS", "Martin Schulz", "asserted") in triples


def test_a_name_read_as_its_own_preposition(nlp):
    text = "Emmanuel Macron a créé En Marche en avril."
    first = _first_pass(nlp, text)
    assert any(broken(e) for e in first.ents if e.text == "En Marche")  # "En" the preposition of "Marche"
    _, triples, _ = read(nlp, text)
    assert any(t[0] == "Emmanuel Macron" and t[1] == "FOUNDED" for t in triples)


def test_a_stand_in_hung_on_a_verb_as_a_word_of_a_name_is_not_kept(nlp):
    text = "Le général Qamar Javed Bajwa remplace Raheel Sharif à ce poste qui est considéré comme le plus puissant."
    with nlp.select_pipes(disable=["kg_relations"]):
        doc = nlp(text)
    (raheel,) = [e for e in doc.ents if e.text == "Raheel Sharif"]
    assert raheel.root.dep_ != "flat:name"  # not a word of a name whose head is the verb
    _, triples, _ = read(nlp, text)
    assert ("Qamar Javed Bajwa", "SUCCEEDS", "Raheel Sharif", "asserted") in triples
