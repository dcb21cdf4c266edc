/**
 * The whole D1 schema. Invariants live here as constraints and indexes so that
 * the database, not handler code, settles races and refuses bad states.
 *
 * Child protection: no table has a column for a child's real name, surname,
 * class, village, photo, family circumstances, health or guardian contact.
 * A card's coordinator-only fields live in `card_private`, which public
 * queries never join.
 */
import { sql, type SQL } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import {
  ACTOR_KINDS,
  AUDIT_ACTIONS,
  AUDIT_SUBJECT_KINDS,
  CARD_CATEGORIES,
  CARD_MAX_AGE,
  CARD_MIN_AGE,
  CARD_PUBLIC_TEXT_FIELDS,
  CARD_STATUSES,
  CAMPAIGN_STATUSES,
  CLAIM_HOLDING_STATUSES,
  CLAIM_STATUSES,
  CONSENT_METHODS,
  CONTACT_KINDS,
  ESCORT_ROLES,
  MARKABLE_PRIVACY_KINDS,
  PAIRING_END_REASONS,
  PAIRING_FREQUENCIES,
  PAIRING_HOLDING_STATUSES,
  PAIRING_KINDS,
  PAIRING_OPEN_STATUSES,
  PAIRING_STATUSES,
  GRADE_BANDS,
  PRIVACY_KINDS,
  VOLUNTEER_STATUSES,
} from '#worker/vocabulary.ts';

/** `column IN ('a', 'b')` from one of the constant lists in vocabulary.ts. */
function oneOf(column: SQL | ReturnType<typeof text>, values: readonly string[]): SQL {
  const list = values.map((v) => `'${v}'`).join(', ');
  return sql`${column} IN (${sql.raw(list)})`;
}

