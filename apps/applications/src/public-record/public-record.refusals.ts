import { defineRefusals } from '@tic/platform';

/** The refusals of the public record, by stable code `announcement.<name>`. */
export const ANNOUNCEMENT_REFUSALS = defineRefusals('announcement', {
  not_found: { status: 'not_found', zh: '公告不存在', en: 'Announcement not found' },
  // An evaluation result is a line of a list (DOMAIN.md §7), not a document of its own.
  no_document: {
    status: 'not_found',
    zh: '该公告没有PDF文件（仅批准通知和撤销决定有）',
    en: 'This announcement has no PDF (only approval notices and revocation decisions have one)',
  },
});
