import { InputError, UsageError, formatDiagnostic } from '../diagnostics/diagnostic.js';
import type { Command, Io } from './io.js';
import { DecisionError } from '../assess/resolve.js';

/** The commands, each in its own module under commands/; loaded on use so start-up stays small. */
const COMMANDS: Record<string, { summary: string; load: () => Promise<{ run: Command }> }> = {
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
  settings: { summary: "show a report year's release settings, or write a starting settings file", load: () => import('./commands/settings.js') },
  calibrate: { summary: 'compare the engine\'s tiers with published ones over a folder of calibration files', load: () => import('./commands/calibrate.js') },
  batch: { summary: 'assess and draft every country of a report year', load: () => import('./commands/batch.js') },
  serve: { summary: 'the desk officer\'s workbench in the browser (a local web page over a folder)', load: () => import('./commands/serve.js') },
  demo: { summary: 'assess and draft the bundled example (what `npm start` runs)', load: () => import('./commands/demo.js') },
};

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
    'Run `tip <command> --help` for the options of one command.',
    'Exit codes: 0 success, 1 invalid input or a finding (violation, failed file), 2 usage error.',
    '',
  ].join('\n');
}

/** Runs one command line; never throws. Returns the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(mainHelp());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    io.stdout('0.1.0\n');
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`tip: unknown command "${name}"\n\n${mainHelp()}`);
    return 2;
  }
  try {
    const mod = await command.load();
    return await mod.run(rest, io);
  } catch (err) {
    return reportError(err, io, name);
  }
}

export function reportError(err: unknown, io: Io, name: string): number {
  if (err instanceof InputError) {
    for (const d of err.diagnostics) io.stderr(formatDiagnostic(d) + '\n');
    io.stderr(`${err.diagnostics.length} error${err.diagnostics.length === 1 ? '' : 's'}\n`);
    return 1;
  }
  if (err instanceof DecisionError) {
    io.stderr(`tip ${name}: the rules give ${err.kind === 'empty' ? 'no answer' : 'two answers'}: ${err.message}\n`);
    return 1;
  }
  if (err instanceof UsageError) {
    io.stderr(`tip ${name}: ${err.message}\nRun \`tip ${name} --help\` for usage.\n`);
    return 2;
  }
  const sys = err as NodeJS.ErrnoException;
  if (sys && typeof sys.code === 'string' && typeof sys.path === 'string') {
    // A file the command had to write (or read) could not be: say which and why, exit 1.
    io.stderr(`tip ${name}: cannot ${sys.syscall ?? 'use'} ${sys.path}: ${sys.code}\n`);
    return 1;
  }
  const message = err instanceof Error ? err.message : String(err);
  io.stderr(`tip ${name}: internal error: ${message}\n`);
  if (process.env.TIP_DEBUG && err instanceof Error && err.stack) io.stderr(err.stack + '\n');
  return 3;
}
