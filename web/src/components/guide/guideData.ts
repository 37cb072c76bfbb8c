// What the service guide and the catalog pages share: the reference lists (departments, org units,
// service points, document types) loaded once per page, department names by code, which service
// points can take an item, and the label keys of form field types.
import { shallowRef } from 'vue'
import type { Channel, DocumentType, FormFieldType, Item } from '@/api/catalogTypes'
import { listDocumentTypes } from '@/api/catalog'
import { listDepartments, listServicePoints, listUnits } from '@/api/org'
import type { Department, Named, OrgLevel, OrgUnit, ServicePoint, ServicePointKind } from '@/api/types'

export const FIELD_TYPE_LABEL: Record<FormFieldType, string> = {
  text: 'guide.fieldTypes.text',
  textarea: 'guide.fieldTypes.textarea',
  integer: 'guide.fieldTypes.integer',
  money: 'guide.fieldTypes.money',
  date: 'guide.fieldTypes.date',
  boolean: 'guide.fieldTypes.boolean',
  select: 'guide.fieldTypes.select',
  id_number: 'guide.fieldTypes.id_number',
  credit_code: 'guide.fieldTypes.credit_code',
  phone: 'guide.fieldTypes.phone',
  email: 'guide.fieldTypes.email',
}

/** The channel a kind of service point serves. */
export const POINT_CHANNEL: Record<ServicePointKind, Channel> = {
  service_centre: 'window',
  town_centre: 'window',
  village_point: 'window',
  bank_branch: 'bank',
  kiosk: 'kiosk',
}

export interface Reference {
  departments: Department[]
  units: OrgUnit[]
  points: ServicePoint[]
  documentTypes: DocumentType[]
}

/** Loads the lists a page asks for (all public), in parallel. */
export async function loadReference(
  want: { departments?: boolean; units?: boolean; points?: boolean; documentTypes?: boolean },
): Promise<Reference> {
  const [departments, units, points, documentTypes] = await Promise.all([
    want.departments ? listDepartments() : Promise.resolve([] as Department[]),
    want.units ? listUnits() : Promise.resolve([] as OrgUnit[]),
    want.points ? listServicePoints() : Promise.resolve([] as ServicePoint[]),
    want.documentTypes ? listDocumentTypes() : Promise.resolve([] as DocumentType[]),
  ])
  return { departments, units, points, documentTypes }
}

export function emptyReference() {
  return shallowRef<Reference>({ departments: [], units: [], points: [], documentTypes: [] })
}

/**
 * One department per code, for names and choices: the one at the top of the org tree (the city's
 * bureau) when there is one, else the first found. Sorted as the server lists them.
 */
export function departmentsByCode(departments: readonly Department[], units: readonly OrgUnit[]): Map<string, Department> {
  const rootIds = new Set(units.filter((u) => u.parent_id === null).map((u) => u.id))
  const out = new Map<string, Department>()
  for (const d of departments) {
    const have = out.get(d.code)
    if (!have || (!rootIds.has(have.org_unit_id ?? -1) && rootIds.has(d.org_unit_id ?? -1))) out.set(d.code, d)
  }
  return out
}

/** The unit and every unit above it, up to the city. */
function pathLevels(unitId: number, byId: Map<number, OrgUnit>): Set<OrgLevel> {
  const levels = new Set<OrgLevel>()
  let u = byId.get(unitId)
  for (let guard = 0; u && guard < 10; guard++) {
    levels.add(u.level)
    u = u.parent_id != null ? byId.get(u.parent_id) : undefined
  }
  return levels
}

/**
 * The active service points that can take the item: the point's kind serves one of the item's
 * channels, and its unit's level, or a level above it on the path to the city, is one of the item's.
 */
export function pointsForItem(
  item: Pick<Item, 'levels' | 'channels'>,
  points: readonly ServicePoint[],
  units: readonly OrgUnit[],
): ServicePoint[] {
  const byId = new Map(units.map((u) => [u.id, u]))
  return points.filter((p) => {
    if (!p.active || !item.channels.includes(POINT_CHANNEL[p.kind])) return false
    const levels = pathLevels(p.org_unit_id, byId)
    return item.levels.some((l) => levels.has(l))
  })
}

/** Case-insensitive match of text against a name pair and a code. */
export function matchesText(q: string, n: Named & { code: string }): boolean {
  const s = q.trim().toLowerCase()
  if (!s) return true
  return [n.code, n.name_zh, n.name_en].some((x) => x.toLowerCase().includes(s))
}
