import { query, request } from './client'
import type {
  Bundle,
  CatalogFile,
  DocumentType,
  Item,
  ItemFilter,
  ItemSummary,
  ItemVersionInfo,
} from './catalogTypes'

export const listItems = (f: ItemFilter = {}) =>
  request<{ items: ItemSummary[] }>(
    'GET',
    '/api/v1/items' +
      query({
        department: f.department,
        level: f.level,
        channel: f.channel,
        life_event: f.life_event,
        subject: f.subject,
        kind: f.kind,
        q: f.q?.trim(),
        deficiency_tolerant: f.deficiency_tolerant ? 'true' : undefined,
        fully_online: f.fully_online ? 'true' : undefined,
      }),
  ).then((r) => r.items)

/** One item: the current version, or a given one. */
export const getItem = (code: string, version?: number) =>
  request<Item>('GET', `/api/v1/items/${encodeURIComponent(code)}` + query({ version }))

export const itemVersions = (code: string) =>
  request<{ versions: ItemVersionInfo[] }>('GET', `/api/v1/items/${encodeURIComponent(code)}/versions`).then(
    (r) => r.versions,
  )

/** Adds or changes an item; a changed item gets a new version (open cases keep theirs). */
export const putItem = (item: Item) => {
  const { version: _version, ...body } = item
  return request<Item>('PUT', `/api/v1/items/${encodeURIComponent(item.code)}`, body)
}

export const listBundles = () => request<{ bundles: Bundle[] }>('GET', '/api/v1/bundles').then((r) => r.bundles)
export const getBundle = (code: string) => request<Bundle>('GET', `/api/v1/bundles/${encodeURIComponent(code)}`)

export const listDocumentTypes = () =>
  request<{ document_types: DocumentType[] }>('GET', '/api/v1/document-types').then((r) => r.document_types)

export interface ImportReport {
  dry_run: boolean
  added: number
  updated: number
  unchanged: number
  deactivated: number
}
/** Makes the file the catalog (or, with dryRun, only checks it and says what would change). */
export const importCatalog = (file: CatalogFile, dryRun: boolean) =>
  request<ImportReport>('POST', '/api/v1/catalog/import' + query({ dry_run: dryRun ? 'true' : undefined }), file)

export const exportCatalog = () => request<CatalogFile>('GET', '/api/v1/catalog/export')
