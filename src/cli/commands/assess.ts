import { resolve } from 'node:path';
import { assessFile } from '../../assess/file.js';
import { assessmentJson, formatAssessment } from '../../report/assessment-text.js';
import { flag, parseCommandArgs, requireOne } from '../args.js';
import { ASSESS_OPTIONS, ASSESS_OPTIONS_HELP, assessOptionsFrom } from '../assess-options.js';
import { inputPath, shownPath, type Io } from '../io.js';

export const help = `Usage: tip assess FILE [--history CSV] [--waivers CSV] [--json] [--trace] [options]

Places the country of an evidence file in a tier for its report year: the law applied (era),
the rubric recommendation and the analyst determination, the Watch List grounds, the clock
(with --history), the Special Watch List, Tier 3 consequences, the recommendations and, with
--trace, every rule of the corpus with its citation, the facts it read and its outcome.

Options:
  --json                        one JSON object (tier, era, watchList.grounds, clock, recommendations, trace, ...)
  --trace                       add the trace to the text output
${ASSESS_OPTIONS_HELP}
`;

export async function run(argv: string[], io: Io): Promise<number> {
  const args = parseCommandArgs(argv, { ...ASSESS_OPTIONS, json: { type: 'boolean' }, trace: { type: 'boolean' } });
  if (flag(args, 'help')) {
    io.stdout(help);
    return 0;
  }
  const file = requireOne(args.positionals, 'evidence file');
  const options = assessOptionsFrom(args, io.cwd, resolve);
  const { assessment } = await assessFile(inputPath(io, file), options);
  assessment.file = shownPath(file);
  io.stdout(flag(args, 'json') ? assessmentJson(assessment) : formatAssessment(assessment, { trace: flag(args, 'trace') }));
  return 0;
}
