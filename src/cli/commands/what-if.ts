import { resolve } from 'node:path';
import { UsageError } from '../../diagnostics/diagnostic.js';
import { isTier, TIERS } from '../../model/tier.js';
import { formatWhatIf } from '../../whatif/format.js';
import { DEFAULT_BOUND, MAX_BOUND, whatIfFile } from '../../whatif/index.js';
import { flag, parseCommandArgs, requireOne, stringOption } from '../args.js';
import { ASSESS_OPTIONS, ASSESS_OPTIONS_HELP, assessOptionsFrom } from '../assess-options.js';
import type { Io } from '../io.js';

export const help = `Usage: tip what-if FILE [--history CSV] [--waivers CSV] [--target TIER] [--json] [options]

What would change the tier. Over the facts the tier rules read, the smallest sets of evidence
changes (field and new value) that would move the assessed tier to each other tier, or to --target:
exact and exhaustive up to --max-changes changes, each set with the rules that would then decide.
Each change is marked: a government action, a value to record (unknown now), the Department's or
the analyst's decision (procedural), or the country's situation, which is never advice
(rules/facts/classes.yaml says which fact is which, and why). Then the Watch List clock next year
if nothing changes (give --history), and the government actions in priority order, which the
action plan draft (tip render --doc action-plan) words as recommendations.

Options:
  --target TIER                 only this tier: 1, 2, 2WL, 3 or special (repeatable)
  --max-changes N               at most N changes per set (default ${DEFAULT_BOUND}, at most ${MAX_BOUND})
  --all                         print every set (the text groups them and shows the first five per tier)
  --json                        one JSON object with every set, the projection and the actions
${ASSESS_OPTIONS_HELP}

Exit codes: 0 done, 1 invalid input, 2 usage error.
`;

function targetsFrom(values: unknown): (typeof TIERS)[number][] | undefined {
  const given = (Array.isArray(values) ? values : values === undefined ? [] : [values]).map(String);
  if (given.length === 0) return undefined;
  for (const t of given) if (!isTier(t)) throw new UsageError(`--target expects one of ${TIERS.join(', ')}, found "${t}"`);
  return [...new Set(given)] as (typeof TIERS)[number][];
}

function boundFrom(value: string | undefined): number {
  if (value === undefined) return DEFAULT_BOUND;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > MAX_BOUND) throw new UsageError(`--max-changes expects a whole number from 1 to ${MAX_BOUND}, found "${value}"`);
  return n;
}

export async function run(argv: string[], io: Io): Promise<number> {
  const args = parseCommandArgs(argv, {
    ...ASSESS_OPTIONS,
    target: { type: 'string', multiple: true },
    'max-changes': { type: 'string' },
    all: { type: 'boolean' },
    json: { type: 'boolean' },
  });
  if (flag(args, 'help')) {
    io.stdout(help);
    return 0;
  }
  const file = requireOne(args.positionals, 'evidence file');
  const targets = targetsFrom(args.values.target);
  const options = { ...assessOptionsFrom(args, io.cwd, resolve), bound: boundFrom(stringOption(args, 'max-changes')), ...(targets ? { targets } : {}) };
  const { whatIf } = await whatIfFile(resolve(io.cwd, file), options);
  whatIf.file = file;
  io.stdout(flag(args, 'json') ? JSON.stringify(whatIf, null, 2) + '\n' : formatWhatIf(whatIf, { all: flag(args, 'all') }));
  return 0;
}
