// vue-i18n set-up: zh-CN first, English complete. The chosen locale lives in localStorage, drives
// <html lang>, the page title, Element Plus's own texts and the Accept-Language header.
//
// Messages: locales/zh-CN.json and en.json hold what every page shares; each feature keeps its own
// in locales/<feature>/zh-CN.json and en.json, under top-level keys of its own (the unit test
// refuses two files defining the same top-level key).
import { createI18n } from 'vue-i18n'
import zhCN from './locales/zh-CN.json'
import en from './locales/en.json'

type Messages = Record<string, unknown>
const features = import.meta.glob<Messages>('./locales/*/*.json', { eager: true, import: 'default' })

function withFeatures(base: Messages, locale: string): Messages {
  const out: Messages = { ...base }
  for (const [path, messages] of Object.entries(features)) {
    if (path.endsWith(`/${locale}.json`)) Object.assign(out, messages)
  }
  return out
}

export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'zh-CN'
const STORAGE_KEY = 'onewindow.locale'

function storedLocale(): Locale {
  try {
    const v = localStorage.getItem(STORAGE_KEY)
    if (v && (LOCALES as readonly string[]).includes(v)) return v as Locale
  } catch {
    // storage unavailable (privacy mode): fall back to the default
  }
  return DEFAULT_LOCALE
}

export const i18n = createI18n({
  legacy: false,
  globalInjection: true,
  locale: storedLocale(),
  fallbackLocale: DEFAULT_LOCALE,
  messages: { 'zh-CN': withFeatures(zhCN, 'zh-CN'), en: withFeatures(en, 'en') } as {
    'zh-CN': typeof zhCN
    en: typeof zhCN
  },
  missingWarn: import.meta.env.DEV,
  fallbackWarn: import.meta.env.DEV,
})

export function currentLocale(): Locale {
  return i18n.global.locale.value as Locale
}

function applyDocument(locale: Locale): void {
  document.documentElement.lang = locale === 'zh-CN' ? 'zh-CN' : 'en'
  document.title = i18n.global.t('app.name')
}

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale
  try {
    localStorage.setItem(STORAGE_KEY, locale)
  } catch {
    // not persisted; the choice still holds for this page
  }
  applyDocument(locale)
}

applyDocument(currentLocale())
