// bench/results.json: one section per benchmark, each a table, so that a new benchmark adds
// its section without touching the others; `bench/report.ts` renders them into the README.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { machine } from './measure.js';

export const RESULTS_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', 'results.json');

export type Cell = string | number | null;

/** One benchmark's results, as a table. */
export interface ResultSection {
  readonly title: string;
  /** What was measured, against which baseline, how many runs. Markdown, one paragraph. */
  readonly description: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
  /** Set by `saveSection`. */
  readonly machine?: string;
  readonly date?: string;
  /** Any figures behind the table (medians, each run), for who wants to check. */
  readonly raw?: unknown;
}

/** Key → section, in the order they are shown. */
export type Results = Record<string, ResultSection>;

export function readResults(): Results {
  try {
    return JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Results;
  } catch {
    return {};
  }
}

/** Writes (or replaces) one section of `bench/results.json`, stamped with the machine and date. */
export function saveSection(key: string, section: ResultSection): void {
  const results = readResults();
  results[key] = { ...section, machine: machine(), date: new Date().toISOString().slice(0, 10) };
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
}

/** A section as a Markdown table. */
export function markdownTable(section: ResultSection): string {
  const line = (cells: readonly Cell[]): string => `| ${cells.map((c) => (c === null ? '—' : String(c))).join(' | ')} |`;
  return [line(section.columns), line(section.columns.map(() => '---')), ...section.rows.map(line)].join('\n');
}
