// "Save and return later" for an application: the draft (the page reached, the answers, the files
// already uploaded, the choices) lives in localStorage, one per user and item, and is removed once
// the application is submitted. A kiosk removes every draft when it signs its user out.

/** What the user typed for a form field: text as typed, a yes/no answer, or nothing yet. */
export type FieldInput = string | boolean | null

export interface DraftUpload {
  /** The stored file's id (POST /api/v1/files). */
  id: string
  /** The file's name as the user chose it. */
  name: string
}

export interface ApplyDraft {
  step: string
  form: Record<string, FieldInput>
  uploads: Record<string, DraftUpload>
  vaultConsent: boolean
  delivery: string
  address: string
  servicePoint: string
  /** When it was last saved (ISO instant). */
  savedAt: string
}

const PREFIX = 'onewindow.draft.'

export function draftKey(userId: number, code: string): string {
  return `${PREFIX}${userId}.${code}`
}

export function loadDraft(userId: number, code: string): ApplyDraft | null {
  try {
    const raw = localStorage.getItem(draftKey(userId, code))
    if (!raw) return null
    const d = JSON.parse(raw) as Partial<ApplyDraft>
    if (!d || typeof d !== 'object' || typeof d.step !== 'string') return null
    return {
      step: d.step,
      form: d.form && typeof d.form === 'object' ? d.form : {},
      uploads: d.uploads && typeof d.uploads === 'object' ? d.uploads : {},
      vaultConsent: d.vaultConsent === true,
      delivery: typeof d.delivery === 'string' ? d.delivery : '',
      address: typeof d.address === 'string' ? d.address : '',
      servicePoint: typeof d.servicePoint === 'string' ? d.servicePoint : '',
      savedAt: typeof d.savedAt === 'string' ? d.savedAt : '',
    }
  } catch {
    return null
  }
}

/** Saves the draft; false when the browser would not keep it (storage full or disabled). */
export function saveDraft(userId: number, code: string, draft: ApplyDraft): boolean {
  try {
    localStorage.setItem(draftKey(userId, code), JSON.stringify(draft))
    return true
  } catch {
    return false
  }
}

export function clearDraft(userId: number, code: string): void {
  try {
    localStorage.removeItem(draftKey(userId, code))
  } catch {
    // nothing kept, nothing to remove
  }
}

/** Removes every draft kept in this browser (a shared kiosk, when its user leaves). */
export function clearAllDrafts(): void {
  try {
    const keys: string[] = []
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i)
      if (k && k.startsWith(PREFIX)) keys.push(k)
    }
    for (const k of keys) localStorage.removeItem(k)
  } catch {
    // storage unavailable
  }
}
