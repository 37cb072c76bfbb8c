// Items by code and version, fetched once per page load: a case is held to the version it was
// submitted under, and a version never changes, so a cached answer stays right.
import { getItem } from '@/api/catalog'
import type { Item } from '@/api/catalogTypes'
import type { Named } from '@/api/types'

const cache = new Map<string, Promise<Item>>()

export function itemVersion(code: string, version: number): Promise<Item> {
  const key = `${code}@${version}`
  let p = cache.get(key)
  if (!p) {
    p = getItem(code, version)
    cache.set(key, p)
    p.catch(() => cache.delete(key))
  }
  return p
}

/** A material's names in an item (the code itself when the item does not list it). */
export function materialNames(item: Item | null | undefined, code: string): Named {
  const m = item?.materials.find((x) => x.code === code)
  return m ? { name_zh: m.name_zh, name_en: m.name_en } : { name_zh: code, name_en: code }
}
