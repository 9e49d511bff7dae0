import { useRef, useState } from 'react';
import type { Editor } from '@tiptap/react';
import type { EditorView } from '@tiptap/pm/view';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { keys } from '../api/keys';
import { applyMacro, type Macro } from '../api/macros';
import type { TicketWithRequester } from '../api/types';
import { toast } from '../lib/toast';
import { textToNodes } from './insert-text';

interface Options {
  ticketId: string;
  /** The ticket version the agent has reviewed. */
  version: number;
  onVersionChange(version: number): void;
  editor: Editor | null;
}

/** True when the cursor starts a line or follows a space: where `/` opens the macros instead of typing a slash. */
function atWordStart(view: EditorView): boolean {
  const { $from, empty } = view.state.selection;
  if (!empty) return false;
  if ($from.parentOffset === 0) return true;
  const before = $from.parent.textBetween($from.parentOffset - 1, $from.parentOffset, '\n', '\n');
  return /\s/.test(before);
}

/**
 * Macros in the composer: `/` at the start of a word or Ctrl+Shift+M opens the picker; the
 * chosen macro is applied to the ticket (its field actions at once) and its text inserted where
 * the cursor was. Closing the picker after `/` puts the slash back, so a path can still be typed.
 */
export function useComposerMacros({ ticketId, version, onVersionChange, editor }: Options) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [opened, setOpened] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const spot = useRef<{ pos: number; slash: boolean } | null>(null);

  function open(slash: boolean) {
    if (!editor || !editor.isEditable) return;
    spot.current = { pos: editor.state.selection.from, slash };
    setError(null);
    setOpened(true);
  }

  /** Where the text goes: the remembered cursor, within the document as it is now. */
  function takeSpot(): { pos: number; slash: boolean } {
    const s = spot.current ?? { pos: editor?.state.selection.from ?? 1, slash: false };
    spot.current = null;
    return { ...s, pos: Math.min(s.pos, editor?.state.doc.content.size ?? s.pos) };
  }

  function close() {
    setOpened(false);
    const s = takeSpot();
    if (!editor) return;
    const chain = editor.chain().focus();
    (s.slash ? chain.insertContentAt(s.pos, { type: 'text', text: '/' }) : chain.setTextSelection(s.pos)).run();
  }

  async function pick(m: Macro) {
    setBusy(true);
    setError(null);
    try {
      const res = await applyMacro(ticketId, m.id, { locale: i18n.language });
      client.setQueryData<TicketWithRequester>(keys.ticket(ticketId), (old) => (old ? { ...old, ...res.ticket, requester: old.requester } : old));
      // The agent's own change counts as reviewed, unless someone else changed the ticket meanwhile.
      if (res.changed && res.ticket.version === version + 1) onVersionChange(res.ticket.version);
      void client.invalidateQueries({ queryKey: keys.events(ticketId) });
      void client.invalidateQueries({ queryKey: keys.ticketLists });
      void client.invalidateQueries({ queryKey: keys.viewCounts });
      setOpened(false);
      const s = takeSpot();
      if (editor) {
        const nodes = textToNodes(res.text ?? '');
        const chain = editor.chain().focus();
        (nodes.length ? chain.insertContentAt(s.pos, nodes) : chain.setTextSelection(s.pos)).run();
      }
      toast.success(res.changed ? t('macros.appliedWithChanges', { name: m.name }) : t('macros.applied', { name: m.name }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  /** For the editor's key handler: opens the picker on `/` at a word start and on Ctrl/⌘+Shift+M. */
  function handleKey(view: EditorView, event: KeyboardEvent): boolean {
    const mod = event.ctrlKey || event.metaKey;
    if (mod && event.shiftKey && !event.altKey && event.key.toLowerCase() === 'm') {
      event.preventDefault();
      open(false);
      return true;
    }
    if (event.key === '/' && !mod && !event.altKey && atWordStart(view)) {
      event.preventDefault();
      open(true);
      return true;
    }
    return false;
  }

  return { opened, busy, error, open, close, pick, handleKey };
}
