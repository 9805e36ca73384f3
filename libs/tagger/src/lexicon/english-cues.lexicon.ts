// Word lists for the English rules. Kept as plain data so the rules stay readable and a later
// statistical tagger can reuse them as features.

/** A set of the whitespace-separated words in `list`. */
export const words = (list: string): ReadonlySet<string> =>
  new Set(list.split(/\s+/).filter((word) => word.length > 0));

/**
 * Titles and roles that precede a name. They are stripped from the mention and make the name that
 * follows a PERSON. Multi-word titles are listed whole so the longest one wins
 * ("Secretary of State Marco Rubio" → "Marco Rubio").
 */
export const TITLES: readonly string[] = [
  'President',
  'Vice President',
  'Vice-President',
  'President-elect',
  'Vice President-elect',
  'Prime Minister',
  'Deputy Prime Minister',
  'Prime Minister-elect',
  'Chancellor',
  'Vice Chancellor',
  'Secretary of State',
  'Secretary-General',
  'Secretary General',
  'Secretary',
  'Foreign Secretary',
  'Home Secretary',
  'Defense Secretary',
  'Defence Secretary',
  'Treasury Secretary',
  'Press Secretary',
  'Minister',
  'Foreign Minister',
  'Finance Minister',
  'Defence Minister',
  'Defense Minister',
  'Interior Minister',
  'Health Minister',
  'Economy Minister',
  'Trade Minister',
  'Energy Minister',
  'Justice Minister',
  'Education Minister',
  'Senator',
  'Sen.',
  'Sen',
  'Representative',
  'Rep.',
  'Congressman',
  'Congresswoman',
  'Governor',
  'Gov.',
  'Lieutenant Governor',
  'Mayor',
  'Mayor-elect',
  'Judge',
  'Justice',
  'Chief Justice',
  'Attorney General',
  'King',
  'Queen',
  'Prince',
  'Princess',
  'Crown Prince',
  'Emperor',
  'Empress',
  'Pope',
  'Cardinal',
  'Bishop',
  'Archbishop',
  'Rabbi',
  'Imam',
  'Sheikh',
  'Emir',
  'Sultan',
  'Ayatollah',
  'Supreme Leader',
  'Reverend',
  'Rev.',
  'Father',
  'Sister',
  'General',
  'Gen.',
  'Lieutenant General',
  'Lt. Gen.',
  'Major General',
  'Maj. Gen.',
  'Brigadier General',
  'Lieutenant',
  'Lt.',
  'Colonel',
  'Col.',
  'Major',
  'Maj.',
  'Captain',
  'Capt.',
  'Commander',
  'Admiral',
  'Adm.',
  'Sergeant',
  'Sgt.',
  'Corporal',
  'Cpl.',
  'Private',
  'Pvt.',
  'Marshal',
  'Field Marshal',
  'Dr.',
  'Dr',
  'Doctor',
  'Prof.',
  'Professor',
  'Mr.',
  'Mr',
  'Mrs.',
  'Mrs',
  'Ms.',
  'Ms',
  'Miss',
  'Mx.',
  'Sir',
  'Dame',
  'Lord',
  'Lady',
  'Baroness',
  'Baron',
  'Chairman',
  'Chairwoman',
  'Chairperson',
  'Chair',
  'CEO',
  'Chief Executive',
  'Chief Executive Officer',
  'CFO',
  'Founder',
  'Co-founder',
  'Director',
  'Director-General',
  'Director General',
  'Ambassador',
  'Envoy',
  'Special Envoy',
  'Commissioner',
  'Speaker',
  'House Speaker',
  'Leader',
  'Majority Leader',
  'Minority Leader',
  'Opposition Leader',
  'Spokesman',
  'Spokeswoman',
  'Spokesperson',
  'Detective',
  'Inspector',
  'Superintendent',
  'Sheriff',
  'Officer',
  'Coach',
  'Head Coach',
  'Premier',
  'Deputy',
  'Acting',
  'Former',
  'Late',
  'Dictator',
  'Presidential Candidate',
  'Candidate',
  'Nominee',
  'Lawmaker',
  'Legislator',
  'MP',
  'MEP',
  'Councillor',
  'Councilman',
  'Councilwoman',
];

