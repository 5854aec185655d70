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
sem_dúvida com_certeza certamente | without_doubt no_doubt certainly definitely surely
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
ver viu vi vimos viram vê veem vendo visto vista avistar enxergar | see saw seen sees seeing spot spotted sight
olhar olhada observar observou | look looked looking watch watched observe observed glance
assistir | watch watched watching
achar pensar pensou achou acharam achei pensei pensamento | think thought thinks thinking believe believed guess figured
encontrar achar achou achei descobrir descobriu descobri | find found finds finding discover discovered
perceber percebeu percebi notar notou reparar reparou | realize realized realise notice noticed
entender entendeu compreender compreendeu sacar | understand understood get_it grasp comprehend
saber sabia soube sabe sei sabem | know knew known knows knowing aware
conhecer conheceu conhecia | know knew meet met acquainted
lembrar lembrou lembrava recordar lembrança | remember remembered recall memory memories
esquecer esqueceu esqueci esquecido | forget forgot forgotten
dizer disse disseram diz contar contou falar falou | say said tell told speak spoke spoken talk talked mention
conversar conversou conversa bater_papo papo | talk talked chat chatted conversation converse
perguntar perguntou pergunta questionar | ask asked question questioned inquire
pedir pediu pedi pedido solicitar solicitou | ask asked request requested order ordered
responder respondeu resposta | answer answered reply replied respond responded response
explicar explicou explicação | explain explained explanation
mostrar mostrou demonstrar exibir | show showed shown display demonstrate
ensinar ensinou dar_aula dar_aulas lecionar | teach taught teaching lecture
aprender aprendeu aprendizado | learn learned learnt learning
estudar estudou estudo estudos estudante | study studied studies studying student educational education
ler leu lê lendo leitura leitor | read reading reader readers
escrever escreveu escrita escrito | write wrote written writing
ouvir ouviu escutar escutou | hear heard listen listened
cantar cantou canção cantor cantora | sing sang sung song singer
tocar tocou | play played touch touched ring rang
dançar dançou dança | dance danced dancing
rir riu risada riso gargalhada | laugh laughed laughing laughter
sorrir sorriu sorriso | smile smiled smiling
chorar chorou choro lágrima lágrimas | cry cried crying tears weep wept
gritar gritou grito gritinho gritinhos berrar | shout shouted yell yelled scream screamed shriek shrieks
sussurrar sussurrou | whisper whispered
beijar beijou beijo | kiss kissed
abraçar abraçou abraço | hug hugged embrace
ir foi vai indo ido | go went going gone
vir veio vieram vim vindo | come came coming
chegar chegou chegaram chegada | arrive arrived arrival get_there reach reached
sair saiu saí saímos saíram saída | leave left go_out went_out exit exited get_out
partir partiu partida | leave left depart departed departure
voltar voltou volta retornar retornou regressar | return returned come_back came_back go_back went_back back
entrar entrou entrada | enter entered come_in go_in entrance
ficar ficou fiquei ficaram permanecer permaneceu | stay stayed remain remained
ficar ficou fiquei ficaram tornar tornou virar virou | become became get got turn turned
levar levou carregar carregou | take took carry carried bring brought
trazer trouxe trouxeram | bring brought
buscar pegar pegou apanhar | pick_up fetch get grab grabbed catch caught
pegar pegou agarrar | grab grabbed catch caught take took
mandar mandou enviar enviou | send sent
receber recebeu recebido | receive received get got
dar deu dei deram entregar entregou | give gave given hand handed deliver
oferecer ofereceu oferta | offer offered
emprestar emprestou | lend lent borrow borrowed loan
devolver devolveu | return returned give_back gave_back
comprar comprou compra compras | buy bought purchase purchased shopping shop
vender vendeu venda | sell sold sale
pagar pagou pagamento | pay paid payment
gastar gastou gasto despesa | spend spent expense expenses cost
custar custou custo preço | cost costs price
economizar economizou poupar poupou | save saved saving savings
dinheiro grana | money cash
caro cara | expensive pricey overpriced costly
barato barata | cheap inexpensive
comer comeu comi comida refeição alimento alimentar | eat ate eaten food meal meals feed fed
beber bebeu bebida tomar tomou | drink drank drunk beverage
cozinhar cozinhou preparar preparou | cook cooked cooking prepare prepared make_dinner
dormir dormiu sono adormecer adormeceu | sleep slept asleep sleeping fall_asleep
acordar acordou despertar | wake woke woken awake wake_up
descansar descansou descanso repousar | rest rested relax relaxed
deitar deitou deitar_se | lie_down lay_down lay lying_down lie_in_bed go_to_bed
levantar levantou levantar_se | get_up got_up stand_up stood_up rise rose lift lifted
sentar sentou sentado | sit sat seated sitting
correr correu corrida | run ran running race jog
andar andou caminhar caminhou caminhada passeio | walk walked walking hike hiking stroll
pular pulou saltar saltou pulo salto | jump jumped leap leaped hop
cair caiu queda tombo | fall fell fallen drop dropped trip tripped
nadar nadou natação | swim swam swimming
dirigir dirigiu | drive drove driven driving
viajar viajou viagem | travel traveled travelled trip journey
voar voou voo | fly flew flight flying
subir subiu | climb climbed go_up went_up rise
descer desceu | go_down went_down descend get_off
empurrar empurrou | push pushed
puxar puxou | pull pulled
jogar jogou arremessar lançar lançou atirar | throw threw thrown toss launch
jogar jogou jogo partida | play played game match
brincar brincou brincadeira | play played playing
ganhar ganhou vencer venceu vitória | win won victory beat
perder perdeu perda derrota | lose lost loss defeat
perder perdeu | miss missed
tentar tentou tentativa | try tried attempt attempted
começar começou iniciar iniciou início | start started begin began beginning
terminar terminou acabar acabou fim final concluir concluiu | finish finished end ended over complete completed done
parar parou | stop stopped quit quitting
continuar continuou seguir seguiu | continue continued keep_going carry_on go_on proceed
esperar esperou espera aguardar aguardou | wait waited await
esperar esperava esperança torcer | hope hoped expect expected
precisar precisou precisava necessidade necessário preciso | need needed necessary must have_to
querer quis queria quiseram vontade desejar desejo | want wanted wish desire
gostar gostou gostava adorar adorou curtir curtiu | like liked enjoy enjoyed love loved fond
amar amou amor apaixonado apaixonada | love loved in_love
odiar odiou detestar detestou ódio | hate hated dislike disliked
preferir preferiu preferência | prefer preferred preference
decidir decidiu decisão resolver resolveu | decide decided decision
escolher escolheu escolha selecionar | choose chose chosen choice pick picked select
planejar planejou plano planos | plan planned planning plans
organizar organizou | organize organized arrange arranged host hosted
ajudar ajudou ajuda auxiliar | help helped assist assistance
cuidar cuidou cuidado | take_care care look_after
proteger protegeu proteção | protect protected protection
salvar salvou resgatar resgatou | save saved rescue rescued
consertar consertou arrumar arrumou reparar reparou | fix fixed repair repaired mend
arrumar arrumou organizar limpar | tidy clean_up clean pack packed
limpar limpou limpeza | clean cleaned cleaning wipe
lavar lavou | wash washed
secar secou enxugar enxugou | dry dried wipe
quebrar quebrou quebrado | break broke broken
abrir abriu aberto | open opened
fechar fechou fechado | close closed shut
trancar trancou trancado | lock locked
usar usou uso utilizar | use used using wear
vestir vestiu usar usou | wear wore worn dress dressed put_on
tirar tirou remover | take_off remove removed
colocar colocou pôr pôs botar guardar | put placed place store stored
mudar mudou mudança | change changed move moved moving
mudar mudou mudança | move moved moving relocate
trabalhar trabalhou trabalho serviço | work worked working job
emprego vaga cargo | job position post employment opening
demitir demitiu demitido dispensar dispensou | fire fired laid_off dismiss let_go drop dropped
contratar contratou | hire hired
chefe patrão | boss manager supervisor
morar morou viver viveu residir | live lived reside living
morrer morreu morte morto | die died death dead
nascer nasceu nascimento | born birth
casar casou casamento | marry married marriage wedding
namorar namorou namoro | date dated dating
terminar terminou separar separou | break_up broke_up split separate separated
trair traiu traição | cheat cheated cheating betray betrayed affair
brigar brigou briga discutir discutiu discussão | fight fought argue argued argument quarrel
perdoar perdoou | forgive forgave forgiven
mentir mentiu mentira | lie lied lying liar
confiar confiou confiança | trust trusted
acreditar acreditou crer | believe believed
duvidar duvidou dúvida | doubt doubted
preocupar preocupou preocupado preocupada preocupação | worry worried concern concerned
temer medo assustado assustada assustar | fear afraid scared frighten frightened
nervoso nervosa ansioso ansiosa ansiedade | nervous anxious anxiety
calmo calma tranquilo tranquila | calm peaceful relaxed
feliz felicidade alegre alegria contente | happy happiness glad joy joyful cheerful
triste tristeza infeliz | sad sadness unhappy
chateado chateada aborrecido aborrecida chatear chateou | upset annoyed bothered
irritado irritada irritar bravo brava zangado zangada raiva raivoso | angry mad annoyed irritated furious anger
animado animada empolgado empolgada entusiasmado | excited thrilled enthusiastic
entediado entediada tédio | bored boredom
cansado cansada cansaço exausto exausta | tired exhausted fatigue
surpreso surpresa surpreender surpreendeu | surprised surprise surprising
decepcionado decepcionada desapontado desapontada decepção | disappointed disappointment
envergonhado envergonhada vergonha | ashamed embarrassed shame
constrangedor constrangido desconfortável | awkward embarrassing uncomfortable
orgulhoso orgulhosa orgulho | proud pride
grato grata agradecido agradecer agradeceu | grateful thankful thank thanked
aliviado aliviada alívio | relieved relief
sozinho sozinha solidão | alone lonely loneliness
solteiro solteira | single
doente doença | sick ill illness disease
saudável saúde | healthy health
ferido ferida machucado machucada machucar ferir lesão | hurt injured injury wound wounded
doer doeu dor dores | hurt hurts ache aching pain pains sore
médico médica doutor | doctor physician
remédio medicamento | medicine medication drug drugs pill
bebê nenê | baby infant
criança crianças filho filha filhos | child children kid kids son daughter
mãe mamãe | mother mom mum mommy
avô avó avós | grandfather grandmother grandparents grandma grandpa
tio tia | uncle aunt
primo prima | cousin
irmão irmã irmãos | brother sister siblings
esposa mulher | wife
amigo amiga amigos amizade | friend friends friendship
vizinho vizinha vizinhos | neighbor neighbour neighbors
parente parentes | relative relatives
homem homens | man men guy
mulher mulheres senhora moça | woman women lady
pessoa pessoas gente alguém | person people someone somebody
ninguém | nobody no_one
todo_mundo todos | everyone everybody
convidado convidados visita | guest guests visitor
cliente clientes freguês | client clients customer customers
aluno alunos estudante | student students pupil
diretor diretora | principal director
autor autora narrador narradora escritor quem_escreve | author writer narrator
motorista | driver
policial polícia | police officer cop
apartamento | apartment flat
sala | room living_room office classroom
banheiro | bathroom restroom toilet
porão | basement
sótão | attic
garagem | garage
quintal jardim | yard garden backyard
porta portão | door gate
sofá | couch sofa
mesa | table desk
cadeira | chair
chão piso | floor ground
parede | wall
telhado teto | roof ceiling
escada | stairs ladder
estrada rodovia | road highway
bairro vizinhança | neighborhood suburb area
lugar local | place location spot site area
região área | area region
país | country
escola colégio | school
faculdade universidade | college university
empresa companhia firma | company firm business
mercado supermercado | market supermarket grocery
bar | bar pub
café cafeteria lanchonete | cafe coffee_shop diner
mar oceano | sea ocean
lago lagoa | lake pond pool
rio | river
montanha montanhas morro colina | mountain mountains hill hills
floresta mata | forest woods
árvore árvores | tree trees
flor flores | flower flowers
carro automóvel veículo | car vehicle auto
moto motocicleta | motorcycle motorbike bike
bicicleta bike | bicycle bike
avião | plane airplane aircraft
barco navio | boat ship
caminhão | truck lorry
pneu | tire tyre
roda rodas | wheel wheels
viagem férias feriado | trip vacation holiday
festa | party celebration
aniversário | birthday anniversary
lanche lanchinho petisco | snack
comida | food
pão | bread
queijo | cheese
carne | meat
frango | chicken
salada | salad
sorvete | ice_cream
doce doces | candy sweets dessert sweet
leite | milk
refrigerante | soda soft_drink
telefone celular | phone cellphone mobile
ligar ligou telefonar ligação | call called phone phoned
mensagem mensagens | message messages text texted
computador notebook | computer laptop
internet site | internet online website web
foto fotos fotografia | photo photos picture pictures photograph
câmera | camera
filme filmes | movie movies film
música | music song
livro livros | book books
revista | magazine
jornal | newspaper
programa | show program programme
jogo | game
time equipe | team
gato_de_rua gato_vira_lata | stray_cat
animal animais bicho | animal animals pet creature
pássaro pássaros ave | bird birds
roupa roupas | clothes clothing outfit
vestido | dress
camisa camiseta | shirt t_shirt
sapato sapatos | shoe shoes
óculos | glasses eyewear spectacles
óculos_de_sol | sunglasses
chapéu | hat
bolsa | bag purse
mala | suitcase luggage bag
chave chaves | key keys
caixa caixas | box boxes
prato pratos | plate dish dishes
faca | knife
tempo | time
tempo clima | weather
dia dias | day days
noite | night evening
tarde atrasado atrasada atraso | late delay delayed
fim_de_semana | weekend
ano anos | year years
hora horas | hour hours
minuto minutos | minute minutes
segunda-feira segunda | monday
terça-feira terça | tuesday
quarta-feira quarta | wednesday
quinta-feira quinta | thursday
sexta-feira sexta | friday
sábado | saturday
domingo | sunday
chuva chover chovendo chovia | rain rained raining rainy
neve nevar | snow snowed
sol ensolarado | sun sunny
frio fria esfriar esfriou | cold chilly cool cooled
quente calor esquentar | hot heat warm
vento ventania | wind windy
tempestade furacão | storm hurricane
luz | light
escuro escura escuridão | dark darkness
barulho barulhento | noise noisy loud
silêncio silencioso quieto | silence silent quiet
grande enorme | big large huge enormous great
pequeno pequena pequenininho | small little tiny
alto alta | tall high loud
baixo baixa | short low
comprido comprida longo longa | long
curto curta | short brief
rápido rápida rapidamente depressa | fast quick quickly rapid
lento lenta devagar | slow slowly
fácil facilmente | easy easily
difícil dificuldade dificuldades | hard difficult difficulty trouble struggle struggles
bom boa ótimo ótima excelente | good great excellent nice fine
ruim mau má péssimo | bad awful terrible poor
bonito bonita lindo linda | beautiful pretty handsome lovely good_looking
feio feia | ugly
novo nova | new
velho velha antigo antiga | old ancient
jovem jovens | young youth
interessante | interesting
divertido divertida diversão | fun funny amusing
engraçado engraçada | funny hilarious
chato chata | boring annoying dull
estranho estranha esquisito | strange weird odd
normal comum | normal common usual ordinary
especial | special
seguro segura segurança | safe secure safety security
perigoso perigosa perigo | dangerous danger risky
cheio cheia | full
vazio vazia | empty
limpo limpa | clean
sujo suja | dirty
molhado molhada úmido úmida | wet moist damp
seco seca | dry
certo certa correto correta | right correct
errado errada | wrong
verdade verdadeiro verdadeira | true truth real
falso falsa mentira | false fake lie
possível | possible
impossível | impossible
provável provavelmente | likely probably
ocupado ocupada | busy
livre | free
grátis | free
rico rica | rich wealthy
pobre | poor
forte | strong
fraco fraca | weak
inteligente esperto esperta | smart intelligent clever
burro burra | stupid dumb
simpático simpática gentil legal | nice kind friendly
educado educada | polite
grosso grossa rude | rude
honesto honesta sincero sincera | honest sincere
preguiça preguiçoso preguiçosa | lazy laziness
egoísta | selfish
generoso generosa | generous
corajoso corajosa coragem | brave courage bravery
bêbado bêbada | drunk
sede | thirsty thirst
problema problemas questão | problem problems issue issues trouble
solução resolver resolveu | solution solve solved
razão motivo | reason
causa causar causou | cause caused
resultado | result outcome
sorte | luck lucky
azar | bad_luck unlucky
ideia | idea
opinião | opinion view
sentimento sentir sentiu senti | feeling feel felt
emoção emoções | emotion emotions
vida | life
trabalho tarefa tarefas | task tasks chore chores work
projeto projetos | project projects
reunião | meeting
aula aulas | class classes lesson lessons
prova exame teste | test exam quiz
nota notas | grade grades score
lição dever_de_casa | homework assignment
regra regras | rule rules
política político | politics political politician
paz | peace
arma armas | gun guns weapon weapons
matar matou assassinar assassinato | kill killed murder murdered
roubar roubou roubo furto ladrão | steal stole stolen theft robbery thief rob robbed
atacar atacou ataque | attack attacked
bater bateu | hit beat struck
acidente batida | accident crash
perigo | danger
polícia | police
prisão preso presa | prison jail arrested stuck
corpo | body
rosto cara | face
nariz | nose
boca | mouth
lábio lábios | lip lips
dente dentes | tooth teeth
cabelo cabelos | hair
barba | beard shave
mão mãos | hand hands
braço braços | arm arms
perna pernas | leg legs
pé pés | foot feet
estômago barriga | stomach belly
pele | skin
unha unhas | nail nails fingernail fingernails
gordo gorda | fat
magro magra | thin skinny
acontecer aconteceu acontecido ocorrer ocorreu | happen happened occur occurred take_place took_place held
aparecer apareceu surgir surgiu | appear appeared show_up showed_up turn_up turned_up come_up came_up
desaparecer desapareceu sumir sumiu | disappear disappeared vanish vanished
parecer parece parecia pareceu | seem seemed look looked sound sounded appear
significar significa significou | mean meant means signify
pretender pretendia intenção | mean meant intend intended intention plan
imaginar imaginou imaginação | imagine imagined imagination picture
sonhar sonhou sonho sonhos | dream dreamed dreamt dreams
acreditar confiar | believe trust
concordar concordou acordo | agree agreed agreement
discordar discordou | disagree disagreed
aceitar aceitou | accept accepted
recusar recusou negar negou | refuse refused deny denied reject rejected
permitir permitiu deixar deixou | let allow allowed permit
permissão autorização | permission
proibir proibiu | forbid forbade ban banned
obrigar obrigou obrigação obrigações dever deveres compromisso | obligation obligations duty duties commitment forced
convidar convidou convite | invite invited invitation
visitar visitou visita | visit visited
encontrar encontrou reencontrar | meet met run_into
acompanhar acompanhou | accompany accompanied follow followed watch watched
seguir seguiu | follow followed
procurar procurou buscar buscou | look_for looked_for search searched seek sought
pesquisar pesquisou pesquisa | research researched search
escapar escapou fugir fugiu fuga | escape escaped run_away ran_away flee fled
esconder escondeu | hide hid hidden
mostrar revelar revelou | show reveal revealed
guardar guardou manter manteve | keep kept save
manter manteve mantém | keep kept maintain maintained stay
sentir sentiu senti sentia | feel felt feeling
tocar tocou | touch touched
cheirar cheiro cheiroso feder fedendo fedor | smell smelled smells stink stinks stank
gosto sabor provar | taste tasted flavor
doer dolorido | hurt sore painful
respirar respirou respiração | breathe breathed breath
tossir tosse | cough coughed
espirrar | sneeze
vomitar | vomit threw_up
recuperar recuperou recuperação | recover recovered recovery recovering
piorar piorou | get_worse worse worsen
melhorar melhorou melhora | improve improved get_better better
aumentar aumentou crescer cresceu | increase increased grow grew grown
diminuir diminuiu reduzir reduziu | decrease decreased reduce reduced
construir construiu | build built construct
criar criou criação | create created creation raise raised
pintar pintou pintura | paint painted painting
desenhar desenhou desenho | draw drew drawn drawing design
cortar cortou corte | cut
costurar | sew
plantar plantou | plant planted
regar | water watered
limpar | clean
cuidar | care
alimentar alimentou | feed fed
adotar adotou adoção | adopt adopted adoption
tatuagem tatuar tatuador | tattoo tattooed tattoos tattooist tattoo_artist artist
fazer_uma_tatuagem | get_a_tattoo get_tattooed gotten_tattooed
primeira_vez nunca_antes | first_time first never_before
nunca_antes | never_before
de_novo novamente outra_vez | again once_more
nunca | never
às_vezes | sometimes
frequentemente muitas_vezes | often frequently
raramente | rarely seldom
logo | soon
antes | before earlier
ainda | still yet
já | already
quase | almost nearly
talvez | maybe perhaps might
juntos juntas | together
longe | far away
perto | near close nearby
dentro | inside in
fora | outside out
acima | above
embaixo | below under beneath
atrás | behind back
meio | middle
centro | center centre
fim | end
começo | beginning start
parte | part piece
pedaço | piece bit
todo toda inteiro inteira | whole entire all
muito muitos | much many lot lots
pouco poucos | few little
menos | less fewer
demais | too_much too_many
número | number
dinheiro | money
conta contas | bill bills account
dívida dívidas dever | debt debts owe owed
salário renda | salary wage income
imposto impostos | tax taxes
plano_de_saúde | health_insurance health_plan
orçamento | budget budgeting
negócio negócios | business deal
desconto promoção liquidação | discount sale bargain
pechincha pechinchas | bargain bargains
gastar | spend
emprestar | lend
compartilhar dividir | share shared
trocar trocou troca substituir substituiu | change changed swap swapped exchange replace replaced substitute
repor | replace replacement replacements replenish restore
perder_peso emagrecer emagreceu | lose_weight losing_weight
engordar engordou | gain_weight
dieta | diet
exercício exercícios academia ginásio | exercise exercises workout gym
esporte esportes | sport sports
futebol | soccer football
beisebol | baseball
base | base
corrida | race running run
pista | track
treinar treinou treino | train trained training practice
praticar praticou prática | practice practiced practise
competição concurso | competition contest
campeão campeonato | champion championship
jogador jogadores | player players
torcedor torcedores fã fãs | fan fans supporter
show concerto | concert show gig
banda | band
palco | stage
artista | artist
arte artístico artística | art arts artistic
museu | museum
exposição | exhibit exhibition
religião religioso | religion religious
deus | god
oração rezar | prayer pray
morte funeral enterro | death funeral burial
hospital clínica | hospital clinic
enfermeiro enfermeira | nurse
paciente | patient
sintoma sintomas | symptom symptoms
febre | fever
gripe resfriado | flu cold
vício viciado | addiction addicted
recaída recair | relapse relapsed
droga drogas | drug drugs
álcool alcoólatra | alcohol alcoholic
cigarro fumar | cigarette smoke smoking
ressaca | hangover
sono | sleep sleepy
sonolento | sleepy drowsy
acordado | awake
quarto | bedroom
colega_de_quarto | roommate
colega colegas | colleague coworker classmate
equipe | team staff
funcionário funcionários empregado | employee employees worker workers staff
gerente | manager
trabalhador | worker
carreira profissão | career profession
currículo | resume cv
promoção | promotion
aposentar aposentado aposentadoria | retire retired retirement
mudar_se mudança | move moving relocate
carregadores carregador mudança | movers mover
caminhão_de_mudança | moving_truck
descarregar descarregou | unload unloaded
carregar | load loaded carry
chave | key
trancado trancada | locked
casa_nova | new_home new_house
vizinhança | neighborhood
aluguel alugar alugou | rent rented rental
imóvel propriedade | property estate
espaço espaçoso | space room spacious
tamanho | size
grande | big
reformar reforma | renovate renovation
mobília móveis | furniture
tapete | rug carpet
cortina | curtain
lâmpada | lamp bulb
geladeira | fridge refrigerator
fogão forno | stove oven
pia | sink
chuveiro banho | shower bath
sabão sabonete | soap
roupa_suja | laundry
lavanderia | laundry laundromat
ferrugem enferrujado | rust rusty
aço | steel
metal | metal
madeira | wood wooden
papel | paper
plástico | plastic
tecido | fabric cloth
cor cores | color colour colors
vermelho vermelha | red
azul | blue
verde | green
amarelo amarela | yellow
preto preta | black
branco branca | white
roxo roxa | purple
rosa | pink
cinza | gray grey
marrom | brown
laranja | orange
brilhante brilho | bright brightness shiny
escuro | dark
claro clara | light clear bright
céu | sky
estrela estrelas | star stars
lua | moon
terra | earth land ground
pedra pedras | stone stones rock rocks
areia | sand
lama | mud
gelo | ice
neve | snow
folha folhas | leaf leaves sheet
grama | grass
sombra sombras | shadow shadows shade
animal_de_estimação | pet
cavalo | horse
vaca | cow
porco | pig
galinha | chicken hen
rato | mouse rat
cobra | snake
inseto insetos | insect insects bug bugs
aranha | spider
abelha | bee
coleira | collar leash
veterinário | vet veterinarian
flutuador flutuadores boia | float floats
teste testar testou | test tested testing
diferença diferente | difference different
tanto_faz | no_difference makes_no_difference
atual atualmente | current currently
acomodado acomodada acomodar acomodou | complacent settled settle settled_in
atento atenta atenção | attentive alert attention
garantir garantiu | ensure make_sure guarantee guaranteed
denunciar denunciou denúncia | report reported reporting
furto | theft
imediatamente | immediately right_away
exigente | demanding
deixar_de_lado negligenciar | neglect ignore
largar largou abandonar abandonou | quit drop abandon
anfitrião anfitriã | host hostess
comandante | commander
aeronáutica força_aérea | air_force air
oficial | officer official
zona_de_guerra | warzone war_zone
sul | south
norte | north
cobrir cobriu coberta | cover covered
intolerância intolerante | intolerance intolerant
piada piadas brincadeira | joke jokes
descontraído descontraída | lighthearted relaxed casual
queda | crush
afiado afiada | sharp sharper
perfumado perfumada cheiroso | fragrant scented
vitral | stained_glass
à_vontade confortável | comfortable at_ease natural
estimular estimulou | stimulate stimulated
suar suor | sweat
companhia | company companionship
medo receio temor | worried afraid fear scared
manifestar manifestou | show manifest come_up
embaixador embaixadora | ambassador
palestra palestras | talk lecture speech speaking_engagement
totem totens | totem totems
razoável | reasonable ok fine
planejamento | planning
unha_e_carne inseparável | close inseparable
vivo vivos | alive living
felizmente | fortunately thankfully luckily
costumar costumava costume hábito | used_to usually habit
pior | worse worst
atitude ação | action attitude
cacatua cacatuas | cockatoo cockatoos
natureza selvagem | nature wild
grau graus | degree degrees
temperatura | temperature
agradável | pleasant nice
píer cais | pier dock
invasor intruso | intruder invader
impulso embalo | momentum impulse
superfície | surface
traseiro traseira traseiras | rear back
dianteiro dianteira dianteiras | front
aderir | grip stick
criativo criativa criativas criatividade | creative creativity
ameaçar ameaçou ameaça | threaten threatened threat
obstáculo bloqueio | obstacle block roadblock
demolir demoliu demolido | demolish demolished
prejudicial | harmful detrimental
novato novatos iniciante | newbie beginner newcomer new_people
prestes | about_to
estande barraca | booth stand
pata patas | paw paws
passo passos | step steps
leve leves | light
antiguidade | antique
reação | reaction
cerimônia | ceremony
postar postou publicar | post posted publish
cobertor cobertores | blanket blankets
combinar combina combinou | match matches go_with goes_with
adiar adiou | postpone put_off delay
energia energias | energy fuel
principal | main
brecha brechas | gap gaps
mapa mapas | map maps
explorar explorou | explore explored
paquerar flertar | flirt chat_up
acolhedor acolhedora | welcoming
gorjeta | tip
impressão | impression
marca | brand
favorito favorita | favorite favourite
física | physics
amoroso amorosa | loving
conquistar conquistou | achieve achieved accomplish accomplished
gabar | brag
registrar registrou | record track
horrível | horrible terrible awful
compostura | composure composed
injustificado | unjustified
depressão deprimido deprimida | depression depressed
mau_humor ranzinza | grumpy bad_mood
clima | climate
pressão_alta | high_blood_pressure
escorregar escorregou | slip slipped
derramar derramou | spill spilled
sem_querer acidentalmente | accidentally by_accident
descontrolado descontrolada | uncontrollable out_of_control
curso rumo | course
conduzir conduziu guiar | steer drive lead guide
navegar navegou | sail sailed navigate
canal | channel
preso presa presos | stuck trapped marooned
chatear chateia | upset
caçar caça | hunt hunting
murcho murcha | flat
ar | air
exato exata | exact
benevolência bondade | benevolence kindness beneficence
maldade | malice evil
passageiro passageira passageiros | passenger passengers
gelar_o_sangue | bloodcurdling
excesso | excess
culpar culpa | blame fault
laticínio laticínios | dairy
enfatizar | emphasize
parto | labor labour delivery
realista | realistic
vergonha | shame
equivocado equivocada | misplaced mistaken
agressão agressões | assault assaults
maravilhoso maravilhosa | wonderful marvelous
danificar danificou dano | damage damaged
milhares milhar | thousands thousand
descontente insatisfeito | unhappy discontented dissatisfied
forçado forçada | forced contrived
tubo | tube wand
acessório acessórios ferramenta ferramentas | accessories tools tool
espalhado espalhada | spread scattered
alienígena alienígenas | alien aliens
contra_ataque | counterattack counter_attack
humor | mood spirits humor
repetir repetiu | repeat repeated do_it_again
material materiais | material materials
em_vez_disso | instead
catarro | mucus phlegm
mansão | mansion hall
batom | lipstick
leitor leitores | reader readers
acessível | accessible affordable
despedir despediu despedida | say_goodbye farewell goodbye
instrutor instrutora | instructor
autoescola | driving_school
lavador_de_pratos | dishwasher
clareza | clarity
assunto assuntos | topic topics subject subjects
anterior | previous
alcançar alcançou | catch_up reach reached
mistério | mystery
assassinato | murder
em_cima_do_muro indeciso | on_the_fence undecided
aeróbico aeróbica | cardio aerobic
elogio elogiar elogiou | compliment praise praised
encanamento | plumbing
interno interna | indoor internal
enjoar enjoou | tired_of sick_of
inchaço inchado inchada | bloated bloating swelling
encher encheu | fill filled
noturno noturna | night nocturnal
adicional adicionais | additional extra
transporte | transportation transport
quadrinho quadrinhos | comic comics
ameixa ameixas | plum plums
peça | piece
período | period span time
loucura loucuras | crazy craziness
pegar_leve | take_it_easy
infância | childhood
detalhado detalhada | detailed
superar superou | overcome get_over
chamar_atenção | get_attention
explodir explodiu | blow_up explode exploded
dormitório | dorm dormitory
quantidade | amount quantity
enrolar enrolou embrulhar | wrap wrapped
dar_ré | back_up reverse
acelerar acelerou | accelerate speed_up
tração | traction drive
fazer_compras | go_shopping shopping
fazer_a_barba | shave shaved
cortar_o_cabelo | haircut
arrumar_a_mala | pack
tomar_banho | shower take_a_shower bathe
lavar_a_louça | do_the_dishes wash_dishes
passar passou passei | spend spent
passar passou | pass passed go_by went_by
dar_uma_passada passada | drop_by stop_by show_up
de_volta | back
ligar_de_volta | call_back
sair_com | go_out_with hang_out_with hang_out date
chamar_para_sair | ask_out asked_out
terminar_com | break_up_with
ficar_com_raiva | get_angry
ficar_doente | get_sick got_sick fall_ill
pegar_no_sono | fall_asleep fell_asleep
dormir_demais perder_a_hora | oversleep overslept sleep_in slept_in
perder_o_ônibus | miss_the_bus
atrasar atrasou | be_late delay delayed run_late
gato_de_rua | stray_cat stray
vira_lata | stray mutt
achado_perdido | lost_and_found
acampar acampou acampamento | camp camping camped campsite
ar_livre natureza | outdoors outdoor nature
conectar conectou conexão ligação | connect connected connection
sem_teto morador_de_rua moradores_de_rua | homeless
prezar valorizar valoriza | value values believe_in cherish
profissionalismo profissional | professionalism professional
fiação fio fios | wiring wire wires
percurso trilha trajeto | course trail route hike
cisco | speck
terra | dirt soil earth
de_vez_em_quando | occasionally occasional now_and_then
negatividade negativo negativa | negativity negative
fôlego | breath
recuperar_o_fôlego | catch_breath catch_her_breath catch_my_breath
subestimar subestimou | underestimate underestimated
capaz capacidade | able capable ability
fora_de_forma | out_of_shape
pensar_demais | overthink overthinking
no_fundo | deep_down
simples simplesmente | simple simply
subida subidas ladeira | hill hills uphill slope climb
plano plana planas | flat level
potência potente | power powered
potência_demais | overpowered
pouca_potência | underpowered
largar_a_mão | fold folded
aumentar aposta | raise raised bet
dólar dólares | dollar dollars
fingir fingiu | pretend pretended act fake
gratidão | gratitude grateful
item itens | item items
granizo | hail hailstorm
frequência frequente frequentemente | often frequent frequency
acostumar acostumado acostumada acostumei | accustomed used_to
praticamente | practically just_about
tirar tiraram | take_out took_out grab grabbed remove
biela | rod
estourar estourou | blow blew burst pop
enganar enganou enganado | wrong mistaken deceive fool
mal_pode_esperar | can't_wait
fábula fábulas | fable fables
metafísico metafísicas | metaphysical
evangelho evangelhos | gospel gospels
conter contêm | contain contains
estilo estilos | style styles
calçado calçados | footwear shoes
coleção | collection
imagem imagens | image images picture pictures
estado estados | state states
placa | sign plate plaque
relapso relapsos | delinquent negligent
ruivo ruiva | red_haired redhead
prédio prédios edifício | building buildings
desprender soltar | detach loosen come_off
dar_conta_de | realize realized
afeto carinho | affection
refrescar refresca esfriar | cool_off cool_down
esquentar esquenta | heat_up warm_up
caber cabia | fit be_their_place
progressista | liberal progressive
discriminar discriminado | discriminate discriminated
lembrete lembretes | reminder reminders
jogar_fora | throw_away thrown_away
desestabilizado desequilibrado | thrown_off_balance unbalanced unstable
identificar identifiquei | relate related identify
exibir exibia | flash show_off show
conhecido conhecida | acquaintance known
merecer merece merecia | deserve deserves
desconforto | discomfort
intenso intensa | intense
antibiótico | antibiotic
noticiário | news
ligado ligada | on turned_on
chocado chocados chocada | shocked
violência violento | violence violent
assento lugar | seat place
consciente | aware conscious
realizado realizada | fulfilled accomplished
valioso valiosos | valuable
classificar | rank classify
fita fitas | tape tapes
extinto extintas | extinct wiped_out
gravata | necktie tie
fraque | morning_coat
calva careca | bald bald_spot
invadir invadidos | overrun invade invaded
afastado afastados | away apart at_bay
temporada estação | season
movimento | busy movement traffic
dispositivo aparelho | device gadget
mental mente | mind mental
cidadão | citizen
agregar acrescentar | add
atingir atingiu | hit struck
falecido falecida | dead late deceased
periquito periquitos | budgie parakeet budgies
babá | babysitter nanny
amassado amassada | mashed crushed
banana bananas | banana bananas
email e_mail | email e-mail
exceção | exception override
mancar mancando | limp limping
psicologia | psychology
espírito | spirit mind
santo santa | saint holy
reembolsar | pay_back reimburse refund
obra | piece work
conferir | make_sure check
restar restava | left remain remaining
aproveitar aproveitou | enjoy take_in make_the_most
literário literária | literary book
encontro | date meeting appointment
dever deve | owe owes
em_breve | soon
efeito | effect
estresse estressado estressada | stress stressed
concentrar concentra | focus focuses concentrate
curar | cure heal
resistir resistiu | resist hold_up held_up
surpreendentemente | surprisingly remarkably shockingly
mesmo mesma | same
aguentar aguentou | last lasted endure withstand hold_up
lavagem lavagens | washing washings wash
apaixonado apaixonada | passionate in_love
endurecer endurece | harden gets_hard
albergue | hostel
título | title
completo completa | full complete
estagnar estagna | stagnate stagnates
monte | bunch lot pile
detectar detectando | detect detecting
fogão | stove
alarme | alarm
defeito defeituoso | faulty defect
disparar dispara | go_off set_off surge surged
reclamação reclamações reclamar reclamando | complaint complaints complain complaining
fonte fontes | source sources
empoeirado empoeirada poeira | dusty dust
igual | like same equal
irritar irrito irritante | annoy annoyed annoying
demorar demoro | take_long take_a_long_time
congestionado congestionados | stuffy congested
esforço | effort
paladar | taste sense_of_taste
prejudicado | dulled impaired
cativante cativantes | endearing charming
folga | comfortably margin
vantagem | lead advantage
disputado | close contested
injetar injetou | inject injected
substância | substance
veia veias | vein veins
bipolar | bipolar
ex_marido | ex_husband
sugerir sugerisse | suggest suggested
horário | time schedule
remarcar | reschedule make_up
adequado adequada | proper appropriate suitable
propor | propose suggest offer
valer_a_pena | worth worth_it
levar_adiante | pursue
teleférico | lift cable_car
fuso_horário | time_zone
chalé chalezinhos | cottage cottages chalet
por_conta_própria | myself on_my_own by_myself
incêndio | fire
caminhão_de_bombeiros | firetruck fire_truck
sinal | signal sign wave
guia | guide tour_guide
espetáculo | spectacle show
inovador inovadora | novel innovative
toalha_de_mesa | tablecloth
suave | smooth gentle
volante | steering_wheel wheel
pedal pedais | pedal pedals
filhote filhotes | puppy puppies cub
arranhar arranharam | scratch scratched
impedir impede | prevent prevents
derrubar derrube | drop knock_over
levado levados travesso travessos | mischievous naughty
anuidade mensalidade | membership fee annual_fee
estrondo trovão | crash thunder
contato | contact contacted
empregador | employer
milha milhas | mile miles
exposições atrações | exhibits displays attractions
pisotear pisão | stomp stomping
cruel | cruel
atear_fogo | set_on_fire
exemplo | example
lançamento lançamentos | entries release
receita receitas | revenue revenues recipe
ação ações | stock stocks share shares
código códigos | code symbol
rolo | roller roll
poeira | dust
cinzas | ash ashes
romance | affair romance novel
estar_bem | alright okay fine
trânsito | traffic
curva curvas | curve bend winding
faixa | lane line
pedestre pedestres | pedestrian pedestrians
solidário solidários | supportive
representar representava | represent represented
realidade | reality
afastar afastar_se | get_away move_away
aprontar aprontando | mess_with mess_around
livrar livrar_se | get_rid
malvado malvada | evil mean
urso | bear
pesadelo | nightmare
interromper | interrupt
aterrorizante | terrifying scary
bolso | pocket
escultura esculturas | sculpture sculptures
ângulo ângulos | angle angles
anel aliança | ring wedding_ring
equipamento | equipment rig
indesejável indesejáveis | undesirable unwanted
particular | private
culpa | guilt guilty
precisão | accuracy precision accurately
cortador cortadores | cutter cutters
molde moldes | pattern mold patterns
sofisticado sofisticados | fancy sophisticated
armário | cabinet closet cupboard
mexer | touch get_into mess_with
internado internada internar | hospitalized kept_in admitted
infarto ataque_cardíaco | heart_attack
cochichar cochichei | whisper whispered
sujeito | fellow guy
meio_termo | middle_ground compromise
idiota idiotas | stupid idiotic
típico típicas | typical
calcular | calculate
chocolate chocolates bombom bombons | chocolate chocolates
fruta frutas | fruit fruits
recipiente recipientes | bin bins container
recheado recheados | filled stuffed
transmitir transmitido | transmit pass_on spread
independente independentemente | independently independent
berro berros | wail wailing scream
assustador assustadora | scary frightening
provocar provocou | cause caused provoke
processo | case process lawsuit
aprovar aprovou | pass approve approved
resgate | bailout rescue
imaturo imatura | immature
advogado advogados | lawyer lawyers
juiz juízes | judge judges
comentário comentários | comment comments feedback
ácido ácidos | edgy sharp acid
aceitável | acceptable okay
companheiro companheiros | companion companions
deleitar | delight
reboque | trailer carrier tow
beira | side edge
hora_extra horas_extras | overtime
sobrecarregado sobrecarregados | overworked overloaded
inquieto inquietos | fidget restless
do_zero | from_scratch
humanidade | humanity mankind
bando | herd flock gang
uivar uiva | howl howls
coque | bun
reclamar | complain
confissão | confession
sobrenatural | supernatural
desconhecido desconhecidos | stranger strangers unknown
isca | bait
arenoso arenosa | sandy
série séries | series show shows
antipático antipática | unfriendly rude
usado usados | used second_hand
ajustar ajustei | adjust adjusted
acalmar acalmaram | calm_down calmed_down
odontológico consultório | dental office
à_toa | mess_around idle
concentrar_se | focus concentrate
abençoado | blessed
séculos | ages centuries
político políticos | politician politicians
moldar molda moldou moldado formar | shape shapes shaped mold molds molded
caráter personalidade índole | character personality nature
tipo tipos espécie | kind kinds type types sort
"""
