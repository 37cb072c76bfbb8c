import type { OrgUnit } from '@/api/types'

/** Units in depth-first tree order (children sorted by code), each with its depth. */
export function flattenUnits(units: readonly OrgUnit[]): { unit: OrgUnit; depth: number }[] {
  const children = new Map<number | null, OrgUnit[]>()
  const ids = new Set(units.map((u) => u.id))
  for (const u of units) {
    const key = u.parent_id != null && ids.has(u.parent_id) ? u.parent_id : null
    const list = children.get(key) ?? []
    list.push(u)
    children.set(key, list)
  }
  const out: { unit: OrgUnit; depth: number }[] = []
  const walk = (parent: number | null, depth: number) => {
    const list = (children.get(parent) ?? []).slice().sort((a, b) => a.code.localeCompare(b.code))
    for (const u of list) {
      out.push({ unit: u, depth })
      walk(u.id, depth + 1)
    }
  }
  walk(null, 0)
  return out
}
