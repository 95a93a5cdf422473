import { formatDiagnostic, InputError, UsageError } from '../../diagnostics/diagnostic.js';
import { checkOverrides } from '../../assess/file.js';
import { computeClock } from '../../history/clock.js';
import { bundledCorpus } from '../../rules/corpus.js';
import { lawOf, type Law } from '../../rules/law.js';
import { historyJson, historyText, timelineOf } from '../../history/format.js';
import { countryHistory, historySpan, ledgerCountries } from '../../ledger/history.js';
import { readLedger, type Ledger, type LedgerWarning } from '../../ledger/ledger.js';
import { suggestKey } from '../../load/suggest.js';
import { flag, parseCommandArgs, parseYearOption, requireOne, stringOption, type ParsedArgs } from '../args.js';
import { inputPath, shownPath, type Io } from '../io.js';
import { clockOptionsFrom, effectiveFrom } from '../assess-options.js';

export const help = `Usage: tip history ISO3 --history CSV [--waivers CSV] [--year Y] [--json]
                   [--rule-f READING] [--special-case-continues-run] [--effective ID=FROM[-TO]]

Prints a country's tier timeline from the ledger and the Watch List clock for report year Y
(default: the year after the country's last row): consecutive Watch List years, those counted
toward the automatic downgrade, waiver years used and allowed, rule (F), whether a Watch List
placement is allowed, needs a waiver or is barred, and the first report in which the automatic
downgrade could apply (22 U.S.C. 7107(b)(2)(D)-(F)). A year with no row is unknown, never "off the list":
when it could change an answer, the answer is "unknown" and the year is named.

Options:
  --history CSV                 tier ledger: iso3,year,tier (any order; extra columns allowed;
                                optional waiver column true/false)
  --waivers CSV                 waivers file: iso3,year,event (event waiver or auto_downgrade)
  --year Y                      report year of the clock
  --json                        {"iso3","year","timeline":[...],"clock":{...}}
  --rule-f READING              rule (F) reading: after-waiver-run (default), literal, any-time-after
  --special-case-continues-run  a Special Case year neither counts nor ends a Watch List run
                                (default: it ends the run)
  --effective ID=FROM[-TO]      move the report years of a rule or parameter of the clock
                                (e.g. 22usc7107.b.2.F=2020); repeatable

Exit codes: 0 done, 1 invalid input, 2 usage error.
`;

/** The options `tip history` and `tip check-history` share. */
export const CLOCK_ARG_OPTIONS = {
  waivers: { type: 'string' },
  json: { type: 'boolean' },
  'rule-f': { type: 'string' },
  'special-case-continues-run': { type: 'boolean' },
  effective: { type: 'string', multiple: true },
} as const;

/** The law of a history command: the bundled corpus and the command line's --effective overrides. */
export function lawFrom(args: ParsedArgs): Law {
  const corpus = bundledCorpus();
  const effective = effectiveFrom(args) ?? {};
  checkOverrides(effective, corpus);
  return lawOf(corpus, effective);
}

/** Reads the ledger named by --history (and --waivers), resolved against the working directory. */
export function ledgerFrom(args: ParsedArgs, io: Io, ledgerPath: string | undefined): { ledger: Ledger; shown: { ledger: string; waivers: string | null } } {
  if (ledgerPath === undefined) throw new UsageError('--history CSV is required (the tier ledger)');
  const waivers = stringOption(args, 'waivers');
  const ledger = readLedger(inputPath(io, ledgerPath), {
    ...(waivers !== undefined ? { waiversPath: inputPath(io, waivers) } : {}),
    shownAs: { ledger: shownPath(ledgerPath), ...(waivers !== undefined ? { waivers: shownPath(waivers) } : {}) },
  });
  return { ledger, shown: { ledger: ledgerPath, waivers: waivers ?? null } };
}

export function printWarnings(warnings: readonly LedgerWarning[], io: Io): void {
  for (const w of warnings) io.stderr(`warning: ${formatDiagnostic(w)}\n`);
}

export async function run(argv: string[], io: Io): Promise<number> {
  const args = parseCommandArgs(argv, { ...CLOCK_ARG_OPTIONS, history: { type: 'string' }, year: { type: 'string' } });
  if (flag(args, 'help')) {
    io.stdout(help);
    return 0;
  }
  const code = requireOne(args.positionals, 'country code (ISO3)').toUpperCase();
  if (!/^[A-Z]{3}$/.test(code)) throw new UsageError(`expected an ISO 3166-1 alpha-3 country code such as RUS, found "${code}"`);
  const requestedYear = parseYearOption(stringOption(args, 'year'));
  const options = clockOptionsFrom(args);
  const law = lawFrom(args);
  const { ledger, shown } = ledgerFrom(args, io, stringOption(args, 'history'));

  const history = countryHistory(ledger, code);
  const span = historySpan(history);
  if (!span) {
    const near = suggestKey(code, ledgerCountries(ledger));
    throw new InputError([
      {
        file: shown.ledger,
        line: 0,
        col: 0,
        path: ['iso3'],
        code: 'unknown-country',
        expected: 'a country code with at least one row in the ledger',
        found: `"${code}"`,
        ...(near ? { hint: `did you mean ${near}?` } : {}),
      },
    ]);
  }
  printWarnings(
    ledger.warnings.filter((w) => w.iso3 === code),
    io,
  );
  const year = requestedYear ?? span.last + 1;
  const clock = computeClock(history, year, law, options);
  const timeline = timelineOf(history, year - 1);
  io.stdout(flag(args, 'json') ? historyJson(code, year, timeline, clock) : historyText(code, year, timeline, clock, shown));
  return 0;
}
