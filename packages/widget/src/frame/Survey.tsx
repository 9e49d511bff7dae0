import { useState } from 'preact/hooks';
import type { ChatSurveyOffer } from '@servus/shared';
import { widgetApi } from './api';
import type { TextKey, Translate } from './i18n';

/** The labels of each point, worst first, per scale. */
const POINTS: Record<ChatSurveyOffer['scale'], TextKey[]> = {
  2: ['rateBad', 'rateGood'],
  3: ['rateBad', 'rateOkay', 'rateGood'],
  5: ['rate1', 'rate2', 'rate3', 'rate4', 'rate5'],
};

/**
 * The satisfaction question after a served chat: one click records the rating (it can be
 * changed while the ticket is open), then an optional comment goes with it.
 */
export function Survey({ offer, t }: { offer: ChatSurveyOffer; t: Translate }) {
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [state, setState] = useState<'idle' | 'busy' | 'rated' | 'done' | 'failed' | 'expired'>('idle');
  const answer = async (body: { score: number; comment?: string }, next: 'rated' | 'done') => {
    setState('busy');
    try {
      await widgetApi.answerSurvey(offer.token, body);
      setScore(body.score);
      setState(next);
    } catch (err) {
      setState((err as { status?: number }).status === 404 || (err as { status?: number }).status === 409 ? 'expired' : 'failed');
    }
  };
  if (state === 'done') return <p class="notice success" role="status">{t('surveyThanks')}</p>;
  if (state === 'expired') return <p class="notice" role="status">{t('surveyClosed')}</p>;
  const labels = POINTS[offer.scale];
  // 2-point: bad = 1, good = 2; 3- and 5-point: 1 … n.
  return (
    <div class="survey">
      <p id="survey-question">{offer.question}</p>
      <div class="rating" role="group" aria-labelledby="survey-question">
        {labels.map((key, i) => (
          <button
            key={key}
            type="button"
            class={score === i + 1 ? 'secondary small chosen' : 'secondary small'}
            aria-pressed={score === i + 1}
            disabled={state === 'busy'}
            onClick={() => void answer({ score: i + 1 }, 'rated')}
          >
            {t(key)}
          </button>
        ))}
      </div>
      {state === 'failed' && <p class="error" role="alert">{t('failed')}</p>}
      {score !== null && (
        <form
          class="survey-comment"
          onSubmit={(e) => {
            e.preventDefault();
            void answer({ score, ...(comment.trim() ? { comment: comment.trim() } : {}) }, 'done');
          }}
        >
          <label for="survey-comment">{t('surveyComment')}</label>
          <textarea id="survey-comment" rows={2} maxLength={2000} value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
          <button type="submit" class="primary small" disabled={state === 'busy'}>{t('surveySend')}</button>
        </form>
      )}
    </div>
  );
}
