"""Nominalisations (kg.extract.constructions.nouns)."""

from __future__ import annotations

import pytest

from tests.extract import read


def test_nominalisation_with_agent(nlp):
    _, triples, _ = read(nlp, "Le rachat de Zalando par Amazon inquiète les syndicats.")
    assert ("Amazon", "ACQUIRES", "Zalando", "asserted") in triples


def test_subsidiary_apposition_points_ownership_the_right_way(nlp):
    _, triples, _ = read(nlp, "Opel, filiale de Stellantis, a annoncé des suppressions de postes.")
    assert ("Stellantis", "OWNS", "Opel", "asserted") in triples
    assert not any(t[0] == "Opel" and t[1] == "OWNS" for t in triples)


def test_a_trigger_preposition_is_read_elided_and_contracted(nlp):
    # the lexicon lists "filiale de" and "succéder à"; French writes "d'Alphabet", "au patron"
    _, triples, _ = read(nlp, "YouTube, filiale d'Alphabet, a publié ses résultats.")
    assert ("Alphabet", "OWNS", "YouTube", "asserted") in triples
    _, triples, _ = read(nlp, "Jean Dupont va succéder au patron de Renault, Luca de Meo.")
    assert ("Jean Dupont", "SUCCEEDS", "Luca de Meo", "asserted") in triples


def test_whose_practices_are_investigated(nlp):
    _, triples, _ = read(nlp, "La Commission européenne a ouvert une enquête sur les pratiques de Meta.")
    assert ("Commission européenne", "REGULATES", "Meta", "asserted") in triples


def test_appointed_at_the_head_of(nlp):
    _, triples, _ = read(nlp, "Le conseil a nommé Claire Dubois à la tête de Michelin.")
    assert ("Claire Dubois", "LEADS", "Michelin", "asserted") in triples
    _, triples, _ = read(nlp, "Claire Dubois a été nommée à la tête de Michelin.")
    assert ("Claire Dubois", "LEADS", "Michelin", "asserted") in triples


def test_who_asks_for_a_sale_does_not_sell(nlp):
    _, triples, _ = read(nlp, "Le département de la Justice réclame la cession de la filiale Instagram.")
    assert not any(t[1] in ("SELLS", "OWNS") and t[0] == "département de la Justice" for t in triples)


def test_buyer_read_past_a_nationality_noun_and_parent_in_apposition(nlp):
    _, triples, _ = read(nlp, "Tokyo pourrait autoriser le rachat de Toshiba par l'américain Bain Capital.")
    assert ("Bain Capital", "ACQUIRES", "Toshiba", "hedged") in triples
    _, triples, _ = read(nlp, "Alphabet, la maison mère de YouTube, va faire appel.")
    assert ("Alphabet", "OWNS", "YouTube", "asserted") in triples


def test_the_state_with_a_nationality_is_the_country(nlp):
    types, triples, _ = read(nlp, "L'État italien va entrer au capital de Telecom Italia.")
    assert types.get("Italie") == "Country"
    assert ("Italie", "INVESTS_IN", "Telecom Italia", "asserted") in triples


def test_support_received_and_a_title_taken_by_election(nlp):
    text = ("La sénatrice Nathalie Goulet a été élue présidente du parti Renaissance. Elle a reçu le soutien de "
            "Gabriel Attal, qui avait rejoint le mouvement dès sa création.")
    types, triples, _ = read(nlp, text)
    assert ("Nathalie Goulet", "LEADS", "Renaissance", "asserted") in triples
    assert types.get("Renaissance") == "Organization"
    assert ("Gabriel Attal", "SUPPORTS", "Nathalie Goulet", "asserted") in triples
    assert ("Nathalie Goulet", "SUPPORTS", "Gabriel Attal", "asserted") not in triples
    assert ("Gabriel Attal", "WORKS_FOR", "Renaissance", "asserted") in triples


def test_property_of_and_undergoing_an_inquiry(nlp):
    text = ("Bernard Arnault a vendu des actions de Hermès. Le quotidien Le Parisien, propriété du milliardaire, "
            "fait l'objet d'une enquête de l'Autorité de la concurrence.")
    types, triples, _ = read(nlp, text)
    assert types.get("Hermès") == "Company"  # "des actions de X"
    assert ("Bernard Arnault", "OWNS", "Le Parisien", "asserted") in triples
    assert ("Autorité de la concurrence", "REGULATES", "Le Parisien", "asserted") in triples


