/** How an answer of the fake server can differ from the recorded real one. */
export type DivergenceKind =
  /** The HTTP status differs. */
  | 'status'
  /** One answer is JSON, the other is not (or is empty). */
  | 'body'
  /** The real server sends a key the fake does not. */
  | 'missing-key'
  /** The fake sends a key the real server did not. */
  | 'extra-key'
  /** One side is null where the other has a value. */
  | 'null'
  /** The values have different JSON types, or strings of different formats (a date, a datetime). */
  | 'type'
  /**
   * A list had items on the real server and none on the fake, so its items could not be compared
   * (an empty real list says nothing about shapes, whatever the fake lists); for event streams,
   * the events differ.
   */
  | 'items'
  /** The error message of an error answer differs. */
  | 'error'
  /** The `Link` header has other relations (`next`, `prev`), or is there on one side only. */
  | 'link'
  /** `X-RateLimit-Limit` differs. */
  | 'rate-limit';

/** One difference between a recorded answer and the fake's. */
export interface Divergence {
  readonly kind: DivergenceKind;
  /**
   * Where: a path into the JSON body with `[]` for list items (`media_attachments[].meta.small`,
   * `''` for the body itself), or the header's name.
   */
  readonly path: string;
  /** What the real server answered there, in short. */
  readonly real: string;
  /** What the fake answered there, in short. */
  readonly fake: string;
}

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The JSON type of a value, strings told apart by format: `datetime`, `date` or `string`. */
export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'string') return DATETIME.test(value) ? 'datetime' : DATE.test(value) ? 'date' : 'string';
  return typeof value;
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/** Pairs the items of two lists: by id where the real item's id maps to a fake item's, else by position. */
export type ItemPairing = (real: readonly unknown[], fake: readonly unknown[]) => [unknown, unknown][];

/** Pairs list items by position. */
export const byPosition: ItemPairing = (real, fake) => real.slice(0, fake.length).map((item, i) => [item, fake[i]]);

/**
 * Compares two JSON values shape by shape: keys, types (strings by format) and null-ness, down
 * through objects and list items. Values themselves (texts, numbers, ids) are not compared.
 *
 * ## Example
 * ```ts
 * compareShapes({ id: '1', card: null }, { id: '2', card: { url: 'x' } });
 * // [{ kind: 'null', path: 'card', real: 'null', fake: 'object' }]
 * ```
 */
export function compareShapes(real: unknown, fake: unknown, pair: ItemPairing = byPosition, path = ''): Divergence[] {
  const realType = typeName(real);
  const fakeType = typeName(fake);
  if (realType !== fakeType) {
    const kind = realType === 'null' || fakeType === 'null' ? 'null' : 'type';
    return [{ kind, path, real: realType, fake: fakeType }];
  }
  if (Array.isArray(real) && Array.isArray(fake)) {
    if (real.length > 0 && fake.length === 0) return [{ kind: 'items', path, real: `${real.length} items`, fake: 'none' }];
    const seen = new Set<string>();
    const out: Divergence[] = [];
    for (const [r, f] of pair(real, fake)) {
      for (const divergence of compareShapes(r, f, pair, `${path}[]`)) {
        const key = `${divergence.kind} ${divergence.path} ${divergence.real} ${divergence.fake}`;
        if (!seen.has(key)) out.push(divergence);
        seen.add(key);
      }
    }
    return out;
  }
  if (realType !== 'object') return [];
  const r = real as Record<string, unknown>;
  const f = fake as Record<string, unknown>;
  const out: Divergence[] = [];
  for (const key of Object.keys(r)) {
    if (!(key in f)) out.push({ kind: 'missing-key', path: join(path, key), real: typeName(r[key]), fake: 'absent' });
    else out.push(...compareShapes(r[key], f[key], pair, join(path, key)));
  }
  for (const key of Object.keys(f)) {
    if (!(key in r)) out.push({ kind: 'extra-key', path: join(path, key), real: 'absent', fake: typeName(f[key]) });
  }
  return out;
}

/** The relation names of a `Link` header, sorted (`['next', 'prev']`); empty when there is none. */
export function linkRelations(header: string | undefined): string[] {
  if (!header) return [];
  return [...header.matchAll(/rel="?([^";,]+)"?/g)].map((m) => m[1]!).sort();
}
