"""Trigger verbs (kg.extract.constructions.verbs)."""

from __future__ import annotations

import pytest

from tests.extract import read


def test_pursue_is_not_sue_unless_in_court(nlp):
    _, plain, _ = read(nlp, "Sanofi poursuit Bayer sur le marché des vaccins.")
    assert not any(t[1] == "SUES" for t in plain)
    _, court, _ = read(nlp, "Sanofi poursuit Bayer en justice.")
    assert ("Sanofi", "SUES", "Bayer", "asserted") in court


def test_suspend_join_and_enter_the_capital(nlp):
    _, triples, _ = read(nlp, "La justice brésilienne a suspendu le réseau social Rumble.")
    assert ("justice brésilienne", "BANS", "Rumble", "asserted") in triples
    _, triples, _ = read(nlp, "Claire Martin rejoint le groupe Atos.")
    assert ("Claire Martin", "WORKS_FOR", "Atos", "asserted") in triples
    _, triples, _ = read(nlp, "Le fonds KKR va entrer au capital d'Eutelsat.")
    assert ("KKR", "INVESTS_IN", "Eutelsat", "asserted") in triples


def test_sanctions_imposed_successors_by_passive_and_past_roles(nlp):
    _, triples, _ = read(nlp, "Le président américain Joe Biden a menacé d'imposer des sanctions au groupe chinois ZTE.")
    assert ("Joe Biden", "SANCTIONS", "ZTE", "hedged") in triples
    text = ("Le géant suisse Roche a annoncé le départ de son directeur général, Severin Schwan. Il sera remplacé par "
            "Thomas Schinecker, qui dirigeait jusqu'ici la filiale Genentech.")
    _, triples, _ = read(nlp, text)
    assert ("Thomas Schinecker", "SUCCEEDS", "Severin Schwan", "asserted") in triples
    assert not any(t[0] == "Thomas Schinecker" and t[1] == "LEADS" for t in triples)  # "dirigeait jusqu'ici"


def test_recruiting_makes_an_employee(nlp):
    _, triples, _ = read(nlp, "L'Olympique de Marseille, détenu par l'homme d'affaires Frank McCourt, a recruté l'attaquant Pierre-Emerick Aubameyang.")
    assert ("Pierre-Emerick Aubameyang", "WORKS_FOR", "Olympique de Marseille", "asserted") in triples


def test_supporting_and_succession_words(nlp):
    _, triples, _ = read(nlp, "Marc Dupont, un partisan de Marie Durand, a voté.")
    assert ("Marc Dupont", "SUPPORTS", "Marie Durand", "asserted") in triples
    _, triples, _ = read(nlp, "Paul Martin, prédécesseur de Sophie Leroy, est parti.")
    assert ("Sophie Leroy", "SUCCEEDS", "Paul Martin", "asserted") in triples


def test_coordinated_participles_share_their_agent_and_subject(nlp):
    _, triples, _ = read(nlp, "Free, fondée et dirigée par Xavier Niel, a annoncé une hausse de ses prix.")
    assert {("Xavier Niel", "FOUNDED", "Free", "asserted"), ("Xavier Niel", "LEADS", "Free", "asserted")} <= triples
    _, triples, _ = read(nlp, "Airbus a été fondée et dirigée par des Européens, puis rachetée par Boeing.")
    assert not any(t[0] == "Boeing" and t[1] in ("FOUNDED", "LEADS") for t in triples)
    # an active verb after a passive one shares its subject, not its agent
    _, triples, _ = read(nlp, "Nvidia a été fondée par Jensen Huang et a racheté Arm.")
    assert {("Jensen Huang", "FOUNDED", "Nvidia", "asserted"), ("Nvidia", "ACQUIRES", "Arm", "asserted")} <= triples
    assert not any(t[0] == "Jensen Huang" and t[1] == "ACQUIRES" for t in triples)


