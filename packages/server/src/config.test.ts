import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const dataDir = (): string => mkdtempSync(path.join(tmpdir(), 'glia-config-'));

describe('configuration', () => {
  it('defaults to the embedded database on 127.0.0.1:3000 with the demo clinic', () => {
    const dir = dataDir();
    const config = loadConfig({ GLIA_DATA_DIR: dir });
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', seedDemo: true, database: { kind: 'pglite', dataDir: path.join(dir, 'pglite') } });
  });

  it('generates a session secret on the embedded database and keeps it in the data folder', () => {
    const dir = dataDir();
    const first = loadConfig({ GLIA_DATA_DIR: dir });
    expect(first.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(path.join(dir, 'session-secret'), 'utf8').trim()).toBe(first.sessionSecret);
    expect(loadConfig({ GLIA_DATA_DIR: dir }).sessionSecret).toBe(first.sessionSecret);
  });

  it('switches to PostgreSQL with DATABASE_URL and seeds the demo only with GLIA_DEMO=1', () => {
    const env = { DATABASE_URL: 'postgres://u@db/glia', GLIA_SESSION_SECRET: 'x'.repeat(40) };
    expect(loadConfig(env)).toMatchObject({ database: { kind: 'postgresql', url: 'postgres://u@db/glia' }, seedDemo: false });
    expect(loadConfig({ ...env, GLIA_DEMO: '1' }).seedDemo).toBe(true);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ GLIA_DATA_DIR: dataDir(), DATABASE_URL: '' }).database.kind).toBe('pglite');
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'postgres://u@db/glia' }, 'GLIA_SESSION_SECRET'],
    [{ GLIA_SESSION_SECRET: 'short' }, 'GLIA_SESSION_SECRET'],
    [{ GLIA_DEMO: 'maybe' }, 'GLIA_DEMO'],
  ])('fails fast on %j naming %s', (env, variable) => {
    expect(() => loadConfig({ GLIA_DATA_DIR: dataDir(), ...env })).toThrowError(ConfigError);
    expect(() => loadConfig({ GLIA_DATA_DIR: dataDir(), ...env })).toThrowError(new RegExp(variable));
  });
});
