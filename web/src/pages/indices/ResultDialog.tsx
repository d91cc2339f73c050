import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, InputNumber, Select, Switch, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { Definition, IndexResult, ResultBody } from '../../../../src/shared/schemas/indices.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { ApiError, api } from '../../lib/api.ts';
import { todayInVietnam } from '../../lib/format.ts';
import { useLang } from '../../lib/i18n.tsx';
import { componentKindLabel, componentName, definitionFor, formatNumberExact } from './labels.tsx';

interface ResultForm {
  year: number;
  score: number | null;
  rank: number | null;
  rankedOf: number | null;
  group: string | null;
  sourceNote: string;
  sourceUrl: string;
  published: boolean;
  components: Record<string, number | null>;
}

/** The figures of the form from the stored result of a year; a year without one starts empty, ranked of 63. */
function figuresOf(result: IndexResult | null): Omit<ResultForm, 'year' | 'published'> {
  return {
    score: result?.score ?? null,
    rank: result?.rank ?? null,
    rankedOf: result?.rankedOf ?? (result ? null : 63),
    group: result?.group ?? null,
    sourceNote: result?.sourceNote ?? '',
    sourceUrl: result?.sourceUrl ?? '',
    components: Object.fromEntries((result?.components ?? []).map((c) => [c.code, c.score])),
  };
}

/**
 * Ghi kết quả một năm: score, rank, number ranked, group, component scores of the method version of
 * that year, source. The server checks it; its message is shown on the field it names.
 */
