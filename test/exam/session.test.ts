import { describe, expect, it } from 'vitest';
import {
  type ExamAction,
  type ExamSessionState,
  elapsedMs,
  examReducer,
  givenAnswers,
  isFinished,
  isTimeUp,
  restoreSession,
  reviewList,
  startSession,
} from '../../src/exam/session.js';

const run = (state: ExamSessionState, ...actions: ExamAction[]) => actions.reduce(examReducer, state);
const start = () => startSession(['q1', 'q2', 'q3', 'q4'], 2);

describe('exam session reducer', () => {
  it('starts on the first question with the whole time', () => {
    expect(start()).toEqual({ ids: ['q1', 'q2', 'q3', 'q4'], index: 0, answers: {}, flagged: [], totalMs: 120_000, remainingMs: 120_000, status: 'running' });
  });

  it('answers, flags, goes back, and lists unanswered and flagged questions for review', () => {
    const s = run(
      start(),
      { type: 'answer', value: [2, 0, 2] },
      { type: 'next' },
      { type: 'flag' },
      { type: 'next' },
      { type: 'answer', value: 'ChangeMessageVisibility' },
      { type: 'flag' },
      { type: 'prev' },
      { type: 'prev' },
      { type: 'flag', id: 'q1' },
      { type: 'unflag', id: 'q1' },
      { type: 'goto', index: 99 },
    );
    expect(s).toEqual({
      ids: ['q1', 'q2', 'q3', 'q4'],
      index: 3,
      answers: { q1: [0, 2], q3: 'ChangeMessageVisibility' },
      flagged: ['q2', 'q3'],
      totalMs: 120_000,
      remainingMs: 120_000,
      status: 'running',
    });
    expect(reviewList(s)).toEqual([
      { index: 1, id: 'q2', answered: false, flagged: true },
      { index: 2, id: 'q3', answered: true, flagged: true },
      { index: 3, id: 'q4', answered: false, flagged: false },
    ]);
  });

  it('jumps from the review list, clears an answer with an empty one, and stays inside the exam', () => {
    const s = run(start(), { type: 'answer', value: [1] }, { type: 'goto', index: 2 }, { type: 'answer', value: [3] }, { type: 'answer', value: [] }, { type: 'prev' }, { type: 'prev' }, { type: 'prev' });
    expect([s.index, s.answers, reviewList(s).map((r) => r.id)]).toEqual([0, { q1: [1] }, ['q2', 'q3', 'q4']]);
    expect(run(s, { type: 'answer', value: '   ' }, { type: 'goto', index: -3 }, { type: 'goto', index: 1.5 }).answers).toEqual({});
  });

  it('ignores answers and flags for questions not in the exam, and never changes the state it was given', () => {
    const s = start();
    const frozen = JSON.stringify(s);
    expect(run(s, { type: 'answer', value: [1], id: 'nope' }, { type: 'flag', id: 'nope' })).toEqual(s);
    run(s, { type: 'answer', value: [1] }, { type: 'flag' }, { type: 'next' }, { type: 'tick', ms: 5 });
    expect(JSON.stringify(s)).toEqual(frozen);
  });

  it('runs the clock down and submits itself at zero; after that nothing changes', () => {
    const half = run(start(), { type: 'answer', value: [0] }, { type: 'tick', ms: 60_000 }, { type: 'tick', ms: -5 });
    expect([half.remainingMs, half.status, isTimeUp(half), isFinished(half), elapsedMs(half)]).toEqual([60_000, 'running', false, false, 60_000]);
    const over = run(half, { type: 'tick', ms: 75_000 });
    expect([over.remainingMs, over.status, isTimeUp(over), isFinished(over), elapsedMs(over)]).toEqual([0, 'time-up', true, true, 120_000]);
    expect(run(over, { type: 'answer', value: [1], id: 'q2' }, { type: 'next' }, { type: 'submit' })).toBe(over);
  });

  it('submits by hand with time left', () => {
    const s = run(start(), { type: 'tick', ms: 1_000 }, { type: 'submit' });
    expect([s.status, isTimeUp(s), isFinished(s), elapsedMs(s)]).toEqual(['submitted', false, true, 1_000]);
  });

  it('turns the answers into what scoreExam takes, judging typed text with the caller’s checker', () => {
    const s = run(start(), { type: 'answer', value: [3, 1] }, { type: 'next' }, { type: 'answer', value: '15 min' }, { type: 'next' }, { type: 'answer', value: 'nope' });
    expect(givenAnswers(s, (id, text) => id === 'q2' && text === '15 min')).toEqual(
      new Map([
        ['q1', { selected: [1, 3] }],
        ['q2', { typedCorrect: true }],
        ['q3', { typedCorrect: false }],
        ['q4', undefined],
      ]),
    );
  });
});

describe('restoreSession', () => {
  it('reads back a state saved as JSON, clock where it stopped', () => {
    const s = run(start(), { type: 'answer', value: [2] }, { type: 'next' }, { type: 'flag' }, { type: 'tick', ms: 42_000 });
    expect(restoreSession(JSON.parse(JSON.stringify(s)))).toEqual(s);
  });

  it('refuses a state that is not one', () => {
    const good = JSON.parse(JSON.stringify(start())) as Record<string, unknown>;
    const broken = (over: Record<string, unknown>) => restoreSession({ ...good, ...over });
    expect([
      restoreSession(null),
      broken({ ids: ['q1', 'q1'] }),
      broken({ index: 4 }),
      broken({ remainingMs: -1 }),
      broken({ remainingMs: 200_000 }),
      broken({ status: 'paused' }),
      broken({ flagged: ['q9'] }),
      broken({ answers: { q1: [-1] } }),
      broken({ answers: { q9: [1] } }),
      broken({ answers: [] }),
    ]).toEqual([
      { error: 'saved exam state is unusable: not an object' },
      { error: 'saved exam state is unusable: "ids" is not a list of distinct ids' },
      { error: 'saved exam state is unusable: "index" is past the last question' },
      { error: 'saved exam state is unusable: "remainingMs" is not a whole number ≥ 0' },
      { error: 'saved exam state is unusable: "remainingMs" is more than "totalMs"' },
      { error: 'saved exam state is unusable: "status" is not running, submitted or time-up' },
      { error: 'saved exam state is unusable: "flagged" names unknown questions' },
      { error: 'saved exam state is unusable: the answer to "q1" is not valid' },
      { error: 'saved exam state is unusable: the answer to "q9" is not valid' },
      { error: 'saved exam state is unusable: "answers" is not an object' },
    ]);
  });
});
