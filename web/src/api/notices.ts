import { query, request } from './client'
import type { Contact, Notice, NoticeTemplate, OutboxMessage, OutboxStatus, TemplateText } from './noticeTypes'

/** My inbox, newest first, with how many are unread. */
export const listNotices = (opts: { unread?: boolean; limit?: number } = {}) =>
  request<{ notices: Notice[]; unread: number }>(
    'GET',
    '/api/v1/notices' + query({ unread: opts.unread ? 1 : undefined, limit: opts.limit }),
  )

export const markNoticeRead = (id: number) => request<Notice>('POST', `/api/v1/notices/${id}/read`, {})

export const markAllNoticesRead = () => request<{ unread: number }>('POST', '/api/v1/notices/read-all', {})

export const getContact = () => request<Contact>('GET', '/api/v1/me/contact')

export const saveContact = (c: Contact) => request<Contact>('PUT', '/api/v1/me/contact', c)

export const listOutbox = (opts: { status?: OutboxStatus | ''; limit?: number } = {}) =>
  request<{ messages: OutboxMessage[]; counts: Record<OutboxStatus, number> }>(
    'GET',
    '/api/v1/admin/outbox' + query({ status: opts.status, limit: opts.limit }),
  )

export const retryOutboxMessage = (id: number) => request<OutboxMessage>('POST', `/api/v1/admin/outbox/${id}/retry`, {})

export const listNoticeTemplates = () =>
  request<{ templates: NoticeTemplate[] }>('GET', '/api/v1/notice-templates').then((r) => r.templates)

export const saveNoticeTemplate = (event: string, texts: { zh: TemplateText; en: TemplateText }) =>
  request<NoticeTemplate>('PUT', `/api/v1/notice-templates/${encodeURIComponent(event)}`, texts)
