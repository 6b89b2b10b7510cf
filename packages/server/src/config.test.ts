import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('configuration from the environment', () => {
  it('defaults to the embedded database in ./data with the demo borough', () => {
    const config = loadConfig({});
    expect(config.database).toMatchObject({ kind: 'pglite' });
    expect(config.database.kind === 'pglite' && config.database.dataDir).toMatch(/\/data$/);
    expect(config.loadDemo).toBe(true);
    expect(config.port).toBe(3000);
    expect(config.serverTiming).toBe(false);
  });

  it('never loads the demo into a server database unless asked', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://kith@db.example/kith' }).loadDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://kith@db.example/kith', KITH_DEMO: '1' }).loadDemo).toBe(true);
  });

  it('stops at start with the variable named when a value is bad', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ KITH_DEMO: 'maybe' })).toThrow(/KITH_DEMO/);
    expect(() => loadConfig({ KITH_SERVER_TIMING: 'yes' })).toThrow(/KITH_SERVER_TIMING/);
  });

  it('answers with one process unless told to use more, and more only on a PostgreSQL server', () => {
    const server = 'postgres://kith@db.example/kith';
    expect(loadConfig({}).workers).toBe(1);
    expect(loadConfig({ DATABASE_URL: server, KITH_WORKERS: '3' }).workers).toBe(3);
    expect(loadConfig({ DATABASE_URL: server, KITH_WORKERS: 'auto' }).workers).toBeGreaterThanOrEqual(1);
    expect(() => loadConfig({ KITH_WORKERS: '2' })).toThrow(/KITH_WORKERS: More than one worker needs DATABASE_URL/);
    expect(() => loadConfig({ DATABASE_URL: server, KITH_WORKERS: 'many' })).toThrow(/KITH_WORKERS/);
  });
});
