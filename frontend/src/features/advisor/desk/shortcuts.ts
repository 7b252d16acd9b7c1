import { useEffect, useRef } from 'react';

/** The single keys of the desk and the board: j/k move, x selects, s shortlists, r rejects, ? helps. */
export type ShortcutKey = 'j' | 'k' | 'x' | 's' | 'r' | '?';

const TEXT_INPUTS = new Set(['text', 'search', 'email', 'number', 'password', 'tel', 'url', 'date', 'datetime-local', 'time', 'month', 'week']);

/** Whether a key press lands where the user types (a text field, a list box, editable text): a
 * shortcut never fires there. A checkbox or a button is not typing. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest('[contenteditable="true"]')) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && TEXT_INPUTS.has(target.type);
}

/** A modal dialog is open (the reject reason, the list of shortcuts): its own keys apply. */
function dialogOpen(): boolean {
  return document.querySelector('dialog[open]') !== null;
}

/**
 * Calls the handler of a shortcut key pressed anywhere on the page, unless the user is typing, a
 * dialog is open or a modifier (Ctrl, Alt, Cmd) is held: those keys belong to the browser and to
 * assistive technology. The handlers may change every render; the listener stays.
 */
export function useShortcuts(handlers: Partial<Record<ShortcutKey, () => void>>, enabled = true): void {
  const current = useRef(handlers);
  useEffect(() => {
    current.current = handlers;
  });
  useEffect(() => {
    if (!enabled) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target) || dialogOpen()) return;
      const handler = current.current[event.key as ShortcutKey];
      if (!handler) return;
      event.preventDefault();
      handler();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [enabled]);
}
