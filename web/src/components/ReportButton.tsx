import { FileTextOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useT } from '../lib/i18n.tsx';
import type { ReportDefaults } from './ReportDialog.tsx';

const loadDialog = () => import('./ReportDialog.tsx');
const ReportDialog = lazy(loadDialog);

/**
 * "Báo cáo": opens the report dialog (loaded on first use, so it stays out of the initial bundle)
 * with the page's period, as-of date and plan as defaults. The dialog keeps its state while the page
 * lives, and starts again from the defaults when they change.
 */
export function ReportButton({ defaults }: { defaults: ReportDefaults }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [used, setUsed] = useState(false);
  return (
    <>
      <Button
        icon={<FileTextOutlined />}
        onClick={() => {
          setUsed(true);
          setOpen(true);
        }}
        onMouseEnter={() => void loadDialog()}
        onFocus={() => void loadDialog()}
        data-testid="report-open"
      >
        {t('Lập báo cáo', 'Report')}
      </Button>
      {used && (
        <Suspense fallback={null}>
          <ReportDialog
            key={`${defaults.from}/${defaults.to}/${defaults.asOf ?? ''}/${defaults.planId ?? ''}`}
            open={open}
            onClose={() => setOpen(false)}
            defaults={defaults}
          />
        </Suspense>
      )}
    </>
  );
}
