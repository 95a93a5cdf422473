import { UsageError } from '../diagnostics/diagnostic.js';
import type { AssessFileOptions } from '../assess/file.js';
import { STDIN_PATH } from '../fsutil/read.js';
import { flag, oneOfOption, stringOption, type ParsedArgs } from './args.js';
import { RULE_F_READINGS, type ClockOptions, type RuleFReading } from '../history/clock.js';

/** The options every command that assesses evidence shares (assess, render, batch, record, demo). */
export const ASSESS_OPTIONS = {
  history: { type: 'string' },
  waivers: { type: 'string' },
  'rule-f': { type: 'string' },
  'special-case-continues-run': { type: 'boolean' },
  'disregard-presumption': { type: 'boolean' },
  effective: { type: 'string', multiple: true },
} as const;

export const ASSESS_OPTIONS_HELP = `  --history CSV                 tier ledger (iso3,year,tier[,waiver]); drives the Watch List clock
  --waivers CSV                 waivers file (iso3,year,event with event waiver|auto_downgrade)
  --rule-f READING              rule (F) reading: after-waiver-run (default), literal, any-time-after
  --special-case-continues-run  a Special Case year does not break a Watch List run (default: it does)
  --disregard-presumption       the Secretary disregards the data presumption (2004 and 2005 reports only)
  --effective ID=FROM[-TO]      move the report years of a rule whose date is UNVERIFIED
                                (e.g. 22usc7106.b.9=2006); repeatable`;


/** The clock's readings chosen on the command line (defaults when absent); shared with tip history and check-history. */
export function clockOptionsFrom(args: ParsedArgs): ClockOptions {
  const ruleF = stringOption(args, 'rule-f');
  const reading: RuleFReading = ruleF === undefined ? 'after-waiver-run' : oneOfOption(ruleF, '--rule-f', RULE_F_READINGS);
  return { ruleF: reading, specialCaseBreaksRun: !flag(args, 'special-case-continues-run') };
}

export function assessOptionsFrom(args: ParsedArgs, cwd: string, resolvePath: (cwd: string, p: string) => string): AssessFileOptions {
  // `-` is standard input, whatever the caller's resolver would make of it.
  const resolve = (dir: string, p: string): string => (p === STDIN_PATH ? p : resolvePath(dir, p));
  const options: AssessFileOptions = {};
  const history = stringOption(args, 'history');
  const waivers = stringOption(args, 'waivers');
  if (history !== undefined) options.historyPath = resolve(cwd, history);
  if (waivers !== undefined) {
    if (history === undefined) throw new UsageError('--waivers needs --history');
    options.waiversPath = resolve(cwd, waivers);
  }
  options.clock = clockOptionsFrom(args);
  if (flag(args, 'disregard-presumption')) options.secretaryDisregardsPresumption = true;
  const effective = effectiveFrom(args);
  if (effective !== undefined) options.effective = effective;
  return options;
}

/** The `--effective ID=FROM[-TO]` overrides of a command line, or undefined when none is given. */
export function effectiveFrom(args: ParsedArgs): Record<string, { from?: number; to?: number }> | undefined {
  const effective = args.values.effective;
  if (!Array.isArray(effective)) return undefined;
  const out: Record<string, { from?: number; to?: number }> = {};
  for (const spec of effective) {
    const m = /^([A-Za-z0-9.-]+)=(\d{4})(?:-(\d{4}))?$/.exec(String(spec));
    if (!m) throw new UsageError(`--effective expects ID=FROM or ID=FROM-TO, found "${String(spec)}"`);
    out[m[1]!] = { from: Number(m[2]), ...(m[3] ? { to: Number(m[3]) } : {}) };
  }
  return out;
}
