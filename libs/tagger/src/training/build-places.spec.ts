import { PlaceKind } from '../model/places';
import { dominantPlace, foldDiacritics, subdivisionNames, usefulName, type Candidate } from './build-places';

const city = (id: string, country: string, population: number): Candidate => ({
  id: `geonames:${id}`,
  kind: population >= 1e6 ? PlaceKind.BigCity : population >= 1e5 ? PlaceKind.City : PlaceKind.Town,
  country,
  population,
});
const subdivision = (code: string): Candidate => ({
  id: `iso3166-2:${code}`,
  kind: PlaceKind.Subdivision,
  country: code.slice(0, 2),
});

describe(subdivisionNames.name, () => {
  it('keeps the forms news text writes', () => {
    expect(subdivisionNames('Texas')).toEqual(['Texas']);
    expect(subdivisionNames('Asturias, Principado de')).toEqual(['Asturias']);
    expect(subdivisionNames('Sofia (stolitsa)')).toEqual(['Sofia']);
    expect(subdivisionNames('Haute-Sangha / Mambéré-Kadéï')).toEqual(['Haute-Sangha', 'Mambéré-Kadéï']);
    expect(subdivisionNames('Guangdong Sheng')).toEqual(['Guangdong Sheng', 'Guangdong']);
    expect(subdivisionNames('Guangxi Zhuangzu Zizhiqu')).toEqual(['Guangxi Zhuangzu Zizhiqu', 'Guangxi']);
  });

  it('skips lists of places and names split by a bare slash', () => {
    expect(subdivisionNames('Newry, Mourne and Down')).toEqual([]);
    expect(subdivisionNames('Elgeyo/Marakwet')).toEqual([]);
  });
});

describe(usefulName.name, () => {
  it('refuses names that cannot tell which place is meant', () => {
    expect(usefulName('Springfield')).toBe(true);
    expect(usefulName('Northern Territory')).toBe(true);
    expect(usefulName('Central')).toBe(false);
    expect(usefulName('North East')).toBe(false);
    expect(usefulName('Of')).toBe(false);
    expect(usefulName('Sector 3')).toBe(false);
    expect(usefulName('Ba')).toBe(false);
  });
});

describe(foldDiacritics.name, () => {
  it('drops combining marks only', () => {
    expect(foldDiacritics('São Tomé')).toBe('Sao Tome');
    expect(foldDiacritics('Zürich')).toBe('Zurich');
  });
});

describe(dominantPlace.name, () => {
  it('gives a lone place its own id', () => {
    expect(dominantPlace([city('1', 'FR', 30_000)])?.id).toBe('geonames:1');
    expect(dominantPlace([subdivision('US-TX')])?.id).toBe('iso3166-2:US-TX');
  });

  it('lets a city win a shared name only with several times the people of the next', () => {
    expect(dominantPlace([city('2', 'US', 25_000), city('1', 'FR', 2_100_000)])?.id).toBe('geonames:1');
    expect(dominantPlace([city('1', 'GB', 158_000), city('2', 'US', 110_000)])).toBeUndefined();
  });

  it("yields a subdivision's name to its own country's city, and keeps it against towns", () => {
    expect(dominantPlace([subdivision('ES-B'), city('1', 'ES', 1_600_000)])?.id).toBe('geonames:1');
    expect(dominantPlace([subdivision('US-FL'), city('1', 'CO', 50_000)])?.id).toBe('iso3166-2:US-FL');
    expect(dominantPlace([subdivision('CA-ON'), city('1', 'US', 170_000)])).toBeUndefined();
    expect(dominantPlace([subdivision('BE-VLI'), subdivision('NL-LI')])).toBeUndefined();
  });

  it('never gives the id to a place that only makes the name ambiguous', () => {
    const claim = { ...city('1', 'US', 8_000_000), claim: true };
    expect(dominantPlace([subdivision('US-NY'), claim])).toBeUndefined();
  });
});
