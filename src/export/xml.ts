/** XML text and attribute escaping, dropping characters XML 1.0 cannot carry (control characters). */
// eslint-disable-next-line no-control-regex
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function xmlEscape(value: unknown): string {
  return String(value ?? '')
    .replace(INVALID, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** ` name="value"` for each defined, non-null attribute. */
export function attrs(a: Record<string, unknown>): string {
  return Object.entries(a).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => ` ${k}="${xmlEscape(v)}"`).join('');
}
