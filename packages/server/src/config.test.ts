import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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

describe('security configuration', () => {
  it('defaults to plain HTTP on the LAN with the default limits and no extra origins', () => {
    const config = loadConfig({ GLIA_DATA_DIR: dataDir() });
    expect(config.tls).toBeNull();
    expect(config.security).toEqual({ tls: false, trustProxy: false, allowedOrigins: [], apiRequestsPerMinute: 1200, loginAttemptsPerMinute: 30 });
  });

  it('reads TLS files, the proxy, origins and limits', () => {
    const dir = dataDir();
    const cert = path.join(dir, 'cert.pem');
    const key = path.join(dir, 'key.pem');
    writeFileSync(cert, 'x');
    writeFileSync(key, 'y');
    const config = loadConfig({ GLIA_DATA_DIR: dir, GLIA_TLS_CERT: cert, GLIA_TLS_KEY: key, GLIA_TRUST_PROXY: '10.0.0.1', GLIA_ALLOWED_ORIGINS: 'http://localhost:5173, https://glia.clinic.lan', GLIA_LOGIN_RATE_LIMIT_PER_MINUTE: '10' });
    expect(config.tls).toEqual({ cert, key });
    expect(config.security).toMatchObject({ tls: true, trustProxy: '10.0.0.1', allowedOrigins: ['http://localhost:5173', 'https://glia.clinic.lan'], loginAttemptsPerMinute: 10 });
    expect(loadConfig({ GLIA_DATA_DIR: dir, GLIA_HTTPS_PROXY: '1' }).security.tls).toBe(true);
  });

  it('refuses half a TLS pair, a missing file and a malformed origin, naming the variable', () => {
    expect(() => loadConfig({ GLIA_DATA_DIR: dataDir(), GLIA_TLS_CERT: '/nope.pem' })).toThrow(/GLIA_TLS_CERT, GLIA_TLS_KEY/);
    expect(() => loadConfig({ GLIA_DATA_DIR: dataDir(), GLIA_TLS_CERT: '/nope.pem', GLIA_TLS_KEY: '/nope.key' })).toThrow(/GLIA_TLS_CERT: file/);
    expect(() => loadConfig({ GLIA_DATA_DIR: dataDir(), GLIA_ALLOWED_ORIGINS: 'evil.example/path' })).toThrow(ConfigError);
    expect(() => loadConfig({ GLIA_DATA_DIR: dataDir(), GLIA_ALLOWED_ORIGINS: 'evil.example/path' })).toThrow(/GLIA_ALLOWED_ORIGINS/);
  });
});
