// Every license and notice enum to its i18n key (keys are never built at run time).
import type { LicenseEventType, LicenseState, Verdict } from '@/api/licenseTypes'
import type { Channel, OutboxStatus } from '@/api/noticeTypes'
import type { Locale } from '@/i18n'

export const LICENSE_STATE_LABEL: Record<LicenseState, string> = {
  valid: 'licenseLabels.state.valid',
  suspended: 'licenseLabels.state.suspended',
  revoked: 'licenseLabels.state.revoked',
  expired: 'licenseLabels.state.expired',
}

export const LICENSE_STATE_TYPE: Record<LicenseState, 'success' | 'warning' | 'danger' | 'info'> = {
  valid: 'success',
  suspended: 'warning',
  revoked: 'danger',
  expired: 'info',
}

export const LICENSE_EVENT_LABEL: Record<LicenseEventType, string> = {
  issued: 'licenseLabels.event.issued',
  suspended: 'licenseLabels.event.suspended',
  reinstated: 'licenseLabels.event.reinstated',
  revoked: 'licenseLabels.event.revoked',
  renewed: 'licenseLabels.event.renewed',
  changed: 'licenseLabels.event.changed',
  expired: 'licenseLabels.event.expired',
  copy_made: 'licenseLabels.event.copy_made',
}

/** The verdict's headline and what it means for whoever relies on the document. */
export const VERDICT_LABEL: Record<Verdict, { title: string; meaning: string }> = {
  valid: { title: 'licenseLabels.verdict.valid', meaning: 'licenseLabels.verdictMeaning.valid' },
  tampered: { title: 'licenseLabels.verdict.tampered', meaning: 'licenseLabels.verdictMeaning.tampered' },
  unknown_key: { title: 'licenseLabels.verdict.unknown_key', meaning: 'licenseLabels.verdictMeaning.unknown_key' },
  revoked: { title: 'licenseLabels.verdict.revoked', meaning: 'licenseLabels.verdictMeaning.revoked' },
  suspended: { title: 'licenseLabels.verdict.suspended', meaning: 'licenseLabels.verdictMeaning.suspended' },
  expired: { title: 'licenseLabels.verdict.expired', meaning: 'licenseLabels.verdictMeaning.expired' },
  not_yet_valid: { title: 'licenseLabels.verdict.not_yet_valid', meaning: 'licenseLabels.verdictMeaning.not_yet_valid' },
}

/** Red for a document that must not be relied on at all, amber for one that may be again. */
export const VERDICT_TONE: Record<Verdict, 'ok' | 'bad' | 'warn'> = {
  valid: 'ok',
  tampered: 'bad',
  unknown_key: 'bad',
  revoked: 'bad',
  suspended: 'warn',
  expired: 'warn',
  not_yet_valid: 'warn',
}

export const CHANNEL_LABEL: Record<Channel | 'inbox', string> = {
  inbox: 'noticeLabels.channel.inbox',
  email: 'noticeLabels.channel.email',
  sms: 'noticeLabels.channel.sms',
  wechat: 'noticeLabels.channel.wechat',
}

export const OUTBOX_STATUS_LABEL: Record<OutboxStatus, string> = {
  queued: 'noticeLabels.status.queued',
  sent: 'noticeLabels.status.sent',
  delivered: 'noticeLabels.status.delivered',
  failed: 'noticeLabels.status.failed',
}

/** Looks a server value up in a label map; an unknown value is shown as it came. */
export function labelOf<K extends string>(map: Record<K, string>, value: string): string | null {
  return (map as Record<string, string>)[value] ?? null
}

/** A printed field's label in the reader's language (the other one, then its key, if empty). */
export function fieldLabel(f: { key: string; label_zh: string; label_en: string }, locale: Locale): string {
  return (locale === 'zh-CN' ? f.label_zh || f.label_en : f.label_en || f.label_zh) || f.key
}
