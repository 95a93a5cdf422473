/** Calibration of the engine's recommendation against published placements (`tip calibrate`). */
export { calibrate, ledgerBefore, type CalibrateOptions, type CalibrationReport, type CalibrationRow } from './calibrate.js';
export { formatCalibration } from './format.js';
