// One real server (fresh database, demo city) and one Chromium per test file, started before its
// first test and stopped after its last. `server` and `browser` are live bindings: import them and
// call `useSuite()` at the top of the file.
import { after, before } from 'node:test'
import { startServer } from './server.mjs'
import { launch } from './browser.mjs'

export let server = null
export let browser = null

/** Registers the file's before/after hooks. `options` go to startServer (e.g. `{ clock }`);
 *  `ready()` runs once both are up (set-up through the API, say). */
export function useSuite(options = {}, ready) {
  before(async () => {
    server = await startServer(options)
    browser = await launch()
    await ready?.()
  })
  after(async () => {
    await browser?.close()
    await server?.stop()
  })
}