def test_competitors_are_companies_and_presence_after_a_copula(nlp):
    text = ("Le gouvernement polonais a retenu l'américain Westinghouse pour construire une centrale. EDF, son "
            "concurrent français, conteste cette décision.")
    _, triples, _ = read(nlp, text)
    assert ("Westinghouse", "COMPETES_WITH", "EDF", "asserted") in triples
    assert ("EDF", "BASED_IN", "France", "asserted") in triples
    assert not any(t[1] == "COMPETES_WITH" and "gouvernement" in t[0] for t in triples)
    _, triples, _ = read(nlp, "Auchan a vendu Simply. Le distributeur reste présent en France et au Portugal.")
    assert ("Auchan", "OPERATES_IN", "Portugal", "asserted") in triples
    _, triples, _ = read(nlp, "Le président ukrainien Volodymyr Zelensky a demandé à l'Union européenne de nouvelles sanctions contre la Russie.")
    assert not any(t[1] == "SANCTIONS" and t[0] == "Volodymyr Zelensky" for t in triples)  # he asks, another sanctions


def test_taking_up_a_succession_succeeds_and_following_does_not(nlp):
    _, triples, _ = read(nlp, "Thierry Morel prendra la suite de Carlos Vidal à la tête de Renault.")
    assert any(t[:3] == ("Thierry Morel", "SUCCEEDS", "Carlos Vidal") for t in triples)
    _, triples, _ = read(nlp, "Luca Moretti assurera la succession de Carlos Vidal.")
    assert any(t[:3] == ("Luca Moretti", "SUCCEEDS", "Carlos Vidal") for t in triples)
    _, triples, _ = read(nlp, "Thierry Morel a démissionné à la suite de Carlos Vidal.")
    assert not any(t[1] == "SUCCEEDS" for t in triples)


def test_under_an_investigation_and_parent_company(nlp):
    _, triples, _ = read(nlp, "Google est sous le coup d'une enquête de la Commission européenne.")
    assert ("Commission européenne", "REGULATES", "Google", "asserted") in triples
    _, triples, _ = read(nlp, "Alphabet, société mère de Google, a publié ses résultats.")
    assert ("Alphabet", "OWNS", "Google", "asserted") in triples


def test_who_decides_on_a_deal_is_no_party_to_it(nlp):
    _, triples, _ = read(nlp, "Le Congrès a mis son veto au rachat de Lattice.")
    assert ("Congrès", "BLOCKS", "Lattice", "asserted") in triples
    assert not any(t[0] == "Congrès" and t[1] == "ACQUIRES" for t in triples)
    _, triples, _ = read(nlp, "Le Congrès a mis son veto au rachat de Lattice par Canyon Bridge.")
    assert ("Congrès", "BLOCKS", "Canyon Bridge", "asserted") in triples


def test_measures_and_restrictions_against_a_company_are_sanctions(nlp):
    _, triples, _ = read(nlp, "Washington a pris des mesures contre Huawei.")
    assert ("Washington", "SANCTIONS", "Huawei", "asserted") in triples
    _, triples, _ = read(nlp, "Les restrictions imposées à Huawei par Washington ont pesé sur ses ventes.")
    assert ("Washington", "SANCTIONS", "Huawei", "asserted") in triples
    _, triples, _ = read(nlp, "Les mesures de Renault contre la crise ont porté leurs fruits.")
    assert not any(t[1] == "SANCTIONS" for t in triples)


@pytest.mark.parametrize("text", [
    "Les États-Unis ont levé les sanctions contre Huawei.",
    "Washington a annoncé la levée des restrictions imposées à ZTE.",
    "Pékin a mis fin aux sanctions contre Lockheed Martin.",
    "Bruxelles a supprimé les restrictions visant Huawei.",
])
def test_a_measure_lifted_is_no_sanction(nlp, text):
    _, triples, _ = read(nlp, text)
    assert not any(t[1] == "SANCTIONS" for t in triples)


def test_a_measure_extended_is_still_a_sanction(nlp):
    _, triples, _ = read(nlp, "L'Union européenne a prolongé les sanctions contre Gazprom.")
    assert ("Union européenne", "SANCTIONS", "Gazprom", "asserted") in triples


