// @ts-check
/**
 * Unsaved edits survive a reload: every change is kept in this browser's localStorage under the
 * file's path, with the revision of the file it was made against, until the file is saved. A
 * draft whose file changed on disk meanwhile is kept and shown as a conflict, never dropped.
 */

const PREFIX = 'tip-workbench:draft:';

/** @typedef {{ base: string | null, value: Record<string, unknown>, touched: string[], savedAt: string }} Draft */

/** @param {string} path @returns {Draft | null} */
export function loadDraft(path) {
  try {
    const raw = localStorage.getItem(PREFIX + path);
    if (!raw) return null;
    const d = JSON.parse(raw);
    if (!d || typeof d !== 'object' || typeof d.value !== 'object') return null;
    return { base: typeof d.base === 'string' ? d.base : null, value: d.value, touched: Array.isArray(d.touched) ? d.touched : [], savedAt: String(d.savedAt ?? '') };
  } catch {
    return null;
  }
}

/** @param {string} path @param {Omit<Draft, 'savedAt'>} draft */
export function storeDraft(path, draft) {
  try {
    localStorage.setItem(PREFIX + path, JSON.stringify({ ...draft, savedAt: new Date().toISOString() }));
    return true;
  } catch {
    // Storage full or disabled: the page says so in its status line (the caller checks).
    return false;
  }
}

/** @param {string} path */
export function dropDraft(path) {
  try {
    localStorage.removeItem(PREFIX + path);
  } catch {
    // Nothing to drop.
  }
}

/** Paths that have unsaved drafts in this browser. @returns {string[]} */
export function draftPaths() {
  const out = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k && k.startsWith(PREFIX)) out.push(k.slice(PREFIX.length));
    }
  } catch {
    // No storage.
  }
  return out.sort();
}
