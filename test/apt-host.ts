/**
 * What the test setups (test/ocr-engine.ts, test/browser/chromium.ts) ask of this machine to
 * install a missing Debian package: whether we are root, whether a command is on the PATH, and
 * running a command (apt-get) without questions.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface AptHost {
  isRoot: boolean;
  hasCommand(name: string): boolean;
  /** Runs the command, its output shown; true when it succeeded. */
  run(command: string, args: string[]): boolean;
}

export function realAptHost(): AptHost {
  return {
    isRoot: process.getuid?.() === 0,
    hasCommand: (name) =>
      (process.env.PATH ?? '').split(':').some((dir) => dir !== '' && existsSync(`${dir}/${name}`)),
    run: (command, args) =>
      spawnSync(command, args, {
        stdio: ['ignore', 'inherit', 'inherit'],
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      }).status === 0,
  };
}

/**
 * apt-get on this host, through `sudo -n` unless root; null when it may not be run (neither root nor
 * sudo without a password) or is not installed.
 */
export function aptGet(host: AptHost): ((args: string[]) => boolean) | null {
  const sudo = host.isRoot
    ? []
    : host.hasCommand('sudo') && host.run('sudo', ['-n', 'true'])
      ? ['sudo']
      : null;
  if (!sudo || !host.hasCommand('apt-get')) return null;
  return (args) =>
    sudo.length > 0
      ? host.run('sudo', ['-n', 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args])
      : host.run('apt-get', args);
}
