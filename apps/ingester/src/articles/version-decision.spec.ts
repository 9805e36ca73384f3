import { decideVersion, type IncomingVersion, type StoredVersion } from './version-decision';

const stored = (overrides: Partial<StoredVersion> = {}): StoredVersion => ({
  version: 3,
  contentHash: 'h1',
  pubStatus: 'usable',
  versionCreated: new Date('2026-11-27T10:00:00Z'),
  ...overrides,
});
const incoming = (overrides: Partial<IncomingVersion> = {}): IncomingVersion => ({
  contentHash: 'h1',
  pubStatus: 'usable',
  versionCreated: new Date('2026-11-27T10:00:00Z'),
  versionCreatedDeclared: true,
  ...overrides,
});

describe(decideVersion.name, () => {
  it('accepts a new article as version 1', () => {
    expect(decideVersion(undefined, incoming())).toEqual({ status: 'accepted', version: 1 });
    expect(decideVersion(stored({ version: 0 }), incoming())).toEqual({ status: 'accepted', version: 1 });
  });

  it('calls the same content a duplicate and keeps the version', () => {
    expect(decideVersion(stored(), incoming())).toMatchObject({ status: 'duplicate', version: 3 });
  });

  it('numbers changed content as the next version', () => {
    expect(decideVersion(stored(), incoming({ contentHash: 'h2' }))).toEqual({
      status: 'updated',
      version: 4,
    });
  });

  it('kills once, then treats a repeated kill as a duplicate', () => {
    expect(decideVersion(stored(), incoming({ pubStatus: 'canceled' }))).toEqual({
      status: 'killed',
      version: 4,
    });
    expect(
      decideVersion(stored({ pubStatus: 'canceled' }), incoming({ pubStatus: 'canceled' })),
    ).toMatchObject({
      status: 'duplicate',
      version: 3,
    });
  });

  it('never lets an older version replace a newer one', () => {
    const late = incoming({ contentHash: 'old', versionCreated: new Date('2026-11-27T09:00:00Z') });
    expect(decideVersion(stored(), late)).toEqual({
      status: 'duplicate',
      version: 3,
      reason: 'older than the stored version',
    });
  });

  it('does not judge age by the time the ingester filled in when versioncreated was left out', () => {
    const undeclared = incoming({
      contentHash: 'h2',
      versionCreated: new Date('2026-11-27T09:00:00Z'),
      versionCreatedDeclared: false,
    });
    expect(decideVersion(stored(), undeclared)).toEqual({ status: 'updated', version: 4 });
  });

  it('treats a status change with the same text (withheld → usable) as a new version', () => {
    expect(decideVersion(stored({ pubStatus: 'withheld' }), incoming())).toEqual({
      status: 'updated',
      version: 4,
    });
  });
});
