import type { APIRoute } from 'astro';
import { importTemplate } from '#worker/cards/index.ts';
import { xlsxDownload } from '#worker/platform/http/attachment.ts';

export const prerender = false;

/** The import template for Excel and WPS: its empty rows are text cells, so register numbers keep their leading zeros. */
export const GET: APIRoute = () => xlsxDownload(importTemplate('xlsx'));
