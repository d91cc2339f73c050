import { chmodSync, lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The embedded database's folder holds every account's password hash and every document: only the
 * service's user may read it. Folders become 0700 and files 0600 — those already there (installs
 * before issue #15 had them 0666) and, through the process umask, those PGlite and the file store
 * create from now on.
 */
export function keepPrivate(dir: string): void {
  restrictUmask();
  chmodTree(dir);
}

/** Adds 077 to the process umask (no group or other bits on new files). Worker threads cannot: they inherit it. */
function restrictUmask(): void {
  try {
    const previous = process.umask(0o077);
    process.umask(previous | 0o077);
  } catch {
    // ERR_WORKER_UNSUPPORTED_OPERATION: the main thread's umask applies
  }
}

function chmodTree(path: string): void {
  const stat = lstatSync(path);
  if (stat.isSymbolicLink()) return; // a link placed by the operator: its target is theirs to guard
  if (stat.isDirectory()) {
    if ((stat.mode & 0o777) !== 0o700) chmodSync(path, 0o700);
    for (const entry of readdirSync(path)) chmodTree(join(path, entry));
  } else if ((stat.mode & 0o777) !== 0o600) {
    chmodSync(path, 0o600);
  }
}
