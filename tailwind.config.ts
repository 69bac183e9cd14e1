import type { Config } from 'tailwindcss';

// Tailwind 4 reads this file through the `@config` line in app/globals.css.

// Each colour role has a light and a dark value. app/globals.css publishes
// them as `--dl-<role>` variables and swaps them with `prefers-color-scheme`,
// so components write `text-ink` once instead of pairing every colour with `dark:`.
const light = {
  paper: '#fbfaf7',
  surface: '#f2efe8',
  ink: '#17171a',
  muted: '#5a5a63',
  rule: '#dcd7cc',
  accent: '#a51d1d',
  link: '#1b4f8a',
  focus: '#1b4f8a',
};

const dark: typeof light = {
  paper: '#121316',
  surface: '#1c1e22',
  ink: '#ebe9e4',
  muted: '#a4a3a8',
  rule: '#33353b',
  accent: '#ff8577',
  link: '#93bbf2',
  focus: '#93bbf2',
};

const roles = Object.fromEntries(Object.keys(light).map((role) => [role, `var(--dl-${role})`])) as Record<keyof typeof light, string>;

const sans = ['system-ui', '-apple-system', '"Segoe UI"', 'Roboto', '"Helvetica Neue"', 'Arial', '"Noto Sans"', 'sans-serif'];

// --font-serif is Noto Serif with its metric-matched fallback (app/fonts); the
// system faces after it are for text outside its Latin subset.
const serif = ['var(--font-serif)', 'Georgia', 'Cambria', '"Times New Roman"', 'Times', 'serif'];

const config: Config = {
  content: ['./app/**/*.{ts,tsx}', './components/**/*.{ts,tsx}'],
  theme: {
    extend: {
      colors: { ...roles, light, dark },
      fontFamily: { sans, serif },
      maxWidth: { measure: '42rem', page: '76rem' },
    },
  },
};

export default config;
