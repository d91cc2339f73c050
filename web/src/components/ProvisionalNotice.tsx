import { Alert } from 'antd';

/**
 * The notice over figures of a period that is not over yet (follow-up scores, commendations): they are
 * provisional as of a day. Nothing when the period is over.
 */
export function ProvisionalNotice({ provisional, title }: { provisional: boolean; title: string }) {
  if (!provisional) return null;
  return <Alert type="info" showIcon title={title} />;
}
