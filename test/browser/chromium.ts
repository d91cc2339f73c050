import { accessSync, constants, readdirSync } from 'node:fs';
import { type AptHost, aptGet, realAptHost } from '../apt-host.ts';

/**
 * The browser tests drive Debian's chromium (/usr/bin/chromium, or CHROMIUM_PATH); no browser is ever
 * downloaded. On a fresh machine `npm test` installs it the way .ci/run does when it may (root, or
 * sudo without a password, and apt-get); otherwise it says exactly what to run and stops the run.
 */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export interface ChromiumHost extends AptHost {
  /** CHROMIUM_PATH when set: the user's own browser, never replaced by an install */
  configuredPath: string | undefined;
  isExecutable(path: string): boolean;
}

export type ChromiumCheck = { ok: true; path: string; installed: boolean } | { ok: false; message: string };

export function ensureChromium(host: ChromiumHost = realHost()): ChromiumCheck {
  const path = host.configuredPath ?? DEBIAN_CHROMIUM;
  if (host.isExecutable(path)) return { ok: true, path, installed: false };
  if (host.configuredPath !== undefined) {
    return {
      ok: false,
      message:
        `dondoc: CHROMIUM_PATH=${path} is not an executable browser.\n` +
        `Point CHROMIUM_PATH at chromium, or unset it to use Debian's (${DEBIAN_CHROMIUM}).`,
    };
  }
  const apt = aptGet(host);
  if (apt) {
    console.error(
      "dondoc: the browser tests need chromium: installing Debian's (apt-get install -y chromium)…",
    );
    apt(['update', '-qq']); // a stale index only fails the install below, which says so
    if (apt(['install', '-y', '-qq', 'chromium']) && host.isExecutable(path))
      return { ok: true, path, installed: true };
  }
  return {
    ok: false,
    message:
      `dondoc: the browser tests (test/browser) need Debian's chromium at ${path}, which is missing.\n` +
      'Install it, then run npm test again:\n\n' +
      `    ${host.isRoot ? '' : 'sudo '}apt-get update && ${host.isRoot ? '' : 'sudo '}apt-get install -y chromium\n\n` +
      '(or set CHROMIUM_PATH to another chromium; no browser is ever downloaded)',
  };
}

function realHost(): ChromiumHost {
  return {
    configuredPath: process.env.CHROMIUM_PATH || undefined,
    isExecutable: (path) => {
      try {
        accessSync(path, constants.X_OK);
        return true;
      } catch {
        return false;
      }
    },
    ...realAptHost(),
  };
}

/** Whether this run includes a browser test: vitest's file filters (none: every file). */
export function runIncludesBrowserTests(filters: readonly string[] | undefined, browserDir: string): boolean {
  if (!filters || filters.length === 0) return true;
  const files = readdirSync(browserDir)
    .filter((name) => name.endsWith('.browser.test.ts'))
    .map((name) => `test/browser/${name}`);
  return files.some((file) => filters.some((filter) => file.includes(filter) || filter.includes(file)));
}
