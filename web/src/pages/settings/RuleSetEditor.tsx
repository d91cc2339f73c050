import { DeleteOutlined, DownOutlined, PlusOutlined, ReloadOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Dropdown,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import type { AgencyRef } from '../../../../src/shared/schemas/directory.ts';
import {
  CRITERION_NAME_MAX,
  CRITICISM_THRESHOLD_MAX,
  RULE_CODE_MAX,
  RULE_SET_NAME_MAX,
} from '../../../../src/shared/schemas/limits.ts';
import type { CriterionKind, RuleSetReply } from '../../../../src/shared/schemas/scoring.ts';
import { ApiError, api } from '../../lib/api.ts';
import { formatNumber } from '../../lib/format.ts';
import { useLang, useT } from '../../lib/i18n.tsx';
import { kindLabel } from './RuleSetSummary.tsx';
import {
  type CriterionValues,
  fromFormValues,
  newCriterion,
  type RuleSetValues,
  toFormValues,
} from './rule-set-form.ts';

type T = (vi: string, en: string) => string;

/** Vietnamese writes 0,5; English 0.5. */
function useDecimal(): string {
  return useLang().lang === 'vi' ? ',' : '.';
}

/**
 * The Office's form for a year's rule set: criteria (by kind), grades, agencies not scored, the
 * criticism threshold. Rates are typed in percent. Saved with PUT /api/score-rule-sets/:year and the
 * version read; the server checks that the maxima add up and answers every problem in Vietnamese,
 * shown here as it says it.
 */
export function RuleSetEditor({
  reply,
  agencies,
  onDone,
  onReload,
}: {
  reply: RuleSetReply;
  agencies: AgencyRef[];
  onDone: () => void;
  onReload: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RuleSetValues>();
  const [failure, setFailure] = useState<ApiError | null>(null);
  const agencyOptions = agencies.map((a) => ({ value: a.code, label: `${a.name} (${a.code})` }));

  const save = useMutation({
    mutationFn: (values: RuleSetValues) =>
      api.put<RuleSetReply>(`/score-rule-sets/${reply.year}`, {
        ...fromFormValues(values),
        version: reply.version,
      }),
    onSuccess: (saved) => {
      setFailure(null);
      queryClient.setQueryData(['score-rule-set', reply.year], saved);
      void queryClient.invalidateQueries({ queryKey: ['scores'] });
      void queryClient.invalidateQueries({ queryKey: ['commendations'] });
      message.success(t(`Đã lưu bộ tiêu chí năm ${reply.year}.`, `The ${reply.year} rules are saved.`));
      onDone();
    },
    onError: (error) =>
      setFailure(error instanceof ApiError ? error : new ApiError(0, 'ERROR', error.message)),
  });
  const conflict = failure?.code === 'VERSION_CONFLICT';
  const structure = (
    failure?.details as { issues?: { path?: (string | number)[]; message?: string }[] } | undefined
  )?.issues;

  return (
    <Form<RuleSetValues>
      form={form}
      layout="vertical"
      initialValues={toFormValues(reply.ruleSet)}
      onFinish={(values) => save.mutate(values)}
      onFinishFailed={() => setFailure(null)}
      scrollToFirstError
    >
      <Form.Item
        name="name"
        label={t('Tên bộ tiêu chí', 'Name of the rule set')}
        rules={[
          { required: true, whitespace: true, message: t('Nhập tên bộ tiêu chí.', 'Enter a name.') },
          { max: RULE_SET_NAME_MAX },
        ]}
      >
        <Input />
      </Form.Item>

      <Form.List name="criteria">
        {(fields, { add, remove }) => (
          <Space orientation="vertical" size={12} style={{ width: '100%', marginBottom: 16 }}>
            {fields.map((field, index) => (
              <CriterionCard
                key={field.key}
                form={form}
                name={field.name}
                index={index}
                agencyOptions={agencyOptions}
                onRemove={fields.length > 1 ? () => remove(field.name) : undefined}
              />
            ))}
            <Dropdown
              disabled={fields.length >= 20}
              trigger={['click']}
              menu={{
                items: (['per_reminder', 'rate_bands', 'nd335'] as CriterionKind[]).map((kind) => ({
                  key: kind,
                  label: kindLabel(kind, t),
                })),
                onClick: ({ key }) =>
                  add(newCriterion(key as CriterionKind, form.getFieldValue('criteria') ?? [])),
              }}
            >
              <Button type="dashed" icon={<PlusOutlined />}>
                {t('Thêm tiêu chí', 'Add a criterion')} <DownOutlined />
              </Button>
            </Dropdown>
          </Space>
        )}
      </Form.List>

      <Card
        size="small"
        title={t('Xếp loại theo tỷ lệ điểm đạt', 'Grades by rate')}
        style={{ marginBottom: 12 }}
      >
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {t(
            'Tỷ lệ = điểm đạt ÷ điểm tối đa. Xếp từ mức cao xuống thấp; mức cuối từ 0 %. (Bộ tiêu chí kiểu NĐ 335 xếp loại theo điểm, ở tiêu chí của nó.)',
            'Rate = points ÷ maximum. From the highest band down; the last from 0 %. (An NĐ 335 rule set grades by points, in its criterion.)',
          )}
        </Typography.Paragraph>
        <BandList
          name="grades"
          t={t}
          valueLabel={t('Từ tỷ lệ (%)', 'From rate (%)')}
          valueName="minRate"
          valueMax={100}
          textName="label"
          textLabel={t('Xếp loại', 'Grade')}
        />
      </Card>

      <Card size="small" title={t('Phạm vi và phê bình', 'Scope and criticism')} style={{ marginBottom: 12 }}>
        <Row gutter={12}>
          <Col xs={24} md={16}>
            <Form.Item
              name="exclude"
              label={t('Cơ quan không chấm điểm', 'Agencies not scored')}
              extra={t('Ví dụ: Văn phòng UBND tỉnh, cơ quan theo dõi', 'e.g. the Office, the monitor')}
            >
              <Select
                mode="multiple"
                allowClear
                options={agencyOptions}
                optionFilterProp="label"
                placeholder={t('Chấm tất cả cơ quan', 'Score every agency')}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="criticismThreshold"
              label={t('Phê bình từ số lần nhắc nhở', 'Criticise from reminders')}
              rules={[{ required: true, message: t('Nhập số lần.', 'Enter a number.') }]}
            >
              <InputNumber
                min={1}
                max={CRITICISM_THRESHOLD_MAX}
                precision={0}
                style={{ width: '100%' }}
                suffix={t('lần', 'times')}
              />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      {failure && (
        <Alert
          type={conflict ? 'warning' : 'error'}
          showIcon
          role="alert"
          data-testid="rule-set-error"
          style={{ marginBottom: 12 }}
          title={
            conflict
              ? t(
                  'Không lưu được: có người vừa sửa bộ tiêu chí này.',
                  'Not saved: someone else has just changed these rules.',
                )
              : t('Không lưu được bộ tiêu chí', 'The rules were not saved')
          }
          description={
            <>
              <div>{failure.message}</div>
              {structure && structure.length > 0 && (
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {structure.slice(0, 10).map((issue) => (
                    <li key={`${issue.path?.join('.')}:${issue.message}`}>
                      {issue.path?.join(' › ')}: {issue.message}
                    </li>
                  ))}
                </ul>
              )}
            </>
          }
          action={
            conflict ? (
              <Button size="small" icon={<ReloadOutlined />} onClick={onReload}>
                {t('Tải lại bản mới nhất', 'Load the latest')}
              </Button>
            ) : undefined
          }
        />
      )}

      <Space wrap>
        <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending}>
          {t(`Lưu bộ tiêu chí năm ${reply.year}`, `Save the ${reply.year} rules`)}
        </Button>
        <Button htmlType="button" onClick={onDone} disabled={save.isPending}>
          {t('Hủy', 'Cancel')}
        </Button>
      </Space>
    </Form>
  );
}

/** One criterion: its name and code, and the fields of its kind. */
function CriterionCard({
  form,
  name,
  index,
  agencyOptions,
  onRemove,
}: {
  form: FormInstance<RuleSetValues>;
  name: number;
  index: number;
  agencyOptions: { value: string; label: string }[];
  onRemove: (() => void) | undefined;
}) {
  const decimal = useDecimal();
  const { t, lang } = useLang();
  const kind = form.getFieldValue(['criteria', name, 'kind']) as CriterionKind;
  const criterion = Form.useWatch(['criteria', name], form) as CriterionValues | undefined;
  const n = (v: number | undefined) => formatNumber(v ?? 0, lang);
  const required = { required: true, message: t('Bắt buộc.', 'Required.') };

  return (
    <Card
      size="small"
      title={t(`Tiêu chí ${index + 1}`, `Criterion ${index + 1}`)}
      extra={
        <Space size={4}>
          <Tag>{kindLabel(kind, t)}</Tag>
          {onRemove && (
            <Button
              size="small"
              icon={<DeleteOutlined />}
              aria-label={t(`Xóa tiêu chí ${index + 1}`, `Remove criterion ${index + 1}`)}
              onClick={onRemove}
            />
          )}
        </Space>
      }
    >
      <Row gutter={12}>
        <Col xs={24} md={16}>
          <Form.Item
            name={[name, 'name']}
            label={t('Tên tiêu chí', 'Criterion')}
            rules={[{ ...required, whitespace: true }, { max: CRITERION_NAME_MAX }]}
          >
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item
            name={[name, 'id']}
            label={t('Mã', 'Code')}
            rules={[{ ...required, whitespace: true }, { max: RULE_CODE_MAX }]}
          >
            <Input />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item name={[name, 'max']} label={t('Điểm tối đa', 'Maximum')} rules={[required]}>
            <InputNumber min={0} decimalSeparator={decimal} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>

      {kind === 'per_reminder' && (
        <>
          <Row gutter={12}>
            <Col xs={12} md={8}>
              <Form.Item
                name={[name, 'deduction']}
                label={t('Trừ mỗi lần nhắc nhở', 'Off per reminder')}
                rules={[required]}
              >
                <InputNumber min={0} decimalSeparator={decimal} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name={[name, 'floor']} label={t('Thấp nhất còn', 'Never below')} rules={[required]}>
                <InputNumber min={0} decimalSeparator={decimal} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <AgencyValues
            name={[name, 'maxByAgency']}
            agencyOptions={agencyOptions}
            t={t}
            title={t('Điểm tối đa riêng cho một số cơ quan', 'Own maxima for some agencies')}
          />
        </>
      )}

      {kind === 'rate_bands' && (
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {t(
              'Theo tỷ lệ nhiệm vụ chủ trì hoàn thành đúng hạn. Mức cao nhất được đủ điểm tối đa; xếp từ cao xuống thấp.',
              'By the on-time rate of lead assignments. The top band is worth the maximum; from the highest down.',
            )}
          </Typography.Paragraph>
          <BandList
            name={[name, 'bands']}
            t={t}
            valueLabel={t('Từ tỷ lệ (%)', 'From rate (%)')}
            valueName="minRate"
            valueMax={100}
            textName="points"
            textLabel={t('Điểm', 'Points')}
            numericText
          />
          <AgencyValues
            name={[name, 'maxByAgency']}
            agencyOptions={agencyOptions}
            t={t}
            title={t('Điểm tối đa riêng cho một số cơ quan', 'Own maxima for some agencies')}
          />
        </>
      )}

      {kind === 'nd335' && (
        <>
          <Row gutter={12}>
            <Col xs={12} md={6}>
              <Form.Item
                name={[name, 'general', 'max']}
                label={t('Đánh giá chung (tối đa)', 'General (max)')}
                rules={[required]}
              >
                <InputNumber min={0} decimalSeparator={decimal} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name={[name, 'results', 'max']}
                label={t('Kết quả thực hiện (tối đa)', 'Results (max)')}
                rules={[required]}
              >
                <InputNumber min={0} decimalSeparator={decimal} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name={[name, 'results', 'deductionPerLateTask']}
                label={t('Trừ mỗi việc hoàn thành quá hạn', 'Off per task done late')}
                rules={[required]}
              >
                <InputNumber min={0} decimalSeparator={decimal} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name={[name, 'results', 'deductionPerOverdueTask']}
                label={t('Trừ mỗi việc quá hạn chưa xong', 'Off per task still overdue')}
                rules={[required]}
              >
                <InputNumber min={0} decimalSeparator={decimal} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          {criterion && (
            <Typography.Paragraph
              type={
                (criterion.general?.max ?? 0) + (criterion.results?.max ?? 0) === criterion.max
                  ? 'secondary'
                  : 'warning'
              }
              data-testid="nd335-sum"
            >
              {t('Đánh giá chung + kết quả', 'General + results')} = {n(criterion.general?.max)} +{' '}
              {n(criterion.results?.max)} = {n((criterion.general?.max ?? 0) + (criterion.results?.max ?? 0))}
              ; {t('điểm tối đa', 'maximum')} {n(criterion.max)}
            </Typography.Paragraph>
          )}
          <Typography.Text strong>{t('Xếp loại theo điểm', 'Grades by points')}</Typography.Text>
          <BandList
            name={[name, 'grades']}
            t={t}
            valueLabel={t('Từ điểm', 'From points')}
            valueName="min"
            textName="label"
            textLabel={t('Xếp loại', 'Grade')}
          />
          <AgencyValues
            name={[name, 'general', 'points']}
            agencyOptions={agencyOptions}
            t={t}
            title={t(
              'Điểm đánh giá chung Văn phòng đã chấm (cơ quan không có tên được đủ điểm)',
              'General points entered (an agency not listed gets full marks)',
            )}
          />
        </>
      )}
    </Card>
  );
}

/** Rows of (threshold, label or points), from the highest down. */
function BandList({
  name,
  t,
  valueLabel,
  valueName,
  valueMax,
  textName,
  textLabel,
  numericText = false,
}: {
  name: string | (string | number)[];
  t: T;
  valueLabel: string;
  valueName: string;
  valueMax?: number;
  textName: string;
  textLabel: string;
  numericText?: boolean;
}) {
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
function AgencyValues({
  name,
  agencyOptions,
  t,
  title,
}: {
  name: (string | number)[];
  agencyOptions: { value: string; label: string }[];
  t: T;
  title: string;
}) {
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
