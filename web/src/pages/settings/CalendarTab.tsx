import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Segmented,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type {
  CalendarDayInput,
  CalendarDayView,
  CalendarReply,
  DueShiftReply,
} from '../../../../src/shared/schemas/calendar.ts';
import { CALENDAR_NAME_MAX } from '../../../../src/shared/schemas/calendar.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { api } from '../../lib/api.ts';
import { requiredText } from '../../lib/form-rules.ts';
import { formatDate, todayInVietnam } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';
import { useApiMutation } from '../../lib/mutation.ts';
import { useSession } from '../../lib/session.tsx';

const WEEKDAYS: [string, string][] = [
  ['Chủ nhật', 'Sunday'],
  ['Thứ Hai', 'Monday'],
  ['Thứ Ba', 'Tuesday'],
  ['Thứ Tư', 'Wednesday'],
  ['Thứ Năm', 'Thursday'],
  ['Thứ Sáu', 'Friday'],
  ['Thứ Bảy', 'Saturday'],
];

function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1)).getUTCDay();
}

interface AddForm {
  date: Dayjs;
  kind: CalendarDayInput['kind'];
  name: string;
}

/**
 * Lịch làm việc (docs/domain-rules.md §4a): one year's days off and weekend days worked of the
 * authority (GET /api/settings/calendar); the Office and admins add, change and remove days.
 */
