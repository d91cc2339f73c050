import { DownOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Dropdown,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import type { AgencyRef } from '../../../../src/shared/schemas/directory.ts';
import { CRITICISM_THRESHOLD_MAX, RULE_SET_NAME_MAX } from '../../../../src/shared/schemas/limits.ts';
import type { CriterionKind, RuleSetReply } from '../../../../src/shared/schemas/scoring.ts';
import { api } from '../../lib/api.ts';
import { requiredText } from '../../lib/form-rules.ts';
import { useT } from '../../lib/i18n.tsx';
import { CriterionCard } from './RuleSetCriterion.tsx';
import { BandList } from './RuleSetFields.tsx';
import { kindLabel } from './RuleSetSummary.tsx';
import { fromFormValues, newCriterion, type RuleSetValues, toFormValues } from './rule-set-form.ts';
import { SaveFailureAlert, useVersionedSave } from './versioned-save.tsx';
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
  const agencyOptions = agencies.map((a) => ({ value: a.code, label: `${a.name} (${a.code})` }));

  const { save, failure, clearFailure } = useVersionedSave(
    (values: RuleSetValues) =>
      api.put<RuleSetReply>(`/score-rule-sets/${reply.year}`, {
        ...fromFormValues(values),
        version: reply.version,
      }),
    (saved) => {
      queryClient.setQueryData(['score-rule-set', reply.year], saved);
      void queryClient.invalidateQueries({ queryKey: ['scores'] });
      void queryClient.invalidateQueries({ queryKey: ['commendations'] });
      message.success(t(`Đã lưu bộ tiêu chí năm ${reply.year}.`, `The ${reply.year} rules are saved.`));
      onDone();
    },
  );
  const structure = (
    failure?.details as { issues?: { path?: (string | number)[]; message?: string }[] } | undefined
  )?.issues;

  return (
    <Form<RuleSetValues>
      form={form}
      layout="vertical"
      initialValues={toFormValues(reply.ruleSet)}
      onFinish={(values) => save.mutate(values)}
      onFinishFailed={clearFailure}
      scrollToFirstError
    >
      <Form.Item
        name="name"
        label={t('Tên bộ tiêu chí', 'Name of the rule set')}
        rules={[requiredText(t('Nhập tên bộ tiêu chí.', 'Enter a name.')), { max: RULE_SET_NAME_MAX }]}
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
        <BandList name="grades" from="rate" gives="grade" />
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
          <Col xs={24}>
            <Form.Item name="listMonitor" valuePropName="checked" style={{ marginBottom: 0 }}>
              <Checkbox>
                {t(
                  'Đưa cả Văn phòng (cơ quan theo dõi) vào danh sách biểu dương, phê bình',
                  'List the Office (the monitor) for commendation and criticism too',
                )}
              </Checkbox>
            </Form.Item>
          </Col>
        </Row>
      </Card>

      {failure && (
        <SaveFailureAlert
          failure={failure}
          testId="rule-set-error"
          style={{ marginBottom: 12 }}
          conflictTitle={t(
            'Không lưu được: có người vừa sửa bộ tiêu chí này.',
            'Not saved: someone else has just changed these rules.',
          )}
          errorTitle={t('Không lưu được bộ tiêu chí', 'The rules were not saved')}
          issues={structure?.slice(0, 10).map((issue) => `${issue.path?.join(' › ')}: ${issue.message}`)}
          onReload={onReload}
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
