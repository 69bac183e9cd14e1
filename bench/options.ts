import { parseArgs } from 'node:util';

export const PARTS = ['pipeline', 'build', 'serve', 'weight', 'cluster'] as const;
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

  --only <parts>     comma-separated: ${PARTS.join(', ')} (default: all;
                     cluster needs npm run build first)
  --sizes <numbers>  article counts (default: 1000,10000,100000)
                     pipeline: each size; builds: every article prerendered
                     for sizes up to 10,000, the default cap from 10,000 up
  --duration <s>     seconds of load per page and server (default: 10)
  --keep             keep the generated content and build folders
  --help`;

const list = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');

/** The benchmark's options, or 'help'; throws a sentence (with the usage) for a wrong command line. */
export function parseOptions(argv: readonly string[]): Options | 'help' {
  let values: { only?: string; sizes?: string; duration?: string; keep?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        only: { type: 'string' },
        sizes: { type: 'string' },
        duration: { type: 'string' },
        keep: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
    throw new Error(`${message}\n\n${USAGE}`);
  }
  if (values.help) return 'help';
  const options: Options = { parts: new Set(PARTS), sizes: [1_000, 10_000, 100_000], duration: 10, keep: values.keep ?? false };
  if (values.only !== undefined) {
    const parts = list(values.only);
    const unknown = parts.filter((part) => !(PARTS as readonly string[]).includes(part));
    if (parts.length === 0 || unknown.length > 0) throw new Error(`unknown part ${unknown.join(', ')}; use ${PARTS.join(', ')}`);
    options.parts = new Set(parts as Part[]);
  }
  if (values.sizes !== undefined) {
    const sizes = list(values.sizes).map((item) => Number(item.replace(/_/g, '')));
    if (sizes.length === 0 || sizes.some((size) => !Number.isInteger(size) || size < 1)) {
      throw new Error('--sizes takes whole numbers, e.g. 1000,10000');
    }
    options.sizes = [...new Set(sizes)].sort((a, b) => a - b);
  }
  if (values.duration !== undefined) {
    options.duration = Number(values.duration);
    if (!(options.duration > 0)) throw new Error('--duration takes a number of seconds');
  }
  return options;
}