export function CalendarTab() {
  const t = useT();
  const { can } = useSession();
  const canEdit = can('reminder.issue');
  const [year, setYear] = useState(() => Number(todayInVietnam().slice(0, 4)));
  const [form] = Form.useForm<AddForm>();
  const query = useQuery({
    queryKey: ['calendar', year],
    queryFn: () => api.get<CalendarReply>('/settings/calendar', { year }),
    placeholderData: keepPreviousData,
  });
  const add = useApiMutation({
    mutationFn: (body: CalendarDayInput) => api.post<CalendarDayView>('/settings/calendar', body),
    success: (d) => t(`Đã lưu ngày ${formatDate(d.date)}.`, `Saved ${formatDate(d.date)}.`),
    invalidate: [['calendar']],
    onSuccess: () => form.resetFields(['date', 'name']),
  });
  // docs/domain-rules.md §4a, "Hạn rơi vào ngày nghỉ": every due date of the authority is re-derived
  const dueShift = useApiMutation({
    mutationFn: (value: CalendarReply['dueShift']) =>
      api.put<DueShiftReply>('/settings/calendar/due-shift', { dueShift: value }),
    success: (r) => t(`Đã lưu; ${r.moved} hạn đã tính lại.`, `Saved; ${r.moved} due dates recomputed.`),
    invalidate: [['calendar']],
  });
  const remove = useApiMutation({
    mutationFn: (date: string) => api.delete<CalendarDayView>(`/settings/calendar/${date}`),
    success: (d) => t(`Đã xóa ngày ${formatDate(d.date)}.`, `Removed ${formatDate(d.date)}.`),
    invalidate: [['calendar']],
  });

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap>
        <span>{t('Năm', 'Year')}</span>
        <InputNumber
          aria-label={t('Năm', 'Year')}
          min={2000}
          max={2100}
          value={year}
          onChange={(v) => v && setYear(v)}
        />
      </Space>
      {query.data && (
        <Space wrap>
          <span>{t('Hạn rơi vào ngày nghỉ', 'A deadline on a day off')}</span>
          <Segmented<CalendarReply['dueShift']>
            aria-label={t('Hạn rơi vào ngày nghỉ', 'A deadline on a day off')}
            disabled={!canEdit || dueShift.isPending}
            value={query.data.dueShift}
            onChange={(v) => dueShift.mutate(v)}
            options={[
              { value: 'keep', label: t('Giữ nguyên', 'Keep it') },
              {
                value: 'next_working_day',
                label: t('Lùi sang ngày làm việc tiếp theo', 'Move to the next working day'),
              },
            ]}
          />
        </Space>
      )}
      {query.data && (
        <Alert
          type="info"
          showIcon
          title={
            query.data.announced
              ? t(
                  'Ngày nghỉ năm này theo thông báo của Chính phủ.',
                  'This year’s days off as the Government announced them.',
                )
              : t(
                  'Ngày nghỉ năm này tính theo Bộ luật Lao động; khi có thông báo của Chính phủ, hãy sửa cho khớp.',
                  'This year’s days off follow the Labour Code; correct them when the Government announces the year.',
                )
          }
        />
      )}
      {canEdit && (
        <Form<AddForm>
          form={form}
          layout="inline"
          initialValues={{ kind: 'day_off' }}
          onFinish={(v) => add.mutate({ date: v.date.format('YYYY-MM-DD'), kind: v.kind, name: v.name })}
        >
          <Form.Item name="date" rules={[{ required: true, message: t('Chọn ngày', 'Pick a date') }]}>
            <DatePicker format="DD/MM/YYYY" placeholder={t('Ngày', 'Date')} />
          </Form.Item>
          <Form.Item name="kind">
            <Segmented
              options={[
                { value: 'day_off', label: t('Nghỉ', 'Day off') },
                { value: 'working_day', label: t('Làm việc bù', 'Worked') },
              ]}
            />
          </Form.Item>
          <Form.Item name="name" rules={[requiredText(t('Nhập tên ngày', 'Name the day'))]}>
            <Input
              placeholder={t('Tên, ví dụ Tết Nguyên đán', 'Name, e.g. Tết')}
              maxLength={CALENDAR_NAME_MAX}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={add.isPending}>
            {t('Thêm', 'Add')}
          </Button>
        </Form>
      )}
      <QueryState
        query={query}
        isEmpty={(data) => data.days.length === 0}
        empty={t('Năm này chưa có ngày nghỉ lễ, tết nào.', 'No holidays in this year.')}
      >
        {(data) => (
          <Table<CalendarDayView>
            size="small"
            rowKey="date"
            dataSource={data.days}
            pagination={false}
            scroll={{ x: 640 }}
            columns={[
              {
                title: t('Ngày', 'Date'),
                dataIndex: 'date',
                width: 110,
                render: (v: string) => formatDate(v),
              },
              {
                title: t('Thứ', 'Weekday'),
                dataIndex: 'date',
                key: 'weekday',
                width: 100,
                render: (v: string) => {
                  const [vi, en] = WEEKDAYS[weekdayOf(v)] ?? ['', ''];
                  return t(vi, en);
                },
              },
              {
                title: t('Loại', 'Kind'),
                dataIndex: 'kind',
                width: 120,
                render: (v: CalendarDayView['kind']) =>
                  v === 'day_off' ? (
                    <Tag color="red">{t('Nghỉ', 'Day off')}</Tag>
                  ) : (
                    <Tag color="blue">{t('Làm việc bù', 'Worked')}</Tag>
                  ),
              },
              { title: t('Tên', 'Name'), dataIndex: 'name' },
              {
                title: t('Nguồn', 'Source'),
                dataIndex: 'source',
                width: 110,
                render: (v: CalendarDayView['source']) => (
                  <Typography.Text type="secondary">
                    {v === 'shipped' ? 'dondoc' : t('Văn phòng', 'Office')}
                  </Typography.Text>
                ),
              },
              ...(canEdit
                ? [
                    {
                      title: '',
                      key: 'remove',
                      width: 60,
                      render: (_: unknown, d: CalendarDayView) => (
                        <ConfirmButton
                          question={t(`Xóa ngày ${formatDate(d.date)}?`, `Remove ${formatDate(d.date)}?`)}
                          okText={t('Xóa', 'Remove')}
                          okDanger
                          onConfirm={() => remove.mutate(d.date)}
                          size="small"
                          icon={<DeleteOutlined />}
                          aria-label={t(`Xóa ngày ${formatDate(d.date)}`, `Remove ${formatDate(d.date)}`)}
                        />
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </QueryState>
    </Space>
  );
}
