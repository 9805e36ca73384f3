import { createDefaultGazetteer } from '../gazetteer/gazetteer';
import { PlaceTable } from '../model/places';
import type { EntityType } from '../tagger.types';
import { DocumentResolver } from './document-resolver';
import type { ClassifiedSegment } from './segment-classifier';

// The resolver on hand-made mentions, so a case the shipped model happens not to produce today
// stays covered.

const gazetteer = createDefaultGazetteer();

function mention(
  text: string,
  surface: string,
  from: number,
  type: EntityType,
  known: boolean,
): ClassifiedSegment {
  const start = text.indexOf(surface, from);
  const hit = known ? gazetteer.lookup(surface) : undefined;
  return {
    segment: {
      tokens: [],
      start,
      end: start + surface.length,
      afterTitle: false,
      atSentenceStart: false,
      inHeadline: false,
      previous: undefined,
      following: undefined,
    },
    surface,
    type,
    confidence: 0.9,
    ...(hit !== undefined ? { gazetteer: hit } : {}),
    wordCount: surface.split(' ').length,
  };
}

describe('DocumentResolver', () => {
  const resolver = new DocumentResolver(gazetteer, PlaceTable.empty());

  it('gives the curated QID to an entity whose first mention the gazetteer did not back', () => {
    // The first "Donald Trump" reaches the resolver without its gazetteer hit (a caption span the
    // model cut differently, say); the later one has it. Both, and the bare "Trump", share the QID.
    const text = 'Donald Trump (C) speaks.\nOn Friday Donald Trump said Trump would travel.';
    const entities = resolver.resolve(
      text,
      [
        mention(text, 'Donald Trump', 0, 'PERSON', false),
        mention(text, 'Donald Trump', 20, 'PERSON', true),
        mention(text, 'Trump', 50, 'PERSON', false),
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
