"""Gender agreement in coreference: people get a gender from the text, pronouns keep to it."""

from __future__ import annotations

import pytest


@pytest.fixture
def resolved(nlp):
    """The names each token of a text resolves to (``doc._.kg_coref``), by token text."""
    pipe = nlp.get_pipe("kg_relations")

    def run(text: str) -> dict[str, list[str]]:
        pipe.keep_coref = True
        try:
            doc = nlp(text)
        finally:
            pipe.keep_coref = False
        return {doc[i].text + f"@{i}": [n for n, _ in names] for i, names in doc._.kg_coref.items()}

    return run


def _of(resolved: dict[str, list[str]], word: str) -> list[str]:
    return next(names for key, names in resolved.items() if key.split("@")[0] == word)


def test_elle_skips_a_man_named_by_monsieur(resolved):
    out = resolved("Mme Claire Dubois est arrivée lundi à Lyon. M. Paul Martin l'a accueillie à la gare. "
                   "Elle a ensuite visité l'usine.")
    assert _of(out, "Elle") == ["Claire Dubois"]


def test_il_skips_a_woman_shown_by_agreement(resolved):
    out = resolved("Jean Moreau a présenté le budget. Camille Bernard a été élue maire de Nantes. "
                   "Il a aussitôt critiqué ce choix.")
    assert _of(out, "Il") == ["Jean Moreau"]


def test_lui_is_a_person_other_than_the_subject(resolved):
    out = resolved("Le ministre Paul Lefort a rencontré Anne Rivière à Genève. La fondation Horizon lui a "
                   "remis un prix.")
    assert _of(out, "lui") in (["Paul Lefort"], ["Anne Rivière"])


def test_an_inverted_subject_pronoun_keeps_to_gender(resolved):
    out = resolved("Mme Claire Dubois a rencontré M. Paul Martin à Lyon. « Nous avons signé », a-t-elle déclaré.")
    assert _of(out, "-elle") == ["Claire Dubois"]
    out = resolved("Mme Claire Dubois a rencontré M. Paul Martin à Lyon. « Nous avons signé », a-t-il déclaré.")
    assert _of(out, "-il") == ["Paul Martin"]


def test_a_plural_pronoun_takes_up_the_coordinated_subject(resolved):
    out = resolved("Renault et Nissan ont signé un accord. Ils ont ensuite racheté Mitsubishi.")
    assert sorted(_of(out, "Ils")) == ["Nissan", "Renault"]
    # the last subject is one entity: "ils" is left alone
    out = resolved("Renault et Nissan ont signé un accord. Mitsubishi a publié ses comptes. Ils sont bons.")
    assert not any(key.startswith("Ils@") for key in out)


def test_ce_dernier_is_the_last_person_named(resolved):
    out = resolved("Jean Moreau a reçu Paul Martin à Lyon. Ce dernier a ensuite visité l'usine.")
    assert _of(out, "dernier") == ["Paul Martin"]
    # an adjective before its noun is no reference
    out = resolved("Jean Moreau a présenté ce dernier rapport à Lyon.")
    assert not any(key.startswith("dernier@") for key in out)


def test_a_first_name_gives_a_gender_the_text_does_not(resolved):
    out = resolved("Sophie Laurent a rencontré Paul Girard à Lyon. Il a ensuite visité l'usine.")
    assert _of(out, "Il") == ["Paul Girard"]
    # what the text shows comes before the list: "Mme" over a first name read as a man's
    out = resolved("Mme Jean Lefort a rencontré Paul Girard à Lyon. Elle a ensuite visité l'usine.")
    assert _of(out, "Elle") == ["Jean Lefort"]


def test_ce_dernier_after_a_thing_and_ils_after_a_subject_that_is_no_entity(resolved):
    out = resolved("Patrick Pouyanné a présenté le projet de TotalEnergies. Ce dernier a été critiqué par Greenpeace.")
    assert not any(key.startswith("dernier@") for key in out)  # the project
    out = resolved("Renault et Nissan ont signé un accord, mais les syndicats restent inquiets. "
                   "Ils ont porté plainte contre Stellantis.")
    assert not any(key.startswith("Ils@") for key in out)  # the unions
