import { MessageOutlined } from '@ant-design/icons';
import { Alert, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { ExtensionStatus } from '../../../../src/shared/schemas/extension.ts';
import { OBSTACLE_TEXT_MAX } from '../../../../src/shared/schemas/limits.ts';
import type { ObstacleStatus } from '../../../../src/shared/schemas/obstacle.ts';
import { formatDate } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';
import { ItemList } from '../inbox/ItemList.tsx';
import { TextDecision, useDecision } from './decisions.tsx';
import { ExtensionActions, type ExtensionFacts, ExtensionTrail } from './ExtensionDecisions.tsx';

/** What an extension request carries wherever it is listed (the review queue, the assignment's history). */
export interface ExtensionRequest extends ExtensionFacts {
  id: number;
  status: ExtensionStatus;
  decidedOn: string | null;
  decidedBy: string | null;
  decisionNote: string | null;
}

/** What an obstacle carries wherever it is listed. */
export interface ObstacleRequest {
  id: number;
  status: ObstacleStatus;
  response: string | null;
  respondedOn: string | null;
  respondedBy: string | null;
}

type Pagination = { current: number; pageSize: number; total: number; onChange: (page: number) => void };

/**
 * An agency's requests to the Office and the Office's answer to each: extensions (approve or reject)
 * and obstacles (respond), in the review queues and on the assignment page alike. `describe` shows the
 * request as the place wants it (the queue names the task and the agency, the history only the dates);
 * the decision taken, the buttons to take one and their dialogs are the same everywhere.
 */
export function RequestList<E extends ExtensionRequest, O extends ObstacleRequest>(
  props: {
    /** the Office may decide: the pending requests get their buttons */
    canDecide: boolean;
    pagination?: Pagination;
  } & (
    | {
        kind: 'extension';
        items: readonly E[];
        describe: (request: E) => ReactNode;
        /** the assignment's version the approval is made against (a concurrent change is refused) */
        version: (request: E) => number;
      }
    | { kind: 'obstacle'; items: readonly O[]; describe: (request: O) => ReactNode }
  ),
) {
  if (props.kind === 'extension') {
    const { kind, canDecide, version, ...list } = props;
    return (
      <RequestItems
        {...list}
        outcome={(e) => (
          <>
            {e.decidedOn && (
              <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                {[formatDate(e.decidedOn), e.decidedBy, e.decisionNote].filter(Boolean).join(' · ')}
              </Typography.Paragraph>
            )}
            <ExtensionTrail request={e} />
            {e.status === 'pending' && canDecide && <ExtensionActions request={e} version={version(e)} />}
          </>
        )}
      />
    );
  }
  const { kind, canDecide, ...list } = props;
  return (
    <RequestItems
      {...list}
      outcome={(o) => (
        <>
          <ObstacleAnswer obstacle={o} />
          {o.status === 'open' && canDecide && (
            <div style={{ marginTop: 8 }}>
              <RespondObstacleButton obstacleId={o.id} />
            </div>
          )}
        </>
      )}
    />
  );
}

/** The requests one under the other: each as the place describes it, then its outcome or the buttons to decide it. */
function RequestItems<R extends { id: number }>(props: {
  items: readonly R[];
  pagination?: Pagination | undefined;
  describe: (request: R) => ReactNode;
  outcome: (request: R) => ReactNode;
}) {
  return (
    <ItemList
      items={props.items}
      rowKey={(r) => r.id}
      pagination={props.pagination}
      render={(r) => (
        <div style={{ width: '100%' }}>
          {props.describe(r)}
          {props.outcome(r)}
        </div>
      )}
    />
  );
}

function ObstacleAnswer({ obstacle: o }: { obstacle: ObstacleRequest }) {
  const t = useT();
  if (!o.response) return null;
  return (
    <Alert
      type="success"
      style={{ marginTop: 6 }}
      title={[t('Trả lời', 'Answer'), o.respondedOn && formatDate(o.respondedOn), o.respondedBy]
        .filter(Boolean)
        .join(' · ')}
      description={o.response}
    />
  );
}

function RespondObstacleButton({ obstacleId }: { obstacleId: number }) {
  const t = useT();
  const decide = useDecision<{ response: string }>(
    `/obstacles/${obstacleId}/respond`,
    t('Đã gửi trả lời.', 'Answer sent.'),
  );
  return (
    <TextDecision
      icon={<MessageOutlined />}
      buttonLabel={t('Trả lời', 'Answer')}
      title={t('Trả lời khó khăn, vướng mắc', 'Answer the obstacle')}
      fieldLabel={t('Nội dung trả lời', 'Answer')}
      maxLength={OBSTACLE_TEXT_MAX}
      okLabel={t('Gửi trả lời', 'Send')}
      primary
      pending={decide.isPending}
      onSubmit={(text) => decide.mutateAsync({ response: text })}
    />
  );
}
