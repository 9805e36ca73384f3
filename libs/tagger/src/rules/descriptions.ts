import { isDemonym, NON_NAME_WORDS, ORGANIZATION_SUFFIXES, words } from '../lexicon/english-cues.lexicon';
import type { EntityType } from '../tagger.types';
import type { ModelToken } from '../model/text-sentences';

/**
 * Writers say what a name is the first time they use it: "Thirty Seconds to Mars is an American
 * rock band", "Aisby is a village in Lincolnshire", "Quellbrook, a Denver-based lender,", "the
 * carmaker Stellantis", "the town of Reading". The noun that ends such a description types the
 * name more surely than the words around it, which is all the sequence model sees. These helpers
 * find the description next to a mention and return the type its head noun gives.
 */

const ORGANIZATION_NOUNS = words(`
  band group supergroup duo trio quartet quintet ensemble orchestra choir troupe outfit
  company corporation firm conglomerate multinational manufacturer maker carmaker automaker
  retailer supermarket chain brand label imprint publisher newspaper magazine tabloid daily weekly
  broadsheet network website agency airline bank lender insurer carrier
  startup start-up charity foundation institute university college school academy club team
  franchise league federation association union confederation party coalition alliance militia
  faction council committee commission ministry department regiment battalion brigade division
  squadron corps army navy fleet subsidiary consortium cooperative co-operative studio hospital
  hotel museum library theatre theater exchange fund trust organisation organization nonprofit
  non-profit think-tank watchdog regulator consultancy body`);
const LOCATION_NOUNS = words(`
  city town village hamlet suburb municipality commune parish county district province region
  state country nation island islands archipelago peninsula river lake mountain hill valley bay
  sea ocean desert neighbourhood neighborhood borough capital settlement locality prefecture
  oblast canton voivodeship governorate territory emirate township street road avenue square
  bridge stadium arena park cave dock halt`);
const PERSON_NOUNS = words(`
  singer songwriter singer-songwriter rapper musician guitarist drummer bassist pianist composer
  vocalist frontman lyricist violinist cellist saxophonist trumpeter conductor actor actress
  comedian writer author novelist poet playwright screenwriter filmmaker journalist columnist
  correspondent reporter editor critic politician lawyer judge footballer player cricketer
  athlete boxer wrestler cyclist swimmer sprinter golfer jockey goalkeeper striker midfielder
  quarterback pitcher coach painter sculptor architect photographer businessman businesswoman
  entrepreneur economist scientist physicist chemist biologist historian philosopher
  mathematician engineer soldier priest bishop monk nun activist diplomat spokesman spokeswoman
  spokesperson presenter dancer king queen prince princess emperor president senator governor
  mayor chancellor chairman chairwoman professor teacher surgeon astronaut explorer inventor
  designer chef aide adviser advisor candidate nominee lecturer luthier founder co-founder captain
  daughter son wife husband widow brother sister mother father grandson granddaughter`);
const MISC_NOUNS = words(`
  album single song film movie novel book opera musical series show programme documentary
  painting poem language dialect award prize tournament championship festival treaty ballet
  symphony sonata concerto soundtrack anthem hymn compilation holiday episode car convention game`);

