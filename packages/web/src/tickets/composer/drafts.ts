/** Unsent composer text per ticket, kept for this browser tab so navigating away loses nothing. */
export interface Draft {
  html: string;
  mode: 'public' | 'note';
}

const key = (ticketId: string) => `servus.draft.${ticketId}`;

export function loadDraft(ticketId: string): Draft | null {
  try {
    const raw = sessionStorage.getItem(key(ticketId));
    return raw ? (JSON.parse(raw) as Draft) : null;
  } catch {
    return null;
  }
}

export function saveDraft(ticketId: string, draft: Draft | null): void {
  try {
    if (!draft || !draft.html.replace(/<[^>]*>/g, '').trim()) sessionStorage.removeItem(key(ticketId));
    else sessionStorage.setItem(key(ticketId), JSON.stringify(draft));
  } catch {
    // storage full or disabled: the draft lives only in the editor
  }
}
