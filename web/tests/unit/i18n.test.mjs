// Translations are complete: both locales have the same keys, no message is empty, the message
// placeholders agree, and every key the code uses exists. Keys used in src/ are found in
// t('…') / $t('…') calls and in object properties whose value is a key ({ labelKey: 'nav.home' },
// { citizen: 'roles.citizen' }); keys built at run time are not allowed, so this finds them all.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const WEB = join(dirname(fileURLToPath(import.meta.url)), '../..')
const SRC = join(WEB, 'src')
const LOCALES_DIR = join(SRC, 'i18n/locales')

function flatten(obj, prefix = '', out = new Map()) {
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k
    if (v !== null && typeof v === 'object') flatten(v, key, out)
    else out.set(key, v)
  }
  return out
}

// locales/<locale>.json (shared) and locales/<feature>/<locale>.json, merged per locale; a
// top-level key may be defined by one file only.
const localeFiles = new Map() // locale -> [{ file, messages }]
function addLocaleFile(file) {
  const locale = file.split('/').pop().replace(/\.json$/, '')
  const list = localeFiles.get(locale) ?? []
  list.push({ file: relative(LOCALES_DIR, file), messages: JSON.parse(readFileSync(file, 'utf8')) })
  localeFiles.set(locale, list)
}
for (const name of readdirSync(LOCALES_DIR)) {
  const p = join(LOCALES_DIR, name)
  if (statSync(p).isDirectory()) {
    for (const f of readdirSync(p)) if (f.endsWith('.json')) addLocaleFile(join(p, f))
  } else if (name.endsWith('.json')) {
    addLocaleFile(p)
  }
}
const locales = Object.fromEntries(
  [...localeFiles.entries()].map(([locale, files]) => [
    locale,
    flatten(Object.assign({}, ...files.map((f) => f.messages))),
  ]),
)

function sourceFiles(dir) {
  const out = []
  for (const name of readdirSync(dir)) {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p))
    else if (/\.(ts|vue)$/.test(name)) out.push(p)
  }
  return out
}

/** Every literal key the code uses, with where it is used. */
function usedKeys() {
  const namespaces = new Set([...locales['zh-CN'].keys()].map((k) => k.split('.')[0]))
  const used = new Map()
  const add = (key, where) => used.set(key, [...(used.get(key) ?? []), where])
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8')
    const rel = relative(WEB, file)
    for (const m of text.matchAll(/(?<![\w.])\$?t\(\s*(['"`])([^'"`]+)\1/g)) {
      if (m[1] === '`' && m[2].includes('${')) assert.fail(`${rel}: dynamic i18n key t(\`${m[2]}\`); use a key map instead`)
      add(m[2], rel)
    }
    for (const m of text.matchAll(/\b\w+\s*:\s*'([A-Za-z]+(?:\.[\w]+)+)'/g)) {
      if (namespaces.has(m[1].split('.')[0])) add(m[1], rel)
    }
  }
  return used
}

const placeholders = (msg) => [...String(msg).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

test('zh-CN and en exist', () => {
  assert.ok(locales['zh-CN'], 'zh-CN.json')
  assert.ok(locales.en, 'en.json')
})

test('each top-level key is defined by one file', () => {
  for (const [locale, files] of localeFiles) {
    const owner = new Map()
    for (const { file, messages } of files) {
      for (const key of Object.keys(messages)) {
        assert.ok(!owner.has(key), `${locale}: "${key}" defined in ${owner.get(key)} and ${file}`)
        owner.set(key, file)
      }
    }
  }
})

test('every key exists in every locale', () => {
  const names = Object.keys(locales)
  for (const a of names) {
    for (const b of names) {
      if (a === b) continue
      const missing = [...locales[a].keys()].filter((k) => !locales[b].has(k))
      assert.deepEqual(missing, [], `keys in ${a} but not in ${b}`)
    }
  }
})

test('no message is empty, and placeholders agree between locales', () => {
  for (const [name, msgs] of Object.entries(locales)) {
    for (const [k, v] of msgs) {
      assert.equal(typeof v, 'string', `${name}: ${k} is not a string`)
      assert.ok(v.trim().length > 0, `${name}: ${k} is empty`)
    }
  }
  for (const [k, v] of locales['zh-CN']) {
    assert.deepEqual(placeholders(locales.en.get(k)), placeholders(v), `placeholders of ${k} differ`)
  }
})

test('English messages contain no Chinese text', () => {
  const han = /[\u4e00-\u9fff]/
  const untranslated = []
  for (const [k, v] of locales.en) {
    if (han.test(v)) untranslated.push(`en ${k}: ${v}`)
  }
  assert.deepEqual(untranslated, [], 'English messages containing Chinese text')
})

test('every key used in src/ exists in every locale', () => {
  const used = usedKeys()
  assert.ok(used.size > 100, `found only ${used.size} keys in src/: is the scanner broken?`)
  for (const [name, msgs] of Object.entries(locales)) {
    const missing = [...used.entries()].filter(([k]) => !msgs.has(k)).map(([k, w]) => `${k} (${w[0]})`)
    assert.deepEqual(missing, [], `keys used in src/ but missing in ${name}`)
  }
})

test('the scanner catches a missing key', () => {
  // Guard against a scanner that silently finds nothing: a known key is found, a bogus one is not.
  const used = usedKeys()
  assert.ok(used.has('nav.home'), 'nav.home (from the nav table) found')
  assert.ok(used.has('roles.citizen'), 'roles.citizen (from the role label map) found')
  assert.ok(used.has('login.submit'), 'login.submit (from a template) found')
  assert.ok(!locales['zh-CN'].has('no.such.key'))
})
