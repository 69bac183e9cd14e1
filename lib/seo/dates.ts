import 'server-only';

/** The newest publication or update time among `items`, as the ISO 8601 text it was given in. */
export function newestChange(items: readonly { date: string; updated?: string }[]): string | undefined {
  let newest: string | undefined;
  let newestTime = -Infinity;
  for (const item of items) {
    const iso = item.updated ?? item.date;
    const time = Date.parse(iso);
    if (time > newestTime) {
      newest = iso;
      newestTime = time;
    }
  }
  return newest;
}

/** RFC 822 / HTTP date (`Mon, 02 Nov 2026 05:00:00 GMT`), as RSS 2.0 and `Last-Modified` want it. */
export function rfc822(iso: string): string {
  return new Date(iso).toUTCString();
}
