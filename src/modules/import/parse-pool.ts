/**
 * The parsing pool (issue #16): every uploaded document — a plan (.txt .csv .docx .xlsx .pdf) and
 * the indices results file (.xlsx .csv) — is read in worker threads, so a hostile or merely huge file
 * never holds the event loop (/api/health, the work list) while it is parsed. One pool per app,
 * created on the first upload, closed with the app. Beyond the readers' own limits (parse-limits.ts),
 * only a thread can bound:
 * - time: counted from the moment a thread starts the parse; past it the thread is terminated (422);
 *   a scan read by OCR (readers/ocr-reader.ts) gets DONDOC_PARSE_OCR_SECONDS more from the moment
 *   its OCR starts: the OCR stops its child processes at that limit itself and answers 422;
 * - memory: the thread's heap (resourceLimits); a thread out of memory ends, the parse answers 422,
 *   the pool starts a fresh thread;
 * - the queue: parses waiting for a thread; past it new ones are refused at once (503, Retry-After).
 * A thread that crashes answers 422 as well: never a 500, never a dead server.
 */
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { LocalDate } from '../../domain/dates.ts';
import type { Directory } from '../../domain/directory.ts';
import { AppError, isAppError } from '../../shared/errors.ts';
import type { IndexFile } from '../indices/indices-file.ts';
import type { ImportPreview } from './import-preview.ts';
import {
  DEFAULT_PARSE_LIMITS,
  type ParseLimits,
  type ParseOptions,
  parseBusy,
  parseFailed,
  parseOutOfMemory,
  parseTimedOut,
} from './parse-limits.ts';
import { type ParseRequest, runParse } from './parse-tasks.ts';
import type { WorkerAnswer, WorkerTask } from './parse-worker.ts';
import type { ParsedPlan } from './plan-text.ts';
import type { PlanFile } from './read-plan-file.ts';

/** Reads uploaded documents: the pool of an HTTP app, or this thread (the CLI, the demo loader). */
export interface DocumentParser {
  readPlan(file: PlanFile): Promise<ParsedPlan>;
  /** read and resolved against the directory in one go (the preview of an upload) */
  previewPlan(file: PlanFile, directory: Directory, today: LocalDate): Promise<ImportPreview>;
  readIndexGrid(file: IndexFile): Promise<string[][]>;
}

export interface ParsePool extends DocumentParser {
  /** terminates the threads (a parse still running answers 422); the pool starts again if used */
  close(): Promise<void>;
}

/** In this thread with the readers' limits (no time or memory bound): trusted local callers. */
export function inProcessParser(limits: ParseLimits = DEFAULT_PARSE_LIMITS): DocumentParser {
  return {
    readPlan: async (file) => (await runParse({ kind: 'plan', file, limits })) as ParsedPlan,
    previewPlan: async (file, directory, today) =>
      (await runParse({ kind: 'plan-preview', file, limits, directory, today })) as ImportPreview,
    readIndexGrid: async (file) => (await runParse({ kind: 'index-grid', file, limits })) as string[][],
  };
}

/** Under tsx (this file is .ts) the .mjs entry registers tsx in the thread; the build runs the .js. */
const WORKER_FILE = new URL(
  import.meta.url.endsWith('.ts') ? './parse-worker.mjs' : './parse-worker.js',
  import.meta.url,
).href;

/** Seconds a client is asked to wait when the queue is full. */
const BUSY_RETRY_AFTER_SECONDS = 30;

export function createParsePool(
  options: ParseOptions,
  log?: { error(object: unknown, message: string): void },
): ParsePool {
  let pool: Piscina<WorkerTask, WorkerAnswer> | null = null;
  /** parses running or waiting: counted here, as piscina lets tasks with an abort signal past its maxQueue */
  let inFlight = 0;
  const limits: ParseLimits = {
    maxInflatedBytes: options.maxInflatedBytes,
    maxPages: options.maxPages,
    maxRows: options.maxRows,
    maxCells: options.maxCells,
    maxTextChars: options.maxTextChars,
    ocrMaxPages: options.ocrMaxPages,
    ocrTimeoutMs: options.ocrTimeoutMs,
    ocrTesseract: options.ocrTesseract,
    ocrPdftoppm: options.ocrPdftoppm,
  };

  const start = () => {
    const created = new Piscina<WorkerTask, WorkerAnswer>({
      filename: WORKER_FILE,
      minThreads: 0,
      maxThreads: options.threads,
      idleTimeout: 60_000,
      concurrentTasksPerWorker: 1,
      resourceLimits: {
        maxOldGenerationSizeMb: options.memoryMb,
        maxYoungGenerationSizeMb: Math.min(64, Math.max(8, Math.round(options.memoryMb / 8))),
      },
    });
    // a thread that fails outside a task (at start, at exit) must not become an unhandled 'error'
    created.on('error', (error: unknown) => log?.error({ err: error }, 'parsing pool: thread error'));
    return created;
  };

  async function run(request: ParseRequest): Promise<WorkerAnswer & { ok: true }> {
    if (inFlight >= options.threads + options.queue) {
      const busy = parseBusy(options);
      throw new AppError(busy.code, busy.message, {
        ...busy.details,
        retryAfterSeconds: BUSY_RETRY_AFTER_SECONDS,
      });
    }
    pool ??= start();
    inFlight++;
    const abort = new AbortController();
    const { port1, port2 } = new MessageChannel();
    let timer: NodeJS.Timeout | undefined;
    port1.on('message', (message) => {
      clearTimeout(timer);
      // a scan's OCR kills its engine at ocrTimeoutMs and answers: the thread gets that and the parse's own time
      const ms = message === 'ocr' ? options.ocrTimeoutMs + options.timeoutMs : options.timeoutMs;
      timer = setTimeout(() => abort.abort(), ms);
    });
    try {
      const answer = await pool.run(
        { request, started: port2 },
        { transferList: [port2], signal: abort.signal },
      );
      if (!answer.ok) {
        const { code, message, details } = answer.error;
        throw new AppError(code as AppError['code'], message, details);
      }
      return answer;
    } catch (error) {
      if (isAppError(error)) throw error;
      if (abort.signal.aborted) throw parseTimedOut(options);
      const e = error as { code?: string; message?: string };
      if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') throw parseOutOfMemory(options);
      log?.error({ err: error }, 'parsing pool: a parse failed');
      throw parseFailed();
    } finally {
      inFlight--;
      clearTimeout(timer);
      port1.close();
    }
  }

  return {
    readPlan: async (file) => (await run({ kind: 'plan', file, limits })).value as ParsedPlan,
    previewPlan: async (file, directory, today) =>
      (await run({ kind: 'plan-preview', file, limits, directory, today })).value as ImportPreview,
    readIndexGrid: async (file) => (await run({ kind: 'index-grid', file, limits })).value as string[][],
    close: async () => {
      const closing = pool;
      pool = null;
      await closing?.destroy();
    },
  };
}
