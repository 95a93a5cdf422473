import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { wantsJson } from '../../src/cli/json-output.js';
import { main } from '../../src/cli/main.js';
import { EXAMPLES_DIR } from '../../src/paths.js';
import { fuzz, FUZZ_TIMEOUT } from './config.js';

/**
 * Command lines as a careless user types them: any command (or a misspelt one), options known and
 * unknown, values good and bad, files that exist, do not, or are not evidence. Whatever the line:
 * exit 0, 1 or 2 (never 3, an internal error), no stack trace, and under --json exactly one JSON
 * value on standard output. Runs in a scratch folder holding copies of the example.
 */

const cwd = mkdtempSync(join(tmpdir(), 'tip-fuzz-cli-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));
copyFileSync(join(EXAMPLES_DIR, 'CHN-2009.yaml'), join(cwd, 'CHN-2009.yaml'));
copyFileSync(join(EXAMPLES_DIR, 'tiers.csv'), join(cwd, 'tiers.csv'));
writeFileSync(join(cwd, 'bad.yaml'), 'country: 1\n\tx: "\\0"\n');
writeFileSync(join(cwd, 'bad.csv'), 'iso3,year,tier\nrus,13,9\n');
mkdirSync(join(cwd, 'in'));
copyFileSync(join(EXAMPLES_DIR, 'CHN-2009.yaml'), join(cwd, 'in', 'CHN-2009.yaml'));

const COMMANDS = ['validate', 'init', 'schema', 'migrate', 'assess', 'rules', 'history', 'check-history', 'record', 'render', 'calibrate', 'batch', 'asess', 'help', '-v', '--help', 'x'];
/** The commands that take --json (the others refuse it: a usage error, which is JSON too). */
const REAL = new Set(COMMANDS.slice(0, 12));
const TOKENS = [
  'CHN-2009.yaml', 'bad.yaml', 'nope.yaml', 'tiers.csv', 'bad.csv', 'in', '-', 'CHN', 'chn', 'MYS', '2009', '19x9', '2150',
  '--json', '--history', '--hist', '--waivers', '--year', '--out', 'out', '--doc', 'all', 'press', 'nonsense', '--format', 'markdown', 'md,json',
  '--rule-f', 'literal', 'literl', '--force', '--trace', '--effective', '22usc7106.b.9=2006', 'bad=effective', '--no-drafts', '--settings',
  '--special-case-continues-run', '--disregard-presumption', '--', '-x', '--json=1', '--year=2009', '',
];

describe('any command line', () => {
  test('exit 0, 1 or 2, no stack trace; --json always gives JSON', { timeout: FUZZ_TIMEOUT }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...COMMANDS), fc.array(fc.constantFrom(...TOKENS), { maxLength: 7 }), async (command, rest) => {
        const io = bufferIo(cwd, 'country: 1\n');
        const code = await main([command, ...rest], io);
        const line = [command, ...rest].join(' ');
        expect([0, 1, 2], `${line}\n${io.err()}`).toContain(code);
        expect(io.err(), line).not.toMatch(/internal error|\n\s+at /);
        const help = rest.includes('--help') || rest.includes('-h') || command === 'help' || command === '--help' || command === '-v';
        if (wantsJson(rest) && !help && REAL.has(command)) {
          expect(() => JSON.parse(io.out()), `${line}\n${io.out()}`).not.toThrow();
        }
      }),
      fuzz(5151, 40),
    );
  });
});
