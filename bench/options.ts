export const PARTS = ['pipeline', 'build', 'serve', 'weight'] as const;
export type Part = (typeof PARTS)[number];

export type Options = {
  parts: Set<Part>;
  sizes: number[];
  /** Seconds of load per URL and server. */
  duration: number;
  /** Keep the temporary folder (generated content, build folders) and print where it is. */
  keep: boolean;
};

export const USAGE = `npm run bench [-- options]

  --only <parts>     comma-separated: ${PARTS.join(', ')} (default: all)
  --sizes <numbers>  article counts (default: 1000,10000,100000)
                     pipeline: each size; builds: every article prerendered
                     for sizes up to 10,000, the default cap from 10,000 up
  --duration <s>     seconds of load per page and server (default: 10)
  --keep             keep the generated content and build folders
  --help`;

function list(value: string | undefined, flag: string): string[] {
  if (value === undefined || value.startsWith('--')) throw new Error(`${flag} needs a value`);
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

export function parseOptions(argv: readonly string[]): Options | 'help' {
  const options: Options = { parts: new Set(PARTS), sizes: [1_000, 10_000, 100_000], duration: 10, keep: false };
  for (let index = 0; index < argv.length; index += 1) {
    const flag = argv[index];
    const value = argv[index + 1];
    if (flag === '--help' || flag === '-h') return 'help';
    if (flag === '--keep') {
      options.keep = true;
      continue;
    }
    index += 1;
    if (flag === '--only') {
      const parts = list(value, flag);
      const unknown = parts.filter((part) => !(PARTS as readonly string[]).includes(part));
      if (unknown.length > 0) throw new Error(`unknown part ${unknown.join(', ')}; use ${PARTS.join(', ')}`);
      options.parts = new Set(parts as Part[]);
    } else if (flag === '--sizes') {
      options.sizes = list(value, flag).map((item) => Number(item.replace(/_/g, '')));
      if (options.sizes.some((size) => !Number.isInteger(size) || size < 1))
        throw new Error('--sizes takes whole numbers, e.g. 1000,10000');
      options.sizes = [...new Set(options.sizes)].sort((a, b) => a - b);
    } else if (flag === '--duration') {
      options.duration = Number(value);
      if (!(options.duration > 0)) throw new Error('--duration takes a number of seconds');
    } else {
      throw new Error(`unknown option ${flag ?? ''}\n\n${USAGE}`);
    }
  }
  return options;
}
