import { canonicalEntityId, localEntityId } from './entity-id';
import { Gazetteer } from './gazetteer/gazetteer';
import { PlaceKind, PlaceTable } from './model/places';
import { DocumentResolver } from './rules/document-resolver';
import type { ClassifiedSegment } from './rules/segment-classifier';
import type { EntityType } from './tagger.types';

// Invented places: the shipped table is built from GeoNames and ISO 3166-2.
const places = PlaceTable.fromEntries([
  ['vellmar', { kind: PlaceKind.City, places: 1, id: 'geonames:101', country: 'ZZ' }],
  ['north tarnland', { kind: PlaceKind.Subdivision, places: 1, id: 'iso3166-2:ZZ-NT', country: 'ZZ' }],
  ['brisk', { kind: PlaceKind.City, places: 3 }],
  ['lisbon', { kind: PlaceKind.BigCity, places: 2, id: 'geonames:2267057', country: 'PT' }],
  ['oskelund', { kind: PlaceKind.Town, places: 1, id: 'geonames:102', country: 'ZZ' }],
]);

describe(canonicalEntityId.name, () => {
  it('prefers a curated QID, then a place id for a LOCATION, then the nf: id', () => {
    expect(canonicalEntityId('LOCATION', 'Lisbon', 'Q597', places)).toBe('Q597');
    expect(canonicalEntityId('LOCATION', 'Vellmar', undefined, places)).toBe('geonames:101');
    expect(canonicalEntityId('LOCATION', 'North Tarnland', undefined, places)).toBe('iso3166-2:ZZ-NT');
    // A name several places share, without a dominant one, has no place id.
    expect(canonicalEntityId('LOCATION', 'Brisk', undefined, places)).toBe('nf:location:brisk');
    expect(canonicalEntityId('LOCATION', 'Harbourton', undefined, places)).toBe(
      localEntityId('LOCATION', 'Harbourton'),
    );
  });

  it('never gives a place id to another type', () => {
    expect(canonicalEntityId('PERSON', 'Vellmar', undefined, places)).toBe('nf:person:vellmar');
    expect(canonicalEntityId('ORGANIZATION', 'Oskelund', undefined, places)).toBe('nf:organization:oskelund');
  });
});

describe('DocumentResolver ids', () => {
  const gazetteer = new Gazetteer([
    { name: 'Lisbon', type: 'LOCATION', qid: 'Q597' },
    { name: 'North Tarnland', type: 'LOCATION' },
    { name: 'Donald Trump', type: 'PERSON', qid: 'Q22686' },
  ]);
  const resolver = new DocumentResolver(gazetteer, places);

  /** `known: false`: the mention reaches the resolver without its gazetteer hit. */
  const mention = (
    text: string,
    surface: string,
    type: EntityType,
    { from = 0, known = true }: { from?: number; known?: boolean } = {},
  ): ClassifiedSegment => {
    const start = text.indexOf(surface, from);
    const hit = known ? gazetteer.lookup(surface) : undefined;
    return {
      segment: {
        tokens: [],
        start,
        end: start + surface.length,
        afterTitle: false,
        atSentenceStart: start === 0,
        inHeadline: false,
        previous: undefined,
        following: undefined,
      },
      surface,
      type: hit?.type ?? type,
      confidence: 0.9,
      ...(hit ? { gazetteer: hit } : {}),
      wordCount: surface.split(' ').length,
    };
  };

  it('gives places without a QID their table id, and keeps QIDs and other types as they were', () => {
    const text = 'Ferries from Lisbon and Vellmar reached North Tarnland and Brisk, Oskelund said.';
    const classified = [
      mention(text, 'Lisbon', 'LOCATION'),
      mention(text, 'Vellmar', 'LOCATION'),
      mention(text, 'North Tarnland', 'LOCATION'),
      mention(text, 'Brisk', 'LOCATION'),
      mention(text, 'Oskelund', 'ORGANIZATION'),
    ];
    const ids = resolver.resolve(text, classified, []).map((entity) => [entity.text, entity.id]);
    expect(ids).toEqual([
      ['Lisbon', 'Q597'],
      ['Vellmar', 'geonames:101'],
      // A curated place without a QID takes the table's id too.
      ['North Tarnland', 'iso3166-2:ZZ-NT'],
      ['Brisk', 'nf:location:brisk'],
      ['Oskelund', 'nf:organization:oskelund'],
    ]);
  });

  it('gives the curated QID to an entity whose first mention the gazetteer did not back', () => {
    // The first "Donald Trump" reaches the resolver without its gazetteer hit (a caption span the
    // model cut differently, say); the later one has it. Both, and the bare "Trump", share the QID.
    const text = 'Donald Trump (C) speaks.\nOn Friday Donald Trump said Trump would travel.';
    const entities = resolver.resolve(
      text,
      [
        mention(text, 'Donald Trump', 'PERSON', { known: false }),
        mention(text, 'Donald Trump', 'PERSON', { from: 20 }),
        mention(text, 'Trump', 'PERSON', { from: 50, known: false }),
      ],
      [],
    );
    expect(entities.map((entity) => [entity.text, entity.id])).toEqual([
      ['Donald Trump', 'Q22686'],
      ['Donald Trump', 'Q22686'],
      ['Trump', 'Q22686'],
    ]);
  });
});
