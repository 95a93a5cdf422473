import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../fsutil/atomic-write.js';
import { HttpError } from './http.js';
import type { ResolvedPath } from './workspace.js';
import { applyValueToYaml, newYamlFile } from './yaml-edit.js';

/**
 * The one place the workbench writes evidence files (so the ledger and file lock of src/fsutil can
 * be adopted here alone). A save never loses work and never overwrites a change it has not seen:
 *  - the caller names the revision it opened (the SHA-256 of the bytes it read), or null for a new
 *    file; if the file on disk is not that revision, nothing is written and the answer is a 409
 *    carrying the file as it now is, so the page can show the conflict;
 *  - an existing file keeps its comments and key order (yaml-edit.ts);
 *  - the bytes go to a temporary file that is renamed over the target (src/fsutil/atomic-write.ts);
 *    a new file is created exclusively, so two saves of a new file cannot both win.
 */

export function revisionOf(bytes: string | Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export interface SaveRequest {
  /** The revision the page opened; null when it creates the file. */
  revision: string | null;
  value: unknown;
  /** Header comment for a new file. */
  header?: string;
}

export interface Saved {
  revision: string;
  text: string;
  created: boolean;
}

function readCurrent(target: ResolvedPath): string | null {
  try {
    return readFileSync(target.abs, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

function conflict(target: ResolvedPath, current: string | null, message: string): HttpError {
  return new HttpError(409, message, {
    extra: { conflict: true, path: target.rel, currentRevision: current === null ? null : revisionOf(current), currentText: current },
  });
}

export function saveEvidence(target: ResolvedPath, request: SaveRequest): Saved {
  const current = readCurrent(target);
  if (request.revision === null) {
    if (current !== null) throw conflict(target, current, `${target.rel} already exists; open it instead of creating it again (nothing was written)`);
    const text = newYamlFile(request.value, request.header ?? '');
    if (!writeFileAtomic(target.abs, text, { exclusive: true })) {
      throw conflict(target, readCurrent(target), `${target.rel} was created by someone else meanwhile (nothing was written)`);
    }
    return { revision: revisionOf(text), text, created: true };
  }
  if (current === null) throw conflict(target, null, `${target.rel} was deleted or moved since it was opened (nothing was written)`);
  if (revisionOf(current) !== request.revision) {
    throw conflict(target, current, `${target.rel} changed on disk since it was opened (nothing was written): compare the two versions`);
  }
  let text: string;
  try {
    text = applyValueToYaml(current, request.value);
  } catch (err) {
    throw new HttpError(422, `cannot edit ${target.rel}: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (text !== current) writeFileAtomic(target.abs, text);
  return { revision: revisionOf(text), text, created: false };
}
