import http from 'node:http';

import { PEER_HEADER } from '@/lib/client-address';
import { ALLOWED_METHODS, SECURITY_HEADERS } from '@/lib/http';

const INSTALLED = Symbol.for('dateline.request-gate');

// Every other method is answered here, before Next.js sees it: TRACE (which
// fetch forbids, so Next.js cannot build a request for it) would answer 500
// with a stack trace in the log, and PUT or OPTIONS would meet each route's
// own answer, a 405 naming other methods on a static page.
const SERVED_METHODS = new Set<string>(ALLOWED_METHODS);

/**
 * Records, on every request this process's HTTP server receives, the address
 * of the connection in PEER_HEADER, replacing whatever a client sent under that
 * name. `next start` gives the app no other handle on the socket, and only
 * fills X-Forwarded-For when a client sent none. A method other than GET,
 * HEAD and POST is answered 405 here. Run once at start, before the first
 * request (instrumentation.ts).
 */
export function installRequestGate(): void {
  const prototype = http.Server.prototype as http.Server & { [INSTALLED]?: true };
  if (prototype[INSTALLED]) return;
  prototype[INSTALLED] = true;
  const emit = prototype.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const request = args[0] as http.IncomingMessage;
      if (!SERVED_METHODS.has(request.method ?? '')) {
        refuseMethod(args[1] as http.ServerResponse);
        return true;
      }
      const address = request.socket?.remoteAddress;
      if (address) request.headers[PEER_HEADER] = address;
      else delete request.headers[PEER_HEADER];
    }
    return emit.call(this, event, ...args);
  } as typeof prototype.emit;
}

/** 405 with the methods served, plain text, and the site's security headers. */
function refuseMethod(response: http.ServerResponse): void {
  const body = 'This address answers GET, HEAD and POST only.';
  response.writeHead(405, {
    ...Object.fromEntries(SECURITY_HEADERS.map(({ key, value }) => [key, value])),
    Allow: ALLOWED_METHODS.join(', '),
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  response.end(body);
}