/** Particles that join capitalised name parts: "Charles de Gaulle", "Ursula von der Leyen". */
export const NAME_PARTICLES = words(
  'de du des da das do dos di del della der den van von ter ten la le bin ibn bint ben al el y zu',
);

/** Prefixes written lower-case and hyphenated to a capitalised name: "al-Assad". */
export const HYPHEN_NAME_PREFIXES = words('al el ad ad- as ash at az bin ibn abu abd');

/**
 * Heads after which "of" continues a name: "Bank of England", "University of Oxford",
 * "Republic of Korea". Elsewhere "of" ends the name ("Netanyahu, of Israel").
 */
export const OF_HEADS = words(`
  Bank University College Institute School Academy Ministry Department Office Board Council Committee Commission
  Court Church Museum Foundation Association Society Union League Federation Organization Organisation Agency
  Republic Kingdom State States Emirate Sultanate Principality Province County City Isle Island Islands Gulf Sea Bay
  Strait Cape Lake Mount Port Bureau Chamber Parliament Assembly House Party Army Navy Corps Fund Center Centre
  Alliance Coalition Front Movement Order Duke Duchess Earl Count Countess Archbishop Bishop Prince Princess King Queen
  Sultan Emir Battle Siege Treaty Declaration Act Bill Festival Cup Championship Games Tower Palace Cathedral Temple
  Hall Museum Library Authority Service Division Brigade Regiment Squadron Fleet Command Conference Summit Forum
  Council Secretariat Embassy Consulate Tribunal Prosecutor Exchange Hospital Clinic Port
`);

/** Final words that make a name an ORGANIZATION. */
export const ORGANIZATION_SUFFIXES = words(`
  Inc Inc. Incorporated Ltd Ltd. Limited LLC LLP PLC plc Corp Corp. Corporation Co Co. Company Companies Group Holdings
  Bank Banks Ministry Department University College Institute Institution School Academy Party Council Committee
  Commission Agency Association Foundation Union Federation League Club FC Times Post News Journal Herald Tribune
  Gazette Telegraph Daily Magazine Review Airlines Airways Air Motors Technologies Technology Systems Solutions
  Partners Capital Fund Funds Trust Court Parliament Assembly Congress Senate Police Army Navy Corps Forces Guard
  Authority Board Office Bureau Service Services Network Networks Media Press Studios Records Church Hospital Society
  Organization Organisation Alliance Coalition Front Movement Center Centre Reserve Exchange Industries Enterprises
  Energy Oil Petroleum Pharmaceuticals Labs Laboratories Insurance Securities Investments Broadcasting Television
  Radio Channel Brigade Brigades Regiment Division Command Ministry Cabinet Government Administration Secretariat
  Tribunal Team Orchestra Band Choir Museum Library Embassy Consulate Conservatory Syndicate Institute
  Dynamics Robotics Aerospace Logistics Therapeutics Biotech Pharma Foods Brands Ventures Entertainment Software
  Semiconductor Electronics Telecom Communications Bancorp Financial Motorworks Shipping Mining
  Railway Railways Railroad Rovers Wanderers Athletic Albion Hotspur Rangers Lottery Broadcasters Publishing
  Publishers Productions Pictures
`);

/** Titles that are also surnames: without a name after them they stay a name ("Joseph Lord"). */
export const TITLE_SURNAMES = words('Lord King Bishop Major Marshal Judge Sheriff Prince Justice Chancellor');

/**
 * "Party", "movement", "union", "front" and "league" in the languages whose party names world news
 * quotes untranslated ("Partai Nasional Indonesia", "Mouvement Réformateur", "Lega Nord"): a name
 * with one of them is an organisation wherever the word stands.
 */
export const PARTY_WORDS = words(`
  Partai Parti Partido Partito Partei Partij Partia Partiya Partidul Partiet Partiya Stranka Strana Puolue
  Mouvement Movimiento Movimento Bewegung Rassemblement Unión Unione Frente Fronte Lega Alleanza Alianza Bloque
  Blocco Congrès Congreso Congresso Convergència Esquerra Izquierda Sinistra Sojusz Zveza Savez Sindicato
`);

