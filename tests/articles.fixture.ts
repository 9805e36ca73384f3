// Sample articles written for the tests: invented events, with real, well-known places and bodies
// so that the tagger has something to find.
const PLACES = [
  'Lisbon',
  'Nairobi',
  'Toronto',
  'Osaka',
  'Lima',
  'Oslo',
  'Cairo',
  'Melbourne',
  'Berlin',
  'Madrid',
];
const PEOPLE = ['Maria Okafor', 'Daniel Brandt', 'Aiko Tanaka', 'Samuel Mensah', 'Elena Petrova'];

export function makeArticle(run: string, n: number, edit = '') {
  const place = PLACES[n % PLACES.length];
  const person = PEOPLE[n % PEOPLE.length];
  const surname = person.split(' ')[1];
  return {
    uri: `urn:newsflow:e2e:${run}:${n}`,
    headline: `Harbour authority in ${place} reopens berth ${n}`,
    body_html:
      `<p>${place} — The harbour authority reopened berth ${n} on Tuesday after repairs, ` +
      `said ${person}, who leads the works for the city.</p>` +
      `<p>${surname} said ships from the United Nations World Food Programme would dock first.${edit}</p>`,
    versioncreated: new Date(Date.UTC(2026, 10, 27, 8, 0, n % 60)).toISOString(),
    language: 'en',
  };
}
