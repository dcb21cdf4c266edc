/**
 * The versions of the two texts a volunteer agrees to at sign-up, and the
 * retention period the privacy notice promises. The published texts in
 * content/policies/ carry the same versions (a build test compares them).
 */
export const CODE_OF_CONDUCT_VERSION = '2026-11';
export const PRIVACY_NOTICE_VERSION = '2026-11';
/** Personal data is kept for two years after a volunteer's last activity, then anonymised. */
export const RETENTION_DAYS = 730;