def test_a_board_acts_for_its_company(nlp):
    _, triples, _ = read(nlp, "Le conseil d'administration d'Orange a nommé Christel Heydemann directrice générale.")
    assert {("Orange", "APPOINTS", "Christel Heydemann", "asserted"),
            ("Christel Heydemann", "LEADS", "Orange", "asserted")} <= triples
    _, triples, _ = read(nlp, "Le conseil de surveillance de Renault a choisi Jean Dupont pour devenir directeur financier.")
    assert {("Renault", "APPOINTS", "Jean Dupont", "asserted"), ("Jean Dupont", "WORKS_FOR", "Renault", "asserted")} <= triples
    _, triples, _ = read(nlp, "Le conseil d'administration et de surveillance de Renault a nommé Jean Dupont.")
    assert ("Renault", "APPOINTS", "Jean Dupont", "asserted") in triples  # the longest listed body
    _, triples, _ = read(nlp, "Les électeurs de Paris ont choisi Anne Hidalgo.")
    assert not any(t[1] == "APPOINTS" for t in triples)  # "choisir" appoints only when a body chooses


def test_a_ban_on_operating_names_the_banned_and_where(nlp):
    _, triples, _ = read(nlp, "Le gouvernement indien a interdit à TikTok d'opérer dans le pays.")
    assert ("gouvernement indien", "BANS", "TikTok", "asserted") in triples
    _, triples, _ = read(nlp, "New Delhi a interdit TikTok en Inde.")
    assert {("New Delhi", "BANS", "TikTok", "asserted"), ("TikTok", "BANNED_IN", "Inde", "asserted")} <= triples


def test_a_group_led_by_a_company_acts_as_it(nlp):
    _, triples, _ = read(nlp, "Alstom a été repris par un consortium mené par Bouygues.")
    assert ("Bouygues", "ACQUIRES", "Alstom", "asserted") in triples


def test_meals_and_receptions_are_meetings(nlp):
    _, triples, _ = read(nlp, "Elon Musk a dîné avec Emmanuel Macron.")
    assert ("Elon Musk", "MEETS", "Emmanuel Macron", "asserted") in triples
    _, triples, _ = read(nlp, "Emmanuel Macron a accueilli Xi Jinping à l'Élysée.")
    assert ("Emmanuel Macron", "MEETS", "Xi Jinping", "asserted") in triples


def test_a_detached_participle_describes_the_subject_of_its_clause(nlp):
    _, triples, _ = read(nlp, "Critiqué par Amnesty International, le président Paul Biya a limogé son ministre.")
    assert ("Amnesty International", "CRITICIZES", "Paul Biya", "asserted") in triples
    _, triples, _ = read(nlp, "Marie Durand a démissionné en mai, accusée par Paul Martin de trahison.")
    assert ("Paul Martin", "CRITICIZES", "Marie Durand", "asserted") in triples
    # after an object or a name, the participle describes that: "Twitter, dirigé par X"
    _, triples, _ = read(nlp, "Elon Musk a racheté Twitter, dirigé par Parag Agrawal.")
    assert not any(t[0] == "Parag Agrawal" and t[2] == "Elon Musk" for t in triples)
    _, triples, _ = read(nlp, "Renault a racheté Dacia, fondée par Nicolae Ceausescu.")
    assert not any(t[1] == "FOUNDED" and t[2] == "Renault" for t in triples)
    # with a subject of its own the participle is a clause of its own: nothing is given to the main subject
    _, triples, _ = read(nlp, "Marie Durand a quitté le parti, son projet critiqué par Paul Martin.")
    assert ("Paul Martin", "CRITICIZES", "Marie Durand", "asserted") not in triples


def test_working_for_teaching_at_and_a_participle_of_an_apposed_noun(nlp):
    _, triples, _ = read(nlp, "Marie Durand travaille chez Renault depuis 2010.")
    assert ("Marie Durand", "WORKS_FOR", "Renault", "asserted") in triples
    _, triples, _ = read(nlp, "On a retrouvé Paul Martin, agronome travaillant pour Oxfam, dans l'est du pays.")
    assert ("Paul Martin", "WORKS_FOR", "Oxfam", "asserted") in triples
    _, triples, _ = read(nlp, "Selon Free, un opérateur fondé par Xavier Niel, les prix vont baisser.")
    assert ("Xavier Niel", "FOUNDED", "Free", "hedged") in triples  # "Selon": what Free says
    # working with a company is no employment
    _, triples, _ = read(nlp, "Marie Durand a travaillé avec Renault sur ce projet.")
    assert not any(t[1] == "WORKS_FOR" for t in triples)


