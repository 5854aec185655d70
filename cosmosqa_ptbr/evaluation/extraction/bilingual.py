"""The bilingual table of :mod:`.lexicon`: one meaning a line, Portuguese words, a bar, English words.

One form of a word is enough (the lexicon stems words: "precisar" covers "precisava", "need" covers "needed");
a phrase is written with underscores ("café_da_manhã", "lie_down"); a word may stand on several lines, one for each
of its meanings. Synonyms of either language share a line.

>>> "gato | cat" in TABLE.splitlines()
True
"""

from __future__ import annotations

from typing import Final

__all__ = ["TABLE"]

TABLE: Final = """
querer quis vontade desejar | want wanted wish desire
precisar necessidade necessário | need necessary
gostar adorar curtir | like love enjoy fond
amar amor | love
odiar detestar | hate
ir foi vai indo | go went going gone
vir veio | come came
sair saída deixar | leave left exit
ficar permanecer | stay remain
voltar retornar volta | return come_back
chegar chegada | arrive arrival get_there
conseguir obter pegar | get obtain got
levar carregar | take carry bring
trazer | bring
dar oferecer presentear | give offer
receber | receive received
comprar compra | buy bought purchase
vender | sell sold
pagar pagamento | pay paid payment
gastar | spend spent
comer comida refeição alimento | eat food meal ate
beber bebida | drink drank beverage
dormir sono | sleep slept asleep
acordar despertar | wake woke awake
trabalhar trabalho serviço | work job
emprego | job employment
estudar estudo estudos faculdade escola | study studies school college university
ler leitura | read reading
escrever escrita | write wrote writing
assistir | watch watched
ver olhar enxergar | see saw look watch
encontrar achar | find found
perder perda | lose lost loss
ganhar vencer vitória | win won victory earn
jogar jogo partida | play game match
brincar brincadeira | play
correr corrida | run ran running race
andar caminhar caminhada | walk walking
dirigir | drive drove driving
ligar telefonar ligação chamada | call phone
conversar falar conversa | talk speak conversation
dizer contar disse | say tell said told
perguntar pergunta | ask question asked
pedir pedido | ask request
responder resposta | answer reply respond
ajudar ajuda | help helped
tentar tentativa | try tried attempt
começar iniciar início | start begin began beginning
terminar acabar fim final concluir | finish end ended over complete
parar | stop stopped quit
esperar espera | wait expect hope
pensar pensamento | think thought
saber | know knew
conhecer | know meet met
acreditar crer | believe
sentir sentimento | feel felt feeling
preocupar preocupação preocupado | worry worried concern
chorar choro | cry cried tears
rir risada | laugh laughed
sorrir sorriso | smile
morar viver residir | live lived reside
morrer morte morto | die died death dead
visitar visita | visit
viajar viagem | travel trip journey
mudar mudança | move change
abrir | open
fechar | close shut
quebrar quebrado | break broke broken
consertar arrumar | fix repair
limpar limpeza | clean
cozinhar cozinha | cook kitchen cooking
fazer feito | make do made did done
colocar pôr botar acomodar guardar | put place keep store fit
usar uso | use used
mandar enviar | send sent
cair queda | fall fell
machucar ferir ferido machucado lesão | hurt injure injured injury
esquecer | forget forgot
lembrar | remember recall
decidir decisão | decide decision
escolher escolha | choose choice pick
planejar plano | plan
preparar | prepare
sobreviver sobrevivência | survive survival
nadar | swim swam
derrubar derrubado | knock tackle tackled knocked
arranhar arranhão | scratch scratched
derramar | spill spilled
convencer | convince convinced
adivinhar | guess
mostrar | show showed
entender compreender | understand understood
aprender | learn learned
ensinar | teach taught
casar casamento | marry married wedding
namorar namoro relacionamento | date dating relationship
cuidar | care take_care
proteger protegido | protect protected secure
imaginar imagem | imagine picture image
visualizar | visualize picture
pesquisar pesquisa | research search
procurar buscar | look search seek
postar publicar | post publish
imprimir | print printed
distrair distração | distract distraction
irritar irritado | annoy annoyed irritate irritated angry
prometer promessa | promise
desistir | give_up quit
oferecer | offer
mãe | mother mom mum
pai | father dad
pais | parents
irmã | sister sis
irmão | brother bro
filho filha filhos | son daughter child children kid kids
criança crianças | child children kid kids
bebê nenê | baby
amigo amiga | friend
namorado namorada | boyfriend girlfriend
marido esposo | husband
esposa mulher | wife woman
homem | man
menina garota moça | girl
menino garoto rapaz | boy
pessoa gente alguém | person people someone somebody
meu minha | my mine
família | family
vizinho vizinha | neighbor neighbour
chefe patrão | boss
colega | colleague coworker classmate
professor professora | teacher professor
aluno estudante | student
médico doutor | doctor
autor narrador escritor quem_escreve | author narrator writer
personagem | character
cachorro cão | dog
gato | cat
animal bicho | animal pet creature
pássaro ave | bird
casa lar | house home
quarto | room bedroom
cozinha | kitchen
banheiro | bathroom
cama | bed
porta | door
janela | window
carro automóvel | car
ônibus | bus
trem | train
avião | plane airplane
barco | boat
rua | street road
cidade | city town
lugar local | place location
escritório | office
empresa companhia | company firm
loja | store shop
mercado | market supermarket
restaurante | restaurant
hospital | hospital
praia | beach
mar | sea ocean
parque | park
igreja | church
festa | party
aniversário | birthday
presente | gift present
dinheiro | money cash
senha | password
telefone celular | phone cellphone
computador | computer
internet | internet online
livro | book
foto fotografia | photo picture photograph
filme | movie film
música canção | music song
carta | letter
aula | class lesson
prova exame teste | test exam
nota | grade note
entrevista | interview
problema | problem issue trouble
dificuldade | difficulty
costas | back
dor | pain ache
cabeça | head
mão | hand
olho olhos | eye eyes
pé | foot feet
cabelo | hair
roupa roupas | clothes clothing
sapato | shoe shoes
água | water
café | coffee
café_da_manhã | breakfast
almoço | lunch
jantar | dinner
copo | cup glass
caixa | box
transporte | carrier transport
toalha | towel
pote recipiente | container pot jar
tempo | time weather
dia | day
noite | night
manhã | morning
tarde | afternoon
semana | week
mês | month
ano | year
hora | hour
minuto | minute
chuva | rain
sol | sun
frio | cold
quente calor | hot heat warm
brilho | brightness bright
nível | level
baixo | low short
alto | high tall loud
grande | big large great
pequeno pequena barquinho | small little
novo nova | new again
dois duas | two twice
três | three thrice
quatro | four
cinco | five
recepção | reception
realizar realizado | held hold
velho antigo | old
bom boa ótimo | good great
ruim mau | bad
feliz felicidade alegre | happy happiness glad
triste tristeza | sad sadness
cansado cansaço exausto | tired exhausted tiredness
nervoso ansioso ansiedade | nervous anxious anxiety
medo assustado | afraid fear scared
entediado tédio | bored boredom
animado empolgado | excited
doente doença | sick ill illness
ocupado | busy
atrasado atraso | late delay
cedo | early
fácil | easy
difícil | hard difficult
barato | cheap
caro | expensive
legal bacana | nice cool
bonito lindo | beautiful pretty
importante | important
diferente | different
igual mesmo | same equal
livre grátis | free
sozinho | alone
junto juntos | together
outro outros | other others another
ninguém | nobody
tudo | everything
nada | nothing
primeira_vez | first_time
original originais | original
repetitivo | repetitive
previsível | predictable
sem_graça chato | boring dull
vívido vívida | vivid
descritivo | descriptive
ambiente cenário | setting environment surroundings
região | region area
antes | before
depois | after later afterwards
agora | now
sempre | always
mais | more
menos | less
muito | much many very
só apenas somente | only just
mundo | world
todo toda todos | all every whole
ansiosamente | eagerly anxiously
aguardar | await wait
navegar | browse browsing surf
consequência consequências | consequence consequences
ato atos ação ações | act acts action actions
praticar | practice do
opinião | opinion
impulso | impulse
agir | act
obrigação compromisso dever responsabilidade | obligation commitment duty responsibility
chance oportunidade | chance opportunity
sucesso | success
dificuldades | difficulties
relação | relationship
motivo razão | reason
verdade | truth true
mentira | lie
vida viver | life live
divertido diversão | fun funny amusing
melhor | better best
vivo | alive
frente | front
perceber notar | realize realise notice
acontecer | happen happened
chão solo | ground floor
fogo incêndio | fire
fome faminto | hungry hunger
perigoso perigo | dangerous danger
cheiro cheirar | smell
compartilhar dividir | share
emergência | emergency
atenção | attention
ouvir escutar | hear listen
espaço | space
curto | short
longe distante | away far distant
peso | weight
experiência | experience
esconder | hide
produto | product
grávida gravidez | pregnant pregnancy
bola | ball
concentrado foco focar | focused focus
trair traição | cheat cheating betray
valor | value worth
senhora dama | lady
devagar lento | slow slowly
causar causa | cause caused
mente | mind
exposição exibição | exhibit exhibition
conectado conexão | connected connection
pousar pouso aterrissar | land landing
seguro seguradora | insurance insurer
louco loucura maluco | crazy mad
cara sujeito | guy dude
peixe | fish
deveria dever | supposed should ought
turnê passeio | tour
regra | rule
participar juntar | join participate
voar voando | fly flying
digitar | type typing
roda | wheel wheels
estrada | road highway
garganta | throat
bravo zangado | angry
trilha | hike trail hiking
tese | thesis
árvore | tree
lanche | snack
evitar | avoid avoided
laticínios | dairy
rápido rapidamente | quick fast quickly
inimigo | enemy
molhado | wet
romance | novel romance
diretor | principal director
sabor | taste flavor
saúde saudável | health healthy
fumar cigarro | smoke smoking cigarette
coração | heart
braço | arm arms
gaiola | cage
sério | serious
respirar | breathe breathing
sessão | session
acidente batida | crash accident
pisar | stomp step
meio | middle half
escultura | sculpture
segurança | security safety
jovem | young youth
inverno | winter
verão | summer
primavera | spring
outono | autumn
macio | soft
vidro | glass
cérebro | brain
interagir | interact
conferir verificar | check
fixo | landline fixed
serviço | service
supervisão | supervision
delegar | delegate
jardim jardins | garden gardens
ponte | bridge
paisagem vista | view landscape scenery
cruzar atravessar | cross
confiar confiança | trust
bíblia | bible
poderoso | powerful
exatamente precisamente | exactly precisely
sempre | always
feriado férias | holiday vacation
remédio | medicine medication
pílula | pill
chá | tea
cerveja | beer
vinho | wine
bolo torta | cake pie
preço | price
exportar exportação exportações | export exports exported
importar importação importações | import imports imported
desemprego desempregado | unemployment unemployed jobless
aumentar aumento crescer subir | increase increased rise rose grow grew
diminuir diminuição reduzir redução | decrease decreased reduce reduced decline
dobrar dobro | double doubled
renda salário | income salary wage wages
imposto | tax taxes
governo | government
economia econômico | economy economic
lei | law
guerra | war
sem | without
certo | right sure certain
comum | common usual
manter | keep maintain
qualidade | quality
certeza | certainty sure
funcionar funciona | work works function
significar significou | mean meant
atrás | behind
aceitar | accept accepted
contra | against
estimação | pet pets
negativo | negative
lado | side
perto próximo | near close nearby
única único | only unique single
suficiente | enough sufficient
último última | last latest
culpar culpa | blame blaming fault
maioria | most majority
convidar convite | invite invited invitation
acompanhar acompanhado | accompany accompanied
tarefa tarefas | task tasks chore chores
horário | schedule
recuperação recuperar | recovery recover
sonho sonhos | dream dreams
história | story history
marca | brand mark
resolver | solve resolve
refazer refeito | redo reworked rework
verdadeiro verdadeira | real genuine true
aparecer apareceu | appear appeared
descansar descanso | rest
apoio apoiar | support supported
estranho | strange weird odd
banho | bath shower
exibir | display exhibit
restar | remain remained
anel aliança | ring
cinto | belt
incrível | incredible amazing
metade | half
agradecer agradecido grato | thank thanked grateful thankful
estômago | stomach
raro raramente | rare rarely
refrescar | cool refresh
papel | paper role
deitar | lie_down
preso | stuck trapped
atraente | attractive
profundo | deep
desenhar desenho | draw drawing
sofrer | suffer suffered
sangue | blood
engraçado | funny
lidar | deal handle cope
dentro | inside within
hoje | today
ontem | yesterday
amanhã | tomorrow
tratar | treat treated
força forte | strength strong force
desconfortável | uncomfortable
sobrinho sobrinha | nephew niece
enorme | huge enormous
granizo | hail
guerreiro | warrior warriors
curar cura | cure cured heal healed
amizade | friendship
urinar urina | pee urinate urine
medida | measure
receita | recipe prescription
fuligem | soot
fralda fraldas | diaper diapers
soltar | release loose
gêmeos | twins
aliviado alívio | relieved relief
notícia notícias | news
comemorar celebrar comemoração | celebrate celebrated celebration
passear passeio | walk stroll
brigar briga | fight argue quarrel
cancelar | cancel canceled cancelled
adiar adiado | postpone postponed delay
esquecer esqueceu | forget forgot forgotten
carteira | wallet
loja | store shop
internet site | internet online website
professor | teacher
aluno alunos | student students
ganhar | win earn gain
perder | lose lost miss
chorar | cry
gritar grito | shout yell scream
sorrir | smile
beijar beijo | kiss
abraçar abraço | hug
casar casamento | marry wedding marriage
divorciar divórcio | divorce
nascer nascimento | born birth
morrer | die
doença doente | illness disease sick
médico | doctor
hospital | hospital
dor | pain
cansado | tired
feliz | happy
triste | sad
"""
