/** An error the user can act on: printed as one line `awsquiz: <what> — <what to do>`, then exit with `code`. */
export class ExitError extends Error {
  constructor(
    message: string,
    readonly hint = '',
    readonly code = 1,
  ) {
    super(message);
    this.name = 'ExitError';
  }
}