@pytest.mark.parametrize("text, person, org", [
    ("Après la réélection d'Ali Bongo Ondimba à la présidence du Gabon, des violences ont eu lieu.",
     "Ali Bongo Ondimba", "Gabon"),
    ("Jair Bolsonaro a accédé à la présidence du Brésil en 2019.", "Jair Bolsonaro", "Brésil"),
    ("La nomination de Christine Lagarde à la tête de la Banque centrale européenne a été confirmée.",
     "Christine Lagarde", "Banque centrale européenne"),
    ("Nicolas Sarkozy a été réélu à la tête de l'UMP.", "Nicolas Sarkozy", "UMP"),
])
def test_who_comes_to_the_presidency_or_the_head_of_a_body_leads_it(nlp, text, person, org):
    _, triples, _ = read(nlp, text)
    assert (person, "LEADS", org, "asserted") in triples


def test_parties_sharing_a_presidency_lead_nothing(nlp):
    _, triples, _ = read(nlp, "Le Parti populaire européen et le Parti socialiste européen se sont entendus pour "
                              "alterner la présidence du Parlement européen.")
    assert not any(t[1] == "LEADS" for t in triples)


@pytest.mark.parametrize("text, triple", [
    ("La FIFA a prononcé une suspension de six ans et une amende contre Sepp Blatter.",
     ("FIFA", "SANCTIONS", "Sepp Blatter", "asserted")),
    ("Moscou a retiré son ambassadeur après les sanctions imposées par Washington à la Russie.",
     ("Washington", "SANCTIONS", "Russie", "asserted")),
    ("Apple a supprimé l'application après l'interdiction de TikTok par l'Inde.",
     ("Inde", "BANS", "TikTok", "asserted")),
])
def test_a_measure_beside_a_lifting_word_is_still_taken(nlp, text, triple):
    # the measure is no object of the lifting word: a circumstance of it, or coordinated with it
    _, triples, _ = read(nlp, text)
    assert triple in triples


@pytest.mark.parametrize("text", [
    "Le candidat Jair Bolsonaro brigue la présidence du Brésil.",
    "Sepp Blatter a annoncé sa candidature à la présidence de la FIFA.",
    "Michel Platini vise la présidence de la FIFA.",
])
def test_a_candidate_to_a_presidency_leads_nothing(nlp, text):
    _, triples, _ = read(nlp, text)
    assert not any(t[1] == "LEADS" for t in triples)


def test_support_is_given_by_the_complement_of_de(nlp):
    _, triples, _ = read(nlp, "Marc Hamon avait dénoncé le soutien de Nicolas Miguet à Valérie Pécresse.")
    assert ("Nicolas Miguet", "SUPPORTS", "Valérie Pécresse", "asserted") in triples
    assert not any(t[0] == "Marc Hamon" and t[1] == "SUPPORTS" for t in triples)
    _, triples, _ = read(nlp, "Nicolas Sarkozy a apporté son soutien à François Fillon.")
    assert ("Nicolas Sarkozy", "SUPPORTS", "François Fillon", "asserted") in triples
    _, triples, _ = read(nlp, "Le soutien de la Russie au régime syrien inquiète Washington.")
    assert ("Russie", "SUPPORTS", "régime syrien", "asserted") in triples
    # "les soutiens de X": X's supporters; "à l'Assemblée" is where they are
    _, triples, _ = read(nlp, "Les soutiens de François Fillon à l'Assemblée nationale ont protesté.")
    assert not any(t[1] == "SUPPORTS" for t in triples)
    # "compter sur" is no receiving verb: "sans compter l'acquisition de X par Y"
    _, triples, _ = read(nlp, "Danone comptait sur le rachat de WhiteWave par Coca-Cola.")
    assert ("Coca-Cola", "ACQUIRES", "WhiteWave") in {t[:3] for t in triples}


