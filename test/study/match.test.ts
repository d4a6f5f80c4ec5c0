import { describe, expect, it } from 'vitest';
import { matchChoices, matchTyped, parseChoiceInput } from '../../src/study/match.js';

const q = (answers: string[], accepted: string[] = []) => ({ answers, accepted });

describe('matchTyped: what does not matter', () => {
  it('ignores case, surrounding and inner punctuation and spacing', () => {
    const cmv = q(['ChangeMessageVisibility']);
    expect(matchTyped('changemessagevisibility', cmv)).toEqual({ correct: true, forgiven: false, canonical: 'ChangeMessageVisibility' });
    expect(matchTyped('  "Change Message-Visibility!"  ', cmv)).toEqual({ correct: true, forgiven: false, canonical: 'ChangeMessageVisibility' });
  });

  it('treats hyphens, spaces and nothing alike', () => {
    const ro = q(['read-only']);
    for (const given of ['read only', 'readonly', 'Read-Only', 'read_only']) {
      expect(matchTyped(given, ro)).toEqual({ correct: true, forgiven: false, canonical: 'read-only' });
    }
  });

  it('ignores articles', () => {
    expect(matchTyped('the dead-letter queue', q(['Dead-letter queue']))).toEqual({ correct: true, forgiven: false, canonical: 'Dead-letter queue' });
    expect(matchTyped('dead letter queue', q(['A dead-letter queue']))).toEqual({ correct: true, forgiven: false, canonical: 'A dead-letter queue' });
    expect(matchTyped('an origin access control', q(['Origin Access Control']))).toEqual({ correct: true, forgiven: false, canonical: 'Origin Access Control' });
  });

  it('keeps an answer that is only an article-like letter', () => {
    expect(matchTyped('a', q(['A']))).toEqual({ correct: true, forgiven: false, canonical: 'A' });
    expect(matchTyped('AAAA', q(['A']))).toEqual({ correct: false, forgiven: false, canonical: 'A' });
  });

  it('accepts simple plurals either way', () => {
    expect(matchTyped('Lambda layer', q(['Lambda layers']))).toEqual({ correct: true, forgiven: false, canonical: 'Lambda layers' });
    expect(matchTyped('resource-based policies', q(['resource-based policy']))).toEqual({ correct: true, forgiven: false, canonical: 'resource-based policy' });
    expect(matchTyped('queues', q(['queue']))).toEqual({ correct: true, forgiven: false, canonical: 'queue' });
    expect(matchTyped('caches', q(['cache']))).toEqual({ correct: true, forgiven: false, canonical: 'cache' });
    expect(matchTyped('access', q(['access']))).toEqual({ correct: true, forgiven: false, canonical: 'access' });
    expect(matchTyped('IAM policy and role', q(['IAM policies and roles']))).toEqual({ correct: true, forgiven: false, canonical: 'IAM policies and roles' });
  });

  it('treats & and "and" alike', () => {
    expect(matchTyped('Secrets Manager & Parameter Store', q(['Secrets Manager and Parameter Store']))).toEqual({
      correct: true,
      forgiven: false,
      canonical: 'Secrets Manager and Parameter Store',
    });
  });

  it('reads a unit written with or without a space, abbreviated or in full', () => {
    const timeout = q(['30 seconds']);
    for (const given of ['30 seconds', '30seconds', '30 secs', '30 sec.', '30s', '30 Second']) {
      expect(matchTyped(given, timeout)).toEqual({ correct: true, forgiven: false, canonical: '30 seconds' });
    }
    expect(matchTyped('256kb', q(['256 KB']))).toEqual({ correct: true, forgiven: false, canonical: '256 KB' });
    expect(matchTyped('100 ms', q(['100 milliseconds']))).toEqual({ correct: true, forgiven: false, canonical: '100 milliseconds' });
    expect(matchTyped('15 mins', q(['15 minutes']))).toEqual({ correct: true, forgiven: false, canonical: '15 minutes' });
    expect(matchTyped('1000 ms', q(['1,000 ms']))).toEqual({ correct: true, forgiven: false, canonical: '1,000 ms' });
    expect(matchTyped('0.5', q(['0.50']))).toEqual({ correct: true, forgiven: false, canonical: '0.50' });
    expect(matchTyped('50 percent', q(['50%']))).toEqual({ correct: true, forgiven: false, canonical: '50%' });
  });

  it('accepts the question\u2019s accepted variants and shows the canonical answer', () => {
    const sqs = q(['Amazon Simple Queue Service (SQS)'], ['Amazon Simple Queue Service', 'SQS']);
    expect(matchTyped('sqs', sqs)).toEqual({ correct: true, forgiven: false, canonical: 'Amazon Simple Queue Service (SQS)' });
  });

  it('names the answer that matched when a question has several', () => {
    expect(matchTyped('ssm parameter store', q(['Secrets Manager', 'SSM Parameter Store']))).toEqual({
      correct: true,
      forgiven: false,
      canonical: 'SSM Parameter Store',
    });
  });
});

