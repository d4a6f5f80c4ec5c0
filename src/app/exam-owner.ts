import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** This process's claim on an exam: its pid (to tell whether it still runs) and a token of its own. */
export function ownerToken(): string {
  return `${process.pid}:${randomUUID().slice(0, 8)}`;
}

/**
 * Whether the process that holds an exam is gone (killed, crashed, or never recorded), so that another
 * may take the exam over. A pid that runs something other than awsquiz has been reused: gone too.
 */
export function holderGone(holder: string | null): boolean {
  if (holder === null) return true;
  const pid = Number(holder.split(':')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return true;
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
  try {
    return !readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('awsquiz');
  } catch {
    return false; // no /proc: a live pid is taken at its word
  }
}

/** The pid part of a holder token, for messages. */
export function holderPid(holder: string | null): string {
  return holder?.split(':')[0] ?? '?';
}
