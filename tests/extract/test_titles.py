"""Titles and appositions (kg.extract.constructions.titles)."""

from __future__ import annotations

import pytest

from tests.extract import read


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le PDG de Danone Antoine de Saint-Affrique a quitté la réunion.",
         ("Antoine de Saint-Affrique", "LEADS", "Danone", "asserted")),
        ("Catherine MacGregor, directrice générale d'Engie, a présenté ses résultats.",
         ("Catherine MacGregor", "LEADS", "Engie", "asserted")),
        ("Le président brésilien Lula a visité Pékin.", ("Lula", "LEADS", "Brésil", "asserted")),
    ],
)
def test_title_constructions(nlp, text, expected):
    _, triples, _ = read(nlp, text)
    assert expected in triples


def test_former_roles_are_not_leads(nlp):
    _, triples, _ = read(nlp, "Jean Martin, l'ancien patron de Danone, a rejoint un fonds.")
    assert not any(t[1] == "LEADS" for t in triples)
    _, triples, _ = read(nlp, "Jean Martin, le patron de Danone, a rejoint un fonds.")
    assert ("Jean Martin", "LEADS", "Danone", "asserted") in triples
    # a two-word title is a past one by the word before its first word
    _, triples, _ = read(nlp, "Les fonds ont été remis par l'ancien directeur général de Renault, Paul Roche, à Marc Petit.")
    assert not any(t[1] == "LEADS" for t in triples)
    _, triples, _ = read(nlp, "Les fonds ont été remis par le directeur général de Renault, Paul Roche, à Marc Petit.")
    assert ("Paul Roche", "LEADS", "Renault", "asserted") in triples


def test_possessive_title_points_to_the_resolved_subject(nlp):
    _, triples, _ = read(nlp, "La Commission européenne a infligé une amende à Siemens. Le groupe de Munich fera "
                              "appel. Roland Busch, son patron, conteste la décision.")
    assert ("Roland Busch", "LEADS", "Siemens", "asserted") in triples
    assert not any(t[0] == "Roland Busch" and t[2] == "Commission européenne" for t in triples)


def test_shareholder_of_the_possessor_and_title_before_the_name(nlp):
    _, triples, _ = read(nlp, "Le groupe suédois Ericsson a annoncé des pertes. Le fonds Cevian, son principal actionnaire, "
                              "reste confiant.")
    assert ("Cevian", "OWNS", "Ericsson", "asserted") in triples
    _, triples, _ = read(nlp, "La Banque d'Italie a relevé ses prévisions. Son gouverneur, Fabio Panetta, reste prudent.")
    assert ("Fabio Panetta", "LEADS", "Banque d'Italie", "asserted") in triples


def test_title_apposition_with_a_two_word_company(nlp):
    _, triples, _ = read(nlp, "Lars Hansen, le patron de Novo Nordisk, a présenté les résultats.")
    assert ("Lars Hansen", "LEADS", "Novo Nordisk", "asserted") in triples


def test_a_sale_noun_names_its_buyer_and_names_before_a_title(nlp):
    text = ("Le groupe Lagardère a finalisé la vente de sa filiale Relay à Vivendi. Marie-Christine Bellon, "
            "la directrice générale de Lagardère, a salué l'opération.")
    types, triples, _ = read(nlp, text)
    assert ("Vivendi", "ACQUIRES", "Relay", "asserted") in triples
    assert types.get("Marie-Christine Bellon") == "Person"
    assert ("Marie-Christine Bellon", "LEADS", "Lagardère", "asserted") in triples


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Marie Dupont, journaliste au Monde, a publié une enquête.",
         ("Marie Dupont", "WORKS_FOR", "Monde", "asserted")),
        ("Anne Leroy est directrice générale de Renault depuis mars.",
         ("Anne Leroy", "LEADS", "Renault", "asserted")),
        ("Le député LR Jean Durand a voté contre le texte.", ("Jean Durand", "WORKS_FOR", "LR", "asserted")),
        ("Jean Durand, député LR, a voté contre le texte.", ("Jean Durand", "WORKS_FOR", "LR", "asserted")),
        ("Sophie Martin, candidate du Parti socialiste, a perdu.",
         ("Sophie Martin", "WORKS_FOR", "Parti socialiste", "asserted")),
    ],
)
def test_staff_titles_copula_and_party_labels(nlp, text, expected):
    _, triples, _ = read(nlp, text)
    assert expected in triples


def test_a_states_official_works_for_its_government_not_for_the_country(nlp):
    types, triples, _ = read(nlp, "Le gouvernement malawite a réagi. Paul Banda, vice-président du Malawi, a critiqué "
                                  "l'annonce. Peter Mwale, le ministre malawite des Transports, a démenti.")
    assert ("Paul Banda", "WORKS_FOR", "gouvernement malawite", "asserted") in triples
    assert ("Peter Mwale", "WORKS_FOR", "gouvernement malawite", "asserted") in triples
    assert "Transports" not in types
    _, triples, _ = read(nlp, "Sergueï Kislov, l'ambassadeur de Russie, a rencontré le sénateur.")
    assert not any(t[0] == "Sergueï Kislov" and t[2] == "Russie" for t in triples)


