import type { Parameters } from 'fast-check';

/**
 * The fuzz suite's bounds. `npm test` runs each property with a fixed seed (so a failure is
 * reproducible), a bounded number of runs and a time limit, so it costs seconds. A campaign runs
 * the same properties longer and with other seeds:
 *   FUZZ_SEED=7 FUZZ_RUNS=20000 FUZZ_MS=120000 npx vitest run test/fuzz
 * Every failure a campaign finds is kept as a regression in the test's `examples` (or as a test
 * of its own), with the seed that found it.
 *
 * In `npm test` the number of runs is the bound; the time limit is only a backstop, set well above
 * what the runs take, because fast-check fails a property interrupted before its first run (a
 * loaded machine can spend a second loading the modules the first case touches).
 */
export function fuzz<T>(seed: number, numRuns: number, examples: T[] = []): Parameters<T> {
  return {
    seed: process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : seed,
    numRuns: process.env.FUZZ_RUNS !== undefined ? Number(process.env.FUZZ_RUNS) : numRuns,
    interruptAfterTimeLimit: process.env.FUZZ_MS !== undefined ? Number(process.env.FUZZ_MS) : 10_000,
    markInterruptAsFailure: false,
    examples,
  };
}

/** The test's own time limit: the property's plus room for set-up. */
export const FUZZ_TIMEOUT = process.env.FUZZ_MS !== undefined ? Number(process.env.FUZZ_MS) + 60_000 : 30_000;
