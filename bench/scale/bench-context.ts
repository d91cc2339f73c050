import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.ts';
import { createLocalFileStore } from '../../src/modules/files/local-file-store.ts';
import { type ServiceContext, systemContext } from '../../src/modules/service-context.ts';

const files = createLocalFileStore(join(tmpdir(), 'dondoc-bench-files'));

/** The benchmark calls use cases as the CLI does: the system actor 'bench' of one authority. */
export function benchContext(db: Kysely<DB>, authorityId: number): ServiceContext {
  return systemContext({ db, files, authorityId, name: 'bench' });
}

/**
 * The one-task plan the scale benchmarks create (scenario 3, the side-by-side's creation, the trigger
 * A/B, the 10M run): one task led by Sở Nội vụ, due 30/7/2025. `number` may be a placeholder the HTTP
 * loaders replace per request (`__N__/CV-…`).
 */
export function oneTaskPlan(number: string) {
  return {
    docType: 'CV',
    number,
    issuedOn: '2025-06-02',
    title: 'Giao nhiệm vụ',
    tasks: [
      {
        no: '1',
        content: 'Báo cáo tình hình thực hiện',
        leadText: 'Sở Nội vụ',
        deadlineText: 'Trước ngày 30/7/2025',
      },
    ],
  };
}
