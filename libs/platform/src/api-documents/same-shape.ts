/** True when A and B are each assignable to the other. */
export type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * A compile-time check, for responses typed by a TypeScript interface rather than a TypeBox schema:
 * `assertSameShape<SameShape<Static<typeof FeedViewSchema>, FeedView>>()` stops `tsc` when the
 * interface and its documented schema drift apart. It does nothing at run time.
 */
export function assertSameShape<Check extends true>(): Check | undefined {
  return undefined;
}
