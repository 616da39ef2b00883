/**
 * Runs a shared vector file through the clinical library:
 *   npm run -s vectors -- <file.json>
 * Prints every failing case with its expected and actual values, then exactly
 * `N passed, M failed` as the last line. Exit code 0 when nothing failed, 1 when
 * a case failed, 2 when the file cannot be read or its format is not recognised.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CaseResult } from '../src/vectors/case-result.ts';
import { detectVectorFormat } from '../src/vectors/detect.ts';
import { checkPkVectors } from '../src/vectors/pk-vectors.ts';

const USAGE = 'usage: npm run -s vectors -- <file.json>';

function fail(message: string): void {
  console.error(message);
  process.exitCode = 2;
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

async function main(argv: readonly string[]): Promise<void> {
  const arg = argv[0];
  if (arg === undefined || argv.length > 1) return fail(USAGE);
  const path = resolve(process.cwd(), arg);
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    return fail(`Cannot read ${path} as JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const format = detectVectorFormat(doc);
  let results: CaseResult[];
  switch (format) {
    case 'pk':
      results = checkPkVectors(doc);
      break;
    case 'instruments': {
      // Loaded only for instrument files, so the PK path never depends on it.
      let checkInstrumentVectors: (doc: unknown) => CaseResult[];
      try {
        ({ checkInstrumentVectors } = await import('../src/vectors/instrument-vectors.ts'));
      } catch (e) {
        return fail(`The instrument vector checker could not be loaded: ${e instanceof Error ? e.message : String(e)}`);
      }
      results = checkInstrumentVectors(doc);
      break;
    }
    case null:
      return fail(`Unknown vector format in ${path}: expected an instrument file (vectors / responseRemissionVectors) or a PK file (results / models).`);
  }
  let failed = 0;
  for (const r of results) {
    if (r.passed) continue;
    failed++;
    const parts = [`FAIL ${r.id}`];
    if ('expected' in r) parts.push(`expected ${show(r.expected)}`);
    if ('actual' in r) parts.push(`actual ${show(r.actual)}`);
    if (r.detail !== undefined) parts.push(`(${r.detail})`);
    console.log(parts.join('  '));
  }
  console.log(`${results.length - failed} passed, ${failed} failed`);
  process.exitCode = failed === 0 ? 0 : 1;
}

try {
  await main(process.argv.slice(2));
} catch (e) {
  fail(`Vector check crashed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
}
