import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rk4Concentrations, twoCompartmentConcentrations, type RefSchedule } from '../pk/test/pk-reference.ts';
import { checkPkVectors } from './pk-vectors.ts';

const sharedUrl = new URL('../../../../../shared/spec/pk-vectors.json', import.meta.url);
const extraUrl = new URL('./fixtures/pk-vectors-extra.json', import.meta.url);
const packageDir = fileURLToPath(new URL('../../', import.meta.url));

type Scenario = { schedule_mg_per_min: RefSchedule; plasma_ng_per_ml: Record<string, number> } & Record<string, unknown>;
type PkDoc = { results: Record<string, Record<string, Record<string, Scenario>>> } & Record<string, unknown>;

const load = (url: URL): PkDoc => JSON.parse(readFileSync(url, 'utf8')) as PkDoc;

function runCli(file: string): { code: number | null; lines: string[]; stderr: string } {
  const r = spawnSync(process.execPath, ['scripts/vectors-cli.ts', file], { cwd: packageDir, encoding: 'utf8' });
  return { code: r.status, lines: r.stdout.trim().split('\n'), stderr: r.stderr };
}

function writeTemp(name: string, content: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'glia-pk-')), name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

/** Same per-kg constants as pk.md §1, typed independently of the library. */
const PER_KG: Record<string, { V1: number; k10: number; k12: number; k21: number; k13: number; k31: number }> = {
  domino_1984: { V1: 0.063, k10: 0.438, k12: 0.592, k21: 0.247, k13: 0.59, k31: 0.0146 },
  clements_1981_250: { V1: 1.7522, k10: 0.0109, k12: 0.0186, k21: 0.0137, k13: 0, k31: 0 },
  hijazi_2003: { V1: 1.08, k10: 0.0333, k12: 0.0088, k21: 0.003, k13: 0, k31: 0 },
};

describe('PK vectors', () => {
  it('passes every case of the shared pk-vectors.json, one per model × weight × scenario × sample time', () => {
    const doc = load(sharedUrl);
    const results = checkPkVectors(doc);
    expect(results.filter((r) => !r.passed)).toEqual([]);
    let samples = 0;
    for (const [model, byWeight] of Object.entries(doc.results)) {
      for (const [weight, scenarios] of Object.entries(byWeight)) {
        for (const [name, scenario] of Object.entries(scenarios)) {
          for (const t of Object.keys(scenario.plasma_ng_per_ml)) {
            samples++;
            expect(results.some((r) => r.id === `${model}/${weight}/${name}@t=${t}`)).toBe(true);
          }
        }
      }
    }
    expect(samples).toBeGreaterThanOrEqual(108);
    expect(results.some((r) => r.id === 'domino_1984/70/standard_40min@t=40')).toBe(true);
    expect(results.some((r) => r.id.startsWith('models/domino_1984/70/derived/exponents_per_min_fastest_first'))).toBe(true);
    expect(results.some((r) => r.id.startsWith('checks/rxderived_eigen_check[1]/expected_rates@3sf'))).toBe(true);
  });

  it('holds extra vectors whose values an independent RK4 and the two-compartment closed form reproduce', () => {
    const doc = load(extraUrl);
    let checked = 0;
    for (const [model, byWeight] of Object.entries(doc.results)) {
      const k = PER_KG[model];
      if (k === undefined) throw new Error(`unexpected model ${model}`);
      for (const [weight, scenarios] of Object.entries(byWeight)) {
        const p = { v1L: k.V1 * Number(weight), k10: k.k10, k12: k.k12, k21: k.k21, k13: k.k13, k31: k.k31 };
        for (const scenario of Object.values(scenarios)) {
          const times = Object.keys(scenario.plasma_ng_per_ml).map(Number);
          const reference = k.k13 === 0
            ? twoCompartmentConcentrations(p, scenario.schedule_mg_per_min, times)
            : rk4Concentrations(p, scenario.schedule_mg_per_min, times, 0.005);
          times.forEach((t, i) => {
            const expected = scenario.plasma_ng_per_ml[String(t)] ?? Number.NaN;
            expect(Math.abs((reference[i] ?? Number.NaN) - expected)).toBeLessThanOrEqual(1e-8 * Math.max(expected, 1e-9));
            checked++;
          });
        }
      }
    }
    expect(checked).toBeGreaterThan(250);
    expect(checkPkVectors(doc).filter((r) => !r.passed)).toEqual([]);
  });

  it('fails a case whose expected value is off by more than 1e-6, naming it with expected and actual', () => {
    const doc = load(sharedUrl);
    const series = doc.results['hijazi_2003']?.['100']?.['pause_15_to_25']?.plasma_ng_per_ml ?? {};
    series['60'] = (series['60'] ?? 0) * (1 + 2e-6);
    const failed = checkPkVectors(doc).filter((r) => !r.passed);
    expect(failed.map((r) => r.id)).toEqual(['hijazi_2003/100/pause_15_to_25@t=60']);
    expect(failed[0]?.expected).toBe(series['60']);
    expect(typeof failed[0]?.actual).toBe('number');
  });

  it('computes weights and schedules the file does not list from model id, weight and schedule alone', () => {
    const doc = load(sharedUrl);
    const byWeight = doc.results['domino_1984'] ?? {};
    const scenario = byWeight['70']?.['standard_40min'];
    if (scenario === undefined) throw new Error('fixture missing');
    // A 140 kg patient on twice the 70 kg rate has the same mg/kg exposure, so the same concentrations.
    byWeight['140'] = { standard_40min: { ...scenario, schedule_mg_per_min: [[0, 40, 1.75]], total_dose_mg: 70 } };
    expect(checkPkVectors(doc).filter((r) => !r.passed)).toEqual([]);
    byWeight['140'] = { standard_40min: { ...scenario, schedule_mg_per_min: [[0, 40, 0.875]], total_dose_mg: 35 } };
    expect(checkPkVectors(doc).filter((r) => !r.passed).length).toBeGreaterThan(0);
  });

  it('turns unknown models, unreadable schedules and empty documents into failed cases instead of throwing', () => {
    const doc = load(sharedUrl);
    const copy = structuredClone(doc.results['domino_1984'] ?? {});
    doc.results = { kamp_2020: copy };
    const results = checkPkVectors(doc);
    const samples = results.filter((r) => r.id.startsWith('kamp_2020/') && r.id.includes('@t='));
    expect(samples.length).toBeGreaterThan(0);
    expect(samples.every((r) => !r.passed && /not implemented/.test(r.detail ?? ''))).toBe(true);
    const bad = load(sharedUrl);
    const s = bad.results['hijazi_2003']?.['70']?.['standard_40min'];
    if (s !== undefined) s.schedule_mg_per_min = [[0, 'x', 1]] as unknown as RefSchedule;
    expect(checkPkVectors(bad).filter((r) => !r.passed).every((r) => r.id.startsWith('hijazi_2003/70/standard_40min'))).toBe(true);
    expect(checkPkVectors({ results: {} })).toEqual([{ id: 'results', passed: false, detail: expect.stringContaining('no concentration vectors') }]);
    expect(checkPkVectors('nope')[0]?.passed).toBe(false);
  });
});

