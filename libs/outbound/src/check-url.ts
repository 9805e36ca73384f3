import { assertHostPermitted, compileAllowlist } from './address-guard';
import { OutboundError } from './outbound-error';
import type { OutboundPolicy } from './outbound-policy';

/** Parses a URL Newsflow is asked to fetch; only http and https are ever fetched. */
export function parseOutboundUrl(value: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(value, base);
  } catch (error) {
    throw new OutboundError('invalid_url', `not a valid URL: ${JSON.stringify(value)}`, { cause: error });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new OutboundError(
      'unsupported_scheme',
      `only http and https URLs are fetched, not ${url.protocol}`,
    );
  }
  if (url.username !== '' || url.password !== '') {
    // Credentials in a URL end up in logs and feed state; a source that needs auth passes a header.
    throw new OutboundError('invalid_url', 'URLs with embedded credentials are not accepted');
  }
  return url;
}

/**
 * For a clear 400 when a feed or subscription is registered. Resolving now does not make the URL safe
 * later (DNS can change): the client's connect-time guard still checks every connection.
 */
export async function checkUrl(url: string, policy: OutboundPolicy): Promise<void> {
  const parsed = parseOutboundUrl(url);
  await assertHostPermitted(parsed.hostname, compileAllowlist(policy.allowlist));
}
