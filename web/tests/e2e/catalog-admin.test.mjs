// Catalog admin: the admin edits an item's stage limit and adds a department to a stage, saves it
// as a new version and sees it in the history (and in the public guide); a bad value is refused
// with the server's message next to the field; the catalog is exported and imported back.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { assertAccessible, choose, fieldError, login, newPage, screenshot } from './helpers/browser.mjs'
import { browser, server, useSuite } from './helpers/suite.mjs'

useSuite()

const getItem = async (page, code) => (await page.request.get(`/api/v1/items/${code}`)).json()

test('admin changes a stage limit and adds a department, saves a new version; a bad limit is refused at its field (zh)', async () => {
  const page = await newPage(browser, server.baseURL, { bypassCSP: true })
  await login(page, 'admin')
  await page.locator('aside').getByRole('link', { name: '事项目录管理' }).click()
  await page.locator('[data-testid="catalog-row"][data-code="HOUSING-010"]').waitFor()
  assert.ok((await page.getByTestId('catalog-row').count()) > 50, 'the whole catalog is listed')

  // search narrows the list
  await page.locator('#cat-q').pressSequentially('HOUSING-010', { delay: 20 })
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="catalog-row"]').length === 1)
  await choose(page, 'cat-dept', '住房和城乡建设局')
  assert.equal(await page.getByTestId('catalog-row').count(), 1)
  await assertAccessible(page, 'catalog list (zh)')
  await screenshot(page, 'catalog-list-zh')

  await page.getByTestId('catalog-edit-HOUSING-010').click()
  await page.waitForURL(/\/admin\/catalog\/HOUSING-010$/)
  await page.getByTestId('stage-0').waitFor()
  assert.match(await page.getByTestId('item-edit-version').innerText(), /当前为第 1 版/)
  assert.equal(await page.locator('#stage-0-limit').inputValue(), '10')

  // stage 1: 10 → 8 working days, and the housing bureau joins 发改局 and 自然资源局
  await page.locator('#stage-0-limit').fill('8')
  await page.locator('#stage-0-limit').press('Tab')
  await choose(page, 'stage-0-add', '住房和城乡建设局')
  await page.locator('[data-testid="stage-0-depts"] [data-dept="housing"]').waitFor()
  // and the emergency bureau leaves stage 3
  await page.getByTestId('stage-2-remove-emergency').click()
  await page.locator('[data-testid="stage-2-depts"] [data-dept="emergency"]').waitFor({ state: 'detached' })
  await page.getByTestId('item-edit-dirty').waitFor()
  await page.getByTestId('item-save').click()
  await page.locator('.el-message--success', { hasText: '已保存，当前为第 2 版' }).waitFor()
  assert.match(await page.getByTestId('item-edit-version').innerText(), /当前为第 2 版/)
  const v2 = page.locator('[data-testid="item-version"][data-version="2"]')
  await v2.waitFor()
  assert.match(await v2.innerText(), /现行/)
  assert.match(await v2.innerText(), /系统管理员/, 'who made it')

  const stored = await getItem(page, 'HOUSING-010')
  assert.equal(stored.version, 2)
  assert.equal(stored.workflow[0].limit_days, 8)
  assert.deepEqual(stored.workflow[0].departments, ['drc', 'nr', 'housing'])
  assert.deepEqual(stored.workflow[2].departments, ['housing'])

  // a bad value: stage 2's limit 0 → the server's message under that field, nothing stored
  await page.locator('#stage-1-limit').fill('0')
  await page.locator('#stage-1-limit').press('Tab')
  await page.getByTestId('item-save').click()
  const err = page.getByTestId('stage-1-limit-item').locator('.el-form-item__error')
  await err.waitFor()
  assert.match(await err.innerText(), /工作日数不合理/)
  await page.getByTestId('item-edit-error').waitFor()
  assert.equal((await getItem(page, 'HOUSING-010')).version, 2, 'nothing saved')
  await assertAccessible(page, 'item editor with an error (zh)')
  await screenshot(page, 'catalog-edit-error-zh')

  // too many days in all → the message at the workflow section
  await page.locator('#stage-1-limit').fill('30')
  await page.locator('#stage-1-limit').press('Tab')
  await page.getByTestId('item-save').click()
  await page.getByTestId('item-workflow-error').waitFor()
  assert.match(await page.getByTestId('item-workflow-error').innerText(), /承诺时限|承诺/)
  await err.waitFor({ state: 'detached' }) // the old message goes

  // the history loads version 1 into the editor
  page.once('dialog', () => {})
  await page.getByTestId('item-version-load-1').click()
  await page.locator('.el-message-box').getByRole('button', { name: '载入编辑' }).click()
  await page.waitForFunction(() => document.querySelector('#stage-0-limit')?.value === '10')
  assert.match(await page.getByTestId('item-edit-version').innerText(), /正在编辑第 1 版的内容/)

  // the public guide shows the new version
  await page.goto('/guide/HOUSING-010')
  await page.getByTestId('guide-stage').first().waitFor()
  assert.match(await page.getByTestId('guide-stage-limit').first().innerText(), /8 个工作日/)
  assert.match(await page.getByTestId('guide-stage-depts').first().innerText(), /住房和城乡建设局/)
  assert.deepEqual(page.jsErrors, [])
  await page.context().close()
})

