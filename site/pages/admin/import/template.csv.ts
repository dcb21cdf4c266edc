import type { APIRoute } from 'astro';
import { importTemplate } from '#worker/cards/index.ts';
import { csvDownload } from '#worker/platform/http/attachment.ts';

export const prerender = false;

export const GET: APIRoute = () => csvDownload(importTemplate('csv'));
