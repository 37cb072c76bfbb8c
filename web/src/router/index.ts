// History-mode routes. The server falls back to index.html for any path that is not a file,
// /api or /ws, so deep links work. Who may open a page comes from the nav table (nav/nav.ts).
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import type { Role } from '@/api/types'
import { rolesFor } from '@/nav/nav'
import { useSessionStore } from '@/stores/session'
import AppLayout from '@/layouts/AppLayout.vue'
import LoginView from '@/views/LoginView.vue'

declare module 'vue-router' {
  interface RouteMeta {
    /** Open without login (the login page). */
    public?: boolean
    /** Roles that may open the page; '*' or absent = any logged-in user. */
    roles?: readonly Role[] | '*'
    /** i18n key of the page title (document title and heading). */
    titleKey?: string
  }
}

const page = (path: string, component: RouteRecordRaw['component'], titleKey: string): RouteRecordRaw => ({
  path,
  component: component!,
  meta: { roles: rolesFor(path), titleKey },
})

const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: LoginView, meta: { public: true, titleKey: 'login.title' } },
  {
    path: '/',
    component: AppLayout,
    children: [
      page('/', () => import('@/views/HomeView.vue'), 'nav.home'),
      page('/calendar', () => import('@/views/CalendarView.vue'), 'nav.calendar'),
      page('/account', () => import('@/views/AccountView.vue'), 'nav.account'),
      page('/admin/org', () => import('@/views/admin/OrgView.vue'), 'nav.adminOrg'),
      page('/admin/users', () => import('@/views/admin/UsersView.vue'), 'nav.adminUsers'),
      page('/admin/calendar', () => import('@/views/admin/CalendarAdminView.vue'), 'nav.adminCalendar'),
      {
        path: '/forbidden',
        name: 'forbidden',
        component: () => import('@/views/ForbiddenView.vue'),
        meta: { titleKey: 'errors.forbiddenTitle' },
      },
      {
        path: '/:pathMatch(.*)*',
        name: 'not-found',
        component: () => import('@/views/NotFoundView.vue'),
        meta: { titleKey: 'errors.notFoundTitle' },
      },
    ],
  },
]

export const router = createRouter({
  history: createWebHistory(),
  routes,
  scrollBehavior: () => ({ top: 0 }),
})

router.beforeEach(async (to) => {
  const session = useSessionStore()
  if (!session.checked) {
    try {
      await session.refresh()
    } catch {
      // server unreachable: treat as logged out; the login page shows the error on submit
      session.setMe(null)
    }
  }
  if (to.meta.public) {
    return session.loggedIn && to.name === 'login' ? { path: '/' } : true
  }
  if (!session.loggedIn) {
    return to.fullPath === '/' ? { name: 'login' } : { name: 'login', query: { redirect: to.fullPath } }
  }
  const roles = to.meta.roles ?? '*'
  if (!session.hasAnyRole(roles)) return { name: 'forbidden' }
  return true
})
