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
  return plan;
}

export interface Term {
  name: string;
  startsOn: string;
  endsOn: string;
}

/** The school's terms, or (none set) autumn Sep–Jan and spring Feb–Aug around `today`, in order. */
export function termsFor(termsJson: string, today: string): Term[] {
  try {
    const given: unknown = JSON.parse(termsJson);
    if (Array.isArray(given) && given.length) {
      const terms = given.filter((t): t is Term => t && typeof t.name === 'string' && typeof t.startsOn === 'string' && typeof t.endsOn === 'string' && t.startsOn <= t.endsOn);
      if (terms.length) return terms.sort((a, b) => a.startsOn.localeCompare(b.startsOn));
    }
  } catch {
    // Fall through to the usual calendar.
  }
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
  /** The day by which the next one is due (null: nothing due, or done for this term). */
  dueBy: string | null;
  overdue: boolean;
}

const INTERVAL: Partial<Record<Cadence, (from: string) => string>> = {
  weekly: (d) => addDays(d, 7),
  fortnightly: (d) => addDays(d, 14),
  monthly: (d) => addMonths(d, 1),
  yearly: (d) => addMonths(d, 12),
};

/** A term counts as missed only if the pairing was active for at least this many days of it. */
const TERM_GRACE_DAYS = 30;

/** What each planned kind of contact needs, today, for a pairing active since `activatedOn`. */
export function dueToday(plan: PairingPlan, activatedOn: string, lastOn: Partial<Record<ContactKind, string>>, terms: Term[], today: string): KindDue[] {
  return CONTACT_KINDS.filter((kind) => plan[kind] !== 'none').map((kind) => {
    const cadence = plan[kind];
    const last = lastOn[kind] ?? null;
    const next = INTERVAL[cadence];
    if (next) {
      const dueBy = next(last ?? activatedOn);
      return { kind, cadence, lastOn: last, dueBy, overdue: today > dueBy };
    }
    // Each term: done once there is a contact in the current term; overdue when the last term,
    // in which the pairing was active long enough, passed without one and none came since.
    const current = termOn(terms, today);
    const previous = [...terms].reverse().find((t) => t.endsOn < today) ?? null;
    const doneNow = current !== null && last !== null && last >= current.startsOn;
    const missed = previous !== null && addDays(activatedOn, TERM_GRACE_DAYS) <= previous.endsOn && (last === null || last < previous.startsOn);
    return { kind, cadence, lastOn: last, dueBy: doneNow || !current ? null : current.endsOn, overdue: missed && !doneNow };
  });
}
