/*
 * The texts of durability (the one dictionary, see ../messages.ts): a full disk, whether the browser may clear the
 * book, the backup reminder and the automatic snapshots. Chinese first; English must have the same keys.
 */
export const durabilityZhCN = {
  storageFull: '磁盘空间不足，未保存任何更改，客户簿保持原样。请清理磁盘空间后再试。',
  storageTitle: '存储',
  storageProtection_persistent: '存储已设为持久：浏览器不会自行清除客户簿。',
  storageProtection_unlimited:
    '扩展拥有“无限存储”权限：浏览器不会因空间不足而清除客户簿。但磁盘写满时无法保存，请定期下载备份。',
  storageProtection_bestEffort: '浏览器可能在空间不足时清除数据，请定期下载备份。',
  storageProtection_unknown: '无法确定浏览器是否会在空间不足时清除数据，请定期下载备份。',
  storageUsage: '已占用 {size} MB（含自动快照）',
  backupLast: '上次下载备份：{time}',
  backupLastNever: '还没有下载过备份',
  reminderEvery: '超过几天未备份时提醒',
  reminderLabel: '备份提醒',
  reminderNever: '客户簿还从未备份过。电脑损坏或误删时，备份文件能找回全部客户。',
  reminderOld: '已经 {days} 天没有备份客户簿了。',
  reminderBackupNow: '立即备份',
  reminderDismiss: '今天不再提醒',
  snapshotsTitle: '自动快照',
  snapshotsExplain:
    '每天第一次修改客户簿时，以及导入、批量删除、合并和恢复之前，Taitou 会在本机自动保存一份客户快照，保留最近 {keep} 份。快照只含客户，不含发票记录、修改记录和附件，也不能代替备份文件。',
  snapshotsNone: '还没有快照。',
  snapshotTime: '时间',
  snapshotReason: '保存于',
  snapshotCustomers: '客户数',
  snapshotReason_daily: '当天第一次修改时',
  snapshotReason_import: '导入前',
  snapshotReason_bulkDelete: '批量删除前',
  snapshotReason_merge: '合并前',
  snapshotReason_restore: '恢复前',
  snapshotRestore: '恢复',
  snapshotRestoreLabel: '恢复 {time} 的快照',
  snapshotRestoreConfirm:
    '客户簿中的全部客户将换成 {time} 快照中的 {count} 个客户。现在的客户簿会先另存为一份快照，可以用它撤销这次恢复。继续吗？',
  snapshotRestored: '已从快照恢复 {count} 个客户；恢复前的客户簿已另存为快照',
  snapshotGone: '这份快照已不存在',
  snapshotOtherVersion: '这份快照来自旧版本的客户簿，不能恢复',
  snapshotOtherLock: '这份快照保存于开启或关闭加密锁之前，不能恢复',
  snapshotUnrestorable: '不能恢复',
} as const;

export const durabilityEn: Record<keyof typeof durabilityZhCN, string> = {
  storageFull: 'The disk is full: nothing was saved and the book is as it was. Free some disk space and try again.',
  storageTitle: 'Storage',
  storageProtection_persistent: 'Storage is persistent: the browser will not clear the book on its own.',
  storageProtection_unlimited:
    'The extension has unlimited storage: the browser does not clear the book when space runs low. A full disk still stops saving, so download backups regularly.',
  storageProtection_bestEffort: 'The browser may clear data when space runs low: download backups regularly.',
  storageProtection_unknown:
    'Whether the browser may clear data when space runs low is unknown: download backups regularly.',
  storageUsage: '{size} MB in use (snapshots included)',
  backupLast: 'Last backup downloaded: {time}',
  backupLastNever: 'No backup has been downloaded yet',
  reminderEvery: 'Remind me after this many days without a backup',
  reminderLabel: 'Backup reminder',
  reminderNever:
    'The book has never been backed up. A backup file brings every customer back after a broken computer or a mistake.',
  reminderOld: 'The book was last backed up {days} days ago.',
  reminderBackupNow: 'Back up now',
  reminderDismiss: 'Not today',
  snapshotsTitle: 'Automatic snapshots',
  snapshotsExplain:
    'At the first change of each day, and before an import, a bulk delete, a merge or a restore, Taitou keeps a snapshot of the customers on this computer; the last {keep} are kept. Snapshots hold the customers only (no invoice history, change history or attachments) and are no substitute for a backup file.',
  snapshotsNone: 'No snapshots yet.',
  snapshotTime: 'Time',
  snapshotReason: 'Taken',
  snapshotCustomers: 'Customers',
  snapshotReason_daily: 'at the first change of the day',
  snapshotReason_import: 'before an import',
  snapshotReason_bulkDelete: 'before a bulk delete',
  snapshotReason_merge: 'before a merge',
  snapshotReason_restore: 'before a restore',
  snapshotRestore: 'Restore',
  snapshotRestoreLabel: 'Restore the snapshot of {time}',
  snapshotRestoreConfirm:
    'Every customer in the book will be replaced by the {count} customers of the snapshot of {time}. The book as it is now is kept as a snapshot first, which can undo this restore. Go on?',
  snapshotRestored: 'Restored {count} customers from the snapshot; the book as it was is kept as a snapshot',
  snapshotGone: 'That snapshot is no longer kept',
  snapshotOtherVersion: 'This snapshot is from an older version of the book and cannot be restored',
  snapshotOtherLock: 'This snapshot was taken before the lock was switched on or off and cannot be restored',
  snapshotUnrestorable: 'cannot be restored',
};
