import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { newestFirst } from '#site/lib/documents.ts';

/** News only: the feed never lists private or console pages. */
export const GET: APIRoute = async ({ site }) => {
  const news = await newestFirst('news');
  return rss({
    title: '守望 · 项目消息',
    description: '乡村学校关爱留守儿童项目的最新消息',
    site: site!,
    customData: '<language>zh-cn</language>',
    items: news.map((item) => ({
      title: item.data.title,
      pubDate: item.data.date,
      description: item.data.summary,
      link: `/news/${item.id}/`,
    })),
  });
};
