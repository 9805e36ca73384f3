export interface OutboundPolicy {
  /** Host names, IPs or CIDRs exempt from the private-address guard (`NEWSFLOW_OUTBOUND_ALLOWLIST`). */
  allowlist: string[];
}
