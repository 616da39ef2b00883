/**
 * Tells the shared vector files apart by their top-level keys, so one CLI can run
 * either: the instrument file (instruments.md) has `vectors` and/or
 * `responseRemissionVectors`, the PK file (pk.md) has `results` and/or `models`.
 */
export type VectorFormat = 'instruments' | 'pk';

/** The format of a parsed vector document, or null when it is neither (or ambiguous). */
export function detectVectorFormat(doc: unknown): VectorFormat | null {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return null;
  const has = (key: string): boolean => Object.hasOwn(doc, key);
  const instruments = has('vectors') || has('responseRemissionVectors');
  const pk = has('results') || has('models');
  if (instruments === pk) return null;
  return instruments ? 'instruments' : 'pk';
}
