import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { expect, it } from 'vitest';
import { REPORT_CATEGORIES } from '../src/modules/reports/report-categories.ts';
import { submitResult } from '../src/modules/results/results.service.ts';
import { systemContextFor } from './support/context.ts';
import { describeOnFastestDatabase } from './support/databases.ts';
import { expectToContainAll } from './support/docx-xml.ts';
import { expectReply, signIn } from './support/http.ts';
import { useSeedWorld } from './support/world.ts';

/** docs/domain-rules.md §6: with no results, 68 lead assignments are overdue as of 2021-02-15. */
const SPLIT: Record<string, number> = { VP: 8, STP: 3, STTTT: 3, STC: 3, SNV: 3 };
const PERIOD = 'from=2021-01-01&to=2021-03-31&asOf=2021-02-15';

async function pdfText(bytes: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 })
    .promise;
  const pages: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    pages.push(content.items.map((i) => ('str' in i ? i.str : '')).join(' '));
  }
  await doc.destroy();
  return pages.join('\n').replace(/\s+/gu, ' ');
}

/** The rows of the .docx tables, each row its cells' text (from mammoth's HTML). */
async function docxTableRows(bytes: Buffer): Promise<string[][]> {
  const { value: html } = await mammoth.convertToHtml({ buffer: bytes });
  return [...html.matchAll(/<tr>(.*?)<\/tr>/gsu)].map((m) =>
    [...(m[1] ?? '').matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/gsu)].map((c) =>
      (c[1] ?? '').replace(/<[^>]+>/gu, '').trim(),
    ),
  );
}