export function ResultDialog({
  code,
  defs,
  results,
  initial,
  onClose,
}: {
  code: string;
  defs: Definition[];
  results: IndexResult[];
  /** the result being edited, or the year to enter */
  initial: IndexResult | { year: number } | null;
  onClose: () => void;
}) {
  const { t, lang } = useLang();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ResultForm>();
  const [serverError, setServerError] = useState<string | null>(null);
  const editing = initial !== null && 'version' in initial ? initial : null;
  const thisYear = Number(todayInVietnam().slice(0, 4));
  const versions = defs.filter((d) => d.code === code);
  const firstYear = Math.min(...versions.map((d) => d.validFrom));
  const lastYear = Math.min(thisYear, Math.max(...versions.map((d) => d.validTo ?? thisYear)));
  const years = useMemo(() => {
    const list: number[] = [];
    for (let y = lastYear; y >= firstYear; y--) list.push(y);
    return list;
  }, [firstYear, lastYear]);
  // by default the latest past year without a result (this year's figures are published next year)
  const startYear =
    initial?.year ?? years.find((y) => y < thisYear && !results.some((r) => r.year === y)) ?? lastYear;
  const year = Form.useWatch('year', form) ?? startYear;
  const def = definitionFor(defs, code, year);
  const existing = editing ?? results.find((r) => r.year === year) ?? null;

  const initialValues: ResultForm = {
    year: startYear,
    ...figuresOf(existing),
    published: existing?.published ?? true,
  };

  const save = useMutation({
    mutationFn: (values: ResultForm) => {
      const body: ResultBody = {
        score: values.score ?? null,
        rank: values.rank ?? null,
        rankedOf: values.rankedOf ?? null,
        group: values.group?.trim() ? values.group.trim() : null,
        sourceNote: values.sourceNote?.trim() ?? '',
        sourceUrl: values.sourceUrl?.trim() ? values.sourceUrl.trim() : null,
        published: values.published ?? true,
        internalNote: existing?.internalNote ?? '',
        components: (def?.components ?? [])
          .map((c) => ({ code: c.code, score: values.components?.[c.code] }))
          .filter((c): c is { code: string; score: number } => typeof c.score === 'number'),
      };
      return api.put<{ created: boolean; result: IndexResult }>(
        `/indices/results/${code}/${values.year}`,
        body,
      );
    },
    onMutate: () => setServerError(null),
    onSuccess: async (answer) => {
      await queryClient.invalidateQueries({ queryKey: ['indices'] });
      message.success(
        answer.created
          ? t(`Đã ghi kết quả ${code} năm ${answer.result.year}.`, `${code} ${answer.result.year} saved.`)
          : t(
              `Đã cập nhật kết quả ${code} năm ${answer.result.year}.`,
              `${code} ${answer.result.year} updated.`,
            ),
      );
      onClose();
    },
    onError: (error) => {
      setServerError(error.message);
      if (!(error instanceof ApiError)) return;
      const details = error.details as { field?: string; component?: string } | undefined;
      const name: ['components', string] | ['score' | 'rank' | 'rankedOf' | 'group'] | null =
        details?.field === 'components' && details.component
          ? ['components', details.component]
          : details?.field === 'score' ||
              details?.field === 'rank' ||
              details?.field === 'rankedOf' ||
              details?.field === 'group'
            ? [details.field]
            : null;
      if (name) form.setFields([{ name, errors: [error.message] }]);
    },
  });

  const unitHint =
    def === undefined
      ? ''
      : def.unit === 'percent'
        ? t(`thang 0–${def.scaleMax} %`, `scale 0–${def.scaleMax} %`)
        : def.unit === 'ratio'
          ? t(`thang 0–${formatNumberExact(def.scaleMax, lang)}`, `scale 0–${def.scaleMax}`)
          : t(`thang 0–${def.scaleMax} điểm`, `scale 0–${def.scaleMax} points`);

  return (
    <FormModal<ResultForm>
      form={form}
      title={
        editing
          ? t(`Sửa kết quả ${code} năm ${editing.year}`, `Edit ${code} ${editing.year}`)
          : t(`Nhập kết quả ${code}`, `Enter a ${code} result`)
      }
      okText={t('Lưu', 'Save')}
      submit={save}
      onCancel={onClose}
      width={640}
      preserve
      initialValues={initialValues}
      onValuesChange={(changed) => {
        if ('year' in changed) {
          setServerError(null);
          form.setFieldsValue(figuresOf(results.find((r) => r.year === changed.year) ?? null));
        }
      }}
    >
      {serverError && (
        <Alert
          type="error"
          showIcon
          title={serverError}
          style={{ marginBottom: 16 }}
          data-testid="result-error"
        />
      )}
      <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
        <Form.Item
          name="year"
          label={t('Năm', 'Year')}
          style={{ flex: '1 1 120px' }}
          rules={[{ required: true }]}
        >
          <Select<number>
            disabled={editing !== null}
            options={years.map((y) => ({
              value: y,
              label: results.some((r) => r.year === y) ? t(`${y} (đã có)`, `${y} (entered)`) : String(y),
            }))}
          />
        </Form.Item>
        <Form.Item name="score" label={t('Điểm số', 'Score')} extra={unitHint} style={{ flex: '1 1 140px' }}>
          <InputNumber<number> style={{ width: '100%' }} decimalSeparator={lang === 'vi' ? ',' : '.'} />
        </Form.Item>
      </div>
      <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
        <Form.Item name="rank" label={t('Thứ hạng', 'Rank')} style={{ flex: '1 1 120px' }}>
          <InputNumber<number> style={{ width: '100%' }} precision={0} />
        </Form.Item>
        <Form.Item
          name="rankedOf"
          label={t('Trên tổng số tỉnh', 'Out of (provinces)')}
          style={{ flex: '1 1 120px' }}
        >
          <InputNumber<number> style={{ width: '100%' }} precision={0} />
        </Form.Item>
        <Form.Item name="group" label={t('Nhóm xếp loại', 'Group')} style={{ flex: '1 1 160px' }}>
          {def && def.groups.length > 0 ? (
            <Select allowClear options={def.groups.map((g) => ({ value: g, label: g }))} />
          ) : (
            <Input />
          )}
        </Form.Item>
      </div>
      {def && def.components.length > 0 && (
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend style={{ fontSize: 14, marginBottom: 8 }}>
            {componentKindLabel(def.componentKind, lang)}{' '}
            <Typography.Text type="secondary">
              {t(
                `(phương pháp từ ${def.validFrom}, mỗi mục tối đa ${formatNumberExact(def.components[0]?.max ?? 0, lang)}; để trống nếu chưa công bố)`,
                `(method from ${def.validFrom}, each at most ${def.components[0]?.max ?? 0}; leave blank if not published)`,
              )}
            </Typography.Text>
          </legend>
          <div
            style={{
              display: 'grid',
              gap: '0 12px',
              gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 240px), 1fr))',
            }}
          >
            {def.components.map((c) => (
              <Form.Item key={c.code} name={['components', c.code]} label={componentName(c, c.code, lang)}>
                <InputNumber<number> style={{ width: '100%' }} decimalSeparator={lang === 'vi' ? ',' : '.'} />
              </Form.Item>
            ))}
          </div>
        </fieldset>
      )}
      <Form.Item name="sourceNote" label={t('Nguồn số liệu', 'Source')}>
        <Input.TextArea
          autoSize={{ minRows: 1, maxRows: 4 }}
          placeholder={t('ví dụ: VCCI, PCI 2023', 'e.g. VCCI, PCI 2023')}
        />
      </Form.Item>
      <Form.Item
        name="sourceUrl"
        label={t('Đường dẫn nguồn', 'Source URL')}
        rules={[
          {
            type: 'url',
            message: t(
              'Đường dẫn phải bắt đầu bằng http:// hoặc https://',
              'The URL must start with http:// or https://',
            ),
          },
        ]}
      >
        <Input inputMode="url" placeholder="https://" />
      </Form.Item>
      <Form.Item name="published" label={t('Công khai', 'Public')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </FormModal>
  );
}
