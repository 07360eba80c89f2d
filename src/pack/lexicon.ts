/**
 * Words that decide what a run of capitalised words is, in English and French. Kept short on
 * purpose: the cue words of news writing ("the chief executive", « le groupe »), not a
 * dictionary. Lower-case forms; matching folds case.
 */

const words = (text: string) => new Set(text.trim().split(/\s+/));

/** Cue words are written singular here: "rivals" is a "rival". */
export const inLexicon = (lexicon: ReadonlySet<string>, word: string) => lexicon.has(word) || (word.endsWith('s') && lexicon.has(word.slice(0, -1)));

/** Between the names of a list ("Visa and Mastercard", « Nokia et Ericsson »). */
export const LIST_WORDS = words('and or et ou &');
/** "Microsoft, which…", « Amazon, qui… »: after a comma, a clause about the name before it. */
export const RELATIVES = words('which who whose qui dont');
/** Before a place ("in Frankfurt", « à Douai »). */
export const LOCATIVES = words('in near à en près dans outside inside');
/** "an analyst at Canalys", « économiste chez Natixis »: after a person's role, an employer. */
export const EMPLOYER_LINKS = words('at chez of de du with');

/** Before a name: the person's title (the name is a person's). */
export const PERSON_TITLES = words('mr mr. mrs mrs. ms ms. dr dr. sir dame lord lady prof prof. professor senator president m. mme mme. mlle me pr');

/** Near a name (just before or just after it): words that say a person is meant. */
export const PERSON_CUES = words(`
  chief executive founder co-founder chairman chairwoman president minister secretary analyst spokesman spokeswoman spokesperson
  director economist commissioner governor chancellor premier lawmaker senator researcher professor engineer investor
  ceo cfo cto coo boss head
  pdg fondateur cofondateur président présidente ministre secrétaire analyste porte-parole directeur directrice économiste commissaire
  gouverneur chercheur chercheuse professeur ingénieur investisseur patron patronne dirigeant dirigeante`);

/** Before a name: words that say an organisation is meant. */
export const ORGANISATION_CUES = words(`
  company firm group giant maker rival lender bank regulator carrier operator startup start-up supplier manufacturer retailer insurer processor
  fund agency ministry union university newspaper broker conglomerate chipmaker automaker carmaker unit subsidiary
  groupe société entreprise firme géant constructeur opérateur banque fabricant fournisseur distributeur assureur
  fonds agence ministère syndicat université journal quotidien filiale concurrent rival équipementier start-up coentreprise
  venture partner customer client investor backer`);

/** In a name: words that make it an organisation's. */
export const ORGANISATION_WORDS = words(`
  holdings holding group inc inc. corp corp. corporation company co co. ltd ltd. plc llc sa sas se ag gmbh nv bv spa
  bank technologies technology electronics motors systems capital partners labs laboratories industries international
  networks semiconductor semiconductors communications telecom airlines energy pharmaceuticals foods solutions ventures
  university institute commission ministry agency council authority association federation foundation parliament court reserve
  times journal post news herald tribune review
  groupe banque société université institut ministère agence conseil autorité fédération fondation parlement cour caisse crédit`);

/** Organisations of the state (type `government`). */
export const GOVERNMENT_WORDS = words('commission ministry agency council authority parliament court reserve government administration department ministère agence conseil autorité parlement cour gouvernement administration');

/** Publications (type `publication`). */
export const PUBLICATION_WORDS = words('times journal post news herald tribune review gazette monde figaro échos libération');

/** A capitalised word that starts a run but belongs to no name. */
export const DETERMINERS = words('the a an le la les l un une des du de d');

/** Words that open a sentence or a clause, capitalised there but never the start of a name. */
export const LEADING_WORDS = words(`
  à in on at for but and as after before while when since with under over by from to if although though because during despite
  yet still meanwhile however last this that these those its their his her our it they we he she there here what why how who
  dans en pour selon après avant depuis pendant chez sur avec par mais et si lorsque quand alors comme pourtant cependant
  ce cet cette ces son sa ses leur leurs notre il elle ils elles on nous vous`);

/** Before a product's name, the maker's possessive ("its Qwen models", « sa citadine R5 »). */
export const POSSESSIVES = words('its their his her our son sa ses leur leurs notre');

/** Near a name: words that make it a product's, not an organisation's. */
export const PRODUCT_WORDS = words(`
  app model chip accelerator platform token stablecoin messaging assistant processor phone smartphone car vehicle software
  modèle puce application plateforme portefeuille citadine voiture logiciel qualification certification label gamme offre`);

