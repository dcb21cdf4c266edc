/**
 * Loads the demo data set into a database. Idempotent: rows have fixed keys and
 * are inserted with ON CONFLICT DO NOTHING, so a second run adds nothing and
 * leaves whatever the demo user changed since.
 */
import { eq } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { hashPassword } from '#worker/platform/auth/password.ts';
import { hashToken } from '#worker/platform/auth/token.ts';
import type { Db } from '#worker/platform/db/client.ts';
import { campaigns, cardPrivate, cards, claims, coordinators, pairingChildren, pairingContacts, pairings, schools, volunteers } from '#worker/platform/db/schema.ts';
import { PAIRING_CONDUCT_VERSION } from '#worker/pairings/index.ts';
import { beijingDay } from '#worker/platform/time.ts';
import { CARD_CODE_ALPHABET } from '#worker/cards/index.ts';
import { CONSENT_METHODS } from '#worker/vocabulary.ts';
import { DEMO_CAMPAIGN, DEMO_CARDS, DEMO_PAST_CAMPAIGN, DEMO_PAST_CARDS, DEMO_CLAIMS, DEMO_CONTACTS, DEMO_COORDINATOR, DEMO_PAIRING_CHILDREN, DEMO_PAIRINGS, DEMO_SCHOOL, DEMO_VOLUNTEERS } from './demo-data';

const DAY = 24 * 60 * 60 * 1000;

/** The demo volunteers' private-link tokens: local demo only, like the demo password. */
export function demoVolunteerToken(volunteerId: number): string {
  return `demo-volunteer-${volunteerId}-local-only`;
}

export interface DemoLoadResult {
  cards: number;
  volunteers: number;
  claims: number;
}

export async function loadDemo(db: Db, now = new Date()): Promise<DemoLoadResult> {
  const t = (days: number) => new Date(now.getTime() + days * DAY);
  const coordinatorId = 1;
  const password = await hashPassword(DEMO_COORDINATOR.password);
  const tokenHashes = await Promise.all(DEMO_VOLUNTEERS.map((v) => hashToken(demoVolunteerToken(v.id))));

  const statements: BatchItem<'sqlite'>[] = [
    db.insert(schools).values(DEMO_SCHOOL).onConflictDoNothing(),
    db
      .insert(coordinators)
      .values({
        id: coordinatorId,
        username: DEMO_COORDINATOR.username,
        displayName: DEMO_COORDINATOR.displayName,
        passwordHash: password.hash,
        passwordSalt: password.salt,
        passwordIterations: password.iterations,
      })
      .onConflictDoNothing(),
    db
      .insert(campaigns)
      .values({
        ...DEMO_CAMPAIGN,
        schoolId: DEMO_SCHOOL.id,
        // Dates follow the day of the first load so the demo is open for claims whenever it starts.
        startsAt: t(-10),
        claimDeadline: t(45),
        dropoffDeadline: t(60),
        status: 'open',
        openedAt: t(-10),
      })
      .onConflictDoNothing(),
  ];

  DEMO_CARDS.forEach((card, i) => {
    const id = i + 1;
    // The first two drafts still wait for review; the others wait only for consent or publishing.
    const reviewed = card.status !== 'draft' || i % 2 === 1;
    const consented = card.status !== 'draft' || i % 4 === 3;
    statements.push(
      db
        .insert(cards)
        .values({
          id,
          campaignId: DEMO_CAMPAIGN.id,
          code: card.code,
          alias: card.alias,
          age: card.age,
          gradeBand: card.gradeBand,
          category: card.category,
          wish: card.wish,
          sizeNote: card.sizeNote ?? null,
          status: card.status,
          reviewedAt: reviewed ? t(-9) : null,
          reviewedBy: reviewed ? coordinatorId : null,
          publishedAt: card.status === 'draft' ? null : t(-9 + (i % 5) / 10),
          withdrawnReason: card.status === 'withdrawn' ? '监护人改变主意，撤回了这张心愿卡。' : null,
        })
        .onConflictDoNothing(),
      db
        .insert(cardPrivate)
        .values({
          cardId: id,
          campaignId: DEMO_CAMPAIGN.id,
          handoutRef: `演示登记-${String(id).padStart(3, '0')}`,
          consentOn: consented ? t(-12).toISOString().slice(0, 10) : null,
          consentMethod: consented ? CONSENT_METHODS[i % 2] : null,
          notes: '',
        })
        .onConflictDoNothing(),
    );
  });

  DEMO_VOLUNTEERS.forEach((v, i) => {
    statements.push(
      db
        .insert(volunteers)
        .values({
          id: v.id,
          name: v.name,
          mobile: v.mobile,
          email: v.email ?? null,
          town: v.town,
          helpTypes: JSON.stringify(v.helpTypes),
          availability: v.availability,
          note: v.note,
          status: v.status,
          rejectReason: v.rejectReason ?? null,
          agreedCodeVersion: '2026-11',
          agreedPrivacyVersion: '2026-11',
          agreedAt: t(-8),
          // Signed up before they claimed (the claims are six days old); the two who gave gifts last winter signed up then.
          createdAt: DEMO_PAST_CARDS.some((c) => c.volunteerId === v.id) ? t(-400) : t(-8),
          lastActiveAt: t(-1),
          accessTokenHash: tokenHashes[i],
          decidedAt: v.status === 'pending' ? null : t(-7),
          decidedBy: v.status === 'pending' ? null : coordinatorId,
        })
        .onConflictDoNothing(),
    );
  });

  DEMO_CLAIMS.forEach((claim, i) => {
    const cardId = DEMO_CARDS.findIndex((card) => card.code === claim.cardCode) + 1;
    const reached = (step: 'approved' | 'delivered' | 'received') =>
      ['approved', 'delivered', 'received'].indexOf(claim.status) >= ['approved', 'delivered', 'received'].indexOf(step);
    statements.push(
      db
        .insert(claims)
        .values({
          id: i + 1,
          cardId,
          volunteerId: claim.volunteerId,
          status: claim.status,
          createdAt: t(-6),
          approvedAt: reached('approved') ? t(-5) : null,
          deliveredAt: reached('delivered') ? t(-2) : null,
          receivedAt: reached('received') ? t(-1) : null,
          endedAt: claim.status === 'received' ? t(-1) : null,
          decidedBy: reached('approved') ? coordinatorId : null,
        })
        .onConflictDoNothing(),
    );
  });

  // Pairings: the children as the school knows them, two active pairings and an offer, their contacts.
  for (const child of DEMO_PAIRING_CHILDREN) statements.push(db.insert(pairingChildren).values({ ...child, schoolId: DEMO_SCHOOL.id, createdAt: t(-90) }).onConflictDoNothing());
  for (const p of DEMO_PAIRINGS) {
    const active = p.activatedDaysAgo !== null;
    const start = active ? t(-p.activatedDaysAgo!) : t(-2);
    statements.push(
      db
        .insert(pairings)
        .values({
          id: p.id,
          volunteerId: p.volunteerId,
          kind: p.kind,
          status: active ? 'active' : 'offered',
          frequency: p.frequency,
          agreedConductVersion: PAIRING_CONDUCT_VERSION,
          offeredAt: active ? t(-p.activatedDaysAgo! - 14) : start,
          childId: p.childId,
          ...(active
            ? { proposedAt: t(-p.activatedDaysAgo! - 10), proposedBy: coordinatorId, consentOn: beijingDay(t(-p.activatedDaysAgo! - 3)), consentMethod: 'paper' as const, recordCheckedOn: beijingDay(t(-p.activatedDaysAgo! - 5)), recordCheckedBy: coordinatorId, activatedAt: start }
            : {}),
          updatedAt: start,
        })
        .onConflictDoNothing(),
    );
  }
  for (const c of DEMO_CONTACTS) {
    statements.push(
      db
        .insert(pairingContacts)
        .values({ id: c.id, pairingId: c.pairingId, on: beijingDay(t(-c.daysAgo)), kind: c.kind, minutes: c.minutes, escort: c.escort ?? null, callMe: c.callMe ?? false, recordedByKind: 'volunteer', recordedById: DEMO_PAIRINGS.find((p) => p.id === c.pairingId)!.volunteerId, createdAt: t(-c.daysAgo) })
        .onConflictDoNothing(),
    );
  }

  // One batch: the demo appears whole or not at all.
  await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
  await loadPastCampaign(db, t);
  return { cards: DEMO_CARDS.length, volunteers: DEMO_VOLUNTEERS.length, claims: DEMO_CLAIMS.length };
}

