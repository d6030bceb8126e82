export type Severity = 'error' | 'warning' | 'info';

/** One thing validation noticed about a field, ready to show in either language. */
export interface Finding {
  code: string;
  field: string;
  severity: Severity;
  message: { 'zh-CN': string; en: string };
}

export function finding(code: string, field: string, severity: Severity, zh: string, en: string): Finding {
  return { code, field, severity, message: { 'zh-CN': zh, en } };
}

export const hasErrors = (findings: readonly Finding[]) => findings.some((f) => f.severity === 'error');
