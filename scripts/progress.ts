// A progress counter for the command-line tools: one line on a terminal,
// rewritten at most four times a second, and nothing at all when the output
// is a file, a pipe or a CI log (where a counter would be hundreds of lines).

export type Progress = {
  /** `done` of `total` items so far. */
  update(done: number, total: number): void;
  /** Clears the line; the caller prints its closing line next. */
  end(): void;
};

const INTERVAL_MS = 250;

/** Whether a progress line belongs on `stream`: a terminal, outside CI. */
export function wantsProgress(stream: NodeJS.WriteStream, environment: NodeJS.ProcessEnv = process.env): boolean {
  const ci = environment.CI;
  return stream.isTTY === true && (ci === undefined || ci === '' || ci === '0' || ci === 'false');
}

export function createProgress(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!wantsProgress(stream)) return { update: () => undefined, end: () => undefined };
  let last = 0;
  let shown = false;
  return {
    update(done, total) {
      const now = Date.now();
      if (now - last < INTERVAL_MS && done < total) return;
      last = now;
      const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
      stream.write(`\r\x1b[K${label}: ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} (${percent}%)`);
      shown = true;
    },
    end() {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}
