import { SaveOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Flex, Form, Input, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import type { DraftReply, EffectiveDraft } from '../../../src/shared/schemas/report.ts';
import { ApiError, api, apiUrl, type Query } from '../lib/api.ts';
import { DATE_INPUT_FORMATS } from '../lib/format.ts';
import { useLang } from '../lib/i18n.tsx';
import { useSession } from '../lib/session.tsx';
import { FieldColumns } from './FieldColumns.tsx';
import { QueryState } from './QueryState.tsx';
import type { Period } from './report-period.ts';

/** The form's values: the draft with the dates as dayjs and Nơi nhận as lines. */
interface DraftForm extends Omit<EffectiveDraft, 'issuedOn' | 'recipients'> {
  issuedOn: Dayjs | null;
  recipients: string;
}

const toForm = (draft: EffectiveDraft): DraftForm => ({
  ...draft,
  issuedOn: draft.issuedOn ? dayjs(draft.issuedOn) : null,
  recipients: draft.recipients.join('\n'),
});

const fromForm = (values: DraftForm): EffectiveDraft => ({
  number: values.number.trim(),
  issuedOn: values.issuedOn ? values.issuedOn.format('YYYY-MM-DD') : null,
  addressee: values.addressee.trim(),
  signer: {
    authority: values.signer.authority.trim(),
    title: values.signer.title.trim(),
    name: values.signer.name.trim(),
  },
  recipients: values.recipients
    .split('\n')
    .map((line) => line.replace(/^[\s\-–+•]+/u, '').trim())
    .filter(Boolean),
  overview: values.overview,
  obstacles: values.obstacles,
  proposals: values.proposals,
  nextSteps: values.nextSteps,
});

/** The free-text sections: loaded for the period and plan, editable and saved by the Office. */
export function DraftEditor({
  period,
  planId,
  onDirty,
}: {
  period: Period;
  planId: number | undefined;
  onDirty: (dirty: boolean) => void;
}) {
  const { t } = useLang();
  const { can } = useSession();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const canWrite = can('report.write');
  const key = useMemo(
    () => ({ from: period.from, to: period.to, planId }) as Query,
    [period.from, period.to, planId],
  );
  const draft = useQuery({
    queryKey: ['report-draft', key],
    queryFn: () => api.get<DraftReply>('/reports/draft', key),
  });
  const save = useMutation({
    // api.put takes no query: the period and plan go into the path ('/reports/draft?from=…')
    mutationFn: (values: DraftForm) =>
      api.put<DraftReply>(apiUrl('/reports/draft', key).slice('/api'.length), {
        version: draft.data?.version ?? null,
        draft: fromForm(values),
      }),
    onSuccess: (reply) => {
      queryClient.setQueryData(['report-draft', key], reply);
      onDirty(false);
      void message.success(t('Đã lưu nội dung báo cáo.', 'Report text saved.'));
    },
  });
  const conflict = save.error instanceof ApiError && save.error.code === 'VERSION_CONFLICT';
  /** After a conflict: the latest saved text replaces the edits (the form remounts on the new version). */
  const reload = async () => {
    await draft.refetch();
    save.reset();
    onDirty(false);
  };

  return (
    <QueryState query={draft} rows={6}>
      {(data) => (
        <Form<DraftForm>
          key={`${data.version ?? 'new'}`}
          name="report-draft"
          layout="vertical"
          initialValues={toForm(data.draft)}
          disabled={!canWrite}
          onValuesChange={() => onDirty(true)}
          onFinish={(values) => save.mutate(values)}
        >
          {!canWrite && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={t(
                'Chỉ Văn phòng được sửa nội dung báo cáo; bạn vẫn tải được báo cáo.',
                'Only the Office edits the report text; you can still download the report.',
              )}
            />
          )}
          <FieldColumns min={200}>
            <Form.Item
              name="number"
              label={t('Số báo cáo', 'Number')}
              extra={t('…/BC-VP; để trống nếu chưa cấp số', '…/BC-VP; empty until registered')}
              rules={[
                {
                  pattern: /^\d*$/,
                  message: t('Số báo cáo chỉ gồm chữ số.', 'Digits only.'),
                },
              ]}
            >
              <Input maxLength={20} inputMode="numeric" />
            </Form.Item>
            <Form.Item
              name="issuedOn"
              label={t('Ngày ban hành', 'Date issued')}
              extra={t('Để trống: lấy ngày tính số liệu', 'Empty: the as-of date')}
            >
              <DatePicker format={DATE_INPUT_FORMATS} style={{ width: '100%' }} />
            </Form.Item>
          </FieldColumns>
          <Form.Item name="addressee" label={t('Kính gửi', 'To')}>
            <Input maxLength={300} />
          </Form.Item>
          {(
            [
              ['overview', t('I. Đánh giá chung', 'I. Overall assessment'), 3],
              ['obstacles', t('Nhận xét về khó khăn, vướng mắc', 'Comments on the obstacles'), 2],
              ['proposals', t('Đề xuất, kiến nghị', 'Proposals'), 2],
              ['nextSteps', t('Nhiệm vụ trọng tâm thời gian tới', 'Next steps'), 2],
            ] as const
          ).map(([name, label, minRows]) => (
            <Form.Item key={name} name={name} label={label}>
              <Input.TextArea autoSize={{ minRows, maxRows: 12 }} maxLength={20_000} />
            </Form.Item>
          ))}
          <FieldColumns min={200}>
            <Form.Item
              name={['signer', 'authority']}
              label={t('Thẩm quyền ký', 'Signing authority')}
              extra={t('ví dụ: KT. CHÁNH VĂN PHÒNG', 'e.g. KT. CHÁNH VĂN PHÒNG')}
            >
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name={['signer', 'title']} label={t('Chức vụ người ký', 'Signer title')}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name={['signer', 'name']} label={t('Họ tên người ký', 'Signer name')}>
              <Input maxLength={100} />
            </Form.Item>
          </FieldColumns>
          <Form.Item
            name="recipients"
            label={t('Nơi nhận', 'Recipients')}
            extra={t('Mỗi dòng một nơi nhận', 'One recipient a line')}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
          </Form.Item>
          {conflict && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              title={t(
                'Không lưu được: có người vừa sửa báo cáo này',
                'Not saved: someone has just edited it',
              )}
              description={`${save.error?.message ?? ''} ${t(
                'Tải lại sẽ thay nội dung bạn đang sửa bằng bản mới nhất.',
                'Reloading replaces your edits with the latest version.',
              )}`}
              action={
                <Button size="small" onClick={() => void reload()}>
                  {t('Tải lại bản mới nhất', 'Reload the latest')}
                </Button>
              }
            />
          )}
          {save.isError && !conflict && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('Không lưu được nội dung báo cáo', 'Could not save the report text')}
              description={save.error.message}
            />
          )}
          {canWrite && (
            <Flex gap={12} wrap align="center">
              <Button
                type="primary"
                htmlType="submit"
                icon={<SaveOutlined />}
                loading={save.isPending}
                data-testid="report-save"
              >
                {t('Lưu nội dung', 'Save the text')}
              </Button>
              {data.updatedBy && (
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {t(`Lưu lần cuối bởi ${data.updatedBy}`, `Last saved by ${data.updatedBy}`)}
                </Typography.Text>
              )}
            </Flex>
          )}
        </Form>
      )}
    </QueryState>
  );
}
