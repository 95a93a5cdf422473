import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { TIMELINE_CSS } from '../batch/svg.js';
import { PACKAGE_ROOT } from '../paths.js';

/**
 * The page and its assets, shipped in the package under web/ and served from there: no CDN, no
 * web fonts, nothing fetched from elsewhere. Only the files present at start-up are served (a
 * fixed list, so a request cannot name any other path).
 */

export const WEB_DIR = join(PACKAGE_ROOT, 'web');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export interface Asset {
  type: string;
  body: Buffer;
}

export function loadAssets(dir: string = WEB_DIR): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  for (const name of readdirSync(dir)) {
    const type = TYPES[extname(name)];
    if (!type || name.startsWith('.')) continue;
    assets.set(name, { type, body: readFileSync(join(dir, name)) });
  }
  // The batch report's timeline styles, served as they are: the page draws the same SVG timeline.
  assets.set('timeline.css', { type: TYPES['.css']!, body: Buffer.from(TIMELINE_CSS, 'utf8') });
  return assets;
}

/** Media types of the downloadable drafts, by file extension (unknown extensions download as bytes). */
const DRAFT_TYPES: Record<string, string> = {
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

export function draftMediaType(fileName: string): string {
  return DRAFT_TYPES[extname(fileName).slice(1)] ?? 'application/octet-stream';
}