describe('matchTyped: typos', () => {
  it('forgives one typo in 5 to 9 characters and says so', () => {
    expect(matchTyped('Kinesys', q(['Kinesis']))).toEqual({ correct: true, forgiven: true, canonical: 'Kinesis' });
    expect(matchTyped('Kniesis', q(['Kinesis']))).toEqual({ correct: true, forgiven: true, canonical: 'Kinesis' });
    expect(matchTyped('Knesys', q(['Kinesis']))).toEqual({ correct: false, forgiven: false, canonical: 'Kinesis' });
  });

  it('forgives two typos from 10 characters on, not three', () => {
    const vt = q(['Visibility timeout']);
    expect(matchTyped('visibilty timeout', vt)).toEqual({ correct: true, forgiven: true, canonical: 'Visibility timeout' });
    expect(matchTyped('visibilty timout', vt)).toEqual({ correct: true, forgiven: true, canonical: 'Visibility timeout' });
    expect(matchTyped('visiblty timout', vt)).toEqual({ correct: false, forgiven: false, canonical: 'Visibility timeout' });
  });

  it('forgives nothing in 4 characters or fewer', () => {
    expect(matchTyped('SNS', q(['SQS']))).toEqual({ correct: false, forgiven: false, canonical: 'SQS' });
    expect(matchTyped('EKS', q(['ECS']))).toEqual({ correct: false, forgiven: false, canonical: 'ECS' });
    expect(matchTyped('ACM', q(['ACMs']))).toEqual({ correct: true, forgiven: false, canonical: 'ACMs' });
  });

  it('does not let a typo land in a short word of a longer answer', () => {
    expect(matchTyped('SNS fan out', q(['SQS fan out']))).toEqual({ correct: false, forgiven: false, canonical: 'SQS fan out' });
  });

  it('prefers an exact match over a forgiven one', () => {
    expect(matchTyped('Standard', q(['Standart', 'Standard']))).toEqual({ correct: true, forgiven: false, canonical: 'Standard' });
  });
});

describe('matchTyped: never confuses numbers or units', () => {
  it('does not turn one number into another by a typo', () => {
    expect(matchTyped('4 days', q(['14 days']))).toEqual({ correct: false, forgiven: false, canonical: '14 days' });
    expect(matchTyped('14 days', q(['4 days']))).toEqual({ correct: false, forgiven: false, canonical: '4 days' });
    expect(matchTyped('900 seconds', q(['90 seconds']))).toEqual({ correct: false, forgiven: false, canonical: '90 seconds' });
    expect(matchTyped('t3.micro', q(['t2.micro']))).toEqual({ correct: false, forgiven: false, canonical: 't2.micro' });
    expect(matchTyped('SSE-S4', q(['SSE-S3']))).toEqual({ correct: false, forgiven: false, canonical: 'SSE-S3' });
  });

  it('does not swap units, or drop them', () => {
    expect(matchTyped('512 GB', q(['512 MB']))).toEqual({ correct: false, forgiven: false, canonical: '512 MB' });
    expect(matchTyped('30 minutes', q(['30 seconds']))).toEqual({ correct: false, forgiven: false, canonical: '30 seconds' });
    expect(matchTyped('30', q(['30 seconds']))).toEqual({ correct: false, forgiven: false, canonical: '30 seconds' });
  });

  it('still forgives a typo in the words around a number', () => {
    expect(matchTyped('maximum 14 days retension', q(['maximum 14 days retention']))).toEqual({
      correct: true,
      forgiven: true,
      canonical: 'maximum 14 days retention',
    });
  });
});

describe('matchTyped: empty answers', () => {
  it('never accepts an empty or punctuation-only answer', () => {
    for (const given of ['', '   ', '?!', '-', 'the']) {
      expect(matchTyped(given, q(['Kinesis'], ['']))).toEqual({ correct: false, forgiven: false, canonical: 'Kinesis' });
    }
  });

  it('skips empty expected answers instead of matching everything', () => {
    expect(matchTyped('anything', q(['', '!!']))).toEqual({ correct: false, forgiven: false, canonical: '' });
    expect(matchTyped('anything', q([]))).toEqual({ correct: false, forgiven: false, canonical: '' });
  });
});

