import { SeenEntities, countSeenEntity, type TypeCounts } from './seen-entities';

function table(names: [string[], number][]): Map<string, TypeCounts> {
  const counts = new Map<string, TypeCounts>();
  for (const [words, type] of names) countSeenEntity(counts, words, type);
  return counts;
}

describe('SeenEntities', () => {
  const seen = new SeenEntities(
    table([
      [['Liberal', 'Party'], 1],
      [['Liberal', 'Party'], 1],
      [['Liberal'], 3],
      [['Jordan'], 0],
      [['Jordan'], 2],
      [['Jordan'], 2],
    ]),
  );

  it('finds the longest known name at a position, case-insensitively', () => {
    expect(seen.match(['the', 'liberal', 'party', 'won'], 1)).toEqual({ length: 2, counts: [0, 2, 0, 0] });
    expect(seen.match(['liberal', 'voters'], 0)).toEqual({ length: 1, counts: [0, 0, 0, 1] });
    expect(seen.match(['conservative', 'party'], 0)).toBeUndefined();
  });

  it("leaves a training document's own names out, falling back to a shorter name", () => {
    const own = table([
      [['Liberal', 'Party'], 1],
      [['Liberal', 'Party'], 1],
    ]);
    expect(seen.match(['liberal', 'party'], 0, own)).toEqual({ length: 1, counts: [0, 0, 0, 1] });
    expect(seen.match(['jordan'], 0, table([[['Jordan'], 2]]))).toEqual({ length: 1, counts: [1, 0, 1, 0] });
  });

  it('survives a round trip through its file', () => {
    const read = SeenEntities.parse(seen.serialize('test'));
    expect(read.size).toBe(seen.size);
    expect(read.match(['jordan'], 0)).toEqual({ length: 1, counts: [1, 0, 2, 0] });
  });
});
