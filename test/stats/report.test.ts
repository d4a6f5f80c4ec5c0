import { describe, expect, it } from 'vitest';
import type { DomainSummary, StatsSummary } from '../../src/stats/summary.js';
import { historyFromAnswers } from '../../src/stats/history.js';
import { dueWindows, isMastered } from '../../src/stats/overview.js';
import { buildReport, reportFromSummary, SUGGESTED_TOPICS } from '../../src/stats/report.js';
import type { CardState } from '../../src/study/schedule.js';
import { defaultHorizon, predictedRecall } from '../../src/stats/recall.js';
import type { StatsAnswer, StatsInput, StatsQuestion } from '../../src/stats/types.js';
import { topicDomain, type TopicTally } from '../../src/stats/weak-topics.js';
import { NOW, ans, answers, card, daysBefore, input, mock, q } from './fixture.js';

const questions = [
  q('d1', 'Lambda › Concurrency', 'development'),
  q('d2', 'Lambda › Concurrency', 'development'),
  q('d3', 'SQS › Visibility', 'development'),
  q('s1', 'IAM › Policies', 'security'),
  q('s2', 'IAM › Policies', 'security'),
  q('p1', 'CodeDeploy', 'deployment'),
  q('x1', 'Misc\u001b[2J', null),
];
const history = [
  ...answers('d1', 1, 4, daysBefore(1)),
  ...answers('s1', 0, 3, daysBefore(2)),
  ...answers('d3', 9, 0, NOW),
  ans('x1', daysBefore(3), true),
];
const cards = new Map([['d1', card({ due: daysBefore(1) })]]);
const exams = [mock(7, '2026-02-15T10:00:00Z', 72.3)];
const full = input({ questions, answers: history, cards, exams });


/** Enough answers in every domain, and weights moved, for readiness to show. */
function readyInput() {
  return input({
    questions,
    answers: [...history, ...answers('s2', 4, 1), ...answers('p1', 5, 1), ...answers('d2', 4, 0)],
    cards,
    exams,
    bp: { ...full.bp, domains: full.bp.domains.map((d) => (d.slug === 'troubleshooting' ? { ...d, weight: 14 } : d.slug === 'development' ? { ...d, weight: 36 } : d)) },
  });
}

describe('buildReport', () => {
  const report = buildReport(full);

  it('gathers every section in one plain object', () => {
    expect(Object.keys(report)).toEqual([
      'generatedAt',
      'exam',
      'timeZoneOffsetMinutes',
      'recallHorizon',
      'filter',
      'overview',
      'domains',
      'unmapped',
      'weakTopics',
      'trend',
      'mockExams',
      'readiness',
      'suggestions',
    ]);
    expect(report.generatedAt).toBe('2026-03-01T09:00:00.000Z');
    expect(report.exam).toEqual({ code: 'DVA-C02', name: 'AWS Certified Developer - Associate', passingScore: 720, scoreRange: [100, 1000] });
    expect(report.filter).toEqual({ domain: null, topic: null, since: null });
    expect(report.overview).toMatchObject({ questions: 7, seen: 4, answers: 18, correct: 11, streakDays: 4, dueToday: 1 });
    expect(report.domains.map((d) => [d.slug, d.coverage, d.answers])).toEqual([
      ['development', 2 / 3, 14],
      ['security', 0.5, 3],
      ['deployment', 0, 0],
      ['troubleshooting', null, 0],
    ]);
    expect(report.unmapped).toEqual({ questions: 1, seen: 1, answers: 1 });
    expect(report.weakTopics.map((t) => [t.topic, t.weak])).toEqual([
      ['IAM › Policies', true],
      ['Lambda › Concurrency', true],
      ['SQS › Visibility', false],
    ]);
    expect(report.mockExams.map((e) => [e.sessionId, e.startedAt, e.percent])).toEqual([[7, '2026-02-15T10:00:00.000Z', 72.3]]);
    expect(report.trend.days.at(-1)).toEqual({ key: '2026-03-01', start: '2026-03-01', answers: 9, correct: 9, accuracy: 1 });
  });

  it('hides readiness while data is short, with the reason', () => {
    expect(report.readiness).toEqual({
      available: false,
      reason:
        'readiness needs 30 answers to DVA-C02 questions (17 so far) and 5 in each domain weighing 15% or more ' +
        '(security: 3, deployment: 0, troubleshooting: 0)',
    });
  });

  it('suggests due reviews, then weak topics, then domains not started or without notes', () => {
    expect(SUGGESTED_TOPICS).toBe(3);
    expect(report.suggestions).toEqual([
      '1 review is due today: awsquiz study --due-only',
      'Drill IAM › Policies (0/3 right): awsquiz study --topic "Policies"',
      'Drill Lambda › Concurrency (1/5 right): awsquiz study --topic "Concurrency"',
      'Start Deployment (24% of the exam, 1 question unseen): awsquiz study --exam DVA-C02 --domain deployment',
      'No notes map to Troubleshooting and Optimization (18% of the exam): add notes for it, then awsquiz ingest',
    ]);
  });

  it('is plain JSON: dates as strings, nothing lost in a round trip', () => {
    const json = JSON.stringify(report);
    expect(JSON.parse(json)).toEqual(report);
    expect(json).not.toMatch(/NaN|Infinity/);
  });

  it('narrows every section by the filter and hides readiness for part of the exam', () => {
    const r = buildReport(full, { filter: { domain: 'security', since: new Date('2026-02-01T00:00:00Z') } });
    expect(r.filter).toEqual({ domain: 'security', topic: null, since: '2026-02-01T00:00:00.000Z' });
    expect([r.overview.questions, r.overview.answers, r.overview.dueToday]).toEqual([2, 3, 0]);
    expect(r.domains.map((d) => d.questions)).toEqual([0, 2, 0, 0]);
    expect(r.weakTopics.map((t) => t.topic)).toEqual(['IAM › Policies']);
    expect(r.mockExams).toEqual([]);
    expect(r.readiness).toEqual({ available: false, reason: 'readiness covers the whole exam: run stats without --domain and --topic to see it' });
    expect(r.suggestions).toEqual(['Drill IAM › Policies (0/3 right): awsquiz study --topic "Policies"']);
    const t = buildReport(full, { filter: { topic: 'lambda' } });
    expect([t.overview.questions, t.overview.answers, t.weakTopics.length]).toEqual([2, 5, 1]);
  });

  it('passes the section options on', () => {
    const r = buildReport(full, { days: 3, weeks: 2, heatmapWeeks: 4, minAnswers: 6, limit: 1 });
    expect([r.trend.days.length, r.trend.weeks.length, r.trend.heatmap.grid.length]).toEqual([3, 2, 4]);
    expect(r.weakTopics.map((t) => t.topic)).toEqual(['SQS › Visibility']);
  });

  it('shows readiness once the data carries it', () => {
    const more = readyInput();
    const r = buildReport(more).readiness;
    expect(r.available).toBe(true);
    if (r.available) expect(r.mockExams).toEqual({ used: 1, meanPercent: 72.3, blend: 0.1 });
  });

  it('starts a new user off', () => {
    expect(buildReport(input()).suggestions).toEqual(['No questions yet: awsquiz ingest']);
  });
});

