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
