// Starts the real onewindow server for a test file: fresh database in a temp dir, port 0,
// demo data, serving web/dist. Binary: $ONEWINDOW_BIN, default ../build/onewindow (from web/).
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, openSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const WEB_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
export const DEMO_PASSWORD = 'onewindow-demo'

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

/**
 * `clock`: an instant ("2020-09-07T01:00:00Z") the server takes as now, read from a file that
 * `setClock` rewrites — deadlines, warnings and timers without waiting. Without it, real time.
 * Note that sessions expire when the clock jumps past their idle limit: sign in again after.
 */
export async function startServer({ clock } = {}) {
  const bin = resolve(WEB_DIR, process.env.ONEWINDOW_BIN || '../build/onewindow')
  if (!existsSync(bin)) throw new Error(`server binary not found: ${bin} (build it, or set ONEWINDOW_BIN)`)
  // $OW_WEB_DIST: another build of the front end (e.g. one per person working at once).
  const webRoot = process.env.OW_WEB_DIST ? resolve(process.env.OW_WEB_DIST) : join(WEB_DIR, 'dist')
  if (!existsSync(join(webRoot, 'index.html'))) throw new Error(`${webRoot}/index.html missing: run npm run build first`)
  const dir = mkdtempSync(join(tmpdir(), 'ow-e2e-'))
  const portFile = join(dir, 'port')
  const logPath = join(dir, 'server.log')
  const log = openSync(logPath, 'a')
  const clockFile = join(dir, 'clock')
  const setClock = (instant) => writeFileSync(clockFile, instant + '\n')
  const extra = []
  if (clock) {
    setClock(clock)
    extra.push('--clock-file', clockFile)
  }
  const child = spawn(
    bin,
    ['serve', '--db', join(dir, 'ow.db'), '--listen', '127.0.0.1:0', '--port-file', portFile, '--demo', '--web-root', webRoot, ...extra],
    { env: { ...process.env, ONEWINDOW_DEMO_PASSWORD: DEMO_PASSWORD }, stdio: ['ignore', log, log] },
  )
  let exited = null
  child.on('exit', (code, signal) => (exited = { code, signal }))

  const serverLog = () => (existsSync(logPath) ? readFileSync(logPath, 'utf8').split('\n').slice(-20).join('\n') : '')
  const stop = async () => {
    if (exited === null) {
      child.kill('SIGTERM')
      for (let i = 0; i < 50 && exited === null; i++) await sleep(100)
      if (exited === null) child.kill('SIGKILL')
    }
    rmSync(dir, { recursive: true, force: true })
  }

  const deadline = Date.now() + 30_000
  let port = ''
  try {
    while (Date.now() < deadline) {
      if (exited) throw new Error(`server exited (${JSON.stringify(exited)}):\n${serverLog()}`)
      if (existsSync(portFile)) {
        port = readFileSync(portFile, 'utf8').trim()
        if (port) break
      }
      await sleep(100)
    }
    if (!port) throw new Error(`no port file within 30 s:\n${serverLog()}`)
    const baseURL = `http://127.0.0.1:${port}`
    while (Date.now() < deadline) {
      if (exited) throw new Error(`server exited (${JSON.stringify(exited)}):\n${serverLog()}`)
      try {
        const res = await fetch(`${baseURL}/healthz`)
        if (res.status === 200) return { baseURL, stop, serverLog, setClock }
      } catch {
        // not listening yet
      }
      await sleep(100)
    }
    throw new Error(`/healthz not 200 within 30 s:\n${serverLog()}`)
  } catch (e) {
    await stop()
    throw e
  }
}
