import { resolve } from 'node:path';
import { calibrate } from '../../calibrate/calibrate.js';
import { formatCalibration } from '../../calibrate/format.js';
import { flag, parseCommandArgs, requireOne, stringOption } from '../args.js';
import type { Io } from '../io.js';

export const help = `Usage: tip calibrate DIR [--history CSV] [--waivers CSV] [--withhold-standards] [--json]

Runs every evidence file in DIR that records a published tier (a \`calibration\` block; such a
file has no \`determination\`) as a desk officer would: the engine's own recommendation, with the
ledger as it stood before that report (the country's rows for that year and later are not read).
Prints, per file, the published tier, the engine's tier, the rubric's answer (policy guidance),
whether they agree, the unknowns and open questions it rests on and the deciding rule; then the
confusion matrix by tier and the agreement figure.

Options:
  --history CSV   tier ledger (iso3,year,tier); without it the Watch List clock is not applied
  --waivers CSV   waivers file (iso3,year,event)
  --withhold-standards
                  an ablation: the four §108(a) findings read as no_information, to show how
                  much of the agreement rests on them (in published narratives the (a)(4)
                  finding comes from the tier paragraph's own sentence)
  --json          {"dir","rows","skipped","failures","confusion","agreement"}

Exit codes: 0 every file was assessed, 1 a file could not be read or assessed, 2 usage error.
`;

export async function run(argv: string[], io: Io): Promise<number> {
  const args = parseCommandArgs(argv, { history: { type: 'string' }, waivers: { type: 'string' }, 'withhold-standards': { type: 'boolean' }, json: { type: 'boolean' } });
  if (flag(args, 'help')) {
    io.stdout(help);
    return 0;
  }
  const dir = requireOne(args.positionals, 'folder of calibration files');
  const history = stringOption(args, 'history');
  const waivers = stringOption(args, 'waivers');
  const report = await calibrate(resolve(io.cwd, dir), {
    ...(history !== undefined ? { historyPath: resolve(io.cwd, history) } : {}),
    ...(waivers !== undefined ? { waiversPath: resolve(io.cwd, waivers) } : {}),
    ...(flag(args, 'withhold-standards') ? { withholdStandards: true } : {}),
  });
  const shown = { ...report, dir };
  io.stdout(flag(args, 'json') ? JSON.stringify(shown, null, 2) + '\n' : formatCalibration(shown));
  return report.failures.length > 0 ? 1 : 0;
}
