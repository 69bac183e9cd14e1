import fs from 'node:fs';

const PAGE_SIZE = 4096;

type ProcEntry = { pid: number; ppid: number; rss: number };

function readProcesses(): ProcEntry[] {
  const entries: ProcEntry[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name is in parentheses and may contain spaces: fields start after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      const rssPages = Number(fields[21]);
      entries.push({ pid: Number(name), ppid, rss: rssPages * PAGE_SIZE });
    } catch {
      // The process ended while the list was read.
    }
  }
  return entries;
}

/** Sum of the resident memory of `root` and all its descendants, in bytes. */
export function treeRss(root: number): number {
  const processes = readProcesses();
  const children = new Map<number, ProcEntry[]>();
  for (const entry of processes) {
    const list = children.get(entry.ppid) ?? [];
    list.push(entry);
    children.set(entry.ppid, list);
  }
  let total = 0;
  const stack = processes.filter((entry) => entry.pid === root);
  while (stack.length > 0) {
    const entry = stack.pop();
    if (!entry) break;
    total += entry.rss;
    stack.push(...(children.get(entry.pid) ?? []));
  }
  return total;
}

/**
 * Samples the tree's memory every `intervalMs` until stopped; the peak is a
 * lower bound (a spike between two samples is missed), which is why the
 * interval is short.
 */
export function sampleTreeRss(root: number, intervalMs = 250): { stop(): number } {
  let peak = treeRss(root);
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRss(root));
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}
