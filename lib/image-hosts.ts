// IMAGE_HOSTS: the other sites whose pictures an article body may show (a
// picture agency's https host, say). Every other picture comes from the
// site's own public/ folder, so a reader's browser calls no one else. Read
// by the content check (a body image from any other host is refused) and by
// the Content-Security-Policy's img-src. No imports: next.config.ts reads it.

const HOST = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

/** The hosts of an IMAGE_HOSTS value (commas or spaces between them), lower-cased. */
export function imageHostEntries(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[\s,]+/)
    .map((entry) => entry.trim().toLowerCase())
    .filter((entry) => entry !== '');
}

/** Why one IMAGE_HOSTS entry is not a host name, or null. */
export function imageHostProblem(entry: string): string | null {
  if (entry.includes('/') || entry.includes(':')) {
    return `"${entry}" is an address, not a host: name the host only, e.g. images.example.com (pictures are always fetched over https)`;
  }
  if (!HOST.test(entry)) return `"${entry}" is not a host name, e.g. images.example.com`;
  return null;
}

/** The valid hosts of an IMAGE_HOSTS value (the settings check reports the others). */
export function imageHostsFrom(value: string | undefined): string[] {
  return imageHostEntries(value).filter((entry) => imageHostProblem(entry) === null);
}

/**
 * Why a picture address in an article body may not be shown, or null when it
 * may: a path of the site, or an https address on one of `hosts`.
 */
export function remoteImageProblem(src: string, hosts: readonly string[]): string | null {
  if (!/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(src)) return null;
  let url: URL;
  try {
    url = new URL(src, 'https://site.invalid');
  } catch {
    return `the picture "${src}" has an address that cannot be read`;
  }
  const host = url.hostname.toLowerCase();
  const fix = `copy the picture under public/images/ and write /images/<name>, or add ${host} to IMAGE_HOSTS if the newsroom may show pictures from there`;
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `the picture "${src}" is not a web address; ${fix}`;
  if (!hosts.includes(host)) return `the picture "${src}" is on another site (${host}), so every reader's browser would call it; ${fix}`;
  if (url.protocol !== 'https:')
    return `the picture "${src}" is fetched over plain http; write https://${host}${url.pathname}${url.search}`;
  return null;
}
