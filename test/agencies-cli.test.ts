import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectPrinted, expectRefused, firstAdministrator, useCliWorkspace } from './support/cli.ts';
import { fastestBackendNames } from './support/databases.ts';

interface ListedAgency {
  code: string;
  name: string;
  kind: string;
  aliases: string[];
  validFrom: string | null;
  validTo: string | null;
  predecessors: { code: string }[];
}

/** `dondoc agencies …` and an authority started from a reference directory, against each database. */
for (const backend of fastestBackendNames()) {
  describe(`dondoc agencies [${backend}]`, () => {
    const { cli } = useCliWorkspace(backend, 'agencies-cli');
    let dir: string;

    const listed = async (...extra: string[]) => {
      const run = await cli('agencies', 'list', '--json', ...extra);
      expect(run.code).toBe(0);
      return JSON.parse(run.out) as ListedAgency[];
    };

    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'dondoc-agencies-csv-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('creates a city authority whose directory starts as the provincial departments reference', async () => {
      const created = await cli(
        ...firstAdministrator(
          'UBND-HN',
          'Ủy ban nhân dân thành phố Hà Nội',
          'provincial-departments',
          '--place',
          'Hà Nội',
        ),
      );
      expect(created.err).toBe('');
      expect(created.out).toMatch(
        /Đã tạo danh mục \d+ cơ quan từ danh mục tham chiếu provincial-departments/u,
      );
      const agencies = await listed();
      const byCode = new Map(agencies.map((a) => [a.code, a]));
      // a centrally-run city: "tỉnh" reads "thành phố"
      expect(byCode.get('TTT')?.name).toBe('Thanh tra thành phố');
      expect(byCode.get('VP')?.aliases).toContain('Văn phòng Ủy ban nhân dân thành phố');
      expect(byCode.get('SKHDT')).toMatchObject({
        validTo: '2025-03-01',
        aliases: expect.arrayContaining(['Sở KH&ĐT']),
      });
      expect(
        byCode
          .get('SNNMT')
          ?.predecessors.map((p) => p.code)
          .sort(),
      ).toEqual(['SNNPTNT', 'STNMT']);
      const in2026 = (await listed('--valid-on', '2026-01-01')).map((a) => a.code);
      expect(in2026).toContain('SNNMT');
      expect(in2026).not.toContain('SKHDT');
      const table = await cli('agencies', 'list');
      expect(table.out).toContain('Sở Kế hoạch và Đầu tư');
      expect(table.out).toContain(`${agencies.length} cơ quan.`);
    });

    it('adds an agency and an alias through the checked service, refusing names already taken', async () => {
      const added = await cli(
        'agencies',
        'add',
        '--code',
        'ubnd-badinh',
        '--name',
        'UBND phường Ba Đình',
        '--kind',
        'commune',
        '--alias',
        'Phường Ba Đình',
        '--alias',
        'UBND P. Ba Đình',
        '--valid-from',
        '2025-07-01',
      );
      expect(added.out).toBe('Đã thêm cơ quan UBND-BADINH — UBND phường Ba Đình.');
      const again = await cli(
        'agencies',
        'add',
        '--code',
        'UBND-BADINH',
        '--name',
        'Khác',
        '--kind',
        'commune',
      );
      expectRefused(again, 'CONFLICT');
      const clash = await cli(
        'agencies',
        'add',
        '--code',
        'X',
        '--name',
        'Phường Ba Đình',
        '--kind',
        'commune',
      );
      expect(clash.err).toContain('UBND-BADINH');
      expect((await cli('agencies', 'add', '--code', 'Y', '--name', 'Y', '--kind', 'ward')).err).toContain(
        'VALIDATION_FAILED',
      );

      const alias = await cli('agencies', 'alias', 'stp', 'Sở TP');
      expectPrinted(alias, 'Sở TP');
      expect((await cli('agencies', 'alias', 'STP', 'sở tp')).code).toBe(0); // already one of its names
      const taken = await cli('agencies', 'alias', 'STP', 'Sở Nội vụ');
      expect(taken.err).toContain('CONFLICT');
      expect((await cli('agencies', 'alias', 'NOPE', 'X')).err).toContain('AGENCY_NOT_FOUND');
      const stp = (await listed()).find((a) => a.code === 'STP');
      expect(stp?.aliases).toEqual(['Sở TP']);
      expect((await listed()).find((a) => a.code === 'UBND-BADINH')).toMatchObject({
        kind: 'commune',
        aliases: ['Phường Ba Đình', 'UBND P. Ba Đình'],
        validFrom: '2025-07-01',
      });
    });

    it('imports a CSV all or nothing and exports the same CSV', async () => {
      const before = (await listed()).length;
      const bad = join(dir, 'bad.csv');
      writeFileSync(
        bad,
        'code,name,kind,aliases\r\n' +
          'PHUONG-HK,UBND phường Hoàn Kiếm,commune,Phường Hoàn Kiếm\r\n' +
          'PHUONG-X,,commune,\r\n' +
          'STP,Sở Tư pháp mới,province,\r\n' +
          'PHUONG-Y,UBND phường Y,ward,\r\n',
      );
      const refused = await cli('agencies', 'import', bad);
      expectRefused(refused, '3 dòng lỗi');
      expect(refused.err).toContain('"line":3');
      expect(refused.err).toContain('Mã STP đã có trong danh mục');
      expect(refused.err).toContain('"line":5');
      // a name the directory already has, found inside the transaction: the good line before it is undone too
      const clash = join(dir, 'clash.csv');
      writeFileSync(
        clash,
        'code,name,kind,aliases\nPHUONG-HK,UBND phường Hoàn Kiếm,commune,\nSTP2,Sở Tư pháp,province,\n',
      );
      const undone = await cli('agencies', 'import', clash);
      expect(undone.err).toContain('"line":3');
      expect((await listed()).length).toBe(before);

      const good = join(dir, 'good.csv');
      const lines = [
        'PHUONG-HK,UBND phường Hoàn Kiếm,commune,"Phường Hoàn Kiếm;P. Hoàn Kiếm",2025-07-01,',
        'H-BAVI,"UBND huyện Ba Vì, Hà Nội",district,Huyện Ba Vì,,2025-07-01',
      ];
      writeFileSync(good, `\uFEFFcode,name,kind,aliases,valid_from,valid_to\r\n${lines.join('\r\n')}\r\n`);
      const imported = await cli('agencies', 'import', good);
      expect(imported.out).toBe('Đã thêm 2 cơ quan: PHUONG-HK, H-BAVI.');
      expect((await listed()).length).toBe(before + 2);

      const exported = await cli('agencies', 'export');
      const rows = exported.out.split('\r\n');
      expect(rows[0]).toBe('code,name,kind,aliases,valid_from,valid_to');
      for (const line of lines) expect(rows).toContain(line);
      expect(rows).toHaveLength(before + 3);
      const file = join(dir, 'danh-muc.csv');
      expect((await cli('agencies', 'export', '--out', file)).code).toBe(0);
      expect(readFileSync(file, 'utf8')).toBe(`\uFEFF${exported.out}\r\n`);
      // the export imports back only where the codes are new: here every line is refused, nothing written
      const back = await cli('agencies', 'import', file);
      expect(back.err).toContain(`${before + 2} dòng lỗi`);
      expect((await listed()).length).toBe(before + 2);
    });

    it('adds a reference directory to an existing directory, skipping what it has', async () => {
      const first = await cli('agencies', 'import-reference', 'provinces', '--json');
      const result = JSON.parse(first.out) as { added: unknown[]; skipped: unknown[]; groupsAdded: string[] };
      expect(result.added).toHaveLength(63);
      expect(result.groupsAdded).toEqual(['UBND các tỉnh, thành phố trực thuộc trung ương']);
      const second = await cli('agencies', 'import-reference', 'provinces');
      expect(second.out).toContain('đã thêm 0 cơ quan, 0 nhóm, 0 quan hệ kế thừa; bỏ qua 63 cơ quan đã có');
      const unknown = await cli('agencies', 'import-reference', 'ministries');
      expect(unknown.err).toContain('government, provincial-departments, provinces');
      const after = (await listed('--valid-on', '2025-07-01')).filter((a) => a.name.startsWith('UBND t'));
      expect(after.map((a) => a.code)).toContain('LAOCAI');
      expect(after.map((a) => a.code)).not.toContain('YENBAI');
    });
  });
}
