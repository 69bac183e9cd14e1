import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { REPO_ROOT } from './support/paths';

export type Row = {
  section: string;
  figure: string;
  /** The number as measured, in `unit`; null when it could not be measured. */
  value: number | null;
  unit: string;
  /** How the value is shown in the table. */
  shown: string;
  target?: string;
  /** Whether the target is met; undefined when there is no target. */
  met?: boolean;
};

export const MB = 1_000_000;
export const KB = 1_000;

export const format = {
  int: (value: number) => Math.round(value).toLocaleString('en-US'),
  fixed: (value: number, digits = 1) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }),
  mb: (bytes: number) => `${Math.round(bytes / MB).toLocaleString('en-US')} MB`,
  kb: (bytes: number) => `${(bytes / KB).toFixed(1)} kB`,
  percent: (ratio: number) => `${(ratio * 100).toFixed(0)} %`,
};

export class Report {
  readonly rows: Row[] = [];
  readonly details: Record<string, unknown> = {};

  add(row: Row): void {
    this.rows.push(row);
  }

  detail(key: string, value: unknown): void {
    this.details[key] = value;
  }

  table(): string {
    const header = ['figure', 'value', 'target', ''];
    const body: string[][] = [];
    let section = '';
    for (const row of this.rows) {
      if (row.section !== section) {
        section = row.section;
        body.push([`${section}`, '', '', '']);
      }
      const status = row.met === undefined ? '' : row.met ? 'met' : 'NOT MET';
      body.push([`  ${row.figure}`, row.shown, row.target ?? '', status]);
    }
    const widths = header.map((_, column) => Math.max(...[header, ...body].map((cells) => (cells[column] ?? '').length)));
    const line = (cells: string[]) =>
      cells
        .map((cell, column) => (column === 1 ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0)))
        .join('  ')
        .trimEnd();
    const rule = widths.map((width) => '─'.repeat(width)).join('  ');
    return [line(header), rule, ...body.map(line)].join('\n');
  }

  /** Writes bench/results/latest.json and a copy named after the start time; returns the copy's path. */
  write(startedAt: Date, options: unknown): string {
    const directory = path.join(REPO_ROOT, 'bench', 'results');
    fs.mkdirSync(directory, { recursive: true });
    const document = {
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      machine: {
        node: process.version,
        platform: `${os.type()} ${os.arch()}`,
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? 'unknown',
        memoryBytes: os.totalmem(),
      },
      options,
      units: { MB: MB, kB: KB },
      figures: this.rows,
      details: this.details,
    };
    const text = `${JSON.stringify(document, null, 2)}\n`;
    const stamped = path.join(directory, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
    fs.writeFileSync(stamped, text);
    fs.writeFileSync(path.join(directory, 'latest.json'), text);
    return stamped;
  }
}
