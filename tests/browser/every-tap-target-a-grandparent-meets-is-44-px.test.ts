import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage } from '../support/chromium';
import { claimedCard, publishedCard, volunteerWithId } from '../support/served-site-data';
import { measureTapTargets, tooSmall } from '../support/tap-targets';

const PUBLIC_PAGES = ['/', '/plan/', '/letter/', '/appeal/', '/wall/', '/news/', '/news/2026-11-20-winter-wishes-open/', '/privacy/', '/volunteer/', '/volunteer/code-of-conduct/', '/volunteer/pairing-code-of-conduct/', '/campaigns/', '/campaigns/2025-12/'];

/** Every page a volunteer sees, with their claims at each step that has its own buttons. */
async function volunteerPages(phone: Page): Promise<string[]> {
  // One who chose pairing too: their page carries the offer form.
  const { token } = await volunteerWithId('approved', ['wish_cards', 'pairing']);
  const approved = await claimedCard(token, 'approved');
  const delivered = await claimedCard(token, 'delivered');
  const open = await publishedCard();
  await phone.goto(`/v/${token}`);
  return [`/v/${token}`, '/me', `/me?cancel=${approved.claimId}`, `/me/label/${approved.claimId}`, `/me/label/${delivered.claimId}`, `/wall/${open}`, `/wall/${approved.code}`];
}

async function smallTargets(phone: Page, paths: string[]): Promise<{ small: string[]; measured: number; inline: number }> {
  const small: string[] = [];
  let measured = 0;
  let inline = 0;
  for (const path of paths) {
    await phone.goto(path);
    const report = await measureTapTargets(phone);
    measured += report.measured.length;
    inline += report.inline;
    small.push(...tooSmall(report).map((t) => `${path}: ${t}`));
  }
  return { small, measured, inline };
}

describe('what a grandparent’s thumb has to hit, on a 360 px phone without JavaScript', () => {
  for (const size of ['standard', 'large'] as const) {
    it(`every link, button, field and checkbox on public and volunteer pages is at least 44×44 CSS px (${size} text)`, async () => {
      const phone = await openPage({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
      if (size === 'large') await phone.goto('/text-size?size=large&back=/');
      const paths = [...PUBLIC_PAGES, ...(await volunteerPages(phone))];
      const result = await smallTargets(phone, paths);
      // The sign-up form refused: the error summary's links jump to the fields.
      await phone.goto('/volunteer/');
      await phone.getByRole('button', { name: '提交报名' }).click();
      await phone.getByRole('heading', { name: '请先改正下面的问题' }).waitFor();
      const refused = tooSmall(await measureTapTargets(phone)).map((t) => `/volunteer/ refused: ${t}`);

      expect([...result.small, ...refused]).toEqual([]);
      // The measure saw the pages' targets, not an empty list: the navigation alone is seven per page.
      expect(result.measured).toBeGreaterThan(paths.length * 7);
      await phone.context().close();
    });
  }
});
