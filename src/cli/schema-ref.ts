import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';

/** The JSON Schema of the evidence file, shipped in the package (package.json `files`). */
export const SCHEMA_FILE = join(PACKAGE_ROOT, 'tip-evidence.schema.json');

/**
 * The `$schema=` reference for an evidence file written at `outPath`: the package's schema, by a
 * path relative to the file's folder (what yaml-language-server resolves), so the line is right
 * wherever the file is written; an absolute path when no relative one exists (another drive).
 */
export function schemaRefFor(outPath: string): string {
  const rel = relative(dirname(outPath), SCHEMA_FILE);
  if (rel === '' || isAbsolute(rel)) return SCHEMA_FILE.split(sep).join('/');
  return rel.split(sep).join('/');
}

/** The skeleton's first line pointed at the package's schema from where the file goes. */
export function withSchemaLine(text: string, outPath: string): string {
  return text.replace(/^# yaml-language-server: \$schema=.*$/m, () => `# yaml-language-server: $schema=${schemaRefFor(outPath)}`);
}
