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
desistir abrir_mão | give_up quit gave_up given_up
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
dois duas 2 | two twice
três 3 | three thrice
quatro 4 | four
cinco 5 | five
seis 6 | six
dez 10 | ten
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
grávida gravidez gestante engravidar | pregnant pregnancy expecting_a_baby get_pregnant got_pregnant
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
cancelar desmarcar desmarcou | cancel canceled cancelled call_off called_off
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
conversar conversou conversa bater_papo papo bate_papo | talk talked chat chatted conversation converse
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
pegar pegou agarrar apanhar | grab grabbed catch caught take took
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
economizar economizou poupar poupou juntar_dinheiro | save saved saving savings save_up saved_up saving_up
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
odiar odiou detestar detestou ódio | hate hated dislike disliked hatred
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
arrumar arrumou organizar limpar | tidy clean_up clean pack packed tidy_up tidied_up straighten_up
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
terminar terminou separar separou terminar_o_namoro | break_up broke_up split separate separated split_up
trair traiu traição | cheat cheated cheating betray betrayed affair
brigar brigou briga discutir discutiu discussão | fight fought argue argued argument quarrel
perdoar perdoou perdão | forgive forgave forgiven forgiveness
mentir mentiu mentira | lie lied lying liar
confiar confiou confiança | trust trusted
acreditar acreditou crer | believe believed
duvidar duvidou dúvida | doubt doubted
preocupar preocupou preocupado preocupada preocupação | worry worried concern concerned
temer medo assustado assustada assustar susto assustou | fear afraid scared frighten frightened startled startle scare
nervoso nervosa ansioso ansiosa ansiedade | nervous anxious anxiety
calmo calma tranquilo tranquila | calm peaceful relaxed
feliz felicidade alegre alegria contente | happy happiness glad joy joyful cheerful
triste tristeza infeliz | sad sadness unhappy sorrow grief
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
fim_de_semana | weekend weekends
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
seguro segura segurança sem_perigo fora_de_perigo | safe secure safety security out_of_danger
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
bêbado bêbada embriagado embriagada | drunk intoxicated
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
vomitar | vomit threw_up throw_up vomited
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
costurar costura costurou | sew sewing sewed
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
plano_de_saúde seguro_saúde | health_insurance health_plan medical_insurance
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
mudar_se mudança se_mudar | move moving relocate moved move_out moved_out move_away moved_away
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
adiar adiou postergar | postpone put_off delay postponed
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
sem_querer acidentalmente sem_intenção | accidentally by_accident unintentionally
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
elogio elogiar elogiou | compliment praise praised complimented
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
superar superou | overcome get_over got_over
chamar_atenção | get_attention
explodir explodiu | blow_up explode exploded
dormitório | dorm dormitory
quantidade | amount quantity
enrolar enrolou embrulhar | wrap wrapped
dar_ré | back_up reverse
acelerar acelerou | accelerate speed_up
tração | traction drive
fazer_compras fazer_mercado | go_shopping shopping went_shopping do_the_shopping grocery_shopping
fazer_a_barba | shave shaved
cortar_o_cabelo | haircut
arrumar_a_mala fazer_as_malas arrumar_as_malas fazer_a_mala | pack packed pack_up packed_up
tomar_banho | shower take_a_shower bathe took_a_shower taking_a_shower
lavar_a_louça | do_the_dishes wash_dishes
passar passou passei | spend spent
passar passou | pass passed go_by went_by
dar_uma_passada passada | drop_by stop_by show_up
de_volta | back
ligar_de_volta | call_back
sair_com | go_out_with hang_out_with hang_out date
chamar_para_sair convidar_para_sair | ask_out asked_out
terminar_com | break_up_with
ficar_com_raiva | get_angry
ficar_doente | get_sick got_sick fall_ill
pegar_no_sono | fall_asleep fell_asleep
dormir_demais perder_a_hora dormir_até_tarde | oversleep overslept sleep_in slept_in lie_in
perder_o_ônibus | miss_the_bus
atrasar atrasou | be_late delay delayed run_late
gato_de_rua | stray_cat stray
vira_lata | stray mutt
achado_perdido | lost_and_found
acampar acampou acampamento | camp camping camped campsite
ar_livre natureza | outdoors outdoor nature
conectar conectou conexão ligação | connect connected connection
sem_teto morador_de_rua moradores_de_rua | homeless
prezar valorizar valoriza | value values believe_in cherish valued appreciate
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
jogar_fora | throw_away thrown_away threw_away throw_out threw_out
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
valer_a_pena vale_a_pena | worth worth_it worthwhile pay_off paid_off
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
ficar_sabendo descobrir soube | find_out found_out
entender descobrir desvendar sacar | figure_out figured_out figure_it_out figured_it_out puzzle_out
malhar malhou exercitar_se | work_out worked_out working_out exercise exercised
dar_certo deu_certo | work_out worked_out pan_out panned_out go_well went_well
dar_bronca deu_bronca bronca repreender repreendeu | scold scolded reprimand reprimanded tell_off told_off
chamar_a_atenção_de repreender | call_out called_out scold
denunciar expor | call_out called_out expose exposed
partir pôr_se_a_caminho | head_out headed_out set_off set_out
ir_embora foi_embora vai_embora | go_away went_away leave left get_going
agarrar pegar | snatch snatched seize seized grasp
fazer_sentido fez_sentido faz_sentido | make_sense makes_sense made_sense making_sense
lidar_com lidou_com lida_com | deal_with dealt_with dealing_with cope_with handle handled
enfrentar encarar | face faced confront confronted
consertar ajeitar reformar | fix_up fixed_up do_up
arrumar_se se_arrumar aprontar_se | get_ready got_ready dress_up dressed_up
dar_conta deu_conta dá_conta dou_conta | manage managed cope handle handled keep_up
dar_se_conta deu_se_conta se_deu_conta se_dar_conta | realize realized dawn_on dawned_on
entregar entregou | hand_in handed_in turn_in turned_in submit submitted
distribuir distribuiu | hand_out handed_out give_out gave_out distribute distributed
preencher preencheu | fill_in filled_in fill_out filled_out
acompanhar alcançar | keep_up kept_up catch_up caught_up
esperar aguardar espera_aí | hold_on hang_on
desligar desligou | turn_off turned_off switch_off switched_off shut_off
ligar ligou acender acendeu | turn_on turned_on switch_on switched_on
desligar_o_telefone desligou_o_telefone | hang_up hung_up
recusar recusou rejeitar | turn_down turned_down decline declined
abaixar abaixou | turn_down turned_down lower lowered
comparecer compareceu | attend attended show_up showed_up turn_up turned_up
acabar_sendo acabou_sendo | end_up ended_up wind_up wound_up
revelar_se | turn_out turned_out
cuidar_de cuidou_de tomar_conta zelar | look_after looked_after take_care_of took_care_of care_for cared_for babysit
ansiar aguardar_ansiosamente | look_forward looked_forward look_forward_to looking_forward
menosprezar desprezar | look_down_on looked_down_on despise despised
tomar_cuidado cuidadoso cuidadosa | watch_out be_careful careful carefully
sair_com saiu_com saíram_com | hang_out hung_out hang_around go_out went_out go_out_with went_out_with
topar_com esbarrar esbarrou | run_into ran_into bump_into bumped_into come_across came_across
acabar_o acabou_o | run_out ran_out run_out_of ran_out_of
atropelar atropelou atropelado | run_over ran_over hit_by_a_car
explodir disparar | go_off went_off
estragar estragou apodrecer apodreceu podre | go_off went_off spoil spoiled rot rotten
passar_por passou_por | go_through went_through undergo pass_through passed_through
revisar revisou revisão | review reviewed revise revised
seguir_em_frente | move_on moved_on
dar_se_bem se_dar_bem | get_along got_along get_on
escapar_impune safar_se | get_away_with got_away_with
voltar regressar | get_back got_back
sair_da_cama levantar_da_cama | get_out_of_bed got_out_of_bed
superar ultrapassar | get_through got_through
entrar_em_contato contatar contactar | get_in_touch got_in_touch reach_out reached_out contact contacted
desabafar desabafou | vent vented open_up opened_up get_off_my_chest
acalmar_se acalmou_se se_acalmar | calm_down calmed_down settle_down settled_down
animar animou alegrar | cheer_up cheered_up
criar_coragem tomar_coragem | pluck_up_courage work_up_the_courage
crescer cresceu | grow_up grew_up grown_up growing_up
criar | bring_up brought_up raise raised raising
mencionar mencionou tocar_no_assunto | bring_up brought_up mention mentioned
inventar inventou | make_up made_up invent invented
fazer_as_pazes fizeram_as_pazes reconciliar | make_up made_up reconcile reconciled
compensar compensou | make_up_for made_up_for compensate compensated
maquiagem maquiar | makeup make_up
dar_uns_amassos | make_out made_out
recolher recolheu coletar coletou | pick_up picked_up collect collected gather gathered
retomar retomou | pick_up_where resume resumed
substituir substituiu | fill_in_for cover_for stand_in_for
experimentar | try_on tried_on try_out tried_out
cortar_gastos | cut_back cut_down cut_costs
interromper cortar | cut_off
começar_a_praticar | take_up took_up
decolar decolou | take_off took_off
assumir assumiu | take_over took_over
parecer_com parecido parecida semelhante | resemble resembled look_like looks_like looked_like similar alike take_after
instalar instalou | set_up install installed
aguentar suportar tolerar | put_up_with tolerate tolerated endure
apagar apagou | put_out blow_out blew_out extinguish
apagar deletar excluir | delete deleted erase erased
vestir_se vestiu_se | get_dressed got_dressed dress dressed
madrugar madrugou | get_up_early got_up_early wake_up_early woke_up_early early_riser
ficar_acordado ficou_acordado | stay_up stayed_up stay_awake stayed_awake
cochilar cochilou cochilo tirar_um_cochilo soneca | nap napped doze dozed take_a_nap
passar_a_noite pernoitar | stay_over stayed_over sleep_over sleepover
fazer_check_out | check_out checked_out
fazer_check_in | check_in checked_in
dar_uma_olhada conferir | check_out checked_out take_a_look have_a_look
passar_para_ver | check_on checked_on look_in_on
levar_até deixar_na_escola | drop_off dropped_off
abandonar_os_estudos largar_a_escola largar_a_faculdade | drop_out dropped_out dropout
largar_o_emprego pedir_demissão demitir_se | quit_job quit_my_job quit_her_job quit_his_job resign resigned resignation
perder_o_emprego demitir demitido | lost_his_job lost_her_job lost_my_job get_fired got_fired fired laid_off
promover promoveu promovido promoção | promote promoted promotion
candidatar candidatou candidatura | application
inscrever inscreveu inscrição registrar_se registrar | sign_up signed_up register registered registration
matricular matrícula inscrever | enroll enrolled enrollment
fazer_login entrar_na_conta | log_in logged_in sign_in signed_in login
fazer_backup | back_up backed_up backup
apoiar respaldar | back_up backed_up support
recuar recuou | back_off backed_off back_down backed_down retreat
arrombar invadir | break_in broke_in break_into broke_into
enguiçar pifar pifou | break_down broke_down
desabar_em_lágrimas cair_no_choro | break_down broke_down burst_into_tears
irromper | break_out broke_out
decepcionar decepcionou | let_down
deixar_entrar | let_in
deixar_sair | let_out
soltar largar | let_go let_go_of
ceder cedeu | give_in gave_in yield yielded
perseguir perseguiu ir_atrás | chase chased pursue pursued go_after went_after
ir_junto | come_along came_along tag_along tagged_along
visitar | come_over came_over come_by came_by
ter_a_ideia bolar bolou | come_up_with came_up_with
cair_em_si | come_to_my_senses came_to_my_senses
embarcar embarcou embarque | board boarded boarding get_on got_on
encostar_o_carro parar_no_acostamento | pull_over pulled_over
aguentar_firme | pull_through pulled_through hang_in_there
tirar_sarro zoar zombar caçoar | make_fun make_fun_of made_fun_of mock mocked
implicar_com provocar | tease teased pick_on picked_on
fazer_palhaçada bagunçar | mess_around messed_around fool_around fooled_around goof_off
fazer_piada brincar | joke joked joking kidding just_kidding
estragar arruinar arruinou | mess_up messed_up ruin ruined
ferrar estragar_tudo | screw_up screwed_up blow_it blew_it
resolver | sort_out sorted_out straighten_out
esclarecer esclareceu | clear_up cleared_up clarify clarified
exagerar exagerou exagero | exaggerate exaggerated overdo overreact overreacted
ter_saudade ter_saudades sentir_falta sentiu_falta saudade saudades | miss missed
saudade_de_casa | homesick homesickness
dar_uma_volta dar_um_passeio | go_for_a_walk take_a_walk took_a_walk
dar_uma_corrida | go_for_a_run went_for_a_run
fila | queue line_up lined_up
ficar_na_fila esperar_na_fila | wait_in_line waited_in_line stand_in_line stood_in_line
fazer_xixi ir_ao_banheiro | go_to_the_bathroom went_to_the_bathroom use_the_bathroom pee
ter_um_filho ter_um_bebê | have_a_baby had_a_baby
dar_à_luz deu_à_luz | give_birth gave_birth
marcar_consulta agendar agendou | make_an_appointment made_an_appointment schedule scheduled
fazer_reserva reservar reservou reserva | reserve reserved make_a_reservation reservation
pegar_a_estrada cair_na_estrada viajar | hit_the_road travel
viagem_de_carro | road_trip
pôr_em_dia atualizar_se | catch_up caught_up
colocar_o_papo_em_dia | catch_up caught_up
pedir_desculpa pedir_desculpas pediu_desculpas desculpar_se | apologize apologized apologise say_sorry said_sorry
desculpa desculpas | apology apologies excuse excuses
perdão | forgiveness pardon
arrependido arrependida arrependimento arrepender | regret regretted sorry remorse
dar_uma_chance dar_outra_chance segunda_chance | give_a_chance gave_a_chance give_another_chance second_chance
levar_a_sério | take_seriously took_seriously take_it_seriously
levar_para_o_lado_pessoal | take_personally took_personally take_it_personally
tirar_proveito aproveitar_se | take_advantage took_advantage exploit exploited
perder_a_paciência | lose_patience lost_patience lose_temper lost_temper
perder_a_cabeça | lose_my_temper lost_my_temper lost_his_temper lost_her_temper lost_temper snapped
perder_o_controle | lose_control lost_control out_of_control
manter_contato | keep_in_touch stay_in_touch
perder_contato | lose_touch lost_touch
ficar_de_olho vigiar vigiou | keep_an_eye keep_an_eye_on watch_over keep_watch
ficar_em_forma manter_a_forma | stay_in_shape keep_fit get_in_shape
ganhar_a_vida | make_a_living earn_a_living
fazer_amizade fez_amizade | make_friends made_friends befriend befriended
sentir_se_em_casa | feel_at_home felt_at_home
passar_mal passou_mal enjoado enjoada náusea | feel_sick felt_sick nauseous nausea queasy
lavar_a_roupa lavar_roupa lavar_roupas | do_the_laundry did_the_laundry laundry wash_clothes washed_clothes
dar_um_jeito | find_a_way found_a_way
dar_errado deu_errado | go_wrong went_wrong backfire backfired
mudar_de_ideia mudou_de_ideia | change_my_mind changed_her_mind changed_his_mind change_of_heart
em_cima_da_hora de_última_hora | last_minute at_the_last_minute
a_tempo na_hora pontual | on_time in_time punctual
de_repente repentinamente subitamente | suddenly all_of_a_sudden
aos_poucos gradualmente pouco_a_pouco | gradually little_by_little
no_final_das_contas afinal | after_all in_the_end
por_fim finalmente enfim | finally at_last eventually
por_acaso coincidência | by_chance coincidence coincidentally
de_propósito propositalmente intencionalmente | on_purpose deliberately intentionally
definitivamente | for_good permanently
por_enquanto temporariamente | for_now for_the_time_being temporarily
de_graça gratuito gratuitamente grátis | for_free free_of_charge free
a_pé | on_foot walk walked foot
se_mudar_para | move_in moved_in move_to moved_to move moved
trocar_de_roupa | change_clothes changed_clothes get_changed
dar_uma_festa | throw_a_party threw_a_party have_a_party host_a_party
pôr_a_mesa | set_the_table
tirar_a_mesa | clear_the_table
tirar_férias tirou_férias | take_a_vacation took_a_vacation go_on_vacation went_on_vacation
tirar_folga tirou_folga dia_de_folga | take_a_day_off took_a_day_off day_off time_off
faltar_ao_trabalho faltou_ao_trabalho | miss_work missed_work call_in_sick called_in_sick
matar_aula cabular | skip_class skipped_class cut_class
faltar_à_aula faltou_à_aula | miss_class missed_class
passar_na_prova passou_na_prova | pass_the_test passed_the_test pass_the_exam passed_the_exam
reprovar reprovou levar_bomba | flunk flunked fail_the_test failed_the_test fail_the_class failed_the_class
falhar falhou fracassar fracassou fracasso | fail failed failure
colar_na_prova | cheat_on_the_test cheated_on_the_test
se_formar formou_se formar_se formatura | graduate graduated graduation
apaixonar apaixonou | fall_in_love fell_in_love falling_in_love in_love
cair_no_golpe cair_em_golpe | fall_for fell_for
golpe golpista fraude | scam scammed scammer fraud
ficar_para_trás | fall_behind fell_behind lag_behind
defender defendeu | stand_up_for stood_up_for defend defended
destacar_se sobressair | stand_out stood_out
desmoronar desabar desabou | fall_apart fell_apart collapse collapsed
desentender_se desentendimento | fall_out fell_out falling_out disagreement
passar_adiante | pass_on passed_on
deixar_passar deixou_passar | pass_up passed_up
desmaiar desmaiou apagar | pass_out passed_out faint fainted black_out blacked_out
falecer faleceu | pass_away passed_away die died
jogar_no_lixo descartar | throw_out threw_out discard discarded
grávida esperando_um_filho esperando_bebê esperando_um_bebê | pregnant expecting_a_baby expecting_a_child with_child
continuar prosseguir | went_on carried_on kept_going proceed
confuso confusa confusão atordoado | confused confusion puzzled baffled bewildered
confuso confusa complicado complicada difícil_de_entender | confusing hard_to_understand complicated complex tricky
frustrado frustrada frustração frustrante | frustrated frustration frustrating
ciumento ciumenta ciúme ciúmes | jealous jealousy
inveja invejoso invejosa invejar | envy envious envied
solitário solitária | lonely lonesome solitary
nostálgico nostálgica nostalgia | nostalgic nostalgia
esperançoso esperançosa | hopeful optimistic optimism
desesperado desesperada desespero | desperate despair desperation
sem_esperança desesperançado | hopeless
impaciente impaciência | impatient impatience
paciência paciente | patience patient
tímido tímida timidez acanhado | shy timid shyness
confiante autoconfiança segurança_de_si | confident confidence self_confidence self_assured
inseguro insegura insegurança | insecure insecurity unsure
curioso curiosa curiosidade | curious curiosity
interessado interessada interesse | interested interest
desinteressado desinteressada | uninterested disinterested
apavorado apavorada aterrorizado aterrorizada | terrified petrified frightened horrified
pânico | panic panicked
nojo nojento nojenta enojado enojada | disgust disgusted disgusting gross
furioso furiosa enfurecido | furious fury enraged livid
magoado magoada mágoa magoar magoou | hurt hurt_feelings resentful
coração_partido arrasado arrasada devastado devastada | heartbroken broken_hearted devastated
emocionado emocionada comovido comovida emotivo emotiva | emotional teary touched
sensível sensibilidade | sensitive sensitivity
satisfeito satisfeita satisfação satisfazer | satisfied satisfaction satisfy pleased
encantado encantada | delighted charmed enchanted
maravilhado maravilhada deslumbrado deslumbrada | amazed awed dazzled
impressionado impressionada | impressed
espantado espantada pasmo | astonished stunned astounded
perplexo perplexa | perplexed baffled
indiferente indiferença | indifferent indifference
apático apática apatia | apathetic apathy
desanimado desanimada desânimo | discouraged disheartened dispirited
motivado motivada motivação motivar | motivated motivation motivate
desmotivado desmotivada | unmotivated demotivated
inspirado inspirada inspiração inspirar | inspired inspiration inspire
determinado determinada determinação decidido decidida | determined determination resolute
teimoso teimosa teimosia cabeça_dura | stubborn stubbornness obstinate
humilde humildade modesto modesta | humble humility modest
arrogante arrogância | arrogant arrogance cocky conceited
mal_educado mal_educada grosseiro grosseira grosseria | impolite rude rudeness
gentileza delicadeza | kindness courtesy
carinhoso carinhosa afetuoso afetuosa | affectionate loving
atencioso atenciosa | considerate thoughtful
útil | useful helpful handy
inútil | useless pointless
sem_sentido | pointless meaningless senseless
descuidado descuidada desleixado desleixada | careless sloppy negligent
esforçado esforçada dedicado dedicada | hardworking diligent dedicated
maduro madura maturidade amadurecer | mature maturity matured
mimado mimada | spoiled spoilt pampered
desajeitado desajeitada atrapalhado atrapalhada | clumsy awkward
ansioso ansiosa doido_para louco_para | eager keen dying_to
tenso tensa tensão | tense tension
relaxar relaxou relaxante relaxado relaxada | relax relaxed relaxing
em_paz | at_peace peaceful
radiante exultante eufórico eufórica | overjoyed ecstatic elated euphoric
ofendido ofendida ofender ofendeu | offended offend
insulto ofensa insultar insultou | insult insulted offense offence
rejeitado rejeitada rejeição | rejected rejection
amado amada | beloved dear loved
sortudo sortuda afortunado afortunada | lucky fortunate
óbvio óbvia obviamente evidente evidentemente | obvious obviously evident clearly
justo justa | fair
injusto injusta injustiça | unfair unjust injustice
bobo boba bobagem besteira tolo tola | silly foolish nonsense
absurdo absurda ridículo ridícula | absurd ridiculous ludicrous
inacreditável | unbelievable hard_to_believe
impressionante | impressive
decepcionante | disappointing letdown
cansativo cansativa exaustivo exaustiva | tiring exhausting tedious
estressante | stressful
desagradável | unpleasant nasty
perfeito perfeita perfeição | perfect flawless perfection
desnecessário desnecessária | unnecessary needless
sem_importância irrelevante insignificante | unimportant irrelevant trivial insignificant
pesado pesada | heavy
complexo complexa | complex intricate
incomum inusitado inusitada | unusual uncommon
inesperado inesperada imprevisto imprevista | unexpected unforeseen
imprevisível | unpredictable
inofensivo inofensiva | harmless innocuous
risco riscos arriscar arriscou arriscado arriscada | risk risks risked risky
desonesto desonesta desonestidade | dishonest dishonesty
leal lealdade fiel fidelidade | loyal loyalty faithful faithfulness
infiel infidelidade | unfaithful infidelity
confiável | reliable trustworthy dependable
suspeito suspeita suspeitar desconfiar desconfiado desconfiada | suspicious suspect suspected suspicion
ingênuo ingênua ingenuidade | naive gullible naivety
sábio sabedoria | wise wisdom
talentoso talentosa talento | talented talent
habilidoso habilidosa habilidade habilidades | skilled skillful skill skills
competente | competent competence
incompetente incompetência | incompetent incompetence
experiente | experienced
inexperiente inexperiência | inexperienced inexperience
famoso famosa fama | famous fame well_known
bem_sucedido bem_sucedida | successful succeed succeeded
mal_sucedido mal_sucedida | unsuccessful
hesitante hesitar hesitou relutante | hesitant hesitate hesitated reluctant
indeciso indecisa | indecisive undecided unsure
desconfortável incômodo incômoda | uncomfortable uneasy
à_vontade relaxado | at_ease comfortable
assustador assustadora | creepy spooky scary
sinistro sinistra | sinister eerie ominous
tenebroso macabro | gruesome macabre
bizarro bizarra | bizarre weird
fofo fofa fofinho fofinha | cute adorable
charmoso charmosa | charming
elegante | elegant classy stylish
sarcástico sarcástica sarcasmo ironia irônico | sarcastic sarcasm irony ironic
mal_humorado mal_humorada rabugento rabugenta | grumpy cranky moody
bem_humorado bem_humorada | cheerful good_mood upbeat
temperamental | temperamental moody
respeito respeitar respeitou respeitoso | respect respected respectful
desrespeito desrespeitar desrespeitoso | disrespect disrespected disrespectful
admiração admirar admirou | admiration admire admired
empatia empático | empathy empathetic
compaixão compassivo compassiva | compassion compassionate
pena ter_pena sentir_pena | pity feel_sorry felt_sorry
simpatia | sympathy
culpado culpada | guilty culprit
inocente inocência | innocent innocence
vingança vingar vingou | revenge avenge avenged
rancor ressentimento | grudge resentment
gratidão | gratitude appreciation
apreciar apreciou | appreciate appreciated
medroso medrosa covarde | coward cowardly fearful
ousado ousada ousadia | bold daring boldness
aventureiro aventureira aventura | adventurous adventure
espontâneo espontânea | spontaneous
impulsivo impulsiva | impulsive rash
cauteloso cautelosa cautela prudente | cautious caution prudent wary
paranoico paranoica paranoia | paranoid paranoia
obcecado obcecada obsessão | obsessed obsession
apegado apegada apego | attached attachment
distraído distraída | distracted absent_minded
desatento desatenta | inattentive careless
preocupante | worrying worrisome alarming
tranquilizador reconfortante | reassuring comforting
consolar consolou consolo conforto | comfort comforted console consoled
encorajar encorajou encorajamento incentivar incentivou incentivo | encourage encouraged encouragement
desencorajar desencorajou | discourage discouraged
criticar criticou crítica | criticize criticized criticism critique
julgar julgou julgamento | judge judged judgment
culpar_se sentir_culpa | feel_guilty felt_guilty
rotina rotineiro | routine daily_routine
despertador | alarm_clock alarm
escovar escovou escova | brush brushed
escova_de_dentes | toothbrush
pasta_de_dente creme_dental | toothpaste
pentear penteou pente | comb combed
fio_dental | floss flossing
barbear barbeador lâmina | razor shaver
perfume perfumar | perfume cologne
desodorante | deodorant
xampu condicionador | shampoo conditioner
espelho | mirror
secador_de_cabelo | hair_dryer blow_dryer
travesseiro | pillow
lençol lençóis | sheet sheets bedsheet
colchão | mattress
pijama | pajamas pyjamas
chinelo chinelos | slippers flip_flops
guarda_roupa | wardrobe closet
prateleira prateleiras estante | shelf shelves bookshelf
varal | clothesline
ferro_de_passar passar_roupa passar_a_roupa | iron ironing iron_clothes
dobrar dobrou | fold folded
máquina_de_lavar | washing_machine washer
secadora | dryer
lava_louças máquina_de_lavar_louça | dishwasher
pano panos | rag
esponja | sponge
vassoura varrer varreu | broom sweep swept
aspirador aspirar aspirou | vacuum vacuumed vacuum_cleaner
esfregar esfregou | scrub scrubbed
tirar_o_pó espanar | dust dusted dusting
lixo lixeira | trash garbage rubbish trash_can
tirar_o_lixo levar_o_lixo | take_out_the_trash took_out_the_trash
reciclar reciclagem | recycle recycling recycled
balde | bucket pail
mangueira | hose
cortar_a_grama cortador_de_grama | mow mowed mow_the_lawn lawnmower
gramado | lawn
cerca | fence
caixa_de_correio correspondência | mailbox mail
carteiro | mailman postman mail_carrier
entregador entrega entregas | delivery delivery_man
pacote encomenda | package parcel
campainha | doorbell
interfone | intercom buzzer
fechadura | lock
trinco | latch
corredor | hallway corridor
varanda | porch balcony
terraço | terrace
degrau degraus | step steps
elevador | elevator
andar_de_cima | upstairs
andar_de_baixo | downstairs
térreo | ground_floor
condomínio | condo condominium
inquilino inquilina | tenant renter
senhorio proprietário proprietária dono_do_imóvel | landlord landlady owner
dono dona | owner
contrato | contract lease
hipoteca financiamento | mortgage loan
conta_de_luz | electricity_bill electric_bill
conta_de_água | water_bill
eletricidade energia_elétrica | electricity power
apagão queda_de_energia falta_de_luz | blackout power_outage
aquecimento aquecedor | heating heater
ar_condicionado | air_conditioning air_conditioner ac
ventilador | fan
encanador | plumber
entupido entupir entupiu | clogged clog blocked
cano | pipe pipes
torneira | faucet
privada vaso_sanitário | toilet
banheira | bathtub tub
ralo | drain
goteira | leak leaked leaking drip
mofo | mold mould mildew
bagunça bagunçado bagunçada | mess messy untidy
arrumado arrumada organizado organizada | tidy neat organized
desarrumar | mess_up
decoração decorar decorou | decoration decorations decorate decorated
enfeite enfeites | ornament ornaments
quadro quadros | painting paintings picture_frame
vaso | vase flowerpot
planta plantas | plant plants houseplant
regador | watering_can
jardinagem | gardening
horta | vegetable_garden
semente sementes | seed seeds
colheita | harvest crop
martelo | hammer
parafuso parafusos chave_de_fenda | screw screws screwdriver
furadeira | drill
escada_de_mão | ladder stepladder
faz_tudo | handyman
caixa_de_papelão papelão | cardboard_box cardboard box
fita_adesiva | tape duct_tape
tesoura | scissors
cola | glue
caneta canetas | pen pens
lápis | pencil pencils
caderno cadernos | notebook notebooks
mochila | backpack
estojo | pencil_case
papelada documentos documento | paperwork documents document
envelope | envelope
selo selos | stamp stamps
recado bilhete | note message
ingresso ingressos bilhete passagem | ticket tickets
lista listas | list lists
lista_de_compras | shopping_list grocery_list
calendário agenda | calendar planner
consulta | appointment checkup
relógio | clock wristwatch
pilha pilhas | battery batteries
carregador carregador_de_celular | charger
cabo fio_elétrico | cable cord
controle_remoto | remote remote_control
televisão tv | television tv
poltrona | armchair recliner
almofada almofadas | cushion cushions
lareira | fireplace
vela velas | candle candles
fumaça | smoke
detector_de_fumaça | smoke_detector smoke_alarm
extintor | fire_extinguisher
trancado_do_lado_de_fora | locked_out
expediente | shift work_shift
turno_da_noite | night_shift
meio_período meio_expediente | part_time
período_integral tempo_integral | full_time
estágio estagiário estagiária | internship intern
voluntário voluntária voluntariado | volunteer volunteered volunteering
freelancer autônomo autônoma | freelance freelancer self_employed
negócio_próprio | own_business
empreendedor empreendedora | entrepreneur
sócio | partner business_partner
fornecedor | supplier vendor
prazo prazos | deadline deadlines
relatório relatórios | report reports
apresentação apresentar apresentou | presentation
planilha planilhas | spreadsheet spreadsheets
arquivo arquivos | file files
impressora | printer
copiadora xerox | copier photocopy
mesa_de_trabalho escrivaninha | desk
cubículo | cubicle
sala_de_reunião | meeting_room conference_room
colega_de_trabalho | coworker co_worker colleague
equipe_de_trabalho | team
liderar liderou liderança | leader lead led leadership
supervisionar supervisor supervisora supervisão | supervise supervised supervisor supervision
funcionário_do_mês | employee_of_the_month
avaliação avaliar avaliou | evaluation evaluate evaluated review assessment
aumento_de_salário aumento_salarial | raise pay_raise salary_increase
bônus bonificação | bonus
contracheque holerite | paycheck payslip
benefício benefícios | benefit benefits
sindicato | union labor_union
greve | strike on_strike
entrevista_de_emprego | job_interview
vaga_de_emprego | job_opening vacancy
experiência_profissional | work_experience
qualificado qualificada qualificação | qualified qualification qualifications
recrutador recrutadora | recruiter
salário_mínimo | minimum_wage
home_office trabalho_remoto trabalhar_de_casa | work_from_home remote_work remotely
sobrecarga carga_de_trabalho | workload overload
esgotado esgotada esgotamento burnout | burned_out burnt_out burnout
pedir_aumento | ask_for_a_raise asked_for_a_raise
fábrica | factory
caixa_registradora caixa_do_supermercado | cash_register checkout
caixa_atendente operador_de_caixa | cashier
garçom garçonete | waitress server
cozinheiro cozinheira | cook chef
vendedor vendedora | salesman saleswoman salesperson seller clerk
atendente recepcionista | receptionist attendant
atendimento_ao_cliente | customer_service
assistente auxiliar | assistant
contador contadora contabilidade | accountant accounting
engenheiro engenheira engenharia | engineer engineering
programador programadora | developer coder coding
enfermagem | nursing
dentista | dentist
bombeiro bombeiros | firefighter firefighters fireman
soldado soldados exército militar | soldier soldiers army military
piloto pilotos | pilot pilots
mecânico | mechanic
oficina | repair_shop workshop auto_shop
eletricista | electrician
pedreiro construtor | builder bricklayer construction_worker
construção obra_de_construção | construction construction_site
carpinteiro marceneiro | carpenter
jardineiro jardineira | gardener
faxineiro faxineira diarista | cleaner housekeeper maid
cabeleireiro cabeleireira | hairdresser hairstylist salon
barbeiro barbearia | barber barbershop
fotógrafo fotógrafa | photographer
jornalista repórter | journalist reporter
cientista ciência | scientist science
pesquisador pesquisadora | researcher
psicólogo psicóloga terapeuta terapia | psychologist therapist therapy counselor
farmácia | pharmacy drugstore
farmacêutico farmacêutica | pharmacist
fazendeiro fazendeira agricultor | farmer
fazenda sítio | farm ranch
pescador | fisherman
pescar pescou pesca pescaria | fishing fished go_fishing
caminhoneiro | truck_driver trucker
táxi | taxi cab
taxista | taxi_driver cab_driver
instrutor_de_autoescola ensinar_a_dirigir | driving_instructor driving_teacher teach_to_drive taught_to_drive
instrutor_de_autoescola ensinar_a_dirigir | taught_her_to_drive taught_him_to_drive taught_me_to_drive
aula_de_direção aulas_de_direção | driving_lesson driving_lessons
professor_particular tutor aula_particular | tutor tutoring private_lesson
treinador treinadora | coach
cuidador cuidadora | caregiver
procurar_emprego procurando_emprego | job_hunting looking_for_a_job job_search
ensino_médio colegial | high_school
ensino_fundamental escola_primária | elementary_school primary_school middle_school
jardim_de_infância pré_escola creche | kindergarten preschool daycare
calouro caloura | freshman
veterano veterana | veteran veterans
semestre | semester term
ano_letivo | school_year academic_year
disciplina | subject school_subject
matemática | math maths mathematics
geografia | geography
química | chemistry
biologia | biology
inglês | english
idioma língua línguas idiomas | language languages
redação trabalho_escrito | essay essays term_paper
trabalho_escolar trabalho_em_grupo | school_project group_project
seminário | seminar
biblioteca | library
bibliotecário bibliotecária | librarian
sala_de_aula | classroom
quadro_negro lousa | blackboard chalkboard whiteboard
recreio intervalo pausa | recess break pause interval
uniforme | uniform
diploma certificado | diploma certificate degree
mestrado | masters master_s_degree masters_degree
doutorado | phd doctorate
bolsa_de_estudos | scholarship
mensalidade_escolar taxa | tuition fee fees
empréstimo_estudantil | student_loan student_loans
campus | campus
colega_de_classe colega_de_turma | classmate classmates
turma classe | class
professor_substituto | substitute_teacher
reitor | dean
orientador orientadora | advisor adviser
vestibular | entrance_exam
decorar decorou memorizar memorizou | memorize memorized learn_by_heart
anotações anotar anotou | notes take_notes took_notes jot_down
boletim | report_card
trapacear trapaça | cheat cheated cheating
plágio plagiar | plagiarism plagiarize
banco | bank
banco banquinho | bench
caixa_eletrônico | atm cash_machine
cartão_de_crédito | credit_card
cartão_de_débito | debit_card
cartão cartões | card cards
cheque | cheque checkbook
conta_bancária | bank_account
saldo | balance
sacar_dinheiro saque | withdraw withdrew withdrawal
depositar depósito | deposit deposited
transferência transferir transferiu | transfer transferred
empréstimo pedir_emprestado | loan borrow borrowed
investir investimento investiu | invest invested investment
poupança | savings savings_account
troco | change_money spare_change
moeda moedas | coin coins currency
cédula nota_de_dinheiro | banknote bill
fatura | invoice bill
recibo nota_fiscal | receipt
devolução devolver_o_produto | refund return_the_product
garantia | warranty guarantee
endividado endividada | in_debt indebted
herança herdar herdou | inheritance inherit inherited
doação doar doou | donation donate donated
luxo luxuoso luxuosa | luxury luxurious
pechinchar | haggle bargain
lucro lucrar | profit
prejuízo | loss
fortuna | fortune
milionário milionária | millionaire
loteria bilhete_de_loteria | lottery lottery_ticket
apostar aposta | bet gamble gambling
cassino | casino
noivo noiva noivado noivar noivou | fiance fiancee engaged engagement
pedido_de_casamento pedir_em_casamento | proposal propose proposed marriage_proposal
lua_de_mel | honeymoon
casal | couple couples
cônjuge parceiro parceira | spouse partner
ex_namorado ex_namorada | ex_boyfriend ex_girlfriend
ex_mulher ex_esposa | ex_wife
sogro sogra sogros | father_in_law mother_in_law in_laws
cunhado cunhada | brother_in_law sister_in_law
genro nora | son_in_law daughter_in_law
enteado enteada padrasto madrasta | stepson stepdaughter stepfather stepmother stepchild
neto neta netos | grandson granddaughter grandchildren grandkids grandchild
bisavô bisavó | great_grandfather great_grandmother
padrinho madrinha | godfather godmother godparent
afilhado afilhada | godson goddaughter godchild
caçula | youngest youngest_child
primogênito mais_velho | oldest firstborn eldest
gêmeo gêmea | twin
órfão órfã | orphan orphaned
geração gerações | generation generations
antepassado antepassados ancestral | ancestor ancestors
herdeiro | heir
adolescente adolescência | teenager teen teens adolescence teenage
adulto adulta adultos | adult adults grown_up grownup
idoso idosa idosos terceira_idade | elderly senior seniors old_people
velhice | old_age
juventude | youth
encontro_às_cegas | blind_date
estar_a_fim está_a_fim | have_a_crush had_a_crush
relacionamento_à_distância namoro_à_distância | long_distance_relationship long_distance
divorciado divorciada | divorced
pensão_alimentícia | child_support alimony
guarda_dos_filhos | custody
viúvo viúva | widow widower widowed
enlutado enlutada | mourning grieving bereaved
velório | funeral vigil
túmulo sepultura | grave tomb
cemitério | cemetery graveyard
homenagem homenagear | tribute honor honored
chá_de_bebê | baby_shower
chá_de_panela | bridal_shower
despedida_de_solteiro despedida_de_solteira | bachelor_party bachelorette_party
padrinho_de_casamento | best_man
dama_de_honra madrinha_de_casamento | bridesmaid maid_of_honor
vestido_de_noiva | wedding_dress
churrasco | barbecue bbq cookout
piquenique | picnic
ação_de_graças | thanksgiving
natal natalino | christmas xmas
véspera_de_natal | christmas_eve
réveillon | new_year_s_eve new_years_eve
páscoa | easter
dia_das_mães | mother_s_day mothers_day
dia_dos_pais | father_s_day fathers_day
dia_dos_namorados | valentine_s_day valentines_day valentine
halloween dia_das_bruxas | halloween
fantasia fantasias | costume costumes
fantasia | fantasy
doces_ou_travessuras | trick_or_treat trick_or_treating
fogos_de_artifício | fireworks
feriado_prolongado | long_weekend
embrulho papel_de_presente | wrapping_paper gift_wrap
fofoca fofocar fofoqueiro | gossip gossiped gossiping
segredo segredos secreto secreta | secret secrets
confidência confidente | confide confided confidant
conselho conselhos aconselhar aconselhou | advice advise advised counsel
sugestão sugestões | suggestion suggestions suggest
favor favores | favor favour favors
boas_maneiras | manners good_manners
cumprimentar cumprimentou cumprimento | greet greeted greeting
apertar_a_mão aperto_de_mão | shake_hands shook_hands handshake
acenar acenou | wave waved
apresentar_se apresentou_se se_apresentou | introduce introduced introduce_myself introduced_herself introduced_himself
tchau adeus | bye goodbye
olá oi | hello hi hey
parabéns parabenizar parabenizou | congratulations congratulate congratulated congrats
comunidade | community
sociedade social | society social
grupo grupos | group groups
clube clubes | club clubs
membro membros sócio_do_clube | member members membership
missa culto | mass church_service
multidão | crowd
plateia | audience
popularidade popular | popularity popular
solidariedade | solidarity
preconceito preconceituoso | prejudice prejudiced bias biased
racismo racista | racism racist
machismo machista sexismo | sexism sexist
homossexual gay lésbica | gay lesbian homosexual
consulta_médica | doctor_s_appointment doctor_appointment checkup appointment
pronto_socorro | emergency_room
ambulância | ambulance
cirurgia operação operar operado | surgery operation operated
cirurgião cirurgiã | surgeon
anestesia | anesthesia
levar_pontos dar_pontos | stitches
gesso | cast
muleta muletas | crutch crutches
cadeira_de_rodas | wheelchair
curativo band_aid | bandage band_aid
vacina vacinar vacinou | vaccine vaccinate vaccinated vaccination
injeção | injection shot
receita_médica | prescription
dose | dose dosage
efeito_colateral efeitos_colaterais | side_effect side_effects
alergia alérgico alérgica | allergy allergies allergic
asma | asthma
diabetes diabético | diabetes diabetic
câncer tumor | cancer tumor
quimioterapia | chemotherapy chemo
infecção infeccionado | infection infected
vírus | virus
bactéria | bacteria germs
contagioso | contagious
dor_de_cabeça enxaqueca | headache migraine
dor_de_garganta | sore_throat
dor_de_estômago dor_de_barriga | stomachache stomach_ache
dor_nas_costas | back_pain backache
dor_de_dente | toothache
coriza nariz_escorrendo | runny_nose
nariz_entupido | stuffy_nose
tontura tonto tonta | dizzy dizziness lightheaded
fraqueza | weakness
hematoma mancha_roxa | bruise bruises bruised
sangrar sangrando sangramento | bleed bleeding bled
queimadura queimar queimou queimado | burn burned burnt
fratura fraturar fraturou | fracture fractured
torção torcer_o_tornozelo | sprain sprained
tornozelo | ankle
joelho joelhos | knee knees
ombro ombros | shoulder shoulders
pescoço | neck
dedo dedos | finger fingers toe toes
cotovelo | elbow
quadril | hip hips
cintura | waist
peito | chest breast
pulmão pulmões | lung lungs
rim rins | kidney kidneys
osso ossos | bone bones
músculo músculos muscular | muscle muscles
sobrancelha | eyebrow
cílios | eyelashes
bochecha | cheek cheeks
queixo | chin
orelha orelhas | ears
visão | eyesight vision
cego cega cegueira | blind blindness
surdo surda surdez | deaf deafness
deficiente deficiência | disabled disability handicapped
lentes_de_contato | contact_lenses
aparelho_dentário aparelho_nos_dentes | braces
obeso obesa obesidade | obese obesity
acima_do_peso sobrepeso | overweight
magreza | thinness
nutrição nutritivo | nutrition nutritious
vitamina vitaminas | vitamin vitamins
proteína | protein
vegetariano vegetariana | vegetarian
vegano vegana | vegan
estilo_de_vida | lifestyle way_of_life
sedentário | sedentary
alongar alongamento | stretch stretched stretching
ioga yoga | yoga
meditar meditação meditou | meditate meditation meditated
fisioterapia fisioterapeuta | physical_therapy physiotherapy physical_therapist
massagem | massage
insônia | insomnia sleeplessness
sonâmbulo | sleepwalk sleepwalking
roncar ronco roncou | snore snoring snored
ataque_de_pânico | panic_attack
transtorno distúrbio | disorder
autismo autista | autism autistic
tdah | adhd
demência alzheimer | dementia alzheimer
avc | stroke
convulsão | seizure
enjoo_matinal | morning_sickness
aborto_espontâneo | miscarriage
ultrassom | ultrasound
pediatra | pediatrician
ginecologista | gynecologist
maternidade | maternity
recém_nascido recém_nascida | newborn
amamentar amamentou | breastfeed breastfeeding breastfed
mamadeira | baby_bottle
chupeta | pacifier dummy
berço | crib cradle
carrinho_de_bebê | pram
sarar sarou | heal healed get_well
melhoras | get_well_soon
internação | hospitalization hospital_stay
alta_do_hospital receber_alta | discharged discharge
garrafa garrafas | bottle bottles
lata enlatado | cans canned tin
jarra | jug pitcher
tigela | bowl
panela panelas | pan pans pot saucepan
frigideira | frying_pan skillet
assadeira forma_de_bolo | baking_pan baking_tray
colher colheres | spoon spoons
garfo garfos | fork forks
talheres | cutlery silverware utensils
guardanapo guardanapos | napkin napkins
avental | apron
micro_ondas | microwave
liquidificador | blender
torradeira | toaster
cafeteira | coffee_maker coffee_pot
chaleira | kettle
congelador freezer | freezer
congelar congelou congelado congelada | freeze froze frozen
descongelar | thaw defrost
assar assou assado assada | bake baked baking roast roasted
fritar fritou frito frita | fry fried frying
ferver ferveu fervendo | boil boiled boiling
grelhar grelhado grelhada | grill grilled
picar picou picado | chop chopped dice diced
descascar descascou | peel peeled
misturar misturou mistura | mix mixed mixture stir stirred
tempero temperar | spice spices spiced
salgado salgada | salt salty
açúcar açucarado | sugar sugary
azedo azeda | sour
amargo amarga | bitter
apimentado apimentada picante pimenta | spicy pepper
gostoso gostosa delicioso deliciosa saboroso saborosa | delicious tasty yummy
sem_gosto insosso insossa | bland tasteless
cru crua | raw uncooked
cozido cozida | cooked boiled
ingrediente ingredientes | ingredient ingredients
farinha | flour
ovo ovos | egg eggs
manteiga | butter
óleo azeite | oil olive_oil
arroz | rice
feijão | beans
macarrão massa | pasta noodles spaghetti
sopa caldo | soup
sanduíche sanduba | sandwich sandwiches
hambúrguer | hamburger burger
cachorro_quente | hot_dog hotdog
pizza | pizza
batata batatas | potato potatoes
batata_frita batatas_fritas | fries french_fries chips
salgadinho salgadinhos | chips crisps
biscoito biscoitos bolacha bolachas | cookie biscuit biscuits cracker crackers
torrada | toast
cereal | cereal
iogurte | yogurt
presunto | ham
bacon | bacon
linguiça salsicha | sausage
camarão | shrimp prawn
frutos_do_mar | seafood
carne_de_porco | pork
carne_de_boi carne_bovina bife | beef steak
peru | turkey
legume legumes verdura verduras vegetal vegetais | vegetable vegetables veggies
alface | lettuce
tomate tomates | tomato tomatoes
cebola | onion onions
alho | garlic
cenoura | carrot carrots
maçã maçãs | apple apples
uva uvas | grape grapes
morango morangos | strawberry strawberries
limão | lemon lime
abacaxi | pineapple
amendoim | peanut peanuts
nozes castanha castanhas | nuts walnuts chestnuts
mel | honey
geleia | jam jelly
suco sucos | juice
achocolatado | chocolate_milk
coquetel drinque | cocktail drink
sobremesa | dessert
pudim | pudding
chiclete | gum chewing_gum
pipoca | popcorn
prato_principal | main_course entree
entrada aperitivo | appetizer
cardápio menu | menu
delivery comida_para_viagem | takeout delivery food_delivery
fast_food | fast_food junk_food
padaria padeiro | bakery baker
açougue açougueiro | butcher butcher_shop
feira | farmers_market street_market flea_market
mercearia | grocery_store
shopping shopping_center | mall shopping_mall
vitrine | shop_window window_shopping
provador | fitting_room dressing_room
apertado apertada | tight
folgado folgada | loose baggy wide
servir serviu | serve served serving
sacola sacolas | shopping_bag bag
carrinho_de_compras | shopping_cart cart trolley
cesta | basket
etiqueta | tag label price_tag
esgotado esgotada fora_de_estoque | sold_out out_of_stock
estoque | stock inventory
compras_online compra_online | online_shopping
encomendar encomendou | order ordered
frete | shipping shipping_cost
gastar_demais | overspend overspent
impulso_de_compra compra_por_impulso | impulse_buy impulse_purchase
consumista consumismo | consumerism shopaholic
comida_caseira caseiro caseira | homemade home_cooked home_cooking
empanturrado | stuffed
mastigar mastigou | chew chewed
engolir engoliu | swallow swallowed
jantar_fora comer_fora | eat_out ate_out dine_out dined_out
marmita | lunchbox packed_lunch
merenda | school_lunch
alimentação | diet nutrition eating
aeroporto | airport
portão_de_embarque | gate boarding_gate
bagagem | baggage luggage
mala_de_mão bagagem_de_mão | carry_on hand_luggage
despachar_a_mala | check_bag checked_bag
passaporte | passport
alfândega | customs_office border_control
imigração | immigration
estrangeiro estrangeira exterior | abroad foreign foreigner overseas
turista turismo | tourist tourism
ponto_turístico atração_turística | landmark sightseeing tourist_attraction
hotel | hotel inn
hospedar hospedou hospedagem hospedado | lodging accommodation accommodations
recepção_do_hotel | front_desk
cancelamento | cancellation
conexão_de_voo fazer_escala | layover stopover connecting_flight
cruzeiro | cruise
estação_de_trem | train_station
metrô | subway metro
ponto_de_ônibus | bus_stop
rodoviária | bus_station
gps | gps navigation sat_nav
direção | direction directions
atalho | shortcut
caminho | path pathway route
desvio | detour
engarrafamento congestionamento | traffic_jam gridlock
hora_do_rush horário_de_pico | rush_hour
semáforo sinal_vermelho | traffic_light red_light stoplight
cruzamento | intersection crossroads
esquina | corner
rotatória | roundabout
faixa_de_pedestres | crosswalk
estacionar estacionou estacionamento | park parked parking parking_lot
vaga_de_estacionamento | parking_spot parking_space
multa multar multado multada | fined speeding_ticket parking_ticket
excesso_de_velocidade | speeding
velocidade | speed
limite_de_velocidade | speed_limit
carteira_de_motorista habilitação | driver_s_license driving_license license
exame_de_direção prova_de_direção | driving_test driver_s_test road_test
freio frear freou | brake brakes braked
acelerador | gas_pedal accelerator
marcha câmbio | gear gears stick_shift
cinto_de_segurança | seatbelt seat_belt
retrovisor espelho_retrovisor | rearview_mirror
painel | dashboard
porta_malas | trunk
capô | hood
pneu_furado | flat_tire
estepe | spare_tire
gasolina combustível | gas gasoline petrol fuel
posto_de_gasolina | gas_station petrol_station
abastecer abasteceu | fill_up refuel
guincho rebocar | tow_truck towed
colisão colidir colidiu | collision collided collide
motorista_de_aplicativo uber | uber lyft rideshare
previsão previsão_do_tempo | forecast weather_forecast prediction
nublado nublada nuvem nuvens | cloudy cloud clouds overcast
garoa chuvisco | drizzle drizzling
chuvoso | rainy
temporal tempestuoso | thunderstorm stormy
relâmpago raio raios | lightning
trovoada | thunder
enchente inundação inundar alagamento | flood flooded flooding
onda_de_calor | heat_wave
abafado abafada | muggy humid stuffy
umidade | humidity
neblina névoa | fog foggy mist
geada | frost
congelante gelado gelada | freezing icy
nevasca | blizzard snowstorm
terremoto | earthquake
arco_íris | rainbow
pôr_do_sol | sunset
nascer_do_sol | sunrise
guarda_chuva | umbrella
capa_de_chuva | raincoat
casaco jaqueta | coat jacket
cachecol | scarf
luva luvas | glove gloves
bota | boot boots
shorts bermuda | shorts
saia | skirt
suéter blusa_de_frio moletom | hoodie sweatshirt
boné | cap
biquíni maiô roupa_de_banho | swimsuit bikini bathing_suit
protetor_solar | sunscreen sunblock
queimadura_de_sol | sunburn
bronzear bronzeado | tan tanned suntan
centro_da_cidade | downtown city_center
subúrbio periferia | suburbs suburb outskirts
campo zona_rural | countryside rural
vila vilarejo aldeia povoado | village
capital | capital
fronteira | border
ilha | island
litoral | coast shore coastline
deserto | desert
selva | jungle
caverna | cave
cachoeira | waterfall
penhasco | cliff
vulcão | volcano
barraca_de_camping tenda | tent
saco_de_dormir | sleeping_bag
fogueira | campfire bonfire
mochilão mochileiro | backpacking backpacker
piscina | pool swimming_pool
parque_de_diversões | amusement_park theme_park
montanha_russa | roller_coaster
zoológico | zoo
aquário | aquarium
cinema | cinema movie_theater
teatro | theater theatre
prefeitura | city_hall town_hall
correio agência_dos_correios | post_office
delegacia | police_station
tribunal | court courthouse
estádio | stadium arena
pista_de_patinação | skating_rink ice_rink
tela telas | screen screens
teclado | keyboard
tablet | tablet ipad
smartphone iphone | smartphone iphone
aplicativo app aplicativos | app apps
baixar baixou download | download downloaded
sms | text_message sms
ligação_perdida chamada_perdida | missed_call
correio_de_voz | voicemail
videochamada | video_call facetime skype zoom
rede_social redes_sociais | social_media social_network
blog blogueiro blogueira | blog blogger blogging
postagem | post blog_post
comentar comentou | commented
transmissão_ao_vivo ao_vivo | live_stream livestream
editar editou edição | edit edited editing
clicar clicou clique | click clicked
pesquisar_no_google | google googled
navegador | browser web_browser
wifi wi_fi | wifi wi_fi wireless
carregar carregou | charge charged charging
atualização atualizar atualizou | update updated upgrade
travar travou travado | freeze froze crash crashed
bug | bug glitch
erro erros errar errou equívoco | error errors mistake mistakes
vírus_de_computador | computer_virus
hacker hackear | hacker hack hacked
perfil | profile
usuário usuária | user
tecnologia tecnológico | technology tech
eletrônico eletrônicos | electronic electronics gadgets
videogame videogames | video_game video_games videogame gaming
fone_de_ouvido fones | headphones earphones earbuds
alto_falante caixa_de_som | loudspeaker
rádio | radio
novela | soap_opera
episódio episódios | episode episodes
maratona_de_série | binge_watch binge_watched binge
documentário | documentary
desenho_animado | cartoon cartoons animation animated
comédia | comedy
terror filme_de_terror | horror horror_movie
drama | drama
ator atriz atores | actor actress actors
elenco | cast
diretor_de_cinema cineasta | filmmaker
roteiro roteirista | script screenplay screenwriter
cena cenas | scene scenes
trailer | trailer
estreia estrear estreou | premiere premiered debut
legenda legendas | subtitles captions
dublado dublagem | dubbed dubbing
streaming netflix | streaming netflix
assinatura assinar assinou | subscription subscribe subscribed
assinar assinou assinatura | sign signed signature
letra_da_música | lyrics
melodia | melody tune
ritmo | rhythm beat
álbum disco | album record
violão guitarra | guitar
piano teclado_musical | piano keyboard
baterista | drums drummer drum
violino | violin
instrumento instrumentos | instrument instruments
ensaio ensaiar ensaiou | rehearsal rehearse rehearsed practice
se_apresentar atuar atuou atuação desempenho | perform performed performance
coral coro | choir chorus
aplaudir aplaudiu aplauso aplausos | applaud applauded applause clap clapped
festival | festival
karaokê | karaoke
playlist | playlist
basquete | basketball
vôlei | volleyball
tênis | tennis
tênis | sneakers trainers
golfe | golf
hóquei | hockey
ciclismo pedalar pedalou | cycling biking bike_ride pedal
maratona | marathon
skate | skateboard skateboarding skating
patinar patins | skate skating skates rollerblade
surfar surfe surfista | surf surfing surfer
esquiar esqui | ski skiing
escalar escalada | climbing rock_climbing
luta lutar lutou lutador | fight fighting fighter wrestle wrestling
artes_marciais judô | martial_arts karate judo
levantar_peso musculação | lift_weights weightlifting
pontuação | score scoreboard
gol gols marcar_gol | goal goals scored_a_goal
torneio | tournament
árbitro juiz_de_futebol | referee umpire
torcer torceu torcida | cheer cheered root_for rooted_for
arquibancada | stands bleachers
medalha medalhas | medal medals
troféu | trophy
prêmio prêmios premiar premiado | prize award awards awarded
hobby passatempo | hobby hobbies pastime
colecionar colecionou colecionador | collect collected collector
tricô tricotar crochê | knit knitting crochet
artesanato | crafts craft handmade
quebra_cabeça | puzzle jigsaw
jogo_de_tabuleiro | board_game board_games
xadrez | chess
baralho cartas_de_baralho | cards deck playing_cards
fotografar fotografou | photograph photographed take_pictures took_pictures
poesia poema poemas poeta | poetry poem poems poet
diário | diary journal
admitir admitiu confessar confessou confissão | admit admitted confess confessed confession
insistir insistiu | insist insisted
implorar implorou suplicar | beg begged plead pleaded
exigir exigiu | demand demanded require required
recomendar recomendou recomendação indicar indicou | recommend recommended recommendation
avisar avisou alertar alertou aviso | warn warned warning alert alerted
informar informou notificar notificou | inform informed notify notified let_know
anunciar anunciou anúncio | announce announced announcement
jurar jurou | swear swore sworn swearing vow vowed
xingar xingou palavrão palavrões | curse cursed swear_word cuss
incomodar incomodou perturbar perturbou | bother bothered disturb disturbed
atrapalhar atrapalhou | get_in_the_way hinder hindered interfere
acertar acertou | get_it_right got_it_right guessed_right
investigar investigou investigação | investigate investigated investigation
examinar examinou analisar analisou análise | examine examined analyze analyzed analysis
comparar comparou comparação | compare compared comparison
medir mediu | measure measured
contar contou contagem | count counted
somar somou adicionar adicionou | add added
dividir dividiu divisão | divide divided split
reunir reuniu | gather gathered reunite reunited get_together got_together
apontar apontou | point pointed
apertar apertou | squeeze squeezed press pressed tighten
arrastar arrastou | drag dragged
chutar chutou chute | kick kicked
socar socou soco murro | punch punched
morder mordeu mordida | bite bitten
lamber lambeu | lick licked
latir latiu latido | bark barked barking
miar miou | meow meowed
rosnar rosnou | growl growled snarl
abanar_o_rabo | wagged wag_tail
deslizar deslizou | slide slid
tropeçar tropeçou | trip tripped stumble stumbled
afogar afogou afogamento | drown drowned drowning
assobiar assobiou | whistle whistled
suspirar suspirou suspiro | sigh sighed
bocejar bocejou bocejo | yawn yawned
piscar piscou | blink blinked wink winked
espiar espiou | peek peeked peep spy
reconhecer reconheceu | recognize recognized recognise
traduzir traduziu tradução tradutor | translate translated translation translator
soletrar | spell spelled
envelhecer envelheceu | aged aging grow_old grew_old get_older got_older
rasgar rasgou rasgado | tore torn rip ripped
destruir destruiu destruição | destroy destroyed destruction
derreter derreteu | melt melted
esvaziar esvaziou | empty emptied
molhar molhou encharcado encharcada | soak soaked drench drenched
manchar manchou mancha manchas | stain stained stains
cuspir cuspiu | spit
apressar apressou pressa | hurry hurried rush rushed in_a_hurry
confirmar confirmou confirmação | confirm confirmed confirmation
negociar negociou negociação | negotiate negotiated negotiation
persuadir persuadiu | persuade persuaded
influenciar influenciou influência | influence influenced
adaptar adaptou adaptação | adapt adapted adaptation
lamentar lamentou | regret regretted lament mourn mourned
prender prendeu | arrest arrested
capturar capturou | capture captured
abrigo abrigar abrigou | shelter sheltered
desperdiçar desperdiçou desperdício | waste wasted wasting
acariciar acariciou | caress caressed stroke stroked
mergulhar mergulhou mergulho | dive dived diving
remar remou | row rowed paddle paddled
produzir produziu produção | produce produced production
consumir consumiu consumo | consume consumed consumption
divertir_se divertiu_se se_divertir se_divertiu | have_fun had_fun fun enjoy enjoyed
entreter entretenimento | entertain entertained entertainment
competir competiu | compete competed
gerenciar gerenciou administrar administrou gestão | manage managed management
cooperar colaborar colaborou colaboração | cooperate collaborate collaborated collaboration cooperation
contribuir contribuiu contribuição | contribute contributed contribution
votar votou voto | vote voted
eleição eleições | election elections
protestar protestou protesto | protest protested
ordenar ordenou ordem | command commanded order
obedecer obedeceu | obey obeyed
desobedecer desobedeceu | disobey disobeyed
forçar forçou | force forced
prevenir preveniu prevenção | prevent prevented prevention
checar checou | check checked
faltar faltou falta | lack lacking lacked missing
sobrar sobrou sobra sobras | leftover leftovers left_over
pertencer pertenceu | belong belonged belongs
possuir possuiu | owned possess possessed
depender dependeu dependente | depend depended dependent
destrancar destrancou | unlock unlocked
bater_na_porta | knock knocked
tocar_a_campainha | ring_the_doorbell rang_the_doorbell
ajoelhar ajoelhou | kneel knelt
agachar agachou | crouch squat
inclinar inclinou | lean leaned bend bent
esticar esticou | stretch stretched
balançar balançou | swing swung sway
girar girou | spin spun twirl
rolar rolou | roll rolled
quicar | bounce bounced
amarrar amarrou | tie tied
desamarrar | untie
enterrar enterrou | bury buried
cavar cavou | dig dug
sortear sorteio | raffle draw_lots
agradar agradou | please pleased
acalmar acalmou | calm calmed soothe soothed
estremecer estremeceu calafrio calafrios | shiver shivered shudder shuddered chills
objetivo objetivos meta | goal goals aim objective target
propósito | purpose
expectativa expectativas | expectation expectations
pressão pressionar pressionou | pressure pressured peer_pressure
liberdade | freedom liberty
estabilidade | stability stable
conveniente conveniência | convenient convenience practical
destino | destination
destino sina | fate destiny
crença crenças | belief beliefs
princípio princípios | principle principles
moral ética ético | moral morals ethics ethical
tradição tradições tradicional | tradition traditions traditional
cultura cultural | culture cultural
desafio desafios desafiar desafiou desafiador | challenge challenges challenged challenging
progresso avanço | progress advance
lição aprendizado | lesson lesson_learned learning_experience
conhecimento | knowledge
caos caótico caótica | chaotic
certamente definitivamente | certainly definitely surely
possivelmente | possibly
geralmente normalmente em_geral | usually generally normally typically
diariamente todo_dia todos_os_dias | daily every_day everyday
semanalmente toda_semana | weekly every_week
mensalmente todo_mês | monthly every_month
anualmente todo_ano | annually yearly every_year
recentemente ultimamente | recently
antigamente | formerly in_the_past
infelizmente | unfortunately sadly
aparentemente | apparently seemingly
supostamente | supposedly allegedly
aproximadamente mais_ou_menos | approximately more_or_less
totalmente inteiramente | completely totally entirely fully
parcialmente | partially partly
principalmente | mainly mostly primarily
especialmente particularmente | especially particularly
extremamente | extremely
separadamente | separately
estreito estreita | narrow
raso rasa | shallow
espesso espessa | thick
duro dura rígido rígida | tough stiff rigid
mole | soft limp mushy
liso lisa | smooth sleek
áspero áspera | rough
redondo redonda | round
reto reta | straight
colorido colorida | colorful colourful
morno morna | lukewarm tepid
pegajoso pegajosa grudento grudenta | sticky
disponível disponibilidade | available availability
indisponível | unavailable
pronto pronta preparado preparada | ready prepared
adiantado adiantada | ahead_of_time in_advance
seguinte | following upcoming
obrigatório obrigatória | mandatory required compulsory
íntimo íntima intimidade | intimate intimacy
gigante gigantesco | giant gigantic
minúsculo minúscula | tiny minuscule
vários várias diversos diversas | several various
inúmeros | countless numerous
demorado demorada | lengthy time_consuming
breve | brief
eterno eterna para_sempre | forever eternal
permanente | permanent
constante constantemente | constant constantly
repentino repentina | sudden
gradual | gradual
imediato imediata | immediate instant
urgente urgência | urgent urgency
pontual pontualidade | punctual punctuality
agitado agitada | hectic restless busy
jovem novo nova novinho novinha | young younger
assustado assustada amedrontado amedrontada apavorado apavorada | scared frightened terrified
trapacear trapaceou enganar enganou golpe golpista fraude passar_a_perna | cheat cheated scam con fraud trick
falecer faleceu falecido falecida morrer morreu | pass_away passed_away died
enfermidade doença | illness disease
comemoração comemorar celebração celebrar festa | celebration celebrate party
passeio excursão viagem | trip outing tour
férias folga recesso | vacation holiday time_off day_off
adquirir comprar | acquire buy purchase
valor preço custo | price value cost
fatura conta boleto | bill invoice
rindo rir riu | laughing laugh laughed
contente contentes feliz felizes alegre alegres satisfeito satisfeita | happy glad content pleased
pessoal gente pessoas galera | people folks everyone crowd
grana dinheiro | money cash
sumir sumiu desaparecer desapareceu | disappear disappeared vanish vanished
narrar narrou relatar relatou contar contou | narrate recount tell told report
necessitar precisar | need require
obter conseguir | obtain get acquire
constrangido constrangida envergonhado envergonhada sem_graça | embarrassed awkward
espantado espantada surpreso surpresa chocado chocada | surprised astonished amazed shocked
exausto exausta cansado cansada esgotado esgotada | exhausted tired worn_out
animado animada empolgado empolgada entusiasmado entusiasmada | excited enthusiastic thrilled
ansioso ansiosa empolgado empolgada | eager looking_forward
trampo trampos trampar trampou trabalho trabalhar emprego | work job gig
mano parça parceiro camarada amigão | buddy pal dude bro mate
mina minas garota moça menina | girl chick gal
treta tretas bafafá briga confusão discussão | fight argument drama quarrel fuss
bufunfa dindim grana dinheiro tutu | money cash dough bucks
rango comida gororoba | food grub chow
breja brejas cerva cervas cerveja cervejinha | beer beers brew brewski
cachaça caipirinha | liquor booze cachaca
busão ônibus | bus
zoeira zuera zoação gozação sacanagem brincadeira | banter teasing joking kidding prank horseplay
encucado encucada grilado grilada cismado cismada preocupado preocupada | worried bothered uneasy troubled preoccupied
nerd nerds cdf estudioso estudiosa caxias | nerd geek bookworm studious
babaca otário otária mané idiota imbecil | jerk idiot fool sucker moron
vagabundo vagabunda vadio vagabundagem | bum slacker loafer idler
mentiroso mentirosa mentir mentiu mentira | liar lying dishonest lie lied
agoniado agoniada aflito aflita aflição angústia angustiado | distressed distress anguish anguished agonized agony
apreensivo apreensiva apreensão receoso receosa inquieto inquieta | apprehensive apprehension uneasy worried wary
enciumado enciumada possessivo possessiva ciumento ciumenta ciúme ciúmes | jealous possessive jealousy
sonolência sonolento sonolenta | drowsiness sleepiness drowsy sleepy
revoltado revoltada indignado indignada indignação ultrajado ultrajada revolta | outraged indignant outrage indignation
enfezado enfezada injuriado injuriada irritado irritada | irritated peeved miffed
humilhado humilhada humilhação humilhar humilhou humilhante | humiliated humiliation humiliate humiliating
euforia êxtase extasiado extasiada eufórico eufórica | euphoria ecstasy ecstatic elated euphoric
gratificante compensador compensadora recompensador recompensadora | rewarding gratifying fulfilling worthwhile
desiludido desiludida desilusão decepcionado decepcionada | disillusioned disenchanted disappointed letdown
amargurado amargurada amargura rancoroso rancorosa ressentido ressentida | bitter bitterness resentful embittered
saudoso saudosa saudosismo nostálgico nostálgica | wistful nostalgic sentimental
melancólico melancólica melancolia tristonho tristonha triste | melancholy melancholic gloomy sad
choroso chorosa choramingar choramingou chorão chorona manhoso manhosa | tearful weepy whine whined whiny crybaby
desamparado desamparada indefeso indefesa vulnerável vulnerabilidade | helpless defenseless vulnerable vulnerability
manso mansa dócil | tame gentle docile
agitado agitada hiperativo hiperativa | hyper jittery hyperactive restless
zonzo zonza grogue atordoado atordoada | groggy dazed woozy
pneumonia bronquite | pneumonia bronchitis
cachorrinho cachorrinha cachorrinhos cãozinho cachorrão cachorro cão | dog doggy doggie pup pooch
gatinho gatinhos gatinha gato bichano | kitten kitty kittens cat
papai paizinho pai | daddy dad papa father
mamãe mãezinha mãe | mommy mom mama mother
vovó vovô vó vô avó avô | grandma grandpa granny grandmother grandfather nana
titio titia tio tia | uncle aunt auntie
presentinho lembrancinha lembrancinhas lembrança presente | gift present souvenir keepsake
gordinho gordinha gorducho gorducha rechonchudo rechonchuda gordo gorda | chubby plump fat
magrinho magrinha magricela esquelético esquelética magro magra | skinny slim thin scrawny
bonitinho bonitinha bonitinhos fofo fofa | cute adorable sweet
extrovertido extrovertida comunicativo comunicativa expansivo | outgoing extroverted extrovert sociable talkative
trazer trago trarei traria trazia trouxe trouxemos levar levou levei | bring brings brought bringing
pôr pus puseram pusemos punha pondo ponho pusesse colocar coloquei | put puts putting place placed
ver via viam vejo veja verei veria vimos | see saw seen sees seeing
vir vem venho viemos viesse virá virão | come came comes coming
dar dá dão dando daria darei dei | give gave given gives giving
caber coube cabe cabem cabia | fit fits fitted
ouvir ouço ouvi ouve ouvia | hear heard hears hearing
pedir peço pedi pede pedia | ask asked request requested
perder perco perdi perde perdia | lose lost loses losing
perder perdi perdemos perderam | miss missed missing
dormir durmo dormi dorme dormia | sleep slept sleeps sleeping
sentir sinto senti sente sentia | feel felt feels feeling
seguir sigo segui segue seguia | follow followed follows following
cair caía caído caindo caí caímos | fall fell fallen falling falls
rir ria riram rindo | laugh laughed laughs laughing
ler lia lido lemos leram | read reads reading
abrir abri abre abria | open opened opens opening
escrever escrevi escreve escrevia escrito | write wrote written writes writing
pagar paguei pago paga pagamos | pay paid pays paying
morrer morri morre morria | die died dies dying
imprimir imprimiu imprimi impresso impressa | print printed prints printing
ficar fiquei fica ficamos | stay stayed stays staying
pegar peguei pega pegamos | grab grabbed catch caught
conhecer conheci conheço conhece | meet met know knew
construir constrói constroem construí construído | build built builds building
destruir destrói destroem destruí destruído | destroy destroyed destroys
sumir sumi sumiram sumido sumida | disappear disappeared vanish vanished gone
dizer digo dito dirá diria dizendo | say said tell told says
doer dói doía doendo doeu doeram | hurt hurts ache ached aching sore
comer comi comemos comeram comendo | eat ate eaten eats eating
beber bebi bebemos bebendo | drink drank drunk drinks drinking
correr corri corre corremos | run ran runs running
viver vivi vive vivemos | live lived lives living
crescer cresci cresce crescemos | grow grew grown grows growing
servir sirvo servi serve servia | serve served serves serving
medir meço medi mede | measure measured measures
receber recebi recebe recebemos | receive received
escolher escolhi escolhe escolhemos | choose chose chosen picked
tossir tusso tossi tosse | cough coughed coughs coughing
eleger elegeu eleito eleita elegeram | elect elected
aprender aprendi aprende aprendemos | learn learned learnt learns
entender entendi entende entendemos | understand understood understands
vender vendi vende vendemos | sell sold sells selling
esquecer esqueci esquece esquecemos | forget forgot forgotten forgets
decidir decidi decide decidimos | decide decided decides
dividir dividi divide dividimos | split divide divided share shared
assistir assisti assiste assistimos | watch watched watches watching
discutir discuti discute discutimos | argue argued discuss discussed
partir parti partimos | leave left depart departed
sorrir sorri sorrimos sorriram | smile smiled smiles smiling
responder respondi responde respondemos | answer answered reply replied respond responded
prometer prometi promete prometemos | promise promised promises
esconder escondi esconde escondemos | hide hid hidden hides
perceber percebi percebe percebemos | notice noticed realize realized
agradecer agradeci agradece agradecemos | thank thanked thanks
desaparecer desapareci desaparece | disappear disappeared vanish vanished
merecer mereci merece merecemos | deserve deserved deserves
oferecer ofereci oferece oferecemos | offer offered offers
reconhecer reconheci reconhece | recognize recognized recognise recognised
surpreender surpreendi surpreende | surprise surprised surprises
morder mordi morde mordeu | bite bitten bites
ofender ofendi ofende | offend offended
interromper interrompi interrompe | interrupt interrupted
ligar liguei liga ligamos telefonar telefonou telefonei | call called phone phoned
jogar joguei joga jogamos | play played plays playing
carregar carreguei carrega | carry carried load loaded
negar neguei nega | deny denied
tocar toquei toca | touch touched play played ring rang
explicar expliquei explica | explain explained explains
praticar pratiquei pratica | practice practiced practise
dedicar dediquei dedica | dedicate dedicated devote devoted
começar comecei começa começamos | start started begin began begun
abraçar abracei abraça | hug hugged embrace embraced
dançar dancei dança | dance danced dances dancing
alcançar alcancei alcança | reach reached achieve achieved
tropeçar tropecei tropeça | stumble stumbled
brinquedo brinquedos | toy toys
balanço escorregador parquinho playground | swing slide playground
pensão aposentadoria | pension retirement
castrar castrou castração | neuter neutered spay spayed
focinho | snout muzzle nose
pulga pulgas carrapato carrapatos | flea fleas tick ticks
batizado | baptism christening
assalto assaltar assaltou assaltado assaltada assaltante | mugging mugged robbery robbed holdup mugger robber
chateado chateada tristinho tristinha triste | upset sad down
chateado chateada bravo brava irritado irritada | upset angry annoyed mad
nervoso nervosa preocupado preocupada ansioso ansiosa | nervous worried anxious
feliz felizes animado animada empolgado empolgada contente | happy excited glad
mimar mimou mimo mimos paparicar paparicou | pamper pampered indulge indulged coddle
cafona brega breguice | tacky cheesy corny kitsch
chique chiquérrimo chiquérrima sofisticado sofisticada elegante | fancy chic classy posh elegant
larica | munchies
churras churrasquinho churrasco | barbecue bbq cookout
padoca padaria | bakery
facul faculdade universidade | college university uni
"""
