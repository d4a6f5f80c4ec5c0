import { describe, expect, it } from 'vitest';
import { makeStyle } from '../../src/cli/render.js';
import { studyFeedbackScreen, studyQuestionScreen, type StudyQuestionView } from '../../src/cli/study-view.js';
import { answeredMarks, displayPath, interval, promptText } from '../../src/cli/views.js';
import { plainScreen } from '../../src/cli/layout.js';
import type { QuizQuestion } from '../../src/core/types.js';

const style = makeStyle(false);

describe('promptText', () => {
  it('drops the lead that repeats the end of the heading path, however much of it', () => {
    expect(promptText('Amazon SQS › SQS queue settings', 'Amazon SQS › SQS queue settings — which one does this describe: “x”?')).toBe('Which one does this describe: “x”?');
    expect(promptText('AWS Lambda › Event source mappings › Limits', 'Event source mappings › Limits — fill in the blank: “____”')).toBe('Fill in the blank: “____”');
    expect(promptText('AWS Elastic Beanstalk, Amazon ECS, Amazon ECR and AWS AppConfig › ECS task placement', 'AWS Elastic Beanstalk, Amazon ECS, Amazon ECR and AWS… › ECS task placement — which one?')).toBe('Which one?');
  });

  it('keeps a lead that is not the heading path, and drops a trailing "(Select TWO)" shown on its own line', () => {
    expect(promptText('IAM › Policies', 'Lambda — what is this?')).toBe('Lambda — what is this?');
    expect(promptText('S3 › Events', 'S3 › Events — which TWO of these belong to “types”? (Select TWO)')).toBe('Which TWO of these belong to “types”?');
  });
});

describe('interval', () => {
  it('reads as a learner reads it', () => {
    expect(interval(30_000)).toBe('in 1 min');
    expect(interval(10 * 60_000)).toBe('in 10 min');
    expect(interval(3 * 3_600_000)).toBe('in 3 h');
    expect(interval(4 * 86_400_000)).toBe('in 4 days');
    expect(interval(86_400_000)).toBe('in 1 day');
    expect(interval(90 * 86_400_000)).toBe('in 3 months');
  });
});

describe('displayPath', () => {
  it('is relative inside the working folder and uses ~ for home elsewhere', () => {
    expect(displayPath('/work/x/notes/sqs.md', '/work/x', '/home/me')).toBe('notes/sqs.md');
    expect(displayPath('/home/me/aws/sqs.md', '/work/x', '/home/me')).toBe('~/aws/sqs.md');
    expect(displayPath('/srv/sqs.md', '/work/x', '/home/me')).toBe('/srv/sqs.md');
  });
});

const q: QuizQuestion = {
  id: 'q1',
  kind: 'single',
  topic: 'Amazon SQS › SQS queue settings',
  prompt: 'Amazon SQS › SQS queue settings — which one does this describe: “hides a received message”?',
  answers: ['Visibility timeout'],
  distractors: ['Delay queue', 'Long polling', 'Dead-letter queue'],
  accepted: [],
  services: [],
  exam: null,
  domain: null,
  source: { path: '/n/sqs.md', line: 5, text: 'Visibility timeout: hides a received message' },
};
const view: StudyQuestionView = {
  q,
  options: ['Delay queue', 'Visibility timeout', 'Long polling', 'Dead-letter queue'],
  select: 1,
  header: 'Study · 3 new · about 1 min',
  flagged: false,
  status: () => '1/3',
  hint: '1–4 answer',
};
const live = { picked: [], line: '', error: '', nowMs: 0, columns: 80 };

describe('study screens', () => {
  it('show the heading path once, above the wording that no longer repeats it', () => {
    const text = plainScreen(studyQuestionScreen(style, view, live));
    expect(text.split('\n').filter((l) => l.includes('SQS queue settings'))).toEqual(['Amazon SQS › SQS queue settings']);
  });

  it('mark the right choice ✔ and a wrong pick ✘ after the answer, with your answer and the next review', () => {
    const text = plainScreen(
      studyFeedbackScreen(style, view, { correct: false, rightText: 'Visibility timeout', givenText: 'Delay queue', right: [1], picked: [0], next: 'in 1 min', again: true }, ['  “note”'], live),
    );
    expect(text).toContain('  ✘ 1/a  Delay queue');
    expect(text).toContain('  ✔ 2/b  Visibility timeout');
    expect(text).toContain('Yours:  Delay queue');
    expect(text).toContain('Due again in 1 min; asked again in this session.');
    expect(text.split('\n').filter((l) => l.includes('SQS queue settings'))).toHaveLength(1);
    expect(answeredMarks(4, [1], [1])).toEqual(['none', 'right-picked', 'none', 'none']);
  });
});
