import { readCsv } from './csv-table';
import { UnreadableFile } from './unreadable-file';

const utf8 = (text: string) => Buffer.from(text, 'utf8');

async function reason(content: Buffer): Promise<string> {
  const error: unknown = await readCsv(content).catch((e: unknown) => e);
  if (!(error instanceof UnreadableFile)) throw new Error('expected UnreadableFile');
  return `${error.reason.zh} | ${error.reason.en}`;
}

describe('readCsv', () => {
  it('drops the BOM, takes the first non-empty line as the header, and numbers lines as the file does', async () => {
    const table = await readCsv(utf8('\uFEFF\r\n姓名,公民身份号码\r\n张三,1\r\n\r\n李四,2\r\n'));
    expect(table.header).toEqual(['姓名', '公民身份号码']);
    expect(table.rows).toEqual([
      { row: 3, cells: ['张三', '1'] },
      { row: 5, cells: ['李四', '2'] },
    ]);
  });

  it('counts a quoted line break as part of its cell, as a spreadsheet shows it', async () => {
    const table = await readCsv(utf8('name,title\n"王\n五",研究员\n赵六,工程师'));
    expect(table.rows.map((r) => [r.row, r.cells[0]])).toEqual([
      [2, '王\n五'],
      [3, '赵六'],
    ]);
  });

  it('keeps a character outside the BMP (a rare name character) that straddles two 256 KiB slices', async () => {
    // 'name\n' and 87,379 lines of 'ab\n' end at byte 262,142: the 4-byte 𠀋 spans bytes 262,142 to 262,145.
    const table = await readCsv(utf8(`name\n${'ab\n'.repeat(87_379)}𠀋𠀋\n`));
    expect(table.rows.at(-1)).toEqual({ row: 87_381, cells: ['𠀋𠀋'] });
  });

  it.each([
    ['GBK bytes', Buffer.from([0xd0, 0xd5, 0xc3, 0xfb, 0x0a]), 'UTF-8'],
    ['nothing but blank lines', utf8('\r\n \r\n'), 'empty'],
  ])('refuses %s', async (_label, content, expected) => {
    expect(await reason(content)).toContain(expected);
  });

  it('names the line of a malformed file but never repeats its content', async () => {
    const message = await reason(utf8('姓名,公民身份号码\n赵六,"210102196001011234\n'));
    expect(message).toContain('引号没有闭合');
    expect(message).toMatch(/line \d/);
    expect(message).not.toContain('2101');
  });
});
