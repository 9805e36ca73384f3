// 32-bit hashing for feature hashing: FNV-1a over UTF-16 code units and a murmur3 finaliser to mix
// template ids and neighbour hashes together. Deterministic across runs and platforms, which the
// shipped weights depend on: changing anything here invalidates the model file.

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

export function hashString(text: string): number {
  let hash = FNV_OFFSET;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, FNV_PRIME);
  }
  return hash >>> 0;
}

/** Mixes `value` into `seed` (murmur3 fmix32 of their combination). */
export function mix(seed: number, value: number): number {
  let hash = (seed ^ Math.imul(value, 0x9e3779b1)) >>> 0;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}
