import { appendFileSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect } from 'vitest';

/** utime+stime+cutime+cstime of this process in clock ticks (reaped children included). */
function ticks(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
  return [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
}

const log = process.env.DONDOC_CPU_LOG;
if (log) {
  let start = 0;
  let wall = 0;
  beforeAll(() => {
    start = ticks();
    wall = Date.now();
  });
  afterAll(() => {
    const file = expect.getState().testPath ?? 'unknown';
    appendFileSync(log, `${(ticks() - start) / 100}\t${(Date.now() - wall) / 1000}\t${file}\n`);
  });
}
