/**
 * The pairing code of conduct's version, which a volunteer agrees to when offering to pair; the
 * published text in content/policies/pairing-code-of-conduct.md carries the same version.
 */
export const PAIRING_CONDUCT_VERSION = '2026-11';
/** Active pairings one volunteer may hold at once, unless the school changes it (schools.pairing_cap). */
export const DEFAULT_PAIRING_CAP = 2;
/** How far back a contact may be logged: the term's record, not last year's. */
export const CONTACT_LOG_MAX_AGE_DAYS = 120;
