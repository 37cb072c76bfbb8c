// Cases, tasks and the vault as the server sends them (GET /api/v1/cases/{id} and friends).
import type { Named, ServicePointKind } from './types'
import type { Channel, Delivery, Requirement } from './catalogTypes'

export const CASE_STATUSES = [
  'submitted',
  'returned',
  'refused',
  'in_review',
  'suspended',
  'approved',
  'issued',
  'closed',
  'withdrawn',
  'terminated',
] as const
export type CaseStatus = (typeof CASE_STATUSES)[number]

export const WARNINGS = ['normal', 'yellow', 'red', 'overdue'] as const
export type Warning = (typeof WARNINGS)[number]

export const MATERIAL_STATES = ['provided', 'from_vault', 'missing', 'deferred', 'waived'] as const
export type MaterialState = (typeof MATERIAL_STATES)[number]

/** `supplement_requested`: the task waits on the applicant's supplements. */
export const TASK_STATUSES = ['open', 'claimed', 'approved', 'rejected', 'supplement_requested', 'cancelled'] as const
export type TaskStatus = (typeof TASK_STATUSES)[number]

export type Decision = 'approve' | 'reject' | 'supplement'

export interface CaseMaterial extends Partial<Named> {
  requirement: string
  state: MaterialState
  file_id: string
  vault_document: number | null
  /** Deferred materials: the date they are due. */
  due: string | null
  supplied_at: string | null
  kind?: Requirement
  deferrable?: boolean
  document_type?: string
}

export interface Task {
  id: number
  /** 1-based stage number. */
  stage: number
  department_id: number
  department_code: string
  department_name_zh?: string
  department_name_en?: string
  status: TaskStatus
  claimed_by: number | null
  decided_by: number | null
  opinion: string
  /** With a supplement request: the materials wanted. */
  requested: string[]
  started_on: string
  deadline: string
  deadline_provisional: boolean
  decided_at: string | null
  warning: Warning
}

export interface NoticeLine {
  /** A material code, or form.<key>. */
  subject: string
  message: string
  due: string | null
}

/** A one-time notice (一次性告知): every problem at once. */
export interface Notice {
  kind: string
  given_at: string
  given_by: number
  lines: NoticeLine[]
  consequence: string
}

export interface Pause {
  first: string
  last: string | null
  task_id: number
}

export interface CaseResult {
  kind: string
  document_type: string
  name_zh: string
  name_en: string
  issued_at: string
  vault_document: number | null
  delivery: Delivery
  tracking: string
  delivered_at: string | null
}

export interface Counters {
  required: number
  submitted: number
  reused: number
  waived: number
  deferred: number
  visits: number
}

export interface Applicant {
  type: 'person' | 'enterprise'
  /** ID number or credit code. */
  id: string
  name: string
  user_id: number | null
}

export interface Case {
  id: string
  item_code: string
  item_version: number
  bundle_application: string
  applicant: Applicant
  channel: Channel
  service_point_id: number
  handling_unit_id: number
  submitted_by: number
  consent: { given: boolean; method: string; note: string; recorded_at: string | null }
  vault_consent: boolean
  form: Record<string, unknown>
  materials: CaseMaterial[]
  delivery: Delivery
  delivery_address: string
  status: CaseStatus
  /** 1-based current stage; 0 before acceptance. */
  stage: number
  stage_name_zh?: string
  stage_name_en?: string
  submitted_at: string
  submitted_on: string
  accepted_on: string | null
  accepted_by: number | null
  auto_accepted: boolean
  commitment: string
  notices: Notice[]
  refusal_reason: string
  pauses: Pause[]
  /** The deadline the case is held to (the promised one). */
  deadline: string | null
  promised_deadline: string | null
  statutory_deadline: string | null
  deadline_provisional: boolean
  warning: Warning
  result: CaseResult | null
  closed_at: string | null
  counters: Counters
  next_check_at: string | null
  revision: number
  tasks: Task[]
  item?: Named & {
    code: string
    version: number
    department: string
    promised_limit_days: number
    statutory_limit_days: number
    stages: number
    deficiency_tolerant: boolean
  }
  service_point?: Named & { id: number; code: string; kind: ServicePointKind }
}

/** A line of the window's pre-check. */
export interface PrecheckLine extends Named {
  requirement: string
  kind: Requirement
  condition_zh: string
  condition_en: string
  legal_basis: string
  document_type: string
  /** The material's state; a missing one that may be supplied later (容缺) reads `deferrable`. */
  state: MaterialState | 'deferrable'
  file: string
  can_defer: boolean
}

export interface Precheck {
  case_id: string
  status: CaseStatus
  deficiency_tolerant: boolean
  materials: PrecheckLine[]
}

/** A task in a department's inbox (GET /api/v1/tasks). */
export interface InboxTask extends Task {
  case_id: string
  case_status: CaseStatus
  item_code: string
  item_version: number
  item_name_zh?: string
  item_name_en?: string
  applicant_name: string
  stages?: number
  working_days_left?: number
}

export interface CaseEvent {
  seq: number
  at: string
  actor: number | null
  channel: string
  type: string
  data: Record<string, string>
  prev_hash: string
  hash: string
}

export interface CaseRead {
  at: string
  user_id: number
  display_name: string
  purpose: 'view' | 'history' | 'access_log'
}

export interface MaterialUpload {
  requirement: string
  /** A file id from POST /api/v1/files. */
  file: string
}

export interface SubmitRequest {
  item_code?: string
  bundle_code?: string
  /** Staff always give it; citizens and enterprises applying for themselves leave it out. */
  applicant?: { type: 'person' | 'enterprise'; id_number?: string; credit_code?: string; name: string }
  channel: Channel
  service_point?: string | number
  form?: Record<string, unknown>
  forms?: Record<string, Record<string, unknown>>
  materials?: MaterialUpload[]
  vault_consent?: boolean
  consent?: { given: boolean; method?: string; note?: string }
  delivery?: Delivery
  delivery_address?: string
}

export interface AcceptRequest {
  deferred?: (string | { requirement: string; due?: string })[]
  waived?: string[]
  commitment?: string
}

export interface StoredFile {
  id: string
  sha256: string
  size: number
  content_type: string
  name: string
}

export interface VaultDocument extends Named {
  id: number
  document_type: string
  file_id: string
  source: 'material' | 'result' | string
  source_case: string
  valid_from: string
  valid_until: string | null
  valid: boolean
  /** The e-license a result document is (its page: /my/licenses/:number). */
  license_number?: string | null
}
