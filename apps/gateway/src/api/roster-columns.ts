import { STAFF_ROLES, type LocalizedText, type StaffRole } from '@tic/domain';

import type { Cell } from '../uploads/table';

/** What a cell says for its field: a value, nothing (an empty cell), or why it cannot be used. */
export type CellReading = { readonly value: string } | { readonly problem: LocalizedText } | undefined;

/** A column of an uploaded roster: the row field it fills and the header names it goes by. */
export interface RosterColumn {
  readonly field: string;
  /** Accepted header names, the Chinese one first (as named in refusals). */
  readonly headers: readonly string[];
  /** The values it takes, for the OpenAPI description. */
  readonly values?: string;
  readonly read: (cell: Cell) => CellReading;
}

const KINDS: Readonly<Record<string, 'fixed' | 'floating'>> = {
  固定: 'fixed',
  固定人员: 'fixed',
  fixed: 'fixed',
  流动: 'floating',
  流动人员: 'floating',
  floating: 'floating',
};

const ROLES: Readonly<Record<string, StaffRole>> = {
  主任: 'director',
  副主任: 'deputy_director',
  研究人员: 'researcher',
  技术人员: 'technician',
  管理人员: 'manager',
  辅助人员: 'auxiliary',
  director: 'director',
  deputy_director: 'deputy_director',
  researcher: 'researcher',
  technician: 'technician',
  manager: 'manager',
  auxiliary: 'auxiliary',
};

const NAME: RosterColumn = { field: 'name', headers: ['姓名', 'name'], read: (cell) => filled(textOf(cell)) };

const ID_NUMBER: RosterColumn = {
  field: 'idNumber',
  headers: ['公民身份号码', '身份证号', '身份证号码', 'idNumber'],
  read: (cell) =>
    // Excel keeps 15 significant digits: an 18-digit number typed into a number cell has lost its end.
    typeof cell === 'number'
      ? {
          problem: {
            zh: '身份证号被 Excel 存成了数字，末几位已丢失；请将该列设为文本格式后重新录入',
            en: 'Excel stored the ID number as a number, which loses its last digits; format the column as text and enter it again',
          },
        }
      : filled(textOf(cell).replace(/\s+/g, '')),
};

const KIND: RosterColumn = {
  field: 'kind',
  headers: ['人员类型', 'kind'],
  values: '固定/流动 or fixed/floating; fixed when empty',
  read: (cell) =>
    oneOf(cell, KINDS, { zh: '须为 固定 或 流动（fixed、floating）', en: 'must be 固定 or 流动 (fixed or floating)' }),
};

const ROLE: RosterColumn = {
  field: 'role',
  headers: ['角色', 'role'],
  values: `主任/副主任/研究人员/技术人员/管理人员/辅助人员 or ${STAFF_ROLES.join('/')}; researcher when empty`,
  read: (cell) =>
    oneOf(cell, ROLES, {
      zh: '须为 主任、副主任、研究人员、技术人员、管理人员 或 辅助人员',
      en: 'must be director, deputy_director, researcher, technician, manager or auxiliary (or 主任, 副主任, 研究人员, 技术人员, 管理人员, 辅助人员)',
    }),
};

const STARTS_ON: RosterColumn = {
  field: 'startsOn',
  headers: ['起始日期', 'startsOn'],
  values: 'a date cell, or 2027-03-01, 2027/3/1, 2027年3月1日',
  read: dateOf,
};

const TITLE: RosterColumn = { field: 'title', headers: ['职称', 'title'], read: (cell) => filled(textOf(cell)) };

/** A18 查重: who is on the roster. */
export const ROSTER_CHECK_COLUMNS: readonly RosterColumn[] = [NAME, ID_NUMBER, KIND];

/** A roster import: who, in which post, since when. */
export const ROSTER_IMPORT_COLUMNS: readonly RosterColumn[] = [NAME, ID_NUMBER, KIND, ROLE, STARTS_ON, TITLE];

function textOf(cell: Cell): string {
  if (cell === undefined) return '';
  if (cell instanceof Date) return isoDateOf(cell);
  return String(cell).trim();
}

function filled(text: string): CellReading {
  return text === '' ? undefined : { value: text };
}

function oneOf(cell: Cell, values: Readonly<Record<string, string>>, expected: LocalizedText): CellReading {
  const text = textOf(cell);
  if (text === '') return undefined;
  const value = values[text] ?? values[text.toLowerCase()];
  return value === undefined ? { problem: expected } : { value };
}

// A date cell, or the ways dates are typed: 2027-03-01, 2027/3/1, 2027.3.1, 2027年3月1日, 20270301.
function dateOf(cell: Cell): CellReading {
  if (cell instanceof Date) return { value: isoDateOf(cell) };
  const text = textOf(cell);
  if (text === '') return undefined;
  const match = /^(\d{4})(?:[-/.年](\d{1,2})[-/.月](\d{1,2})日?|(\d{2})(\d{2}))$/.exec(text);
  if (match === null) return { problem: { zh: '须为日期，例如 2027-03-01', en: 'must be a date such as 2027-03-01' } };
  const [, year = '', month = match[4] ?? '', day = match[5] ?? ''] = match;
  return { value: `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}` };
}

// exceljs gives a date cell as midnight UTC of that day.
function isoDateOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}
