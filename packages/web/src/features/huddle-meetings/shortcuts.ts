import { useEffect, useRef, useState } from 'react';

/** What each key does on the meeting page; the page lists them in its "Keyboard shortcuts" details. */
export interface MeetingShortcuts {
  next: () => void;
  previous: () => void;
  addAction: () => void;
  review: () => void;
}

export const SHORTCUT_KEYS: ReadonlyArray<{ keys: string[]; does: string }> = [
  { keys: ['n', 'Down arrow'], does: 'Go to the next person on the agenda' },
  { keys: ['p', 'Up arrow'], does: 'Go to the previous person on the agenda' },
  { keys: ['a'], does: 'Go to the first question of the "Add an action" form' },
  { keys: ['r'], does: 'Mark the current person as reviewed, with the weeks and presenter in the "Mark as reviewed" form' },
];

const KEYS: Record<string, keyof MeetingShortcuts> = {
  n: 'next',
  ArrowDown: 'next',
  p: 'previous',
  ArrowUp: 'previous',
  a: 'addAction',
  r: 'review',
};

/**
 * Whether the key is someone typing: in a text box, a select, a radio or checkbox (whose arrow
 * keys move the choice), or anything editable. Shortcuts never take these keys.
 */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return Boolean(target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], [role="textbox"], [role="combobox"], [role="listbox"]'));
}

/**
 * The meeting's single-key shortcuts. They act only when no modifier is held and focus is not
 * in a form field, and the user can turn them off (WCAG 2.1.4), which is remembered in this
 * browser.
 */
export function useMeetingShortcuts(actions: MeetingShortcuts) {
  const [enabled, setEnabledState] = useState(() => readEnabled());
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey || event.isComposing) return;
      const action = KEYS[event.key];
      if (!action || isTyping(event.target)) return;
      event.preventDefault();
      latest.current[action]();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
  const setEnabled = (on: boolean) => {
    setEnabledState(on);
    try {
      window.localStorage.setItem(STORAGE_KEY, on ? 'on' : 'off');
    } catch {
      // Storage may be refused (private browsing): the choice then lasts for this page only.
    }
  };
  return { enabled, setEnabled };
}

const STORAGE_KEY = 'kith.meetingShortcuts';

function readEnabled(): boolean {
  try {
    return window.localStorage.getItem(STORAGE_KEY) !== 'off';
  } catch {
    return true;
  }
}
