import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Gazetteer } from '../gazetteer/gazetteer';
import { gunzipSync, gzipSync } from 'node:zlib';
import { EMPTY_CONTEXT, FEATURE_VERSION, FeatureBuffer, FeatureExtractor } from './features';
import { deserializeModel, serializeModel } from './model-file';
import { PlaceKind, PlacePosition, PlaceTable, placeCode, placeKey, type PlaceEntry } from './places';
import { LABEL_COUNT, SequenceModel } from './sequence-model';
import { phraseTokens } from './text-sentences';

// A hand-made table of invented places; the shipped one is built from GeoNames and ISO 3166-2.
const ENTRIES: [string, PlaceEntry][] = [
  ['vellmar', { kind: PlaceKind.City, places: 1, id: 'geonames:101', country: 'ZZ' }],
  ['vellmar harbour', { kind: PlaceKind.Town, places: 1, id: 'geonames:102', country: 'ZZ' }],
  ['port oskel upon tarn', { kind: PlaceKind.BigCity, places: 1, id: 'geonames:103', country: 'ZZ' }],
  ['north tarnland', { kind: PlaceKind.Subdivision, places: 1, id: 'iso3166-2:ZZ-NT', country: 'ZZ' }],
  ['brisk', { kind: PlaceKind.City, places: 3 }],
  ['são quillo', { kind: PlaceKind.City, places: 1, id: 'geonames:104', country: 'ZY' }],
  ['st. quill', { kind: PlaceKind.Town, places: 1, id: 'geonames:105', country: 'ZY' }],
];
const table = PlaceTable.fromEntries(ENTRIES);

const lower = (words: string): string[] => words.split(' ');

describe('PlaceTable', () => {
  it('finds the longest name starting at a token', () => {
    expect(table.match(lower('to vellmar harbour today'), 1)).toEqual({ length: 2, kind: PlaceKind.Town });
    expect(table.match(lower('to vellmar today'), 1)).toEqual({ length: 1, kind: PlaceKind.City });
    expect(table.match(lower('port oskel upon tarn'), 0)).toEqual({ length: 4, kind: PlaceKind.BigCity });
    // A longer name cut short by the sentence end falls back to what fits.
    expect(table.match(lower('to vellmar'), 1)).toEqual({ length: 1, kind: PlaceKind.City });
    expect(table.match(lower('port oskel upon'), 0)).toBeUndefined();
    expect(table.match(lower('north of tarnland'), 0)).toBeUndefined();
  });

  it('gives every token of a match its place in the name and the kind, from allowed starts only', () => {
    const words = lower('from port oskel upon tarn to brisk and vellmar');
    const codes = new Int32Array(words.length);
    table.mark(words, (index) => index !== 8, codes);
    expect([...codes]).toEqual([
      -1,
      placeCode(PlacePosition.Begin, PlaceKind.BigCity),
      placeCode(PlacePosition.Inside, PlaceKind.BigCity),
      placeCode(PlacePosition.Inside, PlaceKind.BigCity),
      placeCode(PlacePosition.Last, PlaceKind.BigCity),
      -1,
      placeCode(PlacePosition.Single, PlaceKind.City),
      -1,
      -1, // "vellmar" may not start a name here
    ]);
  });

  it('looks names up as text, tokenised and lower-cased like the tagger does', () => {
    expect(placeKey('St. Quill')).toBe('st. quill');
    expect(table.idOf('St. Quill')).toBe('geonames:105');
    expect(table.idOf('VELLMAR HARBOUR')).toBe('geonames:102');
    expect(table.idOf('São Quillo')).toBe('geonames:104');
    expect(table.idOf('Brisk')).toBeUndefined();
    expect(table.lookup('Brisk')).toEqual({ kind: PlaceKind.City, places: 3 });
    expect(table.lookup('Nowhere')).toBeUndefined();
  });

  it('survives a round trip through its file, comments included', () => {
    const read = PlaceTable.parse(table.serialize(['invented places', 'second line']));
    expect(read.size).toBe(ENTRIES.length);
    for (const [key, entry] of ENTRIES) expect(read.get(key)).toEqual(entry);
    expect(PlaceTable.parse(PlaceTable.empty().serialize(['nothing'])).size).toBe(0);
  });

  it('loads a table once per path, and only a required one must exist', () => {
    const dir = mkdtempSync(join(tmpdir(), 'places-'));
    const path = join(dir, 'places.tsv.gz');
    writeFileSync(path, table.serialize([]));
    expect(PlaceTable.load(path)).toBe(PlaceTable.load(path));
    expect(PlaceTable.load(path).idOf('Vellmar')).toBe('geonames:101');
    expect(PlaceTable.load(join(dir, 'none.tsv.gz')).size).toBe(0);
    expect(() => PlaceTable.load(join(dir, 'missing.tsv.gz'), true)).toThrow(/missing/);
  });

  it('refuses a malformed line', () => {
    expect(() => PlaceTable.parse(gzipSync('vellmar\tX\t1\t\t\n'))).toThrow(/bad place table line/);
  });
});

