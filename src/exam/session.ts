/** The state of an exam in progress, as a pure reducer: plain JSON, so the database can keep it for --resume. */

import type { GivenAnswer } from './score.js';

/** 'time-up' is a submission the clock made. */
export type SessionStatus = 'running' | 'submitted' | 'time-up';

/** Where the user is, what they answered (option indices, or the typed text) and what they flagged. */
export interface ExamSessionState {
  /** Question ids in exam order. */
  ids: string[];
  index: number;
  answers: Record<string, number[] | string>;
  /** Flagged question ids, in exam order. */
  flagged: string[];
  totalMs: number;
  remainingMs: number;
  status: SessionStatus;
}

/** What the UI can do; `id` defaults to the current question. An empty answer clears it. */
export type ExamAction =
  | { type: 'answer'; value: number[] | string; id?: string }
  | { type: 'flag'; id?: string }
  | { type: 'unflag'; id?: string }
  | { type: 'next' }
  | { type: 'prev' }
  | { type: 'goto'; index: number }
  | { type: 'tick'; ms: number }
  | { type: 'submit' };

/** A question the review screen lists before submitting. */
export interface ReviewEntry {
  index: number;
  id: string;
  answered: boolean;
  flagged: boolean;
}

/** A fresh session over `ids` with `minutes` on the clock. */
export function startSession(ids: readonly string[], minutes: number): ExamSessionState {
  const totalMs = Math.max(0, Math.round(minutes * 60_000));
  return { ids: [...ids], index: 0, answers: {}, flagged: [], totalMs, remainingMs: totalMs, status: 'running' };
}

/** The next state; never mutates `state`. Once submitted or out of time, every action leaves it as it is. */
export function examReducer(state: ExamSessionState, action: ExamAction): ExamSessionState {
  if (state.status !== 'running') return state;
  const last = state.ids.length - 1;
  switch (action.type) {
    case 'answer': {
      const id = target(state, action.id);
      if (id === null) return state;
      const answers = { ...state.answers };
      const value = normalise(action.value);
      if (value === null) delete answers[id];
      else answers[id] = value;
      return { ...state, answers };
    }
    case 'flag':
    case 'unflag': {
      const id = target(state, action.id);
      if (id === null) return state;
      const on = new Set(state.flagged);
      if (action.type === 'flag') on.add(id);
      else on.delete(id);
      return { ...state, flagged: state.ids.filter((x) => on.has(x)) };
    }
    case 'next':
      return { ...state, index: Math.min(state.index + 1, Math.max(last, 0)) };
    case 'prev':
      return { ...state, index: Math.max(state.index - 1, 0) };
    case 'goto':
      return Number.isInteger(action.index) ? { ...state, index: Math.min(Math.max(action.index, 0), Math.max(last, 0)) } : state;
    case 'tick': {
      if (!Number.isFinite(action.ms) || action.ms <= 0) return state;
      const remainingMs = Math.max(0, state.remainingMs - action.ms);
      // At zero the exam submits itself: unanswered questions then count as wrong.
      return { ...state, remainingMs, status: remainingMs === 0 ? 'time-up' : 'running' };
    }
    case 'submit':
      return { ...state, status: 'submitted' };
  }
}

/** The questions to look at again before submitting: unanswered or flagged, in exam order. */
export function reviewList(state: ExamSessionState): ReviewEntry[] {
  const flagged = new Set(state.flagged);
  return state.ids.flatMap((id, index) => {
    const answered = id in state.answers;
    return !answered || flagged.has(id) ? [{ index, id, answered, flagged: flagged.has(id) }] : [];
  });
}

/** Whether the clock has run out. */
export function isTimeUp(state: ExamSessionState): boolean {
  return state.status === 'time-up' || state.remainingMs <= 0;
}

/** Whether the exam is over (submitted by the user or by the clock). */
export function isFinished(state: ExamSessionState): boolean {
  return state.status !== 'running';
}

/** Time used so far. */
export function elapsedMs(state: ExamSessionState): number {
  return state.totalMs - state.remainingMs;
}

/** The answers in scoreExam's terms; typed text is judged by `typedCorrect` (the caller knows the accepted spellings). */
export function givenAnswers(
  state: ExamSessionState,
  typedCorrect: (id: string, text: string) => boolean,
): Map<string, GivenAnswer | undefined> {
  const out = new Map<string, GivenAnswer | undefined>();
  for (const id of state.ids) {
    const a = state.answers[id];
    out.set(id, a === undefined ? undefined : typeof a === 'string' ? { typedCorrect: typedCorrect(id, a) } : { selected: a });
  }
  return out;
}

/** Reads a state back from JSON (sessions.plan), checking its shape, since the file may be old or edited. */
export function restoreSession(json: unknown): ExamSessionState | { error: string } {
  const bad = (what: string) => ({ error: `saved exam state is unusable: ${what}` });
  if (typeof json !== 'object' || json === null) return bad('not an object');
  const s = json as Record<string, unknown>;
  const ids = s['ids'];
  if (!Array.isArray(ids) || !ids.every((x) => typeof x === 'string') || new Set(ids).size !== ids.length) return bad('"ids" is not a list of distinct ids');
  const known = new Set<string>(ids);
  for (const k of ['index', 'totalMs', 'remainingMs'] as const) {
    const v = s[k];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) return bad(`"${k}" is not a whole number ≥ 0`);
  }
  if ((s['index'] as number) > Math.max(ids.length - 1, 0)) return bad('"index" is past the last question');
  if ((s['remainingMs'] as number) > (s['totalMs'] as number)) return bad('"remainingMs" is more than "totalMs"');
  const status = s['status'];
  if (status !== 'running' && status !== 'submitted' && status !== 'time-up') return bad('"status" is not running, submitted or time-up');
  const flagged = s['flagged'];
  if (!Array.isArray(flagged) || !flagged.every((x) => typeof x === 'string' && known.has(x))) return bad('"flagged" names unknown questions');
  const answers = s['answers'];
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) return bad('"answers" is not an object');
  const restored: Record<string, number[] | string> = {};
  for (const [id, v] of Object.entries(answers)) {
    const value = known.has(id) ? normalise(v as number[] | string) : null;
    if (value === null) return bad(`the answer to "${id}" is not valid`);
    restored[id] = value;
  }
  return {
    ids: [...ids],
    index: s['index'] as number,
    answers: restored,
    flagged: ids.filter((id) => flagged.includes(id)),
    totalMs: s['totalMs'] as number,
    remainingMs: s['remainingMs'] as number,
    status,
  };
}

function target(state: ExamSessionState, id: string | undefined): string | null {
  if (id === undefined) return state.ids[state.index] ?? null;
  return state.ids.includes(id) ? id : null;
}

/** Option indices ascending without repeats; text as typed. Null for an empty or malformed answer. */
function normalise(value: number[] | string): number[] | string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (!Array.isArray(value) || !value.every((n) => Number.isInteger(n) && n >= 0)) return null;
  const sorted = [...new Set(value)].sort((a, b) => a - b);
  return sorted.length === 0 ? null : sorted;
}
