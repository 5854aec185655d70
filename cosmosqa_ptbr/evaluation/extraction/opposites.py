"""Opposites for :mod:`.lexicon`: a negation before one side says the other ("não havia perigo" is "seguro").

One pair a line: words of one meaning (either language), a bar, words of its opposite. The lexicon reads a negation
followed by a word of one side as the other side's meaning (and as the negated word, so "não era perigoso" still
matches "não havia perigo"), and then no longer as a negation. Modals are left out: in "não seria possível imaginar"
the negation denies the verb after them.

>>> "seguro safe | perigoso perigo arriscado risco dangerous danger risky risk" in OPPOSITES.splitlines()
True
"""

from __future__ import annotations

from typing import Final

__all__ = ["OPPOSITES"]

OPPOSITES: Final = """
seguro safe | perigoso perigo arriscado risco dangerous danger risky risk
novo nova jovem young new | velho velha idoso old elderly
fácil easy simples simple | difícil hard difficult complicado complicated
feliz happy contente glad alegre | triste sad infeliz unhappy
cedo early | tarde late atrasado
caro expensive | barato cheap
rico rich | pobre poor
forte strong | fraco weak
cheio full lotado crowded | vazio empty
limpo clean | sujo dirty
quente hot | frio cold
grande big large | pequeno small little
rápido fast quick | lento slow devagar
bom good boa | ruim bad mau
certo right correto | errado wrong
aberto open | fechado closed
vivo alive | morto dead
calmo calm tranquilo relaxed | nervoso nervous ansioso anxious tenso tense
saudável healthy | doente sick ill
acordado awake | dormindo asleep
interessante interesting | chato boring entediante
ocupado busy | livre free desocupado
cansado tired exausto exhausted | descansado rested disposto
perto near close próximo | longe far distante distant
sozinho alone | acompanhado
verdade true verdadeiro | mentira lie false falso
lembrar remember | esquecer forget
ganhar win | perder lose
aceitar accept | recusar refuse rejeitar reject
gostar like | odiar hate detestar
sucesso success | fracasso failure
confortável comfortable | desconfortável uncomfortable
satisfeito satisfied | insatisfeito dissatisfied
agradável pleasant | desagradável unpleasant
importante important | irrelevante unimportant
conhecido known familiar | desconhecido unknown estranho stranger
honesto honest | desonesto dishonest
justo fair | injusto unfair
legal legal | ilegal illegal
presente present | ausente absent
sério serious | brincadeira joking joke
educado polite | grosseiro rude mal_educado
amigável friendly simpático nice | hostil hostile antipático unfriendly
"""
