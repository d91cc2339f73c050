import { z } from 'zod';

/** Params of tải tệp (src/modules/files/files.routes.ts); the reply is the file itself. */

// TODO(c1-merge): the shared IdParams of common.ts replaces this one
export const FileParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
