import { DeleteOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, type FormInstance, Input, Row, Space, Tag, Typography } from 'antd';
import { CRITERION_NAME_MAX, RULE_CODE_MAX } from '../../../../src/shared/schemas/limits.ts';
import type { CriterionKind } from '../../../../src/shared/schemas/scoring.ts';
import { requiredText } from '../../lib/form-rules.ts';
import { formatNumber } from '../../lib/format.ts';
import { useLang } from '../../lib/i18n.tsx';
import { AgencyValues, BandList, PointsField } from './RuleSetFields.tsx';
import { kindLabel } from './RuleSetSummary.tsx';
import type { CriterionValues, RuleSetValues } from './rule-set-form.ts';

/** One criterion: its name and code, and the fields of its kind. */
export function CriterionCard({
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
  const { t, lang } = useLang();
  const kind = form.getFieldValue(['criteria', name, 'kind']) as CriterionKind;
  const criterion = Form.useWatch(['criteria', name], form) as CriterionValues | undefined;
  const n = (v: number | undefined) => formatNumber(v ?? 0, lang);
  const required = requiredText(t('Bắt buộc.', 'Required.'));

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
            rules={[required, { max: CRITERION_NAME_MAX }]}
          >
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item name={[name, 'id']} label={t('Mã', 'Code')} rules={[required, { max: RULE_CODE_MAX }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <PointsField name={[name, 'max']} label={t('Điểm tối đa', 'Maximum')} />
        </Col>
      </Row>

      {kind === 'per_reminder' && (
        <PointsRow
          criterion={name}
          md={8}
          fields={[
            [['deduction'], t('Trừ mỗi lần nhắc nhở', 'Off per reminder')],
            [['floor'], t('Thấp nhất còn', 'Never below')],
          ]}
        />
      )}

      {kind === 'rate_bands' && (
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {t(
              'Theo tỷ lệ nhiệm vụ chủ trì hoàn thành đúng hạn. Mức cao nhất được đủ điểm tối đa; xếp từ cao xuống thấp.',
              'By the on-time rate of lead assignments. The top band is worth the maximum; from the highest down.',
            )}
          </Typography.Paragraph>
          <BandList name={[name, 'bands']} from="rate" gives="points" />
        </>
      )}

      {(kind === 'per_reminder' || kind === 'rate_bands') && (
        <AgencyValues
          name={[name, 'maxByAgency']}
          agencyOptions={agencyOptions}
          title={t('Điểm tối đa riêng cho một số cơ quan', 'Own maxima for some agencies')}
        />
      )}

      {kind === 'nd335' && (
        <>
          <PointsRow
            criterion={name}
            md={6}
            fields={[
              [['general', 'max'], t('Đánh giá chung (tối đa)', 'General (max)')],
              [['results', 'max'], t('Kết quả thực hiện (tối đa)', 'Results (max)')],
              [
                ['results', 'deductionPerLateTask'],
                t('Trừ mỗi việc hoàn thành quá hạn', 'Off per task done late'),
              ],
              [
                ['results', 'deductionPerOverdueTask'],
                t('Trừ mỗi việc quá hạn chưa xong', 'Off per task still overdue'),
              ],
            ]}
          />
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
          <BandList name={[name, 'grades']} from="points" gives="grade" />
          <AgencyValues
            name={[name, 'general', 'points']}
            agencyOptions={agencyOptions}
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

/** Numbers of points of one criterion side by side (`md` of 24 columns each), two to a row on a phone. */
function PointsRow({
  criterion,
  md,
  fields,
}: {
  criterion: number;
  md: number;
  /** each field's path inside the criterion, and its label */
  fields: [string[], string][];
}) {
  return (
    <Row gutter={12}>
      {fields.map(([path, label]) => (
        <Col key={path.join('.')} xs={12} md={md}>
          <PointsField name={[criterion, ...path]} label={label} />
        </Col>
      ))}
    </Row>
  );
}
