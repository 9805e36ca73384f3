import { curated, type GazetteerEntry } from './gazetteer-entry';

// Armed and militant groups, security and government bodies, and public or religious holidays that
// English-language news names all the time and that the statistical model mistypes on its own:
// "Islamic State" read as a place, "Daesh" or "Passover" as a person, "Mossad" or "Bundeswehr" as a
// place, "Christmas" or "Diwali" not found at all. Written for this project from general knowledge.
//
// A curated type is final, so only names with one type in news are listed here:
// - abbreviations that stand for something else as often are left out ("IRA" is also a retirement
//   account and the Inflation Reduction Act, "ETA" an arrival time, "HTS" a tariff schedule, "RSF"
//   Reporters Without Borders, "SDF" Japan's Self-Defense Forces, "M23" a British motorway, "ICE" a
//   commodity exchange and a train, "NSA" a national security adviser, "EPA" a photo agency), and
//   so are one-word short forms that are surnames ("Wagner" for the Wagner Group);
// - names shared by bodies of several countries ("Foreign Office", "Department of Justice") are
//   type-only entries, and the QID of a national body is not put on them;
// - holidays that are also ordinary words ("Lent", "Advent", "Epiphany") are left to the model,
//   and the places named after a holiday ("Easter Island", "Christmas Island") are listed as places
//   so that the holiday's name inside them does not pull them to MISC.
//
// A QID is given only where at least two public sources that map the name to the Wikidata item
// agree (al-Qaeda's was also known to the lead); every other entry fixes the type and the canonical
// name only.

const org = (name: string, aliases: readonly string[] = [], qid?: string): GazetteerEntry =>
  curated('ORGANIZATION', name, aliases, qid);

const misc = (name: string, aliases: readonly string[] = [], qid?: string): GazetteerEntry =>
  curated('MISC', name, aliases, qid);

const place = (name: string, qid?: string): GazetteerEntry => curated('LOCATION', name, [], qid);

/** Jihadist groups and their regional branches. */
const JIHADIST_GROUPS: readonly GazetteerEntry[] = [
  org(
    'Islamic State',
    ['ISIS', 'ISIL', 'Daesh', 'Islamic State of Iraq and the Levant', 'Islamic State of Iraq and Syria'],
    'Q2429253',
  ),
  org('Islamic State Khorasan Province', ['Islamic State Khorasan', 'ISIS-K', 'ISKP']),
  org('Islamic State West Africa Province', ['ISWAP']),
  org(
    'al-Qaeda',
    [
      'Al-Qaeda',
      'al Qaeda',
      'Al Qaeda',
      'al-Qaida',
      'Al-Qaida',
      'al Qaida',
      'Al Qaida',
      "al-Qa'ida",
      "Al-Qa'ida",
    ],
    'Q34490',
  ),
  org('al-Qaeda in the Arabian Peninsula', ['Al-Qaeda in the Arabian Peninsula', 'AQAP']),
  org('al-Qaeda in the Islamic Maghreb', ['Al-Qaeda in the Islamic Maghreb', 'AQIM']),
  org("Jama'at Nusrat al-Islam wal-Muslimin", ['JNIM']),
  org('Taliban'),
  org('Tehrik-i-Taliban Pakistan', ['Tehreek-e-Taliban Pakistan', 'Pakistani Taliban', 'TTP']),
  org('Haqqani network', ['Haqqani Network']),
  org('Boko Haram'),
  org('al-Shabaab', ['Al-Shabaab', 'al Shabaab', 'Al Shabaab']),
  org("Hay'at Tahrir al-Sham", ['Hayat Tahrir al-Sham']),
  org('al-Nusra Front', ['Al-Nusra Front', 'Nusra Front', 'Jabhat al-Nusra']),
  org('Palestinian Islamic Jihad', ['Islamic Jihad', 'PIJ']),
  org('Egyptian Islamic Jihad'),
  org('Izz ad-Din al-Qassam Brigades', ['Qassam Brigades', 'al-Qassam Brigades', 'Al-Qassam Brigades']),
  org("al-Aqsa Martyrs' Brigades", ["Al-Aqsa Martyrs' Brigades", 'Al-Aqsa Martyrs Brigades']),
  org('Jaish-e-Mohammed', ['Jaish-e-Muhammad']),
  org('Lashkar-e-Taiba', ['Lashkar-e-Toiba', 'Lashkar-e-Tayyiba']),
  org('Hizb ut-Tahrir'),
];

