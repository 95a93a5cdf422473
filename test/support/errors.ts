import { InputError } from '../../src/diagnostics/diagnostic.js';

/** The InputError `fn` throws; fails the test when it throws something else or nothing. */
export function inputErrorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error('expected an InputError');
}
