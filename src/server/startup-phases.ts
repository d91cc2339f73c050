import { performance } from 'node:perf_hooks';

export interface StartupPhase {
  phase: string;
  /** wall-clock milliseconds since the previous mark */
  ms: number;
  /** CPU milliseconds (user + system, all threads) since the previous mark */
  cpuMs: number;
}

/**
 * Where the server's start-up goes (issue #18 goal 4): each mark closes a phase (modules, database,
 * migrations, app, first start, listen), timed in wall-clock and CPU milliseconds from the process's
 * own start, so that a slow start on a busy machine (CPU time small, wall time large) is told apart
 * from a slow start (both large). main.ts logs the summary once, with "ready in N ms".
 */
export function startupPhases(origin = 0) {
  const phases: StartupPhase[] = [];
  let lastWall = origin;
  let lastCpu = 0;
  return {
    mark(phase: string): void {
      const wall = performance.now();
      const usage = process.cpuUsage();
      const cpu = (usage.user + usage.system) / 1000;
      phases.push({ phase, ms: Math.round(wall - lastWall), cpuMs: Math.round(cpu - lastCpu) });
      lastWall = wall;
      lastCpu = cpu;
    },
    summary: (): StartupPhase[] => [...phases],
    totalMs: (): number => Math.round(lastWall - origin),
  };
}
