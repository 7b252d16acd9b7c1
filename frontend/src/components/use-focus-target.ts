import { useCallback, useRef } from 'react';

/**
 * An element to move to after a step forward (the next page of a list, the next step of a
 * form): focus goes there, and it is scrolled to the top, instead of staying at the bottom
 * where "Neste" was. The element needs tabIndex={-1} unless it takes focus by itself.
 */
export function useFocusTarget<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const moveTo = useCallback(() => {
    const element = ref.current;
    if (!element) return;
    element.focus({ preventScroll: true });
    element.scrollIntoView?.({ block: 'start' }); // not in jsdom
  }, []);
  return [ref, moveTo] as const;
}
