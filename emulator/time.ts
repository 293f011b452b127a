// Wire dates are UTC ISO strings with seven fractional digits (`2019-01-23T11:27:09.7970000Z`, decisions.md).
// Internally a moment is a whole number of microseconds since the epoch: it fits a double exactly, and gives
// room to keep Last Modified strictly increasing within one millisecond.

export function formatMicros(micros: number): string {
  const ms = Math.floor(micros / 1000);
  const sub = micros - ms * 1000;
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 23)}${String(sub).padStart(3, '0')}0Z`;
}

export function parseWireDate(text: string): number | null {
  const match =
    /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(
      text.trim(),
    );
  if (!match) return null;
  const [, day = '', hh = '00', mm = '00', ss = '00', frac = '', zone = 'Z'] = match;
  const zoneText = zone === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const ms = Date.parse(`${day}T${hh}:${mm}:${ss}${zoneText}`);
  if (Number.isNaN(ms)) return null;
  // Reject rolled-over dates such as 2023-02-29, which Date.parse quietly moves into March.
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const check = new Date(Date.UTC(2000, m - 1, d));
  check.setUTCFullYear(y);
  if (check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null;
  if (Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 59) return null;
  const micros = Math.round(Number(`0.${frac || '0'}`) * 1_000_000);
  return ms * 1000 + micros;
}

/** A clock whose readings never repeat and never go back, even when two writes fall in the same millisecond. */
export class MonotonicClock {
  private last: number;

  constructor(last = 0) {
    this.last = last;
  }

  now(): number {
    const current = Date.now() * 1000;
    this.last = current > this.last ? current : this.last + 1;
    return this.last;
  }

  observe(micros: number): void {
    if (micros > this.last) this.last = micros;
  }
}

/** RFC 1123, as OWIN writes `.issued` / `.expires` (protocol-notes §1.2): "Tue, 11 Jun 2019 09:04:53 GMT". */
export function rfc1123(ms: number): string {
  return new Date(ms).toUTCString();
}
