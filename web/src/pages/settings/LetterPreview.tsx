import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Typography } from 'antd';
import { workingCalendarOf } from '../../../../src/domain/holidays.ts';
import { addWorkingDays } from '../../../../src/domain/working-days.ts';
import { numberLine, signatureProblem, signerTitles } from '../../../../src/shared/letter-forms.ts';
import type { CalendarReply } from '../../../../src/shared/schemas/calendar.ts';
import type { LetterSettings } from '../../../../src/shared/schemas/followup.ts';
import { api } from '../../lib/api.ts';
import { formatDate, todayInVietnam } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';
import { dateInWords, recipientLines } from './letter-preview.ts';

function upperLines(text: string | undefined): string[] {
  return (text ?? '')
    .split('\n')
    .map((l) => l.trim().toLocaleUpperCase('vi'))
    .filter((l) => l !== '');
}

/** How the letter's header, the consequence and deadline sentence, and the signature will read. */
export function LetterPreview({ values }: { values: Omit<LetterSettings, 'authority'> }) {
  const t = useT();
  const today = todayInVietnam();
  const issuer = values.issuer ?? { parent: '', name: '', place: '' };
  const signer = values.signer ?? { authority: '', title: '', name: '' };
  const days = Number(values.reportWithinDays) || 7;
  // working days on the authority's calendar of this year (docs/domain-rules.md §4a); weekends only until it loads
  const year = Number(today.slice(0, 4));
  const calendar = useQuery({
    queryKey: ['calendar', year],
    queryFn: () => api.get<CalendarReply>('/settings/calendar', { year }),
  });
  const reportBy = addWorkingDays(workingCalendarOf(calendar.data?.days ?? []), today, days);
  const consequence = (values.consequence ?? '').trim().replace(/[\s.;]+$/u, '');
  const centre = { textAlign: 'center' as const };
  const column = { flex: '1 1 150px', minWidth: 0, ...centre };
  const titles = signerTitles(signer);
  const signature = signatureProblem(values.form ?? 'office', signer);
  return (
    <Card
      size="small"
      title={t('Xem trước công văn', 'Letter preview')}
      data-testid="letter-preview"
      style={{ position: 'sticky', top: 16 }}
    >
      <div style={{ fontFamily: '"Times New Roman", Tinos, serif', fontSize: 14, lineHeight: 1.45 }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12 }}>
          <div style={column}>
            {upperLines(issuer.parent).map((line) => (
              <div key={line}>{line}</div>
            ))}
            {(upperLines(issuer.name).length > 0 ? upperLines(issuer.name) : ['…']).map((line) => (
              <div key={line} style={{ fontWeight: 700 }}>
                {line}
              </div>
            ))}
            <div style={{ width: 60, margin: '2px auto 6px', borderTop: '1px solid currentColor' }} />
            <div>{numberLine(4, values.symbol || '…')}</div>
            <div style={{ fontSize: 12 }}>V/v đôn đốc thực hiện nhiệm vụ tại Kế hoạch số 87/KH-UBND</div>
          </div>
          <div style={column}>
            <div style={{ fontWeight: 700, fontSize: 13 }}>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>
            <div style={{ fontWeight: 700 }}>Độc lập - Tự do - Hạnh phúc</div>
            <div style={{ width: 150, margin: '2px auto 6px', borderTop: '1px solid currentColor' }} />
            <div style={{ fontStyle: 'italic' }}>
              {issuer.place || '…'}, {dateInWords(today)}
            </div>
          </div>
        </div>
        <div style={{ margin: '12px 0', textAlign: 'justify' }}>
          <div style={{ color: 'var(--ant-color-text-tertiary, #888)' }}>…</div>
          {consequence && <p style={{ margin: '4px 0' }}>Kế hoạch số 87/KH-UBND đã lưu ý: {consequence}.</p>}
          <p style={{ margin: '4px 0' }}>
            Đề nghị … gửi kết quả về UBND … trước ngày {formatDate(reportBy)}; …
          </p>
        </div>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12 }}>
          <div style={{ flex: '1 1 150px', minWidth: 0, fontSize: 12 }}>
            <div style={{ fontWeight: 700, fontStyle: 'italic' }}>Nơi nhận:</div>
            {recipientLines(values.recipients ?? [], values.division || 'KSTT').map((line, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: lines may repeat while being typed
              <div key={i}>{line}</div>
            ))}
          </div>
          <div style={{ ...column, fontWeight: 700 }}>
            {titles.map((line, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the lines are positional
              <div key={i}>{line}</div>
            ))}
            <div style={{ height: 48 }} />
            <div data-testid="preview-signer">{signer.name || '…'}</div>
          </div>
        </div>
      </div>
      {signature && <Alert style={{ marginTop: 12 }} type="warning" showIcon title={signature} />}
      {!signer.name?.trim() && (
        <Alert
          style={{ marginTop: 12 }}
          type="info"
          showIcon
          title={t(
            'Chưa có họ tên người ký: công văn sẽ để trống dòng này.',
            'No signer’s name yet: the letter will leave this line empty.',
          )}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
        {t(
          'Số công văn, kế hoạch và ngày chỉ là ví dụ; công văn thật lấy số và ngày khi vào sổ văn bản đi.',
          'The number, plan and date are examples; a real letter takes its number and date when registered.',
        )}
      </Typography.Paragraph>
    </Card>
  );
}
