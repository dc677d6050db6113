import type { Params, ParamValue } from '../http/params.js';

// An option the library does not know goes to the server as given, so that a parameter a newer
// server takes works before the library knows it. What the library knows is what its code
// reads: the options object is watched while its parameters are built, and whatever was never
// asked for (and is not client-side) is sent beside them.

/** An options object as an endpoint reads it, and what it holds that the endpoint never asked for. */
export interface OptionsReading<T> {
  /** The options to read from: every key read through this object is known. */
  readonly options: T;
  /**
   * The options not read so far, by their own names, leaving out `clientSide` and `undefined`
   * values: what the server gets as given.
   */
  unknown(): Params;
}

function isOptionsObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `options`, seen through a proxy that adds to `read` every key the code reads (`get` or `in`). */
function watch<T extends object>(options: T, read: Set<string | symbol>): T {
  return new Proxy(options, {
    get(target, key, receiver) {
      read.add(key);
      return Reflect.get(target, key, receiver) as unknown;
    },
    has(target, key) {
      read.add(key);
      return Reflect.has(target, key);
    },
  });
}

/** `params` with the options never `read` beside them (not `undefined` ones, nor over a parameter the endpoint set). */
function withUnread(params: Params, options: object, read: ReadonlySet<string | symbol>): Params {
  let merged: Record<string, ParamValue> | undefined;
  for (const [key, value] of Object.entries(options)) {
    if (read.has(key) || value === undefined || (params[key] !== undefined && params[key] !== null)) continue;
    merged ??= { ...params };
    merged[key] = value as ParamValue;
  }
  return merged ?? params;
}

/**
 * Watches which keys of `options` the code that builds a request reads, so that the others can
 * be sent as given. Anything but an object (`undefined`, a string where a call takes either)
 * is handed back as it is, with no unknown options.
 *
 * ## Example
 * ```ts
 * const reading = readOptions({ limit: 5, exclude_quotes: true }, ['to_file']);
 * reading.options.limit;     // 5: `limit` is known now
 * reading.unknown();         // { exclude_quotes: true }
 * ```
 */
export function readOptions<T>(options: T, clientSide: readonly string[] = []): OptionsReading<T> {
  if (!isOptionsObject(options)) return { options, unknown: () => ({}) };
  const read = new Set<string | symbol>(clientSide);
  return { options: watch(options, read) as T, unknown: () => withUnread({}, options, read) };
}

/**
 * `params` with the `unknown` options beside them. A parameter the endpoint set wins over an
 * unknown option of the same name; one it left empty (`undefined` or `null`) takes it.
 *
 * ## Example
 * ```ts
 * withUnknownOptions({ id: '1', limit: undefined }, { limit: 5, id: '2', exclude_quotes: true })
 * // { id: '1', limit: 5, exclude_quotes: true }
 * ```
 */
export function withUnknownOptions(params: Params, unknown: Params): Params {
  return withUnread(params, unknown, new Set());
}

/** What {@link rowParams} needs of a row. */
interface RowWithOptions<A extends unknown[]> {
  readonly params: (...args: A) => Params;
  readonly options?: number;
  readonly clientOptions: readonly string[];
}

/**
 * The wire parameters of a row for `args`: what its `params` builds, and the options it does
 * not know, as given. Argument errors are thrown.
 *
 * ## Example
 * ```ts
 * rowParams(timelineHome.row, [{ limit: 5, exclude_quotes: true }])  // { limit: 5, exclude_quotes: true, … }
 * ```
 */
export function rowParams<A extends unknown[]>(row: RowWithOptions<A>, args: A): Params {
  const index = row.options;
  const options = index === undefined ? undefined : args[index];
  if (!isOptionsObject(options)) return row.params(...args);
  const read = new Set<string | symbol>(row.clientOptions);
  const watched = [...args] as A;
  watched[index!] = watch(options, read);
  return withUnread(row.params(...watched), options, read);
}
