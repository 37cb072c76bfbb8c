// What a case waits for from its applicant: materials a department asked for (the clock is
// suspended), materials accepted under 容缺 that are still owed, and, for a returned application,
// the materials the one-time notice names; before acceptance, required materials left out.
import type { Case, CaseMaterial, Task } from '@/api/caseTypes'

export type OwedReason = 'requested' | 'deferred' | 'returned' | 'missing'

export interface OwedMaterial {
  code: string
  material: CaseMaterial | undefined
  reason: OwedReason
  /** The department's task that asked for it (requested). */
  task?: Task
  /** The notice's message about it (returned). */
  message?: string
  due: string | null
}

export function owedMaterials(c: Case): OwedMaterial[] {
  const out: OwedMaterial[] = []
  const seen = new Set<string>()
  const mat = (code: string) => c.materials.find((m) => m.requirement === code)
  const add = (o: OwedMaterial) => {
    if (seen.has(o.code)) return
    seen.add(o.code)
    out.push(o)
  }
  if (c.status === 'suspended' || c.status === 'in_review') {
    for (const tk of c.tasks) {
      if (tk.status !== 'supplement_requested') continue
      for (const code of tk.requested) add({ code, material: mat(code), reason: 'requested', task: tk, due: null })
    }
  }
  if (['in_review', 'suspended', 'approved'].includes(c.status)) {
    for (const m of c.materials) {
      if (m.state === 'deferred') add({ code: m.requirement, material: m, reason: 'deferred', due: m.due })
    }
  }
  if (c.status === 'submitted') {
    // Not yet accepted: a required material left out can still be added before the window checks.
    for (const m of c.materials) {
      if (m.state === 'missing' && m.kind === 'required') add({ code: m.requirement, material: m, reason: 'missing', due: null })
    }
  }
  if (c.status === 'returned') {
    const last = c.notices[c.notices.length - 1]
    for (const l of last?.lines ?? []) {
      if (l.subject.startsWith('form.') || !mat(l.subject)) continue
      add({ code: l.subject, material: mat(l.subject), reason: 'returned', message: l.message, due: l.due })
    }
  }
  return out
}

/** True when the case waits for something the applicant must do. */
export function needsApplicant(c: Case): boolean {
  return c.status === 'returned' || c.status === 'suspended' || owedMaterials(c).length > 0
}
