import { ReloadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button } from 'antd';
import { type CSSProperties, useState } from 'react';
import { ApiError } from '../../lib/api.ts';
import { useT } from '../../lib/i18n.tsx';

/**
 * A settings form saved with the version it read (PUT … { version }): the failure is kept to be
 * shown in the form (a version conflict, or the server's list of problems) until the next success.
 */
export function useVersionedSave<TValues, TSaved>(
  mutationFn: (values: TValues) => Promise<TSaved>,
  onSaved: (saved: TSaved) => void,
) {
  const [failure, setFailure] = useState<ApiError | null>(null);
  const save = useMutation({
    mutationFn,
    onSuccess: (saved) => {
      setFailure(null);
      onSaved(saved);
    },
    onError: (error) =>
      setFailure(error instanceof ApiError ? error : new ApiError(0, 'ERROR', error.message)),
  });
  return { save, failure, clearFailure: () => setFailure(null) };
}

/** Problems as a plain list under an alert's title. */
export function IssueList({ issues }: { issues: string[] }) {
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
      {issues.map((issue) => (
        <li key={issue}>{issue}</li>
      ))}
    </ul>
  );
}

/**
 * Why the save failed: someone else saved first (`VERSION_CONFLICT`, with a button to load their
 * version) or the server refused the values, in its own words and with its list of `issues`.
 */
export function SaveFailureAlert({
  failure,
  conflictTitle,
  errorTitle,
  issues,
  onReload,
  style,
  testId,
}: {
  failure: ApiError;
  conflictTitle: string;
  errorTitle: string;
  issues: string[] | undefined;
  onReload: () => void;
  style?: CSSProperties;
  testId?: string;
}) {
  const t = useT();
  const conflict = failure.code === 'VERSION_CONFLICT';
  return (
    <Alert
      type={conflict ? 'warning' : 'error'}
      showIcon
      role="alert"
      data-testid={testId}
      style={style}
      title={conflict ? conflictTitle : errorTitle}
      description={
        <>
          <div>{failure.message}</div>
          {issues && issues.length > 0 && <IssueList issues={issues} />}
        </>
      }
      action={
        conflict ? (
          <Button size="small" icon={<ReloadOutlined />} onClick={onReload}>
            {t('Tải lại bản mới nhất', 'Load the latest')}
          </Button>
        ) : undefined
      }
    />
  );
}
