/** A bad input the caller should report to the user as-is: the message is written for people. */
export class InputError extends Error {
  constructor(
    readonly code:
      | 'binary'
      | 'invalid-utf8'
      | 'empty-draft'
      | 'empty-reference'
      | 'too-large'
      | 'not-found'
      | 'unreadable'
      | 'unwritable'
      | 'directory'
      | 'usage',
    message: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}
