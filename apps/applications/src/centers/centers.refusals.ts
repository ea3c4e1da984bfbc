import { defineRefusals } from '@tic/platform';

/** The refusals of the center registry, by stable code `center.<name>`. */
export const CENTER_REFUSALS = defineRefusals('center', {
  name_taken: {
    status: 'conflict',
    zh: '已有未撤销的技术创新中心名为“{name}”，请调整领域（方向）名称',
    en: 'A center that is not revoked is named “{nameEn}” already; choose another field (direction)',
    article: '第三十七条',
  },
});
