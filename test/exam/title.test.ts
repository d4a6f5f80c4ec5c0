import { describe, expect, it } from 'vitest';
import { examFromTitle } from '../../src/exam/domains.js';

const exams = [
  { code: 'DVA-C02', name: 'AWS Certified Developer - Associate' },
  { code: 'SAA-C03', name: 'AWS Certified Solutions Architect - Associate' },
  { code: 'SAP-C02', name: 'AWS Certified Solutions Architect - Professional' },
  { code: 'CLF-C02', name: 'AWS Certified Cloud Practitioner' },
];

describe('examFromTitle', () => {
  it('reads the exam from a note title, typos in other words notwithstanding', () => {
    expect(examFromTitle('AWS Certfied Developer Associate', exams)).toBe('DVA-C02');
    expect(examFromTitle('[↖] Solutions Architect Professional', exams)).toBe('SAP-C02');
    expect(examFromTitle('my saa-c03 prep', exams)).toBe('SAA-C03');
  });

  it('says nothing when the title fits no exam, or more than one', () => {
    expect(examFromTitle('Learning note', exams)).toBeNull();
    expect(examFromTitle('Solutions Architect notes', exams)).toBeNull();
  });
});
