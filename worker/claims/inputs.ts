import * as v from 'valibot';
import { CLAIM_QUEUES, type ClaimQueue } from '#worker/vocabulary.ts';

/** A claim's number, in a path or a form field: digits only. */
export const ClaimIdSchema = v.pipe(v.string(), v.regex(/^\d{1,9}$/, '认领编号是数字'), v.transform(Number));
export const ClaimIdParamsSchema = v.object({ id: ClaimIdSchema });

/** Which claims a coordinator lists or exports (`?queue=`). */
export const QueueSchema = v.object({ queue: v.optional(v.picklist(CLAIM_QUEUES, '队列是 to_approve、awaiting_dropoff、awaiting_confirmation、overdue 或 all'), 'all') });

/** A volunteer's own step on their page: which claim, and cancel or delivered. */
export const VolunteerStepSchema = v.object({
  claim: v.pipe(v.string('不认识这个操作。'), ClaimIdSchema),
  _action: v.picklist(['cancel', 'delivered'], '不认识这个操作。'),
});

/** A queue named in an address, or the fallback when it names none. */
export const claimQueue = (asked: string | null, fallback: ClaimQueue = 'all'): ClaimQueue => (v.is(v.picklist(CLAIM_QUEUES), asked) ? asked : fallback);
