import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';

/** Variables set but empty (`DATABASE_URL=` in a unit file, an .env, compose.yaml) mean unset (issue #15). */
describe('an empty variable', () => {
  it('DATABASE_URL= is the embedded database, not an invalid URL', () => {
    const config = loadConfig({ DATABASE_URL: '', DONDOC_DATA_DIR: '/var/lib/dondoc' });
    expect(config.database).toEqual({ kind: 'pglite', dataDir: '/var/lib/dondoc' });
    expect(loadConfig({ DATABASE_URL: 'postgres://dondoc@db:5432/dondoc' }).database).toMatchObject({
      kind: 'postgres',
      url: 'postgres://dondoc@db:5432/dondoc',
    });
    expect(() => loadConfig({ DATABASE_URL: 'not a url' })).toThrow(/- DATABASE_URL: /);
  });

  it('takes the default of any other variable (SMTP_URL=, PORT=, DONDOC_DEMO=)', () => {
    const config = loadConfig({ SMTP_URL: '', PORT: '', DONDOC_DEMO: '', DONDOC_DATA_DIR: '' });
    expect(config.followup.smtpUrl).toBeNull();
    expect(config.port).toBe(8080);
    expect(config.demoOnFirstStart).toBe(false);
    expect(config.database).toEqual({ kind: 'pglite', dataDir: './data' });
  });
});