/** First words that, joined by "of" or "for", head an organisation: "Bank of Japan", "Foundation for …". */
export const ORGANIZATION_HEADS = words(`
  Bank University College Institute School Academy Ministry Department Office Board Council Committee Commission
  Court Church Foundation Association Society Union League Federation Organization Organisation Agency Bureau Party
  Army Navy Fund Center Centre Alliance Coalition Front Movement Chamber Parliament Assembly Authority Tribunal
  ${[...PARTY_WORDS].join(' ')}
`);

/** First words that, joined by "of", head a place: "Gulf of Mexico", "Republic of Korea". */
export const LOCATION_HEADS = words(
  'Republic Kingdom State Province County City Isle Island Islands Gulf Sea Bay Strait Cape Lake Mount Port',
);

/** Final words that make a name an event, agreement, award or similar MISC entity. */
export const MISC_SUFFIXES = words(`
  Accords Accord Agreement Treaty Act Declaration Convention Protocol Summit Games Cup Championship Championships
  Olympics Prize Award Awards War Revolution Festival Conference Crisis Plan Doctrine Initiative Deal Bill Law Pact
  Marathon Open Series Election Elections Day Week
`);

/** Final words that make a name a LOCATION. */
export const LOCATION_SUFFIXES = words(`
  City County Province Prefecture Region District Territory Island Islands Isle Peninsula River Lake Sea Ocean Bay Gulf
  Strait Channel Valley Mountains Mountain Hills Hill Heights Desert Forest Coast Beach Canyon Falls Plain Plains Street
  St Avenue Ave Road Rd Boulevard Square Bridge Village Town Township Borough Parish Oblast Governorate Airport Harbor
  Harbour Canal Park Basin Plateau Delta Glacier Volcano Reef Cape Highlands Strip Room Building Palace Stadium
  Arena Castle Cathedral Tower Station
`);

/** Words before a name that suggest a place: "in Berlin", "from Kyiv". */
export const LOCATION_PREPOSITIONS = words(
  'in In at At from From near Near to into across throughout outside inside toward towards via across',
);

/** Verbs right after a name that suggest a person: "Smith said". */
export const PERSON_VERBS = words(`
  said says told added wrote explained argued noted asked replied insisted stressed warned claimed believes thinks
  recalled tweeted posted admitted denied vowed urged
`);

/** Month and weekday names (and their abbreviations) never start or form a name on their own. */
export const CALENDAR_WORDS = words(`
  January February March April May June July August September October November December
  Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
  Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun
`);

/** Month names that are also surnames or given names ("Theresa May", "April Ryan"). */
export const CALENDAR_NAMES = words('May June April August');

/**
 * Capitalised words that are not names when they open a sentence or a line: function words and
 * sentence openers, plus newsroom boilerplate ("Updated", "Photo") beside names in captions and
 * bylines. Mid-sentence they may belong to a name ("The Hague"), so only PRONOUNS apply everywhere.
 */
export const NON_NAME_WORDS = words(`
  A An The This That These Those There Here It Its I I'm I've I'd I'll We We're Our Us You Your He He's His Him She
  She's Her Hers They They're Their Them Who Whom Whose What Which When Where Why How If Then Than So But And Or Nor
  Yet For From With Without Within Into Onto Upon Of Off On In At By To As Is Are Was Were Be Been Being Am Do Does Did
  Has Have Had Not No Yes Oh All Any Some Many Much More Most Few Less Least Each Every Both Either Neither Other
  Another Such Same One Two Three Four Five Six Seven Eight Nine Ten First Second Third Last Next Later Earlier After
  Before During Since Until While Although Though Because Despite However Meanwhile Moreover Furthermore Also Still
  Even Just Only Now Today Tonight Tomorrow Yesterday Once Again Instead Indeed Perhaps Maybe Thus Therefore Hence
  According Asked Speaking Following Under Over Above Below Between Among Against Around About Across Along Behind
  Beyond Inside Outside Near Through Throughout Toward Towards Via Per Like Unlike Whether Unless Whatever Whoever
  Everyone Everybody Someone Somebody Anyone Nobody None Nothing Something Everything Let Please Thank Thanks Dear
  Mr Mrs Ms Dr Can Could Will Would Shall Should May Might Must Why Well Sure Okay OK KO TKO Hello Hi Hey
  Updated Published Posted Photo Photos Picture Image Video Source Sources Comments Comment Share Link Links News
  Advertisement Advertising Sponsored Read More Click Subscribe Copyright Reporting Editing Writing Additional
  Related Watch Listen Sign Follow Contact Email Print Save Close Menu Home Breaking Exclusive Opinion Analysis Editorial
  Live Update Correction Note Editor's Editors Caption Credit Credits File Reporter Reporters Staff
  Article Page Story Stories Top Trending Latest Full Text Transcript Statement Officials Official Police
`);

