import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { SurveyComment, SurveyReport } from '@servus/shared';
import i18n from '../i18n';
import { json, renderWithProviders } from '../test/render';
import { mockServer } from '../test/server';
import { SurveyReportPage } from './SurveyReportPage';

const REPORT: SurveyReport = {
  from: '2026-01-01T00:00:00Z',
  to: '2026-04-01T00:00:00Z',
  minSample: 30,
  csat: { percent: 90, good: 45, bad: 5, responses: 50, offered: 200, responseRate: 25, wilson: { low: 78.64, high: 95.65 }, lowSample: false, happiness: null },
  nps: { score: -10, promoters: 3, passives: 3, detractors: 4, responses: 10, sent: 10, responseRate: 100, lowSample: true },
  ces: { mean: null, percentAgree: null, responses: 0, distribution: [0, 0, 0, 0, 0, 0, 0], lowSample: true },
  trend: [{ period: '2026-03-02T00:00:00Z', csat: 90, nps: -10, ces: null, responses: 60 }],
};

const SLOW: SurveyComment = {
  surveyId: 's-1', kind: 'csat', scale: 2, score: 1, good: false, comment: 'Viel zu langsam', reason: null, ticketId: 't-1', ticketNumber: 4711, agentId: null, answeredAt: '2026-03-02T10:00:00Z',
  topics: [{ topic: 'speed', keywords: ['langsam'] }],
};

describe('SurveyReportPage', () => {
  afterEach(async () => {
    vi.unstubAllGlobals();
    await i18n.changeLanguage('en');
  });

  it('shows CSAT, NPS and CES with sample sizes, greys small samples, and filters comments by topic', async () => {
    const user = userEvent.setup({ delay: null });
    const calls = mockServer((call) => {
      if (call.path === '/api/v1/reports/surveys') return json(200, REPORT);
      if (call.path === '/api/v1/reports/surveys/topics') return json(200, { comments: 1, groups: [{ topic: 'speed', count: 1, good: 0, bad: 1, keywords: [{ keyword: 'langsam', count: 1 }] }] });
      if (call.path === '/api/v1/reports/surveys/comments') return json(200, { data: [SLOW], nextCursor: null });
      return undefined;
    });
    renderWithProviders(<SurveyReportPage />);
    const csat = await screen.findByRole('region', { name: 'CSAT' });
    expect(csat).toHaveTextContent('90 %');
    expect(csat).toHaveTextContent('45 good, 5 bad of 50 answers');
    expect(csat).toHaveTextContent('Response rate 25 % of 200 sent');
    expect(csat).not.toHaveTextContent('fewer than 30 answers');
    const nps = screen.getByRole('region', { name: 'NPS' });
    expect(nps).toHaveTextContent('-10');
    expect(nps).toHaveTextContent('fewer than 30 answers');
    expect(screen.getByRole('region', { name: 'CES (1–7)' })).toHaveTextContent('–');
    const comments = await screen.findByRole('region', { name: 'Comments' });
    expect(await within(comments).findByText('Viel zu langsam')).toBeInTheDocument();
    expect(comments).toHaveTextContent('#4711');
    expect(comments).toHaveTextContent('Speed: langsam');
    const topics = screen.getByRole('region', { name: 'Comment topics' });
    await user.click(await within(topics).findByRole('button', { name: 'Speed (1)' }));
    await waitFor(() => expect(calls.some((c) => c.path === '/api/v1/reports/surveys/comments' && c.query.get('topic') === 'speed')).toBe(true));
  });

  it('says when there is nothing yet, and shows an error with a retry', async () => {
    mockServer((call) => {
      if (call.path === '/api/v1/reports/surveys') return json(500, { error: { code: 'internal', message: 'boom' } });
      if (call.path === '/api/v1/reports/surveys/topics') return json(200, { comments: 0, groups: [] });
      if (call.path === '/api/v1/reports/surveys/comments') return json(200, { data: [], nextCursor: null });
      return undefined;
    });
    renderWithProviders(<SurveyReportPage />);
    expect(await screen.findByText('No comments in this period.')).toBeInTheDocument();
    expect(screen.getByText('No comment matched a topic in this period.')).toBeInTheDocument();
    expect(await screen.findByRole('alert')).toBeInTheDocument();
  });
});