describeOnFastestDatabase('reports to the Chairman (issue #7)', (t) => {
  const seed = useSeedWorld(t, { now: () => new Date('2021-02-15T09:00:00+07:00') });

  it('seed plan as of 15/02/2021 without results: 68 overdue, the §6 split, in JSON, .docx, .xlsx and .pdf', async () => {
    const office = await signIn(seed.world.app, 'vanphong');
    const json = await office.get(`/api/reports?${PERIOD}`);
    expect(json.statusCode).toBe(200);
    const report = json.json();
    expect(report.totals.counts).toMatchObject({ open_overdue: 68, reminders: 68, done_on_time: 0 });
    // in force in the period (§8): the 70 assignments due in it and the 41 opened by 15/02 and due later
    expect(report.totals.categories).toEqual({
      done_on_time: 0,
      done_late: 0,
      open_on_time: 2,
      open_overdue: 68,
      not_yet_due: 41,
      ongoing: 0,
    });
    expect(report.overdue).toHaveLength(68);
    expect(report.agencies).toHaveLength(29);
    for (const g of report.agencies) expect(g.counts.open_overdue, g.code).toBe(SPLIT[g.code] ?? 2);
    // one row per agency, the most overdue first; the Office is reported but not proposed for criticism
    const overdueCounts = report.agencies.map(
      (g: { counts: { open_overdue: number } }) => g.counts.open_overdue,
    );
    expect(overdueCounts).toEqual([...overdueCounts].sort((a, b) => b - a));
    expect(report.agencies[0]).toMatchObject({ code: 'VP', isMonitor: true });
    expect(report.commendations.criticised.map((a: { code: string }) => a.code).sort()).toEqual([
      'SNV',
      'STC',
      'STP',
      'STTTT',
    ]);
    expect(report.plans).toEqual([expect.objectContaining({ code: '87/KH-UBND', issuedOn: '2021-01-13' })]);

    // .docx: the báo cáo layout and the figures
    const docx = await office.get(`/api/reports?${PERIOD}&format=docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.headers['content-disposition']).toContain('bao-cao-2021-01-01-den-2021-03-31.docx');
    const { value: text } = await mammoth.extractRawText({ buffer: docx.rawPayload });
    expectToContainAll(text, [
      'UBND TỈNH TÂY NINH',
      'VĂN PHÒNG',
      '/BC-VP',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Tây Ninh, ngày 15 tháng 02 năm 2021',
      'BÁO CÁO',
      'I. KẾT QUẢ THỰC HIỆN',
      'II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN',
      'III. ĐỀ XUẤT, KIẾN NGHỊ',
      '68 lượt đang thực hiện quá hạn, 41 lượt chưa đến hạn',
      'Kế hoạch số 87/KH-UBND ngày 13/01/2021 của UBND tỉnh',
      'Đến ngày 15/02/2021 còn 68 lượt nhiệm vụ chưa hoàn thành đã quá hạn',
      'Trong đó, Văn phòng UBND tỉnh có 8 lượt nhiệm vụ chủ trì đã quá hạn.',
      'kính báo cáo Chủ tịch Ủy ban nhân dân tỉnh xem xét, chỉ đạo./.',
      'PHỤ LỤC I',
      'KẾT QUẢ THỰC HIỆN NHIỆM VỤ CỦA CÁC CƠ QUAN CHỦ TRÌ',
      '(Kèm theo Báo cáo số        /BC-VP ngày 15/02/2021 của Văn phòng UBND tỉnh)',
      'PHỤ LỤC II',
      'PHỤ LỤC III',
      'CHÁNH VĂN PHÒNG',
      'Nơi nhận:',
      '- Lưu: VT, VP.',
    ]);
    // a báo cáo has no Kính gửi (NĐ 30/2020, Phụ lục I)
    expect(text).not.toContain('Kính gửi');
    const rows = await docxTableRows(docx.rawPayload);
    const agencyRow = (name: string) => rows.find((r) => r[1] === name) ?? [];
    // STT, Cơ quan, Tổng số, HT đúng hạn, HT quá hạn, ĐTH trong hạn, ĐTH quá hạn, Chưa đến hạn, Thường xuyên, Nhắc nhở, Tỷ lệ
    expect(agencyRow('Văn phòng UBND tỉnh').slice(2)).toEqual([
      '20',
      '0',
      '0',
      '2',
      '8',
      '10',
      '0',
      '8',
      '0%',
    ]);
    expect(agencyRow('Sở Tư pháp')[6]).toBe('3');
    expect(agencyRow('UBND huyện Gò Dầu')[6]).toBe('2');
    // Phụ lục I starts with the most overdue agency
    expect(rows.find((r) => r[0] === '1' && r[1]?.startsWith('Văn phòng'))).toBeTruthy();
    // the totals by plan, the plan cited in full
    expect(rows.find((r) => r[1]?.startsWith('Kế hoạch số 87/KH-UBND'))?.slice(2, 8)).toEqual([
      '111',
      '0',
      '0',
      '2',
      '68',
      '41',
    ]);
    const documentXml = await (await JSZip.loadAsync(docx.rawPayload))
      .file('word/document.xml')
      ?.async('string');
    expect(documentXml).toContain('w:ascii="Times New Roman"');
    expect(documentXml).toMatch(/<w:sz w:val="28"\/>/u); // 14 pt body
    // the short rule right under the trích yếu, and each phụ lục on a new page
    expect(documentXml).toMatch(/đến ngày 31\/03\/2021\)<\/w:t><\/w:r><\/w:p><w:p><w:pPr><w:pBdr><w:top /u);
    expect(documentXml?.match(/<w:pageBreakBefore\/>/gu)).toHaveLength(3);

    // .xlsx: five sheets, real numbers and dates, frozen header, filter
    const xlsx = await office.get(`/api/reports?${PERIOD}&format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(xlsx.rawPayload).buffer);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Tổng hợp',
      'Theo cơ quan',
      'Theo kế hoạch',
      'Quá hạn',
      'Nhắc nhở',
    ]);
    const sheet = (name: string) => {
      const found = book.getWorksheet(name);
      if (!found) throw new Error(`no sheet ${name}`);
      return found;
    };
    const frozenRows = (s: ExcelJS.Worksheet) => (s.views[0] as { ySplit: number }).ySplit;
    const byAgency = sheet('Theo cơ quan');
    const header = byAgency.views[0] as { state: string; ySplit: number };
    expect(header.state).toBe('frozen');
    const headRow = byAgency.getRow(header.ySplit).values as unknown[];
    const col = (title: string) => headRow.indexOf(title);
    expect(byAgency.autoFilter).toBeTruthy();
    const agencyRows = new Map<string, ExcelJS.Row>();
    byAgency.eachRow((row, n) => {
      if (n > header.ySplit) agencyRows.set(String(row.getCell(col('Mã')).value), row);
    });
    expect(agencyRows.size).toBe(29);
    for (const [code, row] of agencyRows) {
      expect(row.getCell(col('Quá hạn')).value, code).toBe(SPLIT[code] ?? 2);
    }
    expect(agencyRows.get('VP')?.getCell(col('Tỷ lệ đúng hạn')).value).toBe(0);
    expect(agencyRows.get('VP')?.getCell(col('Chưa đến hạn')).value).toBe(10);
    const overdue = sheet('Quá hạn');
    expect(overdue.rowCount - frozenRows(overdue)).toBe(68);
    const firstDue = overdue.getRow(frozenRows(overdue) + 1).getCell(9).value;
    expect(firstDue).toBeInstanceOf(Date);
    expect(typeof overdue.getRow(frozenRows(overdue) + 1).getCell(10).value).toBe('number');
    const reminders = sheet('Nhắc nhở');
    expect(reminders.rowCount - frozenRows(reminders)).toBe(68);

    // .pdf: the same text, in Tinos
    const pdf = await office.get(`/api/reports?${PERIOD}&format=pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const pdfContent = await pdfText(pdf.rawPayload);
    expect(pdfContent).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(pdfContent).toContain('Tây Ninh, ngày 15 tháng 02 năm 2021');
    expect(pdfContent).toContain('68 lượt đang thực hiện quá hạn');
    expect(pdfContent).not.toContain('Kính gửi');
    expect(pdfContent).toContain('PHỤ LỤC III');
    expect(pdfContent).toMatch(/Văn phòng UBND tỉnh 20 0 0 2 8 10 0 8 0%/u);
    expect(pdfContent).toMatch(/Sở Tư pháp 4 0 0 0 3 1 0 3 0%/u);
    expect(pdf.rawPayload.toString('latin1')).toContain('Tinos');
  });

  it('every figure equals the statistics endpoint and the status for the same period, with results, obstacles and extensions', async () => {
    const office = await signIn(seed.world.app, 'vanphong');
    const stp = await signIn(seed.world.app, 'stp');
    const authority = seed.world.authorityId;
    const submit = (task: string, agency: string, on: string) =>
      submitResult(systemContextFor(t.db, authority), {
        plan: '87/KH-UBND',
        task,
        agency,
        submittedOn: on,
        accept: true,
        documentNumber: null,
        note: '',
      });
    await submit('I.3', 'STP', '2021-01-19'); // on time
    await submit('I.8', 'STP', '2021-01-25'); // late
    await submit('I.2', 'SNV', '2021-01-30'); // on time
    await submit('I.1', 'VP', '2021-01-13'); // on time (the plan's own date: no receipt can precede it)
    const stpI2 = await t.db
      .selectFrom('assignment as a')
      .innerJoin('task as k', 'k.id', 'a.task_id')
      .select('a.id')
      .where('a.agency_id', '=', seed.world.agency('STP'))
      .where('k.ref', '=', 'I.2')
      .where('a.role', '=', 'lead')
      .executeTakeFirstOrThrow();
    const obstacle = await stp.post(`/api/assignments/${stpI2.id}/obstacles`, {
      description: 'Chưa nhận đủ báo cáo của các huyện',
      proposal: 'Đề nghị gia hạn đến 28/02/2021',
    });
    expect(obstacle.statusCode).toBe(201);
    expect(
      (
        await office.post(`/api/obstacles/${obstacle.json().id}/respond`, {
          response: 'Đồng ý, khẩn trương tổng hợp.',
        })
      ).statusCode,
    ).toBe(200);

    const period = 'from=2021-01-01&to=2021-06-30&asOf=2021-02-15';
    const report = (await office.get(`/api/reports?${period}`)).json();
    // the report counts what is in force in the period (§8): the statistics with scope=in_force
    const inForce = `${period}&scope=in_force`;
    const byAgency = (await office.get(`/api/statistics?${inForce}&groupBy=agency`)).json();
    const byPlan = (await office.get(`/api/statistics?${inForce}&groupBy=plan`)).json();
    const figures = ({ categories, isMonitor, issuedOn, ...g }: Record<string, unknown>) => g;
    const byId = (a: { id: number }, b: { id: number }) => a.id - b.id;
    expect(figures(report.totals)).toEqual(byAgency.totals);
    expect(report.agencies.map(figures).sort(byId)).toEqual(byAgency.groups.sort(byId));
    expect(report.plans.map(figures)).toEqual(byPlan.groups);
    const overdue = (
      await office.get(`/api/statistics/items?${inForce}&state=open_overdue&pageSize=200`)
    ).json();
    expect(report.overdue.map((o: { assignmentId: number }) => o.assignmentId).sort()).toEqual(
      overdue.items.map((o: { assignmentId: number }) => o.assignmentId).sort(),
    );
    const reminded = (
      await office.get(`/api/statistics/items?${inForce}&state=reminders&pageSize=200`)
    ).json();
    expect(report.reminders).toHaveLength(reminded.total);
    expect(report.totals.counts).toMatchObject({ done_on_time: 3, done_late: 1 });
    expect(report.obstacles).toHaveLength(1);
    expect(report.obstacles[0]).toMatchObject({
      status: 'answered',
      response: 'Đồng ý, khẩn trương tổng hợp.',
    });
    const commendations = (await office.get('/api/commendations?from=2021-01-01&to=2021-06-30')).json();
    expect(report.commendations.criticised.map((a: { code: string }) => a.code)).toEqual(
      commendations.criticised.map((a: { code: string }) => a.code),
    );

    // the status (no period): every due date in the period, the four states and reminders per agency
    const wide = (await office.get('/api/reports?from=2000-01-01&to=2100-12-31&asOf=2021-02-15')).json();
    const status = (await office.get('/api/status?asOf=2021-02-15')).json();
    for (const a of status.agencies) {
      const g = wide.agencies.find((x: { name: string }) => x.name === a.name);
      for (const key of ['done_on_time', 'done_late', 'open_on_time', 'open_overdue', 'reminders'] as const) {
        expect(g?.counts[key] ?? 0, `${a.code} ${key}`).toBe(a[key]);
      }
    }

    // the figures in the .docx are the JSON's
    const rows = await docxTableRows((await office.get(`/api/reports?${period}&format=docx`)).rawPayload);
    const categories = REPORT_CATEGORIES;
    for (const g of report.agencies) {
      const row = rows.find((r) => r[1] === g.name);
      const counted = categories.reduce((sum, k) => sum + g.categories[k], 0);
      expect(row?.slice(2, 10), g.code).toEqual(
        [counted, ...categories.map((k) => g.categories[k]), g.counts.reminders].map(String),
      );
    }
    const text = (
      await mammoth.extractRawText({
        buffer: (await office.get(`/api/reports?${period}&format=docx`)).rawPayload,
      })
    ).value;
    expect(text).toContain('Chưa nhận đủ báo cáo của các huyện.');
    expect(text).toContain('Trả lời ngày 15/02/2021: Đồng ý, khẩn trương tổng hợp.');
  });

  it('the signer comes from the settings unless the draft names one (docs/domain-rules.md §8)', async () => {
    const office = await signIn(seed.world.app, 'vanphong');
    const current = (await office.get('/api/settings/letters')).json();
    const reportSigner = {
      authority: 'KT. CHÁNH VĂN PHÒNG',
      title: 'PHÓ CHÁNH VĂN PHÒNG',
      name: 'Trần Thị B',
    };
    const put = await office.put('/api/settings/letters', {
      ...current.settings,
      reportSigner,
      version: current.version,
    });
    expect(put.statusCode, put.body).toBe(200);
    const q = 'from=2021-01-01&to=2021-03-31';
    expect((await office.get(`/api/reports/draft?${q}`)).json().draft.signer).toEqual(reportSigner);
    const docx = await office.get(`/api/reports?${q}&asOf=2021-02-15&format=docx`);
    const { value } = await mammoth.extractRawText({ buffer: docx.rawPayload });
    for (const part of Object.values(reportSigner)) expect(value).toContain(part);
    // a draft's own signer wins over the settings
    const signer = { name: 'Lê Văn C' };
    expect(
      (await office.put(`/api/reports/draft?${q}`, { version: null, draft: { signer } })).statusCode,
    ).toBe(200);
    expect((await office.get(`/api/reports?${q}&asOf=2021-02-15`)).json().draft.signer).toEqual({
      ...reportSigner,
      ...signer,
    });
  });

  it('drafts: the Office writes the free text, the export prints it; leaders read, agencies are refused', async () => {
    const office = await signIn(seed.world.app, 'vanphong');
    const leader = await signIn(seed.world.app, 'lanhdao');
    const stp = await signIn(seed.world.app, 'stp');
    const q = 'from=2021-01-01&to=2021-03-31';
    const empty = await office.get(`/api/reports/draft?${q}`);
    expect(empty.json()).toMatchObject({ version: null, draft: { signer: { title: 'CHÁNH VĂN PHÒNG' } } });
    const draft = {
      number: '15',
      overview: 'Nhìn chung, các cơ quan chưa quan tâm đúng mức đến thời hạn báo cáo.',
      proposals: 'Đề nghị Chủ tịch UBND tỉnh phê bình các cơ quan chậm trễ.',
      signer: { authority: 'KT. CHÁNH VĂN PHÒNG', title: 'PHÓ CHÁNH VĂN PHÒNG', name: 'Nguyễn Văn A' },
    };
    const saved = await office.put(`/api/reports/draft?${q}`, { version: null, draft });
    expectReply(saved, 200, { version: 1, updatedBy: 'vanphong', draft: { number: '15' } });
    // a stale version loses nothing and answers 409
    expect((await office.put(`/api/reports/draft?${q}`, { version: null, draft })).statusCode).toBe(409);
    expect((await leader.put(`/api/reports/draft?${q}`, { version: 1, draft })).statusCode).toBe(403);
    expect(
      (await office.put(`/api/reports/draft?${q}`, { version: 1, draft: { number: 'abc' } })).statusCode,
    ).toBe(400);
    expect(
      (await office.put(`/api/reports/draft?from=2021-04-01&to=2021-03-01`, { version: null, draft }))
        .statusCode,
    ).toBe(400);
    expect((await leader.get(`/api/reports/draft?${q}`)).json()).toMatchObject({ version: 1 });
    expect((await stp.get(`/api/reports?${q}`)).statusCode).toBe(403);
    expect((await stp.get(`/api/reports/draft?${q}`)).statusCode).toBe(403);

    const docx = await leader.get(`/api/reports?${q}&asOf=2021-02-15&format=docx`);
    const { value } = await mammoth.extractRawText({ buffer: docx.rawPayload });
    expectToContainAll(value, [
      'Số: 15/BC-VP',
      draft.overview,
      'III. ĐỀ XUẤT, KIẾN NGHỊ',
      draft.proposals,
      'KT. CHÁNH VĂN PHÒNG',
      'PHÓ CHÁNH VĂN PHÒNG',
      'Nguyễn Văn A',
    ]);
    const pdf = await pdfText((await leader.get(`/api/reports?${q}&asOf=2021-02-15&format=pdf`)).rawPayload);
    expect(pdf).toContain('Số: 15/BC-VP');
    expect(pdf).toContain('Nguyễn Văn A');

    // bad input: clear codes, nothing written
    expect((await office.get('/api/reports?from=2021-03-31&to=2021-01-01')).json().error.code).toBe(
      'VALIDATION_FAILED',
    );
    expect((await office.get(`/api/reports?${q}&planId=999999`)).json().error.code).toBe('PLAN_NOT_FOUND');
    expect((await office.get(`/api/reports?${q}&asOf=15/02/2021`)).json().error.code).toBe('INVALID_DATE');
    expect((await office.get(`/api/reports?${q}&format=doc`)).statusCode).toBe(400);
    const bd = await signIn(seed.world.app, 'bd.vanphong');
    const plan = await t.db
      .selectFrom('plan')
      .select('id')
      .where('number', '=', '87/KH-UBND')
      .executeTakeFirstOrThrow();
    expect((await bd.get(`/api/reports?${q}&planId=${plan.id}`)).statusCode).toBe(404);
    expect((await bd.get(`/api/reports/draft?${q}`)).json()).toMatchObject({ version: null });
  });
});