/** The last word of a law's or a text's name, not an organisation's ("CHIPS and Science Act"). */
export const LAW_WORDS = words('act law bill treaty directive regulation loi directive règlement traité accord');

/** Given names common in the business press (a run that starts with one is a person's name). */
export const GIVEN_NAMES = words(`
  john james robert michael william david richard joseph thomas charles christopher daniel matthew anthony mark paul steven andrew
  kenneth joshua kevin brian george timothy ronald jason edward jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin
  scott brandon benjamin samuel frank gregory raymond alexander patrick jack dennis jerry tyler aaron jose adam henry nathan peter
  elon tim satya sundar jensen sam mark jeff bill warren lisa mary patricia jennifer linda elizabeth barbara susan jessica sarah
  karen nancy margaret sandra ashley emily donna michelle carol amanda melissa deborah stephanie rebecca laura sharon cynthia
  kathleen amy angela anna ruth brenda pamela nicole katherine christine samantha janet rachel catherine maria heather diane julie
  joyce victoria kelly christina lauren joan evelyn olivia judith megan cheryl martha andrea frances hannah jacqueline ann gloria
  jean pierre jacques michel philippe alain bernard françois nicolas christophe frédéric laurent stéphane olivier sébastien julien
  thierry éric emmanuel bruno xavier vincent antoine guillaume arnaud benoît patrick didier gérard henri louis claude yves luc marc
  marie nathalie isabelle sylvie catherine françoise valérie sandrine christine sophie céline véronique anne claire hélène camille
  élisabeth agnès martine brigitte delphine aurélie caroline émilie juliette margrethe ursula thierry christine mario olaf angela
  wang li zhang liu chen yang huang zhao wu zhou xu sun zhu hu guo lin he gao pony robin lei richard daniel eddie joe kai masayoshi
  hiroshi akio lee jae-yong jay`);

/** Inside a name, between two capitalised words ("Bank of America", « Banque de France »). */
export const CONNECTORS = words('of de du des la von van der den da di y &');

/** Capitalised words that never name an organisation or person here (with NATIONALITIES). */
export const NOT_NAMES = words(`
  january february march april may june july august september october november december
  monday tuesday wednesday thursday friday saturday sunday
  janvier février mars avril mai juin juillet août septembre octobre novembre décembre
  lundi mardi mercredi jeudi vendredi samedi dimanche
  ceo cfo cto coo ai ia us usa uk eu ue un onu gdp pib pdg it tv pc gpu cpu api app apps sms 5g 4g ipo opa
  internet web cloud covid
  i we you he she they it this that these those there here but and or so yet also however meanwhile still
  je nous vous il elle ils elles ce cette ces mais et ou donc pourtant ainsi selon
  mr mrs ms dr m mme`);

/** Nationalities: not a name alone ("Chinese regulators"), the start of one before a capital ("European Commission"). */
export const NATIONALITIES = words(`
  chinese american european french british german japanese korean indian taiwanese russian asian african canadian italian
  spanish dutch swiss australian brazilian mexican swedish finnish norwegian danish polish belgian irish israeli emirati saudi
  chinois chinoise américain américaine européen européenne français française allemand allemande japonais coréen indien`);

/** Countries, regions and cities that news about business names: places, never proposed. */
export const PLACES = words(`
  china chine beijing pékin shanghai shenzhen hangzhou guangzhou hong kong taiwan taïwan taipei japan japon tokyo korea corée seoul séoul
  india inde singapore singapour asia asie europe africa afrique america amérique americas
  united states états-unis états unis etats-unis washington new york california californie silicon valley seattle texas wall street
  san francisco los angeles boston chicago virginia virginie london londres britain bretagne england angleterre
  france paris lyon marseille toulouse bordeaux nantes lille germany allemagne berlin munich munich frankfurt francfort
  brussels bruxelles netherlands pays-bas amsterdam ireland irlande dublin italy italie rome milan spain espagne madrid
  switzerland suisse geneva genève zurich sweden suède stockholm norway norvège finland finlande russia russie moscow moscou
  ukraine poland pologne canada mexico mexique brazil brésil australia australie dubai dubaï vietnam indonésie indonesia
  malaysia malaisie thailand thaïlande middle east moyen-orient gulf golfe europe île-de-france bavaria bavière
  north south east west northern southern latin nord sud ouest
  united kingdom royaume-uni redmond palo alto mountain view cupertino santa clara menlo park austin arizona nevada oregon ohio
  michigan georgia florida carolina massachusetts jersey alsace bas-rhin haut-rhin bretagne normandie occitanie provence
  hauts-de-france grand-est auvergne-rhône-alpes essonne yvelines savoie pas-de-calais nord moselle gironde`);