describe('matchChoices', () => {
  it('is all-or-nothing and ignores order', () => {
    expect(matchChoices([2, 0], [0, 2])).toEqual(true);
    expect(matchChoices([1], [1])).toEqual(true);
    expect(matchChoices([0], [0, 2])).toEqual(false);
    expect(matchChoices([0, 1, 2], [0, 2])).toEqual(false);
    expect(matchChoices([], [0])).toEqual(false);
    expect(matchChoices([1], [0])).toEqual(false);
  });
});

describe('parseChoiceInput', () => {
  it('reads numbers and letters, alone or in lists', () => {
    expect(parseChoiceInput('1', 4)).toEqual([0]);
    expect(parseChoiceInput('b', 4)).toEqual([1]);
    expect(parseChoiceInput('B', 4)).toEqual([1]);
    expect(parseChoiceInput('1,3', 5)).toEqual([0, 2]);
    expect(parseChoiceInput('a c', 5)).toEqual([0, 2]);
    expect(parseChoiceInput('13', 5)).toEqual([0, 2]);
    expect(parseChoiceInput('AC', 5)).toEqual([0, 2]);
    expect(parseChoiceInput(' 3 , 1 \n', 5)).toEqual([0, 2]);
    expect(parseChoiceInput('ca', 5)).toEqual([0, 2]);
    expect(parseChoiceInput('1; 2 + 4/5', 5)).toEqual([0, 1, 3, 4]);
    expect(parseChoiceInput('a,3', 5)).toEqual([0, 2]);
  });

  it('refuses empty, malformed, out-of-range and repeated input', () => {
    expect(parseChoiceInput('', 4)).toEqual(null);
    expect(parseChoiceInput('  , ', 4)).toEqual(null);
    expect(parseChoiceInput('0', 4)).toEqual(null);
    expect(parseChoiceInput('5', 4)).toEqual(null);
    expect(parseChoiceInput('e', 4)).toEqual(null);
    expect(parseChoiceInput('1,1', 4)).toEqual(null);
    expect(parseChoiceInput('aa', 4)).toEqual(null);
    expect(parseChoiceInput('1 a', 4)).toEqual(null);
    expect(parseChoiceInput('1a', 4)).toEqual(null);
    expect(parseChoiceInput('-1', 4)).toEqual(null);
    expect(parseChoiceInput('b)', 4)).toEqual(null);
    expect(parseChoiceInput('1', 0)).toEqual(null);
  });

  it('reads runs of digits as whole numbers when there are ten or more options', () => {
    expect(parseChoiceInput('12', 12)).toEqual([11]);
    expect(parseChoiceInput('1 12', 12)).toEqual([0, 11]);
    expect(parseChoiceInput('13', 12)).toEqual(null);
  });
});

describe('matchTyped: numbers in words and "-based" compounds', () => {
  it('reads number words as the number', () => {
    expect(matchTyped('one hour', q(['1 hour']))).toEqual({ correct: true, forgiven: false, canonical: '1 hour' });
    expect(matchTyped('1 hour', q(['one hour']))).toEqual({ correct: true, forgiven: false, canonical: 'one hour' });
    expect(matchTyped('fifteen minutes', q(['15 minutes']))).toEqual({ correct: true, forgiven: false, canonical: '15 minutes' });
    expect(matchTyped('twenty-four hours', q(['24 hours']))).toEqual({ correct: true, forgiven: false, canonical: '24 hours' });
    expect(matchTyped('one hundred and twenty seconds', q(['120 s']))).toEqual({ correct: true, forgiven: false, canonical: '120 s' });
    expect(matchTyped('ten thousand', q(['10,000']))).toEqual({ correct: true, forgiven: false, canonical: '10,000' });
    expect(matchTyped('three hundred forty five', q(['345']))).toEqual({ correct: true, forgiven: false, canonical: '345' });
  });

  it('still tells numbers apart, in words or not', () => {
    expect(matchTyped('two hours', q(['1 hour'])).correct).toBe(false);
    expect(matchTyped('twelve', q(['20'])).correct).toBe(false);
    // Not one number: the words stay words, and the quantity 12 does not appear out of "one two".
    expect(matchTyped('one two', q(['12'])).correct).toBe(false);
  });

  it('takes "X-based", "X based" and "X" as one', () => {
    const rbp = q(['resource-based policy']);
    for (const given of ['resource policy', 'resource based policy', 'Resource-based policies', 'resource-based policy']) {
      expect(matchTyped(given, rbp)).toEqual({ correct: true, forgiven: false, canonical: 'resource-based policy' });
    }
    expect(matchTyped('latency-based routing', q(['latency routing'])).correct).toBe(true);
    expect(matchTyped('identity policy', q(['resource-based policy'])).correct).toBe(false);
  });
});