/** An age: 1 to 119. */
const AGE = /^(?:[1-9]|[1-9]\d|1[01]\d)$/;
const AGE_CLOSES = new Set([',', ')', '.', 'and']);
/** Words that follow a business's name and no person's: "Varnoc CEO", "the Quellbrook subsidiary". */
const BUSINESS_AFTER_NAMES = words('ceo shareholders subsidiary');
const SPEECH_VERBS = words('said says announced added warned confirmed insisted argued claimed stated');
const STOCK_MARKET_WORDS = words('exchange exchanges market markets index indices indexes');
/** "flights to X", "a visit from X": a place comes after "to" or "from" after these. */
const TRAVEL_WORDS = words(
  'flight flights train trains bus buses ferry ferries route routes road roads highway motorway trip trips visit visits journey travel',
);
/** What a business has and a person does not, after "'s". */
const BUSINESS_POSSESSIONS = words(
  'shareholders headquarters subsidiary subsidiaries ceo chairman chairwoman workforce revenue revenues profits earnings',
);
/** Nouns that take "of" and then name their members, not their kind: "a group of islands". */
const COLLECTIVE_HEADS = words('group series body');
/** Two-word heads where the modifier decides: a radio station is an organisation. */
const STATION_KINDS = new Map<string, EntityType>([
  ['radio', 'ORGANIZATION'],
  ['television', 'ORGANIZATION'],
  ['tv', 'ORGANIZATION'],
  ['railway', 'LOCATION'],
  ['train', 'LOCATION'],
  ['metro', 'LOCATION'],
  ['subway', 'LOCATION'],
]);
/** Places that "the ... of X" introduces: "the town of Reading", "the state of Oaxaca". */
const PLACE_OF_HEADS = words(
  'city town village hamlet municipality commune parish county district province region state island islands borough emirate riding constituency electorate ward',
);

/** Heads that, right before a capitalised word, are more often adjectives or part of a longer name. */
const NOT_BEFORE_NAMES = words('single daily weekly show team duo trio quartet quintet son');

/** Kinds of place written after the name ("the Paris region"). */
const PLACE_AFTER_NAMES = words('constituency riding electorate region suburb neighbourhood neighborhood');
/** What may follow "the" + head in an apposition: ", the capital of France,". */
const APPOSITION_CLOSES = new Set(['', ',', '.', ')', ';', 'of', 'in', 'for']);

/** Lower-case words inside titles and names: "Bullocks to Stan", "Rose in the Fist". */
const TITLE_JOINERS = words('to of and the for in on at a an &');

/** Capitalised words before a name that are not part of it: "The Echelon", "Former Varnoc executive". */
const OPENERS = words('The A An Former Acting Interim Late');

const COPULAS = words('is was are were remains became becomes');
const ADVERBS = words('also now still currently originally then once later formerly');
const DETERMINERS = words('a an the');
/** Words that end a description's noun phrase. */
const PHRASE_ENDS = words(`
  of in on at from for with by to and or but that which who whose where when while since until
  as than after before during under over into near between among against about through across
  without within behind beyond like based formed founded located headquartered known established
  led owned run operating consisting is was are were be been has had have will would could should
  may might can did does do not`);
const MAX_DESCRIPTION_WORDS = 6;
const MAX_PARENTHESIS_TOKENS = 16;

function typeOfHead(head: string, before: string | undefined): EntityType | undefined {
  if (head === 'station') return before === undefined ? undefined : STATION_KINDS.get(before);
  if (head === 'division' && before === 'administrative') return 'LOCATION';
  if (head === 'district' && before === 'school') return 'ORGANIZATION';
  if (head === 'carrier' && before === 'aircraft') return 'MISC';
  if (ORGANIZATION_NOUNS.has(head)) return 'ORGANIZATION';
  if (LOCATION_NOUNS.has(head)) return 'LOCATION';
  if (PERSON_NOUNS.has(head)) return 'PERSON';
  if (MISC_NOUNS.has(head)) return 'MISC';
  return undefined;
}

/** "banks" → "bank", "companies" → "company", "churches" → "church"; anything else unchanged. */
function singular(word: string): string {
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(?:ch|sh|ss|x)es$/.test(word)) return word.slice(0, -2);
  return word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

/** "French", "African-American": a nationality word, which no description here types. */
function nationality(word: string): boolean {
  return isDemonym(word) || isDemonym(word.split('-').at(-1) ?? word);
}

function lower(token: ModelToken | undefined): string {
  return token === undefined ? '' : token.text.toLowerCase();
}

/**
 * "X is an American rock band formed in …", "X, a Denver-based lender,": the type the head noun of
 * a description right after the mention gives, if any. The noun phrase runs from the article to
 * the first punctuation mark or function word, over at most six words; a possessive inside it
 * ("the band's drummer") or a collective noun before "of" ("a group of islands") gives nothing.
 */
