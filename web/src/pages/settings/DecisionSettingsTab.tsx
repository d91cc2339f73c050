import { useQuery } from '@tanstack/react-query';
import { Alert, Space, Switch, Typography } from 'antd';
import type { DecisionSettings } from '../../../../src/shared/schemas/extension.ts';
import { api } from '../../lib/api.ts';
import { useT } from '../../lib/i18n.tsx';
import { useApiMutation } from '../../lib/mutation.ts';
import { useSession } from '../../lib/session.tsx';

const KEY = ['settings', 'decisions'] as const;

/**
 * Ai quyết định gia hạn (docs/domain-rules.md §10): by default a leader decides and the Office
 * proposes; an administrator may let the Office decide alone.
 */
export function DecisionSettingsTab() {
  const t = useT();
  const { can } = useSession();
  const settings = useQuery({
    queryKey: KEY,
    queryFn: () => api.get<DecisionSettings>('/settings/decisions'),
  });
  const save = useApiMutation({
    mutationFn: (body: DecisionSettings) => api.put<DecisionSettings>('/settings/decisions', body),
    success: t('Đã lưu.', 'Saved.'),
    invalidate: [KEY],
  });
  return (
    <Space direction="vertical" style={{ maxWidth: 720 }}>
      <Typography.Paragraph>
        {t(
          'Gia hạn thời hạn nhiệm vụ do Chủ tịch hoặc Phó Chủ tịch UBND tỉnh phụ trách lĩnh vực quyết định (ghi số và ngày văn bản); Văn phòng trình kèm ý kiến.',
          'Extensions are decided by the Chairman or the Vice-Chairman in charge (with the decision document); the Office proposes with its opinion.',
        )}
      </Typography.Paragraph>
      <Space>
        <Switch
          aria-label={t('Cho phép Văn phòng tự quyết định gia hạn', 'Let the Office decide extensions alone')}
          checked={settings.data?.officeDecidesExtensions ?? false}
          loading={settings.isLoading || save.isPending}
          disabled={!can('user.manage')}
          onChange={(on) => save.mutate({ officeDecidesExtensions: on })}
        />
        <span>{t('Cho phép Văn phòng tự quyết định gia hạn', 'Let the Office decide extensions alone')}</span>
      </Space>
      {!can('user.manage') && (
        <Alert
          type="info"
          title={t('Chỉ quản trị viên thay đổi được cấu hình này.', 'Only administrators can change this.')}
        />
      )}
    </Space>
  );
}
