import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { ApiError } from './lib/api.ts';
import { LangProvider, useLang } from './lib/i18n.tsx';
import { SessionProvider } from './lib/session.tsx';
import './styles.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // a refusal (4xx) will not change by asking again; a network or server error may
      retry: (count, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
    },
  },
});

/**
 * A user who asked the system for less motion gets none: antd's opening, closing and sliding
 * animations are turned off (they also make a click during the animation miss its target).
 */
const reducedMotion =
  typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/** antd and dayjs follow the chosen language: vi_VN by default, en_US on the switch. */
function Localised() {
  const { lang } = useLang();
  useEffect(() => {
    dayjs.locale(lang === 'en' ? 'en' : 'vi');
    document.documentElement.lang = lang;
  }, [lang]);
  return (
    <ConfigProvider
      locale={lang === 'en' ? enUS : viVN}
      theme={{
        token: {
          colorPrimary: '#b71c1c',
          motion: !reducedMotion,
          borderRadius: 6,
          fontFamily: "-apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif",
        },
      }}
    >
      <AntApp>
        <SessionProvider>
          <App />
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('#root missing');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <LangProvider>
        <Localised />
      </LangProvider>
    </QueryClientProvider>
  </StrictMode>,
);
