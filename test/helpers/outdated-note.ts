/** Written for the outdated-fact tests: two lines state the SQS message size of before 2025, the others are current. */
export const OUTDATED_NOTE = [
  '# Amazon SQS', // 1
  '', // 2
  '## SQS limits', // 3
  '', // 4
  '- Maximum message size: 256 KB', // 5
  '- Maximum message retention: 14 days', // 6
  '- Default visibility timeout: 30 seconds', // 7
  '- Maximum long polling wait: 20 seconds', // 8
  '- Maximum delivery delay: 15 minutes', // 9
  '', // 10
  'Q: What is the largest SQS message size?', // 11
  'A: 256 KB', // 12
  '',
].join('\n');
