import type { Directory } from '../../domain/directory.ts';

/** how many distinct directories (authorities × edits) the process keeps */
const MAX_DIRECTORIES = 32;
const directories = new Map<string, Directory>();

/**
 * The same Directory object for the same content. Matching agency cells compiles the directory
 * (every name and alias folded and split into words, domain/agency-cell.ts) and caches that per
 * Directory object; loadDirectory reads a new object on every call, so each plan created over HTTP
 * compiled ~130 agencies and their groups again (40% of the server's CPU for a one-task plan).
 * Keyed by the content just read, so an edit of the directory is a new key, never a stale match.
 */
export function sharedDirectory(directory: Directory): Directory {
  const key = JSON.stringify(directory);
  const known = directories.get(key);
  if (known) {
    directories.delete(key);
    directories.set(key, known); // most recently used last
    return known;
  }
  if (directories.size >= MAX_DIRECTORIES) {
    const oldest = directories.keys().next().value;
    if (oldest !== undefined) directories.delete(oldest);
  }
  directories.set(key, directory);
  return directory;
}
