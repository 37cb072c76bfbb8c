// axe-core on the main pages: no serious or critical WCAG violations. (CSP is bypassed here only
// because axe is injected as an inline script; the other tests run under the server's CSP.)
import { test } from 'node:test'
import { assertAccessible, login, newPage } from './helpers/browser.mjs'
import { browser, server, useSuite } from './helpers/suite.mjs'

useSuite()

test('login page, in both languages', async () => {
  const page = await newPage(browser, server.baseURL, { bypassCSP: true })
  await page.goto('/login')
  await page.getByTestId('login-submit').waitFor()
  await assertAccessible(page, 'login (zh-CN)')
  await page.getByRole('button', { name: 'English' }).click()
  await page.getByRole('heading', { name: 'Log in' }).waitFor()
  await assertAccessible(page, 'login (en)')
  // with an error showing
  await page.getByTestId('login-username').fill('admin')
  await page.getByTestId('login-password').fill('wrong')
  await page.getByTestId('login-submit').click()
  await page.getByTestId('login-error').waitFor()
  await assertAccessible(page, 'login with error')
  await page.context().close()
})

test('pages of a logged-in administrator', async () => {
  const page = await newPage(browser, server.baseURL, { bypassCSP: true })
  await login(page, 'admin')
  await assertAccessible(page, 'home')

  await page.goto('/calendar')
  await page.locator('td[data-kind]').first().waitFor()
  await assertAccessible(page, 'calendar')

  await page.goto('/account')
  await page.getByTestId('pw-submit').waitFor()
  await assertAccessible(page, 'account')

  await page.goto('/admin/org')
  await page.getByTestId('unit-detail').waitFor()
  await assertAccessible(page, 'admin/org')

  await page.goto('/admin/users')
  await page.locator('[data-testid="users-table"] tbody tr[data-username]').first().waitFor()
  await assertAccessible(page, 'admin/users')
  await page.getByTestId('new-user').click()
  await page.getByRole('dialog').waitFor()
  await page.waitForTimeout(600) // let the opening animation end: axe reads colours mid-fade
  await assertAccessible(page, 'admin/users new-user dialog')
  await page.keyboard.press('Escape')

  await page.goto('/admin/calendar')
  await page.locator('[data-testid="years-table"] tbody tr').first().waitFor()
  await assertAccessible(page, 'admin/calendar')
  await page.context().close()
})

test('phone layout with the menu open', async () => {
  const page = await newPage(browser, server.baseURL, { viewport: { width: 375, height: 812 }, bypassCSP: true })
  await login(page, 'citizen')
  await assertAccessible(page, 'home on a phone')
  await page.getByTestId('menu-button').click()
  await page.getByRole('dialog').waitFor()
  await page.waitForTimeout(600) // let the drawer finish sliding in
  await assertAccessible(page, 'nav drawer on a phone')
  await page.context().close()
})
