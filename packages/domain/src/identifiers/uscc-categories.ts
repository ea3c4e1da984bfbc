/**
 * GB 32100-2015 table 1: the registration authority (登记管理部门, 1st character) and the entity types
 * (机构类别, 2nd character) each authority issues. A code with another pair was never issued.
 */
export const USCC_AUTHORITIES: Readonly<Record<string, { readonly name: string; readonly types: string }>> = {
  '1': { name: '机构编制', types: '1239' }, // 机关, 事业单位, 中央编办管理的群众团体, 其他
  '2': { name: '外交', types: '19' }, // 外国常驻新闻机构, 其他
  '3': { name: '司法行政', types: '123459' }, // 律师执业机构, 公证处, 基层法律服务所, 司法鉴定机构, 仲裁委员会, 其他
  '4': { name: '文化', types: '19' }, // 外国在华文化中心, 其他
  '5': { name: '民政', types: '1239' }, // 社会团体, 民办非企业单位, 基金会, 其他
  '6': { name: '旅游', types: '129' }, // 外国及港澳台旅游部门常驻代表机构, 其他
  '7': { name: '宗教', types: '129' }, // 宗教活动场所, 宗教院校, 其他
  '8': { name: '工会', types: '19' }, // 基层工会, 其他
  '9': { name: '工商', types: '123' }, // 企业, 个体工商户, 农民专业合作社
  A: { name: '中央军委改革和编制办公室', types: '19' }, // 军队事业单位, 其他
  N: { name: '农业', types: '1239' }, // 组级, 村级, 乡镇级集体经济组织, 其他
  Y: { name: '其他', types: '1' }, // not divided further
};

/** What the code itself says about legal personality (A12(一)): `no`, or `unknown` when the licence decides. */
export type CodeLegalPersonality = 'no' | 'unknown';

/**
 * Only 9-2 (个体工商户) is never a legal person whatever its licence says. Every other pair is issued both
 * to legal persons and to units that are not (a branch office of an enterprise carries a 91 code too, a
 * partnership law firm a 31 code), so the registry's legal-person fact, read from the licence, decides.
 */
export function codeLegalPersonality(authority: string, entityType: string): CodeLegalPersonality {
  return authority === '9' && entityType === '2' ? 'no' : 'unknown';
}
