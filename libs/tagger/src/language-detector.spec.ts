import { loadLanguageDetector, type LanguageDetector, UNDETERMINED_LANGUAGE } from './language-detector';

// Short lines written for this test: news briefs and headlines where names outweigh words.

describe('loadLanguageDetector', () => {
  let detector: LanguageDetector;

  beforeAll(async () => {
    detector = await loadLanguageDetector();
  }, 30_000);

  it('reads short English lines made mostly of names as English', () => {
    expect(detector.detect('Sen. Bernie Sanders spoke first.')).toBe('en');
    expect(detector.detect('Putin meets Xi in Beijing')).toBe('en');
  });

  it('keeps the language of short lines in other languages', () => {
    expect(detector.detect('Der Bundestag hat am Freitag abgestimmt.')).toBe('de');
    expect(detector.detect('El presidente habló en Madrid ayer.')).toBe('es');
    expect(detector.detect('Le président a parlé à Paris.')).toBe('fr');
  });

  it('leaves text too short to judge undetermined', () => {
    expect(detector.detect('Okafor wins')).toBe(UNDETERMINED_LANGUAGE);
  });
});
