import { env } from 'cloudflare:workers';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { AuditFilterSchema, auditInsert, describeAudit, listAudit } from '#worker/audit/index.ts';
import { getDb } from '#worker/platform/db/client.ts';
import { createCoordinator } from '../support/factories';

const db = getDb(env.DB);
const all = v.parse(AuditFilterSchema, {});

describe('the audit trail in plain Chinese', () => {
  it('names who did it (a coordinator by name, a volunteer by number, never a coordinator who shares the number), links what it touched, and says the change in words', async () => {
    const coordinator = await createCoordinator({ displayName: '王老师' });
    await db.batch([
      auditInsert(db, { actorKind: 'coordinator', actorId: coordinator.id, action: 'card.publish', subjectKind: 'card', subjectId: 1, detail: { code: 'K7M3Q', status: { from: 'draft', to: 'open' } } }),
      auditInsert(db, { actorKind: 'volunteer', actorId: coordinator.id, action: 'claim.create', subjectKind: 'claim', subjectId: 42, detail: { code: 'K7M3Q' } }),
      auditInsert(db, { actorKind: 'coordinator', actorId: coordinator.id, action: 'card.edit', subjectKind: 'card', subjectId: 1, detail: { code: 'K7M3Q', changed: ['wish', 'handoutRef'], reviewCleared: true } }),
      auditInsert(db, { actorKind: 'system', actorId: null, action: 'claim.expire', subjectKind: 'claim', subjectId: null, detail: { count: 3 } }),
    ]);
    const rows = (await listAudit(db, all)).entries.map(describeAudit);
    const [expired, edited, claimed, published] = rows;
    expect(published).toMatchObject({ who: '王老师', what: '心愿卡 K7M3Q', whatHref: '/admin/cards/K7M3Q', change: "状态从“草稿”变为“待认领”" });
    expect(claimed).toMatchObject({ who: `志愿者 #${coordinator.id}`, whoHref: `/admin/volunteers/${coordinator.id}`, what: '认领 #42', whatHref: '/admin/claims/42' });
    expect(edited!.change).toBe('改了心愿、学校登记编号；措辞改了，需要重新审核');
    expect(expired).toMatchObject({ who: '系统', change: '共 3 条' });
    for (const r of rows) expect(r.change).not.toMatch(/[{}"]/);
  });
});