def test_support_backing_a_clause_and_a_supporter_in_apposition(nlp):
    _, triples, _ = read(nlp, "Le 24 août, l'armée turque intervient dans le nord de la Syrie avec le soutien des États-Unis.")
    assert ("États-Unis", "SUPPORTS", "armée turque", "asserted") in triples
    _, triples, _ = read(nlp, "Dans le même temps, l'armée malienne avance sur deux fronts grâce à l'aide de la France.")
    assert ("France", "SUPPORTS", "armée malienne", "asserted") in triples
    _, triples, _ = read(nlp, "Il a reçu Marc Petit, Paul Roche, soutien de Benoît Hamon, et Luc Martin.")
    assert {t[:3] for t in triples if t[1] == "SUPPORTS"} == {("Paul Roche", "SUPPORTS", "Benoît Hamon")}
    # aid withdrawn is no support; "à l'aide de" a thing is a means
    _, triples, _ = read(nlp, "Déjà en mars 2016, l'UE avait interrompu son aide directe au gouvernement burundais.")
    assert not any(t[1] == "SUPPORTS" for t in triples)
    for text in ("Washington a mis fin à son aide à Kiev.", "Le FMI a refusé son aide à l'Argentine.",
                 "Xavier Bertrand, ancien soutien de Nicolas Sarkozy, a parlé."):
        _, triples, _ = read(nlp, text)
        assert not any(t[1] == "SUPPORTS" for t in triples), text
    # "avec" the support one gives another: not the subject's backing
    _, triples, _ = read(nlp, "Olaf Scholz a rompu avec le soutien inconditionnel de l'Allemagne à Israël.")
    assert {t[:3] for t in triples if t[1] == "SUPPORTS"} == {("Allemagne", "SUPPORTS", "Israël")}
    _, triples, _ = read(nlp, "L'UE a augmenté son aide directe au gouvernement burundais.")
    assert ("Union européenne", "SUPPORTS", "gouvernement burundais", "asserted") in triples


@pytest.mark.parametrize(("text", "triple"), [
    ("Le Tchad est l’un des principaux alliés de la France dans la lutte contre le terrorisme.",
     ("Tchad", "PARTNERS_WITH", "France")),
    ("En effet, l’armée turque est un allié de l’Armée syrienne libre et tente de conforter son avancée.",
     ("armée turque", "PARTNERS_WITH", "Armée syrienne libre")),
    ("Le Qatar, allié des États-Unis, a démenti.", ("Qatar", "PARTNERS_WITH", "États-Unis")),
    ("Le gouvernement redoute que le Hezbollah et d'autres milices, alliés à l'Iran, ne s'approchent.",
     ("Hezbollah", "PARTNERS_WITH", "Iran")),
])
def test_allies(nlp, text, triple):
    _, triples, _ = read(nlp, text)
    assert triple in {t[:3] for t in triples}
    assert not any(t[1] == "RELATED_TO" for t in triples)


def test_a_former_ally_and_one_of_the_predecessors(nlp):
    _, triples, _ = read(nlp, "Evgueni Prigojine, ancien allié de Vladimir Poutine, est mort.")
    assert not any(t[1] == "PARTNERS_WITH" for t in triples)
    _, triples, _ = read(nlp, "Édouard Philippe, l'un des prédécesseurs de Gabriel Attal, a parlé.")
    assert not any(t[1] == "SUCCEEDS" for t in triples)


def test_leaving_a_body(nlp):
    _, triples, _ = read(nlp, "La sortie du Royaume-Uni de l'Union européenne inquiète les marchés.")
    assert ("Royaume-Uni", "RELATED_TO", "Union européenne", "asserted") in triples
    _, triples, _ = read(nlp, "Le Burundi a voté. Le retrait du pays de la Cour pénale internationale inquiète l'ONU.")
    assert ("Burundi", "RELATED_TO", "Cour pénale internationale", "asserted") in triples
    # leaving a place is no relation with it
    _, triples, _ = read(nlp, "Le retrait de la France du Mali a commencé.")
    assert not any(t[1] == "RELATED_TO" for t in triples)


def test_an_entente_is_an_agreement(nlp):
    _, triples, _ = read(nlp, "Le Canada et l'Union européenne ont signé dimanche une entente globale de libre-échange.")
    assert ("Canada", "PARTNERS_WITH", "Union européenne", "asserted") in triples


def test_partners_and_taking_control(nlp):
    _, triples, _ = read(nlp, "Stellantis et son partenaire Leapmotor ont présenté une voiture électrique.")
    assert ("Stellantis", "PARTNERS_WITH", "Leapmotor") in {t[:3] for t in triples}
    _, triples, _ = read(nlp, "Le groupe Vivendi a pris le contrôle de Lagardère en 2023.")
    assert ("Vivendi", "ACQUIRES", "Lagardère", "asserted") in triples
    # control exercised or lost is no purchase
    _, triples, _ = read(nlp, "Le groupe Vivendi a perdu le contrôle de Lagardère.")
    assert not any(t[1] == "ACQUIRES" for t in triples)


def test_an_opponent_tagged_as_a_verb(nlp):
    _, triples, _ = read(nlp, "Le président Ali Bongo a salué son opposant Jean Ping.")
    assert ("Jean Ping", "CRITICIZES", "Ali Bongo", "asserted") in triples


