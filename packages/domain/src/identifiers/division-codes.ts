/** Province-level administrative division codes (GB/T 2260), the first two digits of a division code. */
const PROVINCE_CODES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
]);

/** Liaoning's province code: every division code in the province starts with it. */
export const LIAONING_PROVINCE_CODE = '21';

/** Whether a six-digit division code names a real province (city and county parts are not checked). */
export function isKnownDivisionCode(code: string): boolean {
  return /^\d{6}$/.test(code) && PROVINCE_CODES.has(code.slice(0, 2));
}
