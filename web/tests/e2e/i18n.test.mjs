// Switching language: the text, <html lang>, the page title and the Accept-Language sent to the
// server follow the choice, which survives a reload.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { fillLogin, newPage } from './helpers/browser.mjs'
import { browser, server, useSuite } from './helpers/suite.mjs'

useSuite()

test('language switch changes the UI, html lang and Accept-Language, and persists', async () => {
  const page = await newPage(browser, server.baseURL)
  const apiLangs = []
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/api/')) apiLangs.push(r.headers()['accept-language'])
  })

  await page.goto('/login')
  await page.getByRole('heading', { name: '登录' }).waitFor()
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN')
  assert.match(await page.title(), /一网通办/)

  await page.getByRole('button', { name: 'English' }).click()
  await page.getByRole('heading', { name: 'Log in' }).waitFor()
  assert.equal(await page.locator('html').getAttribute('lang'), 'en')
  assert.match(await page.title(), /OneWindow/)
  assert.equal(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed'), 'true')

  await page.reload()
  await page.getByRole('heading', { name: 'Log in' }).waitFor()
  assert.equal(await page.locator('html').getAttribute('lang'), 'en')

  apiLangs.length = 0
  await fillLogin(page, 'admin')
  await page.getByTestId('welcome').waitFor()
  assert.match(await page.getByTestId('welcome').innerText(), /^Welcome/)
  const nav = page.locator('aside nav')
  await nav.getByRole('link', { name: 'Working-day calendar' }).waitFor()
  await nav.getByRole('link', { name: 'Users' }).waitFor()
  assert.match(await page.getByTestId('header-roles').innerText(), /Administrator/)
  assert.ok(apiLangs.length > 0, 'the login page talked to the API')
  assert.deepEqual([...new Set(apiLangs)], ['en'])

  // back to Chinese from the header
  apiLangs.length = 0
  await page.locator('header').getByRole('button', { name: '中文' }).click()
  await nav.getByRole('link', { name: '工作日日历' }).waitFor()
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN')
  assert.match(await page.getByTestId('welcome').innerText(), /^欢迎/)
  assert.match(await page.getByTestId('header-roles').innerText(), /系统管理员/)
  await nav.getByRole('link', { name: '用户管理' }).click()
  await page.getByTestId('users-table').locator('tbody tr').first().waitFor()
  assert.ok(apiLangs.length > 0)
  assert.deepEqual([...new Set(apiLangs)], ['zh-CN'])
  assert.deepEqual(page.jsErrors, [])
  await page.context().close()
})
