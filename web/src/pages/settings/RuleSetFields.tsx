import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select, Typography } from 'antd';
import { useLang } from '../../lib/i18n.tsx';

/** Vietnamese writes 0,5; English 0.5. */
export function useDecimal(): string {
  return useLang().lang === 'vi' ? ',' : '.';
}

/** A required number of points (0 or more), written with the language's decimal separator. */
export function PointsField({ name, label }: { name: (string | number)[]; label: string }) {
  const { t } = useLang();
  const decimal = useDecimal();
  return (
    <Form.Item name={name} label={label} rules={[{ required: true, message: t('Bắt buộc.', 'Required.') }]}>
      <InputNumber min={0} decimalSeparator={decimal} style={{ width: '100%' }} />
    </Form.Item>
  );
}

/**
 * Rows of (threshold, grade or points), from the highest down: the threshold is a rate in percent
 * (`from="rate"`, field `minRate`) or points (`from="points"`, field `min`); the band gives a grade
 * (`label`) or points (`points`).
 */
export function BandList({
  name,
  from,
  gives,
}: {
  name: string | (string | number)[];
  from: 'rate' | 'points';
  gives: 'grade' | 'points';
}) {
  const { t } = useLang();
  const [valueName, valueLabel, valueMax] =
    from === 'rate'
      ? ['minRate', t('Từ tỷ lệ (%)', 'From rate (%)'), 100]
      : ['min', t('Từ điểm', 'From points')];
  const numericText = gives === 'points';
  const [textName, textLabel] = numericText
    ? ['points', t('Điểm', 'Points')]
    : ['label', t('Xếp loại', 'Grade')];
  const decimal = useDecimal();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <div style={{ marginBottom: 8 }}>
          {fields.map((field, index) => (
            <div
              key={field.key}
              style={{ display: 'flex', gap: 8, alignItems: 'flex-start', flexWrap: 'wrap' }}
            >
              <Form.Item
                name={[field.name, valueName]}
                label={`${valueLabel} · ${t('mức', 'band')} ${index + 1}`}
                style={{ width: 120, marginBottom: 8 }}
                rules={[{ required: true, message: t('Bắt buộc.', 'Required.') }]}
              >
                <InputNumber min={0} max={valueMax} decimalSeparator={decimal} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item
                name={[field.name, textName]}
                label={textLabel}
                style={{ flex: numericText ? '0 0 110px' : '1 1 120px', minWidth: 0, marginBottom: 8 }}
                rules={[
                  {
                    required: true,
                    ...(numericText ? {} : { whitespace: true }),
                    message: t('Bắt buộc.', 'Required.'),
                  },
                ]}
              >
                {numericText ? (
                  <InputNumber min={0} decimalSeparator={decimal} style={{ width: '100%' }} />
                ) : (
                  <Input />
                )}
              </Form.Item>
              <Button
                icon={<DeleteOutlined />}
                style={{ marginTop: 30 }}
                disabled={fields.length <= 1}
                aria-label={t(`Xóa mức ${index + 1}`, `Remove band ${index + 1}`)}
                onClick={() => remove(field.name)}
              />
            </div>
          ))}
          <Button
            type="dashed"
            size="small"
            icon={<PlusOutlined />}
            onClick={() => add()}
            disabled={fields.length >= 10}
          >
            {t('Thêm mức', 'Add a band')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}

/** Rows of (agency, value): own maxima, or the general points the Office entered. */
export function AgencyValues({
  name,
  agencyOptions,
  title,
}: {
  name: (string | number)[];
  agencyOptions: { value: string; label: string }[];
  title: string;
}) {
  const { t } = useLang();
  const decimal = useDecimal();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <div style={{ marginTop: 8 }}>
          <Typography.Text type="secondary">{title}</Typography.Text>
          {fields.map((field, index) => (
            <div key={field.key} style={{ display: 'flex', gap: 8, alignItems: 'flex-start', marginTop: 8 }}>
              <Form.Item
                name={[field.name, 'code']}
                style={{ flex: 1, minWidth: 0, marginBottom: 0 }}
                rules={[{ required: true, message: t('Chọn cơ quan.', 'Choose an agency.') }]}
              >
                <Select
                  showSearch
                  options={agencyOptions}
                  optionFilterProp="label"
                  aria-label={t(`Cơ quan ${index + 1}`, `Agency ${index + 1}`)}
                  placeholder={t('Chọn cơ quan', 'Choose an agency')}
                />
              </Form.Item>
              <Form.Item
                name={[field.name, 'value']}
                style={{ width: 100, marginBottom: 0 }}
                rules={[{ required: true, message: t('Nhập điểm.', 'Enter points.') }]}
              >
                <InputNumber
                  min={0}
                  decimalSeparator={decimal}
                  style={{ width: '100%' }}
                  aria-label={t(`Điểm ${index + 1}`, `Points ${index + 1}`)}
                />
              </Form.Item>
              <Button
                icon={<DeleteOutlined />}
                aria-label={t(`Xóa dòng ${index + 1}`, `Remove row ${index + 1}`)}
                onClick={() => remove(field.name)}
              />
            </div>
          ))}
          <div style={{ marginTop: 8 }}>
            <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({})}>
              {t('Thêm cơ quan', 'Add an agency')}
            </Button>
          </div>
        </div>
      )}
    </Form.List>
  );
}