describe('place features', () => {
  const gazetteer = new Gazetteer([]);
  const plain = new FeatureExtractor(gazetteer, 16, phraseTokens);
  const withPlaces = new FeatureExtractor(gazetteer, 16, phraseTokens, undefined, undefined, table);
  const featuresOf = (extractor: FeatureExtractor, words: string[]): number[][] => {
    const buffer = new FeatureBuffer();
    extractor.extract(words, EMPTY_CONTEXT, buffer);
    return words.map((_, i) => [...buffer.hashes.slice(buffer.offsets[i], buffer.offsets[i + 1])]);
  };

  it('adds features to a capitalised place name and its neighbours only', () => {
    const words = ['Ships', 'left', 'Vellmar', 'Harbour', 'at', 'dawn', '.'];
    const before = featuresOf(plain, words);
    const after = featuresOf(withPlaces, words);
    const added = after.map((features, i) => features.length - before[i].length);
    // Own match + capitalisation for the name's tokens; the neighbour's kind around them.
    expect(added).toEqual([0, 1, 3, 3, 1, 0, 0]);
    // The other features are unchanged, so models trained without a table still fit.
    after.forEach((features, i) => expect(features).toEqual(expect.arrayContaining(before[i])));
  });

  it('does not start a place at a lower-case word', () => {
    const words = ['the', 'brisk', 'wind'];
    expect(featuresOf(withPlaces, words)).toEqual(featuresOf(plain, words));
  });

  it('tells the kind of place apart', () => {
    const asRegion = PlaceTable.fromEntries([['vellmar', { kind: PlaceKind.Subdivision, places: 1 }]]);
    const regional = new FeatureExtractor(gazetteer, 16, phraseTokens, undefined, undefined, asRegion);
    const words = ['In', 'Vellmar', 'today'];
    expect(featuresOf(regional, words)[1]).not.toEqual(featuresOf(withPlaces, words)[1]);
    expect(featuresOf(regional, words)[2]).not.toEqual(featuresOf(withPlaces, words)[2]);
  });
});

describe('model files and the place table', () => {
  const tiny = new SequenceModel(
    4,
    new Float32Array(16 * LABEL_COUNT).fill(0.5),
    new Float32Array((LABEL_COUNT + 1) * LABEL_COUNT),
  );
  /** The same file as if written by the code before the place table (features v5). */
  const asVersion5 = (file: Buffer): Buffer =>
    gzipSync(
      Buffer.from(
        gunzipSync(file)
          .toString('latin1')
          .replace(`"featureVersion":${FEATURE_VERSION}`, '"featureVersion":5'),
        'latin1',
      ),
    );

  it('names the table in the header', () => {
    const loaded = deserializeModel(
      serializeModel(tiny, { a: 1, b: 0 }, 'c.tsv.gz', 's.tsv.gz', 'places.tsv.gz'),
    );
    expect(loaded.header.places).toBe('places.tsv.gz');
  });

  it('still loads a model made before the table, but not one of that age naming a table', () => {
    expect(deserializeModel(asVersion5(serializeModel(tiny, { a: 1, b: 0 }))).header.featureVersion).toBe(5);
    const naming = asVersion5(serializeModel(tiny, { a: 1, b: 0 }, undefined, undefined, 'places.tsv.gz'));
    expect(() => deserializeModel(naming)).toThrow(/features v5/);
  });
});
