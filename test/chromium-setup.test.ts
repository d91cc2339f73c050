import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type ChromiumHost, ensureChromium, runIncludesBrowserTests } from './browser/chromium.ts';

/**
 * `npm test` on a fresh machine (issue #15): the browser tests' chromium is installed from Debian when
 * the user may install packages, otherwise the run stops with the exact command — never a stack trace.
 */
function host(overrides: Partial<ChromiumHost> & { sudoWorks?: boolean; installWorks?: boolean } = {}) {
  const { sudoWorks = false, installWorks = true, ...rest } = overrides;
  const commands: string[] = [];
  let installed = false;
  const fake: ChromiumHost = {
    configuredPath: undefined,
    isExecutable: () => installed,
    isRoot: true,
    hasCommand: () => true,
    run: (command, args) => {
      commands.push([command, ...args].join(' '));
      if (command === 'sudo' && args.join(' ') === '-n true') return sudoWorks;
      if (args.includes('install') && installWorks) installed = true;
      return installWorks;
    },
    ...rest,
  };
  return { fake, commands };
}

describe('the browser tests’ chromium', () => {
  it('is used as it is when present', () => {
    const { fake, commands } = host({ isExecutable: () => true });
    expect(ensureChromium(fake)).toEqual({ ok: true, path: '/usr/bin/chromium', installed: false });
    expect(commands).toEqual([]);
  });

  it('missing, as root with apt-get: installed from Debian as .ci/run does', () => {
    const { fake, commands } = host();
    expect(ensureChromium(fake)).toEqual({ ok: true, path: '/usr/bin/chromium', installed: true });
    expect(commands).toEqual(['apt-get update -qq', 'apt-get install -y -qq chromium']);
  });

  it('missing, a user with sudo without a password: installed through sudo', () => {
    const { fake, commands } = host({ isRoot: false, sudoWorks: true });
    expect(ensureChromium(fake)).toMatchObject({ ok: true, installed: true });
    expect(commands).toEqual([
      'sudo -n true',
      'sudo -n env DEBIAN_FRONTEND=noninteractive apt-get update -qq',
      'sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium',
    ]);
  });

  it('missing, and the user may not install packages: the exact command, nothing installed', () => {
    const { fake, commands } = host({ isRoot: false });
    const check = ensureChromium(fake);
    expect(check.ok).toBe(false);
    expect(check.ok ? '' : check.message).toContain(
      'sudo apt-get update && sudo apt-get install -y chromium',
    );
    expect(commands).toEqual(['sudo -n true']);
  });

  it('missing and the install fails (no network): the exact command', () => {
    const { fake } = host({ installWorks: false });
    const check = ensureChromium(fake);
    expect(check.ok).toBe(false);
    expect(check.ok ? '' : check.message).toContain('    apt-get update && apt-get install -y chromium');
  });

  it('CHROMIUM_PATH set but wrong: never replaced by an install', () => {
    const { fake, commands } = host({ configuredPath: '/opt/chromium/chrome' });
    const check = ensureChromium(fake);
    expect(check.ok ? '' : check.message).toContain(
      'CHROMIUM_PATH=/opt/chromium/chrome is not an executable',
    );
    expect(commands).toEqual([]);
  });

  it('only a run that includes a browser test needs it', () => {
    const dir = fileURLToPath(new URL('./browser/', import.meta.url));
    expect(runIncludesBrowserTests(undefined, dir)).toBe(true);
    expect(runIncludesBrowserTests(['test/cli.test.ts'], dir)).toBe(false);
    expect(runIncludesBrowserTests(['shell.browser'], dir)).toBe(true);
    expect(runIncludesBrowserTests(['test/browser'], dir)).toBe(true);
  });

  it('npm test’s global setup stops a browser run with the message and no stack trace', async () => {
    const script =
      "const { default: setup } = await import('./test/browser/global-setup.ts');" +
      "setup({ vitest: { filenamePattern: ['test/browser/shell.browser.test.ts'] } });";
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', '--input-type=module', '-e', script],
        {
          cwd: fileURLToPath(new URL('..', import.meta.url)),
          env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' },
        },
        (error, _stdout, stderr) => resolve({ code: error ? (error.code as number) : 0, stderr }),
      );
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'dondoc: CHROMIUM_PATH=/nonexistent/chromium is not an executable browser.',
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