test('admin makes a new item from a copy; a code already in the catalog is refused at its field', async () => {
  const page = await newPage(browser, server.baseURL)
  await login(page, 'admin')
  await page.goto('/admin/catalog/CIVIL-003')
  await page.getByTestId('stage-0').waitFor()
  await page.getByTestId('item-copy').click()
  const dialog = page.getByTestId('item-copy-dialog')
  await dialog.getByLabel('代码').fill('CIVIL-002')
  await page.getByTestId('item-copy-save').click()
  const err = fieldError(page, 'item-copy-code')
  await err.waitFor()
  assert.match(await err.innerText(), /CIVIL-002 已在目录中/)

  await dialog.getByLabel('代码').fill('CIVIL-099')
  await dialog.getByLabel('中文名称').fill('百岁老人长寿补贴申领')
  await dialog.getByLabel('英文名称').fill('Centenarian longevity allowance')
  await page.getByTestId('item-copy-save').click()
  await page.waitForURL(/\/admin\/catalog\/CIVIL-099$/)
  await page.getByTestId('stage-0').waitFor()
  assert.match(await page.getByTestId('item-edit-version').innerText(), /当前为第 1 版/)
  const copy = await getItem(page, 'CIVIL-099')
  const source = await getItem(page, 'CIVIL-003')
  assert.equal(copy.name_zh, '百岁老人长寿补贴申领')
  assert.deepEqual(copy.materials, source.materials)
  assert.deepEqual(copy.workflow, source.workflow)
  // It is in the public guide at once.
  await page.goto('/guide/CIVIL-099')
  assert.match(await page.getByTestId('guide-item-title').innerText(), /百岁老人长寿补贴申领/)
  assert.deepEqual(page.jsErrors, [])
  await page.context().close()
})

test('export then import round trip; a broken file is refused (en, and the phone layout)', async () => {
  const page = await newPage(browser, server.baseURL, { locale: 'en', bypassCSP: true })
  await login(page, 'admin')
  await page.goto('/admin/catalog')
  await page.locator('[data-testid="catalog-row"][data-code="CIVIL-003"]').waitFor()
  await page.getByRole('heading', { level: 1 }).waitFor()

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('catalog-export').click()])
  assert.match(download.suggestedFilename(), /^onewindow-catalog-\d{4}-\d{2}-\d{2}\.json$/)
  const file = JSON.parse(readFileSync(await download.path(), 'utf8'))
  assert.equal(file.format, 'onewindow-catalog/1')
  assert.ok(file.items.length > 50)
  assert.ok(file.bundles.some((b) => b.code === 'BUNDLE-STARTUP'))

  // change one item in the file, import it back
  const civil = file.items.find((i) => i.code === 'CIVIL-003')
  civil.name_en = 'Old-age allowance (80+), round trip'
  const buffer = Buffer.from(JSON.stringify(file))
  await page.getByTestId('catalog-import-file').setInputFiles({ name: 'catalog.json', mimeType: 'application/json', buffer })
  const dialog = page.getByRole('dialog', { name: 'Import the catalog?' })
  await dialog.waitFor()
  assert.match(await page.getByTestId('catalog-import-summary').innerText(), new RegExp(`${file.items.length} services`))
  // the dry run says what would change before anything does
  assert.match(await page.getByTestId('catalog-import-preview').innerText(), /update 1 and withdraw 0 items/)
  assert.match(await page.getByTestId('catalog-import-preview').innerText(), new RegExp(`${file.items.length - 1} stay`))
  await page.getByTestId('catalog-import-confirm').click()
  const report = page.getByTestId('catalog-import-report')
  await report.waitFor()
  assert.match(await report.innerText(), /1 updated/)
  assert.match(await report.innerText(), new RegExp(`${file.items.length - 1} unchanged`))
  const row = page.locator('[data-testid="catalog-row"][data-code="CIVIL-003"]')
  await page.waitForFunction(() => /round trip/.test(document.querySelector('[data-code="CIVIL-003"]')?.textContent ?? ''))
  assert.match(await row.getByTestId('catalog-row-version').innerText(), /Version 2/)
  assert.equal((await getItem(page, 'CIVIL-003')).name_en, 'Old-age allowance (80+), round trip')

  // a file the server refuses: its message is shown, nothing changes
  const bad = { ...file, format: 'something-else' }
  await page.getByTestId('catalog-import-file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) })
  await page.getByTestId('catalog-import-error').waitFor()
  assert.match(await page.getByTestId('catalog-import-error').innerText(), /bad\.json/)
  assert.match(await page.getByTestId('catalog-import-error').innerText(), /format/)
  await page.getByTestId('catalog-import-file').setInputFiles({ name: 'notjson.json', mimeType: 'application/json', buffer: Buffer.from('{ not json') })
  await page.waitForFunction(() => /not valid JSON/.test(document.querySelector('[data-testid="catalog-import-error"]')?.textContent ?? ''))
  await assertAccessible(page, 'catalog list (en)')
  await screenshot(page, 'catalog-list-en')

  // the editor in English, then both pages at 375 px
  await page.getByTestId('catalog-edit-CIVIL-003').click()
  await page.getByTestId('stage-0').waitFor()
  assert.match(await page.getByTestId('stage-0-limit-item').innerText(), /working days/)
  await assertAccessible(page, 'item editor (en)')
  await screenshot(page, 'catalog-edit-en')
  await page.setViewportSize({ width: 375, height: 812 })
  await page.waitForTimeout(200)
  let width = await page.evaluate(() => document.documentElement.scrollWidth)
  assert.ok(width <= 376, `the editor fits 375 px (scrollWidth ${width})`)
  await screenshot(page, 'catalog-edit-en-375')
  await page.getByTestId('item-edit-back').click()
  await page.locator('[data-testid="catalog-row"][data-code="CIVIL-003"]').waitFor()
  width = await page.evaluate(() => document.documentElement.scrollWidth)
  assert.ok(width <= 376, `the list fits 375 px (scrollWidth ${width})`)
  await screenshot(page, 'catalog-list-en-375')
  assert.deepEqual(page.jsErrors, [])
  await page.context().close()
})
