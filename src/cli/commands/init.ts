import { resolve } from 'node:path';
import { UsageError } from '../../diagnostics/diagnostic.js';
import { evidenceSkeleton } from '../../evidence/skeleton.js';
import { writeFileAtomic } from '../../fsutil/atomic-write.js';
import { flag, parseCommandArgs, parseYearOption, requireOne, stringOption } from '../args.js';
import type { Io } from '../io.js';
import { withSchemaLine } from '../schema-ref.js';

export const help = `Usage: tip init ISO3 --year Y [--out FILE]

Writes a complete, commented evidence skeleton for that report year's law (the §108(b)
criteria in force, the fields the year's rules read) to FILE (default ISO3-YEAR.yaml).
Refuses to overwrite an existing file.
`;

export async function run(argv: string[], io: Io): Promise<number> {
  const args = parseCommandArgs(argv, { year: { type: 'string' }, out: { type: 'string' } });
  if (flag(args, 'help')) {
    io.stdout(help);
    return 0;
  }
  const iso3 = requireOne(args.positionals, 'ISO 3166-1 alpha-3 code');
  if (!/^[A-Z]{3}$/.test(iso3)) throw new UsageError(`expected an ISO 3166-1 alpha-3 code in capitals such as CHN, found "${iso3}"`);
  const year = parseYearOption(stringOption(args, 'year'));
  if (year === undefined) throw new UsageError('--year is required');
  const out = stringOption(args, 'out') ?? `${iso3}-${year}.yaml`;
  const path = resolve(io.cwd, out);
  if (!writeFileAtomic(path, withSchemaLine(evidenceSkeleton(iso3, year), path), { exclusive: true })) {
    io.stderr(`tip init: ${out} exists; not overwritten\n`);
    return 1;
  }
  io.stdout(`wrote ${out}\n`);
  return 0;
}
