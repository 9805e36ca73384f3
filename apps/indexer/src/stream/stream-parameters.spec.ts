import { filterFromQuery, parseLastEventId } from './stream.controller';

describe(filterFromQuery.name, () => {
  it('reads repeated and comma-separated values as one list, and the query once', () => {
    expect(
      filterFromQuery({
        entities: ['Q64', 'nf:person:ilse-keeper'],
        languages: 'en, fr',
        types: 'killed',
        query: '"lock gates" -flood',
      }),
    ).toEqual({
      filter: {
        entities: ['Q64', 'nf:person:ilse-keeper'],
        languages: ['en', 'fr'],
        types: ['killed'],
        query: '"lock gates" -flood',
      },
      errors: [],
    });
  });

  it('answers an empty filter (everything) for no parameters, and names what is wrong', () => {
    expect(filterFromQuery({})).toEqual({ filter: {}, errors: [] });
    const { errors } = filterFromQuery({ query: ['a', 'b'], types: 'PERSON,weekly', colour: 'red' });
    expect(errors.map((e) => e.path).sort()).toEqual(['/colour', '/query', '/types/1']);
  });
});

describe(parseLastEventId.name, () => {
  it('takes the query parameter over the header, and refuses what this stream never sent', () => {
    expect(parseLastEventId('17', undefined)).toBe(17);
    expect(parseLastEventId('17', '20')).toBe(20);
    expect(parseLastEventId(undefined, undefined)).toBeUndefined();
    expect(parseLastEventId('-3', undefined)).toMatchObject({ path: '/lastEventId' });
    expect(parseLastEventId(undefined, ['1', '2'])).toMatchObject({ path: '/lastEventId' });
  });
});
