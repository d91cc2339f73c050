import { z } from 'zod';
import { serviceContext, type ZodApp } from '../../server/http.ts';
import { IdTextSchema } from '../../shared/schemas/common.ts';
import { getFileForDownload } from './files.service.ts';

/** Tải tệp đính kèm kết quả (download a result's file). */
export async function filesRoutes(app: ZodApp) {
  app.get(
    '/files/:id',
    {
      schema: {
        summary: 'Tải tệp (download a file of a result): to whoever may read that assignment',
        description:
          'Always an attachment (Content-Disposition with an RFC 5987 filename*), never rendered inline.',
        tags: ['files'],
        params: z.object({ id: IdTextSchema }),
      },
    },
    async (request, reply) => {
      const file = await getFileForDownload(serviceContext(request), request.params.id);
      return reply
        .type(file.mediaType)
        .header('Content-Length', String(file.sizeBytes))
        .header('Content-Disposition', file.contentDisposition)
        .header('X-Content-Type-Options', 'nosniff')
        .header('Content-Security-Policy', "default-src 'none'; sandbox")
        .header('Cache-Control', 'private, no-store')
        .send(file.stream);
    },
  );
}
