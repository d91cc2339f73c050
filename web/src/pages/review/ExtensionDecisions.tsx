import { AuditOutlined, CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { DatePicker, Form, Input, Radio, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { DecisionSettings, ExtensionItem } from '../../../../src/shared/schemas/extension.ts';
import { NOTE_MAX } from '../../../../src/shared/schemas/limits.ts';
import { api } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';
import { useSession } from '../../lib/session.tsx';
import { DATE_FORMAT, toDay } from '../inbox/form-values.ts';
import { DecisionDialog, useDecision } from './decisions.tsx';

/** What the extension buttons read of a request. */
export type ExtensionFacts = Pick<
  ExtensionItem,
  'id' | 'status' | 'proposal' | 'decisionNumber' | 'decisionDate'
>;

/**
 * Who decides an extension (docs/domain-rules.md §10): the Office proposes (trình) with its opinion,
 * a leader decides with the decision document's number and date; the Office decides alone only where
 * the authority allows it.
 */
export function ExtensionActions({ request, version }: { request: ExtensionFacts; version: number }) {
  const { can, session } = useSession();
  const office = can('extension.propose');
  const leader = session?.user.role === 'leader';
  const settings = useQuery({
    queryKey: ['settings', 'decisions'],
    queryFn: () => api.get<DecisionSettings>('/settings/decisions'),
    enabled: office,
  });
  const alone = office && settings.data?.officeDecidesExtensions === true;
  return (
    <Space wrap style={{ marginTop: 8 }}>
      {office && !request.proposal && <ProposeButton extensionId={request.id} />}
      {(leader || alone) && (
        <>
          <DecideButton extensionId={request.id} version={version} approve withDocument={leader} />
          <DecideButton extensionId={request.id} version={version} approve={false} withDocument={leader} />
        </>
      )}
    </Space>
  );
}

/** The Office's proposal and the decision document, under the request wherever it is listed. */
export function ExtensionTrail({ request }: { request: ExtensionFacts }) {
  const t = useT();
  const p = request.proposal;
  return (
    <>
      {p && (
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('Văn phòng trình', 'Office proposal')} {formatDate(p.proposedOn)}:{' '}
          {p.recommends === 'approve'
            ? t('đề nghị đồng ý', 'recommends approval')
            : t('đề nghị không đồng ý', 'recommends rejection')}{' '}
          — {p.opinion}
        </Typography.Paragraph>
      )}
      {request.decisionNumber && (
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('Văn bản quyết định số', 'Decision document')} {request.decisionNumber}
          {request.decisionDate && ` ${t('ngày', 'of')} ${formatDate(request.decisionDate)}`}
        </Typography.Paragraph>
      )}
    </>
  );
}

function ProposeButton({ extensionId }: { extensionId: number }) {
  const t = useT();
  const propose = useDecision<{ recommends: 'approve' | 'reject'; opinion: string }>(
    `/extensions/${extensionId}/propose`,
    t('Đã trình lãnh đạo.', 'Proposed to the leader.'),
  );
  return (
    <DecisionDialog<{ recommends: 'approve' | 'reject'; opinion: string }>
      icon={<AuditOutlined />}
      label={t('Trình lãnh đạo', 'Propose to the leader')}
      title={t('Trình lãnh đạo quyết định gia hạn', 'Propose a decision to the leader')}
      okLabel={t('Trình', 'Propose')}
      primary
      pending={propose.isPending}
      initialValues={{ recommends: 'approve' }}
      onSubmit={(v) => propose.mutateAsync({ recommends: v.recommends, opinion: v.opinion.trim() })}
    >
      <Form.Item name="recommends" label={t('Đề xuất của Văn phòng', "The Office's recommendation")}>
        <Radio.Group>
          <Radio value="approve">{t('Đồng ý gia hạn', 'Approve')}</Radio>
          <Radio value="reject">{t('Không đồng ý', 'Reject')}</Radio>
        </Radio.Group>
      </Form.Item>
      <Form.Item
        name="opinion"
        label={t('Ý kiến của Văn phòng', "The Office's opinion")}
        rules={[{ required: true, whitespace: true, message: t('Nêu ý kiến.', 'Give an opinion.') }]}
      >
        <Input.TextArea rows={3} maxLength={NOTE_MAX} showCount />
      </Form.Item>
    </DecisionDialog>
  );
}

interface DecisionValues {
  decisionNumber?: string;
  decisionDate?: Dayjs;
  note?: string;
}

function DecideButton(props: {
  extensionId: number;
  version: number;
  approve: boolean;
  withDocument: boolean;
}) {
  const t = useT();
  const decide = useDecision<Record<string, unknown>>(
    `/extensions/${props.extensionId}/${props.approve ? 'approve' : 'reject'}`,
    props.approve
      ? t('Đã duyệt gia hạn.', 'Extension approved.')
      : t('Đã từ chối gia hạn.', 'Extension rejected.'),
  );
  const label = props.approve ? t('Duyệt', 'Approve') : t('Từ chối', 'Reject');
  const required = (message: string) => [{ required: true, whitespace: true, message }];
  return (
    <DecisionDialog<DecisionValues>
      icon={props.approve ? <CheckOutlined /> : <CloseOutlined />}
      label={label}
      title={
        props.approve
          ? t('Duyệt đề nghị gia hạn', 'Approve the extension')
          : t('Từ chối đề nghị gia hạn', 'Reject the extension')
      }
      okLabel={label}
      primary={props.approve}
      danger={!props.approve}
      pending={decide.isPending}
      onSubmit={(v) =>
        decide.mutateAsync({
          ...(props.approve ? { version: props.version } : {}),
          ...(v.decisionNumber?.trim() ? { decisionNumber: v.decisionNumber.trim() } : {}),
          ...(v.decisionDate ? { decisionDate: toDay(v.decisionDate) } : {}),
          ...(v.note?.trim() ? { note: v.note.trim() } : {}),
        })
      }
    >
      {props.approve && (
        <Typography.Paragraph type="secondary">
          {t(
            'Thời hạn của nhiệm vụ sẽ được dời sang ngày đề nghị.',
            'The deadline moves to the requested date.',
          )}
        </Typography.Paragraph>
      )}
      <Form.Item
        name="decisionNumber"
        label={t('Số văn bản quyết định', 'Decision document number')}
        rules={props.withDocument ? required(t('Ghi số văn bản.', 'Give the number.')) : []}
      >
        <Input maxLength={100} placeholder="123/UBND-VP" />
      </Form.Item>
      <Form.Item
        name="decisionDate"
        label={t('Ngày văn bản quyết định', 'Decision document date')}
        rules={props.withDocument ? [{ required: true, message: t('Chọn ngày.', 'Choose a date.') }] : []}
      >
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="note"
        label={props.approve ? t('Ghi chú', 'Note') : t('Lý do từ chối', 'Reason')}
        rules={props.approve ? [] : required(t('Nêu lý do.', 'Give the reason.'))}
      >
        <Input.TextArea rows={3} maxLength={NOTE_MAX} showCount />
      </Form.Item>
    </DecisionDialog>
  );
}
