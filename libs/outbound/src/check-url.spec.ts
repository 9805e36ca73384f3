import { checkUrl } from './check-url';
import { OutboundError } from './outbound-error';

// Only literal addresses and `localhost` (answered from /etc/hosts) are used: no DNS query leaves the host.
describe(checkUrl.name, () => {
  const noAllowlist = { allowlist: [] };

  async function codeOf(promise: Promise<void>): Promise<string> {
    try {
      await promise;
    } catch (error) {
      if (error instanceof OutboundError) return error.code;
      throw error;
    }
    return 'passed';
  }

  it.each([
    ['http://10.0.0.1/feed.xml', 'blocked_address'],
    ['http://169.254.169.254/latest/meta-data/', 'blocked_address'],
    ['http://[::1]/', 'blocked_address'],
    ['http://[::ffff:127.0.0.1]/', 'blocked_address'],
    ['http://localhost:8080/', 'blocked_address'],
    ['http://2130706433/', 'blocked_address'],
    ['ftp://example.com/feed.xml', 'unsupported_scheme'],
    ['file:///etc/passwd', 'unsupported_scheme'],
    ['not a url', 'invalid_url'],
    ['http://user:secret@93.184.215.14/', 'invalid_url'],
    ['https://93.184.215.14/feed.xml', 'passed'],
  ])('%s → %s', async (url, expected) => {
    expect(await codeOf(checkUrl(url, noAllowlist))).toBe(expected);
  });

  it('lets the allowlist name a host or an address', async () => {
    expect(await codeOf(checkUrl('http://localhost:8080/', { allowlist: ['localhost'] }))).toBe('passed');
    expect(await codeOf(checkUrl('http://localhost:8080/', { allowlist: ['127.0.0.1'] }))).toBe('passed');
    expect(await codeOf(checkUrl('http://10.1.2.3/', { allowlist: ['10.0.0.0/8'] }))).toBe('passed');
  });
});
