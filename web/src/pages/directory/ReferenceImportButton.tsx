import { ImportOutlined } from '@ant-design/icons';
import { App, Button, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../lib/api.ts';
import { useLang } from '../../lib/i18n.tsx';
import { useApiMutation } from '../../lib/mutation.ts';

type ReferenceId = 'provincial-departments' | 'government' | 'provinces';

interface ReferenceImport {
  added: { code: string; name: string }[];
  skipped: { name: string; existingCode: string }[];
  groupsAdded: string[];
  successorsAdded: number;
}

/**
 * Thêm từ danh mục tham chiếu — the Office adds a shipped reference directory (a province's
 * departments, the Government's ministries, the provinces) to its directory in one step; agencies it
 * already has by name are skipped (POST /api/directory/reference-imports).
 */
export function ReferenceImportButton() {
  const { t } = useLang();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [reference, setReference] = useState<ReferenceId>('provincial-departments');
  const choices: { value: ReferenceId; label: string; description: string }[] = [
    {
      value: 'provincial-departments',
      label: t('Các sở, ban, ngành tỉnh', "A province's departments"),
      description: t(
        'Các sở, Văn phòng UBND, Thanh tra tỉnh trước và sau sắp xếp năm 2025, cùng tên viết tắt (Sở KH&ĐT, Sở TT&TT …).',
        'Departments, the Office and the Inspectorate before and after the 2025 reorganisation, with their short forms.',
      ),
    },
    {
      value: 'government',
      label: t('Các bộ, ngành Trung ương', 'Ministries and central agencies'),
      description: t(
        'Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ (trước và sau 1/3/2025) và UBND các tỉnh, thành phố.',
        'Ministries, ministerial-level agencies and agencies under the Government (before and after 1/3/2025), and the provinces.',
      ),
    },
    {
      value: 'provinces',
      label: t('UBND các tỉnh, thành phố', 'Provinces and cities'),
      description: t('63 tỉnh, thành phố trước 1/7/2025 và 34 sau đó.', '63 before 1/7/2025, 34 after.'),
    },
  ];
  const add = useApiMutation({
    mutationFn: () => api.post<ReferenceImport>('/directory/reference-imports', { reference }),
    invalidate: [['directory']],
    onSuccess: (result) => {
      message.success(
        t(
          `Đã thêm ${result.added.length} cơ quan, ${result.groupsAdded.length} nhóm; bỏ qua ${result.skipped.length} cơ quan đã có.`,
          `Added ${result.added.length} agencies and ${result.groupsAdded.length} groups; skipped ${result.skipped.length} already there.`,
        ),
      );
      setOpen(false);
    },
  });
  return (
    <>
      <Button icon={<ImportOutlined />} onClick={() => setOpen(true)}>
        {t('Thêm từ danh mục mẫu', 'Add from a reference')}
      </Button>
      <Modal
        open={open}
        title={t('Thêm từ danh mục tham chiếu', 'Add from a reference directory')}
        okText={t('Thêm vào danh mục', 'Add to the directory')}
        cancelText={t('Hủy', 'Cancel')}
        confirmLoading={add.isPending}
        onOk={() => add.mutate()}
        onCancel={() => setOpen(false)}
      >
        <Radio.Group value={reference} onChange={(e) => setReference(e.target.value as ReferenceId)}>
          <Space orientation="vertical">
            {choices.map((c) => (
              <Radio key={c.value} value={c.value}>
                <div>{c.label}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {c.description}
                </Typography.Text>
              </Radio>
            ))}
          </Space>
        </Radio.Group>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t(
            'Cơ quan đã có (cùng tên hoặc tên gọi khác) được giữ nguyên; có thể sửa, thêm tên gọi khác sau.',
            'Agencies already there (same name or alias) are kept as they are; edit them afterwards.',
          )}
        </Typography.Paragraph>
      </Modal>
    </>
  );
}
