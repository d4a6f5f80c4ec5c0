// Notes more than one test file drives the binary with (written for these tests).

/** Four IAM definitions: every question maps to the DVA-C02 security domain through its service. */
export const IAM_NOTE = `---
exam: DVA-C02
domain: security
---

# IAM

## IAM identities

- **IAM user**: a person or program with long-term credentials
- **IAM role**: an identity anyone allowed can assume for temporary credentials
- **IAM group**: a collection of users that share the same permissions
- **Root user**: the identity created with the account that has every permission
`;

/** Three queue kinds and no heading: the questions' topic is the file name. */
export const HEADINGLESS = [
  '- **Standard queue**: delivers each message at least once in roughly the sent order',
  '- **FIFO queue**: keeps the strict order of messages and delivers each one once',
  '- **Delay queue**: waits for a configured time before delivering every new message',
  '',
].join('\n');
