import { Form, Select } from 'antd';
import { matchesOptionLabel } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';
import { useAgencies } from './agencies.ts';

interface AgencySelectProps {
  value?: number;
  onChange?: (v: number) => void;
  id?: string;
  label: string;
  currentOnly: boolean;
}

function AgencySelect({ currentOnly, ...props }: AgencySelectProps) {
  const agencies = useAgencies();
  return (
    <Select
      id={props.id}
      value={props.value}
      onChange={props.onChange}
      aria-label={props.label}
      showSearch
      loading={agencies.isPending}
      options={(agencies.data ?? [])
        .filter((a) => !currentOnly || !a.validTo)
        .map((a) => ({ value: a.id, label: a.name }))}
      filterOption={matchesOptionLabel}
    />
  );
}

/**
 * A required choice of an agency of the directory, searched by name; `currentOnly` leaves out the
 * agencies that have ceased to exist (the old one and the successor of a succession).
 */
export function AgencyField({
  name,
  label,
  currentOnly = false,
}: {
  name: string;
  label: string;
  currentOnly?: boolean;
}) {
  const t = useT();
  return (
    <Form.Item
      name={name}
      label={label}
      rules={[{ required: true, message: t('Chọn cơ quan.', 'Choose an agency.') }]}
    >
      <AgencySelect label={label} currentOnly={currentOnly} />
    </Form.Item>
  );
}