/** Other armed, insurgent and paramilitary groups, and criminal organisations named like them. */
const ARMED_GROUPS: readonly GazetteerEntry[] = [
  org('Houthi movement', ['Houthis', 'Ansar Allah', 'Ansarallah']),
  org('Wagner Group', ['Wagner PMC', 'PMC Wagner']),
  org("Kurdistan Workers' Party", ['Kurdistan Workers Party', 'PKK']),
  org("People's Protection Units", ["People's Defense Units", 'YPG']),
  org('Syrian Democratic Forces'),
  org('Islamic Revolutionary Guard Corps', [
    'IRGC',
    'Revolutionary Guard Corps',
    'Revolutionary Guards',
    'Revolutionary Guard',
  ]),
  org('Quds Force', ['Qods Force']),
  org('Kataib Hezbollah', ["Kata'ib Hezbollah"]),
  org('Popular Mobilization Forces', ['Popular Mobilisation Forces', 'Hashd al-Shaabi']),
  org('Rapid Support Forces'),
  org('March 23 Movement'),
  org('Allied Democratic Forces'),
  org("Lord's Resistance Army"),
  org("Tigray People's Liberation Front", ['TPLF']),
  org('Arakan Army'),
  org('Baloch Liberation Army'),
  org('Liberation Tigers of Tamil Eelam', ['LTTE', 'Tamil Tigers']),
  org('Polisario Front'),
  org('Irish Republican Army'),
  org('Provisional IRA'),
  org('New IRA'),
  org('Ulster Volunteer Force', ['UVF']),
  org('Euskadi Ta Askatasuna'),
  org('Revolutionary Armed Forces of Colombia', ['FARC', 'FARC-EP']),
  org('ELN', ['Ejército de Liberación Nacional']),
  org('Shining Path', ['Sendero Luminoso']),
  org('Ku Klux Klan', ['KKK']),
  org('Proud Boys'),
  org('Oath Keepers'),
  org('Sinaloa Cartel', ['Sinaloa cartel']),
  org('Jalisco New Generation Cartel', ['CJNG']),
  org('Tren de Aragua'),
  org('MS-13', ['Mara Salvatrucha']),
];

/**
 * Ministries, armed forces and security services. "Pentagon" and "Kremlin" name the institution in
 * news, as "White House" does (organizations.gazetteer.ts); no QID is put on them.
 */
const STATE_BODIES: readonly GazetteerEntry[] = [
  org('Pentagon'),
  org('Kremlin'),
  org(
    'United States Department of State',
    [
      'State Department',
      'U.S. State Department',
      'US State Department',
      'Department of State',
      'U.S. Department of State',
      'US Department of State',
    ],
    'Q789915',
  ),
  org(
    'United States Department of Defense',
    [
      'Defense Department',
      'U.S. Defense Department',
      'US Defense Department',
      'Department of Defense',
      'U.S. Department of Defense',
      'US Department of Defense',
      'DoD',
    ],
    'Q11209',
  ),
  org(
    'United States Department of Justice',
    [
      'Justice Department',
      'U.S. Justice Department',
      'US Justice Department',
      'U.S. Department of Justice',
      'US Department of Justice',
      'DOJ',
    ],
    'Q1553390',
  ),
  org('Department of Justice'),
  org('United States Department of Homeland Security', [
    'Department of Homeland Security',
    'Homeland Security Department',
    'DHS',
  ]),
  org('United States Department of the Treasury', [
    'Treasury Department',
    'U.S. Treasury Department',
    'US Treasury Department',
  ]),
  org('Immigration and Customs Enforcement', ['U.S. Immigration and Customs Enforcement']),
  org('Customs and Border Protection', ['U.S. Customs and Border Protection', 'CBP']),
  org('Drug Enforcement Administration', ['DEA']),
  org('Secret Service', ['U.S. Secret Service']),
  org('Federal Emergency Management Agency', ['FEMA']),
  org('National Security Agency'),
  org('Foreign Office'),
  org('Foreign, Commonwealth and Development Office', ['FCDO']),
  org('Home Office'),
  org('MI5'),
  org('MI6'),
  org('GCHQ'),
  org('Mossad'),
  org('Shin Bet'),
  org('Israel Defense Forces', ['Israel Defence Forces', 'Israeli Defense Forces', 'IDF']),
  org('GRU'),
  org('Bundeswehr'),
  org("People's Liberation Army", ['PLA']),
  org('Interpol'),
  org('Europol'),
];

