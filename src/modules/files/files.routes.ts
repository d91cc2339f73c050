import { serviceContext, type ZodApp } from '../../server/http.ts';
import { moduleRoutes } from '../../server/route.ts';
import { FileParams } from '../../shared/schemas/files.ts';
import { getFileForDownload } from './files.service.ts';

/** Tải tệp đính kèm kết quả (download a result's file). */
export async function filesRoutes(app: ZodApp) {
  const route = moduleRoutes(app, 'files');

  route.get('/files/:id', {
    summary: 'Tải tệp (download a file of a result): to whoever may read that assignment',
    description:
      'Always an attachment (Content-Disposition with an RFC 5987 filename*), never rendered inline.',
    params: FileParams,
    handler: async (request, reply) => {
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
  });
}