/** Words that are never part of a name, wherever they stand. */
export const PRONOUNS = words("I I'm I've I'd I'll He He's She She's We We're They They're You It It's");

/** Acronyms that are common nouns, not organisations. */
export const NON_ENTITY_ACRONYMS = words(`
  CEO CFO COO CTO CIO VP MP MPs MEP PM AM TV GDP GNP AI IT ID PR HR OK USD EUR GBP JPY CO2 DNA RNA HIV AIDS COVID
  PDF URL FAQ TBA ETA AKA DIY EV EVs SUV SUVs IPO IPOs LGBT LGBTQ NB PS RIP LOL BC AD UTC GMT EST PST EDT PDT CET
  ET PT km kg mph KM KG II III IV VI VII VIII IX XI XII KO ERA CD CDs DVD SWAT RPM MVP UFO OMG FYI ASAP
`);

/**
 * Nationality and group adjectives. Alone they are MISC ("Israeli officials"); in front of a title
 * or an organisation name they are split off ("German Chancellor Olaf Scholz").
 */
export const DEMONYMS = words(`
  American British English Scottish Welsh Irish French German Italian Spanish Portuguese Dutch Belgian Swiss Austrian
  Swedish Norwegian Danish Finnish Icelandic Polish Czech Slovak Hungarian Romanian Bulgarian Greek Turkish Cypriot
  Russian Ukrainian Belarusian Georgian Armenian Azerbaijani Kazakh Uzbek Serbian Croatian Bosnian Albanian Slovenian
  Estonian Latvian Lithuanian Israeli Palestinian Lebanese Syrian Jordanian Iraqi Iranian Saudi Emirati Qatari Kuwaiti
  Bahraini Omani Yemeni Egyptian Libyan Tunisian Algerian Moroccan Sudanese Ethiopian Somali Kenyan Nigerian Ghanaian
  Congolese Rwandan Ugandan Tanzanian Zimbabwean Afghan Pakistani Indian Bangladeshi Nepali Chinese Taiwanese Japanese
  Korean Vietnamese Thai Filipino Indonesian Malaysian Singaporean Burmese Australian Canadian Mexican Cuban Brazilian
  Argentine Argentinian Chilean Peruvian Colombian Venezuelan Bolivian European African Asian Arab Arabic Hispanic
  Latino Kurdish Persian Jewish Muslim Christian Catholic Protestant Orthodox Islamic Hindu Sikh Buddhist Sunni Shia
  Shiite Western Eastern Soviet Nazi Democrat Republican Democratic Conservative Liberal Socialist Communist
  Americans Britons Israelis Palestinians Ukrainians Russians Europeans Africans Arabs Muslims Christians Jews Kurds
  Democrats Republicans Conservatives Liberals
  Philippine Cambodian Laotian Mongolian Nepalese Maltese Moldovan Macedonian Montenegrin Kosovar Tajik Turkmen Kyrgyz Chechen Haitian Jamaican Guatemalan Honduran Salvadoran Nicaraguan Panamanian Ecuadorian Paraguayan Uruguayan Senegalese Malian Chadian Cameroonian Ivorian Liberian Angolan Mozambican Zambian Malawian Namibian Eritrean Mauritanian Burundian Fijian Samoan Tongan Kazakhstani Uzbekistani Scandinavian Nordic Yazidi Druze Alawite Rohingya Uyghur Uighur Tamil Pashtun Hausa Yoruba Igbo Maori
`);

