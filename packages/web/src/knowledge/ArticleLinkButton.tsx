import { useState } from 'react';
import { Button } from '@mantine/core';
import type { Editor } from '@tiptap/react';
import { IconBook2 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useShortcuts } from '../shortcuts/ShortcutsProvider';
import { InsertArticleLinkDialog } from './InsertArticleLinkDialog';
import type { ArticleLinkChoice, LinkTarget } from './article-link';
import { useTicketLanguage } from './useTicketLanguage';

/** The dialog in the ticket's language; mounted only while open, so a closed composer loads nothing. */
function TicketLinkDialog({ ticketId, ...rest }: { ticketId: string; target: LinkTarget; onClose(): void; onInsert(link: ArticleLinkChoice): void }) {
  const locale = useTicketLanguage(ticketId);
  return <InsertArticleLinkDialog opened defaultLocale={locale} {...rest} />;
}

/** The composer's "Article" button (and Ctrl/⌘+Shift+K): links a knowledge-base article into the reply or note. */
export function ArticleLinkButton({ editor, target, ticketId, disabled }: { editor: Editor | null; target: LinkTarget; ticketId: string; disabled?: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  useShortcuts([{ combo: 'mod+shift+k', allowInInputs: true, handler: () => !disabled && setOpen(true) }]);
  return (
    <>
      <Button variant="subtle" color="gray" leftSection={<IconBook2 size={14} />} disabled={disabled} onClick={() => setOpen(true)} title={t('kb.link.buttonHint')}>
        {t('kb.link.button')}
      </Button>
      {open && (
        <TicketLinkDialog
          ticketId={ticketId}
          onClose={() => setOpen(false)}
          target={target}
          onInsert={(link) => {
            setOpen(false);
            editor
              ?.chain()
              .focus()
              .insertContent([
                { type: 'text', text: link.title, marks: [{ type: 'link', attrs: { href: link.href } }] },
                { type: 'text', text: ' ' },
              ])
              .run();
          }}
        />
      )}
    </>
  );
}
