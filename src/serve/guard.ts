import type { IncomingMessage } from 'node:http';
import { hostname, networkInterfaces } from 'node:os';
import { HttpError } from './http.js';

/**
 * Who may talk to the workbench. It listens on the loopback address, but a page on another site
 * can still make the browser send requests there, and DNS rebinding can make such a page look
 * same-origin to the browser. So:
 *  - every request must name this server in its Host header (127.0.0.1:PORT, localhost:PORT or the
 *    --host given): a rebound name such as evil.example:PORT is refused, reads included;
 *  - a request that changes a file (PUT) must carry an Origin header naming this server;
 *  - any other request that carries an Origin must carry this server's (a foreign page gets 403
 *    before any work is done; scripts such as curl send no Origin and may call the read API).
 */

export interface Guard {
  /** The origins this server answers to, e.g. http://127.0.0.1:8484. */
  origins: string[];
  check(req: IncomingMessage): void;
}

/** Methods that change a file. POST only computes (validate, assess, render) and changes nothing. */
const STATE_CHANGING = new Set(['PUT', 'DELETE', 'PATCH']);

const LOOPBACK = ['127.0.0.1', 'localhost', '[::1]'];
const bracket = (h: string) => (h.includes(':') ? `[${h}]` : h);

/**
 * The names a request may give in its Host header: the loopback names; for --host NAME that name;
 * for a wildcard (0.0.0.0, ::) this machine's name and each of its addresses.
 */
export function hostNames(host: string): string[] {
  if (host === '127.0.0.1' || host === 'localhost' || host === '::1') return LOOPBACK;
  if (host === '0.0.0.0' || host === '::') {
    const addresses = Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((a) => bracket(a.address)));
    return [hostname(), ...addresses.filter((a) => !LOOPBACK.includes(a)), ...LOOPBACK];
  }
  return [bracket(host)];
}

export function createGuard(host: string, port: number): Guard {
  const hosts = new Set(hostNames(host).map((h) => `${h}:${port}`.toLowerCase()));
  const origins = [...hosts].map((h) => `http://${h}`);
  const originSet = new Set(origins);
  return {
    origins,
    check(req) {
      const hostHeader = (req.headers.host ?? '').toLowerCase();
      if (!hosts.has(hostHeader)) {
        throw new HttpError(403, `this workbench answers only to ${[...hosts].join(' or ')}; the request was addressed to "${req.headers.host ?? ''}"`);
      }
      const origin = req.headers.origin;
      const method = req.method ?? 'GET';
      if (origin === undefined) {
        if (STATE_CHANGING.has(method)) {
          throw new HttpError(403, `a ${method} request must carry an Origin header naming this workbench (${origins[0]})`);
        }
        return;
      }
      if (!originSet.has(origin.toLowerCase())) {
        throw new HttpError(403, `requests from ${origin} are refused: only pages served by this workbench (${origins[0]}) may call it`);
      }
    },
  };
}
