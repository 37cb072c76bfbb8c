// Logging in as every demo role, the nav each role gets, wrong passwords in both languages,
// logging out, and server errors on the change-password form.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { fillLogin, login, navRoutes, newPage } from './helpers/browser.mjs'
import { browser, server, useSuite } from './helpers/suite.mjs'

// The side navigation each role gets, in the nav table's order.
const PAGES_OF = {
  citizen: ['/my/cases', '/my/documents'],
  enterprise: ['/my/cases', '/my/documents'],
  window_clerk: ['/window'],
  bank_clerk: ['/bank'],
  reviewer: ['/review', '/licenses'],
  admin: ['/licenses'],
}
const navOf = (role) => [
  '/',
  '/guide',
  '/verify',
  '/inbox',
  ...(PAGES_OF[role] ?? []),
  '/calendar',
  '/account',
  ...(role === 'admin'
    ? ['/admin/org', '/admin/users', '/admin/calendar', '/admin/catalog', '/admin/notice-templates', '/admin/outbox', '/admin/licenses/keys']
    : []),
]
const ROLE_NAMES_ZH = {
  admin: '系统管理员',
  citizen: '自然人',
  enterprise: '企业（法人）',
  window_clerk: '综合窗口人员',
  bank_clerk: '政银通办柜员',
  policy_officer: '政策兑现专员',
  trading_officer: '三资交易专员',
  supervisor: '监督人员',
  reviewer: '部门审批人员',
}

useSuite()

describe('each demo role', () => {
  for (const role of Object.keys(ROLE_NAMES_ZH)) {
    test(`${role} sees exactly its pages and itself in the header`, async () => {
      const page = await newPage(browser, server.baseURL)
      await login(page, role)
      assert.deepEqual(await navRoutes(page), navOf(role))

      const me = await (await page.request.get('/api/v1/me')).json()
      assert.deepEqual(me.roles, [role], 'demo account has the one role')
      assert.equal((await page.getByTestId('header-name').innerText()).trim(), me.display_name)
      assert.match(await page.getByTestId('header-roles').innerText(), new RegExp(ROLE_NAMES_ZH[role].replace(/[()（）]/g, '.')))
      if (me.org_unit) {
        assert.match(await page.getByTestId('header-org').innerText(), new RegExp(me.org_unit.name_zh))
      }
      // the home page says what the role does
      await page.locator(`[data-role="${role}"] h3`).getByText(ROLE_NAMES_ZH[role]).waitFor()

      if (role !== 'admin') {
        // typing an admin URL does not open the page
        await page.goto('/admin/users')
        await page.getByRole('heading', { name: '无权访问' }).waitFor()
        assert.equal(await page.getByTestId('users-table').count(), 0)
      }
      assert.deepEqual(page.jsErrors, [])
      await page.context().close()
    })
  }
})

test('wrong password shows the server error in the chosen language', async () => {
  const page = await newPage(browser, server.baseURL)
  await page.goto('/login')
  await fillLogin(page, 'admin', 'not-the-password')
  const zh = (await page.getByTestId('login-error').innerText()).trim()
  assert.match(zh, /[\u4e00-\u9fff]/, `Chinese error expected, got "${zh}"`)
  assert.equal(new URL(page.url()).pathname, '/login')

  await page.getByRole('button', { name: 'English' }).click()
  await fillLogin(page, 'admin', 'still-wrong')
  await page.getByTestId('login-error').getByText(/[A-Za-z]{3,}/).waitFor()
  const en = (await page.getByTestId('login-error').innerText()).trim()
  assert.doesNotMatch(en, /[\u4e00-\u9fff]/, `English error expected, got "${en}"`)
  assert.notEqual(en, zh)
  await page.context().close()
})

test('logging out returns to the login page and ends the session', async () => {
  const page = await newPage(browser, server.baseURL)
  await login(page, 'citizen')
  assert.equal((await page.request.get('/api/v1/me')).status(), 200)
  await page.getByTestId('logout').click()
  await page.getByTestId('login-submit').waitFor()
  assert.equal(new URL(page.url()).pathname, '/login')
  assert.equal((await page.request.get('/api/v1/me')).status(), 401)
  // going back to a page needs a new login
  await page.goto('/calendar')
  await page.getByTestId('login-submit').waitFor()
  await page.context().close()
})

test('change password: a wrong current password is reported at that field', async () => {
  const page = await newPage(browser, server.baseURL)
  await login(page, 'supervisor')
  await page.locator('aside').getByRole('link', { name: '我的账户' }).click()
  await page.getByTestId('pw-current').fill('definitely-wrong-1')
  await page.getByTestId('pw-new').fill('NewPassw0rd-2026')
  await page.getByTestId('pw-confirm').fill('NewPassw0rd-2026')
  await page.getByTestId('pw-submit').click()
  const item = page.locator('.el-form-item', { has: page.getByTestId('pw-current') })
  await item.locator('.el-form-item__error').waitFor()
  assert.ok((await item.locator('.el-form-item__error').innerText()).trim().length > 0)
  // still logged in, still on the page
  assert.equal(new URL(page.url()).pathname, '/account')
  assert.equal((await page.request.get('/api/v1/me')).status(), 200)

  // mismatching confirmation is caught before sending
  await page.getByTestId('pw-current').fill('onewindow-demo')
  await page.getByTestId('pw-confirm').fill('something-else')
  await page.getByTestId('pw-submit').click()
  await page.getByText('两次输入的新密码不一致').waitFor()
  await page.context().close()
})
