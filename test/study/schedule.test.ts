import { createEmptyCard, fsrs, Rating, State } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import {
  fromFsrsCard,
  fromFsrsLog,
  makeScheduler,
  newCardState,
  retrievability,
  reviewCard,
  toFsrsCard,
  toFsrsLog,
  type CardState,
} from '../../src/study/schedule.js';

const now = new Date('2026-03-01T09:00:00Z');
const at = (iso: string) => new Date(iso);
const daysLater = (days: number) => new Date(now.getTime() + days * 86_400_000);

describe('makeScheduler', () => {
  it('defaults to 90% retention without fuzz', () => {
    const s = makeScheduler();
    expect([s.retention, s.fuzz, s.engine.parameters.request_retention, s.engine.parameters.enable_fuzz]).toEqual([0.9, false, 0.9, false]);
  });

  it('refuses a retention outside (0, 1)', () => {
    expect(() => makeScheduler({ retention: 1 })).toThrow(RangeError);
    expect(() => makeScheduler({ retention: 0 })).toThrow(RangeError);
    expect(() => makeScheduler({ retention: Number.NaN })).toThrow(RangeError);
  });
});

describe('newCardState', () => {
  it('is a never-reviewed card due now', () => {
    expect(newCardState(now)).toEqual({
      due: at('2026-03-01T09:00:00Z'),
      stability: 0,
      difficulty: 0,
      elapsed_days: 0,
      scheduled_days: 0,
      learning_steps: 0,
      reps: 0,
      lapses: 0,
      state: 0,
      last_review: null,
    });
  });
});

describe('reviewCard', () => {
  const scheduler = makeScheduler();

  it('schedules a Good review of a new card later than an Again', () => {
    const again = reviewCard(scheduler, newCardState(now), 1, now);
    const good = reviewCard(scheduler, newCardState(now), 3, now);
    expect(again.card.due).toEqual(at('2026-03-01T09:01:00Z'));
    expect(good.card.due).toEqual(at('2026-03-01T09:10:00Z'));
    expect(good.card.due.getTime()).toBeGreaterThan(again.card.due.getTime());
  });

  it('returns the new card state and the log of the review', () => {
    const { card, log } = reviewCard(scheduler, newCardState(now), 4, now);
    // ts-fsrs 5.x default parameters.
    expect(card).toEqual({
      due: at('2026-03-09T09:00:00Z'),
      stability: 8.2956,
      difficulty: 1,
      elapsed_days: 0,
      scheduled_days: 8,
      learning_steps: 0,
      reps: 1,
      lapses: 0,
      state: 2,
      last_review: now,
    });
    expect(log).toEqual({
      rating: 4,
      state: 0,
      due: now,
      stability: 0,
      difficulty: 0,
      elapsed_days: 0,
      last_elapsed_days: 0,
      scheduled_days: 0,
      learning_steps: 0,
      review: now,
    });
  });

  it('counts a lapse when a card in review is forgotten', () => {
    const learnt = reviewCard(scheduler, newCardState(now), 4, now).card;
    const lapsed = reviewCard(scheduler, learnt, 1, learnt.due).card;
    expect([lapsed.state, lapsed.lapses, lapsed.reps]).toEqual([3, 1, 2]);
  });

  it('gives shorter intervals for a higher retention', () => {
    const strict = makeScheduler({ retention: 0.97 });
    const due = (s: typeof scheduler) => reviewCard(s, newCardState(now), 4, now).card.scheduled_days;
    expect(due(strict)).toBeLessThan(due(scheduler));
  });

  it('is deterministic and leaves its input alone', () => {
    const card = newCardState(now);
    const copy = structuredClone(card);
    expect(reviewCard(scheduler, card, 3, now)).toEqual(reviewCard(scheduler, card, 3, now));
    expect(card).toEqual(copy);
  });

  it('matches ts-fsrs used directly', () => {
    const direct = fsrs({ request_retention: 0.9, enable_fuzz: false }).next(createEmptyCard(now), now, Rating.Good);
    const ours = reviewCard(scheduler, newCardState(now), 3, now);
    expect(ours).toEqual({ card: fromFsrsCard(direct.card), log: fromFsrsLog(direct.log) });
  });
});

describe('retrievability', () => {
  const scheduler = makeScheduler();

  it('is 0 for a new card', () => {
    expect(retrievability(scheduler, newCardState(now), now)).toEqual(0);
  });

  it('starts at 1 and decays with time', () => {
    const card = reviewCard(scheduler, newCardState(now), 4, now).card;
    const r = [0, 1, 8, 30].map((d) => retrievability(scheduler, card, daysLater(d)));
    expect(r[0]).toEqual(1);
    expect(r[1]).toBeLessThan(1);
    expect(r[2]).toBeLessThan(r[1]!);
    expect(r[3]).toBeLessThan(r[2]!);
    expect(r[3]).toBeGreaterThan(0);
    // Due when recall reaches the desired retention.
    expect(r[2]).toBeCloseTo(0.9, 1);
  });
});

describe('CardState ↔ ts-fsrs', () => {
  const stored: CardState = {
    due: at('2026-03-05T09:00:00Z'),
    stability: 4.5,
    difficulty: 6.25,
    elapsed_days: 3,
    scheduled_days: 4,
    learning_steps: 0,
    reps: 5,
    lapses: 1,
    state: 2,
    last_review: at('2026-03-01T09:00:00Z'),
  };

  it('converts a stored card to a ts-fsrs card and back unchanged', () => {
    expect(toFsrsCard(stored)).toEqual({ ...stored, state: State.Review });
    expect(fromFsrsCard(toFsrsCard(stored))).toEqual(stored);
    const fresh = newCardState(now);
    expect(toFsrsCard(fresh).last_review).toEqual(undefined);
    expect(fromFsrsCard(toFsrsCard(fresh))).toEqual(fresh);
  });

  it('converts a ts-fsrs card to a stored one and back unchanged', () => {
    const card = fsrs().next(createEmptyCard(now), now, Rating.Hard).card;
    expect(toFsrsCard(fromFsrsCard(card))).toEqual(card);
  });

  it('round-trips review logs', () => {
    const log = fsrs().next(createEmptyCard(now), now, Rating.Easy).log;
    expect(toFsrsLog(fromFsrsLog(log))).toEqual(log);
  });

  it('shares no Date objects with its input', () => {
    const card = toFsrsCard(stored);
    card.due.setTime(0);
    expect(stored.due).toEqual(at('2026-03-05T09:00:00Z'));
  });
});
