"""Heads of state titled without their country (kg.extract.constructions.heads)."""

from __future__ import annotations

import pytest

from tests.extract import read

#: An article about Colombia: the country named three times, its adjective once, Peru once, further on.
COLOMBIA = ("Colombie : un accord de paix signé. La Colombie a signé un accord de paix avec la guérilla. Le texte "
            "sera soumis à un référendum colombien. {sentence} La Colombie votera en octobre. Les électeurs sont "
            "partagés. Le Pérou a salué l'accord.")


@pytest.mark.parametrize("sentence", [
    "Le président Juan Manuel Santos a défendu le texte.",
    "Le texte a été défendu par le président Juan Manuel Santos.",   # "par le"
    "Le soutien du président Juan Manuel Santos est acquis.",         # contracted article
    "Le nouveau président Juan Manuel Santos a défendu le texte.",    # an adjective between
])
def test_a_bare_head_of_state_title_leads_the_articles_country(nlp, sentence):
    _, triples, ex = read(nlp, COLOMBIA.format(sentence=sentence))
    assert ("Juan Manuel Santos", "LEADS", "Colombie", "asserted") in triples
    assert not any(t[0] == "Juan Manuel Santos" and t[1] == "LEADS" and t[2] == "Pérou" for t in triples)
    (rel,) = [r for r in ex.relations if r.type == "LEADS"]
    assert rel.evidence[0].construction == "context" and rel.confidence < 0.9  # from the article, not the sentence


@pytest.mark.parametrize("text", [
    # no country stands out: named as often as another
    ("La Colombie et le Pérou ont signé un accord. Le Pérou et la Colombie voteront. "
     "Le président Juan Manuel Santos a défendu le texte."),
    # named once only
    "Un accord a été signé en Colombie. Le président Juan Manuel Santos a défendu le texte.",
    # a past or a future role
    COLOMBIA.format(sentence="L'ancien président Juan Manuel Santos a défendu le texte."),
    COLOMBIA.format(sentence="Le futur président Juan Manuel Santos a défendu le texte."),
    # two heads titled so: which one leads the country is not said
    COLOMBIA.format(sentence="Le président Juan Manuel Santos a reçu le président Pedro Pablo Kuczynski."),
    # the text gives the person another country
    COLOMBIA.format(sentence="Le président Pedro Pablo Kuczynski a salué le texte. Le Péruvien Pedro Pablo "
                             "Kuczynski est attendu."),
    # a title that is no head of state's
    COLOMBIA.format(sentence="Le sénateur Juan Manuel Santos a défendu le texte."),
    # the president of a body named just before: a club, a company, a region
    COLOMBIA.format(sentence="Le club de Medellín a présenté son budget. Le président Juan Manuel Santos a salué "
                             "ses comptes."),
    COLOMBIA.format(sentence="Ecopetrol a publié ses résultats. Le président Juan Manuel Santos s'en est félicité."),
    # a past or ended term: a pluperfect, a death, a removal
    COLOMBIA.format(sentence="Le président Juan Manuel Santos avait signé un premier texte en 2016."),
    COLOMBIA.format(sentence="Le président Juan Manuel Santos est mort jeudi à Bogota."),
    COLOMBIA.format(sentence="Le président Juan Manuel Santos a été destitué par le Congrès."),
    # a visitor: received, arrived
    COLOMBIA.format(sentence="Le président Juan Manuel Santos est arrivé à Bogota pour une visite officielle."),
    # another country pointed to nearby, by its capital or its adjective
    COLOMBIA.format(sentence="Caracas a protesté. Le président Juan Manuel Santos a défendu le texte."),
    COLOMBIA.format(sentence="Le président Juan Manuel Santos a salué un accord avec une entreprise vénézuélienne."),
    # a title of another role given in apposition
    COLOMBIA.format(sentence="Le président Juan Manuel Santos, patron du comité de suivi, a défendu le texte."),
])
def test_no_country_is_given_when_the_article_does_not_tell(nlp, text):
    _, triples, _ = read(nlp, text)
    assert not any(t[1] == "LEADS" and t[2] in ("Colombie", "Pérou") for t in triples), triples


def test_the_text_saying_what_a_head_leads_wins(nlp):
    # "le président américain X" leads the country of the adjective, not the article's
    _, triples, _ = read(nlp, COLOMBIA.format(sentence="Le président américain Barack Obama a salué le texte."))
    assert ("Barack Obama", "LEADS", "États-Unis", "asserted") in triples
    assert ("Barack Obama", "LEADS", "Colombie", "asserted") not in triples
    # someone else leads the country in the article: the bare title is not read as its head
    text = COLOMBIA.format(sentence="Le président colombien Juan Manuel Santos a reçu le président Barack Obama.")
    _, triples, _ = read(nlp, text)
    assert ("Juan Manuel Santos", "LEADS", "Colombie", "asserted") in triples
    assert ("Barack Obama", "LEADS", "Colombie", "asserted") not in triples


def test_le_pays_takes_up_the_articles_country_when_none_is_named_lately(nlp):
    text = ("Colombie : accord avec les FARC. La Colombie a signé un accord de paix. La Colombie votera en octobre. "
            "Le Pérou a salué l'accord. Les FARC rendront leurs armes. Les combats ont duré cinquante ans. "
            "Le texte prévoit une amnistie. Des élections auront lieu. "
            "La Cour constitutionnelle du pays doit valider le texte.")
    _, triples, _ = read(nlp, text)
    assert ("Cour constitutionnelle", "PART_OF", "Colombie", "asserted") in triples
    # no country stands out: still unresolved
    text = text.replace("La Colombie votera en octobre. ", "Le Pérou votera en octobre. ")
    _, triples, _ = read(nlp, text)
    assert not any(t[0] == "Cour constitutionnelle" and t[1] == "PART_OF" for t in triples)


def test_le_pays_stays_unresolved_when_a_capital_or_an_adjective_points_elsewhere(nlp):
    text = ("Colombie : accord avec les FARC. La Colombie a signé un accord de paix. La Colombie votera en octobre. "
            "Le Pérou a salué l'accord. Les FARC rendront leurs armes. Les combats ont duré cinquante ans. "
            "{sentence} La Cour constitutionnelle du pays doit valider le texte.")
    _, triples, _ = read(nlp, text.format(sentence="Des élections auront lieu."))
    assert ("Cour constitutionnelle", "PART_OF", "Colombie", "asserted") in triples
    for sentence in ("À Caracas, le texte a été salué.", "Un diplomate vénézuélien a salué le texte."):
        _, triples, _ = read(nlp, text.format(sentence=sentence))
        assert not any(t[0] == "Cour constitutionnelle" and t[1] == "PART_OF" for t in triples), sentence