def test_a_minister_leads_the_ministry_the_text_names(nlp):
    _, triples, _ = read(nlp, "Le ministère de l'Intérieur a publié les chiffres. Le ministre de l'Intérieur, "
                              "Paul Morel, a présenté le projet.")
    assert ("Paul Morel", "LEADS", "ministère de l'Intérieur", "asserted") in triples
    _, triples, _ = read(nlp, "Le ministère de l'Intérieur turc a démenti. Le ministre de l'Intérieur, Paul Morel, "
                              "a présenté le projet.")
    assert not any(t[0] == "Paul Morel" for t in triples)


def test_a_bare_title_after_est_and_an_agentless_appointment(nlp):
    _, triples, _ = read(nlp, "Jeanne Vidal est directrice générale de Renault depuis 2019.")
    assert ("Jeanne Vidal", "LEADS", "Renault", "asserted") in triples
    _, triples, _ = read(nlp, "Luca Moretti a été nommé directeur général de Renault.")
    assert ("Renault", "APPOINTS", "Luca Moretti", "asserted") in triples
    _, triples, _ = read(nlp, "Luca Moretti a été nommé directeur général de Renault par le conseil d'administration.")
    assert not any(t[1] == "APPOINTS" and t[0] == "Renault" for t in triples)


def test_a_partys_first_secretary_leads_it(nlp):
    _, triples, _ = read(nlp, "Paul Morel a été écarté par le premier secrétaire du PS Jean Vidal.")
    assert ("Jean Vidal", "LEADS", "PS", "asserted") in triples


def test_a_title_of_an_organisation_after_an_article_then_the_name(nlp):
    _, triples, _ = read(nlp, "Le porte-parole de la Maison blanche, Sean Spicer, a dénoncé une attaque.")
    assert ("Sean Spicer", "WORKS_FOR", "Maison Blanche", "asserted") in triples
    _, triples, _ = read(nlp, "La directrice de l'Agence spatiale européenne Marie Durand a démissionné.")
    assert ("Marie Durand", "LEADS", "Agence spatiale européenne", "asserted") in triples


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Selon le sous-préfet d'Albertville, Nicolas Martin, la route est fermée.",
         ("Nicolas Martin", "LEADS", "Albertville", "asserted")),
        ("Il a écrit au président de la région Nouvelle-Aquitaine Alain Rousset.",
         ("Alain Rousset", "LEADS", "Nouvelle-Aquitaine", "asserted")),
        ("Le PDG du groupe Danone Antoine Martin a présenté les résultats.",
         ("Antoine Martin", "LEADS", "Danone", "asserted")),
        ("Le gouverneur de la province du Nord-Kivu, Julien Paluku, a parlé.",
         ("Julien Paluku", "LEADS", "Nord-Kivu", "asserted")),
    ],
)
def test_heads_of_places_and_of_a_group_named_by_its_classifier(nlp, text, expected):
    types, triples, _ = read(nlp, text)
    assert expected in triples
    assert types[expected[0]] == "Person"


def test_a_person_named_after_a_government_body_is_not_its_name(nlp):
    types, triples, _ = read(nlp, "Le chef de la police de Libreville, Jean-Thierry Oye, a annoncé un bilan.")
    assert types.get("Jean-Thierry Oye") == "Person"
    assert ("Jean-Thierry Oye", "LEADS", "police de Libreville", "asserted") in triples


def test_the_subject_after_a_cited_title_does_not_hold_it(nlp):
    _, triples, _ = read(nlp, "D'après le président de la région Occitanie, Emmanuel Macron a commis une erreur.")
    assert not any(t[0] == "Emmanuel Macron" and t[1] == "LEADS" for t in triples)
    _, triples, _ = read(nlp, "Selon le porte-parole de la Maison blanche, Donald Trump recevra Emmanuel Macron mardi.")
    assert not any(t[0] == "Donald Trump" and t[1] == "WORKS_FOR" for t in triples)



