import type { MeetingItemView } from '@kith/core';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ACTION_TITLE_ID } from './ActionForm';
import { itemName } from './labels';
import { REVIEW_FORM_ID } from './ReviewForm';
import { useMeetingShortcuts } from './shortcuts';

const hrefOf = (itemId: string) => `?item=${encodeURIComponent(itemId)}`;
const indexOf = (items: MeetingItemView[], itemId: string | null) => Math.max(0, items.findIndex((item) => item.id === itemId));

/**
 * The person the room is on: the one named in the URL (?item=), else the first. Moving to
 * another moves focus to their heading and says where in the agenda they are; `status` is the
 * page's polite status message, which the capture forms use too.
 */
export function useCurrentItem(items: MeetingItemView[]) {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const index = indexOf(items, params.get('item'));
  const item = items[index];
  const [status, setStatus] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shown = useRef(item?.id);

  useEffect(() => {
    if (!item || shown.current === item.id) return;
    shown.current = item.id;
    headingRef.current?.focus();
    setStatus(`Person ${index + 1} of ${items.length}: ${itemName(item)}.`);
  }, [item, index, items.length]);

  // From the address bar, not this render: a second key press can come before the first has re-rendered.
  const go = (step: 1 | -1) => {
    const next = items[indexOf(items, new URLSearchParams(window.location.search).get('item')) + step];
    if (next) void navigate(hrefOf(next.id), { replace: true });
    else setStatus(step === 1 ? 'This is the last person on the agenda.' : 'This is the first person on the agenda.');
  };
  return { index, item, status, setStatus, headingRef, go, hrefOf };
}

/** The page's shortcuts, acting on the current person; where a form is not there, the status says why. */
export function useRoomShortcuts(current: ReturnType<typeof useCurrentItem>, live: boolean) {
  const { go, setStatus } = current;
  return useMeetingShortcuts({
    next: () => go(1),
    previous: () => go(-1),
    addAction: () => {
      const field = document.getElementById(ACTION_TITLE_ID);
      if (field) field.focus();
      else setStatus(live ? 'Actions cannot be added for this person.' : 'Actions can be added while the meeting is in progress.');
    },
    review: () => {
      const form = document.getElementById(REVIEW_FORM_ID);
      if (form instanceof HTMLFormElement) form.requestSubmit();
      else setStatus(live ? 'This person cannot be marked as reviewed here.' : 'People can be marked as reviewed while the meeting is in progress.');
    },
  });
}
