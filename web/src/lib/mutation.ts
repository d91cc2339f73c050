import { type QueryClient, type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';

/**
 * A write to the API the way every form of the SPA makes it: on success the message, the queries made
 * stale and the caller's own follow-up; on failure the server's Vietnamese message (an `ApiError`'s
 * text, as a toast unless the caller shows it `inline`), then the caller's follow-up if it has one (e.g. refetch after a version conflict).
 */
export interface ApiMutationOptions<TVariables, TData> {
  mutationFn: (variables: TVariables) => Promise<TData>;
  /** shown on success; a function when it depends on the answer */
  success?: string | ((data: TData, variables: TVariables) => string);
  /** query keys refetched on success, or a function doing the refetching (e.g. `refreshWork`) */
  invalidate?: readonly QueryKey[] | ((queryClient: QueryClient) => Promise<unknown>);
  onSuccess?: (data: TData, variables: TVariables) => unknown;
  onError?: (error: Error, queryClient: QueryClient) => unknown;
  /** the caller shows the failure itself, from `mutation.error` (e.g. in the dialog, see FormModal's `error`) */
  inline?: boolean;
}

export function useApiMutation<TVariables = void, TData = unknown>(
  options: ApiMutationOptions<TVariables, TData>,
) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  return useMutation<TData, Error, TVariables>({
    mutationFn: options.mutationFn,
    onSuccess: async (data, variables) => {
      const text = typeof options.success === 'function' ? options.success(data, variables) : options.success;
      if (text) message.success(text);
      await options.onSuccess?.(data, variables);
      await invalidate(queryClient, options.invalidate);
    },
    onError: async (error) => {
      if (!options.inline) message.error(error.message);
      await options.onError?.(error, queryClient);
    },
  });
}

async function invalidate(
  queryClient: QueryClient,
  what: readonly QueryKey[] | ((queryClient: QueryClient) => Promise<unknown>) | undefined,
): Promise<void> {
  if (!what) return;
  if (typeof what === 'function') {
    await what(queryClient);
    return;
  }
  await Promise.all(what.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}