function describedAfter(sentence: readonly ModelToken[], start: number, end: number): EntityType | undefined {
  // "Bullocks to Stan is an episode": the description is of the whole title, not of the part the
  // mention holds.
  const before = sentence[start - 1];
  if (before?.capitalised && !OPENERS.has(before.text) && !NON_NAME_WORDS.has(before.text)) return undefined;
  if (before !== undefined && TITLE_JOINERS.has(before.text) && sentence[start - 2]?.capitalised)
    return undefined;
  let i = end;
  // "X ( born 1970 ) is an American singer", "X ( or Y ) is a band": a parenthesis that is not
  // itself a description is stepped over.
  if (lower(sentence[i]) === '(' && !DETERMINERS.has(lower(sentence[i + 1]))) {
    const close = sentence.findIndex((token, k) => k > i && token.text === ')');
    if (close < 0 || close - i > MAX_PARENTHESIS_TOKENS) return undefined;
    i = close + 1;
  }
  const link = lower(sentence[i]);
  // "Lyra Hall, 42, from Dunmore": an age in an apposition belongs to a person.
  if (link === ',' && AGE.test(sentence[i + 1]?.text ?? '') && AGE_CLOSES.has(lower(sentence[i + 2])))
    return 'PERSON';
  // "Varnoc CEO Ada Vell", "Quellbrook shareholders": a business word right after the name.
  const business =
    BUSINESS_AFTER_NAMES.has(link) ||
    (link === 'chief' && lower(sentence[i + 1]) === 'executive') ||
    // "Former Varnoc executive Tilde Maas", not "a Trump executive order".
    (link === 'executive' && sentence[i + 1]?.capitalised === true) ||
    // "sold Talvik stock", not "the London stock market".
    (link === 'stock' && !STOCK_MARKET_WORDS.has(lower(sentence[i + 1])));
  // "Ostrey mayor Piet Anholt", "Eastbrook residents": the people of a place.
  if ((link === 'mayor' || link === 'residents') && !nationality(sentence[end - 1].text)) return 'LOCATION';
  if (business) return nationality(sentence[end - 1].text) ? undefined : 'ORGANIZATION'; // not "French shareholders"
  // "the Galway North constituency", "the Donetsk region": a place's kind after its name.
  if (PLACE_AFTER_NAMES.has(link)) {
    // Not "the African American constituency" (voters) nor "the Fleet area of operations".
    const after = sentence[i + 1];
    const ends = after === undefined || after.kind !== 'word' || PHRASE_ENDS.has(lower(after));
    return ends && lower(after) !== 'of' && !nationality(sentence[end - 1].text) ? 'LOCATION' : undefined;
  }
  // "Harrow Finch's shareholders", "Dunmore's chief executive": only a business has these.
  if (link === "'s" || link === '’s') {
    const owned = lower(sentence[i + 1]);
    return BUSINESS_POSSESSIONS.has(owned) || (owned === 'chief' && lower(sentence[i + 2]) === 'executive')
      ? 'ORGANIZATION'
      : undefined;
  }
  // After a comma only "a" opens an apposition for sure: ", the party formed an alliance" is the
  // next clause's subject, unless the phrase then closes (", the capital of France,").
  const apposition = link === ',' || link === '(';
  if (apposition) i += 1;
  else if (COPULAS.has(link)) {
    i += 1;
    if (ADVERBS.has(lower(sentence[i]))) i += 1;
  } else return undefined;
  let determiner = lower(sentence[i]);
  // "X is one of the largest banks in Europe": the head is plural.
  const plural = determiner === 'one' && lower(sentence[i + 1]) === 'of' && lower(sentence[i + 2]) === 'the';
  if (plural) {
    i += 2;
    determiner = 'the';
  }
  if (!DETERMINERS.has(determiner)) return undefined;
  i += 1;
  const phrase: string[] = [];
  for (; i < sentence.length && phrase.length <= MAX_DESCRIPTION_WORDS; i += 1) {
    const token = sentence[i];
    const word = lower(token);
    // "a four-piece electro / synthpop band"
    if (word === '/' || word === '-') continue;
    if (token.kind !== 'word' || PHRASE_ENDS.has(word)) break;
    if (/^['’]s?$/.test(word)) return undefined;
    // "a leading company": an -ing or -ed word after a head noun starts what follows the phrase.
    const previous = phrase.at(-1);
    if (
      /(?:ing|ed)$/.test(word) &&
      previous !== undefined &&
      typeOfHead(previous, phrase.at(-2)) !== undefined
    )
      break;
    phrase.push(word);
  }
  if (phrase.length === 0 || phrase.length > MAX_DESCRIPTION_WORDS) return undefined;
  const last = phrase[phrase.length - 1];
  const head = plural ? singular(last) : last;
  // "a Federalist Party": a capitalised head is a name, not a description.
  if (sentence[i - 1].capitalised) return undefined;
  const next = lower(sentence[i]);
  if (next === "'s" || next === '’s') return undefined;
  if (next === 'of' && COLLECTIVE_HEADS.has(head)) return undefined;
  // "Kosovo is a party to the accord": a signatory, not a political party.
  if (next === 'to' && head === 'party') return undefined;
  if (apposition && determiner === 'the' && !APPOSITION_CLOSES.has(next)) return undefined;
  return typeOfHead(head, phrase.at(-2));
}

/**
 * "the rock band X", "carmaker X", "the town of X": the type a lower-case head noun right before
 * the mention gives.
 */
function describedBefore(
  sentence: readonly ModelToken[],
  start: number,
  end: number,
): EntityType | undefined {
  const previous = sentence[start - 1];
  if (previous === undefined || previous.kind !== 'word' || previous.capitalised) return undefined;
  const word = previous.text;
  // "flights to Ostrey", not "a visit to Walter Reed Hospital".
  if ((word === 'to' || word === 'from') && TRAVEL_WORDS.has(lower(sentence[start - 2])))
    return end - start > 1 && ORGANIZATION_SUFFIXES.has(sentence[end - 1].text) ? undefined : 'LOCATION';
  if (word === 'of') {
    const head = lower(sentence[start - 2]);
    return DETERMINERS.has(lower(sentence[start - 3])) && PLACE_OF_HEADS.has(head) ? 'LOCATION' : undefined;
  }
  if (NOT_BEFORE_NAMES.has(word)) return undefined;
  // English puts a place's kind before its name with "of" ("the town of X"); a place word right
  // before a capitalised word modifies it ("district MVP", "county council").
  const type = typeOfHead(word, lower(sentence[start - 2]) || undefined);
  return type === 'LOCATION' ? undefined : type;
}

/** The type a description next to the mention sentence[start, end) gives it, if there is one. */
export function describedType(
  sentence: readonly ModelToken[],
  start: number,
  end: number,
): EntityType | undefined {
  // A nationality word is MISC by its own rule ("flights to Cuban cities").
  if (end - start === 1 && nationality(sentence[start].text)) return undefined;
  return describedAfter(sentence, start, end) ?? describedBefore(sentence, start, end);
}

/**
 * "Pellmark said it would appeal", "Okafor said she would run": for a name the model did not find,
 * the pronoun that takes it up says whether it is a person. (Not for the model's own names: a
 * person "said it was the moment", a spokesman "said it had carried out the attack".)
 */
export function typeBySpeech(sentence: readonly ModelToken[], end: number): EntityType | undefined {
  if (!SPEECH_VERBS.has(lower(sentence[end]))) return undefined;
  const pronoun = lower(sentence[end + 1]);
  if (pronoun === 'it' || pronoun === 'its') return 'ORGANIZATION';
  return pronoun === 'he' || pronoun === 'she' ? 'PERSON' : undefined;
}
