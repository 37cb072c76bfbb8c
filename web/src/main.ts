import { createApp } from 'vue'
import { createPinia } from 'pinia'
import 'element-plus/dist/index.css'
import './styles/theme.css'
import './styles/base.css'
import App from './App.vue'
import { configureApi } from './api/client'
import { currentLocale, i18n } from './i18n'
import { router } from './router'
import { useSessionStore } from './stores/session'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
app.use(i18n)
app.use(router)

configureApi({
  language: () => currentLocale(),
  fallbackMessage: (status) =>
    status === 0 ? i18n.global.t('app.networkError') : i18n.global.t('app.httpError', { status }),
  onUnauthorized: () => {
    const session = useSessionStore(pinia)
    const wasIn = session.loggedIn
    session.lost()
    const here = router.currentRoute.value
    if (wasIn || !here.meta.public) {
      void router.replace({ name: 'login', query: here.meta.public ? {} : { redirect: here.fullPath } })
    }
  },
})

app.mount('#app')
