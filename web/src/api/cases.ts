import { query, request } from './client'
import type {
  AcceptRequest,
  Case,
  CaseEvent,
  CaseRead,
  CaseStatus,
  Decision,
  InboxTask,
  MaterialUpload,
  NoticeLine,
  Precheck,
  SubmitRequest,
} from './caseTypes'

const c = (id: string) => `/api/v1/cases/${encodeURIComponent(id)}`

/**
 * Submits an application. One case, or (a bundle) `{bundle_application, cases}`. `idempotencyKey`
 * makes a retry (double click, flaky network) return the first answer instead of a second case.
 */
export const submitCase = (r: SubmitRequest, idempotencyKey?: string) =>
  request<Case | { bundle_application: string; cases: Case[] }>('POST', '/api/v1/cases', r, { idempotencyKey })

/** The cases the caller may see; `applicant` (ID number / credit code) narrows staff's list. */
export const listCases = (f: { status?: CaseStatus | ''; applicant?: string } = {}) =>
  request<{ cases: Case[] }>('GET', '/api/v1/cases' + query({ status: f.status, applicant: f.applicant })).then(
    (r) => r.cases,
  )

export const getCase = (id: string) => request<Case>('GET', c(id))
export const precheck = (id: string) => request<Precheck>('GET', c(id) + '/precheck')
export const caseEvents = (id: string) =>
  request<{ events: CaseEvent[] }>('GET', c(id) + '/events').then((r) => r.events)
export const caseReads = (id: string) => request<{ reads: CaseRead[] }>('GET', c(id) + '/reads').then((r) => r.reads)

// The window.
// `idempotencyKey` (optional): a repeated decision (double click) gets the first answer.
export const acceptCase = (id: string, r: AcceptRequest = {}, idempotencyKey?: string) =>
  request<Case>('POST', c(id) + '/accept', r, { idempotencyKey })
export const returnCase = (id: string, problems: Omit<NoticeLine, 'due'>[], idempotencyKey?: string) =>
  request<Case>('POST', c(id) + '/return', { problems }, { idempotencyKey })
export const refuseCase = (id: string, reason: string, idempotencyKey?: string) =>
  request<Case>('POST', c(id) + '/refuse', { reason }, { idempotencyKey })
/** Hands out the result (window pickup), or records the express tracking number. */
export const deliverResult = (id: string, tracking?: string, idempotencyKey?: string) =>
  request<Case>('POST', c(id) + '/deliver', tracking ? { tracking } : {}, { idempotencyKey })

// The applicant (or the window for them).
export const withdrawCase = (id: string, reason?: string) =>
  request<Case>('POST', c(id) + '/withdraw', reason ? { reason } : {})
export const resubmitCase = (
  id: string,
  r: { form?: Record<string, unknown>; materials?: MaterialUpload[] },
  idempotencyKey?: string,
) => request<Case>('POST', c(id) + '/resubmit', r, { idempotencyKey })
export const supplyMaterials = (id: string, materials: MaterialUpload[], idempotencyKey?: string) =>
  request<Case>('POST', c(id) + '/supplements', { materials }, { idempotencyKey })

// Reviewers.
export const inbox = () => request<{ tasks: InboxTask[] }>('GET', '/api/v1/tasks').then((r) => r.tasks)
/** One task of the reviewer's department, in any state (404 for another department's). */
export const getTask = (id: number) => request<InboxTask>('GET', `/api/v1/tasks/${id}`)
export const claimTask = (id: number) => request<Case>('POST', `/api/v1/tasks/${id}/claim`, {})
export const decideTask = (id: number, decision: Decision, opinion: string, materials?: string[]) =>
  request<Case>('POST', `/api/v1/tasks/${id}/decision`, {
    decision,
    opinion,
    ...(materials && materials.length ? { materials } : {}),
  })
