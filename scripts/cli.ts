// What the editors' commands share: a stop with a sentence and an exit code,
// and the runner that turns it into stderr and the process's exit code.

/** Ends a command with `message` on stderr and exit `code`: the editor's mistake, said plainly. */
export class Stop extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

/**
 * Runs a command's main. A `Stop` prints its sentence; anything else is an
 * internal error, printed as one line under the command's name (exit 2),
 * never a stack trace.
 */
export function runCommand(name: string, main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof Stop) {
        console.error(error.message);
        process.exitCode = error.code;
        return;
      }
      console.error(`${name}: internal error: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      process.exitCode = 2;
    },
  );
}
