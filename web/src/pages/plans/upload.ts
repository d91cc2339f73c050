import { ApiError, apiUrl } from '../../lib/api.ts';

/**
 * A multipart POST with upload progress (fetch has none): `onProgress` gets 0–100 while the bytes go
 * up, then the server reads the document. Errors come back as ApiError with the server's message.
 */
export function uploadWithProgress<T>(
  path: string,
  form: FormData,
  csrfToken: string | null,
  onProgress: (percent: number) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiUrl(path));
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.upload.onload = () => onProgress(100);
    xhr.onerror = () =>
      reject(new ApiError(0, 'NETWORK', 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.'));
    xhr.onload = () => {
      let data: unknown = null;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        data = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(data as T);
        return;
      }
      const error = (data as { error?: { code?: string; message?: string; details?: unknown } } | null)
        ?.error;
      reject(
        new ApiError(
          xhr.status,
          error?.code ?? 'HTTP_ERROR',
          error?.message ?? `Máy chủ trả lỗi ${xhr.status}.`,
          error?.details,
        ),
      );
    };
    xhr.send(form);
  });
}
