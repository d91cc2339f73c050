import { Input, Select } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { todayInVietnam } from '../lib/format.ts';
import { useT } from '../lib/i18n.tsx';

/** The years a list may be filtered by: this year back to 2019. */
export function yearOptions(): number[] {
  const current = Number(todayInVietnam().slice(0, 4));
  return Array.from({ length: current - 2018 }, (_, i) => current - i);
}

/** One filter: its label above the control, tied to it by `id` (the browser tests find the control by its label). */
export function FilterField({
  id,
  label,
  style,
  children,
}: {
  id: string;
  label: ReactNode;
  style?: CSSProperties;
  children: ReactNode;
}) {
  return (
    <div style={style}>
      <label htmlFor={id} style={{ display: 'block', marginBottom: 6 }}>
        {label}
      </label>
      {children}
    </div>
  );
}

/**
 * A search box over the rows already loaded (the caller matches with `matchesSearch`, accents
 * ignored); by default over agencies and tasks.
 */
export function SearchFilter({
  id,
  value,
  onChange,
  label,
  placeholder,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  label?: string;
  placeholder?: string;
}) {
  const t = useT();
  return (
    <FilterField id={id} label={label ?? t('Tìm theo cơ quan, nhiệm vụ', 'Search agency or task')}>
      <Input.Search
        id={id}
        allowClear
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={placeholder ?? t('ví dụ: so noi vu', 'e.g. so noi vu')}
      />
    </FilterField>
  );
}

/** Năm: one year of `years` (newest first). */
export function YearFilter({
  id,
  year,
  onChange,
  years = yearOptions(),
  style,
}: {
  id: string;
  year: number;
  onChange: (year: number) => void;
  years?: number[];
  style?: CSSProperties;
}) {
  const t = useT();
  return (
    <FilterField id={id} label={t('Năm', 'Year')} style={style}>
      <Select<number>
        id={id}
        value={year}
        onChange={onChange}
        options={years.map((y) => ({ value: y, label: String(y) }))}
        style={{ width: '100%' }}
      />
    </FilterField>
  );
}

/** A search box in a toolbar: no visible label, `label` names it for screen readers. */
export function ToolbarSearch({
  label,
  placeholder,
  value,
  onChange,
}: {
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Input.Search
      allowClear
      aria-label={label}
      placeholder={placeholder}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      style={{ width: 320, maxWidth: '100%' }}
    />
  );
}