def test_the_head_of_a_unit_works_for_the_body_it_belongs_to(nlp):
    text = ("Ahmed Karim, directeur du bureau Maghreb d'Amnesty International, et Lina Haddad, cheffe de mission "
            "de Médecins du monde, ont visité le camp.")
    _, triples, _ = read(nlp, text)
    assert {("Ahmed Karim", "WORKS_FOR", "Amnesty International", "asserted"),
            ("Lina Haddad", "WORKS_FOR", "Médecins du monde", "asserted")} <= triples
    assert not any(t[1] == "LEADS" for t in triples)  # they lead a unit, not the body
    _, triples, _ = read(nlp, "Le directeur du service des communications du gouvernement du Ghana, Kofi Mensah, a démenti.")
    assert ("Kofi Mensah", "WORKS_FOR", "gouvernement du Ghana", "asserted") in triples
    # a title's own bare common noun: "attaché de presse", "chef de cabinet"
    _, triples, _ = read(nlp, "Le 3 avril, Dimitri Orlov , attaché de presse du gouvernement russe, annonce que le "
                              "ministère vérifie. Paul Roche, chef de cabinet du ministère de la Santé, a confirmé.")
    assert {("Dimitri Orlov", "WORKS_FOR", "gouvernement russe", "asserted"),
            ("Paul Roche", "WORKS_FOR", "ministère de la Santé", "asserted")} <= triples
    assert not any(t[1] == "LEADS" for t in triples)
    # a remit after "à": "déléguée à la culture du Conseil départemental"
    _, triples, _ = read(nlp, "En présence d'Élisabeth Amoros, déléguée à la culture du Conseil départemental de "
                              "Vaucluse, et de Sophie Joissains, il a annoncé la programmation.")
    assert ("Élisabeth Amoros", "WORKS_FOR", "Conseil départemental de Vaucluse", "asserted") in triples
    # a candidacy is no remit
    _, triples, _ = read(nlp, "Daniel Kretinsky, candidat à la reprise de Casino, a fait une offre.")
    assert not any(t[1] == "WORKS_FOR" for t in triples)
    _, triples, _ = read(nlp, "Rachida Dati, candidate de la droite à la mairie de Paris, a parlé.")
    assert not any(t[1] == "WORKS_FOR" for t in triples)
    # a remit, then "à" the employer
    _, triples, _ = read(nlp, "Jean Dupuis, responsable de la communication à la mairie de Nice, a démenti. Paul Henry, "
                              "directeur des opérations aux Galeries Lafayette, a parlé.")
    assert {("Jean Dupuis", "WORKS_FOR", "mairie de Nice", "asserted"),
            ("Paul Henry", "WORKS_FOR", "Galeries Lafayette", "asserted")} <= triples
    assert not any(t[1] == "LEADS" for t in triples)
    # a doctor of a hospital works there
    _, triples, _ = read(nlp, "Il a demandé au Dr Daniela Simon, médecin du CHU de Reims, de reprendre la procédure.")
    assert ("Daniela Simon", "WORKS_FOR", "CHU de Reims", "asserted") in triples


def test_a_title_complement_of_another_title_holds_nothing(nlp):
    # the name after the comma holds the outer title, not the president's
    _, triples, _ = read(nlp, "Le directeur de cabinet du président du Syctom, Patrice Furé, a confié cela à Reuters.")
    assert not any(t[1] == "LEADS" for t in triples)
    _, triples, _ = read(nlp, "Le géant suisse Nestlé a annoncé le départ de son directeur général, Laurent Freixe.")
    assert ("Laurent Freixe", "LEADS", "Nestlé", "asserted") in triples
    # a complement read linearly stops at a place's preposition: the group is not the Assembly
    _, triples, _ = read(nlp, "Il est remplacé par Bruno Le Roux , chef du groupe socialiste à l’ Assemblée nationale .")
    assert not any(t[1] == "LEADS" for t in triples)


def test_an_honorific_is_no_part_of_the_name(nlp):
    types, _, _ = read(nlp, "Le cheikh Hamad Al Sabah a reçu Mgr Luigi Ventura.")
    assert {"Hamad Al Sabah", "Luigi Ventura"} <= set(types)


def test_a_cited_title_with_its_holder_ending_the_sentence(nlp):
    text = ("Le moniteur l'attendait en bas de la piste, le guide devant récupérer et lui ramener son snowboard "
            "qu'il avait perdu lors de la montée, d'après le maire de Courchevel, Jean-Philippe Morel .")
    _, triples, _ = read(nlp, text)
    assert ("Jean-Philippe Morel", "LEADS", "Courchevel", "asserted") in triples


def test_a_unit_named_itself_is_the_body_led(nlp):
    _, triples, _ = read(nlp, "Le directeur de l'équipe Alpine, Bruno Famin, a démissionné.")
    assert ("Bruno Famin", "LEADS", "Alpine", "asserted") in triples


def test_a_minister_leads_no_country(nlp):
    _, triples, _ = read(nlp, "Le ministre du Gabon, Paul Roche, a parlé. Le gouvernement gabonais a démenti.")
    assert ("Paul Roche", "WORKS_FOR", "gouvernement gabonais", "asserted") in triples
    assert not any(t[1] == "LEADS" for t in triples)
    _, triples, _ = read(nlp, "Le Premier ministre du Québec, François Legault, a parlé.")
    assert ("François Legault", "LEADS", "Québec", "asserted") in triples


def test_the_participle_of_an_appointment_hung_on_the_name(nlp):
    text = "Paul Martin, nommé directeur général de Renault en mai, a présenté ses résultats."
    _, triples, _ = read(nlp, text)
    assert ("Paul Martin", "LEADS", "Renault", "asserted") in triples
    assert ("Renault", "APPOINTS", "Paul Martin", "asserted") in triples
    _, triples, _ = read(nlp, "Antonio Tajani élu président du Parlement européen")  # a headline
    assert ("Antonio Tajani", "LEADS", "Parlement européen", "asserted") in triples
    # an election by a party's members: the party appoints no one (the schema's APPOINTS is a body's)
    _, triples, _ = read(nlp, "Édouard Philippe a été réélu président du parti Horizons.")
    assert ("Édouard Philippe", "LEADS", "Horizons", "asserted") in triples
    assert not any(t[1] == "APPOINTS" for t in triples)
    # a participle with its own preposition names no title
    _, triples, _ = read(nlp, "Paul Martin, nommé au conseil de Renault en mai, a présenté ses résultats.")
    assert not any(t[1] == "LEADS" for t in triples)


