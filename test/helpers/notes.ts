/** Notes the command tests share. */

/** Four IAM definitions: every question maps to the DVA-C02 security domain (front matter and service alike). */
export const IAM_IDENTITIES = `---
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
