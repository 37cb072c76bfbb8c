// A confirmation handed from the task page to the inbox after a decision: the task page sets it
// just before returning, the inbox takes it (shows it once, and a screen reader hears it).
// It carries data, not text, so it follows a change of language.
import type { Decision } from '@/api/caseTypes'
import type { Named } from '@/api/types'

export interface ReviewFlash {
  decision: Decision
  caseId: string
  taskId: number
  item: Named | null
  /** With a supplement request: the materials asked for. */
  requested: Named[]
}

let pending: ReviewFlash | null = null

export function setReviewFlash(f: ReviewFlash): void {
  pending = f
}

/** The confirmation waiting to be shown, if any; taking it clears it. */
export function takeReviewFlash(): ReviewFlash | null {
  const f = pending
  pending = null
  return f
}
