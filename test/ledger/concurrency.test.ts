import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parseLedger } from '../../src/ledger/ledger.js';
import { finished, moduleUrl, scriptProcess } from '../support/processes.js';

/**
 * Issue 11 item 1: eight `tip record` processes writing different countries into one ledger at
 * once kept 58 of 80 rows. Here WRITERS processes each record ROWS placements into one ledger at
 * the same moment, while a reader process reads it in a loop: every row must be there at the end,
 * and the reader must never see a file that does not parse.
 */

const WRITERS = 6;
const ROWS = 8;
const root = mkdtempSync(join(tmpdir(), 'tip-concurrency-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A child that waits for the start time, then records its placements one by one. */
function writer(ledger: string, index: number, startAt: number): ReturnType<typeof scriptProcess> {
  const script = `
    import { recordPlacement } from ${JSON.stringify(moduleUrl('src/ledger/record.js'))};
    const [ledger, index, startAt] = [process.argv[1], Number(process.argv[2]), Number(process.argv[3])];
    while (Date.now() < startAt) {}
    for (let r = 0; r < ${ROWS}; r++) {
      const iso3 = 'Q' + String.fromCharCode(65 + index) + String.fromCharCode(65 + r);
      recordPlacement(ledger, { iso3, year: 2010 + r, tier: '2', country: 'Country ' + iso3 });
    }
  `;
  return scriptProcess(script, root, [ledger, String(index), String(startAt)]);
}

/** A child that reads and parses the ledger until told to stop; prints how many reads and failures. */
function reader(ledger: string, stopFile: string): ReturnType<typeof scriptProcess> {
  const script = `
    import { existsSync, readFileSync } from 'node:fs';
    import { parseLedger } from ${JSON.stringify(moduleUrl('src/ledger/ledger.js'))};
    const [ledger, stop] = [process.argv[1], process.argv[2]];
    let reads = 0, bad = 0;
    while (!existsSync(stop)) {
      try { parseLedger(readFileSync(ledger, 'utf8'), ledger); } catch (e) { bad++; console.error(String(e).slice(0, 200)); }
      reads++;
    }
    console.log(JSON.stringify({ reads, bad }));
  `;
  return scriptProcess(script, root, [ledger, stopFile]);
}

describe('concurrent tip record into one ledger', () => {
  test(`${WRITERS} processes x ${ROWS} rows: every row is in the ledger, and a reader never sees half a file`, async () => {
    const ledger = join(root, 'tiers.csv');
    writeFileSync(ledger, 'country,iso3,year,tier\nChina,CHN,2008,2WL\n');
    const stop = join(root, 'stop');
    const read = finished(reader(ledger, stop));
    // Start together: each child spins until the same moment, after the slowest has loaded.
    const startAt = Date.now() + 1500;
    const writers = await Promise.all(Array.from({ length: WRITERS }, (_, i) => finished(writer(ledger, i, startAt))));
    writeFileSync(stop, '');
    for (const w of writers) expect(w.stderr, w.stderr).toBe('');
    for (const w of writers) expect(w.code).toBe(0);

    const rows = [...parseLedger(readFileSync(ledger, 'utf8'), ledger).byCountry.values()].flatMap((m) => [...m.values()]);
    expect(rows.length).toBe(1 + WRITERS * ROWS);
    const r = await read;
    const counts = JSON.parse(r.stdout) as { reads: number; bad: number };
    expect(counts.reads).toBeGreaterThan(0);
    expect(counts.bad, r.stderr).toBe(0);
    // Neither a lock file nor a temporary file is left.
    expect(readdirSync(root).sort()).toEqual(['stop', 'tiers.csv']);
  });
});
