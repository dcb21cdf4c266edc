import type { APIRoute } from 'astro';
import { attachment, importTemplateCsv } from '#worker/cards/index.ts';

export const prerender = false;

export const GET: APIRoute = () =>
  new Response(importTemplateCsv(), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': attachment('心愿卡导入模板.csv') },
  });
