import type { ExchangeResult } from './replay.js';
import type { Divergence, DivergenceKind } from './shape.js';

/**
 * A divergence the fake server may have, and why: `newer` for what a newer Mastodon sends (the
 * shape still matches), `limit` for what a fake server does not do (the endpoint then does not
 * count as matching).
 */
export interface AllowedDivergence {
  readonly kind: DivergenceKind;
  /**
   * Where: a bare key (`noindex`) is that key wherever it is; a path (`meta.small`,
   * `[].poll`) is that path at the end of a divergence's path. Left out: anywhere.
   */
  readonly field?: string;
  /** The endpoints it is allowed on (`GET /api/v1/statuses/{id}`); left out: all. */
  readonly endpoints?: readonly string[];
  /** What the real server answered there (an error message, a status), when only that is allowed. */
  readonly real?: string | RegExp;
  readonly because: 'newer' | 'limit';
  readonly reason: string;
}

/** Whether an allow-list entry covers a divergence found on `endpoint`. */
export function allows(entry: AllowedDivergence, endpoint: string, divergence: Divergence): boolean {
  if (entry.kind !== divergence.kind) return false;
  if (entry.endpoints && !entry.endpoints.includes(endpoint)) return false;
  if (typeof entry.real === 'string' && entry.real !== divergence.real) return false;
  if (entry.real instanceof RegExp && !entry.real.test(divergence.real)) return false;
  if (entry.field === undefined) return true;
  const path = divergence.path.replace(/\[\]/g, '.[]');
  const field = entry.field.replace(/\[\]/g, '.[]');
  const bare = !/[.[]/.test(entry.field);
  const last = path.split('.').filter((part) => part !== '[]').pop() ?? '';
  return bare ? last === entry.field : path === field || path.endsWith(field.startsWith('.') ? field : `.${field}`);
}

/** How one endpoint fared. */
export interface EndpointTally {
  readonly endpoint: string;
  readonly answer: 'json' | 'stream' | 'other';
  readonly exchanges: number;
  /** No divergence at all. */
  readonly strict: boolean;
  /** No divergence but fields of newer Mastodon versions. */
  readonly shape: boolean;
  /** Divergences no entry explains, with where they were found. */
  readonly unexplained: readonly (Divergence & { readonly at: string })[];
  /** The reasons of the divergences explained as limits of the fake. */
  readonly limits: readonly string[];
}

/** The result of a fidelity run. */
export interface FidelityTally {
  readonly recordings: number;
  readonly exchanges: number;
  readonly endpoints: readonly EndpointTally[];
  /** Divergences by kind: all found, and those the allow-list explains. */
  readonly byKind: ReadonlyMap<DivergenceKind, { found: number; allowed: number }>;
  /** Allow-list entries that explained nothing. */
  readonly unused: readonly AllowedDivergence[];
}

/** Sums up replay results against an allow-list. */
export function tallyResults(results: readonly ExchangeResult[], allowed: readonly AllowedDivergence[]): FidelityTally {
  const used = new Set<AllowedDivergence>();
  const byEndpoint = new Map<string, ExchangeResult[]>();
  for (const result of results) byEndpoint.set(result.endpoint, [...byEndpoint.get(result.endpoint) ?? [], result]);
  const byKind = new Map<DivergenceKind, { found: number; allowed: number }>();
  const endpoints: EndpointTally[] = [];
  for (const [endpoint, exchanges] of [...byEndpoint].sort(([a], [b]) => a.localeCompare(b))) {
    const unexplained: (Divergence & { at: string })[] = [];
    const limits = new Set<string>();
    let newer = 0;
    for (const exchange of exchanges) {
      for (const divergence of exchange.divergences) {
        const count = byKind.get(divergence.kind) ?? { found: 0, allowed: 0 };
        byKind.set(divergence.kind, count);
        count.found += 1;
        const entry = allowed.find((candidate) => allows(candidate, endpoint, divergence));
        if (!entry) {
          unexplained.push({ ...divergence, at: `${exchange.recording} #${exchange.index}` });
          continue;
        }
        used.add(entry);
        count.allowed += 1;
        if (entry.because === 'limit') limits.add(entry.reason);
        else newer += 1;
      }
    }
    const answer = exchanges.some((e) => e.answer === 'json') ? 'json' : exchanges.some((e) => e.answer === 'stream') ? 'stream' : 'other';
    const clean = unexplained.length === 0 && limits.size === 0;
    endpoints.push({ endpoint, answer, exchanges: exchanges.length, strict: clean && newer === 0, shape: clean, unexplained, limits: [...limits] });
  }
  return {
    recordings: new Set(results.map((r) => r.recording)).size,
    exchanges: results.length,
    endpoints,
    byKind,
    unused: allowed.filter((entry) => !used.has(entry)),
  };
}

/** The tally as text: what was compared, what matched, the divergences by kind, and every one unexplained. */
export function formatTally(tally: FidelityTally): string {
  const of = (answer: EndpointTally['answer']): EndpointTally[] => tally.endpoints.filter((e) => e.answer === answer);
  const json = of('json');
  const lines = [
    `Fidelity to Mastodon 4.0.2: ${tally.exchanges} recorded exchanges in ${tally.recordings} recordings replayed against FakeMastodon`,
    `  endpoints compared: ${json.length} with JSON answers, ${of('stream').length} event streams, ${of('other').length} other`,
    `  JSON endpoints matching in shape: ${json.filter((e) => e.shape).length} of ${json.length}`
      + ` (strictly: ${json.filter((e) => e.strict).length}; with fields of newer versions: ${json.filter((e) => e.shape && !e.strict).length})`,
    `  event streams matching in shape: ${of('stream').filter((e) => e.shape).length} of ${of('stream').length};`
      + ` other answers matching: ${of('other').filter((e) => e.shape).length} of ${of('other').length}`,
    `  divergences by kind: ${[...tally.byKind].map(([kind, { found, allowed }]) => `${kind} ${found} (${allowed} allowed)`).join(', ') || 'none'}`,
  ];
  const limited = tally.endpoints.filter((e) => e.unexplained.length === 0 && e.limits.length > 0);
  if (limited.length > 0) {
    lines.push(`  with known limits of the fake (${limited.length}):`);
    for (const e of limited) lines.push(`    ${e.endpoint}: ${e.limits.join(' ')}`);
  }
  const failing = tally.endpoints.filter((e) => e.unexplained.length > 0);
  lines.push(`  with unexplained divergences: ${failing.length}`);
  for (const e of failing) {
    lines.push(`    ${e.endpoint}`);
    const seen = new Set<string>();
    for (const d of e.unexplained) {
      if (seen.has(describe(d))) continue;
      seen.add(describe(d));
      lines.push(`      ${describe(d)}   (${d.at})`);
    }
  }
  for (const entry of tally.unused) lines.push(`  allow-list entry that matches nothing: ${entry.kind} ${entry.field ?? ''} (${entry.reason})`);
  return lines.join('\n');
}

function describe(d: Divergence): string {
  return `${d.kind} ${d.path || '(body)'}: real ${d.real}, fake ${d.fake}`;
}