/**
 * Last winter's drive, written whole and then archived. An archived campaign takes no new card (a
 * trigger refuses it even where ON CONFLICT would skip it), so it is loaded once, when it is not there yet.
 */
async function loadPastCampaign(db: Db, t: (days: number) => Date) {
  if (await db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.id, DEMO_PAST_CAMPAIGN.id)).get()) return;
  const id = (i: number) => 1001 + i;
  const statements: BatchItem<'sqlite'>[] = [
    db.insert(campaigns).values({
      ...DEMO_PAST_CAMPAIGN,
      schoolId: DEMO_SCHOOL.id,
      startsAt: t(-375),
      claimDeadline: t(-320),
      dropoffDeadline: t(-305),
      status: 'closed',
      openedAt: t(-375),
      closedAt: t(-300),
    }),
  ];
  DEMO_PAST_CARDS.forEach((card, i) => {
    statements.push(
      db.insert(cards).values({
        id: id(i),
        campaignId: DEMO_PAST_CAMPAIGN.id,
        // Codes of their own: two letters no current demo code starts with, then the index.
        code: `WW${CARD_CODE_ALPHABET[i]}`.padEnd(4, 'K'),
        alias: card.alias,
        age: card.age,
        gradeBand: card.gradeBand,
        category: card.category,
        wish: card.wish,
        status: card.ended,
        reviewedAt: t(-372),
        reviewedBy: 1,
        publishedAt: t(-372),
        withdrawnReason: card.ended === 'withdrawn' ? '孩子转学了，学校撤下了这张心愿卡。' : null,
        createdAt: t(-380),
        updatedAt: t(-310),
      }),
      db.insert(cardPrivate).values({ cardId: id(i), campaignId: DEMO_PAST_CAMPAIGN.id, handoutRef: `往年登记-${String(i + 1).padStart(3, '0')}`, consentOn: beijingDay(t(-381)), consentMethod: 'paper', notes: '' }),
    );
    if (card.volunteerId) {
      statements.push(
        db.insert(claims).values({ id: id(i), cardId: id(i), volunteerId: card.volunteerId, status: 'received', createdAt: t(-360), approvedAt: t(-359), deliveredAt: t(-330), receivedAt: t(-329), endedAt: t(-329), decidedBy: 1 }),
      );
    }
  });
  statements.push(db.update(campaigns).set({ status: 'archived', archivedAt: t(-290) }).where(eq(campaigns.id, DEMO_PAST_CAMPAIGN.id)));
  await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
}