def test_replaced_by_names_the_successor(nlp):
    _, triples, _ = read(nlp, "Le groupe Danone a remplacé Emmanuel Faber par Antoine de Saint-Affrique.")
    assert ("Antoine de Saint-Affrique", "SUCCEEDS", "Emmanuel Faber", "asserted") in triples
    assert not any(t[1] == "SUCCEEDS" and t[0] == "Danone" for t in triples)


def test_sanctions_imposed_in_the_passive(nlp):
    _, triples, _ = read(nlp, "De nouvelles sanctions ont été imposées à la Biélorussie par le Canada.")
    assert ("Canada", "SANCTIONS", "Biélorussie", "asserted") in triples
    _, lifted, _ = read(nlp, "Des sanctions ont été levées par le Canada.")
    assert not any(t[1] == "SANCTIONS" for t in lifted)


def test_a_stake_in_the_capital_of_the_company_named_before(nlp):
    _, triples, _ = read(nlp, "Vallourec a publié ses résultats. Le fonds Ardian détient 15 % de son capital.")
    assert ("Ardian", "OWNS", "Vallourec", "asserted") in triples
    # its own capital: no one else's
    _, triples, _ = read(nlp, "Le fonds Ardian a publié ses résultats. Il détient 15 % de son capital.")
    assert not any(t[1] == "OWNS" for t in triples)


def test_shares_sold_and_an_own_capital_name_no_other_company(nlp):
    _, triples, _ = read(nlp, "Vivendi a publié ses résultats. Xavier Niel a vendu ses actions.")
    assert not any(t[2] == "Vivendi" for t in triples)
    _, triples, _ = read(nlp, "Le fonds a racheté des actions de Renault. Amundi détient 4 % de son propre capital.")
    assert not any(t[1] == "OWNS" for t in triples)


def test_opposing_someone_criticises_and_opposing_a_deal_blocks_it(nlp):
    _, triples, _ = read(nlp, "S'opposant à Recep Tayyip Erdogan, Meral Aksener a fondé un nouveau parti.")
    assert ("Meral Aksener", "CRITICIZES", "Recep Tayyip Erdogan", "asserted") in triples
    _, triples, _ = read(nlp, "Le gouvernement espagnol s'oppose à l'offre publique d'achat de BBVA sur Banco Sabadell.")
    assert ("gouvernement espagnol", "BLOCKS", "BBVA", "asserted") in triples
    assert not any(t[1] == "CRITICIZES" for t in triples)


def test_opposing_a_deal_blocks_it_only_for_an_authority(nlp):
    _, triples, _ = read(nlp, "Greenpeace s'oppose au rachat de Suez par Veolia.")
    assert not any(t[1] == "BLOCKS" for t in triples)
    # the complement of the noun opposed is not what is opposed
    _, triples, _ = read(nlp, "Viktor Orban s'oppose à l'adhésion de l'Ukraine à l'Union européenne.")
    assert not any(t[2] == "Union européenne" for t in triples)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a set phrase after the verb's preposition does not end the reading of its complement
        ("Le Figaro appartient à 100 % à Dassault.", ("Dassault", "OWNS", "Le Figaro")),
        ("Renault s'associe à son tour à Geely.", ("Renault", "PARTNERS_WITH", "Geely")),
        # a government opposing a deal named by another noun blocks it
        ("Le gouvernement italien s'oppose à la prise de contrôle de Mediaset par Vivendi.",
         ("gouvernement italien", "BLOCKS", "Mediaset")),
        ("La Commission européenne s'oppose au projet de fusion entre Siemens et Alstom.",
         ("Commission européenne", "BLOCKS", "Alstom")),
    ],
)
def test_complements_after_set_phrases_and_deals_named_otherwise(nlp, text, expected):
    _, triples, _ = read(nlp, text)
    assert any(t[:3] == expected for t in triples)


def test_financing_is_support(nlp):
    _, triples, _ = read(nlp, "La chaîne Russia Today, financée par le Kremlin, émet désormais en France.")
    assert ("Kremlin", "SUPPORTS", "Russia Today", "asserted") in triples
    _, triples, _ = read(nlp, "Le Qatar a financé le Hamas pendant des années.")
    assert ("Qatar", "SUPPORTS", "Hamas", "asserted") in triples
    # financing one's own purchase supports nobody: the purchase stands
    _, triples, _ = read(nlp, "Apple a financé son rachat de Beats par un emprunt.")
    assert ("Apple", "ACQUIRES", "Beats", "asserted") in triples
    assert ("Apple", "SUPPORTS", "Beats", "asserted") not in triples


