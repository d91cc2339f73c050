import { Flex, Input } from 'antd';
import type { ReactNode } from 'react';

/** The toolbar above a directory list: the search box first, then the tab's filters and buttons. */
export function SearchBar({
  value,
  onChange,
  placeholder,
  label,
  children,
}: {
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  /** the search box's accessible name */
  label: string;
  children?: ReactNode;
}) {
  return (
    <Flex gap={8} wrap style={{ marginBottom: 12 }}>
      <Input.Search
        allowClear
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={placeholder}
        aria-label={label}
        style={{ flex: '1 1 240px', maxWidth: 420 }}
      />
      {children}
    </Flex>
  );
}
