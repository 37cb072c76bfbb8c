// Dates as people read them: "2020年10月9日" in Chinese, "9 Oct 2020" in English.
// Calendar dates are plain YYYY-MM-DD strings (no time zone); instants are shown in Asia/Shanghai.
import type { Locale } from '@/i18n'

const MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const MONTHS_LONG = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
]

export interface Ymd {
  y: number
  m: number // 1-12
  d: number
}

export function parseIsoDate(s: string): Ymd | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
  if (!m) return null
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) }
}

export function isoDate(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

export function formatYmd(v: Ymd, locale: Locale): string {
  return locale === 'zh-CN' ? `${v.y}年${v.m}月${v.d}日` : `${v.d} ${MONTHS_SHORT[v.m - 1]} ${v.y}`
}

/** "2020-10-09" → "2020年10月9日" / "9 Oct 2020"; anything unparsable is returned as is. */
export function formatDate(iso: string, locale: Locale): string {
  const v = parseIsoDate(iso)
  return v ? formatYmd(v, locale) : iso
}

export function formatMonth(y: number, m: number, locale: Locale): string {
  return locale === 'zh-CN' ? `${y}年${m}月` : `${MONTHS_LONG[m - 1]} ${y}`
}

/** An RFC 3339 instant in Asia/Shanghai: "2020年10月9日 14:03" / "9 Oct 2020 14:03". */
export function formatInstant(rfc3339: string, locale: Locale): string {
  const t = new Date(rfc3339)
  if (Number.isNaN(t.getTime())) return rfc3339
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(t)
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0)
  const hm = `${String(get('hour')).padStart(2, '0')}:${String(get('minute')).padStart(2, '0')}`
  return `${formatYmd({ y: get('year'), m: get('month'), d: get('day') }, locale)} ${hm}`
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate()
}

/** 0 = Monday … 6 = Sunday (Chinese calendars start the week on Monday). */
export function weekdayMondayFirst(y: number, m: number, d: number): number {
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7
}

/** Today's date in Asia/Shanghai, the city's clock. */
export function todayIso(): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date())
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${get('year')}-${get('month')}-${get('day')}`
}