def test_the_head_of_a_place_named_with_its_kind(nlp):
    _, triples, _ = read(nlp, "Ramzan Kadyrov, chef de la République de Tchétchénie, a démenti.")
    assert ("Ramzan Kadyrov", "LEADS", "République de Tchétchénie", "asserted") in triples
    # a staff member of a place leads nothing
    _, triples, _ = read(nlp, "Marc Petit, conseiller de la République de Tchétchénie, a démenti.")
    assert not any(t[1] == "LEADS" for t in triples)


def test_the_head_named_by_an_interim_or_a_presentation(nlp):
    # a "responsable" is an official, whatever the article ("le haut responsable du Hamas")
    _, triples, _ = read(nlp, "Le haut responsable du Hamas, Moussa Abou Marzouk, a démenti.")
    assert ("Moussa Abou Marzouk", "WORKS_FOR", "Hamas", "asserted") in triples
    assert not any(t[1] == "LEADS" for t in triples)
    _, triples, _ = read(nlp, "Le directeur par intérim du Comité d'enquête, Sergei Sokolov, a démenti.")
    assert ("Sergei Sokolov", "LEADS", "Comité d'enquête", "asserted") in triples
    _, triples, _ = read(nlp, "Paul Martin, considéré comme le patron de Renault, a démenti.")
    assert ("Paul Martin", "LEADS", "Renault", "asserted") in triples


def test_a_participle_of_a_role_not_held(nlp):
    for text in ("Jean Dupont, non élu président de l'UMP, a annoncé sa retraite.",
                 "Jean Dupont, bientôt nommé PDG de Renault, a démenti.",
                 "Paul Martin, présenté comme le futur patron de Renault, a démenti.",
                 "Jean Dupont, présenté à tort comme le chef du Hamas, a été libéré."):
        _, triples, _ = read(nlp, text)
        assert not any(t[1] in ("LEADS", "APPOINTS") for t in triples), text


def test_a_title_of_a_described_organisation_before_the_holder(nlp):
    text = "Le Parti radical a perdu des adhérents. Le premier secrétaire du parti Marc Lenoir a démenti."
    _, triples, _ = read(nlp, text)
    assert ("Marc Lenoir", "LEADS", "Parti radical", "asserted") in triples
    # the person's name is not the party's: no party named "Marc Lenoir" leads anything
    assert not any(t[0] == "Parti radical" for t in triples if t[1] == "LEADS")


@pytest.mark.parametrize("text", [
    "Roberta Metsola a été élue présidente du Parlement européen.",
    "Roberta Metsola élue présidente du Parlement européen",
])
def test_elected_by_the_body_she_presides(nlp, text):
    _, triples, ex = read(nlp, text)
    assert ("Parlement européen", "APPOINTS", "Roberta Metsola", "asserted") in triples
    assert ("Roberta Metsola", "LEADS", "Parlement européen", "asserted") in triples
    assert {r.predicate for r in ex.relations if r.type == "APPOINTS"} == {"élire"}


def test_elected_mayor_leads_the_city_and_no_one_appoints(nlp):
    _, triples, _ = read(nlp, "Anne Hidalgo a été réélue maire de Paris.")
    assert ("Anne Hidalgo", "LEADS", "Paris", "asserted") in triples
    assert not any(t[1] == "APPOINTS" for t in triples)  # a city is no body that appoints


def test_a_nomination_blocked_or_hedged_and_a_name_after_a_clause(nlp):
    _, triples, _ = read(nlp, "Le Sénat a bloqué la nomination de Jean Dupont comme directeur général de l'Ademe.")
    assert not any(t[1] == "LEADS" for t in triples)
    _, triples, _ = read(nlp, "La nomination de Paul Martin comme PDG d'Air France pourrait être annoncée lundi.")
    assert ("Paul Martin", "LEADS", "Air France", "hedged") in triples
    # the person named after "du groupe," begins the clause: the title's holder is not named
    _, triples, _ = read(nlp, "Orange a publié ses résultats. En l'absence du directeur du groupe, "
                              "Christel Heydemann a présenté les comptes.")
    assert not any(t[0] == "Christel Heydemann" and t[1] in ("LEADS", "WORKS_FOR") for t in triples)


def test_coordinated_titles_share_their_holder_and_their_body(nlp):
    _, triples, _ = read(nlp, "Jean Dupont, fondateur et président de Renault, est mort.")
    assert ("Jean Dupont", "FOUNDED", "Renault", "asserted") in triples
    assert ("Jean Dupont", "LEADS", "Renault", "asserted") in triples


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La présidente de la République slovaque Zuzana Caputova a réagi.",
         ("Zuzana Caputova", "LEADS", "Slovaquie", "asserted")),
        ("Le président de la République italien Sergio Mattarella a accepté la démission.",
         ("Sergio Mattarella", "LEADS", "Italie", "asserted")),
    ],
)
def test_the_head_of_a_republic_named_by_its_adjective(nlp, text, expected):
    _, triples, _ = read(nlp, text)
    assert expected in triples


