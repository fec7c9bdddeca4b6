/**
 * Where the command line writes, and the clock it reads: the process's stdout, stderr and
 * `performance.now` when run as `fahras`, plain collectors in tests (see `main`).
 *
 * ```ts
 * const out: string[] = [];
 * const io: CliIO = { stdout: { write: (s) => void out.push(s) }, stderr: { write: () => {} } };
 * await main(['analyze', 'والكتاب'], io);
 * ```
 * @module
 */

/** A text sink: a terminal, a pipe, or a test's collector. */
export interface CliOutput {
  /** Write `text` as is (lines end with `\n`). */
  write(text: string): void;
  /** Whether it is an interactive terminal (progress bar, ANSI bold); default false. */
  readonly isTTY?: boolean;
  /** Terminal width in characters, when known. */
  readonly columns?: number;
}

/** The command line's outputs, clock and environment. */
export interface CliIO {
  /** Results and summaries. */
  readonly stdout: CliOutput;
  /** Progress, skip reports and errors. */
  readonly stderr: CliOutput;
  /** Milliseconds from an arbitrary origin; default `performance.now`. */
  readonly now?: () => number;
  /** Environment variables read (`NO_COLOR`); default none. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** The process's stdout and stderr, `performance.now` and `process.env`. */
export function processIO(): CliIO {
  const wrap = (stream: NodeJS.WriteStream): CliOutput => ({
    write: (text) => void stream.write(text),
    get isTTY() {
      return stream.isTTY === true;
    },
    get columns() {
      return stream.columns;
    },
  });
  return { stdout: wrap(process.stdout), stderr: wrap(process.stderr), now: () => performance.now(), env: process.env };
}

/** Whether `output` may get ANSI styles: a terminal, and `NO_COLOR` unset (https://no-color.org). */
export function stylesOn(output: CliOutput, io: CliIO): boolean {
  return output.isTTY === true && !io.env?.NO_COLOR;
}
