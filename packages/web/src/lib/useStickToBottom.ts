import { useEffect, useRef, type RefObject } from 'react';

/**
 * Keeps a scroll container pinned to its end while its content grows (new messages, frames
 * finishing their layout), as long as the user has not scrolled up to read older content.
 */
export function useStickToBottom(container: RefObject<HTMLElement | null>, content: RefObject<HTMLElement | null>): void {
  const stick = useRef(true);
  useEffect(() => {
    const box = container.current;
    const inner = content.current;
    if (!box || !inner) return;
    const onScroll = () => {
      stick.current = box.scrollHeight - box.scrollTop - box.clientHeight < 80;
    };
    const follow = () => {
      if (stick.current) box.scrollTop = box.scrollHeight;
    };
    box.addEventListener('scroll', onScroll, { passive: true });
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(follow);
    observer?.observe(inner);
    follow();
    return () => {
      box.removeEventListener('scroll', onScroll);
      observer?.disconnect();
    };
  });
}
