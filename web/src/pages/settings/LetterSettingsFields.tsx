import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, InputNumber, Row, Select, Switch, Typography } from 'antd';
import { LETTER_FORM_PRESETS, LETTER_FORMS, type LetterForm } from '../../../../src/shared/letter-forms.ts';
import type { LetterSettings } from '../../../../src/shared/schemas/followup.ts';
import {
  LETTER_CONSEQUENCE_MAX,
  LETTER_LINE_MAX,
  LETTER_SYMBOL_MAX,
  REPORT_WITHIN_DAYS_MAX,
} from '../../../../src/shared/schemas/limits.ts';
import { requiredText } from '../../lib/form-rules.ts';

const SYMBOL = /^[\p{L}\p{N}.\-–]+$/u;

import { useT } from '../../lib/i18n.tsx';

/** The letter settings form's values: what the next letter uses (stored fields), every field filled. */
export type LetterFormValues = Omit<LetterSettings, 'authority'>;

/** Hình thức công văn: whose letter (choosing one fills the issuer, symbol, signer and Nơi nhận), the drafting division, one letter a day or one per agency, and the Office's own code. */
export function LetterFormCard({ onChooseForm }: { onChooseForm: (form: LetterForm) => void }) {
  const t = useT();
  return (
    <Card size="small" title={t('Hình thức công văn', 'Letter form')} style={{ marginBottom: 12 }}>
      <Row gutter={12}>
        <Col xs={24} md={16}>
          <Form.Item name="form" label={t('Công văn của', 'Letter of')}>
            <Select<LetterForm>
              options={LETTER_FORMS.map((f) => ({ value: f, label: LETTER_FORM_PRESETS[f].label }))}
              onChange={onChooseForm}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="division"
            label={t('Phòng soạn thảo', 'Drafting division')}
            extra={t('“Lưu: VT, KSTT.”', '“Lưu: VT, KSTT.”')}
            rules={[requiredText(t('Nhập phòng, ví dụ KSTT.', 'Enter the division, e.g. KSTT.'))]}
          >
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item
            name="combined"
            valuePropName="checked"
            label={t('Một công văn mỗi ngày gửi các cơ quan', 'One letter a day to every agency')}
            extra={t('Tắt: mỗi cơ quan một công văn.', 'Off: one letter per agency.')}
          >
            <Switch />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="officeAgency"
            label={t('Mã cơ quan của Văn phòng', 'The Office’s agency code')}
            extra={t('Không gửi công văn cho chính mình', 'Not written to')}
            rules={[requiredText(t('Nhập mã, ví dụ VP.', 'Enter the code, e.g. VP.'))]}
          >
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="officeRemindersCount"
            valuePropName="checked"
            label={t(
              'Tính lần nhắc nhở của nhiệm vụ do Văn phòng chủ trì',
              'Count the reminders of the Office’s own tasks',
            )}
            extra={t(
              'Tắt: theo dõi nội bộ, không tính vào thống kê, chấm điểm CCHC.',
              'Off: tracked internally, not counted in statistics or scores.',
            )}
          >
            <Switch />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}

/** Cơ quan ban hành: the heading's two lines, the place before the date and the number symbol. */
export function IssuerCard() {
  const t = useT();
  return (
    <Card size="small" title={t('Cơ quan ban hành', 'Issuing body')} style={{ marginBottom: 12 }}>
      <Row gutter={12}>
        <LineField
          md={12}
          name={['issuer', 'parent']}
          label={t('Dòng trên (cơ quan chủ quản)', 'Upper line (parent body)')}
          extra={t('Ví dụ: ỦY BAN NHÂN DÂN', 'e.g. ỦY BAN NHÂN DÂN')}
        />
        <LineField
          md={12}
          name={['issuer', 'name']}
          multiline
          label={t('Tên cơ quan ban hành', 'Issuing body')}
          extra={t('Ví dụ: TỈNH TÂY NINH', 'e.g. TỈNH TÂY NINH')}
          required={t('Nhập tên cơ quan ban hành.', 'Enter the issuing body.')}
        />
        <LineField
          md={12}
          name={['issuer', 'place']}
          label={t('Địa danh ghi trước ngày tháng', 'Place before the date')}
          extra={t('Ví dụ: Tây Ninh', 'e.g. Tây Ninh')}
          required={t('Nhập địa danh.', 'Enter the place.')}
        />
        <Col xs={24} md={12}>
          <Form.Item
            name="symbol"
            label={t('Ký hiệu công văn', 'Number symbol')}
            extra={t(
              'Sau số công văn: VP-KSTT → “Số: 04/VP-KSTT”',
              'After the number: VP-KSTT → “Số: 04/VP-KSTT”',
            )}
            rules={[
              requiredText(t('Nhập ký hiệu, ví dụ VP-KSTT.', 'Enter the symbol, e.g. VP-KSTT.')),
              { max: LETTER_SYMBOL_MAX },
              {
                pattern: SYMBOL,
                message: t(
                  'Chỉ gồm chữ, số, dấu chấm và gạch ngang, ví dụ VP-KSTT.',
                  'Letters, digits, dots and hyphens only, e.g. VP-KSTT.',
                ),
              },
            ]}
          >
            <Input />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}

/** Nơi nhận: one recipient per line, by role; at most 30. */
export function RecipientsCard({ editable }: { editable: boolean }) {
  const t = useT();
  return (
    <Card size="small" title={t('Nơi nhận', 'Copies to (Nơi nhận)')} style={{ marginBottom: 12 }}>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t(
          'Mỗi dòng một nơi nhận theo vai trò. Dòng “Lưu: VT, <phòng soạn thảo>.” được thêm cuối nếu không có.',
          'One recipient per line, by role. “Lưu: VT, <division>.” is added at the end when missing.',
        )}
      </Typography.Paragraph>
      <Form.List
        name="recipients"
        rules={[
          {
            validator: async (_, list: string[] | undefined) => {
              if ((list?.length ?? 0) > 30) {
                throw new Error(t('Tối đa 30 nơi nhận.', 'At most 30 recipients.'));
              }
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field, index) => (
              <div key={field.key} style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
                <Form.Item
                  name={field.name}
                  style={{ flex: 1, minWidth: 0, marginBottom: 8 }}
                  rules={[
                    requiredText(
                      t('Nhập nơi nhận hoặc xóa dòng này.', 'Enter a recipient or remove the line.'),
                    ),
                    { max: LETTER_LINE_MAX },
                  ]}
                >
                  <Input aria-label={t(`Nơi nhận ${index + 1}`, `Recipient ${index + 1}`)} />
                </Form.Item>
                <Button
                  icon={<DeleteOutlined />}
                  aria-label={t(`Xóa nơi nhận ${index + 1}`, `Remove recipient ${index + 1}`)}
                  onClick={() => remove(field.name)}
                />
              </div>
            ))}
            <Form.ErrorList errors={errors} />
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add('')}
              disabled={!editable || fields.length >= 30}
            >
              {t('Thêm nơi nhận', 'Add a recipient')}
            </Button>
          </>
        )}
      </Form.List>
    </Card>
  );
}

