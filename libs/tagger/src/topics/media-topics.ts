/**
 * The 17 top-level subjects of the IPTC Media Topics vocabulary (https://cv.iptc.org/newscodes/mediatopic/),
 * with their qcodes and current English labels. The codes are IPTC's and must never be renumbered:
 * consumers store and filter on them. IPTC renamed two labels in 2023 ("politics" became "politics
 * and government", "religion and belief" became "religion"); the codes stayed the same.
 */
export const MEDIA_TOPICS = [
  { code: 'medtop:01000000', label: 'arts, culture, entertainment and media' },
  { code: 'medtop:02000000', label: 'crime, law and justice' },
  { code: 'medtop:03000000', label: 'disaster, accident and emergency incident' },
  { code: 'medtop:04000000', label: 'economy, business and finance' },
  { code: 'medtop:05000000', label: 'education' },
  { code: 'medtop:06000000', label: 'environment' },
  { code: 'medtop:07000000', label: 'health' },
  { code: 'medtop:08000000', label: 'human interest' },
  { code: 'medtop:09000000', label: 'labour' },
  { code: 'medtop:10000000', label: 'lifestyle and leisure' },
  { code: 'medtop:11000000', label: 'politics and government' },
  { code: 'medtop:12000000', label: 'religion' },
  { code: 'medtop:13000000', label: 'science and technology' },
  { code: 'medtop:14000000', label: 'society' },
  { code: 'medtop:15000000', label: 'sport' },
  { code: 'medtop:16000000', label: 'conflict, war and peace' },
  { code: 'medtop:17000000', label: 'weather' },
] as const;

export type MediaTopicCode = (typeof MEDIA_TOPICS)[number]['code'];

const LABELS: ReadonlyMap<string, string> = new Map(MEDIA_TOPICS.map(({ code, label }) => [code, label]));

/** The English label of a top-level code, or undefined for anything else. */
export function mediaTopicLabel(code: string): string | undefined {
  return LABELS.get(code);
}
