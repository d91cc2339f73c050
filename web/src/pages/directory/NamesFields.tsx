import { Form, Input, Select } from 'antd';
import { AGENCY_NAME_MAX } from '../../../../src/shared/schemas/limits.ts';
import { requiredText } from '../../lib/form-rules.ts';
import { useT } from '../../lib/i18n.tsx';

/**
 * The name of an agency or a group (required) and its other names, typed one by one (Enter adds a
 * name): the import matches a plan's cells against both.
 */
export function NamesFields(props: { nameLabel: string; nameMissing: string; aliasesLabel: string }) {
  const t = useT();
  return (
    <>
      <Form.Item name="name" label={props.nameLabel} rules={[requiredText(props.nameMissing)]}>
        <Input maxLength={AGENCY_NAME_MAX} />
      </Form.Item>
      <Form.Item
        name="aliases"
        label={props.aliasesLabel}
        extra={t('Gõ một tên rồi nhấn Enter.', 'Type a name and press Enter.')}
      >
        <Select mode="tags" open={false} suffixIcon={null} aria-label={t('Tên khác', 'Aliases')} />
      </Form.Item>
    </>
  );
}
