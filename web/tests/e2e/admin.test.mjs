// Administrator work: creating a user and an org unit, with the server's validation errors shown
// next to the field they concern.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { choose, fieldError, login, newPage } from './helpers/browser.mjs'
import { browser, server, useSuite } from './helpers/suite.mjs'

useSuite()

test('admin creates a user; a weak password is refused at the password field', async () => {
  const page = await newPage(browser, server.baseURL)
  await login(page, 'admin')
  await page.locator('aside').getByRole('link', { name: '用户管理' }).click()
  await page.getByTestId('users-table').locator('tbody tr[data-username="admin"]').waitFor()

  await page.getByTestId('new-user').click()
  const dialog = page.getByRole('dialog', { name: '新建用户' })
  await dialog.waitFor()
  await dialog.getByLabel('账号').fill('e2e_clerk')
  await dialog.getByLabel('姓名').fill('测试窗口员')
  await dialog.getByLabel('初始密码').fill('1')
  await dialog.locator('label.el-checkbox', { hasText: '综合窗口人员' }).click()
  const units = await (await page.request.get('/api/v1/org/units')).json()
  const city = units.units.find((u) => u.parent_id === null)
  await choose(page, 'user-org', city.name_zh)
  await page.getByTestId('user-save').click()

  const pwError = fieldError(page, 'user-password')
  await pwError.waitFor()
  assert.ok((await pwError.innerText()).trim().length > 0, 'an error message is shown at the password field')
  assert.equal((await (await page.request.get('/api/v1/users?q=e2e_clerk')).json()).users.length, 0, 'nothing stored')

  await dialog.getByLabel('初始密码').fill('Window-Clerk-2026')
  await page.getByTestId('user-save').click()
  await dialog.waitFor({ state: 'hidden' })
  const row = page.locator('[data-testid="users-table"] tr[data-username="e2e_clerk"]')
  await row.waitFor()
  assert.match(await row.innerText(), /测试窗口员/)
  assert.match(await row.innerText(), /综合窗口人员/)
  assert.match(await row.innerText(), new RegExp(city.name_zh))

  const stored = (await (await page.request.get('/api/v1/users?q=e2e_clerk')).json()).users
  assert.equal(stored.length, 1)
  assert.deepEqual(stored[0].roles, ['window_clerk'])
  assert.equal(stored[0].org_unit_id, city.id)

  // filter by role
  await choose(page, 'filter-role', '监督人员')
  await page.locator('[data-testid="users-table"] tr[data-username="supervisor"]').waitFor()
  await row.waitFor({ state: 'detached' })

  // edit: disable the new user
  await choose(page, 'filter-role', '综合窗口人员')
  await row.waitFor()
  await row.getByTestId('edit-user').click()
  const edit = page.getByRole('dialog', { name: /编辑用户/ })
  await edit.waitFor()
  await edit.getByLabel('姓名').fill('测试窗口员（停用）')
  await edit.locator('.el-switch', { has: page.locator('#user-disabled') }).click()
  assert.equal(await page.locator('#user-disabled').getAttribute('aria-checked'), 'true')
  await page.getByTestId('user-save').click()
  await edit.waitFor({ state: 'hidden' })
  await row.getByText('已停用').waitFor()
  await row.getByText('测试窗口员（停用）').waitFor()
  assert.deepEqual(page.jsErrors, [])
  await page.context().close()
})

