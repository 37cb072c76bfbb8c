// The pieces of an online application that are not about the screen: which fields go on which
// page, how typed answers become the JSON the server checks, and which page a server error
// belongs to.
import type { FormField, Item, Material } from '@/api/catalogTypes'
import type { VaultDocument } from '@/api/caseTypes'
import type { FieldInput } from './useDraftStore'

/** The pages of an application, in order. */
export type StepId = 'start' | `form-${number}` | 'materials' | 'delivery' | 'check' | 'done'

/**
 * One thing per page: a long text alone, otherwise up to three fields in their catalog order
 * (catalogs list related fields together: a name and its ID number, an account and a phone).
 */
export function formPages(fields: readonly FormField[]): FormField[][] {
  const pages: FormField[][] = []
  let page: FormField[] = []
  for (const f of fields) {
    if (f.type === 'textarea') {
      if (page.length) pages.push(page)
      pages.push([f])
      page = []
      continue
    }
    page.push(f)
    if (page.length === 3) {
      pages.push(page)
      page = []
    }
  }
  if (page.length) pages.push(page)
  return pages
}

/** The steps of an item's application, from "before you start" to the confirmation. */
export function stepsOf(item: Item): StepId[] {
  const steps: StepId[] = ['start']
  formPages(item.form).forEach((_, i) => steps.push(`form-${i + 1}`))
  if (item.materials.length) steps.push('materials')
  steps.push('delivery', 'check', 'done')
  return steps
}

export function isEmpty(v: FieldInput | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '')
}

/**
 * The form as the server takes it: text trimmed, whole numbers as JSON numbers, yes/no as
 * booleans; empty answers left out. A number that does not parse goes as typed, so the server's
 * answer ("must be a whole number") lands at the field.
 */
export function formPayload(fields: readonly FormField[], values: Record<string, FieldInput>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const f of fields) {
    const v = values[f.key]
    if (isEmpty(v)) continue
    if (f.type === 'boolean') {
      out[f.key] = v === true || v === 'true'
    } else if (f.type === 'integer') {
      const s = String(v).trim()
      out[f.key] = /^-?\d+$/.test(s) ? Number(s) : s
    } else if (f.type === 'textarea') {
      out[f.key] = String(v)
    } else {
      out[f.key] = String(v).trim()
    }
  }
  return out
}

/** Fields the server may name (error.field) and the page that shows each. */
export function stepOfField(field: string, item: Item): StepId | null {
  if (field.startsWith('form.')) {
    const key = field.slice(5)
    const idx = formPages(item.form).findIndex((p) => p.some((f) => f.key === key))
    return idx >= 0 ? `form-${idx + 1}` : null
  }
  if (field === 'materials' || field.startsWith('materials.') || field === 'vault_consent') {
    return item.materials.length ? 'materials' : null
  }
  if (field === 'delivery' || field === 'delivery_address' || field === 'service_point') return 'delivery'
  return null
}

/** The applicant's valid vault document that can stand in for a material, if any. */
export function vaultDocFor(m: Material, vault: readonly VaultDocument[]): VaultDocument | undefined {
  if (!m.document_type) return undefined
  return vault.find((d) => d.document_type === m.document_type && d.valid)
}

/** A fresh Idempotency-Key for one submission attempt. */
export function newAttemptKey(): string {
  const c = globalThis.crypto
  if (c && typeof c.randomUUID === 'function') return c.randomUUID()
  const bytes = new Uint8Array(16)
  c.getRandomValues(bytes)
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}
