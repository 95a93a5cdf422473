import { checkHistory } from '../../history/check.js';
import { checkJson, checkText } from '../../history/format.js';
import { flag, parseCommandArgs, requireOne } from '../args.js';
import type { Io } from '../io.js';
import { CLOCK_ARG_OPTIONS, lawFrom, ledgerFrom, printWarnings } from './history.js';
import { clockOptionsFrom } from '../assess-options.js';

export const help = `Usage: tip check-history CSV [--waivers CSV] [--json]
                         [--rule-f READING] [--special-case-continues-run]
                         [--effective ID=FROM[-TO]]

Checks every Tier 2 Watch List placement of a tier ledger against the automatic downgrade
(22 U.S.C. 7107(b)(2)(D)-(F), as numbered in each report), by running the clock's rule files
(rules/22usc7107/b/2/D/i.yaml, D/ii.yaml, F.yaml) over each row, and reports:
  violations  placements the statute forbids: the Watch List before it existed, after the
              waiver years were used up, when rule (F) bars it, or when the record says the
              downgrade applied (an auto_downgrade event, or waiver=false in a waiver year);
  warnings    Watch List years that needed a waiver which no row records, and waiver or
              automatic-downgrade rows in years the clock says did not call for them;
  unknown     placements whose legality depends on a year missing from the ledger.
Warnings about the files themselves (a waiver in a year off the Watch List) go to standard error.

Options:
  --waivers CSV                 waivers file: iso3,year,event (event waiver or auto_downgrade)
  --json                        {"options","countries","placements","violations","warnings","unknown","ledgerWarnings"}
  --rule-f READING              rule (F) reading: after-waiver-run (default), literal, any-time-after
  --special-case-continues-run  a Special Case year neither counts nor ends a Watch List run
  --effective ID=FROM[-TO]      move the report years of a rule or parameter of the clock

Exit codes: 0 no violation, 1 a violation or invalid input, 2 usage error.
`;

export async function run(argv: string[], io: Io): Promise<number> {
  const args = parseCommandArgs(argv, CLOCK_ARG_OPTIONS);
  if (flag(args, 'help')) {
    io.stdout(help);
    return 0;
  }
  const file = requireOne(args.positionals, 'ledger CSV');
  const clockOptions = clockOptionsFrom(args);
  const law = lawFrom(args);
  const { ledger, shown } = ledgerFrom(args, io, file);
  const result = checkHistory(ledger, law, clockOptions);
  if (flag(args, 'json')) {
    io.stdout(checkJson(result, ledger.warnings));
  } else {
    printWarnings(ledger.warnings, io);
    io.stdout(checkText(result, shown));
  }
  return result.violations.length > 0 ? 1 : 0;
}
