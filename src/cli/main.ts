import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suggestKey } from '../load/suggest.js';
import { PACKAGE_ROOT } from '../paths.js';
import type { Command, Io } from './io.js';
import { wantsJson } from './json-output.js';
import { reportError, runLoaded } from './run-command.js';

export { reportError };

/** The commands, each in its own module under commands/; loaded on use so start-up stays small. */
export const COMMANDS: Record<string, { summary: string; load: () => Promise<{ run: Command; help: string }> }> = {
  validate: { summary: 'check evidence files against the evidence model', load: () => import('./commands/validate.js') },
  init: { summary: 'write a commented evidence skeleton for a country and year', load: () => import('./commands/init.js') },
  schema: { summary: 'print the JSON Schema of the evidence file', load: () => import('./commands/schema.js') },
  migrate: { summary: 'upgrade evidence files to the current evidence model, keeping comments', load: () => import('./commands/migrate.js') },
  assess: { summary: 'place a country in a tier, with the law applied and its trace', load: () => import('./commands/assess.js') },
  rules: { summary: 'list the rules in force in a report year', load: () => import('./commands/rules.js') },
  history: { summary: 'show a country\'s tier timeline and the Watch List clock', load: () => import('./commands/history.js') },
  'check-history': { summary: 'check a tier ledger against the downgrade rules', load: () => import('./commands/check-history.js') },
  record: { summary: 'write an assessed tier into the ledger', load: () => import('./commands/record.js') },
  render: { summary: 'draft the narrative, demarche, non-paper and press guidance', load: () => import('./commands/render.js') },
  'what-if': { summary: 'the smallest evidence changes that would move the tier, and the clock next year', load: () => import('./commands/what-if.js') },
  settings: { summary: "show a report year's release settings, or write a starting settings file", load: () => import('./commands/settings.js') },
  calibrate: { summary: 'compare the engine\'s tiers with published ones over a folder of calibration files', load: () => import('./commands/calibrate.js') },
  batch: { summary: 'assess and draft every country of a report year', load: () => import('./commands/batch.js') },
  serve: { summary: 'the desk officer\'s workbench in the browser (a local web page over a folder)', load: () => import('./commands/serve.js') },
  demo: { summary: 'assess and draft the bundled example (what `npm start` runs)', load: () => import('./commands/demo.js') },
};

export function version(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

export function mainHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return [
    'tip: TIP Report tier assessment under the Trafficking Victims Protection Act',
    '',
    'Usage: tip <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `tip help <command>` (or `tip <command> --help`) for the options of one command;',
    '`tip -v` prints the version. A FILE argument of `-` reads standard input.',
    'Exit codes: 0 success, 1 invalid input, a failed file or output, or a finding, 2 usage error.',
    '',
  ].join('\n');
}

function unknownCommand(name: string, io: Io): number {
  const near = suggestKey(name, Object.keys(COMMANDS));
  io.stderr(`tip: unknown command "${name}"${near ? ` (did you mean "${near}"?)` : ''}\nRun \`tip --help\` for the list of commands.\n`);
  return 2;
}

/** Runs one command line; never throws. Returns the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [first, ...args] = argv;
  if (first === undefined || first === '--help' || first === '-h' || (first === 'help' && args.length === 0)) {
    io.stdout(mainHelp());
    return first === undefined ? 2 : 0;
  }
  if (first === '--version' || first === '-v' || first === '-V') {
    io.stdout(`${version()}\n`);
    return 0;
  }
  // `tip help CMD` is `tip CMD --help`.
  const [name, rest] = first === 'help' ? [args[0]!, ['--help']] : [first, args];
  // Only the table's own names: "constructor" or "__proto__" is an unknown command, not an internal error.
  const command = name !== undefined && Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) return unknownCommand(name, io);
  let loaded: { run: Command };
  try {
    loaded = await command.load();
  } catch (err) {
    return reportError(err, io, name, wantsJson(rest));
  }
  return runLoaded(name, loaded, rest, io);
}
