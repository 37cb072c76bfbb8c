// The one place that talks HTTP to the server: same-origin cookie auth, Accept-Language on every
// call, JSON bodies, and the server's error envelope turned into an ApiError.

export interface ApiErrorBody {
  code: string
  message: string
  field: string
}

/** A failed API call. `message` is the server's localized text; `field` names the input it concerns. */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly field: string

  constructor(status: number, body: ApiErrorBody) {
    super(body.message)
    this.name = 'ApiError'
    this.status = status
    this.code = body.code
    this.field = body.field ?? ''
  }
}

type Hooks = {
  /** The language the user reads, sent as Accept-Language. */
  language: () => string
  /** Called on a 401 from any call except those made with `allowUnauthorized`. */
  onUnauthorized: () => void
  /** Text for failures that carry no server message (network down, non-JSON answer). */
  fallbackMessage: (status: number) => string
}

let hooks: Hooks = {
  language: () => 'zh-CN',
  onUnauthorized: () => {},
  fallbackMessage: (status) => `HTTP ${status}`,
}

export function configureApi(h: Hooks): void {
  hooks = h
}

export interface RequestOptions {
  /** Don't treat 401 as "session gone" (login itself, logout, and the /me probe). */
  allowUnauthorized?: boolean
  /** Sent as Idempotency-Key: a retry of the same POST gets the first answer, changes nothing. */
  idempotencyKey?: string
  /** A raw body (an uploaded file) sent as is, instead of JSON. */
  raw?: { body: Blob; contentType: string; name?: string }
}

export async function request<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': hooks.language(),
  }
  const init: RequestInit = { method, headers, credentials: 'same-origin' }
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey
  if (options.raw) {
    headers['Content-Type'] = options.raw.contentType
    // Percent-encoded: a header cannot carry a Chinese file name as is.
    if (options.raw.name) headers['X-File-Name'] = encodeURIComponent(options.raw.name)
    init.body = options.raw.body
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json'
    init.body = JSON.stringify(body)
  }
  let res: Response
  try {
    res = await fetch(path, init)
  } catch {
    throw new ApiError(0, { code: 'network_error', message: hooks.fallbackMessage(0), field: '' })
  }
  if (res.status === 204) return undefined as T
  const text = await res.text()
  let data: unknown = undefined
  if (text) {
    try {
      data = JSON.parse(text)
    } catch {
      data = undefined
    }
  }
  if (!res.ok) {
    const err = (data as { error?: ApiErrorBody } | undefined)?.error
    // A 401 that names a field (wrong current password) is a form error, not a lost session.
    if (res.status === 401 && !options.allowUnauthorized && !err?.field) hooks.onUnauthorized()
    if (err && typeof err.message === 'string') throw new ApiError(res.status, err)
    throw new ApiError(res.status, {
      code: 'http_' + res.status,
      message: hooks.fallbackMessage(res.status),
      field: '',
    })
  }
  return data as T
}

/** Builds a query string from the defined, non-empty values. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v))
  }
  const s = q.toString()
  return s ? '?' + s : ''
}
