import { it } from 'vitest';
import { assembleExam } from '../../src/exam/assemble.js';
import { seededRandom } from '../../src/exam/random.js';
import { blueprint, question } from './helpers.js';
it('scratch', () => {
  const bp = blueprint('DVA-C02');
  const qs = [
    { ...question('q1', { topic: 'SQS', answers: ['30 seconds'], distractors: ['20 seconds', '12 hours', '14 days', '4 days'] }), domain: 'development' },
    { ...question('q2', { kind: 'multi', topic: 'SQS', answers: ['Standard', 'FIFO'], distractors: ['Priority', 'LIFO', 'fifo'] }), domain: 'development' },
    { ...question('q3', { kind: 'typed', topic: 'Lambda', answers: ['15 minutes'], distractors: [] }), domain: 'development' },
    { ...question('q4', { kind: 'flip', topic: 'Lambda' }), domain: 'development' },
    { ...question('q5', { topic: 'Lambda', answers: ['Provisioned concurrency'], distractors: ['Reserved concurrency', 'SnapStart'] }), domain: 'development' },
  ];
  console.log(JSON.stringify(assembleExam({ questions: qs, bp, domain: 'development', count: 4, rng: seededRandom('small') }), null, 1));
});
