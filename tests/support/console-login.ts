/** Logs a browser page in to the console as the demo coordinator, through the login form. */
import type { Page } from 'playwright-core';
import { DEMO_COORDINATOR } from './demo/demo-data';

export async function logInToConsole(page: Page): Promise<void> {
  await page.goto('/admin/login');
  await page.getByLabel('用户名').fill(DEMO_COORDINATOR.username);
  await page.getByLabel('密码').fill(DEMO_COORDINATOR.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL('**/admin/');
}