def test_taking_the_direction_of_a_body(nlp):
    _, triples, _ = read(nlp, "Marie Dupont a pris la direction de Renault en 2019.")
    assert ("Marie Dupont", "LEADS", "Renault", "asserted") in triples
    # led by someone is not leading it oneself; a department's direction is not the company's
    _, triples, _ = read(nlp, "Sous la direction de Marie Dupont, Renault a prospéré.")
    assert not any(t[1] == "LEADS" and t[0] == "Renault" for t in triples)
    _, triples, _ = read(nlp, "Marie Dupont assure la direction de la communication de Renault.")
    assert not any(t[1] == "LEADS" for t in triples)
    # a department's direction, and a direction held in the past
    _, triples, _ = read(nlp, "Marie Dupont prend la direction financière d'Airbus.")
    assert not any(t[1] == "LEADS" for t in triples)
    _, triples, _ = read(nlp, "Marie Dupont a assuré la direction de Michelin de 2006 à 2012.")
    assert not any(t[1] == "LEADS" for t in triples)


def test_titles_of_three_words_and_more(nlp):
    _, triples, _ = read(nlp, "Laurent Valdiguié, rédacteur en chef du Journal du Dimanche, a démissionné.")
    assert ("Laurent Valdiguié", "LEADS", "Journal du Dimanche", "asserted") in triples
    _, triples, _ = read(nlp, "Jean Dupont, directeur de la rédaction du Monde, a parlé.")
    assert ("Jean Dupont", "LEADS", "Monde", "asserted") in triples
    # a name after the title's first words is its complement, not a word of a longer title
    _, triples, _ = read(nlp, "Le président du Conseil européen Donald Tusk a parlé.")
    assert ("Donald Tusk", "LEADS", "Conseil européen", "asserted") in triples


def test_a_quoted_name_after_its_kind(nlp):
    _, triples, _ = read(nlp, "Nathalie Kosciusko-Morizet, la députée du parti « Les Républicains », a annoncé sa candidature.")
    assert ("Nathalie Kosciusko-Morizet", "WORKS_FOR", "Les Républicains", "asserted") in triples
    _, triples, _ = read(nlp, "Emmanuel Macron a fondé le mouvement « En Marche » en avril.")
    assert any(t[0] == "Emmanuel Macron" and t[1] == "FOUNDED" for t in triples)


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # two people, each with a title of their own
        ("Le président Emmanuel Macron et le directeur général de Sanofi, Paul Hudson, ont visité l'usine.",
         ("Emmanuel Macron", "LEADS", "Sanofi")),
        # a past role coordinated with a present one shares neither holder nor body
        ("Thierry Breton, commissaire européen et ancien patron d'Atos, a parlé.", ("Thierry Breton", "LEADS", "Atos")),
        ("Jean Dupont, député et ancien président de la Fnac, a parlé.", ("Jean Dupont", "WORKS_FOR", "Fnac")),
        # "ancien" before the first title covers both
        ("Frédéric Oudéa, ancien directeur général et président de la Société générale, rejoint Sanofi.",
         ("Frédéric Oudéa", "LEADS", "Société générale")),
    ],
)
def test_coordinated_titles_not_shared(nlp, text, wrong):
    _, triples, _ = read(nlp, text)
    assert not any(t[:3] == wrong for t in triples)


def test_a_title_of_several_words_names_no_entity_inside_it(nlp):
    entities, _, _ = read(nlp, "Le secrétaire d'État américain Antony Blinken a rencontré Wang Yi.")
    assert "État" not in entities


def test_a_future_title_is_a_planned_role(nlp):
    _, triples, _ = read(nlp, "Luca de Meo, le futur patron de Renault, a parlé.")
    assert ("Luca de Meo", "LEADS", "Renault", "hedged") in triples
    _, triples, _ = read(nlp, "Renault a présenté son futur directeur général Luca de Meo.")
    assert ("Luca de Meo", "LEADS", "Renault", "hedged") in triples


def test_a_deputy_and_a_former_holder_of_a_title_of_several_words(nlp):
    _, triples, _ = read(nlp, "Fabrice Arfi, rédacteur en chef adjoint de Mediapart, a parlé.")
    assert ("Fabrice Arfi", "LEADS", "Mediapart", "asserted") not in triples
    assert ("Fabrice Arfi", "WORKS_FOR", "Mediapart", "asserted") in triples
    _, triples, _ = read(nlp, "L'ancien rédacteur en chef du Figaro, Étienne Mougeotte, est mort.")
    assert not any(t[1] == "LEADS" for t in triples)  # not the "chef" inside the title on its own
    entities, triples, _ = read(nlp, "Le secrétaire d'État aux Transports Jean-Baptiste Djebbari a annoncé la mesure.")
    assert "Transports" not in entities and not any(t[1] == "WORKS_FOR" for t in triples)
    # a country's own name is no nationality
    _, triples, _ = read(nlp, "Le secrétaire d'État du Vatican Pietro Parolin a parlé.")
    assert not any(t[1] == "BASED_IN" for t in triples)


def test_a_title_in_apposition_after_a_party_in_parentheses(nlp):
    _, triples, _ = read(nlp, "Angela Merkel (CDU), chancelière allemande, a parlé.")
    assert ("Angela Merkel", "LEADS", "Allemagne", "asserted") in triples
    assert ("Angela Merkel", "WORKS_FOR", "CDU", "asserted") in triples


