import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Switch,
  Typography,
} from 'antd';
import {
  issuerForForm,
  issuerLevel,
  LETTER_FORM_PRESETS,
  LETTER_FORMS,
  type LetterForm,
} from '../../../../src/shared/letter-forms.ts';
import type {
  LetterSettings,
  LetterSettingsView,
  StoredLetterSettings,
} from '../../../../src/shared/schemas/followup.ts';
import {
  LETTER_CONSEQUENCE_MAX,
  LETTER_LINE_MAX,
  LETTER_SYMBOL_MAX,
  REPORT_WITHIN_DAYS_MAX,
} from '../../../../src/shared/schemas/limits.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { api } from '../../lib/api.ts';
import { requiredText } from '../../lib/form-rules.ts';
import { useT } from '../../lib/i18n.tsx';
import { useSession } from '../../lib/session.tsx';
import { LetterPreview } from './LetterPreview.tsx';
import { IssueList, SaveFailureAlert, useVersionedSave } from './versioned-save.tsx';

const KEY = ['letter-settings'] as const;
const SYMBOL = /^[\p{L}\p{N}.\-–]+$/u;

/** Cấu hình công văn đôn đốc: GET /api/settings/letters, saved with PUT and the version read. */
export function LetterSettingsTab() {
  const query = useQuery({ queryKey: KEY, queryFn: () => api.get<LetterSettingsView>('/settings/letters') });
  return (
    <QueryState query={query} rows={10}>
      {(view) => <LetterSettingsForm key={view.version} view={view} onReload={() => void query.refetch()} />}
    </QueryState>
  );
}

/** The form's values: what the next letter uses (stored fields), every field filled. */
type FormValues = Omit<LetterSettings, 'authority'>;

/** The form's values: the settings the next letter uses, every field filled. */
function initialValues(view: LetterSettingsView): FormValues {
  // what the authority has set, as dondoc writes it (when set outside dondoc and invalid, `effective` is null)
  const s = view.settings as StoredLetterSettings;
  const e = view.effective;
  return {
    form: e?.form ?? s.form ?? 'office',
    division: e?.division ?? s.division ?? 'KSTT',
    combined: e?.combined ?? s.combined ?? true,
    officeAgency: e?.officeAgency ?? s.officeAgency ?? 'VP',
    officeRemindersCount: e?.officeRemindersCount ?? s.officeRemindersCount ?? true,
    issuer: { parent: '', name: '', place: '', ...(e?.issuer ?? s.issuer) },
    symbol: e?.symbol ?? s.symbol ?? '',
    signer: { authority: '', title: '', name: '', ...(e?.signer ?? s.signer) },
    reportSigner: { authority: '', title: '', name: '', ...(e?.reportSigner ?? s.reportSigner) },
    recipients: e?.recipients ?? s.recipients ?? [],
    consequence: e?.consequence ?? s.consequence ?? '',
    reportWithinDays: e?.reportWithinDays ?? s.reportWithinDays ?? 7,
  };
}

