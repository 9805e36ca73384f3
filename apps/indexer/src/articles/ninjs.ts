import { type ArticleView } from './articles.schemas';

/** A named thing in ninjs (people, organisations, places, subjects). */
export interface NinjsConcept {
  name: string;
  uri?: string;
  rel?: string;
  literal?: string;
}

/** The part of IPTC ninjs 2.2 Newsflow writes. */
export interface NinjsDocument {
  uri: string;
  type: 'text';
  representationtype: 'full';
  version: string;
  versioncreated: string;
  firstcreated?: string;
  pubstatus: 'usable' | 'withheld' | 'canceled';
  language: string;
  headlines: Array<{ role: string; value: string }>;
  bodies?: Array<{ role: string; contenttype: string; value: string }>;
  by?: string;
  people?: NinjsConcept[];
  organisations?: NinjsConcept[];
  places?: NinjsConcept[];
  subjects?: NinjsConcept[];
  altids: Array<{ role: string; value: string }>;
}

const WIKIDATA_QID = /^Q[1-9][0-9]*$/;
const GEONAMES_ID = /^geonames:([1-9][0-9]*)$/;

/**
 * An entity's identifier as a complete URI: Wikidata's for a QID, GeoNames' own for a GeoNames id
 * (`geonames:2988507` → `https://sws.geonames.org/2988507/`), else a Newsflow URN that keeps the
 * id readable (`nf:person:maria-okafor` → `urn:newsflow:entity:nf:person:maria-okafor`,
 * `iso3166-2:US-TX` → `urn:newsflow:entity:iso3166-2:US-TX`: ISO's registered URNs name its
 * standards, not their code elements); anything outside a URN's characters is percent-encoded.
 */
export function entityUri(id: string): string {
  if (WIKIDATA_QID.test(id)) return `http://www.wikidata.org/entity/${id}`;
  const geonames = GEONAMES_ID.exec(id);
  if (geonames) return `https://sws.geonames.org/${geonames[1]}/`;
  return `urn:newsflow:entity:${id.split(':').map(encodeURIComponent).join(':')}`;
}

export const articleUri = (id: string): string => `urn:newsflow:article:${id}`;

/** `text` is the headline, a blank line, then the body: the body alone is what follows. */
function bodyText(article: Pick<ArticleView, 'headline' | 'text'>): string {
  const prefix = `${article.headline}\n\n`;
  return (article.text.startsWith(prefix) ? article.text.slice(prefix.length) : article.text).trim();
}

const conceptOf = (entity: ArticleView['entities'][number], rel?: string): NinjsConcept => ({
  name: entity.name,
  uri: entityUri(entity.id),
  ...(rel ? { rel } : {}),
});

/**
 * An article's latest version as IPTC ninjs 2.2. Its `uri` is Newsflow's (stable, one per article);
 * the publisher's uri, the source and the near-duplicate cluster are alternative ids. People,
 * organisations and places are the tagged entities; other entities and the topics are subjects.
 */
export function toNinjs(article: ArticleView): NinjsDocument {
  const body = bodyText(article);
  const bodies: NonNullable<NinjsDocument['bodies']> = [];
  if (body) bodies.push({ role: 'main', contenttype: 'text/plain', value: body });
  if (article.bodyHtml) bodies.push({ role: 'main', contenttype: 'text/html', value: article.bodyHtml });
  const ofType = (type: string) => article.entities.filter((entity) => entity.type === type);
  const people = ofType('PERSON').map((e) => conceptOf(e));
  const organisations = ofType('ORGANIZATION').map((e) => conceptOf(e));
  const places = ofType('LOCATION').map((e) => conceptOf(e));
  const subjects = [
    ...article.topics.map((topic): NinjsConcept => ({ name: topic, rel: 'topic' })),
    ...ofType('MISC').map((e) => conceptOf(e, 'mentioned')),
  ];
  return {
    uri: articleUri(article.id),
    type: 'text',
    representationtype: 'full',
    version: String(article.version),
    versioncreated: article.versionCreated,
    ...(article.firstCreated ? { firstcreated: article.firstCreated } : {}),
    pubstatus: article.pubStatus,
    language: article.language,
    headlines: [{ role: 'main', value: article.headline }],
    ...(bodies.length > 0 ? { bodies } : {}),
    ...(article.byline ? { by: article.byline } : {}),
    ...(people.length > 0 ? { people } : {}),
    ...(organisations.length > 0 ? { organisations } : {}),
    ...(places.length > 0 ? { places } : {}),
    ...(subjects.length > 0 ? { subjects } : {}),
    altids: [
      { role: 'newsflow-article-id', value: article.id },
      { role: 'publisher-uri', value: article.uri },
      { role: 'newsflow-source', value: article.sourceId },
      ...(article.clusterId ? [{ role: 'newsflow-cluster', value: article.clusterId }] : []),
    ],
  };
}
