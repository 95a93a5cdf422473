import { resolve } from 'node:path';
import { InputError, formatDiagnostic } from '../../diagnostics/diagnostic.js';
import { loadEvidenceFile } from '../../evidence/load.js';
import { UsageError } from '../../diagnostics/diagnostic.js';
import { flag, parseCommandArgs } from '../args.js';
import type { Io } from '../io.js';

export const help = `Usage: tip validate FILE...

Checks each evidence file against the evidence model and the law of its report year (the
§108(b) criteria in force, the facts the year's rules need). Every problem is listed as
FILE:LINE:COL: field: expected ..., found ... Exit 0 when every file is valid, 1 otherwise.
`;

export async function run(argv: string[], io: Io): Promise<number> {
  const args = parseCommandArgs(argv, {});
  if (flag(args, 'help')) {
    io.stdout(help);
    return 0;
  }
  if (args.positionals.length === 0) throw new UsageError('expected at least one evidence file');
  let failed = 0;
  let errors = 0;
  for (const file of args.positionals) {
    try {
      const { evidence } = loadEvidenceFile(resolve(io.cwd, file));
      io.stdout(`${file}: valid (${evidence.country.name}, ${evidence.report_year} report)\n`);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      failed++;
      errors += err.diagnostics.length;
      // Show the path as the user typed it.
      for (const d of err.diagnostics) io.stderr(formatDiagnostic({ ...d, file }) + '\n');
    }
  }
  if (failed > 0) io.stderr(`${errors} error${errors === 1 ? '' : 's'} in ${failed} of ${args.positionals.length} file${args.positionals.length === 1 ? '' : 's'}\n`);
  return failed > 0 ? 1 : 0;
}
