import { resolve } from 'node:path';
import { InputError, UsageError, formatDiagnostic } from '../../diagnostics/diagnostic.js';
import { migrateFile } from '../../evidence/migrate.js';
import { flag, parseCommandArgs } from '../args.js';
import type { Io } from '../io.js';

export const help = `Usage: tip migrate FILE...

Upgrades each evidence file to the current version of the evidence model (2), in place and
atomically, keeping every comment and every line the upgrade does not concern. Prints what
changed in each file. A file already current is left untouched (not rewritten); an invalid file
is reported and left untouched. The upgraded file means what the old one meant: the assessment
of either is the same. Exit 0 when every file is current or upgraded, 1 otherwise.
`;

export async function run(argv: string[], io: Io): Promise<number> {
  const args = parseCommandArgs(argv, {});
  if (flag(args, 'help')) {
    io.stdout(help);
    return 0;
  }
  if (args.positionals.length === 0) throw new UsageError('expected at least one evidence file');
  let failed = 0;
  for (const file of args.positionals) {
    try {
      const m = migrateFile(resolve(io.cwd, file));
      if (m.changes.length === 0) io.stdout(`${file}: already evidence version 2, unchanged\n`);
      else io.stdout(`${file}: evidence version 1 -> 2\n${m.changes.map((c) => `  ${c}\n`).join('')}`);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      failed++;
      for (const d of err.diagnostics) io.stderr(formatDiagnostic({ ...d, file }) + '\n');
      io.stderr(`${file}: not migrated (fix the errors above first)\n`);
    }
  }
  return failed > 0 ? 1 : 0;
}