@pytest.mark.parametrize("text, triple", [
    ("Marine Dupuis a étrillé Emmanuel Macron lors du débat.", ("Marine Dupuis", "CRITICIZES", "Emmanuel Macron")),
    ("Nicolas Sarkozy a désavoué Laurent Wauquiez.", ("Nicolas Sarkozy", "CRITICIZES", "Laurent Wauquiez")),
    ("La CGT a épinglé Carrefour pour ses conditions de travail.", ("CGT", "CRITICIZES", "Carrefour")),
    ("Greenpeace a protesté contre TotalEnergies.", ("Greenpeace", "CRITICIZES", "TotalEnergies")),
    ("Le maire Jean Lefort s'insurge contre la préfecture de Lyon.", ("Jean Lefort", "CRITICIZES", "préfecture de Lyon")),
    ("Le Qatar épaule le Hamas depuis des années.", ("Qatar", "SUPPORTS", "Hamas")),
])
def test_more_verbs_of_criticism_and_support(nlp, text, triple):
    _, triples, _ = read(nlp, text)
    assert (*triple, "asserted") in triples


def test_a_coordinated_subject_meets_itself_only_without_an_object(nlp):
    _, triples, _ = read(nlp, "Emmanuel Macron et Angela Merkel se sont rencontrés à Berlin.")
    assert ("Emmanuel Macron", "MEETS", "Angela Merkel", "asserted") in triples
    # a length of time, a day, "ensemble" the parser made an object is no one met
    for text in ("Volodymyr Zelensky et Keir Starmer se sont entretenus deux heures au téléphone.",
                 "Donald Trump et Volodymyr Zelensky se sont entretenus une heure au téléphone.",
                 "Emmanuel Macron et Giorgia Meloni ont dîné ensemble à Rome lundi soir."):
        _, triples, _ = read(nlp, text)
        assert any(t[1] == "MEETS" for t in triples), text
    # someone else is met, or something received: the two did not meet each other
    for text in ("Emmanuel Macron et Angela Merkel ont rencontré des élus locaux.",
                 "Philippe Durand et Jacques Martin ont reçu ex aequo le prix Jean-Ferré."):
        _, triples, _ = read(nlp, text)
        assert not any(t[1] == "MEETS" for t in triples), text
    # a reciprocal verb with an object still pairs its subjects
    _, triples, _ = read(nlp, "Orange et Bouygues négocient un accord.")
    assert ("Orange", "NEGOTIATES_WITH", "Bouygues", "asserted") in triples
    # the other party named, and no entity: the two deal with someone else, by a verb or a noun
    for text in ("Orange et Bouygues négocient avec les syndicats.",
                 "Les ministres Paul Durand et Marie Martin ont entamé des négociations avec les grévistes.",
                 "Renault et Nissan ont signé un partenariat avec des fournisseurs chinois."):
        _, triples, _ = read(nlp, text)
        assert not any(t[1] in ("NEGOTIATES_WITH", "PARTNERS_WITH") for t in triples), text
    _, triples, _ = read(nlp, "Renault et Nissan ont signé un partenariat.")
    assert ("Renault", "PARTNERS_WITH", "Nissan", "asserted") in triples
    # a manner, a mediation or an entity after the preposition: the two still deal with each other
    for text, rel in (("Microsoft et OpenAI s'allient contre Google dans la course à l'intelligence artificielle.",
                       ("Microsoft", "PARTNERS_WITH", "OpenAI", "asserted")),
                      ("Kiev et Moscou ont négocié avec difficulté un échange de prisonniers.",
                       ("Kiev", "NEGOTIATES_WITH", "Moscou", "asserted")),
                      ("L'Ukraine et la Russie ont entamé des pourparlers avec la médiation de la Turquie.",
                       ("Ukraine", "NEGOTIATES_WITH", "Russie", "asserted"))):
        _, triples, _ = read(nlp, text)
        assert rel in triples, text

