import { authorityOf } from '../access/access.ts';
import { findAuthorityById } from '../directory/directory.repo.ts';
import { contentDisposition, getPlanDetail } from '../plans/plans-read.service.ts';
import type { ServiceContext } from '../service-context.ts';
import { buildReportData, type ReportData, type ReportQuery } from './report-data.ts';
import { reportDocument } from './report-text.ts';

export const REPORT_FORMATS = ['docx', 'xlsx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const MEDIA_TYPES: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

export interface ExportedFile {
  fileName: string;
  mediaType: string;
  content: Buffer;
  contentDisposition: string;
}

/** 'bao-cao-2021-01-01-den-2021-03-31[-87-KH-UBND].docx' */
export function reportFileName(data: Pick<ReportData, 'from' | 'to' | 'plan'>, format: ReportFormat): string {
  const plan = data.plan ? `-${data.plan.number.replace(/[^\p{L}\p{N}]+/gu, '-')}` : '';
  return `bao-cao-${data.from}-den-${data.to}${plan}.${format}`;
}

/**
 * A report's bytes in one of the three formats, from the one data builder. Each format's writer
 * (exceljs, docx, pdfkit and its fonts) is loaded by its first report, not by the server's start.
 */
export async function renderReport(data: ReportData, format: ReportFormat): Promise<Uint8Array> {
  if (format === 'xlsx') return (await import('./report-xlsx.ts')).renderReportXlsx(data);
  const doc = reportDocument(data);
  return format === 'docx'
    ? (await import('./report-docx.ts')).renderReportDocx(doc)
    : (await import('./report-pdf.ts')).renderReportPdf(doc);
}

/** Báo cáo — the report for a period as a file (access: buildReportData). */
export async function exportReport(
  ctx: ServiceContext,
  query: ReportQuery & { format: ReportFormat },
): Promise<ExportedFile> {
  const data = await buildReportData(ctx, query);
  const fileName = reportFileName(data, query.format);
  return {
    fileName,
    mediaType: MEDIA_TYPES[query.format],
    content: Buffer.from(await renderReport(data, query.format)),
    contentDisposition: contentDisposition(fileName),
  };
}

/** Phụ lục — the plan's appendix with state columns as .xlsx: whoever may read the plan (plan.read). */
export async function exportPlanAppendix(
  c: ServiceContext,
  planId: number,
  query: { asOf?: string | undefined },
): Promise<ExportedFile> {
  const detail = await getPlanDetail(c, planId, query);
  const authority = await findAuthorityById(c.db, authorityOf(c.actor));
  const fileName = `phu-luc-${detail.plan.number.replace(/[^\p{L}\p{N}]+/gu, '-')}.xlsx`;
  return {
    fileName,
    mediaType: MEDIA_TYPES.xlsx,
    content: Buffer.from(
      await (await import('./appendix-xlsx.ts')).renderAppendixXlsx(detail, authority.name),
    ),
    contentDisposition: contentDisposition(fileName),
  };
}
