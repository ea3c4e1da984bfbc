import { defineRefusals } from '@tic/platform';

/** Why a committee command or read is refused. */
export const COMMITTEE_REFUSALS = defineRefusals('committee', {
  not_formed: { status: 'not_found', zh: '委员会不存在', en: 'Committee not found' },
  form_first: { status: 'conflict', zh: '请先组建该委员会', en: 'Form the committee first' },
  formed_meanwhile: {
    status: 'stale_version',
    zh: '该委员会刚由他人组建，请刷新后重试',
    en: 'Someone formed this committee at the same time; reload and retry',
  },
});
