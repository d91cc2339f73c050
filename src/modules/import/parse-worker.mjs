/**
 * The entry of a parsing thread when dondoc runs from its TypeScript sources (`node --import tsx`,
 * vitest): a worker thread does not inherit tsx's loader, so on the first ".ts" refusal it registers
 * tsx and imports the worker again (under another URL: the failed import stays cached). The compiled
 * build (dist/) starts parse-worker.js directly.
 */
let worker;
try {
  worker = await import('./parse-worker.ts');
} catch (error) {
  if (error?.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw error;
  const { register } = await import('tsx/esm/api');
  register();
  worker = await import('./parse-worker.ts?tsx');
}

export default worker.default;
