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

/** A page anyone may open, signed in or not (the service guide). */
const publicPage = (path: string, component: RouteRecordRaw['component'], titleKey: string): RouteRecordRaw => ({
  path,
  component: component!,
  meta: { public: true, titleKey },
})

const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: LoginView, meta: { public: true, titleKey: 'login.title' } },
  // The kiosk's welcome: full screen, outside the app frame; opening it makes this device a kiosk.
  {
    path: '/kiosk',
    name: 'kiosk',
    component: () => import('@/views/kiosk/KioskView.vue'),
    meta: { public: true, titleKey: 'kiosk.title' },
  },
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
      publicPage('/guide', () => import('@/views/guide/GuideView.vue'), 'nav.guide'),
      publicPage('/guide/:code', () => import('@/views/guide/ItemGuideView.vue'), 'guide.itemTitle'),
      page('/apply/:code', () => import('@/views/citizen/ApplyView.vue'), 'apply.title'),
      page('/my/cases', () => import('@/views/citizen/MyCasesView.vue'), 'nav.myCases'),
      page('/my/cases/:id', () => import('@/views/citizen/MyCaseView.vue'), 'myCase.title'),
      page('/my/documents', () => import('@/views/citizen/MyDocumentsView.vue'), 'nav.myDocuments'),
      page('/my/licenses/:number', () => import('@/views/citizen/MyLicenseView.vue'), 'myLicense.title'),
      publicPage('/verify', () => import('@/views/licenses/VerifyView.vue'), 'nav.verify'),
      page('/inbox', () => import('@/views/notices/NoticesView.vue'), 'nav.inbox'),
      page('/licenses', () => import('@/views/licenses/LicenseRegisterView.vue'), 'nav.licenses'),
      page('/licenses/:number', () => import('@/views/licenses/LicenseManageView.vue'), 'licenseManage.title'),
      page('/admin/licenses/keys', () => import('@/views/admin/LicenseKeysView.vue'), 'nav.adminLicenseKeys'),
      page('/admin/outbox', () => import('@/views/admin/OutboxView.vue'), 'nav.adminOutbox'),
      page('/admin/notice-templates', () => import('@/views/admin/NoticeTemplatesView.vue'), 'nav.adminNoticeTemplates'),
      page('/window', () => import('@/views/window/WindowView.vue'), 'nav.window'),
      page('/window/cases/:id', () => import('@/views/window/WindowCaseView.vue'), 'windowCase.title'),
      page('/bank', () => import('@/views/bank/BankView.vue'), 'nav.bank'),
      page('/bank/cases/:id', () => import('@/views/bank/BankCaseView.vue'), 'bankCase.title'),
      page('/review', () => import('@/views/review/InboxView.vue'), 'nav.review'),
      page('/review/tasks/:id', () => import('@/views/review/TaskView.vue'), 'reviewTask.title'),
      page('/admin/catalog', () => import('@/views/admin/CatalogView.vue'), 'nav.adminCatalog'),
      page('/admin/catalog/:code', () => import('@/views/admin/ItemEditView.vue'), 'itemEdit.title'),
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
