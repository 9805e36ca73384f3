import { createTagger, type Tagger } from '../index';
import { typeOf } from '../testing/entity-lists';

// The shipped model with the curated sports and party lists, on short news sentences written for
// this test (not taken from any data set): a club named after its city, a club's nickname and a
// party with a non-English name come out as organisations, and the places stay places.

describe('sports clubs and parties in tagged news', () => {
  let tagger: Tagger;

  beforeAll(async () => {
    tagger = await createTagger();
  }, 30_000);

  it('reads a team nickname as an organisation and the city as a place', () => {
    const { entities } = tagger.tag('The Falcons beat the Saints 24-17 in Atlanta on Sunday.');
    expect(typeOf(entities, 'Falcons')).toBe('ORGANIZATION');
    expect(typeOf(entities, 'Atlanta')).toBe('LOCATION');
  });

  it('reads a full club name as one organisation, not a place', () => {
    const { entities } = tagger.tag(
      'Bayern Munich signed the midfielder after the Atlanta Falcons and the Toronto Maple Leafs held talks in Toronto.',
    );
    expect(typeOf(entities, 'Bayern Munich')).toBe('ORGANIZATION');
    expect(typeOf(entities, 'Atlanta Falcons')).toBe('ORGANIZATION');
    expect(typeOf(entities, 'Toronto Maple Leafs')).toBe('ORGANIZATION');
    expect(typeOf(entities, 'Toronto')).toBe('LOCATION');
  });

  it('reads parties as organisations next to the people who lead them', () => {
    const { entities } = tagger.tag(
      'Benjamin Netanyahu said Likud would stay in the coalition, while the AfD and Fidesz welcomed the vote in Brussels.',
    );
    expect(typeOf(entities, 'Benjamin Netanyahu')).toBe('PERSON');
    expect(typeOf(entities, 'Likud')).toBe('ORGANIZATION');
    expect(typeOf(entities, 'AfD')).toBe('ORGANIZATION');
    expect(typeOf(entities, 'Fidesz')).toBe('ORGANIZATION');
    expect(typeOf(entities, 'Brussels')).toBe('LOCATION');
    expect(entities.find((entity) => entity.text === 'AfD')?.id).toBe('Q6721203');
  });
});
