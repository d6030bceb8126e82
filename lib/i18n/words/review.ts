/* The review queue's texts of the one dictionary (see ../messages.ts): Chinese first; English must have the same keys. */
export const reviewZhCN = {
  reviewOpen: '待核实',
  reviewQueueTitle: '待核实的客户',
  reviewHint: '税号有误、专票信息不全、从未核实或很久没有核实的客户，最常用的排在前面。与客户核对后，点“今天已核实”。',
  reviewMonths: '核实超过',
  reviewMonthsOption: '{months} 个月',
  reviewCount: '共 {count} 个客户需要核实',
  reviewEmpty: '没有需要核实的客户',
  reviewReason_findings: '信息有误',
  reviewReason_incomplete: '专票信息不全',
  reviewReason_neverVerified: '从未核实',
  reviewReason_stale: '上次核实：{date}',
  reviewVerify: '今天已核实',
  reviewVerifyNamed: '“{name}”今天已核实',
  reviewEdit: '打开',
  reviewEditNamed: '打开“{name}”',
  reviewVerified: '已标为核实：{name}',
} as const;

export const reviewEn: Record<keyof typeof reviewZhCN, string> = {
  reviewOpen: 'To verify',
  reviewQueueTitle: 'Customers to verify',
  reviewHint:
    'Customers with a wrong tax ID, incomplete details for a 专票, never verified, or verified long ago; the most used first. Check with the customer, then press “Verified today”.',
  reviewMonths: 'Verified more than',
  reviewMonthsOption: '{months} months ago',
  reviewCount: '{count} customers to verify',
  reviewEmpty: 'No customer needs verifying',
  reviewReason_findings: 'Details wrong',
  reviewReason_incomplete: 'Incomplete for a 专票',
  reviewReason_neverVerified: 'Never verified',
  reviewReason_stale: 'Last verified {date}',
  reviewVerify: 'Verified today',
  reviewVerifyNamed: '“{name}” verified today',
  reviewEdit: 'Open',
  reviewEditNamed: 'Open “{name}”',
  reviewVerified: 'Marked verified: {name}',
};
