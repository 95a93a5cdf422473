import { isDeepStrictEqual } from 'node:util';
import { InputError } from '../diagnostics/diagnostic.js';
import { writeFileAtomic } from '../fsutil/atomic-write.js';
import { parseYaml } from '../load/index.js';
import { readBytes } from '../load/load-file.js';
import { internalDiagnostic } from '../load/order.js';
import { DEFAULT_MAX_BYTES } from '../load/source.js';
import type { Corpus } from '../rules/corpus.js';
import { applyToText } from './edit-text.js';
import { applyToPlain, describeEdit } from './edits.js';
import { evidenceFromDoc } from './load.js';

export interface Migration {
  file: string;
  /** The version the file was written in. */
  from: 1 | 2;
  /** The new text (equal to the old when there was nothing to do). */
  text: string;
  /** What changed, one line per edit; empty when the file was already current. */
  changes: string[];
}

/**
 * Upgrades the text of an evidence file to the current version (2). The file must be valid in
 * its own version; the edits are those the loader applies in memory (src/evidence/v1.ts), written
 * into the text with every comment and every untouched line kept. The result is checked: it must
 * parse to exactly what the loader reads from the old file, or nothing is written.
 */
export function migrateText(source: string | Uint8Array, file: string, corpus?: Corpus): Migration {
  const parsed = parseYaml(source, file);
  if (!parsed.ok) throw new InputError(parsed.diagnostics);
  const { version, upgrade } = evidenceFromDoc(parsed.doc, corpus);
  const text = typeof source === 'string' ? source : new TextDecoder().decode(source);
  if (version === 2) return { file, from: 2, text, changes: [] };
  const after = applyToPlain(parsed.doc.value, upgrade);
  const migrated = applyToText(text, upgrade, after);
  const check = parseYaml(migrated, file);
  if (!check.ok || !isDeepStrictEqual(check.doc.value, after)) {
    throw new InputError([internalDiagnostic(file, new Error('the migrated text does not read as the upgraded evidence; the file was not changed'))]);
  }
  evidenceFromDoc(check.doc, corpus);
  return { file, from: 1, text: migrated, changes: upgrade.map(describeEdit) };
}

/** `tip migrate FILE`: upgrades the file in place, atomically; a current file is not rewritten. */
export function migrateFile(path: string, corpus?: Corpus): Migration {
  const read = readBytes(path, DEFAULT_MAX_BYTES);
  if (!read.ok) throw new InputError([read.diagnostic]);
  const m = migrateText(read.bytes, path, corpus);
  if (m.changes.length > 0) writeFileAtomic(path, m.text);
  return m;
}