def test_a_pronoun_the_parser_calls_expletive_holds_the_title_after_the_copula(nlp):
    _, triples, _ = read(nlp, "Paul Vergès est mort mardi. Il était le fondateur du Parti communiste réunionnais.")
    assert ("Paul Vergès", "FOUNDED", "Parti communiste réunionnais", "asserted") in triples


def test_a_title_after_a_past_copula_is_a_former_one(nlp):
    _, triples, _ = read(nlp, "Jean Martin a été président de Renault pendant dix ans.")
    assert ("Jean Martin", "LEADS", "Renault", "asserted") not in triples
    _, triples, _ = read(nlp, "Jean Martin a été nommé président de Renault.")
    assert ("Jean Martin", "LEADS", "Renault", "asserted") in triples


def test_a_title_held_for_a_closed_period_is_a_former_one(nlp):
    _, triples, _ = read(nlp, "Jean Martin, président de Renault entre 2001 et 2004, est mort hier.")
    assert ("Jean Martin", "LEADS", "Renault", "asserted") not in triples
    _, triples, _ = read(nlp, "Jean Martin, président de Renault depuis 2004, a parlé hier.")
    assert ("Jean Martin", "LEADS", "Renault", "asserted") in triples


def test_a_name_after_monsieur_or_madame_stands_where_the_parser_put_the_honorific(nlp):
    _, triples, _ = read(nlp, "M. Schultz, un partisan d'Hillary Clinton, a parlé hier.")
    assert ("Schultz", "SUPPORTS", "Hillary Clinton", "asserted") in triples


def test_a_title_of_several_words_before_a_name_is_read_past_its_last_word(nlp):
    types, triples, _ = read(nlp, "Le président du Conseil italien Matteo Renzi a démissionné hier.")
    assert ("Matteo Renzi", "LEADS", "Italie", "asserted") in triples
    assert "Conseil italien" not in types  # the title's last word and a nationality: no council


def test_a_title_holds_no_name_in_another_paragraph(nlp):
    _, triples, _ = read(nlp, "— Barack Obama, président des États-Unis\n\nBan Ki-moon se dit optimiste.")
    assert ("Barack Obama", "LEADS", "États-Unis", "asserted") in triples
    assert ("Ban Ki-moon", "LEADS", "États-Unis", "asserted") not in triples
    # a line wrapped inside the sentence is no paragraph
    _, triples, _ = read(nlp, "Le président de la Commission européenne\nUrsula von der Leyen a rencontré Joe Biden.")
    assert ("Ursula von der Leyen", "LEADS", "Commission européenne", "asserted") in triples


@pytest.mark.parametrize(("text", "right"), [
    ("Le président du Conseil régional de Bretagne Loïg Chesnais-Girard a critiqué la SNCF.",
     ("Loïg Chesnais-Girard", "LEADS", "Conseil régional de Bretagne", "asserted")),
    ("Le président du Conseil national suisse a rencontré Norbert Lammert.",
     ("Conseil national suisse", "PART_OF", "Suisse", "asserted")),
    (("Pierre Moscovici a été ministre de l'Économie puis commissaire européen, et il est désormais premier "
      "président de la Cour des comptes."), ("Pierre Moscovici", "LEADS", "Cour des comptes", "asserted")),
    ("Patrick Drahi a été le fondateur de Free.", ("Patrick Drahi", "FOUNDED", "Free", "asserted")),
])
def test_bodies_named_like_a_title_and_roles_not_ended(nlp, text, right):
    _, triples, _ = read(nlp, text)
    assert right in triples


@pytest.mark.parametrize("text", [
    "Louis Schweitzer a critiqué la fusion. Il était le président de Renault jusqu'en 2005.",
    "Louis Schweitzer a critiqué la fusion. Il était alors le président de Renault.",
])
def test_a_role_held_until_a_date_or_then_is_ended(nlp, text):
    _, triples, _ = read(nlp, text)
    assert ("Louis Schweitzer", "LEADS", "Renault", "asserted") not in triples


def test_a_terms_end_and_a_ministrys_own_minister_keep_the_role(nlp):
    text = "Ursula von der Leyen, présidente de la Commission européenne jusqu'en 2029, a reçu Emmanuel Macron."
    _, triples, _ = read(nlp, text)
    assert ("Ursula von der Leyen", "LEADS", "Commission européenne", "asserted") in triples
    text = "Le ministère de la Justice a réagi. Son ministre, Éric Dupond-Moretti, a dénoncé une cabale."
    _, triples, _ = read(nlp, text)
    assert ("Éric Dupond-Moretti", "LEADS", "ministère de la Justice", "asserted") in triples


def test_a_minister_of_a_possessor_works_for_it_and_a_race_after_a_party_label(nlp):
    text = "Le gouvernement du Burundi, par la voix de son ministre des affaires étrangères Alain Aimé Nyamitwe, a répondu."
    _, triples, _ = read(nlp, text)
    assert ("Alain Aimé Nyamitwe", "WORKS_FOR", "gouvernement du Burundi", "asserted") in triples
    assert ("Alain Aimé Nyamitwe", "LEADS", "gouvernement du Burundi", "asserted") not in triples
    _, triples, _ = read(nlp, "Le candidat LR à la présidentielle, François Fillon, a parlé hier.")
    assert ("François Fillon", "WORKS_FOR", "LR", "asserted") in triples


