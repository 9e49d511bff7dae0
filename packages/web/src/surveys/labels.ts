import type { TFunction } from 'i18next';

/** The label of a CSAT score on its scale (2-, 3- or 5-point), in the agent's language. */
export function csatLabel(t: TFunction, scale: number, score: number): string {
  const key = `surveys.scale${scale === 3 || scale === 5 ? scale : 2}.${score}`;
  return t(key, { defaultValue: String(score) });
}

/** The NPS group of a 0–10 score. */
export function npsGroup(score: number): 'promoter' | 'passive' | 'detractor' {
  if (score >= 9) return 'promoter';
  if (score >= 7) return 'passive';
  return 'detractor';
}
