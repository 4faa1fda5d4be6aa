/**
 * Small English word lists that type and bound names the KB lacks. Kept as data in one place so that a reader can
 * see every cue the recogniser uses. All entries are folded lower case (as `Token.lower`, dots dropped).
 */
const words = (s: string): ReadonlySet<string> => new Set(s.trim().split(/\s+/));

/** Words of titles and offices that precede a person's name; never names themselves. */
export const TITLE_WORDS = words(`
  president presidents vice prime minister ministers premier chancellor secretary general deputy chairman chairwoman
  chair chairperson ambassador envoy spokesman spokeswoman spokesperson commander chief brigadier colonel major
  lieutenant captain admiral sergeant corporal marshal mr mrs ms miss dr prof professor sir dame lord lady king queen
  prince princess pope senator sen rep congressman congresswoman governor mayor judge justice director head leader
  high representative special acting former then defence defense foreign interior finance justice economy trade
  state assistant undersecretary under commissioner rapporteur delegate consul officer adviser advisor
  administrator inspector attorney ombudsman patriarch bishop archbishop cardinal father rev reverend sheikh emir
  speaker ceo chief executive founder coach gen col lt capt maj gov pres supreme allied mp mep mayor-elect
  president-elect co-chair member
`);

/** Titles that say a person's gender. */
export const MALE_TITLES = words('mr sir lord king prince father brother');
export const FEMALE_TITLES = words('mrs ms miss dame lady queen princess sister');

/** Heads that make a capitalised phrase an organisation: "Ministry of Defence", "Humanitarian Center". */
export const ORG_HEADS = words(`
  office ministry mission center centre agency council party forces force police institute institution university
  committee bank fund organisation organization commission department court association alliance federation union
  bureau school college foundation society assembly parliament movement league front army navy board authority
  service services corporation company group network academy church club administration government cabinet
  embassy coalition command brigade battalion division corps guard directorate secretariat senate congress
  tribunal presidency observatory airlines airways times post agency news television radio press watch
  international inc ltd llc corp co gmbh ag association council commission cooperative directorate
  herald journal tribune gazette magazine paper chronicle telegraph observer daily weekly star courier dispatch
  broadcasting records studios entertainment labs systems technologies airline motors plc sa
  bloc fleet regiment squadron
`);

export const EVENT_HEADS = words(`
  summit conference war wars games olympics paralympics cup championship championships forum festival election elections
  crisis exercise talks meeting revolution offensive operation massacre uprising ceremony expo congress
`);

export const LAW_HEADS = words(`
  agreement treaty accord accords act resolution convention charter plan programme program protocol declaration
  concept strategy partnership framework law constitution directive pact doctrine initiative mandate
`);

export const LOC_HEADS = words(`
  sea ocean river lake mountains mountain mount valley peninsula balkans gulf bay island islands desert coast region
  basin strait canal channel hills plain forest highlands continent
`);

export const FAC_HEADS = words(`
  airport bridge base square street avenue road palace building hall stadium camp tower station port harbour harbor
  highway cathedral mosque prison plant hotel crossing checkpoint dam park museum hospital barracks arena
`);

/**
 * Words before "Center" or "Centre" that make it a building (FAC) rather than a body (ORG, "Humanitarian Center"):
 * what is held or kept in it ("Valmora Convention Centre", "Tarsk Space Center", "Kelm Shopping Centre").
 */
export const BUILDING_CENTRES = words(`
  convention exhibition conference shopping trade space science sports visitor visitors detention transit data
  aquatic aquatics events expo
`);

export const GPE_HEADS = words('city county province district municipality oblast republic kingdom village town');

/**
 * First words that make a capitalised run a place: "New Zealand", "North Korea", "San Diego", "Saint Petersburg",
 * "Las Vegas". A given name before them wins ("West" is also a surname, but "Kanye West" opens with a given name).
 */
export const PLACE_FIRST_WORDS = words(`
  north south east west northern southern eastern western central new saint st san santa sao los las fort port
  mount mt lake cape upper lower greater
`);

/** Last words that make a capitalised run a place: "Saratoga Springs", "Kowloon East", "Palm Beach". */
export const PLACE_LAST_WORDS = words(`
  north south east west springs beach heights falls hills island islands city county province region valley bay
  sea river mountains creek harbour harbor point isles archipelago territory territories
`);

/** Lower-case words just before a name, or first words of it, that make it a product or craft. */
export const PRODUCT_CUES = words(`
  shuttle spacecraft rover probe satellite telescope browser software app console smartphone phone aircraft jet
  helicopter drone rocket missile vessel ship submarine frigate destroyer game album film
  novel
`);

/** First words of a storm's name: "Cyclone Phailin", "Hurricane Katrina". */
export const STORM_WORDS = words('cyclone hurricane typhoon storm tornado tropical');

/** Words that join the parts of a long name: "Ministry of Defence", "Office for Democratic Institutions". */
export const CONNECTORS = words('of for and the de da del der von van al bin');

export const WEEKDAYS_MONTHS = words(`
  monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
  january february march april may june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec
`);

/**
 * Words that are capitalised only because they open a sentence, a quote or a heading, or are capitalised words
 * that never name an actor on their own. The tagger catches most; this catches what it tags PROPN.
 */
export const NEVER_NAMES = words(`
  the a an this that these those it its he she we they you i his her our their there here what when where who whom
  whose why how which yes no not but and or nor if as at by for from in into of on to with without after before
  during since until while although though because however meanwhile moreover furthermore also still yet so then
  now today yesterday tomorrow tonight last next first second third finally namely unfortunately fortunately
  overall instead despite according both either neither each every all some many most several such other another
  one two three four five six seven eight nine ten mr mrs ms dr sir madam god internet web online photo video
  image images reuters ap afp source sources update updated read more share comment comments reply log login
  logout leave log advertisement subscribe editor note editors breaking news live opinion analysis interview
  q a
`);

/** Verbs of saying and thinking: "he said", "Moscow insists". */
export const SPEECH_VERBS = words(`
  say says said saying tell tells told add adds added state states stated note notes noted stress stresses stressed
  explain explains explained believe believes believed think thinks thought insist insists insisted warn warns
  warned declare declares declared emphasize emphasizes emphasized emphasise emphasises emphasised claim claims
  claimed argue argues argued announce announces announced reiterate reiterates reiterated point points pointed
  underline underlines underlined confirm confirms confirmed deny denies denied reply replies replied respond
  responds responded assert asserts asserted urge urges urged ask asks asked continue continued continues
  recall recalls recalled acknowledge acknowledges acknowledged admit admits admitted concluded concludes
  conclude hope hopes hoped want wants wanted expect expects expected feel feels felt know knows knew wrote
  writes write agree agrees agreed protest protests protested respect respects respected reject rejects
  rejected condemn condemns condemned demand demands demanded accuse accuses accused
`);

/** Prepositions after which a city is a place ("in Moscow"), not an actor ("Moscow said"). */
export const PLACE_PREPOSITIONS = words(`
  in to from at near into across through via outside inside around toward towards between within throughout
  onto off past beyond along above below under over
`);

/** Nouns after a city's possessive that keep it a place: "Belgrade's streets", not "Belgrade's commitment". */
export const PLACE_NOUNS = words(`
  streets street centre center outskirts suburbs suburb airport residents citizens mayor city downtown port
  neighborhood neighbourhood district districts population people skyline
`);
