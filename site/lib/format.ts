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