describe('vectors CLI', () => {
  it('passes the shared and the extra PK vector files with exit code 0', () => {
    for (const file of [fileURLToPath(sharedUrl), fileURLToPath(extraUrl)]) {
      const r = runCli(file);
      expect(r.lines.at(-1)).toMatch(/^\d+ passed, 0 failed$/);
      expect(r.code).toBe(0);
    }
  });

  it('runs the shared instrument file through the instrument checker, ending with the summary line', () => {
    const r = runCli(fileURLToPath(new URL('../../../../../shared/spec/instrument-vectors.json', import.meta.url)));
    const summary = /^(\d+) passed, (\d+) failed$/.exec(r.lines.at(-1) ?? '');
    expect(summary).not.toBeNull();
    expect(r.code).toBe(summary?.[2] === '0' ? 0 : 1);
  });

  it('prints the failing case and exits 1 for a deliberately wrong file', () => {
    const doc = load(extraUrl);
    const series = doc.results['clements_1981_250']?.['55.5']?.['late_start_slow_100min']?.plasma_ng_per_ml ?? {};
    series['120'] = (series['120'] ?? 0) + 1;
    const r = runCli(writeTemp('wrong.json', doc));
    expect(r.code).toBe(1);
    expect(r.lines.at(-1)).toMatch(/^\d+ passed, 1 failed$/);
    expect(r.lines.some((l) => l.includes('clements_1981_250/55.5/late_start_slow_100min@t=120') && l.includes('expected') && l.includes('actual'))).toBe(true);
  });

  it('exits 2 with a message for an unknown format, an unreadable file or no argument', () => {
    const unknown = runCli(writeTemp('other.json', { hello: 'world' }));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown vector format/);
    const broken = runCli(writeTemp('broken.json', '{ not json'));
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/Cannot read/);
    expect(runCli(join(tmpdir(), 'glia-no-such-file.json')).code).toBe(2);
    const none = spawnSync(process.execPath, ['scripts/vectors-cli.ts'], { cwd: packageDir, encoding: 'utf8' });
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/usage/);
  });
});
