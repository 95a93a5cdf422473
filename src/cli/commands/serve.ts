import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError } from '../../diagnostics/diagnostic.js';
import { startWorkbench, type Workbench } from '../../serve/server.js';
import { flag, parseCommandArgs, stringOption } from '../args.js';
import { ASSESS_OPTIONS, ASSESS_OPTIONS_HELP, assessOptionsFrom } from '../assess-options.js';
import type { Io } from '../io.js';

export const help = `Usage: tip serve [--dir WORKSPACE] [--port N] [--history CSV] [--waivers CSV] [--open] [--host HOST] [options]

The desk officer's workbench: a local web page over a folder of evidence files. It lists the
country-years with their tier, validity and Watch List clock; creates a new country-year from last
year's file; edits a file in a form generated from the evidence model, with the tier, the clock,
the recommendations and the drafts updated as you type; and saves the YAML file (atomically,
keeping its comments), which stays the record.

Options:
  --dir WORKSPACE               the folder of evidence files (default: the current folder)
  --port N                      the port (default 8484; 0 picks a free one)
  --host HOST                   listen on HOST instead of 127.0.0.1: anyone who can reach it can
                                read and change the workspace, so only on a network you trust
  --open                        open the page in the default browser
  --history CSV                 tier ledger; default: tiers.csv in the workspace, if there is one
${ASSESS_OPTIONS_HELP.split('\n').slice(1).join('\n')}

Stop it with Ctrl-C. The API the page uses is documented in the README ("The workbench").
`;

function openBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'cmd' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '', url] : [url];
  try {
    spawn(command, args, { stdio: 'ignore', detached: true }).on('error', () => undefined).unref();
  } catch {
    // No browser to open: the URL is printed anyway.
  }
}

function portFrom(value: string | undefined): number {
  if (value === undefined) return 8484;
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) throw new UsageError(`--port expects a port number from 0 to 65535, found "${value}"`);
  return Number(value);
}

/** Resolves when the process is asked to stop (Ctrl-C or SIGTERM), or when `signal` aborts. */
function untilStopped(signal?: AbortSignal): Promise<void> {
  return new Promise((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    signal?.addEventListener('abort', stop, { once: true });
  });
}

export async function run(argv: string[], io: Io, signal?: AbortSignal): Promise<number> {
  const args = parseCommandArgs(argv, { ...ASSESS_OPTIONS, dir: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, open: { type: 'boolean' } });
  if (flag(args, 'help')) {
    io.stdout(help);
    return 0;
  }
  if (args.positionals.length > 0) throw new UsageError(`tip serve takes no file arguments (found ${args.positionals.join(' ')}); use --dir`);
  const dir = resolve(io.cwd, stringOption(args, 'dir') ?? '.');
  const values = { ...args.values };
  delete values.dir;
  delete values.port;
  delete values.host;
  delete values.open;
  delete values.help;
  if (values.history === undefined && existsSync(join(dir, 'tiers.csv'))) values.history = join(dir, 'tiers.csv');
  if (typeof values.history === 'string') values.history = resolve(io.cwd, values.history);
  if (typeof values.waivers === 'string') values.waivers = resolve(io.cwd, values.waivers);
  assessOptionsFrom({ values, positionals: [] }, io.cwd, resolve); // a bad option is a usage error now, not at the first request
  const host = stringOption(args, 'host') ?? '127.0.0.1';
  let bench: Workbench;
  try {
    bench = await startWorkbench({ dir, host, port: portFrom(stringOption(args, 'port')), assess: values });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UsageError(`port ${stringOption(args, 'port') ?? 8484} is in use; choose another with --port`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new UsageError(`cannot listen on --host ${host}`);
    throw err;
  }
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') {
    io.stderr(`warning: listening on ${host}, not only on this computer: anyone who can reach ${bench.url} can read and change the files in ${dir}\n`);
  }
  io.stdout(`tip serve: workspace ${dir}\n`);
  io.stdout(`  ledger: ${typeof values.history === 'string' ? values.history : 'none (the Watch List clock is not applied; pass --history CSV)'}\n`);
  io.stdout(`  open ${bench.url} in your browser (Ctrl-C stops the workbench)\n`);
  if (flag(args, 'open')) openBrowser(bench.url);
  await untilStopped(signal);
  await bench.close();
  io.stdout('tip serve: stopped\n');
  return 0;
}
