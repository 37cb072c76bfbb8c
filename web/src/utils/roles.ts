import type { Role } from '@/api/types'

/** i18n keys of each role's name and of the paragraph that says what it does. */
export const ROLE_LABEL: Record<Role, string> = {
  citizen: 'roles.citizen',
  enterprise: 'roles.enterprise',
  window_clerk: 'roles.window_clerk',
  reviewer: 'roles.reviewer',
  bank_clerk: 'roles.bank_clerk',
  policy_officer: 'roles.policy_officer',
  trading_officer: 'roles.trading_officer',
  supervisor: 'roles.supervisor',
  admin: 'roles.admin',
}

export const ROLE_DESCRIPTION: Record<Role, string> = {
  citizen: 'roleDesc.citizen',
  enterprise: 'roleDesc.enterprise',
  window_clerk: 'roleDesc.window_clerk',
  reviewer: 'roleDesc.reviewer',
  bank_clerk: 'roleDesc.bank_clerk',
  policy_officer: 'roleDesc.policy_officer',
  trading_officer: 'roleDesc.trading_officer',
  supervisor: 'roleDesc.supervisor',
  admin: 'roleDesc.admin',
}
