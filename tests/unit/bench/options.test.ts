import { describe, expect, it } from 'vitest';

import { parseOptions, USAGE } from '@/bench/options';

describe('npm run bench options', () => {
  it('reads parts, sizes, duration and --keep', () => {
    const options = parseOptions(['--only', 'build,serve', '--sizes=10_000,1000,1000', '--duration', '2.5', '--keep']);
    expect(options).toEqual({ parts: new Set(['build', 'serve']), sizes: [1_000, 10_000], duration: 2.5, keep: true });
  });

  it('answers --help and -h', () => {
    expect(parseOptions(['--help'])).toBe('help');
    expect(parseOptions(['--sizes', '5', '-h'])).toBe('help');
  });

  it('names an unknown option or a missing value, with the usage', () => {
    expect(() => parseOptions(['--fast'])).toThrow(/Unknown option '--fast'[\s\S]*--only <parts>/);
    expect(() => parseOptions(['--sizes'])).toThrow(USAGE);
    expect(() => parseOptions(['extra'])).toThrow(/Unexpected argument 'extra'/);
  });

  it('refuses unknown parts, sizes that are not whole numbers and a duration that is not positive', () => {
    expect(() => parseOptions(['--only', 'pipeline,speed'])).toThrow('unknown part speed');
    expect(() => parseOptions(['--sizes', '1e3x'])).toThrow('--sizes takes whole numbers');
    expect(() => parseOptions(['--duration', '0'])).toThrow('--duration takes a number of seconds');
  });
});