def test_the_buyer_is_no_seller_and_a_nomination_as_a_title(nlp):
    _, triples, _ = read(nlp, "Sanofi a finalisé l'acquisition de Bioverativ auprès de Biogen.")
    assert ("Biogen", "SELLS", "Bioverativ", "asserted") in triples
    assert not any(t[0] == "Sanofi" and t[1] == "SELLS" for t in triples)
    # a seller the text names as the buyer's other name is the buyer: no one sells to himself
    _, triples, _ = read(nlp, "TotalEnergies a finalisé l'acquisition de SunPower auprès de Total.")
    assert ("TotalEnergies", "ACQUIRES", "SunPower", "asserted") in triples
    assert not any(t[1] in ("SELLS", "OWNS") for t in triples)
    _, triples, _ = read(nlp, "La nomination de Luca de Meo comme directeur général de Renault a surpris.")
    assert ("Luca de Meo", "LEADS", "Renault", "asserted") in triples


def test_disagreeing_with_a_decision_and_opposing(nlp):
    text = ("La Commission européenne a interdit la fusion entre Alstom et Siemens. "
            "Le gouvernement français s'est dit en désaccord avec cette décision.")
    _, triples, _ = read(nlp, text)
    assert ("Commission européenne", "BLOCKS", "Alstom", "asserted") in triples  # a deal forbidden is blocked
    assert not any(t[1] == "BANS" for t in triples)
    assert ("gouvernement français", "CRITICIZES", "Commission européenne", "asserted") in triples
    _, triples, _ = read(nlp, "La Pologne a réaffirmé son opposition aux projets de la Commission européenne.")
    assert ("Pologne", "CRITICIZES", "Commission européenne", "asserted") in triples


def test_what_is_opposed_and_banned_beside_a_deal(nlp):
    _, triples, _ = read(nlp, "Le pape François a rappelé son opposition à la guerre en Ukraine.")
    assert not any(t[1] == "CRITICIZES" for t in triples)  # a war in a country is no criticism of it
    _, triples, _ = read(nlp, "Pékin a interdit les produits de Micron en représailles à l'échec du rachat de Kioxia.")
    assert not any(t[1] == "BLOCKS" for t in triples)  # a ban on products, the deal only mentioned


def test_a_list_of_backers_the_parser_hung_on_the_verb(nlp):
    _, triples, _ = read(nlp, "Le mouvement Ahrar al-Cham bénéficie du soutien de la Turquie, de l'Arabie saoudite "
                              "et du Qatar.")
    for backer in ("Turquie", "Arabie saoudite", "Qatar"):
        assert (backer, "SUPPORTS", "Ahrar al-Cham", "asserted") in triples
    # a place after another preposition continues no list
    _, triples, _ = read(nlp, "Béatrice Négrier, maire de Plaissan, dans l'Hérault, a été condamnée.")
    assert not any(t[2] == "Hérault" and t[1] == "LEADS" for t in triples)


def test_a_possessive_the_parser_hung_on_an_adjective_and_a_participles_subject(nlp):
    _, triples, _ = read(nlp, "Stellantis dépasse ainsi son légendaire concurrent Renault.")
    assert ("Stellantis", "COMPETES_WITH", "Renault", "asserted") in triples
    # "son" after a participle refers to the subject of the clause the participle hangs on
    _, triples, _ = read(nlp, "Stellantis et General Motors ont signé l'accord. Le groupe Stellantis, premier groupe "
                              "automobile français, acquiert la marque Opel, devenant ainsi le deuxième groupe européen, "
                              "derrière Volkswagen mais devant son légendaire concurrent Renault.")
    assert ("Stellantis", "COMPETES_WITH", "Renault", "asserted") in triples
    assert not any(t[0] == "General Motors" and t[1] == "COMPETES_WITH" for t in triples)


def test_backing_received_by_the_subject_of_a_passive_clause(nlp):
    _, triples, _ = read(nlp, "Bénéficiant du soutien de la chancelière allemande Angela Merkel, Jean-Claude Juncker "
                              "avait été désigné candidat.")
    assert ("Angela Merkel", "SUPPORTS", "Jean-Claude Juncker", "asserted") in triples
    # the name after the comma begins the clause: it continues no list of backers
    assert ("Jean-Claude Juncker", "SUPPORTS", "Angela Merkel", "asserted") not in triples


