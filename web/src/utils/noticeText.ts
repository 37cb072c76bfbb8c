import type { Locale } from '@/i18n'
import type { Notice } from '@/api/noticeTypes'

/** A notice's subject and body in the reader's language (the other one if that is empty). */
export function noticeText(n: Notice, locale: Locale): { subject: string; body: string } {
  const zh = { subject: n.subject_zh, body: n.body_zh }
  const en = { subject: n.subject_en, body: n.body_en }
  const [first, second] = locale === 'zh-CN' ? [zh, en] : [en, zh]
  return { subject: first.subject || second.subject, body: first.body || second.body }
}
