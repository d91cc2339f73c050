import { Segmented } from 'antd';
import { type Lang, useLang } from '../lib/i18n.tsx';

/** Tiếng Việt / English: the language of the whole SPA, remembered by the browser (`full` spells the names out). */
export function LangSwitch({ full = false }: { full?: boolean }) {
  const { lang, setLang, t } = useLang();
  return (
    <Segmented<Lang>
      size="small"
      value={lang}
      onChange={setLang}
      options={[
        { label: full ? 'Tiếng Việt' : 'VI', value: 'vi' },
        { label: full ? 'English' : 'EN', value: 'en' },
      ]}
      aria-label={t('Ngôn ngữ', 'Language')}
    />
  );
}
