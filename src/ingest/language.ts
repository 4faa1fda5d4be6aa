/**
 * Language identification with eld (fast n-gram detector). No detector tells Serbian, Bosnian and Croatian apart
 * (eld says `hr` for all Latin-script text of the three), so Cyrillic text of that family is reported as `sr`.
 */
import { eld } from 'eld/small';

const MIN_LETTERS = 40;

export function detectLanguage(text: string): string {
  const sample = text.length > 4000 ? text.slice(0, 4000) : text;
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters < MIN_LETTERS) return 'und';
  const result = eld.detect(sample);
  const lang = result.language || 'und';
  if ((lang === 'hr' || lang === 'bs') && /[\u0400-\u04ff]/.test(sample)) return 'sr';
  return lang;
}
