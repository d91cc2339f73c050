import { Typography } from 'antd';
import type { PlanDetailView as PlanDetail } from '../../../../src/shared/plan-assignments.ts';
import { addDays, daysBetween, STATE_COLORS, stateLabel } from '../../lib/domain.ts';
import { formatDate } from '../../lib/format.ts';
import { useLang } from '../../lib/i18n.tsx';
import { StateLegend } from './parts.tsx';
import { lastDueOf, openedLeads, summaryState, timeScale } from './plan-state.ts';
import './plans.css';

const NOT_OPEN_COLOR = '#bfbfbf';
/** How near (a share of the span) a scale label may come to the as-of line's label. */
const TICK_CLEARANCE = 0.07;

/**
 * Tiến độ theo thời gian: one bar per task from the plan's date to its deadline (recurring tasks: to
 * the last occurrence, each occurrence marked), coloured by the state of its lead assignments as of
 * the chosen date, with a line on that date. Plain HTML and CSS; every bar is labelled for screen readers.
 */
export function Gantt({ detail, isToday }: { detail: PlanDetail; isToday: boolean }) {
  const { t } = useLang();
  const { plan, asOf } = detail;
  const start = plan.issuedOn;
  const dues = detail.tasks.map(lastDueOf).filter((d): d is string => d !== null);
  const latest = [start, asOf, ...dues].sort().at(-1) ?? start;
  const end = addDays(latest, 7);
  const span = Math.max(1, daysBetween(start, end));
  const share = (date: string) => Math.min(Math.max(daysBetween(start, date), 0), span) / span;
  const at = (date: string) => `${share(date) * 100}%`;
  const lineLabel = isToday ? t('Hôm nay', 'Today') : formatDate(asOf);
  const showLine = asOf >= start && asOf <= end;
  // the scale's labels never run into the line's: those too near it are left out (§11)
  // and none so near the right end that it would be cut off
  const ticks = timeScale(start, end).ticks.filter(
    (tick) =>
      share(tick.date) <= 1 - TICK_CLEARANCE &&
      (!showLine || Math.abs(share(tick.date) - share(asOf)) >= TICK_CLEARANCE),
  );
  // the line's label stays inside the chart at either end
  const lineShift = share(asOf) < 0.06 ? '0' : share(asOf) > 0.94 ? '-100%' : '-50%';

  return (
    <div>
      <div style={{ marginBottom: 12 }}>
        <StateLegend
          states={['done_on_time', 'done_late', 'open_on_time', 'open_overdue', 'ongoing', 'cancelled']}
        />
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
          {t(
            `Mỗi thanh chạy từ ngày ban hành (${formatDate(start)}) đến thời hạn; màu là tình trạng của cơ quan chủ trì tính đến ${formatDate(asOf)}; thanh xám: chưa đến lúc giao.`,
            `Each bar runs from the issue date (${formatDate(start)}) to the deadline; its colour is the lead agencies' state as of ${formatDate(asOf)}; grey: not yet assigned.`,
          )}
        </Typography.Text>
      </div>
      <section className="dd-gantt" aria-label={t('Biểu đồ tiến độ theo thời gian', 'Timeline of the tasks')}>
        <div className="dd-gantt-inner">
          <div className="dd-gantt-row dd-gantt-scale" aria-hidden>
            <div className="dd-gantt-label" />
            <div className="dd-gantt-track">
              {ticks.map((tick) => (
                <span key={tick.date} className="dd-gantt-month" style={{ left: at(tick.date) }}>
                  {tick.label}
                </span>
              ))}
              {showLine && (
                <span
                  className="dd-gantt-today-label"
                  style={{ left: at(asOf), transform: `translateX(${lineShift})` }}
                  data-testid="gantt-line-label"
                >
                  {lineLabel}
                </span>
              )}
            </div>
          </div>
          {detail.sections.length === 0 && <Rows detail={detail} sectionCode={null} at={at} />}
          {detail.sections.map((section) => (
            <div key={section.code}>
              <div className="dd-gantt-section">
                {section.code}. {section.title}
              </div>
              <Rows detail={detail} sectionCode={section.code} at={at} />
            </div>
          ))}
          {showLine && (
            <div className="dd-gantt-overlay" aria-hidden>
              <div className="dd-gantt-today" style={{ left: at(asOf) }} />
            </div>
          )}
        </div>
      </section>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {isToday
          ? t('Vạch đỏ: hôm nay.', 'Red line: today.')
          : t(`Vạch đỏ: ngày ${formatDate(asOf)}.`, `Red line: ${formatDate(asOf)}.`)}
      </Typography.Text>
    </div>
  );
}

function Rows({
  detail,
  sectionCode,
  at,
}: {
  detail: PlanDetail;
  sectionCode: string | null;
  at: (date: string) => string;
}) {
  const { lang, t } = useLang();
  const { plan, asOf } = detail;
  const tasks = detail.tasks.filter((task) => sectionCode === null || task.sectionCode === sectionCode);
  return (
    <ul className="dd-gantt-list">
      {tasks.map((task) => {
        const due = lastDueOf(task);
        const leads = openedLeads(task, asOf, plan.issuedOn);
        const state = task.cancelledOn ? 'cancelled' : summaryState(leads);
        const color = state ? STATE_COLORS[state] : NOT_OPEN_COLOR;
        const occurrences = [
          ...new Set(
            task.assignments
              .filter((a) => a.role === 'lead' && a.currentDueOn)
              .map((a) => a.currentDueOn as string),
          ),
        ];
        const label = [
          `${task.ref}: ${task.content.slice(0, 120)}`,
          t(`Thời hạn: ${task.deadlineText || '—'}`, `Deadline: ${task.deadlineText || '—'}`),
          due
            ? t(`đến ngày ${formatDate(due)}`, `until ${formatDate(due)}`)
            : t('không có ngày hạn', 'no due date'),
          state ? stateLabel(state, lang) : t('chưa đến lúc giao', 'not yet assigned'),
        ].join('. ');
        return (
          <li key={task.id} className="dd-gantt-row">
            <div className="dd-gantt-label" title={task.content}>
              <strong>{task.ref}</strong> {task.content}
            </div>
            <div className="dd-gantt-track">
              <div
                role="img"
                aria-label={label}
                title={label}
                className={`dd-gantt-bar${due ? '' : ' dd-gantt-bar-open'}`}
                style={{
                  left: 0,
                  width: due ? `max(4px, ${at(due)})` : '100%',
                  background: due
                    ? color
                    : `repeating-linear-gradient(90deg, ${color} 0 8px, transparent 8px 12px)`,
                }}
              />
              {occurrences.length > 1 &&
                occurrences.map((date) => (
                  <span key={date} className="dd-gantt-tick" style={{ left: at(date) }} aria-hidden />
                ))}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
