import { resolve } from 'node:path';
import { assessFile } from '../../assess/file.js';
import { InputError, UsageError } from '../../diagnostics/diagnostic.js';
import { recordPlacement } from '../../ledger/record.js';
import { tierName } from '../../model/tier.js';
import { flag, parseCommandArgs, requireOne } from '../args.js';
import { ASSESS_OPTIONS, ASSESS_OPTIONS_HELP, assessOptionsFrom } from '../assess-options.js';
import type { Io } from '../io.js';

export const help = `Usage: tip record FILE --history CSV [--force] [options]

Assesses the evidence file against the ledger and writes the tier into the ledger: the row
iso3,year,tier (and waiver=true when the Watch List placement was kept by a waiver). The ledger
is rewritten atomically, sorted by country and year, byte-stable. A different row already there
for that country and year is refused unless --force.

Options:
  --force                       replace a different existing row
${ASSESS_OPTIONS_HELP}
`;

export async function run(argv: string[], io: Io): Promise<number> {
  const args = parseCommandArgs(argv, { ...ASSESS_OPTIONS, force: { type: 'boolean' } });
  if (flag(args, 'help')) {
    io.stdout(help);
    return 0;
  }
  const file = requireOne(args.positionals, 'evidence file');
  const options = assessOptionsFrom(args, io.cwd, resolve);
  if (options.historyPath === undefined) throw new UsageError('--history is required (the ledger to write into)');
  const { assessment } = await assessFile(resolve(io.cwd, file), options);
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
  const outcome = recordPlacement(
    options.historyPath,
    {
      iso3: assessment.country.iso3,
      year: assessment.year,
      tier: assessment.tier,
      waiver: assessment.clockEffect === 'waiver',
      country: assessment.country.name,
    },
    { force: flag(args, 'force') },
  );
  io.stdout(`${outcome}: ${assessment.country.iso3} ${assessment.year} ${tierName(assessment.tier)}${assessment.clockEffect === 'waiver' ? ' (by waiver)' : ''}\n`);
  return 0;
}