/** Religious festivals and fasts. */
const RELIGIOUS_OBSERVANCES: readonly GazetteerEntry[] = [
  misc('Ramadan', [], 'Q41662'),
  misc('Eid al-Fitr', ['Eid ul-Fitr', 'Eid-al-Fitr', 'Eid al Fitr'], 'Q464458'),
  misc('Eid al-Adha', ['Eid ul-Adha', 'Eid-al-Adha', 'Eid al Adha'], 'Q514400'),
  // Either Eid, as news writes it once the full name is clear.
  misc('Eid'),
  misc('Ashura'),
  misc('Christmas', [], 'Q19809'),
  misc('Christmas Eve', [], 'Q106010'),
  misc('Christmas Day'),
  misc('Easter', [], 'Q21196'),
  misc('Easter Sunday'),
  misc('Easter Monday'),
  misc('Good Friday', [], 'Q40317'),
  misc('Palm Sunday', [], 'Q42236'),
  misc('Ash Wednesday', [], 'Q123542'),
  misc('Pentecost', [], 'Q39864'),
  misc('Hanukkah', ['Chanukah', 'Hanukah']),
  misc('Passover', ['Pesach']),
  misc('Yom Kippur'),
  misc('Rosh Hashanah', ['Rosh Hashana'], 'Q131028'),
  misc('Purim'),
  misc('Sukkot'),
  misc('Diwali', ['Deepavali'], 'Q10244'),
  misc('Holi'),
  misc('Navaratri', ['Navratri']),
  misc('Vaisakhi', ['Baisakhi']),
  misc('Vesak'),
];

/** Civic and seasonal holidays. */
const PUBLIC_HOLIDAYS: readonly GazetteerEntry[] = [
  misc('Nowruz', ['Norouz', 'Nowrouz', 'Navruz'], 'Q483236'),
  misc('Chinese New Year'),
  // Also the Korean and Vietnamese new year: no single item.
  misc('Lunar New Year'),
  misc('Mid-Autumn Festival'),
  // The US and the Canadian holiday share the name.
  misc('Thanksgiving', ['Thanksgiving Day']),
  misc('Halloween', [], 'Q251868'),
  misc("New Year's Eve", [], 'Q11269'),
  misc("New Year's Day", [], 'Q196627'),
  misc("Valentine's Day", [], 'Q37587'),
  misc("St Patrick's Day", ["St. Patrick's Day", "Saint Patrick's Day"]),
  misc('Bastille Day', [], 'Q326724'),
  misc('Juneteenth'),
  misc('Kwanzaa'),
  misc('Martin Luther King Jr. Day', ['MLK Day']),
  misc('Veterans Day'),
  misc('Memorial Day'),
  misc('Labor Day'),
  misc('Remembrance Day'),
  misc('Anzac Day'),
  misc('Boxing Day'),
  misc('Guy Fawkes Night', ['Bonfire Night']),
  misc('Day of the Dead', ['Día de Muertos', 'Dia de los Muertos']),
  misc('Cinco de Mayo'),
  misc('Mardi Gras'),
  misc('Black Friday'),
  misc('Cyber Monday'),
];

/** Names that contain a holiday's name but are something else. */
/**
 * Treaties and accords news names by their own names. A verb like "join" or "sign" in front of
 * one ("join the Abraham Accords") reads to the model like joining an organisation.
 */
const AGREEMENTS: readonly GazetteerEntry[] = [
  misc('Abraham Accords'),
  misc('Camp David Accords'),
  misc('Oslo Accords'),
  misc('Dayton Agreement', ['Dayton Accords']),
  misc('Minsk agreements', ['Minsk Agreements']),
  misc('Paris Agreement', ['Paris climate agreement', 'Paris climate accord']),
  misc('Kyoto Protocol'),
  misc('Montreal Protocol'),
  misc('Joint Comprehensive Plan of Action', ['JCPOA']),
  misc('Treaty on the Non-Proliferation of Nuclear Weapons', ['Nuclear Non-Proliferation Treaty']),
  misc('New START'),
  misc('Geneva Conventions'),
  misc('Treaty of Versailles'),
  misc('Maastricht Treaty'),
  misc('Treaty of Lisbon', ['Lisbon Treaty']),
  misc('Schengen Agreement'),
  misc('United States–Mexico–Canada Agreement', ['USMCA']),
  misc('North American Free Trade Agreement', ['NAFTA']),
];

const NOT_HOLIDAYS: readonly GazetteerEntry[] = [
  place('Easter Island', 'Q14452'),
  place('Christmas Island'),
  misc('Good Friday Agreement'),
];

export const GROUPS_AND_EVENTS: readonly GazetteerEntry[] = [
  ...JIHADIST_GROUPS,
  ...ARMED_GROUPS,
  ...STATE_BODIES,
  ...AGREEMENTS,
  ...RELIGIOUS_OBSERVANCES,
  ...PUBLIC_HOLIDAYS,
  ...NOT_HOLIDAYS,
];
