import type { EventData } from './event-catalogue';

// One valid `data` for each event of a filed change of a center (A26), spread into EVENT_DATA_FIXTURES.
const ids = {
  center: '0192f6a0-7c1e-7d2a-9b3c-000000000007',
  change: '0192f6a0-7c1e-7d2a-9b3c-00000000000a',
  supporting: '0192f6a0-7c1e-7d2a-9b3c-000000000004',
  construction: '0192f6a0-7c1e-7d2a-9b3c-000000000003',
  recommender: '0192f6a0-7c1e-7d2a-9b3c-000000000006',
  coBuilder: '0192f6a0-7c1e-7d2a-9b3c-000000000005',
  otherCoBuilder: '0192f6a0-7c1e-7d2a-9b3c-00000000000d',
} as const;

const name = {
  zh: '辽宁省智能制造技术创新中心',
  en: 'Liaoning Technology Innovation Center for Intelligent Manufacturing',
};
const dst = { userId: 'user-dst-1', name: '省科技厅审核员', role: 'dst_admin' as const };
const changeRef = { changeId: ids.change, decidedOn: '2026-07-01', filedOn: '2026-07-20', actor: dst };
const units = {
  supportingUnitId: ids.supporting,
  coBuilderIds: [ids.coBuilder],
  constructionUnitId: ids.construction,
  recommenderId: ids.recommender,
};

export const CHANGE_FIXTURES: {
  readonly [T in 'tic.center.renamed' | 'tic.center.direction_changed' | 'tic.center.units_changed']: EventData<T>;
} = {
  'tic.center.renamed': {
    centerId: ids.center,
    name,
    previousName: {
      zh: '辽宁省先进制造技术创新中心',
      en: 'Liaoning Technology Innovation Center for Advanced Manufacturing',
    },
    ...changeRef,
  },
  'tic.center.direction_changed': {
    centerId: ids.center,
    name,
    previousField: { zh: '先进制造', en: 'Advanced Manufacturing' },
    field: { zh: '智能制造', en: 'Intelligent Manufacturing' },
    ...changeRef,
  },
  'tic.center.units_changed': {
    centerId: ids.center,
    name,
    ...units,
    coBuilderIds: [ids.coBuilder, ids.otherCoBuilder],
    previous: units,
    ...changeRef,
  },
};
