/**
 * The Arabic normalizer the peers get: the plain function any developer would write after
 * reading a blog post on Arabic search. It is deliberately NOT fahras's analyzer (no clitics,
 * no stemming, no Persian letters, no offset map), so the comparison shows what the peers do
 * with ordinary care, not with fahras inside them (that is issue 9's adapters).
 *
 * Rules: lower-case Latin; strip the harakat FATHATAN … SUKUN (U+064B–U+0652) and TATWEEL
 * (U+0640); fold ALEF WITH HAMZA ABOVE / BELOW and ALEF WITH MADDA (أ إ آ) to ALEF (ا);
 * ALEF MAKSURA (ى) to YEH (ي); TEH MARBUTA (ة) to HEH (ه).
 *
 * @example arabicNormalize('وَالْمَكْتَبَةُ الكُبرى') === 'والمكتبه الكبري'
 * @module
 */

const HARAKAT_AND_TATWEEL = /[\u064B-\u0652\u0640]/g;
const ALEF_WITH_HAMZA_OR_MADDA = /[\u0622\u0623\u0625]/g;
const ALEF_MAKSURA = /\u0649/g;
const TEH_MARBUTA = /\u0629/g;
const ALEF = '\u0627';
const YEH = '\u064A';
const HEH = '\u0647';

/** Normalize Arabic text (or one term) the plain way; see the module comment for the rules. */
export function arabicNormalize(text: string): string {
  return text
    .toLowerCase()
    .replace(HARAKAT_AND_TATWEEL, '')
    .replace(ALEF_WITH_HAMZA_OR_MADDA, ALEF)
    .replace(ALEF_MAKSURA, YEH)
    .replace(TEH_MARBUTA, HEH);
}
