// Set-up through the API, for what is not the point of a browser test (a case to review, a user
// to sign in as): a client signed in as a demo user with a bearer token.
import { DEMO_PASSWORD } from './server.mjs'

export const PDF_BYTES = Buffer.from('%PDF-1.4\n% e2e test\n')

/**
 * `await apiAs(server.baseURL, 'window_clerk')` → { get, post, put, upload }. Each call returns
 * the parsed body and throws, naming the route and the server's answer, on any non-2xx status.
 */
export async function apiAs(baseURL, username, password = DEMO_PASSWORD) {
  const res = await fetch(`${baseURL}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`)
  const { token } = await res.json()
  const call = async (method, path, body, contentType = 'application/json') => {
    const r = await fetch(`${baseURL}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': contentType },
      body: body === undefined ? undefined : contentType === 'application/json' ? JSON.stringify(body) : body,
    })
    const text = await r.text()
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text}`)
    return text ? JSON.parse(text) : null
  }
  return {
    get: (path) => call('GET', path),
    post: (path, body = {}) => call('POST', path, body),
    put: (path, body) => call('PUT', path, body),
    /** Uploads a small PDF; returns the stored file's id. */
    upload: async () => (await call('POST', '/api/v1/files', PDF_BYTES, 'application/pdf')).id,
  }
}
