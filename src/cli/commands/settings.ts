import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { UsageError } from '../../diagnostics/diagnostic.js';
import { writeFileAtomic } from '../../fsutil/atomic-write.js';
import { PACKAGE_ROOT } from '../../paths.js';
import { DEFAULT_REPORT_YEARS_PATH, loadReportYears, resolveReportYear } from '../../report-year/resolve.js';
import { settingsText } from '../../report-year/settings-text.js';
import { flag, parseCommandArgs, parseYearOption, requireOne, stringOption } from '../args.js';
import type { Io } from '../io.js';

export const help = `Usage: tip settings YEAR [--settings FILE] [--out FILE] [--json]

Shows the report-year settings the drafts of YEAR use (release date and time, the Secretary, the
trafficking office's symbol and head, the briefings, the delivery windows by regional bureau, the
cable's REF line), each known value with its source, and each unknown one commented out with the
placeholder the drafts print meanwhile ([RELEASE DATE], [DELIVERY WINDOWS], ...). The output is a
settings file: fill in the blanks and pass it to tip render or tip batch with --settings FILE.

Options:
  --settings FILE   merge FILE over data/report-years.yaml first (to check what a run will use)
  --out FILE        write the settings file there (never overwrites an existing file)
  --json            print the resolved settings as JSON instead

Exit codes: 0 done, 1 invalid settings or an existing --out file, 2 usage error.
`;

export async function run(argv: string[], io: Io): Promise<number> {
  const args = parseCommandArgs(argv, { settings: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' } });
  if (flag(args, 'help')) {
    io.stdout(help);
    return 0;
  }
  const year = parseYearOption(requireOne(args.positionals, 'report year'), 'YEAR')!;
  const settingsPath = stringOption(args, 'settings');
  const override = settingsPath !== undefined ? loadReportYears(resolve(io.cwd, settingsPath)) : undefined;
  const settings = resolveReportYear(year, override ? { override } : {});
  if (flag(args, 'json')) {
    if (stringOption(args, 'out') !== undefined) throw new UsageError('--json prints to standard output: leave out --out');
    io.stdout(JSON.stringify(settings, null, 2) + '\n');
    return 0;
  }
  const from = relative(PACKAGE_ROOT, DEFAULT_REPORT_YEARS_PATH) + (settingsPath !== undefined ? ` and ${settingsPath}` : '');
  const text = settingsText(settings, { from });
  const out = stringOption(args, 'out');
  if (out === undefined) {
    io.stdout(text);
    return 0;
  }
  const path = resolve(io.cwd, out);
  if (existsSync(path) || !writeFileAtomic(path, text, { exclusive: true })) {
    io.stderr(`tip settings: ${out} exists; not overwritten\n`);
    return 1;
  }
  io.stdout(`wrote ${out}${settings.unknown.length > 0 ? ` (unknown: ${settings.unknown.join(', ')})` : ''}\n`);
  return 0;
}
