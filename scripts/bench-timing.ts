/** What the benchmark scripts share: timing one request, and the median and 95th percentile of many. */
export function stats(ms: number[]): { median: number; p95: number } {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { median: q(0.5), p95: q(0.95) };
}

/** One request, timed to its last byte. */
export async function timed(url: string, init?: RequestInit): Promise<{ ms: number; status: number; body: ArrayBuffer; text: string }> {
  const t = performance.now();
  const res = await fetch(url, init);
  const body = await res.arrayBuffer();
  return { ms: performance.now() - t, status: res.status, body, text: new TextDecoder().decode(body) };
}
