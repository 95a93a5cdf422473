import type { Io } from '../io.js';

export const help = 'tip rules (not yet implemented)\n';

export async function run(_argv: string[], io: Io): Promise<number> {
  io.stderr('tip rules: not yet implemented\n');
  return 2;
}
