import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDiagnostic, formatPath } from '../diagnostics/diagnostic.js';

/**
 * The small HTTP vocabulary of the workbench: a bounded body reader, JSON answers, and one error
 * type whose message is always meant for the person who sent the request (never a stack trace).
 */

/** Largest request body accepted: an evidence file is capped at 1 MiB too (src/load/source.ts). */
export const MAX_BODY_BYTES = 1024 * 1024;

export class HttpError extends Error {
  readonly status: number;
  readonly diagnostics: Diagnostic[] | undefined;
  readonly extra: Record<string, unknown> | undefined;
  constructor(status: number, message: string, options: { diagnostics?: Diagnostic[]; extra?: Record<string, unknown> } = {}) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.diagnostics = options.diagnostics;
    this.extra = options.extra;
  }
}

/** The security headers every answer carries: nothing from elsewhere may load, nothing may frame us. */
const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  'cross-origin-resource-policy': 'same-origin',
};

export function send(res: ServerResponse, status: number, body: string | Uint8Array, type: string, headers: Record<string, string> = {}): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, 'content-length': String(bytes.length), ...headers });
  res.end(bytes);
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value, null, 2) + '\n', 'application/json; charset=utf-8');
}

/** A diagnostic as the API returns it: the CLI's fields, plus the line `tip validate` prints for it. */
export function diagnosticJson(d: Diagnostic): Record<string, unknown> {
  return { ...d, field: formatPath(d.path), message: formatDiagnostic(d) };
}

export function sendError(res: ServerResponse, err: HttpError): void {
  const error: Record<string, unknown> = { status: err.status, message: err.message, ...(err.extra ?? {}) };
  if (err.diagnostics) error.diagnostics = err.diagnostics.map(diagnosticJson);
  sendJson(res, err.status, { error });
}

/**
 * The request body as text, refused (413) past MAX_BODY_BYTES whether or not a Content-Length was
 * sent: the count is kept while reading, so a chunked upload cannot slip past the cap.
 */
export function readBody(req: IncomingMessage, max = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > max) {
    req.resume();
    return Promise.reject(new HttpError(413, `the request body is ${declared} bytes; at most ${max} bytes (1 MiB) are accepted`));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      total += chunk.length;
      if (total > max) {
        failed = true;
        reject(new HttpError(413, `the request body is over ${max} bytes (1 MiB); it was refused`));
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (failed) return;
      const bytes = Buffer.concat(chunks);
      try {
        resolve(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
      } catch {
        reject(new HttpError(400, 'the request body is not UTF-8 text'));
      }
    });
    req.on('error', () => {
      if (!failed) reject(new HttpError(400, 'the request body could not be read'));
    });
  });
}

/** Parses a JSON request body; a syntax error is a 400 naming where it is. */
export function parseJsonBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new HttpError(400, `the request body is not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
}
