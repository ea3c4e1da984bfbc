// `npm run demo`: walks two sample applications through the running platform, via the gateway at
// GATEWAY_URL (default http://localhost:3000), from draft to filed centers, printing each step; staffs the
// first, renames it through an A26 change report, and revokes the second on its own application (A31(五));
// then registers a center approved in 2024 (A40), files its annual report on 2025 (A27), grades it in
// an evaluation round with a third-party agency (A28–A30) and funds it, its ledger kept (A33–A36).
// Exits 0 only when every step answered as it should. Needs `npm start` running (with its demo data set).
// It runs any number of times on a database that other people's data shares: each run names its
// center with a run tag, registers its own experts, scores with whichever experts the draw picks (its
// own or anyone's), and makes up resident ID numbers of its own.
import { execFileSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

import { fundTheCenter } from './demo-funding.mjs';
import { mailCatcherMessages, startWebhookReceiver } from './demo-subscribers.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const { DEMO_UNITS, DEMO_EXPERTS } = require(`${root}apps/applications/dist/seed/demo-units.js`);
const { AUTHORITIES, RECOMMENDING_UNITS } = require(`${root}apps/applications/dist/seed/recommending-units.js`);
const { DEFAULT_INDICATOR_SYSTEM, indicatorsOf, residentIdCheckCharacter } = require(
  `${root}packages/domain/dist/index.js`,
);

const gateway = (process.env.GATEWAY_URL ?? 'http://localhost:3000').replace(/\/$/, '');
const unit = (name) => DEMO_UNITS.find((u) => u.name === name).id;
const shanghaiToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const shift = (date, days) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

function token(role, org, sub) {
  const args = [`${root}apps/gateway/dist/cli/token.js`, '--role', role, '--org', org, ...(sub ? ['--sub', sub] : [])];
  return execFileSync(process.execPath, args, { encoding: 'utf8' }).trim();
}

let stepNumber = 0;

// The drawn expert as the pool holds them (their token's sub is their userId): this run's, the demo
// set's, or anyone else's that the shared pool holds.
const knownExperts = new Map(DEMO_EXPERTS.map((e) => [e.id, e]));
async function expertById(id) {
  for (const expert of ownExperts) knownExperts.set(expert.id, expert);
  let cursor;
  while (!knownExperts.has(id)) {
    const page = await step('', 'GET', `/experts?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, {
      as: as.dst,
    });
    for (const expert of page.items) knownExperts.set(expert.id, expert);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  const expert = knownExperts.get(id);
  if (!expert) {
    console.error(`✗ the drawn expert ${id} is not in the pool`);
    process.exit(1);
  }
  return expert;
}
async function step(title, method, path, { as, body, ifMatch, expect = [200, 201], quiet = false } = {}) {
  const response = await fetch(`${gateway}/api/v1${path}`, {
    method,
    headers: {
      ...(as ? { authorization: `Bearer ${as}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(ifMatch ? { 'if-match': `W/"${ifMatch}"` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const payload = await response.json().catch(() => ({}));
  if (!expect.includes(response.status)) {
    if (quiet) return undefined;
    console.error(`✗ ${title}: HTTP ${response.status}\n${JSON.stringify(payload, null, 2)}`);
    process.exit(1);
  }
  if (title) console.log(`✓ ${String(++stepNumber).padStart(2)}. ${title}`);
  return payload;
}

const as = {
  dst: token('dst_admin', AUTHORITIES.dst.id),
  construction: token('construction_unit', unit('辽宁示范智能装备股份有限公司中央研究院')),
  supporting: token('supporting_unit', unit('辽宁示范智能装备股份有限公司')),
  recommender: token('recommender', RECOMMENDING_UNITS.find((r) => r.name === '沈阳市科学技术局').id),
};
const today = shanghaiToday();
const year = Number(today.slice(0, 4)) + 1;
// A37: center names are unique, so each run proposes its own field; the tag tells the runs apart.
const runTag = `${Date.now().toString(36).slice(-4)}${randomInt(36 ** 2)
  .toString(36)
  .padStart(2, '0')}`.toUpperCase();
const field = { zh: `智能制造演示${runTag}`, en: `Intelligent Manufacturing Demo ${runTag}` };

console.log(`Demo run ${runTag} against ${gateway}\n`);

// CONTRACT.md (Events, way 1): a provincial department's systems follow the centers through a webhook
// (this process is its receiver); DOMAIN.md §7: the supporting unit also wants some messages by email.
const receiver = await startWebhookReceiver();
const agency = token(
  'agency',
  RECOMMENDING_UNITS.find((r) => r.name === '大连市科学技术局').id,
  `demo-agency-${runTag}`,
);
const subscription = await step('订阅机构登记 Webhook 订阅（中心与评估事件）', 'POST', '/webhook-subscriptions', {
  as: agency,
  body: {
    url: receiver.url,
    description: `演示 ${runTag}`,
    types: [
      'tic.center.established',
      'tic.center.filed',
      'tic.center.renamed',
      'tic.center.revoked',
      'tic.evaluation.graded',
    ],
  },
});
receiver.trust(subscription.secret);
const demoMailbox = `keji-${runTag.toLowerCase()}@demo-supporting.example.cn`;
await step('依托单位选择以邮件接收的通知', 'PUT', '/inbox/email-settings', {
  as: as.supporting,
  body: {
    kinds: ['tic.application.submitted', 'tic.center.renamed', 'tic.evaluation.graded', 'tic.report.submitted'],
    addresses: [demoMailbox],
    language: 'both',
  },
});
// A13(三): the draw needs seven experts of the field outside the applicant's units; the run brings
// its own so that it never depends on who else is in the pool, and scores with whoever is drawn.
const ownExperts = [];
for (let n = 1; n <= 7; n += 1) {
  ownExperts.push(
    await step('', 'POST', '/experts', {
      as: as.dst,
      body: {
        userId: `demo-${runTag.toLowerCase()}-expert-${n}`,
        name: `演示专家${n}`,
        orgId: unit(n % 2 === 0 ? '沈阳示范材料科学研究所' : '辽宁示范工业技术研究院'),
        fields: ['智能制造'],
      },
    }),
  );
}
console.log(`✓ ${String(++stepNumber).padStart(2)}. 省科技厅为本次演示登记7名评审专家`);
const call = await step(`省科技厅发布${year}年度申报通知 (A11)`, 'POST', '/calls', {
  as: as.dst,
  body: { year, title: `${year}年度辽宁省技术创新中心建设申报`, opensOn: shift(today, -1), closesOn: shift(today, 30) },
});
// Two applications of the same units: the first becomes the center this demo staffs and renames (A26),
// the second the one its supporting unit gives up (A31(五)). The first prints its steps, the second is quiet.
const fieldOfSecond = { zh: `智能制造装备演示${runTag}`, en: `Intelligent Manufacturing Equipment Demo ${runTag}` };
const titled = (loud, title) => (loud ? title : '');
async function throughReview(applicationField, loud) {
  let application = await step(titled(loud, '建设单位填写申报书 (A13(一))'), 'POST', '/applications', {
    as: as.construction,
    body: {
      callId: call.id,
      field: applicationField,
      supportingUnitId: unit('辽宁示范智能装备股份有限公司'),
      proposedCoBuilderIds: [unit('东北示范理工大学')],
      areaM2: 3200,
      equipmentValueCny: 12_000_000,
      technicalLeaders: 2,
      fullTimeStaff: 36,
      achievements: [
        {
          title: '高精度伺服控制系统',
          description: '国内领先',
          evidence: [{ fileName: '鉴定证书.pdf', sizeBytes: 102400, sha256: 'c'.repeat(64), ref: 'demo/1' }],
        },
      ],
    },
  });
  if (loud)
    console.log(
      `      ${application.proposedName.zh}: ${application.findings.filter((f) => f.passed).length}/${application.findings.length} conditions of A12/A37 met`,
    );
  const transition = (title, who, action) =>
    step(titled(loud, title), 'POST', `/applications/${application.id}/transitions`, {
      as: who,
      ifMatch: application.version,
      body: { action },
    });
  application = await step(
    titled(loud, '依托单位确认共建单位 (A10)'),
    'POST',
    `/applications/${application.id}/co-builders/confirm`,
    { as: as.supporting, ifMatch: application.version, body: {} },
  );
  application = await transition('建设单位提交', as.construction, 'submit');
  application = await transition('依托单位审核通过 (A13(二))', as.supporting, 'pass_supporting_review');
  application = await transition('推荐单位推荐 (A13(二))', as.recommender, 'recommend');
  application = await transition('省科技厅形式审查通过 (A13(三))', as.dst, 'pass_formal_review');
  const review = await step(
    titled(loud, '随机抽取5名评审专家及2名备选，回避依托与共建单位'),
    'POST',
    `/applications/${application.id}/review/draw`,
    { as: as.dst, body: { count: 5, reserves: 2 } },
  );
  for (const assignment of review.assignments.filter((a) => a.role === 'reviewer')) {
    const expert = await expertById(assignment.expertId);
    await step('', 'POST', `/applications/${application.id}/review/score`, {
      as: token('expert', expert.orgId, expert.userId),
      body: { score: 85 + (expert.name.length % 5), opinion: '研发基础扎实，产学研合作机制健全，建设方案可行。' },
    });
  }
  const scored = await step(titled(loud, '五位专家评分'), 'GET', `/applications/${application.id}/review`, {
    as: as.dst,
  });
  if (loud) console.log(`      平均分 ${scored.summary.mean}，标准差 ${scored.summary.spread}`);
  application = await step('', 'GET', `/applications/${application.id}`, { as: as.dst });
  return transition('省科技厅确定拟建名单 (A13(三))', as.dst, 'shortlist');
}
const shortlisted = [await throughReview(field, true), await throughReview(fieldOfSecond, false)];
console.log(
  `✓ ${String(++stepNumber).padStart(2)}. 第二份申报书（${fieldOfSecond.zh}）同样经推荐、审查、评审列入拟建名单`,
);
const notice = await step('省科技厅登记公示（十天前已在官网发布，5个工作日） (A13(四))', 'POST', '/notices', {
  as: as.dst,
  body: {
    title: '拟建辽宁省技术创新中心名单公示',
    applicationIds: shortlisted.map((a) => a.id),
    startsOn: shift(today, -10),
  },
});
console.log(`      公示期 ${notice.startsOn} 至 ${notice.endsOn}`);
// Other people's notices share the list (in id order): walk it to ours, then poll from the page before it.
let noticeCursor;
async function noticeStatus() {
  for (let cursor = noticeCursor; ;) {
    const query = `/public/notices?includeEnded=true&limit=200${cursor ? `&cursor=${cursor}` : ''}`;
    const page = await step('', 'GET', query);
    const ours = page.items.find((n) => n.id === notice.id);
    if (ours) {
      noticeCursor = cursor;
      return ours.status;
    }
    if (!page.nextCursor) return undefined;
    cursor = page.nextCursor;
  }
}
for (let waited = 0; ; waited += 500) {
  if ((await noticeStatus()) === 'ended') break;
  if (waited > 60_000) {
    console.error('✗ the public notice did not end within a minute (is the deadline worker running?)');
    process.exit(1);
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
}
console.log(`✓ ${String(++stepNumber).padStart(2)}. 公示期满无异议`);
async function approveAndFile(shortlistedApplication, loud) {
  let application = await step('', 'GET', `/applications/${shortlistedApplication.id}`, { as: as.dst });
  application = await step(titled(loud, '省科技厅批准建设'), 'POST', `/applications/${application.id}/approval`, {
    as: as.dst,
    ifMatch: application.version,
    body: { track: 'formal' },
  });
  return step(titled(loud, '报省委科技委办公室备案'), 'POST', `/applications/${application.id}/transitions`, {
    as: as.dst,
    ifMatch: application.version,
    body: { action: 'file' },
  });
}
const application = await approveAndFile(shortlisted[0], true);
const second = await approveAndFile(shortlisted[1], false);
const center = await step('', 'GET', `/centers/${application.centerId}`, { as: as.dst });
if (application.status !== 'filed' || center.filedOn === null) {
  console.error(`✗ expected a filed center, got application ${application.status}, center filed on ${center.filedOn}`);
  process.exit(1);
}
console.log(
  `\n${center.name.zh} (${center.name.en})\nstatus ${center.status}, established ${center.establishedOn}, filed ${center.filedOn}`,
);

// The personnel registry (A14–A19): the new center arrives there through tic.center.established.
const supportingUnitId = unit('辽宁示范智能装备股份有限公司');
// Made-up but valid numbers (GB 11643), different in every run, so that runs do not collide: a
// random birth date (1950–1999) and a random block of 40 sequence numbers per run, one number a person.
const birthDate = shift('1950-01-01', randomInt(18_000)).replaceAll('-', '');
const sequenceBase = 100 + 40 * randomInt(22);
const idNumber = (n) => {
  const first17 = `210102${birthDate}${sequenceBase + n}`;
  return first17 + residentIdCheckCharacter(first17);
};
for (let waited = 0; !(await step('', 'GET', `/platforms/${center.id}`, { as: as.dst, quiet: true })); waited += 500) {
  if (waited > 30_000) {
    console.error(
      '✗ the personnel registry did not receive the new center within 30 s (is the personnel service running?)',
    );
    process.exit(1);
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
}
console.log(`\n✓ ${String(++stepNumber).padStart(2)}. 人员库收到新中心`);
const lab = await step('省科技厅登记一个省重点实验室并导入其固定人员名单', 'POST', '/platforms', {
  as: as.dst,
  body: {
    name: `辽宁省精密驱动重点实验室（演示${today}-${Date.now() % 100000}）`,
    kind: 'key_laboratory',
    supportingUnitId: unit('东北示范理工大学'),
  },
});
const labMember = { name: '周工程师', idNumber: idNumber(1) };
await step('', 'POST', `/platforms/${lab.id}/roster`, {
  as: as.dst,
  body: { rows: [{ ...labMember, kind: 'fixed', role: 'researcher', startsOn: '2022-09-01' }] },
});
const register = (name, n, employerOrgId = supportingUnitId) =>
  step('', 'POST', '/people', {
    as: as.supporting,
    body: { name, idNumber: n === 1 ? labMember.idNumber : idNumber(n), employerOrgId },
  });
// A committee's members are people of the registry, whose employer there decides who is an insider (A16, A17).
const committeeMembers = async (members) => {
  const named = [];
  for (const { name, n, orgId, isChair } of members)
    named.push({ personId: (await register(name, n, orgId)).id, isChair: isChair === true });
  return named;
};
const director = await register('钱主任', 2);
await step('依托单位组建管理委员会 (A16)', 'PUT', `/centers/${center.id}/committees/management`, {
  as: as.supporting,
  body: {
    termStartsOn: today,
    termEndsOn: shift(today, 3 * 365),
    members: await committeeMembers([
      { name: '依托单位总经理', n: 13, orgId: supportingUnitId, isChair: true },
      { name: '共建单位副校长', n: 14, orgId: unit('东北示范理工大学') },
    ]),
  },
});
await step(
  '管理委员会审议中心主任人选并记录会议 (A15)',
  'POST',
  `/centers/${center.id}/committees/management/meetings`,
  {
    as: as.supporting,
    body: { heldOn: today, attendees: 2, minutesRef: 'docs/minutes/demo-director' },
  },
);
const appointed = await step('依托单位经管理委员会审议聘任中心主任 (A15)', 'POST', '/appointments', {
  as: as.supporting,
  body: {
    platformId: center.id,
    personId: director.id,
    role: 'director',
    kind: 'fixed',
    startsOn: today,
    decidedOn: today,
    committeeReviewedOn: today,
  },
});
console.log(`      ${director.name}（${director.idNumberMasked}），备案期限 ${appointed.directorFiling.dueOn}`);
await step(
  '依托单位报推荐单位和省科技厅备案，发布 tic.personnel.director_changed',
  'POST',
  `/appointments/${appointed.id}/filing`,
  { as: as.supporting, ifMatch: appointed.version, body: {} },
);
for (let n = 3; n <= 11; n += 1) {
  const researcher = await register(`研究人员${n - 2}`, n);
  await step('', 'POST', '/appointments', {
    as: as.supporting,
    body: {
      platformId: center.id,
      personId: researcher.id,
      role: n === 11 ? 'auxiliary' : 'researcher',
      kind: 'fixed',
      startsOn: today,
    },
  });
}
console.log(`✓ ${String(++stepNumber).padStart(2)}. 聘任9名固定人员（含1名专职辅助人员）`);
const check = await step('年度报告人员名单查重 (A18)', 'POST', '/roster-checks', {
  as: as.supporting,
  body: {
    platformId: center.id,
    rows: [labMember, { name: '新引进博士', idNumber: idNumber(12) }].map((r) => ({ ...r, kind: 'fixed' })),
  },
});
// A unit learns of a conflict elsewhere only the platform and since when; who it is stays with DST.
for (const conflict of check.conflicts)
  console.log(`      第${conflict.row}行 自${conflict.since}起为${conflict.platformName}固定人员`);
// The laboratory's member is on file from its roster: registering the number again names nobody; the
// unit that holds the number appoints them by it (a floating post, under a work agreement: A18).
const refused = await step('已登记的身份证号码不能重复登记，答复不透露其人', 'POST', '/people', {
  as: as.supporting,
  body: { ...labMember, employerOrgId: supportingUnitId },
  expect: [409],
});
console.log(`      ${refused.code}`);
const visiting = await step('依托单位凭身份证号码聘任该实验室人员为流动人员 (A18)', 'POST', '/appointments', {
  as: as.supporting,
  body: {
    platformId: center.id,
    idNumber: labMember.idNumber,
    role: 'researcher',
    kind: 'floating',
    startsOn: today,
    agreement: {
      startsOn: today,
      endsOn: shift(today, 2 * 365),
      workingTime: '每年在中心工作不少于3个月',
      tasks: '精密驱动方向联合攻关',
      documentRef: 'docs/agreements/demo-1',
    },
  },
});
console.log(`      ${visiting.personName}（${visiting.idNumberMasked}），${visiting.status}`);
await step('依托单位组建技术指导委员会 (A17)', 'PUT', `/centers/${center.id}/committees/advisory`, {
  as: as.supporting,
  body: {
    termStartsOn: today,
    termEndsOn: shift(today, 3 * 365),
    members: await committeeMembers([
      { name: '外单位院士', n: 15, orgId: unit('辽宁示范工业技术研究院'), isChair: true },
      ...Array.from({ length: 5 }, (_, i) => ({
        name: `外单位专家${i + 1}`,
        n: 16 + i,
        orgId: unit('辽宁示范工业技术研究院'),
      })),
      { name: '依托单位总工', n: 21, orgId: supportingUnitId },
    ]),
  },
});
const compliance = await step('中心人员与委员会合规情况', 'GET', `/centers/${center.id}/compliance`, {
  as: as.recommender,
});
for (const f of compliance.findings.filter((x) => !x.passed))
  console.log(`      ✗ ${f.article} ${f.message.zh}（${f.severity}）`);
console.log(
  `      ${compliance.compliant ? '合规' : `待改进：${[...compliance.blocking, ...compliance.unwaived].join(', ') || '仅提示项'}`}`,
);

// A26: the center is renamed through a change report the construction unit writes; its management
// committee argued it at the meeting recorded above, the recommender consents, DST files it.
const renamedField = { zh: `高端智能装备演示${runTag}`, en: `High-end Intelligent Equipment Demo ${runTag}` };
let change = await step('建设单位提出更名书面报告 (A26)', 'POST', `/centers/${center.id}/changes`, {
  as: as.construction,
  body: {
    decidedOn: today,
    reportRef: `docs/changes/demo-${runTag}`,
    description: '研究方向聚焦高端智能装备，中心相应更名。',
    rename: { field: renamedField },
  },
});
console.log(`      拟更名为 ${change.rename.name.zh}，备案期限 ${change.filing?.dueOn ?? '提交后计算'}`);
const moveChange = (title, who, action, extra = {}) =>
  step(title, 'POST', `/changes/${change.id}/transitions`, {
    as: who,
    ifMatch: change.version,
    body: { action, ...extra },
  });
change = await moveChange('建设单位提交依托单位', as.construction, 'submit');
change = await moveChange('依托单位审核，经管理委员会论证 (A26)', as.supporting, 'pass', { committeeReviewOn: today });
change = await moveChange('推荐单位同意', as.recommender, 'consent');
change = await moveChange('省科技厅审核备案，发布 tic.center.renamed', as.dst, 'approve');
const renamed = await step('', 'GET', `/centers/${center.id}`, { as: as.dst });
console.log(`      ${renamed.name.zh}（原名 ${change.previous?.name.zh ?? center.name.zh}）`);

// A31(五): the supporting unit gives up the second center; it answers the case, DST revokes it and files
// the revocation with the committee office, and the decision is announced (公告).
const secondCenterId = second.centerId;
let revocation = await step(
  '依托单位申请放弃第二个中心的资格 (A31(五))',
  'POST',
  `/centers/${secondCenterId}/give-up`,
  {
    as: as.supporting,
    body: { statement: '依托单位战略调整，申请放弃技术创新中心资格。', evidence: [] },
  },
);
revocation = await step('依托单位陈述意见', 'POST', `/revocations/${revocation.id}/answer`, {
  as: as.supporting,
  ifMatch: revocation.version,
  body: { statement: '确认放弃，已妥善安排在研项目与人员。' },
});
revocation = await step('省科技厅决定撤销，发布 tic.center.revoked', 'POST', `/revocations/${revocation.id}/decide`, {
  as: as.dst,
  ifMatch: revocation.version,
  body: { outcome: 'revoke', reason: '依托单位主动申请放弃资格（第三十一条第五项）。' },
});
revocation = await step('报省委科技委办公室备案', 'POST', `/revocations/${revocation.id}/filing`, {
  as: as.dst,
  ifMatch: revocation.version,
  body: { documentRef: `docs/revocations/demo-${runTag}` },
});
for (let waited = 0; ; waited += 500) {
  const page = await step('', 'GET', `/public/announcements?kind=revocation&limit=100`);
  const ours = page.items.find((a) => a.centerId === secondCenterId);
  if (ours) {
    console.log(`✓ ${String(++stepNumber).padStart(2)}. 公告：${ours.title}（${ours.announcedOn}）`);
    break;
  }
  if (waited > 30_000) {
    console.error('✗ the revocation was not announced within 30 s (is the applications service consuming its events?)');
    process.exit(1);
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
}

// Issue 12: a center approved in 2024 under the trial measures is registered (A40); it files its annual
// report on 2025 (A27) and is graded in an evaluation round (A28–A30) by a third-party agency.
const existing = await step('省科技厅登记一家2024年批准的存量中心 (A40)', 'POST', '/centers/existing', {
  as: as.dst,
  body: {
    field: { zh: `智能制造存量演示${runTag}`, en: `Intelligent Manufacturing Registered Demo ${runTag}` },
    track: 'formal',
    supportingUnitId: unit('辽宁示范智能装备股份有限公司'),
    constructionUnitId: unit('辽宁示范智能装备股份有限公司中央研究院'),
    coBuilderIds: [unit('东北示范理工大学')],
    approvedOn: '2024-05-20',
    approvalDocument: `辽科发〔2024〕演示${runTag}号`,
  },
});
const reportBody = {
  centerId: existing.id,
  reportYear: 2025,
  narrative: '2025年度中心围绕智能制造共性关键技术开展攻关，完成成果转化12项。',
  statistics: {
    rdSpendingFen: 980_000_000,
    fixedStaff: 40,
    floatingStaff: 15,
    patentsGranted: 12,
    inventionPatentsGranted: 5,
    standardsDrafted: 2,
    transferContracts: 6,
    transferIncomeFen: 350_000_000,
    incubatedFirms: 1,
    instrumentsShared: 20,
    sharingHours: 3_200,
    majorAchievements: [],
  },
};
// The evaluations service learns of the center from its event a moment later.
let report;
for (
  let waited = 0;
  !(report = await step('', 'POST', '/annual-reports', { as: as.construction, body: reportBody, quiet: true }));
  waited += 500
) {
  if (waited > 30_000) {
    console.error('✗ the evaluations service did not learn of the registered center within 30 s');
    process.exit(1);
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
}
console.log(`✓ ${String(++stepNumber).padStart(2)}. 建设单位填写2025年度报告 (A27)`);
for (const [title, token, action] of [
  ['建设单位提交年度报告', as.construction, 'submit'],
  ['依托单位审核通过', as.supporting, 'pass'],
  ['推荐单位审核后报省科技厅备案', as.recommender, 'file'],
]) {
  report = await step(title, 'POST', `/annual-reports/${report.id}/transitions`, {
    as: token,
    ifMatch: report.version,
    body: { action },
  });
}

// A28–A30: the centers due (this one among them: two years after its approval), one agency entrusted.
const agencyOrg = '6a3f1c2e-9b7d-4e5f-8a1b-2c3d4e5f6a7b';
const agencyToken = token('evaluator', agencyOrg, 'demo-evaluation-agency');
let round = await step('省科技厅启动年度评估，纳入到期中心 (A28)', 'POST', '/evaluation-rounds', {
  as: as.dst,
  body: {
    name: `${today.slice(0, 4)}年度技术创新中心评估（演示${runTag}）`,
    year: Number(today.slice(0, 4)),
    participateBy: shift(today, 30),
    thresholds: { excellent: 90, good: 75, basicPass: 60 },
    excellentCapShare: 0.3,
  },
});
if (!round.centers.some((c) => c.centerId === existing.id)) {
  console.error('✗ the registered center is not among the centers due');
  process.exit(1);
}
round = await step('委托第三方评估机构 (A29)', 'POST', `/evaluation-rounds/${round.id}/entrustments`, {
  as: as.dst,
  body: { agencyOrgId: agencyOrg, centerIds: round.centers.map((c) => c.centerId) },
});
const session = { on: today, place: '沈阳', members: [{ name: '评估专家组', role: '组长' }], findings: '运行规范' };
for (const { centerId } of round.centers) {
  const path = `/evaluation-rounds/${round.id}/centers/${centerId}`;
  const total = centerId === existing.id ? 88 : 80;
  const scores = indicatorsOf(DEFAULT_INDICATOR_SYSTEM).map((i) => ({
    indicatorKey: i.key,
    score: total,
    evidence: `${i.key}：现场核查材料`,
  }));
  let assignment = await step('', 'GET', path, { as: agencyToken });
  assignment = await step('', 'POST', `${path}/scores`, {
    as: agencyToken,
    ifMatch: assignment.version,
    body: { scores, meetingReview: session, onSiteInspection: session, report: '书面评估报告' },
  });
  await step('', 'POST', `${path}/submission`, { as: agencyToken, ifMatch: assignment.version, body: {} });
}
console.log(`✓ ${String(++stepNumber).padStart(2)}. 评估机构逐项打分、会议评审与现场考察，提交评估报告`);
round = await step('省科技厅计算评估结果', 'POST', `/evaluation-rounds/${round.id}/grading`, {
  as: as.dst,
  ifMatch: round.version,
  body: {},
});
round = await step('省科技厅确定评估结果 (A30)', 'POST', `/evaluation-rounds/${round.id}/grades`, {
  as: as.dst,
  ifMatch: round.version,
  body: round.tieAtCap.length > 0 ? { tieBreak: round.tieAtCap } : {},
});
round = await step('发布评估结果公告', 'POST', `/evaluation-rounds/${round.id}/publication`, {
  as: as.dst,
  ifMatch: round.version,
  body: {},
});
const published = await step('', 'GET', `/public/evaluation-rounds/${round.id}`);
const ours = published.results.find((r) => r.centerName === existing.name.zh);
console.log(`      ${ours?.centerName}：${ours?.grade}`);

// Issue 14: the graded center is funded (A33–A35) and its supporting unit keeps the ledger (A36).
await fundTheCenter({
  step,
  announce: (title) => console.log(`✓ ${String(++stepNumber).padStart(2)}. ${title}`),
  as,
  center: existing,
  grade: ours?.grade,
  today,
  shift,
});

// What the subscribers saw: every delivery signed, the graded center's event among them, the emails.
for (let waited = 0; ; waited += 500) {
  const graded = [...receiver.deliveries.values()].some(
    (event) => event.type === 'tic.evaluation.graded' && event.data.centerId === existing.id,
  );
  if (graded) break;
  if (waited > 60_000) {
    console.error('✗ the agency’s webhook did not receive the grade within 60 s');
    process.exit(1);
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
}
const byType = new Map();
for (const event of receiver.deliveries.values()) byType.set(event.type, (byType.get(event.type) ?? 0) + 1);
console.log(
  `✓ ${String(++stepNumber).padStart(2)}. 订阅机构的 Webhook 收到 ${receiver.deliveries.size} 个事件，签名均已验证`,
);
for (const [type, count] of [...byType].sort()) console.log(`      ${type} × ${count}`);
if (receiver.forged() > 0) {
  console.error(`✗ ${receiver.forged()} deliveries failed the signature check`);
  process.exit(1);
}
const unread = await step('', 'GET', '/inbox/unread-count', { as: as.supporting });
console.log(`      依托单位收件箱未读消息：${unread.unread ?? JSON.stringify(unread)}`);
const catcher = await mailCatcherMessages();
const ourEmails = catcher?.messages.filter((m) => m.to?.some((to) => to.address === demoMailbox)) ?? [];
console.log(
  catcher === undefined
    ? '      邮件已记录；没有邮件捕获器在运行（npm start 会在 http://127.0.0.1:1080 启动 maildev）'
    : `      ${ourEmails.length} 封邮件发往 ${demoMailbox}，在 ${catcher.url} 查看${ourEmails.length > 0 ? `，如「${ourEmails[0].subject}」` : ''}`,
);
await receiver.close();