test('admin creates an org unit; a bad code is refused at the code field', async () => {
  const page = await newPage(browser, server.baseURL)
  await login(page, 'admin')
  await page.locator('aside').getByRole('link', { name: '组织机构' }).click()
  const tree = page.getByTestId('org-tree')
  await tree.locator('[role="treeitem"]').first().waitFor()
  const units = (await (await page.request.get('/api/v1/org/units')).json()).units
  const city = units.find((u) => u.parent_id === null)
  await page.getByTestId('unit-detail').getByRole('heading', { name: city.name_zh }).waitFor()

  // the tree works from the keyboard: Tab reaches it, ↓ moves, Enter selects
  const firstDistrict = units.filter((u) => u.parent_id === city.id).sort((a, b) => a.code.localeCompare(b.code))[0]
  await tree.locator('[role="treeitem"][tabindex="0"]').focus()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  await page.getByTestId('unit-detail').getByRole('heading', { name: firstDistrict.name_zh }).waitFor()
  await tree.locator('[role="treeitem"]').first().focus()
  await page.keyboard.press('Enter')
  await page.getByTestId('unit-detail').getByRole('heading', { name: city.name_zh }).waitFor()

  // a second window on the org page, which must pick up the new unit by itself (org.changed)
  const watcher = await page.context().newPage()
  await watcher.goto('/admin/org')
  await watcher.getByTestId('org-tree').locator('[role="treeitem"]').first().waitFor()
  await watcher.waitForTimeout(300) // let the live socket connect

  await page.getByTestId('new-unit').click()
  const dialog = page.getByRole('dialog', { name: '新增机构' })
  await dialog.waitFor()
  await dialog.getByLabel('代码').fill('not a code!')
  await dialog.getByLabel('中文名称').fill('测试新区')
  await dialog.getByLabel('英文名称').fill('Test New District')
  await page.getByTestId('unit-save').click()
  const codeError = fieldError(page, 'unit-code')
  await codeError.waitFor()
  assert.ok((await codeError.innerText()).trim().length > 0)

  await dialog.getByLabel('代码').fill('440799')
  await page.getByTestId('unit-save').click()
  await dialog.waitFor({ state: 'hidden' })
  await tree.getByText('测试新区').waitFor()
  await page.getByTestId('unit-detail').getByRole('heading', { name: '测试新区' }).waitFor()
  const created = (await (await page.request.get('/api/v1/org/units')).json()).units.find((u) => u.code === '440799')
  assert.ok(created, 'unit stored')
  assert.equal(created.parent_id, city.id)
  assert.equal(created.level, 'district')
  await assert.doesNotReject(
    watcher.getByTestId('org-tree').getByText('测试新区').waitFor({ timeout: 8000 }),
    'the other org page did not show the new unit after org.changed',
  )

  // and a department in it
  await page.getByTestId('new-dept').click()
  const dept = page.getByRole('dialog', { name: '新增部门' })
  await dept.getByLabel('代码').fill('e2e')
  await dept.getByLabel('中文名称').fill('测试局')
  await dept.getByLabel('英文名称').fill('Test Bureau')
  await page.getByTestId('dept-save').click()
  await dept.waitFor({ state: 'hidden' })
  await page.getByTestId('depts-table').getByText('测试局').waitFor()

  // and a service point (a district has service centres): a taken code is refused at the field
  await page.getByTestId('new-point').click()
  const point = page.getByTestId('point-dialog')
  await point.getByLabel('代码').fill('JM-SC')
  await point.getByLabel('中文名称').fill('测试新区行政服务中心')
  await point.getByLabel('英文名称').fill('Test New District Service Centre')
  await page.getByTestId('sp-save').click()
  const pointCodeError = fieldError(page, 'sp-code')
  await pointCodeError.waitFor()
  assert.match(await pointCodeError.innerText(), /已存在/)
  await point.getByLabel('代码').fill('TEST-SC')
  await page.getByTestId('sp-save').click()
  await point.waitFor({ state: 'hidden' })
  await page.getByTestId('points-table').getByText('测试新区行政服务中心').waitFor()
  const points = (await (await page.request.get(`/api/v1/org/service-points?org_unit_id=${created.id}`)).json()).service_points
  assert.equal(points.length, 1)
  assert.equal(points[0].code, 'TEST-SC')
  assert.equal(points[0].kind, 'service_centre')
  assert.deepEqual(page.jsErrors, [])
  await page.context().close()
})
