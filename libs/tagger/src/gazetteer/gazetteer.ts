import type { EntityType } from '../tagger.types';
import { COMPANIES } from './companies.gazetteer';
import { COUNTRIES } from './countries.gazetteer';
import type { GazetteerEntry } from './gazetteer-entry';
import { GROUPS_AND_EVENTS } from './groups-and-events.gazetteer';
import { LEGISLATURES } from './legislatures.gazetteer';
import { MEDIA } from './media.gazetteer';
import { ORGANIZATIONS } from './organizations.gazetteer';
import { PARTIES } from './parties.gazetteer';
import { PEOPLE } from './people.gazetteer';
import { PLACES } from './places.gazetteer';
import { REGIONS_AND_CITIES } from './regions-and-cities.gazetteer';
import { SPORTS } from './sports.gazetteer';

export interface GazetteerHit {
  /** Canonical name: the key of the entity across the document. */
  name: string;
  type: EntityType;
  qid?: string;
}

/** Case-sensitive lookup of curated surface forms ("WHO" is the organisation, "Who" is not). */
export class Gazetteer {
  private readonly forms = new Map<string, GazetteerHit>();
  /** Longest form in words, bounding n-gram searches. */
  readonly maxWords: number;

  constructor(entries: readonly GazetteerEntry[]) {
    let maxWords = 1;
    for (const entry of entries) {
      const hit: GazetteerHit = {
        name: entry.name,
        type: entry.type,
        ...(entry.qid ? { qid: entry.qid } : {}),
      };
      for (const form of [entry.name, ...(entry.aliases ?? [])]) {
        const key = normaliseSurface(form);
        if (this.forms.has(key)) throw new Error(`gazetteer form "${form}" is listed twice`);
        this.forms.set(key, hit);
        maxWords = Math.max(maxWords, key.split(' ').length);
      }
    }
    this.maxWords = maxWords;
  }

  lookup(surface: string): GazetteerHit | undefined {
    return this.forms.get(normaliseSurface(surface));
  }

  entries(): IterableIterator<[string, GazetteerHit]> {
    return this.forms.entries();
  }
}

/** Collapses whitespace and typographic apostrophes so "McDonald’s" finds "McDonald's". */
export function normaliseSurface(surface: string): string {
  return surface.replace(/’/g, "'").replace(/\s+/g, ' ').trim();
}

export const DEFAULT_GAZETTEER_ENTRIES: readonly GazetteerEntry[] = [
  ...COUNTRIES,
  ...PLACES,
  ...REGIONS_AND_CITIES,
  ...ORGANIZATIONS,
  ...MEDIA,
  ...LEGISLATURES,
  ...PEOPLE,
  ...SPORTS,
  ...PARTIES,
  ...GROUPS_AND_EVENTS,
  ...COMPANIES,
];

export function createDefaultGazetteer(): Gazetteer {
  return new Gazetteer(DEFAULT_GAZETTEER_ENTRIES);
}
