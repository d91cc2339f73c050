import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';

/**
 * Vietnamese first, English second. Strings stand in pairs where they are used — `t('Kế hoạch', 'Plans')` —
 * so every page carries its own words and the Vietnamese is never a lookup away from the code.
 */
export type Lang = 'vi' | 'en';

interface LangContextValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (vi: string, en: string) => string;
}

const STORAGE_KEY = 'dondoc.lang';
const LangContext = createContext<LangContextValue | null>(null);

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    document.documentElement.lang = next;
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // private mode: the choice lasts for this page only
    }
  }, []);
  const value = useMemo<LangContextValue>(
    () => ({ lang, setLang, t: (vi, en) => (lang === 'en' ? en : vi) }),
    [lang, setLang],
  );
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export function useLang(): LangContextValue {
  const value = useContext(LangContext);
  if (!value) throw new Error('useLang outside LangProvider');
  return value;
}

/** The translation function alone: `const t = useT(); t('Lưu', 'Save')`. */
export function useT(): LangContextValue['t'] {
  return useLang().t;
}
