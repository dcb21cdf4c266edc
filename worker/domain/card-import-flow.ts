/** The import as pages and API run it: decode the file, check it against the campaign, and maybe write it. */
import type { Db } from '../db/client';
import { checkSheet, existingHandoutRefs, importSheet, type SheetReport } from './card-import';
import { privacyContext } from './console-cards';
import { currentCampaign } from './public-cards';
import { decodeSpreadsheet } from './spreadsheet-text';

export type ImportOutcome =
  | { ok: true; report: SheetReport; encoding: string; created: number; text: string }
  | { ok: false; message: string };

/** Checks the file; with `write`, also imports its valid new rows. */
export async function runImport(db: Db, bytes: Uint8Array, actorId: number, write: boolean): Promise<ImportOutcome> {
  const campaign = await currentCampaign(db);
  if (!campaign) return { ok: false, message: '还没有活动，请先建立活动。' };
  const { text, encoding } = decodeSpreadsheet(bytes);
  const report = checkSheet(text, await privacyContext(db), await existingHandoutRefs(db, campaign.id));
  if (report.refused) return { ok: false, message: report.refused };
  const created = write ? (await importSheet(db, campaign.id, report, actorId)).created : 0;
  return { ok: true, report, encoding, created, text };
}