/** Places whose names read like a plural nationality word. */
const PLURAL_LOOKING_PLACES = new Set(['Philippines']);

/** A nationality or group word, singular or plural ("Iraqi", "Iraqis", "Uzbeks"). */
export function isDemonym(word: string): boolean {
  if (DEMONYMS.has(word)) return true;
  return (
    word.length > 4 &&
    word.endsWith('s') &&
    DEMONYMS.has(word.slice(0, -1)) &&
    !PLURAL_LOOKING_PLACES.has(word)
  );
}

/** A few hundred frequent given names in English-language news, so "Jane Okafor" reads as a person. */
export const FIRST_NAMES = words(`
  Aaron Abdul Abdullah Adam Adrian Ahmed Ahmad Alan Albert Alex Alexander Alexandra Alexei Alexey Ali Alice Alicia Alison
  Amanda Amir Amy Ana Andrea Andreas Andrew Andrei Andrzej Angela Angelina Ann Anna Anne Annie Anthony Antonio Antony
  Arthur Ashley Barbara Ben Benjamin Bernard Bernie Beth Bill Bob Boris Brad Brandon Brian Bruce Bruno Carl Carla
  Carlos Carmen Caroline Catherine Charles Charlie Charlotte Chris Christian Christina Christine Christopher Chuck
  Claire Claudia Colin Craig Dan Daniel Daniela Danielle Dave David Deborah Dennis Diana Diane Dmitry Dominic Donald
  Doug Douglas Dylan Ed Eddie Edward Elena Elizabeth Ellen Emily Emma Eric Erik Ethan Eva Evan Fatima Felix Fernando
  Frank Franz Fred Frederick Gabriel Gary George Georg Gerald Gina Giorgia Giovanni Giuseppe Glenn Gordon Grace Greg
  Gregory Hannah Hans Harold Harry Heather Heinz Helen Henry Hillary Howard Hugo Ian Igor Irina Isaac Ivan Jack Jackson
  Jacob Jake James Jamie Jan Jane Janet Jason Javier Jean Jeff Jeffrey Jennifer Jens Jeremy Jerome Jerry Jessica Jill
  Jim Jimmy Joan Joanna Joe Joel Johann Johannes John Johnny Jon Jonathan Jorge Jose José Joseph Josh Joshua Juan
  Judith Julia Julian Julie Justin Karen Karl Kate Katherine Kathleen Kathy Katie Keith Kelly Ken Kenneth Kevin Kim
  Kimberly Klaus Kristin Kurt Larry Laura Lauren Lee Leo Leonardo Linda Lisa Liz Louis Louise Lucas Lucy Luis Luke
  Mahmoud Marc Marco Margaret Maria Marie Mario Mark Markus Martin Mary Matt Matthew Max Maxim Megan Melissa Michael
  Michel Michelle Miguel Mike Mikhail Mohammed Mohammad Mohamed Muhammad Nancy Natalia Natalie Nathan Neil Nicholas
  Nick Nicola Nicolas Nicole Nikolai Nina Noah Oleg Oliver Olga Omar Oscar Pablo Pamela Patricia Patrick Paul Paula
  Pedro Peter Philip Philippe Pierre Rachel Rafael Ralph Randy Raymond Rebecca Richard Rick Rita Rob Robert Roberto
  Robin Roger Ron Ronald Rose Ruth Ryan Sam Samantha Samuel Sandra Sara Sarah Scott Sean Sebastian Sergei Sergey Shane
  Sharon Simon Sophie Stefan Stephanie Stephen Steve Steven Susan Tammy Ted Teresa Theresa Thomas Tim Timothy Tina
  Todd Tom Tony Tyler Ursula Valerie Vanessa Victor Victoria Vincent Viktor Vladimir Walter Wang Wayne William Willie
  Wolfgang Xavier Yuri Yusuf Zach Zachary Zoe
`);
