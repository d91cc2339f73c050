import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * Changes some parameters of the address in place (no new history entry), keeping the others:
 * a value sets its parameter, `null`, `undefined` or '' removes it.
 */
export function useSetSearchParams(): (patch: Record<string, string | number | null | undefined>) => void {
  const [, setParams] = useSearchParams();
  return useCallback(
    (patch) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(patch)) {
            if (value === undefined || value === null || value === '') next.delete(key);
            else next.set(key, String(value));
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
}
