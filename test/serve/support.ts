import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { startWorkbench, type Workbench } from '../../src/serve/server.js';

/** Helpers for the workbench tests: a temporary workspace, a real server on a free port, raw requests. */

export const SHARED_LEDGER = join(PACKAGE_ROOT, '..', 'shared', 'data', 'tip-tiers.csv');
export const EXAMPLES = join(PACKAGE_ROOT, 'examples');

/** The 2024 Malaysia example as a 2025 file (the "last year's file" the flow starts from). */
export function mys2025(): string {
  const text = readFileSync(join(EXAMPLES, 'more', 'MYS-2024.yaml'), 'utf8');
  return text.replace(/^report_year: 2024$/m, 'report_year: 2025').replace(/Illustrative desk notes, Malaysia 2024/g, 'Illustrative desk notes, Malaysia 2025');
}

export function makeWorkspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tip-serve-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

export async function serve(dir: string, assess: Record<string, string | boolean | string[]> = {}): Promise<Workbench> {
  return startWorkbench({ dir, port: 0, assess });
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: () => any;
}

/**
 * A request with full control of its headers (Host and Origin included, which fetch does not let
 * a caller set) and of its path (sent as written, not normalised).
 */
export function raw(wb: Workbench, method: string, path: string, options: { headers?: Record<string, string>; body?: string | Buffer; chunked?: boolean } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { host: `127.0.0.1:${wb.port}`, ...(options.headers ?? {}) };
    if (options.body !== undefined && !options.chunked) headers['content-length'] = String(Buffer.byteLength(options.body));
    const req = httpRequest({ host: '127.0.0.1', port: wb.port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
      });
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** Same-origin headers, as the page's own requests carry them. */
export function sameOrigin(wb: Workbench, type = 'application/json'): Record<string, string> {
  return { origin: `http://127.0.0.1:${wb.port}`, 'content-type': type };
}

/** A module of the page (web/*.js), loaded in Node: the form's pure parts run here too. */
export async function webModule<T = any>(name: string): Promise<T> {
  const url = pathToFileURL(join(PACKAGE_ROOT, 'web', name)).href;
  return (await import(url)) as T;
}
