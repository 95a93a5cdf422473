import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ParsedArgs } from '../cli/args.js';
import { DecisionError } from '../assess/resolve.js';
import { InputError, UsageError } from '../diagnostics/diagnostic.js';
import type { Corpus } from '../rules/corpus.js';
import * as evidenceApi from './api-evidence.js';
import * as filesApi from './api-files.js';
import { whatIfHandler } from './api-whatif.js';
import { Context } from './context.js';
import { createGuard, hostNames, type Guard } from './guard.js';
import { HttpError, send, sendError } from './http.js';
import { loadAssets, type Asset } from './static.js';

/**
 * `tip serve`: the desk officer's workbench, a small node:http server over one workspace folder.
 * The page (web/) uses the JSON API below and nothing else; README "The workbench" documents it.
 *
 *   GET  /api/schema            the evidence JSON Schema (the form is generated from it)
 *   GET  /api/law?year=Y        the §108(a) standards and §108(b) criteria in force, with their words
 *   GET  /api/formats           the drafts and the formats they download in
 *   GET  /api/countries         the bundled country table, with its sources
 *   GET  /api/new?iso3=&year=   the starting value of a new country-year (carried forward)
 *   POST /api/validate          evidence (YAML or JSON) -> the diagnostics of `tip validate`
 *   POST /api/assess            evidence -> tier, clock, timeline, recommendations (trace=1: the trace)
 *   POST /api/render?doc=&format=   evidence -> one draft (download=1: as a file)
 *   POST /api/what-if           evidence -> tip what-if --json: the smallest changes that move the tier, next year
 *   GET  /api/files             the workspace's country-years: tier, validity, clock
 *   GET  /api/files/PATH        one file: text, revision, value, diagnostics, last year's file
 *   PUT  /api/files/PATH        save {revision, value}: atomic, comments kept, 409 on a conflict
 */

type Route = { method: string; match: (path: string) => string | null; handle: (ctx: Context, req: IncomingMessage, res: ServerResponse, url: URL, rest: string) => Promise<void> };

const exact = (p: string) => (path: string) => (path === p ? '' : null);
const prefix = (p: string) => (path: string) => (path.startsWith(p) && path.length > p.length ? path.slice(p.length) : null);

const ROUTES: Route[] = [
  { method: 'GET', match: exact('/api/schema'), handle: evidenceApi.schema },
  { method: 'GET', match: exact('/api/law'), handle: evidenceApi.law },
  { method: 'GET', match: exact('/api/formats'), handle: evidenceApi.formats },
  { method: 'GET', match: exact('/api/countries'), handle: filesApi.countries },
  { method: 'GET', match: exact('/api/new'), handle: filesApi.newCountryYear },
  { method: 'POST', match: exact('/api/validate'), handle: evidenceApi.validate },
  { method: 'POST', match: exact('/api/assess'), handle: evidenceApi.assess },
  { method: 'POST', match: exact('/api/render'), handle: evidenceApi.render },
  { method: 'POST', match: exact('/api/what-if'), handle: whatIfHandler },
  { method: 'GET', match: exact('/api/files'), handle: filesApi.list },
  { method: 'GET', match: prefix('/api/files/'), handle: filesApi.getFile },
  { method: 'PUT', match: prefix('/api/files/'), handle: filesApi.putFile },
];

export interface WorkbenchOptions {
  dir: string;
  /** 127.0.0.1 unless given (another host exposes the workspace to the network). */
  host?: string;
  /** 0 for any free port. */
  port?: number;
  /** The CLI's assessment options (history, waivers, rule-f, ...), paths absolute. */
  assess?: ParsedArgs['values'];
  corpus?: Corpus;
}

export interface Workbench {
  url: string;
  host: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

function decodePath(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new HttpError(400, 'the path is not valid percent-encoding');
  }
}

async function dispatch(ctx: Context, guard: Guard, assets: Map<string, Asset>, req: IncomingMessage, res: ServerResponse): Promise<void> {
  guard.check(req);
  const url = new URL(req.url ?? '/', guard.origins[0]);
  const method = req.method ?? 'GET';
  if (method === 'GET' && (url.pathname === '/' || url.pathname.startsWith('/assets/'))) {
    const asset = assets.get(url.pathname === '/' ? 'index.html' : url.pathname.slice('/assets/'.length));
    if (!asset) throw new HttpError(404, `no such page: ${url.pathname}`);
    send(res, 200, asset.body, asset.type);
    return;
  }
  const matching = ROUTES.filter((r) => r.match(url.pathname) !== null);
  if (matching.length === 0) throw new HttpError(404, `no such endpoint: ${url.pathname} (see README, "The workbench")`);
  const route = matching.find((r) => r.method === method);
  if (!route) throw new HttpError(405, `${url.pathname} takes ${matching.map((r) => r.method).join(' or ')}, not ${method}`);
  await route.handle(ctx, req, res, url, decodePath(route.match(url.pathname)!));
}

/** Turns anything a handler threw into a 4xx with a message for the user (5xx only for our bugs, still without a stack). */
function asHttpError(err: unknown): HttpError {
  if (err instanceof HttpError) return err;
  if (err instanceof InputError) return new HttpError(422, 'the input has problems', { diagnostics: err.diagnostics });
  if (err instanceof UsageError) return new HttpError(400, err.message);
  if (err instanceof DecisionError) return new HttpError(422, `the rules give ${err.kind === 'empty' ? 'no answer' : 'two answers'}: ${err.message}`);
  const sys = err as NodeJS.ErrnoException;
  if (sys && typeof sys.code === 'string' && typeof sys.syscall === 'string') return new HttpError(500, `the server could not ${sys.syscall} a file (${sys.code})`);
  return new HttpError(500, `internal error: ${err instanceof Error ? err.message : String(err)}`);
}

export async function startWorkbench(options: WorkbenchOptions): Promise<Workbench> {
  const host = options.host ?? '127.0.0.1';
  const ctx = new Context(options.dir, options.assess ?? {}, options.corpus);
  const assets = loadAssets();
  let guard: Guard | undefined;
  const server = createServer((req, res) => {
    dispatch(ctx, guard!, assets, req, res).catch((err: unknown) => {
      const e = asHttpError(err);
      if (e.status >= 500 && process.env.TIP_DEBUG && err instanceof Error) process.stderr.write(`${err.stack ?? err.message}\n`);
      if (!res.headersSent) sendError(res, e);
      else res.destroy();
    });
  });
  server.requestTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  guard = createGuard(host, port);
  const shownHost = hostNames(host)[0]!;
  return {
    url: `http://${shownHost}:${port}/`,
    host,
    port,
    server,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
