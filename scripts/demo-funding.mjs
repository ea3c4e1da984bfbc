// The demo's funding chapter (A33–A36): DST funds the center just graded, its supporting unit keeps the
// allocation's separate ledger, and DST reads how much of the money has been spent.
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Events reach the funding service a moment after they are committed elsewhere: ask again until it knows.
async function eventually(what, attempt, limitMs = 30_000) {
  for (let waited = 0; ; waited += 500) {
    const answer = await attempt();
    if (answer !== undefined) return answer;
    if (waited > limitMs) {
      console.error(`✗ ${what} within ${limitMs / 1000} s`);
      process.exit(1);
    }
    await pause(500);
  }
}

const yuan = (fen) => (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 });
const percent = (rate) => (rate === null ? '—' : `${(rate * 100).toFixed(2)}%`);
const CATEGORY_NAMES = { equipment: '设备费', business: '业务费', labor: '劳务费', indirect: '间接费用' };

/**
 * `step` is the demo's request helper, `announce` prints a numbered step, `as` its tokens; `center` the registered center, `grade` what the
 * round gave it, `today` the date in Shanghai. Returns the allocation as it stands at the end.
 */
export async function fundTheCenter({ step, announce, as, center, grade, today, shift }) {
  // A day behind Shanghai's date: the service may judge "the future" by a clock a few hours behind.
  const spentOn = shift(today, -1);
  const fiscalYear = Number(spentOn.slice(0, 4));
  let proposalId;
  if (grade === 'excellent') {
    // A30, A33: an excellent grade sends DST a policy-support proposal; DST answers it with the allocation.
    const proposal = await eventually('the policy-support proposal did not reach the funding service', async () => {
      const page = await step('', 'GET', `/policy-support-proposals?centerId=${center.id}&limit=50`, { as: as.dst });
      return page.items.find((p) => p.centerId === center.id);
    });
    proposalId = proposal.id;
    announce(`评估优秀，省科技厅收到政策支持建议 (A30)：${proposal.id}`);
  }
  const allocationBody = {
    centerId: center.id,
    fiscalYear,
    purpose: `${fiscalYear}年度省级技术创新中心建设资金（演示）`,
    budget: [
      { category: 'equipment', amountFen: 60_000_000 },
      { category: 'business', amountFen: 25_000_000 },
      { category: 'labor', amountFen: 10_000_000 },
      { category: 'indirect', amountFen: 5_000_000 },
    ],
    targets: [
      { tier: 'output', dimension: 'quantity', indicator: '发明专利授权数', unit: '件', targetValue: 6 },
      { tier: 'effect', dimension: 'economic', indicator: '技术合同成交额', unit: '万元', targetValue: 800 },
      { tier: 'satisfaction', dimension: 'satisfaction', indicator: '服务企业满意度', unit: '%', targetValue: 90 },
    ],
    ...(proposalId ? { proposalId } : {}),
  };
  // The funding service learns of the center from its event; until then the allocation is refused.
  const created = await eventually('the funding service did not learn of the registered center', () =>
    step('', 'POST', '/allocations', { as: as.dst, body: allocationBody, quiet: true }),
  );
  announce(
    `省科技厅下达${fiscalYear}年度省级资金${proposalId ? '（依政策支持建议）' : ''}，按类别预算、三级绩效目标 (A33–A35)`,
  );
  console.log(
    `      合计 ${yuan(created.totalFen)} 元：` +
      created.balances.map((b) => `${CATEGORY_NAMES[b.category]} ${yuan(b.budgetFen)}`).join('，'),
  );

  const ledgerPath = `/allocations/${created.id}/ledger`;
  const expenditure = (voucherRef, category, amountFen, payee, extra = {}) => ({
    spentOn,
    amountFen,
    category,
    payee,
    voucherRef,
    ...extra,
  });
  const spend = (title, body) => step(title, 'POST', ledgerPath, { as: as.supporting, body });
  await spend(
    '依托单位单独核算，登记设备采购支出 (A36)',
    expenditure('记-0001', 'equipment', 38_000_000, '沈阳示范精密仪器有限公司', {
      procurement: true,
      stateAsset: true,
    }),
  );
  await spend('登记测试化验业务费', expenditure('记-0002', 'business', 4_200_000, '辽宁示范检测技术有限公司'));
  const mistaken = await spend(
    '登记劳务费（金额录错）',
    expenditure('记-0003', 'labor', 9_800_000, '项目聘用人员劳务费'),
  );
  const beyond = await step('超出类别剩余预算的支出被拒绝 (A36)', 'POST', ledgerPath, {
    as: as.supporting,
    body: expenditure('记-0004', 'business', 25_000_000, '辽宁示范检测技术有限公司'),
    expect: [422],
  });
  console.log(`      ${beyond.code}（${beyond.article}）`);
  await step('错账以红字冲销整笔，不作修改', 'POST', `${ledgerPath}/${mistaken.entry.id}/reversal`, {
    as: as.supporting,
    body: { reason: '劳务费金额录错，冲销后重新登记' },
  });
  await spend('重新登记正确的劳务费', expenditure('记-0005', 'labor', 980_000, '项目聘用人员劳务费'));

  const execution = await step('省科技厅按中心查看资金执行率', 'GET', `/funding/execution?groupBy=center`, {
    as: as.dst,
  });
  const row = execution.rows.find((r) => r.key === center.id);
  console.log(
    `      ${row?.label}：已支出 ${yuan(row?.spentFen ?? 0)} 元，执行率 ${percent(row?.executionRate ?? null)}`,
  );
  const allocation = await step('', 'GET', `/allocations/${created.id}`, { as: as.dst });
  console.log(
    `      资金 ${allocation.id}：剩余 ${yuan(allocation.remainingFen)} 元，执行率 ${percent(allocation.executionRate)}`,
  );
  for (const b of allocation.balances)
    console.log(
      `      ${CATEGORY_NAMES[b.category]}：预算 ${yuan(b.budgetFen)}，已支出 ${yuan(b.spentFen)}，剩余 ${yuan(b.remainingFen)}`,
    );
  return allocation;
}
