import type { Command } from 'commander';
import { contextFrom } from '../context.js';
import { ExitError } from '../errors.js';

/** `awsquiz db path`. */
export async function path(cmd: Command): Promise<void> {
  contextFrom(cmd).out(contextFrom(cmd).dbPath);
}

/** `awsquiz db check`. */
export async function check(cmd: Command): Promise<void> {
  throw new ExitError('`awsquiz db check` is not available yet', 'see issue #7');
}

/** `awsquiz db backup PATH`. */
export async function backup(target: string, cmd: Command): Promise<void> {
  throw new ExitError('`awsquiz db backup` is not available yet', 'see issue #7');
}
