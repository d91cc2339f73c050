/**
 * Some libraries bundle core-js and replace built-ins of the whole process when they load: pdfjs'
 * legacy build (the importer's PDF reader) swaps `Array.prototype.push`, `JSON.parse`,
 * `JSON.stringify` and `Function.prototype.toString` on Node 20 for JavaScript versions that exist
 * only to add proposals (raw JSON, parse with source) and edge cases (push past 2^53) nobody here
 * uses. Every request then parses, serialises and pushes several times slower (7–10% of the
 * server's CPU under load). `keepNativeBuiltins` runs such a loader and puts the natives back
 * afterwards; what the library added without replacing (Promise.withResolvers …) stays.
 */
const NATIVE = {
  push: Array.prototype.push,
  parse: JSON.parse,
  stringify: JSON.stringify,
  toString: Function.prototype.toString,
};

/** Puts back the built-ins as they were when this module was first evaluated. */
export function restoreNativeBuiltins(): void {
  const put = (target: object, key: string, value: unknown) => {
    if ((target as Record<string, unknown>)[key] === value) return;
    Object.defineProperty(target, key, { value, writable: true, configurable: true, enumerable: false });
  };
  put(Array.prototype, 'push', NATIVE.push);
  put(JSON, 'parse', NATIVE.parse);
  put(JSON, 'stringify', NATIVE.stringify);
  put(Function.prototype, 'toString', NATIVE.toString);
}

/** Runs `fn` (which may load such a library) and restores the natives when it settles. */
export async function keepNativeBuiltins<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } finally {
    restoreNativeBuiltins();
  }
}