def test_staff_a_person_has_too_is_no_bodys_when_son_is_a_person(nlp):
    text = ("L'affaire a été révélée par Mediapart. Les avocats de Jérôme Cahuzac ont annoncé sa volonté de faire "
            "appel. Son avocat Jean Veil a déclaré : « On manque de places en prison. »")
    _, triples, _ = read(nlp, text)
    assert ("Jean Veil", "WORKS_FOR", "Mediapart", "asserted") not in triples
    _, triples, _ = read(nlp, "Marc Dupont a rencontré les dirigeants de Renault. Son directeur général Luca de Meo a parlé.")
    assert ("Luca de Meo", "LEADS", "Renault", "asserted") in triples


def test_a_bare_title_right_after_a_persons_name(nlp):
    # no comma between the name and the title: the parser reads the title into the name at times
    _, triples, _ = read(nlp, "« Nous irons jusqu'au bout » a affirmé Martine Leroux porte-parole de la FNSEA.")
    assert ("Martine Leroux", "WORKS_FOR", "FNSEA", "asserted") in triples
    # a title with its article after the name is another phrase (the object of "remplacer" here)
    _, triples, _ = read(nlp, "Le conseil a remplacé Martine Leroux par la porte-parole de la FNSEA.")
    assert not any(t[0] == "Martine Leroux" and t[1] == "WORKS_FOR" for t in triples)
    # not the object of a verb of judgement, a kin noun's complement, a minister, another gender
    for text in ("Le juge tient Carlos Ghosn responsable des pertes de Nissan.",
                 "La fille de Bernard Arnault directrice générale de Dior a présenté la collection.",
                 "Le Premier ministre a remplacé Bruno Le Maire ministre de l'Économie par Antoine Armand.",
                 "M. Paul Martin directrice de Dior a parlé.",
                 "Martin Vial a été nommé par Bruno Le Maire directeur de l'Agence des participations de l'État."):
        _, triples, _ = read(nlp, text)
        assert not any(t[1] in ("WORKS_FOR", "LEADS") for t in triples), text


def test_a_listed_body_keeps_its_name_before_the_titles_remit(nlp):
    # "aux droits de l'homme" is the remit of the title, not a part of the body's name
    entities, triples, _ = read(nlp, "Selon Michelle Bachelet, haute-commissaire des Nations unies aux droits de "
                                     "l'homme, la situation s'aggrave.")
    assert not any("droits" in name for name in entities)
    assert ("Michelle Bachelet", "WORKS_FOR", "Organisation des Nations unies", "asserted") in triples


def test_an_envoy_works_for_no_body_he_is_posted_to(nlp):
    _, triples, _ = read(nlp, "Karen Pierce, l'ambassadrice britannique à l'ONU, a demandé une réunion.")
    assert not any(t[0] == "Karen Pierce" and t[1] == "WORKS_FOR" for t in triples)
    _, triples, _ = read(nlp, "Karen Pierce, journaliste à la BBC, a demandé une réunion.")
    assert ("Karen Pierce", "WORKS_FOR", "BBC", "asserted") in triples
    # a brand's ambassador "chez" a company works for it
    _, triples, _ = read(nlp, "Le footballeur Kylian Mbappé, ambassadeur chez Nike, a signé un nouveau contrat.")
    assert ("Kylian Mbappé", "WORKS_FOR", "Nike", "asserted") in triples


def test_a_title_after_a_copula_in_the_simple_past_is_a_past_one(nlp):
    _, triples, _ = read(nlp, "Jean Martin fut directeur général de Renault.")
    assert not any(t[1] == "LEADS" for t in triples)
    _, triples, _ = read(nlp, "Jean Martin est directeur général de Renault.")
    assert ("Jean Martin", "LEADS", "Renault", "asserted") in triples
    # a head of state named by his nationality adjective
    text = ("L'ancien président Paul Dorval est mort vendredi. Paul Dorval {} le premier président haïtien, "
            "et encore le seul aujourd'hui, à achever deux mandats.")
    _, triples, _ = read(nlp, text.format("fut"))
    assert not any(t[1] == "LEADS" for t in triples)
    _, triples, _ = read(nlp, text.format("est"))
    assert ("Paul Dorval", "LEADS", "Haïti", "asserted") in triples
    # a cleft in the simple past tells a story, not a former role
    _, triples, _ = read(nlp, "Ce fut le président de Renault, Luca de Meo, qui annonça la nouvelle aux salariés.")
    assert ("Luca de Meo", "LEADS", "Renault", "asserted") in triples


@pytest.mark.parametrize("text", ["Alors patron de Danone, Paul Roche a soutenu la réforme.",
                                  "Paul Roche, alors patron de Danone, a soutenu la réforme."])
def test_then_before_a_title_marks_a_past_one(nlp, text):
    _, triples, _ = read(nlp, text)
    assert not any(t[1] == "LEADS" for t in triples)
    _, triples, _ = read(nlp, text.replace("alors ", "").replace("Alors patron", "Patron"))
    assert ("Paul Roche", "LEADS", "Danone", "asserted") in triples


def test_the_head_of_a_plant_works_for_its_company(nlp):
    _, triples, _ = read(nlp, "Le ministère a convoqué Jean Dupont, directeur de l'usine Renault de Flins.")
    assert ("Jean Dupont", "WORKS_FOR", "Renault", "asserted") in triples
    assert not any(t[1] == "LEADS" for t in triples)


