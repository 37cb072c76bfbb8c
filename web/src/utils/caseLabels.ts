// i18n keys for the values of cases and the catalog (a typed map per enum, so the unit test sees
// every key and a new enum value fails the type check until it has a label).
import type { CaseStatus, Decision, MaterialState, TaskStatus, Warning } from '@/api/caseTypes'
import type { Channel, Delivery, ItemKind, LifeEvent, Requirement, Subject } from '@/api/catalogTypes'

export const CASE_STATUS_LABEL: Record<CaseStatus, string> = {
  submitted: 'caseStatus.submitted',
  returned: 'caseStatus.returned',
  refused: 'caseStatus.refused',
  in_review: 'caseStatus.in_review',
  suspended: 'caseStatus.suspended',
  approved: 'caseStatus.approved',
  issued: 'caseStatus.issued',
  closed: 'caseStatus.closed',
  withdrawn: 'caseStatus.withdrawn',
  terminated: 'caseStatus.terminated',
}

export const WARNING_LABEL: Record<Warning, string> = {
  normal: 'warnings.normal',
  yellow: 'warnings.yellow',
  red: 'warnings.red',
  overdue: 'warnings.overdue',
}

export const MATERIAL_STATE_LABEL: Record<MaterialState, string> = {
  provided: 'materialStates.provided',
  from_vault: 'materialStates.from_vault',
  missing: 'materialStates.missing',
  deferred: 'materialStates.deferred',
  waived: 'materialStates.waived',
}

export const TASK_STATUS_LABEL: Record<TaskStatus, string> = {
  open: 'taskStatus.open',
  claimed: 'taskStatus.claimed',
  approved: 'taskStatus.approved',
  rejected: 'taskStatus.rejected',
  supplement_requested: 'taskStatus.supplement',
  cancelled: 'taskStatus.cancelled',
}

export const CHANNEL_LABEL: Record<Channel, string> = {
  window: 'channels.window',
  online: 'channels.online',
  kiosk: 'channels.kiosk',
  bank: 'channels.bank',
  mobile: 'channels.mobile',
}

export const DELIVERY_LABEL: Record<Delivery, string> = {
  window_pickup: 'deliveries.window_pickup',
  express: 'deliveries.express',
  download: 'deliveries.download',
}

export const REQUIREMENT_LABEL: Record<Requirement, string> = {
  required: 'requirements.required',
  conditional: 'requirements.conditional',
  optional: 'requirements.optional',
}

export const ITEM_KIND_LABEL: Record<ItemKind, string> = {
  licensing: 'itemKinds.licensing',
  confirmation: 'itemKinds.confirmation',
  public_service: 'itemKinds.public_service',
  payment: 'itemKinds.payment',
  registration: 'itemKinds.registration',
  other: 'itemKinds.other',
}

export const SUBJECT_LABEL: Record<Subject, string> = {
  person: 'subjects.person',
  enterprise: 'subjects.enterprise',
  both: 'subjects.both',
}

export const LIFE_EVENT_LABEL: Record<LifeEvent, string> = {
  birth: 'lifeEvents.birth',
  education: 'lifeEvents.education',
  employment: 'lifeEvents.employment',
  marriage: 'lifeEvents.marriage',
  housing: 'lifeEvents.housing',
  business_startup: 'lifeEvents.business_startup',
  business_operation: 'lifeEvents.business_operation',
  construction: 'lifeEvents.construction',
  retirement: 'lifeEvents.retirement',
  social_security: 'lifeEvents.social_security',
  health: 'lifeEvents.health',
  transport: 'lifeEvents.transport',
  agriculture: 'lifeEvents.agriculture',
  death: 'lifeEvents.death',
}

export const DECISION_LABEL: Record<Decision, string> = {
  approve: 'decisions.approve',
  reject: 'decisions.reject',
  supplement: 'decisions.supplement',
}

/** What happens when a one-time notice is not acted on in time (the server's `consequence`). */
export const CONSEQUENCE_LABEL: Record<string, string> = {
  terminate: 'caseCommon.consequenceTerminate',
}
