import { describe, expect, it } from 'vitest';
import { expandAssignments, groupAssignments, type PlanAssignment } from './plan-assignments.ts';

const agencies = new Map([
  [1, { id: 1, code: 'VP', name: 'Văn phòng UBND tỉnh' }],
  [2, { id: 2, code: 'SNV', name: 'Sở Nội vụ' }],
  [7, { id: 7, code: 'STP', name: 'Sở Tư pháp' }],
]);

function row(id: number, agencyId: number, fields: Partial<PlanAssignment> = {}): PlanAssignment {
  const agency = agencies.get(agencyId);
  if (!agency) throw new Error(`no agency ${agencyId}`);
  return {
    id,
    agencyId,
    agencyCode: agency.code,
    agencyName: agency.name,
    role: 'support',
    occurrence: 0,
    periodLabel: null,
    opensOn: '2021-01-13',
    originalDueOn: '2021-03-31',
    currentDueOn: '2021-03-31',
    state: 'open_overdue',
    daysOverdue: 10,
    doneOn: null,
    ...fields,
  };
}

const strip = ({ agencyCode: _code, agencyName: _name, ...rest }: PlanAssignment) => rest;

describe('the plan answer’s assignment groups', () => {
  // in the server's order: lead first, then agency id, then occurrence
  const rows = [
    row(10, 1, { role: 'lead', occurrence: 0, periodLabel: 'Quý I/2021' }),
    row(11, 1, {
      role: 'lead',
      occurrence: 1,
      periodLabel: 'Quý II/2021',
      originalDueOn: '2021-06-30',
      currentDueOn: '2021-07-15',
      state: 'open_on_time',
      daysOverdue: 0,
    }),
    row(12, 7, {
      role: 'lead',
      occurrence: 0,
      periodLabel: 'Quý I/2021',
      state: 'done_late',
      daysOverdue: 0,
      doneOn: '2021-04-02',
    }),
    row(13, 2),
    row(14, 7),
  ];

  it('gives the shared fields once and each assignment by its id and its agency id', () => {
    const groups = groupAssignments(rows.map(strip));
    expect(groups).toHaveLength(4);
    const { id: _id, agencyId: _agencyId, ...shared } = strip(row(13, 2));
    expect(groups.at(-1)).toEqual({ ...shared, ids: [13, 14], agencyIds: [2, 7] });
  });

  it('expands back into the same rows, in the same order, with each agency’s code and name', () => {
    expect(expandAssignments(groupAssignments(rows.map(strip)), agencies)).toEqual(rows);
    // whatever order the groups come in
    expect(expandAssignments(groupAssignments(rows.map(strip)).reverse(), agencies)).toEqual(rows);
  });

  it('refuses a group naming an agency the answer does not carry', () => {
    const groups = groupAssignments([strip(row(20, 2))]);
    expect(() => expandAssignments(groups, new Map())).toThrow(/agency 2/);
  });
});
