export { isBlockedAddress, parseAllowlist } from './address-guard';
export { checkUrl } from './check-url';
export { OutboundClient, type FetchOptions, type FetchResult } from './outbound-client';
export { OutboundError, type OutboundErrorCode } from './outbound-error';
export type { OutboundPolicy } from './outbound-policy';
