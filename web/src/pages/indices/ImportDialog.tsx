import { DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Modal, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { ImportRowError } from '../../../../src/shared/schemas/indices.ts';
import { ApiError, api, apiUrl } from '../../lib/api.ts';
import { useT } from '../../lib/i18n.tsx';

/** Tải mẫu nhập: the .xlsx template of the indices scored in `year` (the server's default: last year). */
export function TemplateButton({ year }: { year?: number }) {
  const t = useT();
  return (
    <Button icon={<DownloadOutlined />} href={apiUrl('/indices/template.xlsx', { year })}>
      {t('Tải mẫu nhập', 'Download the template')}
    </Button>
  );
}

interface Imported {
  imported: { index: string; year: number; created: boolean }[];
}

/** Nhập từ tệp: upload a filled template (.xlsx/.csv); all or nothing, with the rows in error listed. */
export function ImportButton() {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => setOpen(true)}>
        {t('Nhập từ tệp', 'Import a file')}
      </Button>
      {open && <ImportDialog onClose={() => setOpen(false)} />}
    </>
  );
}

function ImportDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<{ message: string; rows: ImportRowError[] } | null>(null);
  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api.upload<Imported>('/indices/import', form);
    },
    onMutate: () => setFailure(null),
    onSuccess: async (answer) => {
      await queryClient.invalidateQueries({ queryKey: ['indices'] });
      message.success(
        t(
          `Đã nhập ${answer.imported.length} kết quả: ${answer.imported.map((r) => `${r.index} ${r.year}`).join(', ')}.`,
          `Imported ${answer.imported.length} results: ${answer.imported.map((r) => `${r.index} ${r.year}`).join(', ')}.`,
        ),
      );
      onClose();
    },
    onError: (error) => {
      const details =
        error instanceof ApiError ? (error.details as { errors?: ImportRowError[] } | undefined) : undefined;
      setFailure({ message: error.message, rows: details?.errors ?? [] });
    },
  });
  return (
    <Modal
      open
      title={t('Nhập kết quả chỉ số từ tệp', 'Import index results from a file')}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('Đóng', 'Close')}</Button>}
      destroyOnHidden
      width={720}
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          {t(
            'Dùng tệp mẫu (.xlsx) hoặc tệp .csv cùng các cột. Tệp được nhập trọn vẹn: chỉ một dòng lỗi thì không kết quả nào được ghi.',
            'Use the template (.xlsx) or a .csv with the same columns. The file is imported whole: one row in error and nothing is written.',
          )}
        </Typography.Paragraph>
        <TemplateButton />
        <Upload.Dragger
          accept=".xlsx,.csv"
          multiple={false}
          showUploadList={false}
          disabled={upload.isPending}
          beforeUpload={(file) => {
            upload.mutate(file);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">
            {upload.isPending
              ? t('Đang nhập…', 'Importing…')
              : t('Bấm hoặc kéo tệp .xlsx / .csv vào đây', 'Click or drop an .xlsx / .csv file here')}
          </p>
        </Upload.Dragger>
        {failure && (
          <>
            <Alert type="error" showIcon title={failure.message} />
            {failure.rows.length > 0 && (
              <Table<ImportRowError>
                size="small"
                rowKey={(r) => `${r.row}-${r.message}`}
                dataSource={failure.rows}
                pagination={failure.rows.length > 10 ? { pageSize: 10 } : false}
                scroll={{ x: true }}
                columns={[
                  { title: t('Dòng', 'Row'), dataIndex: 'row', width: 70 },
                  { title: t('Lỗi', 'Problem'), dataIndex: 'message' },
                ]}
                data-testid="import-errors"
              />
            )}
          </>
        )}
      </Space>
    </Modal>
  );
}