function LetterSettingsForm({ view, onReload }: { view: LetterSettingsView; onReload: () => void }) {
  const t = useT();
  const { can } = useSession();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const editable = can('reminder.issue');
  const [form] = Form.useForm<FormValues>();
  const values = Form.useWatch((v: FormValues) => v, form) ?? initialValues(view);
  // docs/domain-rules.md §6.1: choosing a form fills the issuer, the symbol, the signer and Nơi nhận
  const chooseForm = (next: LetterForm) => {
    const preset = LETTER_FORM_PRESETS[next];
    const current = form.getFieldsValue(true) as FormValues;
    form.setFieldsValue({
      issuer: issuerForForm(issuerLevel(current.issuer), current.issuer.place, next),
      symbol: `${preset.symbolPrefix}-${current.division || 'KSTT'}`,
      signer: { ...preset.signer, name: current.signer.name },
      recipients: preset.recipients,
    });
  };
  const { save, failure } = useVersionedSave(
    (v: FormValues) =>
      api.put<LetterSettingsView>('/settings/letters', {
        ...v,
        recipients: (v.recipients ?? []).map((r) => r.trim()).filter((r) => r !== ''),
        version: view.version,
      }),
    (saved) => {
      message.success(t('Đã lưu cấu hình công văn đôn đốc.', 'Letter settings saved.'));
      queryClient.setQueryData(KEY, saved);
    },
  );

  const issues = (failure?.details as { issues?: string[] } | undefined)?.issues;

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          {view.problems.length > 0 && (
            <Alert
              type="warning"
              showIcon
              title={t(
                'Cấu hình đang lưu không dùng được: công văn tiếp theo sẽ không ban hành được cho tới khi lưu lại.',
                'The stored settings cannot be used: the next letter cannot be issued until they are saved again.',
              )}
              description={<IssueList issues={view.problems} />}
            />
          )}
          {!editable && (
            <Alert
              type="info"
              showIcon
              title={t(
                'Chỉ Văn phòng và quản trị viên sửa được cấu hình này.',
                'Only the Office and administrators can change these settings.',
              )}
            />
          )}
          {failure && (
            <SaveFailureAlert
              failure={failure}
              conflictTitle={t(
                'Không lưu được: có người vừa sửa cấu hình công văn.',
                'Not saved: someone else has just changed the letter settings.',
              )}
              errorTitle={t('Không lưu được cấu hình công văn.', 'The letter settings were not saved.')}
              issues={issues}
              onReload={onReload}
            />
          )}
          <Form<FormValues>
            form={form}
            layout="vertical"
            initialValues={initialValues(view)}
            disabled={!editable}
            onFinish={(v) => save.mutate(v)}
            requiredMark="optional"
          >
            <Card size="small" title={t('Hình thức công văn', 'Letter form')} style={{ marginBottom: 12 }}>
              <Row gutter={12}>
                <Col xs={24} md={16}>
                  <Form.Item name="form" label={t('Công văn của', 'Letter of')}>
                    <Select<LetterForm>
                      options={LETTER_FORMS.map((f) => ({ value: f, label: LETTER_FORM_PRESETS[f].label }))}
                      onChange={chooseForm}
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

            <SignerCard
              field="signer"
              title={t('Người ký', 'Signer')}
              multiline
              authorityExample={t(
                'Ví dụ: KT. CHÁNH VĂN PHÒNG; TM. ỦY BAN NHÂN DÂN (mỗi dòng một cấp)',
                'e.g. KT. CHÁNH VĂN PHÒNG; TM. ỦY BAN NHÂN DÂN (one line each)',
              )}
              titleExample="PHÓ CHÁNH VĂN PHÒNG"
            />
            {/* docs/domain-rules.md §8: the report to the Chairman is signed for the Office */}
            <SignerCard
              field="reportSigner"
              title={t('Người ký báo cáo gửi Chủ tịch', 'Signer of the report to the Chairman')}
              authorityExample={t(
                'Ví dụ: KT. CHÁNH VĂN PHÒNG; để trống khi Chánh Văn phòng ký',
                'e.g. KT. CHÁNH VĂN PHÒNG; empty when the head of the Office signs',
              )}
              titleExample="CHÁNH VĂN PHÒNG"
              labels={[
                t('Thẩm quyền ký báo cáo', 'Report signing authority'),
                t('Chức vụ người ký báo cáo', 'Report signer’s title'),
                t('Người ký báo cáo: họ và tên', 'Report signer: name'),
              ]}
            />

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

            {editable && (
              <Space wrap>
                <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending}>
                  {t('Lưu cấu hình', 'Save settings')}
                </Button>
                <Button htmlType="button" onClick={() => form.resetFields()} disabled={save.isPending}>
                  {t('Hoàn tác thay đổi', 'Undo changes')}
                </Button>
                <Typography.Text type="secondary">
                  {view.version > 0
                    ? t(`Phiên bản ${view.version}`, `Version ${view.version}`)
                    : t('Đang dùng cấu hình mặc định', 'Using the defaults')}
                </Typography.Text>
              </Space>
            )}
          </Form>
        </Space>
      </Col>
      <Col xs={24} xl={10}>
        <LetterPreview values={values} />
      </Col>
    </Row>
  );
}

/** One line of the letter's heading or signature, at most LETTER_LINE_MAX characters; `required` says what to enter. */
/** The three lines of a signature block: signing authority, title, name. */
function SignerCard({
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

function LineField({
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
  name: [keyof FormValues, string];
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
