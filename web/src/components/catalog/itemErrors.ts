// The server names the input a catalog error concerns as a path into the catalog file
// ("items[HOUSING-010].workflow[0].limit_days", sometimes without the items[…] prefix, e.g.
// "fees[0].amount"). The item editor shows the message at the input with that path (relative to
// the item); a path the editor does not show goes in the alert above the form.
import type { Item } from '@/api/catalogTypes'

/** The path relative to the item: "workflow[0].limit_days". */
export function itemPath(field: string): string {
  return field.replace(/^items\[[^\]]*\]\.?/, '')
}

const TOP = new Set([
  'name_zh', 'name_en', 'department', 'kind', 'subject', 'levels', 'channels', 'life_events',
  'statutory_limit_days', 'promised_limit_days', 'max_visits', 'acceptance_conditions_zh',
  'acceptance_conditions_en', 'review_requirements_zh', 'review_requirements_en', 'legal_basis',
  'delivery', 'deficiency_tolerant', 'fully_online', 'instant_approval', 'fees', 'materials',
  'workflow', 'result', 'result.type', 'result.document_type', 'result.name_zh', 'result.name_en',
])
const FEE = /^fees\[(\d+)\](?:\.(?:name_zh|name_en|amount|basis))?$/
const MATERIAL = /^materials\[([^\]]+)\](?:\.(?:code|name_zh|name_en|legal_basis|requirement|condition_zh|condition_en|deferrable|document_type|copies))?$/
const STAGE = /^workflow\[(\d+)\](?:\.(?:name_zh|name_en|limit_days|departments))?$/

/** Whether the editor shows an input (or a section) for this path of this item. */
export function shownPath(path: string, item: Item): boolean {
  if (TOP.has(path)) return true
  let m = FEE.exec(path)
  if (m) return Number(m[1]) < item.fees.length
  m = MATERIAL.exec(path)
  if (m) return item.materials.some((x, i) => x.code === m![1] || String(i) === m![1])
  m = STAGE.exec(path)
  if (m) return Number(m[1]) < item.workflow.length
  return false
}

/** The error path of a material: the server names materials by code. */
export function materialPath(item: Item, index: number): string {
  return `materials[${item.materials[index]?.code || index}]`
}

/** A copy of the item as the server takes it: empty optional fields left out. */
export function itemForSave(item: Item): Item {
  const copy = JSON.parse(JSON.stringify(item)) as Item
  for (const m of copy.materials) {
    if (!m.document_type) delete m.document_type
    if (m.requirement !== 'conditional') {
      if (!m.condition_zh) delete m.condition_zh
      if (!m.condition_en) delete m.condition_en
    }
  }
  if (copy.result.type === 'license') {
    delete copy.result.name_zh
    delete copy.result.name_en
  } else {
    delete copy.result.document_type
  }
  return copy
}
