import http from 'node:http';

import { PEER_HEADER } from '@/lib/client-address';

const INSTALLED = Symbol.for('dateline.peer-address');

/**
 * Records, on every request this process's HTTP server receives, the address
 * of the connection in PEER_HEADER, replacing whatever a client sent under that
 * name. `next start` gives the app no other handle on the socket, and only
 * fills X-Forwarded-For when a client sent none. Run once at start, before the
 * first request (instrumentation.ts).
 */
export function recordPeerAddresses(): void {
  const prototype = http.Server.prototype as http.Server & { [INSTALLED]?: true };
  if (prototype[INSTALLED]) return;
  prototype[INSTALLED] = true;
  const emit = prototype.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const request = args[0] as http.IncomingMessage;
      const address = request.socket?.remoteAddress;
      if (address) request.headers[PEER_HEADER] = address;
      else delete request.headers[PEER_HEADER];
    }
    return emit.call(this, event, ...args);
  } as typeof prototype.emit;
}