def test_a_list_of_employers_stops_where_a_clause_begins(nlp):
    _, triples, _ = read(nlp, "D'après Paul Martin, analyste chez Morgan Stanley, Renault est sous-évalué.")
    assert ("Paul Martin", "WORKS_FOR", "Morgan Stanley", "asserted") in triples
    assert not any(t[2] == "Renault" for t in triples)


def test_a_staff_title_with_its_place_of_work_before_the_name(nlp):
    _, triples, _ = read(nlp, "Le chercheur au CNRS Paul Durand a publié une étude.")
    assert ("Paul Durand", "WORKS_FOR", "CNRS", "asserted") in triples
    # a remit first, and the name in apposition
    _, triples, _ = read(nlp, "La professeure de droit à Sciences Po, Anne Morel, a témoigné.")
    assert ("Anne Morel", "WORKS_FOR", "Sciences Po", "asserted") in triples
    # the title after a verb or a preposition, its name apposed
    for text in ("« C'est inacceptable », a réagi un chercheur au CNRS, Paul Durand.",
                 "Pour le chercheur au CNRS Paul Durand, la hausse est inquiétante."):
        _, triples, _ = read(nlp, text)
        assert ("Paul Durand", "WORKS_FOR", "CNRS", "asserted") in triples, text
    # not the subject after a source, a preposition or an object, nor someone else's apposition,
    # nor a state body one is no staff of
    for text in ("Selon le journaliste au Figaro, Paul Durand a menti.",
                 "Interrogé par un journaliste à l'AFP, Paul Durand a défendu sa réforme.",
                 "Alors qu'il interrogeait le chercheur au CNRS, Paul Durand a été interrompu.",
                 "Le mari de la chercheuse au CNRS, Paul Durand, a témoigné.",
                 "L'avocat au Conseil d'État Paul Durand a déposé un recours."):
        _, triples, _ = read(nlp, text)
        assert not any(t[0] == "Paul Durand" and t[1] == "WORKS_FOR" for t in triples), text


def test_the_subject_after_a_governed_title_does_not_hold_it(nlp):
    # a title under a preposition or a verb: the name after its comma begins the next clause
    _, triples, _ = read(nlp, "Interrogé par un journaliste de l'AFP, Paul Durand a défendu sa réforme.")
    assert not any(t[0] == "Paul Durand" and t[1] == "WORKS_FOR" for t in triples)
    # its apposition still holds it, with or without a closing comma
    _, triples, _ = read(nlp, "Il sera reçu par le roi du Maroc, Mohammed VI à l'occasion de son anniversaire.")
    assert ("Mohammed VI", "LEADS", "Maroc", "asserted") in triples
    _, triples, _ = read(nlp, "Il a rencontré le PDG de Renault, Luca de Meo, à Paris.")
    assert ("Luca de Meo", "LEADS", "Renault", "asserted") in triples


def test_a_title_after_coordinated_names_is_the_nearest_ones(nlp):
    text = ("Il a obtenu des rencontres stratégiques avec Vladimir Poutine et Patrick Pouyanné , PDG de Total et ami "
            "du candidat, en marge du forum.")
    _, triples, _ = read(nlp, text)
    assert ("Patrick Pouyanné", "LEADS", "TotalEnergies", "asserted") in triples
    assert ("Vladimir Poutine", "LEADS", "TotalEnergies", "asserted") not in triples


def test_a_plural_title_is_not_one_persons(nlp):
    text = "Dix minutes après l'arrivée de Paul Martin, les commissaires du Tour ont décidé de laisser à Jean Durand son maillot."
    _, triples, _ = read(nlp, text)
    assert not any(t[1] in ("LEADS", "WORKS_FOR") for t in triples)


def test_a_described_head_is_not_someone_named_in_its_own_sentence(nlp):
    text = ("Le 28 décembre, Vladimir Poutine nomme Boris Gryslov , une importante figure politique, pour dialoguer "
            "avec le président ukrainien sur cette question.")
    _, triples, _ = read(nlp, text)
    assert not any(t[1] == "LEADS" for t in triples)
    # the last person named before it, when none had the title, still is
    _, triples, _ = read(nlp, "Xi Jinping a reçu les journalistes. Le président chinois a salué la presse.")
    assert ("Xi Jinping", "LEADS", "Chine", "asserted") in triples


def test_plural_titles_held_by_the_names_after_them(nlp):
    text = ("Les fondateurs de Mistral AI, Arthur Mensch, Guillaume Lample et Timothée Lacroix, ont levé 600 millions "
            "d'euros.")
    _, triples, _ = read(nlp, text)
    assert ("Arthur Mensch", "FOUNDED", "Mistral AI", "asserted") in triples
    # "respectivement": the first title is the first name's
    text = "Carlos Tavares et Luca de Meo, respectivement patrons de Stellantis et de Renault, ont plaidé pour un report."
    _, triples, _ = read(nlp, text)
    assert ("Carlos Tavares", "LEADS", "Stellantis", "asserted") in triples
    assert ("Luca de Meo", "LEADS", "Stellantis", "asserted") not in triples
