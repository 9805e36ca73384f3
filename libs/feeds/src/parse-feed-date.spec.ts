import { parseFeedDate } from './parse-feed-date';

describe(parseFeedDate.name, () => {
  it.each([
    // RFC 822 / RFC 1123 (RSS pubDate)
    ['Tue, 10 Jun 2003 04:00:00 GMT', '2003-06-10T04:00:00.000Z'],
    ['Tue, 10 Jun 2003 04:00:00 +0200', '2003-06-10T02:00:00.000Z'],
    ['Tue, 10 Jun 2003 04:00:00 -0130', '2003-06-10T05:30:00.000Z'],
    ['Tue, 10 Jun 2003 04:00:00 EST', '2003-06-10T09:00:00.000Z'],
    ['Tue, 10 Jun 2003 04:00:00 PDT', '2003-06-10T11:00:00.000Z'],
    ['10 Jun 2003 04:00 UT', '2003-06-10T04:00:00.000Z'],
    ['Tuesday, 10 June 2003 04:00:00 GMT', '2003-06-10T04:00:00.000Z'],
    ['Tue, 10 Jun 03 04:00:00 GMT', '2003-06-10T04:00:00.000Z'],
    ['Tue, 10 Jun 2003 04:00:00', '2003-06-10T04:00:00.000Z'],
    ['  Tue,  1 Jul 2003   10:52:37 +0000 ', '2003-07-01T10:52:37.000Z'],
    // RFC 3339 / ISO 8601 (Atom, JSON Feed, dc:date)
    ['2003-12-13T18:30:02Z', '2003-12-13T18:30:02.000Z'],
    ['2003-12-13T18:30:02.25+01:00', '2003-12-13T17:30:02.250Z'],
    ['2003-12-13T18:30-05:00', '2003-12-13T23:30:00.000Z'],
    ['2003-12-13 18:30:02', '2003-12-13T18:30:02.000Z'],
    ['2003-12-13', '2003-12-13T00:00:00.000Z'],
  ])('reads %j as %s', (input, expected) => {
    expect(parseFeedDate(input)).toBe(expected);
  });

  it.each([
    null,
    '',
    'sometime last Tuesday',
    'Item 7',
    '2003-02-30T00:00:00Z',
    '2003-13-01',
    'Tue, 31 Apr 2003 04:00:00 GMT',
    'Tue, 10 Foo 2003 04:00:00 GMT',
    'Tue, 10 Jun 2003 25:00:00 GMT',
    'Tue, 10 Jun 2003 04:00:00 XYZ',
    '2003-12-13T18:30:02+25:00',
  ])('reads broken date %j as null', (input) => {
    expect(parseFeedDate(input)).toBeNull();
  });
});
