export { canonicalUrl, UnparseableUrlError } from './canonical-url';
export {
  BandScheme,
  DEFAULT_FINGERPRINT_OPTIONS,
  Fingerprint,
  fingerprintOf,
  FingerprintOptions,
  fingerprintWith,
  hammingDistance,
  isNearDuplicate,
  NEAR_DUPLICATE_MAX_DISTANCE,
  sharesBand,
  similarity,
} from './near-duplicate';
