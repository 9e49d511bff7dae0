import type { BotArticleLink, ChatBotContent } from '@servus/shared';
import type { Locale, Translate } from './i18n';
import type { ShownMessage } from './message-store';

/** Only the help center's own pages are linked; anything else shows as text. */
const HELP_PATH = /^\/help\/(de|en)\/articles\/[^\s?#]+$/;

function ArticleLink({ a, children, t }: { a: BotArticleLink; children: string; t: Translate }) {
  if (!HELP_PATH.test(a.url)) return <span>{children}</span>;
  return (
    <a href={a.url} target="_blank" rel="noopener noreferrer" title={children === a.title ? undefined : t('botSource', { n: a.n, title: a.title })}>
      {children}
    </a>
  );
}

/** The answer with each citation `[n]` as a link to the article it cites. */
function Answer({ bot, t }: { bot: ChatBotContent; t: Translate }) {
  const parts = bot.answer.split(/(\[\d+\])/g);
  return (
    <p class="text">
      {parts.map((part, i) => {
        const n = /^\[(\d+)\]$/.exec(part)?.[1];
        const article = n ? bot.articles.find((a) => a.n === Number(n)) : undefined;
        return article ? <ArticleLink key={i} a={article} t={t}>{part}</ArticleLink> : part;
      })}
    </p>
  );
}

interface Props {
  m: ShownMessage;
  t: Translate;
  locale: Locale;
  /** Whether this is the answer the visitor can still say Yes or No to. */
  askable: boolean;
  onAction(action: 'yes' | 'no' | 'human'): void;
}

/**
 * One message of the answer bot: the answer, a link to its article and up to two more, and
 * under the latest answer "Did this answer your question?" with Yes, No and "Talk to a person".
 */
export function BotMessage({ m, t, locale, askable, onAction }: Props) {
  const bot = m.bot!;
  const time = new Date(m.at).toLocaleTimeString(locale === 'de' ? 'de-DE' : 'en-US', { hour: '2-digit', minute: '2-digit' });
  const [own, ...more] = bot.articles;
  return (
    <li class="message agent bot" data-author="bot" data-bot-kind={bot.kind}>
      <span class="sr-only">{t('botName')}: </span>
      <span class="author" aria-hidden="true">{t('botName')}</span>
      <div class="bubble agent">
        <Answer bot={bot} t={t} />
        {own && (
          <p class="bot-links">
            {t('botReadMore')}: <ArticleLink a={own} t={t}>{own.title}</ArticleLink>
          </p>
        )}
        {more.length > 0 && (
          <div class="bot-links">
            <span>{t('botMoreArticles')}:</span>
            <ul>
              {more.map((a) => (
                <li key={a.url}>
                  <ArticleLink a={a} t={t}>{a.title}</ArticleLink>
                </li>
              ))}
            </ul>
          </div>
        )}
        {bot.ask && askable && (
          <div class="bot-ask" role="group" aria-label={t('botHelped')}>
            <p>{t('botHelped')}</p>
            <div class="bot-buttons">
              <button type="button" class="secondary small" onClick={() => onAction('yes')}>{t('botYes')}</button>
              <button type="button" class="secondary small" onClick={() => onAction('no')}>{t('botNo')}</button>
              <button type="button" class="link" onClick={() => onAction('human')}>{t('botHuman')}</button>
            </div>
          </div>
        )}
      </div>
      <span class="meta">
        <time dateTime={m.at}>{time}</time>
      </span>
    </li>
  );
}
