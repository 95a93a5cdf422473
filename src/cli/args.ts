import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../diagnostics/diagnostic.js';
import { FIRST_REPORT_YEAR, LAST_REPORT_YEAR } from '../model/tier.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * `util.parseArgs` with strict checking, turning its TypeErrors into a UsageError (exit code 2).
 * Every command takes `--help`.
 */
export interface ParsedArgs {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

export function parseCommandArgs(argv: string[], options: Options): ParsedArgs {
  try {
    return parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

/** A string option's value, or undefined. */
export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.values[name];
  return typeof v === 'string' ? v : undefined;
}

export function flag(args: ParsedArgs, name: string): boolean {
  return args.values[name] === true;
}

/** A `--year` value: a whole number from the first report (2001) to next year's. */
export function parseYearOption(value: string | undefined, name = '--year'): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}$/.test(value)) throw new UsageError(`${name} expects a report year such as 2009, found "${value}"`);
  const year = Number(value);
  if (year < FIRST_REPORT_YEAR || year > LAST_REPORT_YEAR) throw new UsageError(`${name} expects a report year from ${FIRST_REPORT_YEAR} (the first report) to ${LAST_REPORT_YEAR} (next year's), found ${year}`);
  return year;
}

export function requireOne(positionals: string[], what: string): string {
  if (positionals.length !== 1) {
    throw new UsageError(`expected exactly one ${what}, found ${positionals.length === 0 ? 'none' : positionals.length}`);
  }
  return positionals[0]!;
}
