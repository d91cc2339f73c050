import { InboxOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Progress, Space, Steps, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Agency, Group } from '../../../../src/shared/schemas/directory.ts';
import type { Imported, ImportPreview } from '../../../../src/shared/schemas/import.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ApiError, api } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';
import { useSession } from '../../lib/session.tsx';
import { fetchAll } from '../directory/agencies.ts';
import { ImportReview, type ReviewState } from './ImportReview.tsx';
import type { ReviewDirectory } from './review-model.ts';
import { uploadWithProgress } from './upload.ts';
import './plans.css';

const ACCEPT = '.txt,.docx,.pdf,.xlsx,.csv,.png,.jpg,.jpeg';

/**
 * Nhập kế hoạch: drop the document → it goes up (with progress) → what dondoc read, header and task
 * table side by side with the warnings → the clerk fixes agency matches, dates and the number, adds
 * the names the directory lacks (the file is then read again) → confirm stores the plan with the file
 * as its source (the corrections in the form field `plan`; tasks without lead only once confirmed)
 * → the plan page.
 */
export default function ImportPage() {
  const t = useT();
  const { session } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<'pick' | 'uploading' | 'reading' | 'review' | 'saving'>('pick');
  const [percent, setPercent] = useState(0);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [readError, setReadError] = useState<ApiError | null>(null);
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [replace, setReplace] = useState(false);
  const [rereading, setRereading] = useState(false);
  const [allowNoLead, setAllowNoLead] = useState(false);
  const directory = useQuery({
    queryKey: ['directory', 'import-review'],
    queryFn: async (): Promise<ReviewDirectory> => ({
      agencies: await fetchAll<Agency>('/directory/agencies'),
      groups: await fetchAll<Group>('/directory/groups'),
    }),
    staleTime: 5 * 60_000,
  });

  /** After the clerk added a name to the directory: the same file read again against it. */
  const reread = async () => {
    if (!file) return;
    setRereading(true);
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      await queryClient.invalidateQueries({ queryKey: ['directory'] });
      setPreview(await api.upload<ImportPreview>('/plans/import/preview', form));
    } catch (error) {
      const failed = toApiError(error);
      message.error(`${failed.message} (${failed.code})`);
    } finally {
      setRereading(false);
    }
  };

  const read = async (picked: File) => {
    setFile(picked);
    setPreview(null);
    setReadError(null);
    setSaveError(null);
    setReplace(false);
    setAllowNoLead(false);
    setPercent(0);
    setPhase('uploading');
    const form = new FormData();
    form.append('file', picked, picked.name);
    try {
      const answer = await uploadWithProgress<ImportPreview>(
        '/plans/import/preview',
        form,
        session?.csrfToken ?? null,
        (p) => {
          setPercent(p);
          if (p >= 100) setPhase('reading');
        },
      );
      setPreview(answer);
      setPhase('review');
    } catch (error) {
      setReadError(toApiError(error));
      setPhase('pick');
    }
  };

  const confirm = async (review: ReviewState) => {
    if (!file) return;
    setSaveError(null);
    setPhase('saving');
    const form = new FormData();
    if (replace) form.append('replace', 'true');
    if (review.confirmTasksWithoutLead || allowNoLead) form.append('confirmTasksWithoutLead', 'true');
    if (review.corrected) form.append('plan', JSON.stringify(review.plan));
    if (review.followupFrom) form.append('followupFrom', review.followupFrom);
    form.append('file', file, file.name);
    try {
      const answer = await api.upload<Imported>('/plans/import', form);
      await queryClient.invalidateQueries({ queryKey: ['plans'] });
      message.success(
        t(
          `Đã lưu kế hoạch ${answer.plan.number}: ${answer.plan.tasks} nhiệm vụ, ${answer.plan.leadAssignments} lượt giao chủ trì.`,
          `Plan ${answer.plan.number} stored: ${answer.plan.tasks} tasks, ${answer.plan.leadAssignments} lead assignments.`,
        ),
      );
      if (answer.plan.followupFrom) {
        message.info(
          t(
            `Theo dõi từ ngày ${formatDate(answer.plan.followupFrom)}: những ngày trước đó không tính nhắc nhở, điểm và ngày quá hạn.`,
            `Followed up from ${formatDate(answer.plan.followupFrom)}: earlier days count for no reminder, score or days overdue.`,
          ),
        );
      }
      navigate(`/ke-hoach/${answer.plan.planId}`);
    } catch (error) {
      setSaveError(toApiError(error));
      setPhase('review');
    }
  };

  const reset = () => {
    setFile(null);
    setPreview(null);
    setReadError(null);
    setSaveError(null);
    setPhase('pick');
  };

  const step = phase === 'pick' ? 0 : phase === 'uploading' || phase === 'reading' ? 1 : 2;

  return (
    <>
      <PageHeader
        title={t('Nhập kế hoạch', 'Import a plan')}
        subtitle={t(
          'Tải văn bản kế hoạch lên, kiểm tra những gì hệ thống đọc được, sửa nếu cần rồi lưu.',
          'Upload the plan document, check what was read, fix it if needed, then store it.',
        )}
      />
      <Card style={{ marginBottom: 16 }}>
        <Steps
          current={step}
          size="small"
          responsive
          items={[
            { title: t('Chọn văn bản', 'Choose the document') },
            { title: t('Tải lên và đọc', 'Upload and read') },
            { title: t('Kiểm tra, sửa và lưu', 'Check, fix and store') },
          ]}
        />
      </Card>
      {(phase === 'pick' || phase === 'uploading' || phase === 'reading') && (
        <Card>
          {readError && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              title={t(`Không đọc được "${file?.name ?? ''}"`, `Could not read "${file?.name ?? ''}"`)}
              description={`${readError.message} (${readError.code})`}
            />
          )}
          {phase === 'pick' ? (
            <Upload.Dragger
              accept={ACCEPT}
              multiple={false}
              showUploadList={false}
              beforeUpload={(picked) => {
                void read(picked);
                return false;
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">
                {t(
                  'Kéo thả văn bản vào đây, hoặc bấm để chọn tệp',
                  'Drop the document here, or click to choose a file',
                )}
              </p>
              <p className="ant-upload-hint">
                {t(
                  'Văn bản kế hoạch có phụ lục nhiệm vụ: .docx, .pdf, .xlsx, .csv hoặc .txt.',
                  'A plan document with its appendix of tasks: .docx, .pdf, .xlsx, .csv or .txt.',
                )}
              </p>
            </Upload.Dragger>
          ) : (
            <div
              role="status"
              aria-live="polite"
              style={{ maxWidth: 520, margin: '24px auto', textAlign: 'center' }}
            >
              <Typography.Paragraph strong>{file?.name}</Typography.Paragraph>
              <Progress
                percent={phase === 'reading' ? 100 : percent}
                status="active"
                aria-label={t('Tiến trình tải lên', 'Upload progress')}
              />
              <Typography.Text type="secondary">
                {phase === 'reading'
                  ? t(
                      'Đang đọc văn bản và đối chiếu danh mục cơ quan…',
                      'Reading the document and matching agencies…',
                    )
                  : t(`Đang tải lên… ${percent} %`, `Uploading… ${percent} %`)}
              </Typography.Text>
            </div>
          )}
        </Card>
      )}
      {(phase === 'review' || phase === 'saving') && preview && file && (
        <ImportReview
          key={`${file.name}-${file.size}-${file.lastModified}`}
          fileName={file.name}
          preview={preview}
          directory={directory.data ?? null}
          directoryError={directory.error}
          saving={phase === 'saving'}
          rereading={rereading}
          onCancel={reset}
          onConfirm={(review) => void confirm(review)}
          onReread={() => void reread()}
          footer={
            saveError && (
              <Alert
                type="error"
                showIcon
                title={t('Chưa lưu được kế hoạch', 'The plan was not stored')}
                description={
                  <Space orientation="vertical">
                    <span>{`${saveError.message} (${saveError.code})`}</span>
                    {saveError.code === 'IMPORT_TASKS_WITHOUT_LEAD' && (
                      <Checkbox checked={allowNoLead} onChange={(e) => setAllowNoLead(e.target.checked)}>
                        {t(
                          'Vẫn lưu các nhiệm vụ chưa có cơ quan chủ trì (Văn phòng chỉ định sau)',
                          'Store the tasks without lead anyway (the Office assigns them later)',
                        )}
                      </Checkbox>
                    )}
                    {saveError.code === 'PLAN_EXISTS' && (
                      <>
                        <span>
                          {t(
                            'Hãy sửa "Số, ký hiệu" ở trên nếu đây là văn bản khác, hoặc chọn thay thế kế hoạch đã có (chỉ được khi chưa có kết quả nào được ghi nhận).',
                            'Change the number above if this is another document, or replace the stored plan (only while no result has been recorded).',
                          )}
                        </span>
                        <Checkbox checked={replace} onChange={(e) => setReplace(e.target.checked)}>
                          {t('Thay thế kế hoạch cùng số', 'Replace the plan with this number')}
                        </Checkbox>
                      </>
                    )}
                  </Space>
                }
              />
            )
          }
        />
      )}
      {phase === 'review' && !preview && (
        <Button onClick={reset}>{t('Chọn văn bản khác', 'Choose another document')}</Button>
      )}
    </>
  );
}

function toApiError(error: unknown): ApiError {
  return error instanceof ApiError
    ? error
    : new ApiError(0, 'UNKNOWN', error instanceof Error ? error.message : String(error));
}
