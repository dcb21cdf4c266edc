/**
 * How often each kind of contact is due in a pairing, and what is due or overdue today. PRODUCT.md
 * sets the defaults from the care plans: 谈心 monthly, a call with the family monthly, an
 * accompanied home visit each term, 送温暖 yearly, and for a 代理家长 an activity (a weekend) each
 * term. A school may change them (schools.pairing_plan) and sets its terms (schools.terms).
 * Pure functions on YYYY-MM-DD days (Beijing), so the console, the volunteer's page, the queue and
 * the term record all count the same way.
 */
import { addDays, addMonths } from '#worker/platform/time.ts';
import { CONTACT_KINDS, type ContactKind, type PairingKind } from '#worker/vocabulary.ts';

export const CADENCES = ['weekly', 'fortnightly', 'monthly', 'termly', 'yearly', 'none'] as const;
export type Cadence = (typeof CADENCES)[number];
export const CADENCE_LABELS: Record<Cadence, string> = {
  weekly: '每周一次',
  fortnightly: '每两周一次',
  monthly: '每月一次',
  termly: '每学期一次',
  yearly: '每年一次',
  none: '不作要求',
};

export type PairingPlan = Record<ContactKind, Cadence>;

export function defaultPlan(kind: PairingKind): PairingPlan {
  return { talk: 'monthly', family_call: 'monthly', home_visit: 'termly', activity: kind === 'proxy_parent' ? 'termly' : 'none', warmth: 'yearly' };
}

/** The school's plan (JSON, any subset of kinds) over the defaults for this kind of pairing; unknown values are ignored. */
export function planFor(kind: PairingKind, schoolPlanJson: string): PairingPlan {
  const plan = defaultPlan(kind);
  try {
    const given: unknown = JSON.parse(schoolPlanJson);
    if (given && typeof given === 'object') {
      for (const contact of CONTACT_KINDS) {
        const value = (given as Record<string, unknown>)[contact];
        if ((CADENCES as readonly unknown[]).includes(value)) plan[contact] = value as Cadence;
      }
    }
  } catch {
    // A broken setting leaves the defaults in place.
  }
  // An activity (a 代理家长's weekend) is asked of a 代理家长 only, whatever the school's plan says.
  if (kind === 'mentor') plan.activity = 'none';
  return plan;
}

export interface Term {
  name: string;
  startsOn: string;
  endsOn: string;
}

/** The terms the school set itself (schools.terms), in order; none when it set none or the setting does not read. */
export function storedTerms(termsJson: string): Term[] {
  try {
    const given: unknown = JSON.parse(termsJson);
    if (!Array.isArray(given)) return [];
    return given
      .filter((t): t is Term => t && typeof t.name === 'string' && typeof t.startsOn === 'string' && typeof t.endsOn === 'string' && t.startsOn <= t.endsOn)
      .sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  } catch {
    return [];
  }
}

/** The school's terms, or (none set) autumn Sep–Jan and spring Feb–Aug around `today`, in order. */
export function termsFor(termsJson: string, today: string): Term[] {
  const stored = storedTerms(termsJson);
  if (stored.length) return stored;
  const year = Number(today.slice(0, 4));
  const terms: Term[] = [];
  for (let y = year - 2; y <= year + 1; y++) {
    terms.push({ name: `${y} 年春季学期`, startsOn: `${y}-02-01`, endsOn: `${y}-08-31` });
    terms.push({ name: `${y} 年秋季学期`, startsOn: `${y}-09-01`, endsOn: `${y + 1}-01-31` });
  }
  return terms;
}

/** The term a day falls in (null in a gap between the school's terms). */
export const termOn = (terms: Term[], day: string): Term | null => terms.find((t) => t.startsOn <= day && day <= t.endsOn) ?? null;

export interface KindDue {
  kind: ContactKind;
  cadence: Cadence;
  /** The last contact of this kind, if any. */
  lastOn: string | null;
  /** The day by which the next one is due (null: done for this term, or between terms). */
  dueBy: string | null;
  overdue: boolean;
  /** A once-a-term contact already made in the current term. */
  doneThisTerm: boolean;
}

const INTERVAL: Partial<Record<Cadence, (from: string) => string>> = {
  weekly: (d) => addDays(d, 7),
  fortnightly: (d) => addDays(d, 14),
  monthly: (d) => addMonths(d, 1),
  yearly: (d) => addMonths(d, 12),
};

/** A term asks for its once-a-term contact only if the pairing was active for at least this many days of it. */
export const TERM_GRACE_DAYS = 30;

/** Days (inclusive) a pairing active since `activatedOn` was active within a term, up to `until` (its end by default). */
export function activeDaysIn(term: Term, activatedOn: string, until = term.endsOn): number {
  const from = activatedOn > term.startsOn ? activatedOn : term.startsOn;
  const to = until < term.endsOn ? until : term.endsOn;
  return to < from ? 0 : Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/**
 * How many contacts of a cadence fall due within [from, to] for a pairing active since
 * `activatedOn`: the same due dates the volunteer's page shows (every 7 or 14 days, each month, each
 * year from the start), or, each term, one when the pairing was active long enough in it.
 */
export function dueDatesWithin(cadence: Cadence, activatedOn: string, from: string, to: string): number {
  if (!INTERVAL[cadence]) return 0;
  let count = 0;
  for (let k = 1; k < 1000; k++) {
    const due = stepFrom(cadence, activatedOn, k);
    if (due > to) break;
    if (due >= from) count++;
  }
  return count;
}

/** The k-th due date after the start, counted from the start itself (so month ends do not drift). */
function stepFrom(cadence: Cadence, activatedOn: string, k: number): string {
  if (cadence === 'weekly') return addDays(activatedOn, 7 * k);
  if (cadence === 'fortnightly') return addDays(activatedOn, 14 * k);
  if (cadence === 'monthly') return addMonths(activatedOn, k);
  return addMonths(activatedOn, 12 * k);
}

/** What each planned kind of contact needs, today, for a pairing active since `activatedOn`. */
export function dueToday(plan: PairingPlan, activatedOn: string, lastOn: Partial<Record<ContactKind, string>>, terms: Term[], today: string): KindDue[] {
  return CONTACT_KINDS.filter((kind) => plan[kind] !== 'none').map((kind) => {
    const cadence = plan[kind];
    const last = lastOn[kind] ?? null;
    const next = INTERVAL[cadence];
    if (next) {
      const dueBy = next(last ?? activatedOn);
      return { kind, cadence, lastOn: last, dueBy, overdue: today > dueBy, doneThisTerm: false };
    }
    // Each term: done once there is a contact in the current term; overdue when the last term,
    // in which the pairing was active long enough, passed without one and none came since.
    const current = termOn(terms, today);
    const previous = [...terms].reverse().find((t) => t.endsOn < today) ?? null;
    const doneNow = current !== null && last !== null && last >= current.startsOn;
    const missed = previous !== null && activeDaysIn(previous, activatedOn) >= TERM_GRACE_DAYS && (last === null || last < previous.startsOn);
    return { kind, cadence, lastOn: last, dueBy: doneNow || !current ? null : current.endsOn, overdue: missed && !doneNow, doneThisTerm: doneNow };
  });
}