describe('buildReport at scale', () => {
  it('handles 100 000 answers over 5 000 questions (linear passes, no per-answer scans)', () => {
    let seed = 42;
    const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
    const slugs = ['development', 'security', 'deployment', 'troubleshooting', null];
    const qs: StatsQuestion[] = Array.from({ length: 5_000 }, (_, i) => q(`q${i}`, `Service ${i % 50} › Topic ${i % 400}`, slugs[i % 5]!));
    const hist: StatsAnswer[] = Array.from({ length: 100_000 }, (_, i) =>
      ans(`q${i % 5_000}`, new Date(NOW.getTime() - Math.floor(rand() * 200 * 86_400_000)), rand() < 0.7),
    );
    const cs = new Map<string, CardState>(qs.map((x, i) => [x.id, card({ due: new Date(NOW.getTime() + (i % 20) * 86_400_000 - 5 * 86_400_000), stability: i % 40 })]));
    const r = buildReport(input({ questions: qs, answers: hist, cards: cs }));
    expect([r.overview.questions, r.overview.seen, r.overview.answers]).toEqual([5_000, 5_000, 100_000]);
    expect(r.domains.reduce((s, d) => s + d.answers, 0) + r.unmapped.answers).toBe(100_000);
    expect(r.domains.map((d) => d.questions)).toEqual([1_000, 1_000, 1_000, 1_000]);
    expect(r.overview.dueToday).toBe(1_500);
    expect(r.overview.mastered).toBe(2_375);
    expect(r.weakTopics).toHaveLength(10);
    expect(r.readiness.available).toBe(true);
  });
});

describe('buildReport on tallies', () => {
  it('reports exactly what it reports from the answers the tallies came from', () => {
    const tallied = { ...full, answers: historyFromAnswers(full.answers as readonly StatsAnswer[], full.now, full.timeZoneOffsetMinutes) };
    expect(buildReport(tallied)).toEqual(buildReport(full));
    expect(buildReport(tallied, { days: 3, weeks: 2, heatmapWeeks: 4, minAnswers: 6, limit: 1 })).toEqual(buildReport(full, { days: 3, weeks: 2, heatmapWeeks: 4, minAnswers: 6, limit: 1 }));
  });

  it('refuses tallies taken for another time zone or instant', () => {
    const tallied = { ...full, answers: historyFromAnswers(full.answers as readonly StatsAnswer[], full.now, full.timeZoneOffsetMinutes + 60) };
    expect(() => buildReport(tallied)).toThrow(RangeError);
    const later = { ...full, answers: historyFromAnswers(full.answers as readonly StatsAnswer[], new Date(full.now.getTime() + 1), full.timeZoneOffsetMinutes) };
    expect(() => buildReport(later)).toThrow(RangeError);
  });
});

