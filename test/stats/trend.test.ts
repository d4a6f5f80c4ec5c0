import { describe, expect, it } from 'vitest';
import { DEFAULT_TREND, examHistory, trend } from '../../src/stats/trend.js';
import { NOW, ans, input, mock } from './fixture.js';

const history = [
  ans('q', '2026-02-27T14:30:00Z', true), // Feb 27 JST
  ans('q', '2026-02-27T15:30:00Z', false), // Feb 28 JST
  ans('q', '2026-02-28T16:00:00Z', true), // Mar 1 JST
  ans('q', '2026-03-01T08:00:00Z', true), // Mar 1 JST
  ans('q', '2026-02-01T00:00:00Z', false), // Feb 1 JST, W05
  ans('q', '2025-09-01T00:00:00Z', true), // before every window
  ans('q', '2026-03-01T16:00:00Z', true), // Mar 2 JST: after today, left out
];

describe('trend', () => {
  it('zero-fills the last N local days, oldest first', () => {
    const t = trend(input({ answers: history }), { days: 5 });
    expect(t.days).toEqual([
      { key: '2026-02-25', start: '2026-02-25', answers: 0, correct: 0, accuracy: null },
      { key: '2026-02-26', start: '2026-02-26', answers: 0, correct: 0, accuracy: null },
      { key: '2026-02-27', start: '2026-02-27', answers: 1, correct: 1, accuracy: 1 },
      { key: '2026-02-28', start: '2026-02-28', answers: 1, correct: 0, accuracy: 0 },
      { key: '2026-03-01', start: '2026-03-01', answers: 2, correct: 2, accuracy: 1 },
    ]);
  });

  it('zero-fills ISO weeks ending with the current one', () => {
    const t = trend(input({ answers: history }), { weeks: 5 });
    expect(t.weeks).toEqual([
      { key: '2026-W05', start: '2026-01-26', answers: 1, correct: 0, accuracy: 0 },
      { key: '2026-W06', start: '2026-02-02', answers: 0, correct: 0, accuracy: null },
      { key: '2026-W07', start: '2026-02-09', answers: 0, correct: 0, accuracy: null },
      { key: '2026-W08', start: '2026-02-16', answers: 0, correct: 0, accuracy: null },
      { key: '2026-W09', start: '2026-02-23', answers: 4, correct: 3, accuracy: 0.75 },
    ]);
  });

  it('defaults to 28 days, 12 weeks and a 26-week heat-map', () => {
    expect(DEFAULT_TREND).toEqual({ days: 28, weeks: 12, heatmapWeeks: 26 });
    const t = trend(input({ answers: history }));
    expect([t.days.length, t.days[0]!.key, t.days.at(-1)!.key]).toEqual([28, '2026-02-02', '2026-03-01']);
    expect([t.weeks.length, t.weeks[0]!.key, t.weeks.at(-1)!.key]).toEqual([12, '2025-W50', '2026-W09']);
    expect(t.days.reduce((s, d) => s + d.answers, 0)).toBe(4);
  });

  it('lays the heat-map out as weeks × 7 days, Monday first, with days after today null', () => {
    const { heatmap } = trend(input({ answers: history }));
    expect([heatmap.grid.length, ...new Set(heatmap.grid.map((w) => w.length))]).toEqual([26, 7]);
    expect([heatmap.start, heatmap.today, heatmap.max]).toEqual(['2025-09-01', '2026-03-01', 2]);
    expect(heatmap.grid.at(-1)).toEqual([0, 0, 0, 0, 1, 1, 2]); // Feb 23 … Mar 1
    expect(heatmap.grid.flat().filter((n) => n === null)).toEqual([]); // today is a Sunday
    // On Wednesday Mar 4, Thursday to Sunday are still to come; the Mar 2 answer is no longer in the future.
    const wed = trend(input({ answers: history, now: new Date('2026-03-04T03:00:00Z') }), { heatmapWeeks: 2 }).heatmap;
    expect(wed).toEqual({ start: '2026-02-23', today: '2026-03-04', max: 2, grid: [[0, 0, 0, 0, 1, 1, 2], [1, 0, 0, null, null, null, null]] });
    // The Sep 1 2025 answer sits in the first cell of the full half-year map (09:00 JST, a Monday).
    expect(heatmap.grid[0]![0]).toBe(1);
  });

  it('refuses a window that is not a positive whole number', () => {
    expect(() => trend(input(), { days: 0 })).toThrow(RangeError);
    expect(() => trend(input(), { weeks: 1.5 })).toThrow(RangeError);
  });
});

describe('examHistory', () => {
  it('lists mock exams oldest first with ISO dates', () => {
    const exams = [mock(2, '2026-02-20T10:00:00Z', 80), mock(1, '2026-02-10T10:00:00Z', 60, { endedAt: null, domain: 'security', total: 20 })];
    expect(examHistory(exams)).toEqual([
      { sessionId: 1, exam: 'DVA-C02', domain: 'security', startedAt: '2026-02-10T10:00:00.000Z', endedAt: null, percent: 60, scaledEstimate: 640, passed: false, total: 20 },
      { sessionId: 2, exam: 'DVA-C02', domain: null, startedAt: '2026-02-20T10:00:00.000Z', endedAt: '2026-02-20T11:00:00.000Z', percent: 80, scaledEstimate: 820, passed: true, total: 65 },
    ]);
    expect(NOW.toISOString()).toBe('2026-03-01T09:00:00.000Z');
  });
});
