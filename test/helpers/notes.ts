/** Notes the command tests share. */

/**
 * Four IAM limits: every question is a choice (a number among the values such a limit usually takes) that
 * maps to the DVA-C02 security domain (front matter and service alike).
 */
export const IAM_LIMITS = `---
exam: DVA-C02
domain: security
---

# IAM

## IAM limits

- An IAM user can have at most 2 access keys at a time
- An IAM role session lasts 1 hour by default
- An IAM role session can be set to last up to 12 hours
- An IAM managed policy document holds up to 6,144 characters
`;

/** Three queue kinds and no heading: the questions' topic is the file name. */
export const HEADINGLESS = [
  '- **Standard queue**: delivers each message at least once in roughly the sent order',
  '- **FIFO queue**: keeps the strict order of messages and delivers each one once',
  '- **Delay queue**: waits for a configured time before delivering every new message',
  '',
].join('\n');
