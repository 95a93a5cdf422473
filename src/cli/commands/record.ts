import { resolve } from 'node:path';
import { assessFile } from '../../assess/file.js';
import { InputError, UsageError } from '../../diagnostics/diagnostic.js';
import { writePlacement } from '../../ledger/record.js';
import { tierName } from '../../model/tier.js';
import { flag, parseCommandArgs, requireOne, stringOption } from '../args.js';
import { ASSESS_OPTIONS, ASSESS_OPTIONS_HELP, assessOptionsFrom } from '../assess-options.js';
import { inputPath, type Io } from '../io.js';
import { printJson } from '../json-output.js';

export const help = `Usage: tip record FILE --history CSV [--force] [--json] [options]

Assesses the evidence file against the ledger and writes the tier into the ledger: the row
iso3,year,tier (and waiver=true when the Watch List placement was kept by a waiver). Only that
row changes: the file keeps its order (a new row goes among its country's rows, or where the
file's sort puts a new country), its quoting and its line ends. The ledger is locked while it is
read and rewritten (atomically), so several records at once lose nothing. A different row already
there for that country and year is refused unless --force. A country name that a spreadsheet
would run as a formula (starting with =, +, -, @) is written with a leading apostrophe.

Options:
  --force                       replace a different existing row
  --json                        {"ok","outcome","iso3","year","tier","waiver","ledger","line","notes"}
${ASSESS_OPTIONS_HELP}

Exit codes: 0 written or unchanged, 1 invalid input, a conflicting row or a ledger that cannot be
written, 2 usage error.
`;

export async function run(argv: string[], io: Io): Promise<number> {
  const args = parseCommandArgs(argv, { ...ASSESS_OPTIONS, force: { type: 'boolean' }, json: { type: 'boolean' } });
  if (flag(args, 'help')) {
    io.stdout(help);
    return 0;
  }
  const file = requireOne(args.positionals, 'evidence file');
  const options = assessOptionsFrom(args, io.cwd, resolve);
  if (options.historyPath === undefined) throw new UsageError('--history is required (the ledger to write into)');
  if (options.historyPath === '-') throw new UsageError('--history must name a file: the ledger is written, standard input cannot be');
  const { assessment } = await assessFile(inputPath(io, file), options);
  if (assessment.open) {
    // A tier the ledger's gaps leave open is never written as if it were definite.
    const years = assessment.open.decidingYears.join(', ');
    throw new InputError([
      {
        file,
        line: 0,
        col: 0,
        path: ['tier'],
        code: 'open-tier',
        expected: 'a definite tier to record',
        found: `${assessment.open.tiers.map(tierName).join(' or ')}, depending on the ledger's missing year${assessment.open.decidingYears.length === 1 ? '' : 's'} ${years}`,
        hint: `add the rows for ${years} to ${options.historyPath}, then record again`,
      },
    ]);
  }
  const placement = {
    iso3: assessment.country.iso3,
    year: assessment.year,
    tier: assessment.tier,
    waiver: assessment.clockEffect === 'waiver',
    country: assessment.country.name,
  };
  const result = writePlacement(options.historyPath, placement, { force: flag(args, 'force') });
  if (flag(args, 'json')) {
    printJson(io.stdout, { ok: true, outcome: result.outcome, ...placement, ledger: stringOption(args, 'history'), line: result.line, notes: result.notes });
    return 0;
  }
  for (const note of result.notes) io.stderr(`note: ${note}\n`);
  io.stdout(`${result.outcome}: ${placement.iso3} ${placement.year} ${tierName(placement.tier)}${placement.waiver ? ' (by waiver)' : ''}\n`);
  return 0;
}