def test_a_plural_relational_noun_after_a_list_of_names(nlp):
    _, triples, _ = read(nlp, "L'opérateur Sprint et le fabricant de satellites OneWeb, filiales de SoftBank, ont recruté.")
    assert ("SoftBank", "OWNS", "Sprint", "asserted") in triples
    assert ("SoftBank", "OWNS", "OneWeb", "asserted") in triples
    # a singular one is said of the last name only
    _, triples, _ = read(nlp, "Sprint et OneWeb, filiale de SoftBank, ont recruté.")
    assert ("SoftBank", "OWNS", "Sprint", "asserted") not in triples


def test_a_relational_noun_as_subject_of_a_copula_with_a_name(nlp):
    _, triples, _ = read(nlp, "Michael Flynn a démissionné. Son successeur sera David Petraeus.")
    assert ("David Petraeus", "SUCCEEDS", "Michael Flynn", "asserted") in triples
    # "son" may be either person named before: no succession read
    _, triples, _ = read(nlp, "Emmanuel Macron a nommé Édouard Philippe. Son prédécesseur était Bernard Cazeneuve.")
    assert not any(t[1] == "SUCCEEDS" for t in triples)


def test_the_clitic_of_the_verb_is_the_nouns_complement(nlp):
    _, triples, _ = read(nlp, "Benoît Hamon a gagné la primaire. Henri Emmanuelli lui a apporté son soutien.")
    assert ("Henri Emmanuelli", "SUPPORTS", "Benoît Hamon", "asserted") in triples


def test_a_company_name_standing_for_what_it_makes(nlp):
    # planes bought from their maker: no company is acquired
    _, triples, _ = read(nlp, "La Turquie a annoncé l'achat de 40 Airbus.")
    assert ("Turquie", "RELATED_TO", "Airbus", "asserted") in triples
    assert not any(t[1] == "ACQUIRES" for t in triples)
    _, triples, _ = read(nlp, "La Turquie a annoncé l'achat d'Airbus.")
    assert ("Turquie", "ACQUIRES", "Airbus", "asserted") in triples
    # a plane that crashes is no act of its maker
    for text in ("Un Boeing 777 s'écrase au Népal.", "Un Airbus A320 s'écrase au Népal."):
        _, triples, _ = read(nlp, text)
        assert not any(t[2] == "Népal" for t in triples), text
    # a number that counts no product: a rank in words, a share, a name ending in a number
    for text, triple in [("Le numéro deux Stellantis a investi dans la start-up Archer Aviation.",
                          ("Stellantis", "INVESTS_IN", "Archer Aviation")),
                         ("Bolloré a cédé à Vivendi 12 % du capital de Telecom Italia.",
                          ("Vivendi", "INVESTS_IN", "Telecom Italia")),
                         ("France 24 a porté plainte contre le groupe Wagner.", ("France 24", "SUES", "Wagner"))]:
        _, triples, _ = read(nlp, text)
        assert triple in {t[:3] for t in triples}, text
    # the maker named by a description is no product: "l'avionneur américain" is Boeing
    _, triples, _ = read(nlp, "La compagnie Qantas a annoncé l'achat de 20 Boeing 787 auprès de l'avionneur américain.")
    assert ("Boeing", "BASED_IN", "États-Unis") in {t[:3] for t in triples}



@pytest.mark.parametrize(("text", "pair"), [
    ("Emmanuel Macron a remporté 66 % des suffrages face à sa rivale Marine Le Pen.",
     ("Emmanuel Macron", "Marine Le Pen")),
    ("Jean Ping, le rival d'Ali Bongo, a contesté les résultats.", ("Jean Ping", "Ali Bongo")),
    ("Renault, le rival de PSA, a publié ses résultats.", ("Renault", "Peugeot")),
])
def test_rivals_of_people_parties_and_companies(nlp, text, pair):
    _, triples, _ = read(nlp, text)
    assert frozenset(pair) in {frozenset((t[0], t[2])) for t in triples if t[1] == "COMPETES_WITH"}


@pytest.mark.parametrize("text", ["La candidate du Rassemblement national a devancé sa rivale Valérie Pécresse.",
                                  "Volodymyr Zelensky a appelé son adversaire Vladimir Poutine à négocier."])
def test_no_rivals_of_two_kinds_nor_opponents_in_a_war(nlp, text):
    # a party is no rival of a person; "adversaire" is said of courts and wars as well
    _, triples, _ = read(nlp, text)
    assert not any(t[1] == "COMPETES_WITH" for t in triples)
