// The navigation table: one row per page in the side navigation. `roles` says who sees it
// ('*' = everyone logged in); the router also refuses the route to anyone else.
// To add a page: add its route in router/index.ts, a row here, and the labelKey in both locales.
import type { Component } from 'vue'
import { Calendar, House, OfficeBuilding, Setting, User, UserFilled } from '@element-plus/icons-vue'
import type { Role } from '@/api/types'

export interface NavEntry {
  /** Route path, as in router/index.ts. */
  route: string
  /** i18n key of the label. */
  labelKey: string
  /** Roles that may open the page; '*' = any logged-in user. */
  roles: readonly Role[] | '*'
  icon: Component
  /** Heading under which the entry is grouped. */
  groupKey?: string
}

export const NAV: readonly NavEntry[] = [
  { route: '/', labelKey: 'nav.home', roles: '*', icon: House },
  { route: '/calendar', labelKey: 'nav.calendar', roles: '*', icon: Calendar },
  { route: '/account', labelKey: 'nav.account', roles: '*', icon: User },
  { route: '/admin/org', labelKey: 'nav.adminOrg', roles: ['admin'], icon: OfficeBuilding, groupKey: 'nav.groupAdmin' },
  { route: '/admin/users', labelKey: 'nav.adminUsers', roles: ['admin'], icon: UserFilled, groupKey: 'nav.groupAdmin' },
  { route: '/admin/calendar', labelKey: 'nav.adminCalendar', roles: ['admin'], icon: Setting, groupKey: 'nav.groupAdmin' },
]

export function mayUse(entry: Pick<NavEntry, 'roles'>, roles: readonly Role[]): boolean {
  return entry.roles === '*' || roles.some((r) => (entry.roles as readonly Role[]).includes(r))
}

/** The entries the given roles may see, in table order. */
export function navFor(roles: readonly Role[]): NavEntry[] {
  return NAV.filter((e) => mayUse(e, roles))
}

/** The roles allowed on a route path, from the table ('*' when the path is not in it). */
export function rolesFor(route: string): readonly Role[] | '*' {
  return NAV.find((e) => e.route === route)?.roles ?? '*'
}
