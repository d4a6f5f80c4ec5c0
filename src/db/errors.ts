/** A problem with the database the user can act on; the CLI prints its message on one line. */
export class DatabaseError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'DatabaseError';
  }
}

/** The advice every "the database is damaged" message ends with. */
export const DAMAGED_HINT = 'run `awsquiz db check`, then restore a backup with `awsquiz db restore BACKUP`';
