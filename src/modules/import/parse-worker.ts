/**
 * A thread of the parsing pool (parse-pool.ts; loaded through parse-worker.mjs under tsx). Tells the
 * pool when it starts a parse (the time limit counts from there, not from the queue) and when a scan's
 * OCR starts (its own time limit, DONDOC_PARSE_OCR_SECONDS, counts from there), and answers
 * refusals as data: an AppError does not survive the structured clone between threads.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import type { MessagePort } from 'node:worker_threads';
import { isAppError } from '../../shared/errors.ts';
import { type ParseRequest, runParse } from './parse-tasks.ts';

/**
 * Parsing is background work: on Linux this thread (its own task id in /proc/thread-self) runs at
 * nice 10, so on a busy machine the server's event loop gets the CPU first. Elsewhere: unchanged.
 */
try {
  setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), 10);
} catch {
  // not Linux, or not allowed: the thread keeps the process's priority
}

export interface WorkerTask {
  request: ParseRequest;
  /** posted 'started' as the parse begins, 'ocr' as a scan's OCR begins */
  started: MessagePort;
}

export type WorkerAnswer =
  | { ok: true; value: Awaited<ReturnType<typeof runParse>> }
  | { ok: false; error: { code: string; message: string; details?: Record<string, unknown> } };

export default async function parseInWorker(task: WorkerTask): Promise<WorkerAnswer> {
  task.started.postMessage('started');
  try {
    // a scan's OCR runs in child processes under its own time limit: the pool waits that long from here
    return {
      ok: true,
      value: await runParse(task.request, { ocrStarted: () => task.started.postMessage('ocr') }),
    };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return {
      ok: false,
      error: {
        code: error.code,
        message: error.message,
        ...(error.details ? { details: error.details } : {}),
      },
    };
  } finally {
    task.started.close();
  }
}
