// @ts-check
import { api } from './api.js';
import { showErrors } from './errors.js';
import { showAssessment, showInvalid, showTrace } from './panel.js';
import { loadWhatIf } from './whatif.js';

/**
 * The live loop: a short while after the officer stops typing, the evidence goes to
 * POST /api/assess; the answer redraws the panel, or its diagnostics appear at the fields. A newer
 * request cancels an older one still on its way, so the panel always shows the latest state.
 */

const DELAY_MS = 250;

export class Live {
  /**
   * @param {{ form: HTMLElement, summary: HTMLElement, panel: HTMLElement, trace: HTMLDetailsElement, whatIf: HTMLDetailsElement, tierStatus: HTMLElement }} els
   * @param {() => unknown} evidence
   * @param {() => void} [onAssessed]
   */
  constructor(els, evidence, onAssessed) {
    this.els = els;
    this.evidence = evidence;
    this.onAssessed = onAssessed ?? (() => undefined);
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.timer = undefined;
    /** @type {AbortController | undefined} */
    this.inFlight = undefined;
    this.hadTier = false;
    this.lastTier = '';
    els.trace.addEventListener('toggle', () => {
      if (els.trace.open) this.loadTrace();
    });
    els.whatIf.addEventListener('toggle', () => {
      if (els.whatIf.open) this.loadWhatIf();
    });
  }

  schedule() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.run(), DELAY_MS);
  }

  async run() {
    this.inFlight?.abort();
    const ctrl = new AbortController();
    this.inFlight = ctrl;
    this.els.panel.setAttribute('aria-busy', 'true');
    try {
      const result = await api('/api/assess', { method: 'POST', json: this.evidence(), signal: ctrl.signal });
      this.hadTier = true;
      this.els.panel.classList.remove('stale');
      showErrors(this.els.form, this.els.summary, []);
      showAssessment(this.els.panel, result);
      if (result.names.tier !== this.lastTier) this.els.tierStatus.textContent = `Tier: ${result.names.tier}`;
      this.lastTier = result.names.tier;
      if (this.els.trace.open) this.loadTrace();
      if (this.els.whatIf.open) this.loadWhatIf();
      this.onAssessed();
    } catch (err) {
      if (ctrl.signal.aborted) return;
      this.showFailure(/** @type {import('./api.js').ApiError} */ (err));
    } finally {
      if (this.inFlight === ctrl) this.els.panel.removeAttribute('aria-busy');
    }
  }

  /** @param {import('./api.js').ApiError} e */
  showFailure(e) {
    if (e.status === 422 && e.diagnostics.length > 0) {
      showErrors(this.els.form, this.els.summary, e.diagnostics);
      showInvalid(this.els.panel, e.diagnostics.length, this.hadTier);
      this.els.tierStatus.textContent = `${e.diagnostics.length} problems to fix`;
      this.lastTier = '';
      return;
    }
    showInvalid(this.els.panel, 0, this.hadTier);
    const note = this.els.panel.querySelector('#panel-invalid');
    if (note) note.textContent = `The assessment failed: ${e.message}`;
  }

  loadWhatIf() {
    return loadWhatIf(/** @type {HTMLElement} */ (this.els.whatIf.querySelector('.what-if-body')), this.evidence());
  }

  async loadTrace() {
    const into = /** @type {HTMLElement} */ (this.els.trace.querySelector('.trace-body'));
    try {
      const result = await api('/api/assess?trace=1', { method: 'POST', json: this.evidence() });
      showTrace(into, result.assessment.trace);
    } catch (err) {
      into.textContent = `The trace needs valid evidence: ${/** @type {Error} */ (err).message}`;
    }
  }
}
