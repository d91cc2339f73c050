import { EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { AgencyRef } from '../../../../src/shared/schemas/directory.ts';
import type { RuleSetReply } from '../../../../src/shared/schemas/scoring.ts';
import { YearFilter } from '../../components/filters.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { api, type Page } from '../../lib/api.ts';
import { todayInVietnam } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';
import { useSession } from '../../lib/session.tsx';
import { RuleSetEditor } from './RuleSetEditor.tsx';
import { RuleSetSummary } from './RuleSetSummary.tsx';

/** This year and the next, back to 2019. */
function years(): number[] {
  const current = Number(todayInVietnam().slice(0, 4));
  return Array.from({ length: current - 2017 }, (_, i) => current + 1 - i);
}

/** The agencies of the directory, for naming codes (one page of 200 is the whole directory). */
export function useAgencyOptions() {
  return useQuery({
    queryKey: ['agency-options'],
    queryFn: async () =>
      (await api.get<Page<AgencyRef>>('/directory/agencies', { pageSize: 200 })).items.map((a) => ({
        id: a.id,
        code: a.code,
        name: a.name,
      })),
    staleTime: 5 * 60_000,
  });
}

/**
 * Quy tắc chấm điểm: the rule set of a year (GET /api/score-rule-sets/:year) in plain sentences,
 * and for the Office a form to change it (PUT, validated by the server with its Vietnamese message).
 */
export function RuleSetTab() {
  const t = useT();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const yearParam = Number(params.get('year'));
  const year = yearParam >= 2000 && yearParam <= 2100 ? yearParam : Number(todayInVietnam().slice(0, 4));
  const [editing, setEditing] = useState(false);
  const query = useQuery({
    queryKey: ['score-rule-set', year],
    queryFn: () => api.get<RuleSetReply>(`/score-rule-sets/${year}`),
  });
  const agencies = useAgencyOptions();
  const nameOf = new Map((agencies.data ?? []).map((a) => [a.code, a.name]));
  const agencyName = (code: string) => {
    const name = nameOf.get(code);
    return name ? `${name} (${code})` : code;
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: 12 }}>
        <YearFilter
          id="rule-set-year"
          year={year}
          onChange={(value) => {
            setEditing(false);
            setParams((p) => {
              const next = new URLSearchParams(p);
              next.set('year', String(value));
              return next;
            });
          }}
          years={years()}
          style={{ width: 160 }}
        />
        {query.data && (
          <Space wrap size={8}>
            {query.data.source === 'configured' ? (
              <Tag color="green">
                {t(
                  `Đã cấu hình · phiên bản ${query.data.version}`,
                  `Configured · version ${query.data.version}`,
                )}
              </Tag>
            ) : (
              <Tag color="gold">
                {t('Mặc định của dondoc, chưa cấu hình', 'dondoc’s default, not configured')}
              </Tag>
            )}
            {can('scoring.configure') && !editing && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('Sửa bộ tiêu chí', 'Edit the rules')}
              </Button>
            )}
          </Space>
        )}
      </div>
      <QueryState query={query} rows={8}>
        {(reply) => (
          <>
            <Typography.Title level={2} style={{ fontSize: 18, marginTop: 0 }}>
              {reply.ruleSet.name}
            </Typography.Title>
            {reply.source === 'default' && (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 12 }}
                title={t(
                  `Năm ${year} chưa có bộ tiêu chí riêng: đang dùng số liệu mặc định của dondoc (chưa theo văn bản của tỉnh). Văn phòng sửa và lưu để áp dụng cho năm này.`,
                  `${year} has no rule set of its own: dondoc's default numbers apply (not from a provincial document). The Office can edit and save them for this year.`,
                )}
              />
            )}
            {editing ? (
              <RuleSetEditor
                key={`${reply.year}:${reply.version ?? 0}`}
                reply={reply}
                agencies={agencies.data ?? []}
                onDone={() => setEditing(false)}
                onReload={() => void query.refetch()}
              />
            ) : (
              <RuleSetSummary ruleSet={reply.ruleSet} agencyName={agencyName} />
            )}
          </>
        )}
      </QueryState>
    </Space>
  );
}
