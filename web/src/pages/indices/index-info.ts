import { useLang } from '../../lib/i18n.tsx';
import { componentName } from './labels.tsx';
import type { ComponentDef, IndexUnit } from './types.ts';

/** What the configuration sections know of the index they configure. */
export interface IndexInfo {
  code: string;
  shortName: string;
  unit: IndexUnit;
  scaleMax: number;
  groups: string[];
  /** every component any method version of the index has (by code, latest name) */
  components: ComponentDef[];
}

export function componentOptions(info: IndexInfo, lang: 'vi' | 'en') {
  return [
    { value: '', label: lang === 'en' ? 'The whole index' : 'Toàn chỉ số' },
    ...info.components.map((c) => ({ value: c.code, label: componentName(c, c.code, lang) })),
  ];
}

export function useComponentLabel(info: IndexInfo) {
  const { lang } = useLang();
  return (code: string | null) =>
    code === null
      ? lang === 'en'
        ? 'The whole index'
        : 'Toàn chỉ số'
      : componentName(
          info.components.find((c) => c.code === code),
          code,
          lang,
        );
}

/* ------------------------------------------------------------------ targets */
