import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * The step of a form in the address (`?step=`, issue 21), so Back goes to the step before and a
 * reload comes back to the same one. Only the step's name goes there, never what was typed:
 * addresses are logged by proxies and servers and kept in the browser's history.
 */
export function useStepParam(): [
  string | null,
  (step: string, options?: { replace?: boolean }) => void,
] {
  const [params, setParams] = useSearchParams();
  const go = useCallback(
    (step: string, { replace = false }: { replace?: boolean } = {}) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.set('step', step);
          return next;
        },
        { replace },
      ),
    [setParams],
  );
  return [params.get('step'), go];
}
