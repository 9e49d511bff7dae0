import { useEffect, useRef } from 'preact/hooks';
import type { Translate } from './i18n';

/** A short list of the emoji people use most in support chats; the keyboard's own emoji work too. */
export const EMOJI = ['😀', '😊', '😂', '😉', '😍', '🙂', '🤔', '😅', '😢', '😮', '😡', '🙏', '👍', '👎', '👌', '👋', '👏', '🎉', '❤️', '✅', '❌', '⭐', '🔥', '💡'];

/** A grid of emoji buttons; arrow keys move between them, Enter picks, Esc closes. */
export function EmojiPicker({ t, onPick, onClose }: { t: Translate; onPick(emoji: string): void; onClose(): void }) {
  const grid = useRef<HTMLDivElement>(null);
  useEffect(() => {
    grid.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, []);

  const onKeyDown = (e: KeyboardEvent) => {
    const buttons = [...(grid.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const cols = 8;
    const move: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: cols, ArrowUp: -cols };
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    } else if (e.key in move && i >= 0) {
      e.preventDefault();
      buttons[(i + move[e.key]! + buttons.length) % buttons.length]?.focus();
    }
  };

  return (
    <div class="emoji" role="group" aria-label={t('emojiList')} ref={grid} onKeyDown={onKeyDown}>
      {EMOJI.map((e) => (
        <button key={e} type="button" onClick={() => onPick(e)} aria-label={e}>
          {e}
        </button>
      ))}
    </div>
  );
}
