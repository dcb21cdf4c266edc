import type { APIRoute } from 'astro';
import { importTemplateCsv } from '#worker/cards/index.ts';
import { csvDownload } from '#worker/platform/http/attachment.ts';

export const prerender = false;

export const GET: APIRoute = () => csvDownload({ body: importTemplateCsv(), filename: '心愿卡导入模板.csv' });
