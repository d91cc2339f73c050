// The Redmine side of the benchmark (bench/redmine/): the pure parts, without Redmine or a database —
// the data generator is deterministic and has the promised shape, and the SQL captured from
// Redmine's log is turned back into runnable statements.
import { describe, expect, it } from 'vitest';
import { addDays, agencies, apiKeyFor, generate } from '../bench/redmine/load.ts';
import { parseSqlLog, percentile } from '../bench/redmine/measure.ts';

describe('bench/redmine load.ts generator', () => {
  const asOf = '2025-06-30';
  const data = generate(10_000, 9, asOf);

  it('is deterministic from the seed and makes exactly the asked number of issues', () => {
    expect(data.issues).toHaveLength(10_000);
    const again = generate(10_000, 9, asOf);
    expect(again.issues).toEqual(data.issues);
    expect(again.plans.map((p) => p.identifier)).toEqual(data.plans.map((p) => p.identifier));
    expect(generate(10_000, 10, asOf).issues).not.toEqual(data.issues);
  });

  it('has 26 provincial agencies and 104 communes with unique logins and keys', () => {
    const all = agencies();
    expect(all.filter((a) => a.provincial)).toHaveLength(26);
    expect(all.filter((a) => !a.provincial)).toHaveLength(104);
    expect(new Set(all.map((a) => a.login)).size).toBe(130);
    expect(all.every((a) => a.firstname.length <= 30)).toBe(true); // users.firstname is varchar(30)
    expect(apiKeyFor('stp', 9)).toMatch(/^[0-9a-f]{40}$/);
    expect(apiKeyFor('stp', 9)).not.toBe(apiKeyFor('snv', 9));
  });

  it('keeps every assignee a member of its plan, most issues closed, dates consistent', () => {
    const broken = data.issues.filter(
      (issue) =>
        !data.plans[issue.project]?.agencies.has(issue.agency) ||
        issue.start > issue.due ||
        issue.start > asOf ||
        (issue.status === 'closed') !== (issue.closedOn !== null),
    );
    expect(broken).toEqual([]);
    const closed = data.issues.filter((i) => i.status === 'closed').length;
    expect(closed / data.issues.length).toBeGreaterThan(0.75);
    const overdueOpen = data.issues.filter((i) => i.status !== 'closed' && i.due <= asOf).length;
    const upcomingOpen = data.issues.filter((i) => i.status !== 'closed' && i.due > asOf).length;
    expect(overdueOpen).toBeGreaterThan(0);
    expect(upcomingOpen).toBeGreaterThan(0);
    expect(data.plans.length).toBeGreaterThan(5);
  });

  it('adds calendar days without a time-zone shift', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
  });
});

describe('bench/redmine measure.ts', () => {
  it('turns the Rails SQL log back into statements, binds substituted, query-cache hits left out', () => {
    const log = [
      'noise from rails runner',
      'SQLLOG   \u001b[1m\u001b[36mToken Load (4.8ms)\u001b[0m  \u001b[1m\u001b[34mSELECT "tokens".* FROM "tokens" WHERE "tokens"."value" = $1 LIMIT $2\u001b[0m  [["value", "a\'b"], ["LIMIT", 1]]',
      'SQLLOG   CACHE Tracker Load (0.0ms)  SELECT "trackers".* FROM "trackers" WHERE "trackers"."id" = $1  [["id", 2]]',
      'SQLLOG    (1.6ms)  SELECT COUNT(*) FROM "issues" WHERE (issues.due_date <= \'2025-06-30\')',
      'STATUS=200',
    ].join('\n');
    expect(parseSqlLog(log)).toEqual([
      {
        label: 'Token Load',
        railsMs: 4.8,
        sql: `SELECT "tokens".* FROM "tokens" WHERE "tokens"."value" = 'a''b' LIMIT 1`,
      },
      {
        label: 'SQL',
        railsMs: 1.6,
        sql: `SELECT COUNT(*) FROM "issues" WHERE (issues.due_date <= '2025-06-30')`,
      },
    ]);
  });

  it('takes nearest-rank percentiles', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 0.5)).toBe(50);
    expect(percentile(xs, 0.95)).toBe(95);
    expect(percentile(xs, 0.99)).toBe(99);
    expect(percentile([7], 0.99)).toBe(7);
  });
});
