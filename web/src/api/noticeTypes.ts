// Shapes of the notices API: the inbox, contact settings, the outbox and the notice templates.

export interface Notice {
  id: number
  event: string
  subject_zh: string
  body_zh: string
  subject_en: string
  body_en: string
  case_id: string | null
  license_number: string | null
  created_at: string
  read_at: string | null
}

export const CHANNELS = ['email', 'sms', 'wechat'] as const
export type Channel = (typeof CHANNELS)[number]

export interface Contact {
  email: string | null
  mobile: string | null
  channels: Channel[]
  language: 'zh-CN' | 'en'
}

export const OUTBOX_STATUSES = ['queued', 'sent', 'delivered', 'failed'] as const
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number]

export interface OutboxMessage {
  id: number
  notice_id: number
  user_id: number
  channel: 'inbox' | Channel | string
  address: string
  status: OutboxStatus | string
  attempts: number
  next_attempt_at: string | null
  last_error: string | null
  idempotency_key: string
  created_at: string
  sent_at: string | null
  delivered_at: string | null
  event: string
  subject_zh: string
}

export interface TemplateText {
  subject: string
  body: string
}

export interface NoticeTemplate {
  event: string
  description_zh: string
  description_en: string
  placeholders: string[]
  zh: TemplateText
  en: TemplateText
}