describe('buildReport with unanswered questions grouped', () => {
  it('reports exactly what it reports with each unanswered question listed one by one', () => {
    const more = { ...full, questions: [...full.questions, q('n1', 'SQS › Visibility', 'development'), q('n2', 'SQS › Visibility', 'development'), q('n3', 'IAM › Policies', 'security'), q('n4', 'Loose ends', null), q('n5', 'Loose ends', null)] };
    const answered = new Set((more.answers as readonly StatsAnswer[]).map((a) => a.questionId));
    const touched = more.questions.filter((x) => answered.has(x.id) || more.cards.has(x.id));
    const groups = new Map<string, StatsQuestion>();
    for (const x of more.questions.filter((y) => !touched.includes(y))) {
      const k = `${x.topic}|${x.domain}`;
      const g = groups.get(k);
      if (g) g.count = (g.count ?? 1) + 1;
      else groups.set(k, { id: '', topic: x.topic, domain: x.domain, count: 1 });
    }
    expect([...groups.values()].some((g) => (g.count ?? 1) > 1)).toBe(true);
    const grouped = { ...more, questions: [...touched, ...groups.values()] };
    expect(buildReport(grouped)).toEqual(buildReport(more));
    for (const filter of [{ domain: 'security' }, { topic: 'sqs' }]) expect(buildReport(grouped, { filter })).toEqual(buildReport(more, { filter }));
  });
});

/** The tallies per domain and topic of an input (one listing per question), as the database keeps them. */
function summaryOf(inp: StatsInput): StatsSummary {
  const h = historyFromAnswers(inp.answers as readonly StatsAnswer[], inp.now, inp.timeZoneOffsetMinutes);
  const { endOfToday, endOfWeek } = dueWindows(inp.now, inp.timeZoneOffsetMinutes);
  const domains = new Map<string | null, DomainSummary>();
  const topics = new Map<string, { answers: number; correct: number; votes: Map<string, number> }>();
  const slugs = new Set(inp.bp.domains.map((d) => d.slug));
  for (const q of inp.questions) {
    let d = domains.get(q.domain);
    if (!d) {
      d = { questions: 0, seen: 0, answers: 0, correct: 0, recentRight: 0, recentWrong: 0, recallSum: 0, recalled: 0, mastered: 0, dueToday: 0, dueNext7Days: 0 };
      domains.set(q.domain, d);
    }
    let t = topics.get(q.topic);
    if (!t) topics.set(q.topic, (t = { answers: 0, correct: 0, votes: new Map() }));
    if (q.domain !== null && slugs.has(q.domain)) t.votes.set(q.domain, (t.votes.get(q.domain) ?? 0) + (q.count ?? 1));
    d.questions += q.count ?? 1;
    const tally = h.byQuestion.get(q.id);
    if (tally) {
      Object.assign(d, { seen: d.seen + 1, answers: d.answers + tally.answers, correct: d.correct + tally.correct });
      d.recentRight += tally.recentRight;
      d.recentWrong += tally.recentWrong;
      t.answers += tally.answers;
      t.correct += tally.correct;
    }
    const card = inp.cards.get(q.id);
    if (!card) continue;
    if (isMastered(card)) d.mastered++;
    if (card.state !== 0 && card.due.getTime() < endOfToday) d.dueToday++;
    else if (card.state !== 0 && card.due.getTime() < endOfWeek) d.dueNext7Days++;
    if (card.state !== 0 && card.last_review !== null) {
      d.recallSum += predictedRecall(inp.scheduler, card, inp.horizon ?? defaultHorizon(inp.now));
      d.recalled++;
    }
  }
  const domainOf = topicDomain(inp.bp);
  const list: TopicTally[] = [...topics].filter(([, t]) => t.answers > 0).map(([topic, t]) => ({ topic, domain: domainOf(t.votes), answers: t.answers, correct: t.correct }));
  return { history: h, recallAt: inp.horizon ?? defaultHorizon(inp.now), domains, topics: list };
}

describe('reportFromSummary', () => {
  it('makes from tallies per domain and topic the report buildReport makes from questions, answers and cards', () => {
    expect(reportFromSummary(summaryOf(full), full)).toEqual(buildReport(full));
    const options = { days: 3, weeks: 2, heatmapWeeks: 4, minAnswers: 1, limit: 2 };
    expect(reportFromSummary(summaryOf(full), full, options)).toEqual(buildReport(full, options));
    expect(reportFromSummary(summaryOf(input()), input())).toEqual(buildReport(input()));
  });

  it('shows readiness from the tallies alike, mock exams blended in', () => {
    const more = readyInput();
    const r = reportFromSummary(summaryOf(more), more);
    expect(r.readiness.available).toBe(true);
    expect(r).toEqual(buildReport(more));
  });

  it('refuses tallies taken for another instant or time zone', () => {
    expect(() => reportFromSummary(summaryOf(full), { ...full, timeZoneOffsetMinutes: 0 })).toThrow(RangeError);
    expect(() => reportFromSummary(summaryOf(full), { ...full, now: new Date(NOW.getTime() + 1) })).toThrow(RangeError);
  });
});
