/** Dates as the school's families read them: Beijing time, Chinese format. */
const dateFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
});

export function formatDate(d: Date): string {
  return dateFormat.format(d);
}

/** YYYY-MM-DD for <time datetime>. */
export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** "2026-09" → "2026 年 9 月". */
export function formatMonth(month: string): string {
  const [year, m] = month.split('-');
  return `${year} 年 ${Number(m)} 月`;
}

/** 30 → "30 分钟内", 120 → "2 小时内". */
export function formatWithin(minutes: number): string {
  return minutes % 60 === 0 ? `${minutes / 60} 小时内` : `${minutes} 分钟内`;
}

/** "2026-11-20" (a Beijing calendar day) → "11月20日", with the year only when it is not this one. */
export function formatDay(ymd: string, thisYear = new Date().getUTCFullYear()): string {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  return `${y === thisYear ? '' : `${y}年`}${m}月${d}日`;
}
