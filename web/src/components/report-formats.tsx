import { FileExcelOutlined, FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';

/** The files a report downloads as (GET /api/reports?format=…), each with its icon. */
export const REPORT_FORMATS: { format: 'docx' | 'xlsx' | 'pdf'; icon: ReactNode }[] = [
  { format: 'docx', icon: <FileWordOutlined /> },
  { format: 'xlsx', icon: <FileExcelOutlined /> },
  { format: 'pdf', icon: <FilePdfOutlined /> },
];
