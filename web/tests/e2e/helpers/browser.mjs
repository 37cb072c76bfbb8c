// Debian's Chromium driven by playwright-core, and the small steps every scenario shares.
import assert from 'node:assert/strict'
import { createRequire } from 'node:module'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { DEMO_PASSWORD, WEB_DIR } from './server.mjs'

const require = createRequire(import.meta.url)

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-quic',
      '--no-first-run',
      '--disable-sync',
    ],
  })
}

/**
 * A fresh context (own cookies and localStorage) and page. `page.jsErrors` collects uncaught
 * errors and Content-Security-Policy refusals. `bypassCSP` is only for injecting axe-core.
 */
export async function newPage(browser, baseURL, { viewport = { width: 1366, height: 900 }, locale, bypassCSP = false } = {}) {
  const context = await browser.newContext({ baseURL, viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', bypassCSP })
  if (locale) {
    await context.addInitScript((l) => {
      if (!sessionStorage.getItem('ow-test-init')) {
        localStorage.setItem('onewindow.locale', l)
        sessionStorage.setItem('ow-test-init', '1')
      }
    }, locale)
  }
  context.setDefaultTimeout(10_000)
  const page = await context.newPage()
  const errors = []
  page.on('pageerror', (e) => errors.push(String(e)))
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) errors.push(m.text())
  })
  page.jsErrors = errors
  return page
}

/** Types the credentials into the login form and submits, as a person would. */
export async function fillLogin(page, username, password = DEMO_PASSWORD) {
  await page.getByTestId('login-username').fill(username)
  await page.getByTestId('login-password').fill(password)
  await page.getByTestId('login-submit').click()
}

/** Logs in through the login page and waits for the home page. */
export async function login(page, username, password = DEMO_PASSWORD) {
  await page.goto('/login')
  await fillLogin(page, username, password)
  await page.getByTestId('welcome').waitFor()
}

/** The routes in the side navigation, in order. */
export async function navRoutes(page) {
  const nav = page.locator('aside [data-testid="side-nav"]')
  await nav.waitFor()
  return nav.locator('a[data-nav]').evaluateAll((as) => as.map((a) => a.getAttribute('data-nav')))
}

/** Runs axe-core on the page; fails on serious or critical violations. */
export async function assertAccessible(page, what) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') })
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] })
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ') + ' :: ' + n.failureSummary),
    }))
  })
  const bad = result.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  assert.deepEqual(bad, [], `${what}: serious/critical accessibility violations:\n${JSON.stringify(bad, null, 2)}`)
  return result
}

export { DEMO_PASSWORD }

/** Saves a full-page screenshot as a test artifact: web/test-results/screens/<name>.png. */
export async function screenshot(page, name) {
  const dir = join(WEB_DIR, 'test-results', 'screens')
  mkdirSync(dir, { recursive: true })
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true })
}

/** The error Element Plus shows under the form item holding the input with this id. */
export const fieldError = (page, inputId) =>
  page.locator('.el-form-item', { has: page.locator(`#${inputId}`) }).locator('.el-form-item__error')

/** The page does not scroll sideways (a phone's 375 px); names the widest offenders if it does. */
export async function assertNoSideScroll(page, what) {
  const { scroll, width, wide } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
    wide: [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && !el.closest('.ow-table-wrap'))
      .slice(0, 5)
      .map((el) => `${el.tagName}.${el.className}`),
  }))
  assert.ok(scroll <= width + 1, `${what}: the page scrolls sideways at ${width}px (${scroll}px wide: ${wide.join(', ')})`)
}

/** Opens an Element Plus select (by its input id), picks the option with this text, and waits
 *  until the list has closed (axe would see it while it fades out). */
export async function choose(page, inputId, text) {
  await page.locator('.el-select__wrapper', { has: page.locator(`#${inputId}`) }).click()
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: text }).first().click()
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.el-select__popper')].every((e) => getComputedStyle(e).display === 'none'),
  )
}

/** Waits until loading masks and CSS transitions are over (axe reads colours mid-fade otherwise). */
export const settle = (page) =>
  page.waitForFunction(
    () => !document.querySelector('.el-loading-mask') && document.getAnimations().every((a) => a.playState !== 'running'),
  )

/** axe on a page that has settled (see `settle`). */
export async function assertAccessibleSettled(page, what) {
  await settle(page)
  return assertAccessible(page, what)
}
