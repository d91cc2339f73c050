import { IdParamsSchema } from './common.ts';

/** Params of tải tệp (src/modules/files/files.routes.ts); the reply is the file itself. */

export const FileParams = IdParamsSchema;
