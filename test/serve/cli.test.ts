import { expect, test } from 'vitest';
import { run } from '../../src/cli/commands/serve.js';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { PACKAGE_ROOT } from '../../src/paths.js';

/** `tip serve` on the command line: what it prints, what it refuses, and that it stops cleanly. */

test('tip serve --dir examples prints the URL, uses the workspace ledger, serves, and stops on a signal', async () => {
  const io = bufferIo(PACKAGE_ROOT);
  const stop = new AbortController();
  const running = run(['--dir', 'examples', '--port', '0'], io, stop.signal);
  await expect.poll(() => io.out(), { timeout: 15_000 }).toMatch(/open http:\/\/127\.0\.0\.1:\d+\//);
  expect(io.out()).toMatch(/ledger: .*examples\/tiers\.csv/);
  expect(io.err()).toBe('');
  const url = /open (http:\/\/127\.0\.0\.1:\d+\/)/.exec(io.out())![1]!;
  const list = (await (await fetch(`${url}api/files`)).json()) as { files: { path: string; tier: string }[] };
  expect(list.files.map((f: { path: string }) => f.path)).toContain('CHN-2009.yaml');
  expect(list.files.find((f) => f.path === 'CHN-2009.yaml')?.tier).toBe('2WL');
  stop.abort();
  expect(await running).toBe(0);
  expect(io.out()).toContain('tip serve: stopped');
  await expect(fetch(`${url}api/files`)).rejects.toThrow();
});

test('another host only when asked, and then with a warning', async () => {
  const io = bufferIo(PACKAGE_ROOT);
  const stop = new AbortController();
  const running = run(['--dir', 'examples', '--port', '0', '--host', '0.0.0.0'], io, stop.signal);
  await expect.poll(() => io.err(), { timeout: 15_000 }).toContain('warning: listening on 0.0.0.0');
  stop.abort();
  expect(await running).toBe(0);
});

test('bad command lines are usage errors (exit 2) with a clear message', async () => {
  for (const [args, message] of [
    [['serve', '--port', 'http'], '--port expects a port number'],
    [['serve', '--dir', 'no-such-folder'], 'no such folder'],
    [['serve', 'examples'], 'takes no file arguments'],
    [['serve', '--rule-f', 'never'], '--rule-f expects one of'],
  ] as const) {
    const io = bufferIo(PACKAGE_ROOT);
    expect(await main([...args], io), args.join(' ')).toBe(2);
    expect(io.err()).toContain(message);
  }
  const help = bufferIo(PACKAGE_ROOT);
  expect(await main(['serve', '--help'], help)).toBe(0);
  expect(help.out()).toMatch(/^Usage: tip serve/);
  const top = bufferIo(PACKAGE_ROOT);
  await main(['--help'], top);
  expect(top.out()).toContain('serve ');
});

test('the README opens with tip serve beside the two commands, and documents every endpoint', async () => {
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const readme = readFileSync(join(PACKAGE_ROOT, 'README.md'), 'utf8');
  const first = readme.slice(readme.indexOf('```sh'), readme.indexOf('```', readme.indexOf('```sh') + 5));
  expect(first).toContain('npm install && npm start');
  expect(first).toContain('npx tip serve --dir examples');
  const section = readme.slice(readme.indexOf('## The workbench'), readme.indexOf('## The library'));
  for (const endpoint of ['GET /api/schema', 'GET /api/law', 'GET /api/formats', 'GET /api/countries', 'GET /api/new', 'POST /api/validate', 'POST /api/assess', 'POST /api/render', 'GET /api/files`', 'GET /api/files/PATH', 'PUT /api/files/PATH']) {
    expect(section, endpoint).toContain(endpoint);
  }
});
