import { InputError, formatDiagnostic } from '../../diagnostics/diagnostic.js';
import { loadEvidenceFile } from '../../evidence/load.js';
import { UsageError } from '../../diagnostics/diagnostic.js';
import { flag, parseCommandArgs } from '../args.js';
import { inputPath, shownPath, type Io } from '../io.js';
import { printJson, validateJson, type ValidatedFile } from '../json-output.js';

export const help = `Usage: tip validate FILE... [--json]

Checks each evidence file against the evidence model and the law of its report year (the
§108(b) criteria in force, the facts the year's rules need). Every problem is listed as
FILE:LINE:COL: field: expected ..., found ... Exit 0 when every file is valid, 1 otherwise.
A FILE of - reads standard input.

Options:
  --json                        {"ok","valid","invalid","files":[{"file","valid","country","reportYear"} or
                                {"file","valid":false,"diagnostics":[...]}]}
`;

export async function run(argv: string[], io: Io): Promise<number> {
  const args = parseCommandArgs(argv, { json: { type: 'boolean' } });
  if (flag(args, 'help')) {
    io.stdout(help);
    return 0;
  }
  if (args.positionals.length === 0) throw new UsageError('expected at least one evidence file');
  let failed = 0;
  let errors = 0;
  const json = flag(args, 'json');
  const results: ValidatedFile[] = [];
  for (const typed of args.positionals) {
    const file = shownPath(typed);
    try {
      const { evidence } = loadEvidenceFile(inputPath(io, typed));
      results.push({ file, valid: true, country: evidence.country.name, reportYear: evidence.report_year });
      if (!json) io.stdout(`${file}: valid (${evidence.country.name}, ${evidence.report_year} report)\n`);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      failed++;
      errors += err.diagnostics.length;
      // Show the path as the user typed it.
      const diagnostics = err.diagnostics.map((d) => ({ ...d, file }));
      results.push({ file, valid: false, diagnostics });
      if (!json) for (const d of diagnostics) io.stderr(formatDiagnostic(d) + '\n');
    }
  }
  if (json) {
    printJson(io.stdout, validateJson(results));
    return failed > 0 ? 1 : 0;
  }
  if (failed > 0) io.stderr(`${errors} error${errors === 1 ? '' : 's'} in ${failed} of ${args.positionals.length} file${args.positionals.length === 1 ? '' : 's'}\n`);
  return failed > 0 ? 1 : 0;
}
