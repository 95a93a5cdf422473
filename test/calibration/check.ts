import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { calibrate, type CalibrationReport } from '../../src/calibrate/calibrate.js';
import { PACKAGE_ROOT } from '../../src/paths.js';

export const DATA = join(PACKAGE_ROOT, '..', 'shared', 'data');

/** The calibration files of a folder (evidence files directly in it). */
export function corpusFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.yaml') && !f.endsWith('.meta.yaml'));
}

export interface CalibrationCheck {
  report: CalibrationReport;
  threshold: number;
  /** Misses whose file name the folder's README.md does not mention. */
  unexplained: string[];
}

/** Runs the calibration of a folder and reads its threshold.json and README.md. */
export async function checkCalibration(dir: string, history: string, waivers?: string): Promise<CalibrationCheck> {
  const report = await calibrate(dir, { historyPath: history, ...(waivers ? { waiversPath: waivers } : {}) });
  const threshold = (JSON.parse(readFileSync(join(dir, 'threshold.json'), 'utf8')) as { agreement: number }).agreement;
  const readme = readFileSync(join(dir, 'README.md'), 'utf8');
  const unexplained = report.rows.filter((r) => !r.agrees && !readme.includes(r.file)).map((r) => r.file);
  return { report, threshold, unexplained };
}
