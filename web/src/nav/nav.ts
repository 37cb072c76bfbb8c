// The navigation table: one row per page in the side navigation. `roles` says who sees it
// ('*' = everyone logged in); the router also refuses the route to anyone else.
// To add a page: add its route in router/index.ts, a row here, and the labelKey in both locales.
import type { Component } from 'vue'
import {
  Bell,
  Calendar,
  CircleCheck,
  Key,
  Message,
  Postcard,
  Tickets,
  Collection,
  Document,
  FolderOpened,
  House,
  Notebook,
  OfficeBuilding,
  Reading,
  Setting,
  Shop,
  Stamp,
  User,
  UserFilled,
} from '@element-plus/icons-vue'
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
  /** Shown to visitors who have not signed in (the page is public). */
  public?: true
}

export const NAV: readonly NavEntry[] = [
  { route: '/', labelKey: 'nav.home', roles: '*', icon: House },
  { route: '/guide', labelKey: 'nav.guide', roles: '*', icon: Reading, public: true },
  { route: '/verify', labelKey: 'nav.verify', roles: '*', icon: CircleCheck, public: true },
  { route: '/inbox', labelKey: 'nav.inbox', roles: '*', icon: Bell },
  { route: '/my/cases', labelKey: 'nav.myCases', roles: ['citizen', 'enterprise'], icon: Document },
  { route: '/my/documents', labelKey: 'nav.myDocuments', roles: ['citizen', 'enterprise'], icon: FolderOpened },
  { route: '/window', labelKey: 'nav.window', roles: ['window_clerk'], icon: Stamp },
  { route: '/bank', labelKey: 'nav.bank', roles: ['bank_clerk'], icon: Shop },
  { route: '/review', labelKey: 'nav.review', roles: ['reviewer'], icon: Notebook },
  { route: '/licenses', labelKey: 'nav.licenses', roles: ['reviewer', 'admin'], icon: Postcard },
  { route: '/calendar', labelKey: 'nav.calendar', roles: '*', icon: Calendar },
  { route: '/account', labelKey: 'nav.account', roles: '*', icon: User },
  { route: '/admin/org', labelKey: 'nav.adminOrg', roles: ['admin'], icon: OfficeBuilding, groupKey: 'nav.groupAdmin' },
  { route: '/admin/users', labelKey: 'nav.adminUsers', roles: ['admin'], icon: UserFilled, groupKey: 'nav.groupAdmin' },
  { route: '/admin/calendar', labelKey: 'nav.adminCalendar', roles: ['admin'], icon: Setting, groupKey: 'nav.groupAdmin' },
  { route: '/admin/catalog', labelKey: 'nav.adminCatalog', roles: ['admin'], icon: Collection, groupKey: 'nav.groupAdmin' },
  { route: '/admin/notice-templates', labelKey: 'nav.adminNoticeTemplates', roles: ['admin'], icon: Tickets, groupKey: 'nav.groupAdmin' },
  { route: '/admin/outbox', labelKey: 'nav.adminOutbox', roles: ['admin'], icon: Message, groupKey: 'nav.groupAdmin' },
  { route: '/admin/licenses/keys', labelKey: 'nav.adminLicenseKeys', roles: ['admin'], icon: Key, groupKey: 'nav.groupAdmin' },
]

/** Pages reached from others (not in the navigation), with who may open them. */
export const SUBPAGE_ROLES: Readonly<Record<string, readonly Role[] | '*'>> = {
  '/apply/:code': ['citizen', 'enterprise'],
  '/my/cases/:id': ['citizen', 'enterprise'],
  '/my/licenses/:number': ['citizen', 'enterprise'],
  '/licenses/:number': ['reviewer', 'admin'],
  '/window/cases/:id': ['window_clerk'],
  '/bank/cases/:id': ['bank_clerk'],
  '/review/tasks/:id': ['reviewer'],
  '/admin/catalog/:code': ['admin'],
}

export function mayUse(entry: Pick<NavEntry, 'roles'>, roles: readonly Role[]): boolean {
  return entry.roles === '*' || roles.some((r) => (entry.roles as readonly Role[]).includes(r))
}

/** The entries the given roles may see, in table order; a visitor not signed in sees the public ones. */
export function navFor(roles: readonly Role[], signedIn = true): NavEntry[] {
  return NAV.filter((e) => (signedIn ? mayUse(e, roles) : e.public === true))
}

/** The roles allowed on a route path, from the table ('*' when the path is not in it). */
export function rolesFor(route: string): readonly Role[] | '*' {
  return NAV.find((e) => e.route === route)?.roles ?? SUBPAGE_ROLES[route] ?? '*'
}
