// The service catalog's JSON (docs/catalog-format.md on the server side).
import type { Named, OrgLevel } from './types'

export const ITEM_KINDS = ['licensing', 'confirmation', 'public_service', 'payment', 'registration', 'other'] as const
export type ItemKind = (typeof ITEM_KINDS)[number]

export const SUBJECTS = ['person', 'enterprise', 'both'] as const
export type Subject = (typeof SUBJECTS)[number]

export const CHANNELS = ['window', 'online', 'kiosk', 'bank', 'mobile'] as const
export type Channel = (typeof CHANNELS)[number]

export const LIFE_EVENTS = [
  'birth',
  'education',
  'employment',
  'marriage',
  'housing',
  'business_startup',
  'business_operation',
  'construction',
  'retirement',
  'social_security',
  'health',
  'transport',
  'agriculture',
  'death',
] as const
export type LifeEvent = (typeof LIFE_EVENTS)[number]

export const DELIVERIES = ['window_pickup', 'express', 'download'] as const
export type Delivery = (typeof DELIVERIES)[number]

export const FORM_FIELD_TYPES = [
  'text',
  'textarea',
  'integer',
  'money',
  'date',
  'boolean',
  'select',
  'id_number',
  'credit_code',
  'phone',
  'email',
] as const
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number]

export const REQUIREMENTS = ['required', 'conditional', 'optional'] as const
export type Requirement = (typeof REQUIREMENTS)[number]

export interface Fee extends Named {
  /** Yuan as a decimal string, e.g. "10.00". */
  amount: string
  basis: string
}

export interface ItemResult {
  type: 'license' | 'document'
  document_type?: string
  name_zh?: string
  name_en?: string
}

export interface FormOption {
  value: string
  label_zh: string
  label_en: string
}

export interface FormField {
  key: string
  label_zh: string
  label_en: string
  type: FormFieldType
  required: boolean
  max_length?: number
  min?: number
  max?: number
  options?: FormOption[]
  help_zh?: string
  help_en?: string
}

export interface Material extends Named {
  code: string
  legal_basis: string
  requirement: Requirement
  condition_zh?: string
  condition_en?: string
  deferrable: boolean
  document_type?: string
  copies?: number
}

export interface Stage extends Named {
  limit_days: number
  /** Department codes, reviewing in parallel. */
  departments: string[]
}

/** What an item and an item in the list both say about it. */
interface ItemBase extends Named {
  code: string
  department: string
  kind: ItemKind
  subject: Subject
  levels: OrgLevel[]
  channels: Channel[]
  life_events: LifeEvent[]
  statutory_limit_days: number
  promised_limit_days: number
  max_visits: number
  deficiency_tolerant: boolean
  fully_online: boolean
  instant_approval: boolean
}

/** An item, all of it (GET /api/v1/items/{code}; PUT takes the same without `version`). */
export interface Item extends ItemBase {
  version?: number
  acceptance_conditions_zh?: string
  acceptance_conditions_en?: string
  review_requirements_zh?: string
  review_requirements_en?: string
  fees: Fee[]
  legal_basis: string
  result: ItemResult
  delivery: Delivery[]
  form: FormField[]
  materials: Material[]
  workflow: Stage[]
}

/** An item in the guide's list (GET /api/v1/items). */
export interface ItemSummary extends ItemBase {
  version: number
  /** Counts: materials asked for, of which the vault can supply, of which may come later. */
  materials: number
  materials_from_vault: number
  materials_deferrable: number
  stages: number
}

export interface ItemVersionInfo {
  version: number
  created_at: string
  created_by: number | null
}

export interface BundleMaterial extends Material {
  /** The items of the bundle that ask for it. */
  items?: string[]
}

export interface Bundle extends Named {
  code: string
  items: string[]
  life_events: LifeEvent[]
  materials?: BundleMaterial[]
}

export interface DocumentType extends Named {
  code: string
  kind: 'document' | 'license'
  validity_days: number
}

export interface ItemFilter {
  department?: string
  level?: OrgLevel | ''
  channel?: Channel | ''
  life_event?: LifeEvent | ''
  subject?: 'person' | 'enterprise' | ''
  kind?: ItemKind | ''
  q?: string
  deficiency_tolerant?: boolean
  fully_online?: boolean
}

/** The whole catalog as a file (import / export). */
export interface CatalogFile {
  format: string
  document_types: DocumentType[]
  items: Item[]
  bundles: Bundle[]
}
