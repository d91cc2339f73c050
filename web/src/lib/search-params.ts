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

/** The parameter that carries the as-of date from page to page (docs/domain-rules.md §11). */
export const AS_OF_PARAM = 'ngay';

/** `path` with the as-of date a drill-down keeps (dashboard → list → plan → assignment). */
export function withAsOf(path: string, asOf: string | null | undefined): string {
  if (!asOf) return path;
  return `${path}${path.includes('?') ? '&' : '?'}${AS_OF_PARAM}=${encodeURIComponent(asOf)}`;
}