const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(CAST(unixepoch('subsec') * 1000 AS INTEGER))`);

export const schools = sqliteTable('schools', {
  id: integer('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  town: text('town').notNull(),
  /** Where gifts are dropped off: always the school, never a child's home. */
  address: text('address').notNull(),
  /** The school office's public phone, not a person's. */
  officePhone: text('office_phone').notNull(),
  /** JSON array of the villages the school serves: the privacy check refuses them in a card's words. */
  villageNames: text('village_names').notNull().default('[]'),
  /** Active pairings one volunteer may hold at once (PRODUCT.md: a school setting, 2 unless changed). */
  pairingCap: integer('pairing_cap').notNull().default(2),
  /** JSON: how often each kind of contact is due in a pairing, by contact kind (worker/pairings/cadence.ts); '{}' means PRODUCT.md's defaults. */
  pairingPlan: text('pairing_plan').notNull().default('{}'),
  /** JSON array of the school's terms, [{name, startsOn, endsOn}]; '[]' means autumn Sep–Jan and spring Feb–Aug. */
  terms: text('terms').notNull().default('[]'),
  createdAt: createdAt(),
});

export const campaigns = sqliteTable(
  'campaigns',
  {
    id: integer('id').primaryKey(),
    schoolId: integer('school_id')
      .notNull()
      .references(() => schools.id),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    summary: text('summary').notNull().default(''),
    startsAt: integer('starts_at', { mode: 'timestamp_ms' }).notNull(),
    claimDeadline: integer('claim_deadline', { mode: 'timestamp_ms' }).notNull(),
    dropoffDeadline: integer('dropoff_deadline', { mode: 'timestamp_ms' }).notNull(),
    dropoffPlace: text('dropoff_place').notNull(),
    /** The suggested value of one gift, shown on the wall (e.g. 每份心愿 50–100 元). */
    valueGuide: text('value_guide').notNull(),
    /** Live claims one volunteer may hold at once. */
    claimCap: integer('claim_cap').notNull().default(3),
    /** Days a claim may wait for a coordinator's approval before it expires. */
    approveWithinDays: integer('approve_within_days').notNull().default(3),
    /** Days an approved claim may wait for its gift before it expires. */
    deliverWithinDays: integer('deliver_within_days').notNull().default(14),
    status: text('status', { enum: CAMPAIGN_STATUSES }).notNull().default('prepared'),
    openedAt: integer('opened_at', { mode: 'timestamp_ms' }),
    closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
    archivedAt: integer('archived_at', { mode: 'timestamp_ms' }),
    /** The school's public thank-you on the campaign's record page (passes the privacy gate). */
    thankYou: text('thank_you').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [
    check('campaigns_status_valid', oneOf(t.status, CAMPAIGN_STATUSES)),
    // Only one campaign of a school takes claims at a time.
    uniqueIndex('campaigns_one_open_per_school').on(t.schoolId).where(sql`${t.status} = 'open'`),
    check('campaigns_thank_you_length', sql`length(${t.thankYou}) <= 500`),
    check('campaigns_dates_ordered', sql`${t.startsAt} < ${t.claimDeadline} AND ${t.claimDeadline} <= ${t.dropoffDeadline}`),
    check('campaigns_claim_cap_range', sql`${t.claimCap} BETWEEN 1 AND 20`),
    check('campaigns_days_range', sql`${t.approveWithinDays} BETWEEN 1 AND 60 AND ${t.deliverWithinDays} BETWEEN 1 AND 90`),
  ],
);

/** A wish card's public face and its lifecycle. Everything here may be shown once the card is open. */
export const cards = sqliteTable(
  'cards',
  {
    id: integer('id').primaryKey(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    /** Short public code, random, never derived from the child. */
    code: text('code').notNull().unique(),
    /** A given-name style nickname, never a surname. */
    alias: text('alias').notNull(),
    age: integer('age').notNull(),
    gradeBand: text('grade_band', { enum: GRADE_BANDS }).notNull(),
    category: text('category', { enum: CARD_CATEGORIES }).notNull(),
    /** The wish in the child's own words, published only after review. */
    wish: text('wish').notNull(),
    sizeNote: text('size_note'),
    status: text('status', { enum: CARD_STATUSES }).notNull().default('draft'),
    reviewedAt: integer('reviewed_at', { mode: 'timestamp_ms' }),
    reviewedBy: integer('reviewed_by').references(() => coordinators.id),
    publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
    withdrawnReason: text('withdrawn_reason'),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
      .notNull()
      .default(sql`(CAST(unixepoch('subsec') * 1000 AS INTEGER))`),
  },
  (t) => [
    check('cards_status_valid', oneOf(t.status, CARD_STATUSES)),
    check('cards_category_valid', oneOf(t.category, CARD_CATEGORIES)),
    check('cards_grade_band_valid', oneOf(t.gradeBand, GRADE_BANDS)),
    check('cards_age_range', sql`${t.age} BETWEEN ${sql.raw(String(CARD_MIN_AGE))} AND ${sql.raw(String(CARD_MAX_AGE))}`),
    check('cards_text_lengths', sql`length(${t.alias}) BETWEEN 1 AND 12 AND length(${t.wish}) BETWEEN 1 AND 300 AND length(${t.code}) BETWEEN 4 AND 12`),
    // A card reaches the wall only after its wording was reviewed (a draft may be withdrawn unreviewed).
    check('cards_public_only_reviewed', sql`${t.status} IN ('draft', 'withdrawn') OR ${t.reviewedAt} IS NOT NULL`),
    index('cards_campaign_status').on(t.campaignId, t.status),
  ],
);

/**
 * Coordinator-only facts about a card, one row per card. Kept apart so that no
 * public query can select them by accident: public code reads `cards` only.
 */
export const cardPrivate = sqliteTable(
  'card_private',
  {
    cardId: integer('card_id')
      .primaryKey()
      .references(() => cards.id, { onDelete: 'cascade' }),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    /** The school's own reference (e.g. its register number), resolved offline. */
    handoutRef: text('handout_ref').notNull(),
    /** The day the guardian agreed to publish the wish (YYYY-MM-DD). */
    consentOn: text('consent_on'),
    consentMethod: text('consent_method', { enum: CONSENT_METHODS }),
    notes: text('notes').notNull().default(''),
    /** Set by the review queue's "需要修改": what the coordinator wants changed; an edit clears it. */
    changesAsked: text('changes_asked'),
  },
  (t) => [
    // One card per child per campaign: a re-imported spreadsheet cannot duplicate cards.
    uniqueIndex('card_private_one_per_handout').on(t.campaignId, t.handoutRef),
    check('card_private_consent_method_valid', sql`${t.consentMethod} IS NULL OR ${oneOf(t.consentMethod, CONSENT_METHODS)}`),
    check('card_private_consent_complete', sql`(${t.consentOn} IS NULL) = (${t.consentMethod} IS NULL)`),
    check('card_private_consent_date_shape', sql`${t.consentOn} IS NULL OR ${t.consentOn} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`),
  ],
);

/**
 * A privacy finding a coordinator judged not to be personal information (a
 * book's author, a cartoon's hero), with the reason: publishing no longer
 * waits for it while the card's words still hold the same text.
 */
export const cardPrivacyDismissals = sqliteTable(
  'card_privacy_dismissals',
  {
    id: integer('id').primaryKey(),
    cardId: integer('card_id')
      .notNull()
      .references(() => cards.id, { onDelete: 'cascade' }),
    field: text('field', { enum: CARD_PUBLIC_TEXT_FIELDS }).notNull(),
    // Typed as any finding's kind; the CHECK below accepts only the markable ones.
    kind: text('kind', { enum: PRIVACY_KINDS }).notNull(),
    /** The words the gate found: public wording of the card, nothing else. */
    found: text('found').notNull(),
    reason: text('reason').notNull(),
    decidedBy: integer('decided_by')
      .notNull()
      .references(() => coordinators.id),
    decidedAt: integer('decided_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    uniqueIndex('card_privacy_dismissals_one').on(t.cardId, t.field, t.kind, t.found),
    check('card_privacy_dismissals_field_valid', oneOf(t.field, CARD_PUBLIC_TEXT_FIELDS)),
    check('card_privacy_dismissals_kind_valid', oneOf(t.kind, MARKABLE_PRIVACY_KINDS)),
    check('card_privacy_dismissals_lengths', sql`length(${t.found}) BETWEEN 1 AND 300 AND length(${t.reason}) BETWEEN 2 AND 200`),
  ],
);

export const volunteers = sqliteTable(
  'volunteers',
  {
    id: integer('id').primaryKey(),
    /** Personal data: coordinators only. Emptied when the volunteer's data is erased. */
    name: text('name'),
    mobile: text('mobile').unique(),
    email: text('email'),
    town: text('town'),
    /** JSON array of HELP_TYPES. */
    helpTypes: text('help_types').notNull().default('[]'),
    availability: text('availability').notNull().default(''),
    note: text('note').notNull().default(''),
    status: text('status', { enum: VOLUNTEER_STATUSES }).notNull().default('pending'),
    /** Shown to the volunteer on their private page. */
    rejectReason: text('reject_reason'),
    agreedCodeVersion: text('agreed_code_version').notNull(),
    agreedPrivacyVersion: text('agreed_privacy_version').notNull(),
    agreedAt: integer('agreed_at', { mode: 'timestamp_ms' }).notNull(),
    /** SHA-256 of the private link's token; the token itself is never stored. */
    accessTokenHash: text('access_token_hash').unique(),
    /** Last sign-up, private-page visit or claim: the retention period runs from here. */
    lastActiveAt: integer('last_active_at', { mode: 'timestamp_ms' })
      .notNull()
      .default(sql`(CAST(unixepoch('subsec') * 1000 AS INTEGER))`),
    decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
    decidedBy: integer('decided_by').references(() => coordinators.id),
    erasedAt: integer('erased_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [
    check('volunteers_status_valid', oneOf(t.status, VOLUNTEER_STATUSES)),
    // Erased records keep no personal data at all.
    check('volunteers_erased_empty', sql`${t.erasedAt} IS NULL OR (${t.name} IS NULL AND ${t.mobile} IS NULL AND ${t.email} IS NULL AND ${t.note} = '')`),
    check('volunteers_live_has_contact', sql`${t.erasedAt} IS NOT NULL OR (${t.name} IS NOT NULL AND ${t.mobile} IS NOT NULL)`),
    index('volunteers_status').on(t.status),
  ],
);

/**
 * A second sign-up with a mobile number already registered. It gets a private
 * link of its own that shows only "received, being checked", so the person
 * typing learns nothing about the existing volunteer; coordinators see it and
 * can send the owner a fresh link.
 */
export const signupRepeats = sqliteTable(
  'signup_repeats',
  {
    id: integer('id').primaryKey(),
    volunteerId: integer('volunteer_id')
      .notNull()
      .references(() => volunteers.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: createdAt(),
  },
  (t) => [index('signup_repeats_volunteer').on(t.volunteerId)],
);

/** Per-key counters for rate limits (sign-ups per address): one row per key, its window restarted in place. */
export const rateCounters = sqliteTable('rate_counters', {
  key: text('key').primaryKey(),
  windowStartedAt: integer('window_started_at', { mode: 'timestamp_ms' }).notNull(),
  count: integer('count').notNull(),
});

/** A volunteer–card match and its lifecycle. */
export const claims = sqliteTable(
  'claims',
  {
    id: integer('id').primaryKey(),
    cardId: integer('card_id')
      .notNull()
      .references(() => cards.id),
    volunteerId: integer('volunteer_id')
      .notNull()
      .references(() => volunteers.id),
    status: text('status', { enum: CLAIM_STATUSES }).notNull().default('pending'),
    createdAt: createdAt(),
    approvedAt: integer('approved_at', { mode: 'timestamp_ms' }),
    deliveredAt: integer('delivered_at', { mode: 'timestamp_ms' }),
    receivedAt: integer('received_at', { mode: 'timestamp_ms' }),
    endedAt: integer('ended_at', { mode: 'timestamp_ms' }),
    /** Why a coordinator rejected it; shown to that volunteer only. */
    rejectReason: text('reject_reason'),
    decidedBy: integer('decided_by').references(() => coordinators.id),
  },
  (t) => [
    check('claims_status_valid', oneOf(t.status, CLAIM_STATUSES)),
    // One claim holds a card at a time, and a fulfilled card stays with its claim:
    // of any number of simultaneous claims, the database lets exactly one in.
    uniqueIndex('claims_one_holding_per_card').on(t.cardId).where(oneOf(sql`status`, CLAIM_HOLDING_STATUSES)),
    index('claims_volunteer_status').on(t.volunteerId, t.status),
    index('claims_status_created').on(t.status, t.createdAt),
  ],
);

/**
 * A child in a pairing, as the school knows them and no more: the school's register reference (for
 * finding the child offline), an alias and a grade band. Coordinators only; a volunteer sees the
 * alias and grade band of their own pairing's child, never the reference. There is no column for a
 * name, class, village, photo or contact (docs/decisions/015).
 */
export const pairingChildren = sqliteTable(
  'pairing_children',
  {
    id: integer('id').primaryKey(),
    schoolId: integer('school_id')
      .notNull()
      .references(() => schools.id),
    /** The school's own reference, resolved offline. Emptied when the record is anonymised. */
    registerRef: text('register_ref'),
    alias: text('alias').notNull(),
    gradeBand: text('grade_band', { enum: GRADE_BANDS }).notNull(),
    /** Three years after the child's last pairing ended the record keeps only counts. */
    anonymisedAt: integer('anonymised_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('pairing_children_one_per_ref').on(t.schoolId, t.registerRef),
    check('pairing_children_grade_band_valid', oneOf(t.gradeBand, GRADE_BANDS)),
    check('pairing_children_lengths', sql`length(${t.alias}) BETWEEN 1 AND 12 AND (${t.registerRef} IS NULL OR length(${t.registerRef}) BETWEEN 1 AND 40)`),
    check('pairing_children_ref_until_anonymised', sql`(${t.registerRef} IS NULL) = (${t.anonymisedAt} IS NOT NULL)`),
  ],
);

/**
 * A volunteer's pairing with one child, from their offer to its end. Before it can be active the
 * database insists on every safeguard PRODUCT.md names: the volunteer agreed the pairing code of
 * conduct, the guardian's consent is recorded (date and how, no name or contact), and the record
 * check for people in close contact with minors was made (date and which coordinator checked; no
 * document is stored).
 */
export const pairings = sqliteTable(
  'pairings',
  {
    id: integer('id').primaryKey(),
    volunteerId: integer('volunteer_id')
      .notNull()
      .references(() => volunteers.id),
    kind: text('kind', { enum: PAIRING_KINDS }).notNull(),
    status: text('status', { enum: PAIRING_STATUSES }).notNull().default('offered'),
    /** The volunteer's preferences as offered: a grade band (none: any) and how often they can come. */
    preferredGradeBand: text('preferred_grade_band', { enum: GRADE_BANDS }),
    frequency: text('frequency', { enum: PAIRING_FREQUENCIES }).notNull(),
    /** The pairing code of conduct's version the volunteer agreed to when offering. */
    agreedConductVersion: text('agreed_conduct_version').notNull(),
    offeredAt: integer('offered_at', { mode: 'timestamp_ms' }).notNull(),
    childId: integer('child_id').references(() => pairingChildren.id),
    proposedAt: integer('proposed_at', { mode: 'timestamp_ms' }),
    proposedBy: integer('proposed_by').references(() => coordinators.id),
    /** The guardian's consent to this pairing (YYYY-MM-DD) and how it was given. */
    consentOn: text('consent_on'),
    consentMethod: text('consent_method', { enum: CONSENT_METHODS }),
    /** The record check (YYYY-MM-DD) and the coordinator who made it. */
    recordCheckedOn: text('record_checked_on'),
    recordCheckedBy: integer('record_checked_by').references(() => coordinators.id),
    activatedAt: integer('activated_at', { mode: 'timestamp_ms' }),
    suspendedAt: integer('suspended_at', { mode: 'timestamp_ms' }),
    endedAt: integer('ended_at', { mode: 'timestamp_ms' }),
    endReason: text('end_reason', { enum: PAIRING_END_REASONS }),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    check('pairings_kind_valid', oneOf(t.kind, PAIRING_KINDS)),
    check('pairings_status_valid', oneOf(t.status, PAIRING_STATUSES)),
    check('pairings_frequency_valid', oneOf(t.frequency, PAIRING_FREQUENCIES)),
    check('pairings_grade_band_valid', sql`${t.preferredGradeBand} IS NULL OR ${oneOf(t.preferredGradeBand, GRADE_BANDS)}`),
    check('pairings_consent_method_valid', sql`${t.consentMethod} IS NULL OR ${oneOf(t.consentMethod, CONSENT_METHODS)}`),
    check('pairings_end_reason_valid', sql`${t.endReason} IS NULL OR ${oneOf(t.endReason, PAIRING_END_REASONS)}`),
    check('pairings_dates_shape', sql`(${t.consentOn} IS NULL OR ${t.consentOn} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]') AND (${t.recordCheckedOn} IS NULL OR ${t.recordCheckedOn} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')`),
    check('pairings_consent_complete', sql`(${t.consentOn} IS NULL) = (${t.consentMethod} IS NULL)`),
    check('pairings_check_complete', sql`(${t.recordCheckedOn} IS NULL) = (${t.recordCheckedBy} IS NULL)`),
    // An offer has no child yet; from proposed on, it has one.
    check('pairings_child_once_proposed', sql`(${t.status} IN ('offered', 'withdrawn')) OR ${t.childId} IS NOT NULL`),
    // Active (or suspended) only with every safeguard recorded.
    check('pairings_safeguards_before_active', sql`${t.status} NOT IN ('active', 'suspended') OR (${t.consentOn} IS NOT NULL AND ${t.recordCheckedOn} IS NOT NULL AND ${t.activatedAt} IS NOT NULL)`),
    check('pairings_end_has_reason', sql`(${t.status} = 'ended') = (${t.endReason} IS NOT NULL)`),
    // One pairing holds a child for its kind at a time: of two simultaneous activations, one wins.
    uniqueIndex('pairings_one_holding_per_child_kind').on(t.childId, t.kind).where(oneOf(sql`status`, PAIRING_HOLDING_STATUSES)),
    // One open offer per volunteer and kind: a second tap of 报名结对 adds nothing.
    uniqueIndex('pairings_one_open_offer').on(t.volunteerId, t.kind).where(oneOf(sql`status`, PAIRING_OPEN_STATUSES)),
    index('pairings_volunteer_status').on(t.volunteerId, t.status),
    index('pairings_status').on(t.status),
  ],
);

/**
 * One contact in a pairing: when, what kind, how long, and for a home visit who went along (by
 * role). No free text about the child at all; "请学校联系我" asks the school to call the volunteer.
 */
export const pairingContacts = sqliteTable(
  'pairing_contacts',
  {
    id: integer('id').primaryKey(),
    pairingId: integer('pairing_id')
      .notNull()
      .references(() => pairings.id),
    /** The day of the contact (YYYY-MM-DD, Beijing time). */
    on: text('on').notNull(),
    kind: text('kind', { enum: CONTACT_KINDS }).notNull(),
    minutes: integer('minutes').notNull(),
    escort: text('escort', { enum: ESCORT_ROLES }),
    /** The volunteer asks the school to call them; cleared when a coordinator has called back. */
    callMe: integer('call_me', { mode: 'boolean' }).notNull().default(false),
    callHandledAt: integer('call_handled_at', { mode: 'timestamp_ms' }),
    recordedByKind: text('recorded_by_kind', { enum: ACTOR_KINDS }).notNull(),
    recordedById: integer('recorded_by_id'),
    createdAt: createdAt(),
    correctedAt: integer('corrected_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    check('pairing_contacts_kind_valid', oneOf(t.kind, CONTACT_KINDS)),
    check('pairing_contacts_escort_valid', sql`${t.escort} IS NULL OR ${oneOf(t.escort, ESCORT_ROLES)}`),
    // Home visits are never alone; other contacts name no escort.
    check('pairing_contacts_home_visit_escorted', sql`(${t.kind} = 'home_visit') = (${t.escort} IS NOT NULL)`),
    check('pairing_contacts_minutes_range', sql`${t.minutes} BETWEEN 1 AND 600`),
    check('pairing_contacts_on_shape', sql`${t.on} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`),
    check('pairing_contacts_recorder_valid', oneOf(t.recordedByKind, ['coordinator', 'volunteer'])),
    index('pairing_contacts_pairing_on').on(t.pairingId, t.on),
    index('pairing_contacts_call_me').on(t.callMe, t.callHandledAt),
  ],
);

export const coordinators = sqliteTable('coordinators', {
  id: integer('id').primaryKey(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  /** PBKDF2-SHA256: base64 hash, base64 salt and the iteration count it was made with. */
  passwordHash: text('password_hash').notNull(),
  passwordSalt: text('password_salt').notNull(),
  passwordIterations: integer('password_iterations').notNull(),
  disabledAt: integer('disabled_at', { mode: 'timestamp_ms' }),
  createdAt: createdAt(),
});

export const coordinatorSessions = sqliteTable(
  'coordinator_sessions',
  {
    id: integer('id').primaryKey(),
    /** SHA-256 of the cookie's token; the token itself is never stored. */
    tokenHash: text('token_hash').notNull().unique(),
    coordinatorId: integer('coordinator_id')
      .notNull()
      .references(() => coordinators.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }).notNull(),
    /** The absolute end, whatever the activity. */
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('coordinator_sessions_coordinator').on(t.coordinatorId)],
);

/** Failed-login counters per account, per address and per device cookie, for slowing down guessing. */
export const loginThrottle = sqliteTable('login_throttle', {
  /** 'user:<username>', 'addr:<hashed address>' or 'device:<hashed nonce>' (a device cookie's own counter). */
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStartedAt: integer('window_started_at', { mode: 'timestamp_ms' }).notNull(),
  lockedUntil: integer('locked_until', { mode: 'timestamp_ms' }),
});

/** Who did what, when. Holds ids and field names, never personal data or tokens. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey(),
    at: integer('at', { mode: 'timestamp_ms' })
      .notNull()
      .default(sql`(CAST(unixepoch('subsec') * 1000 AS INTEGER))`),
    actorKind: text('actor_kind', { enum: ACTOR_KINDS }).notNull(),
    actorId: integer('actor_id'),
    // Typed only: rows written before an action was renamed stay readable.
    action: text('action', { enum: AUDIT_ACTIONS }).notNull(),
    subjectKind: text('subject_kind', { enum: AUDIT_SUBJECT_KINDS }).notNull(),
    subjectId: integer('subject_id'),
    /** JSON with the change's non-personal details. */
    detail: text('detail').notNull().default('{}'),
  },
  (t) => [
    check('audit_log_actor_kind_valid', oneOf(t.actorKind, ACTOR_KINDS)),
    index('audit_log_subject').on(t.subjectKind, t.subjectId),
    index('audit_log_at').on(t.at),
  ],
);