/** Nội dung công văn: the plan's consequence sentence and the days the agencies have to report. */
export function LetterBodyCard() {
  const t = useT();
  return (
    <Card size="small" title={t('Nội dung công văn', 'Letter body')} style={{ marginBottom: 12 }}>
      <Form.Item
        name="consequence"
        label={t('Câu lưu ý của kế hoạch', 'The plan’s consequence sentence')}
        extra={t(
          'Trích sau “Kế hoạch số … đã lưu ý:”. Để trống để bỏ đoạn này.',
          'Quoted after “Kế hoạch số … đã lưu ý:”. Leave empty to drop the paragraph.',
        )}
        rules={[{ max: LETTER_CONSEQUENCE_MAX }]}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
      </Form.Item>
      <Form.Item
        name="reportWithinDays"
        label={t(
          'Thời hạn gửi kết quả (ngày làm việc kể từ ngày công văn)',
          'Report within (working days from the letter)',
        )}
        rules={[
          {
            required: true,
            type: 'integer',
            min: 1,
            max: REPORT_WITHIN_DAYS_MAX,
            message: t(
              `Từ 1 đến ${REPORT_WITHIN_DAYS_MAX} ngày.`,
              `From 1 to ${REPORT_WITHIN_DAYS_MAX} days.`,
            ),
          },
        ]}
      >
        <InputNumber
          min={1}
          max={REPORT_WITHIN_DAYS_MAX}
          precision={0}
          style={{ width: 140 }}
          suffix={t('ngày', 'days')}
        />
      </Form.Item>
    </Card>
  );
}

/** The three lines of a signature block: signing authority, title, name. */
export function SignerCard({
  field,
  title,
  authorityExample,
  titleExample,
  labels,
  multiline,
}: {
  field: 'signer' | 'reportSigner';
  /** the signing authority over several lines (TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH) */
  multiline?: boolean;
  title: string;
  authorityExample: string;
  titleExample: string;
  /** the three fields' labels, when they must differ from another card's */
  labels?: [string, string, string];
}) {
  const t = useT();
  const [authority, signerTitle, name] = labels ?? [
    t('Thẩm quyền ký', 'Signing authority'),
    t('Chức vụ', 'Title'),
    t('Họ và tên người ký', 'Signer’s name'),
  ];
  return (
    <Card size="small" title={title} style={{ marginBottom: 12 }}>
      <Row gutter={12}>
        <LineField
          md={8}
          name={[field, 'authority']}
          multiline={multiline}
          label={authority}
          extra={authorityExample}
        />
        <LineField
          md={8}
          name={[field, 'title']}
          label={signerTitle}
          extra={t(`Ví dụ: ${titleExample}`, `e.g. ${titleExample}`)}
        />
        <LineField md={8} name={[field, 'name']} label={name} />
      </Row>
    </Card>
  );
}

/** One line of the letter's heading or signature, at most LETTER_LINE_MAX characters; `required` says what to enter. */
export function LineField({
  md,
  name,
  label,
  extra,
  required,
  multiline,
}: {
  md: number;
  /** a block of several lines (ỦY BAN NHÂN DÂN / TỈNH TÂY NINH; TM. … / KT. …), one per line */
  multiline?: boolean;
  name: [keyof LetterFormValues, string];
  label: string;
  extra?: string;
  required?: string;
}) {
  return (
    <Col xs={24} md={md}>
      <Form.Item
        name={name}
        label={label}
        extra={extra}
        rules={[...(required ? [requiredText(required)] : []), { max: LETTER_LINE_MAX }]}
      >
        {multiline ? <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} /> : <Input />}
      </Form.Item>
    </Col>
  );
}
