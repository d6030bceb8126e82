import type { ComponentChildren } from 'preact';
import type { Finding } from '../lib/domain/findings';
import type { Locale } from '../lib/i18n/messages';

interface Props {
  id: string;
  label: string;
  /** What validation says about this field, listed under it and tied to the control for screen readers. */
  findings?: readonly Finding[];
  locale: Locale;
  class?: string;
  /** The control; it gets its label, aria-invalid and aria-describedby through `control`. */
  children(control: ControlProps): ComponentChildren;
}

export interface ControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

/** One labelled form control with the findings about it. */
export function Field({ id, label, findings = [], locale, class: className, children }: Props) {
  const notes = `${id}-msg`;
  return (
    <div class={className ? `field ${className}` : 'field'}>
      <label for={id}>{label}</label>
      {children({
        id,
        'aria-invalid': findings.some((f) => f.severity === 'error'),
        'aria-describedby': findings.length > 0 ? notes : undefined,
      })}
      <Findings id={notes} findings={findings} locale={locale} />
    </div>
  );
}

/** What validation says about one field or group, in the clerk's language; nothing when it says nothing. */
export function Findings({ id, findings, locale }: { id: string; findings: readonly Finding[]; locale: Locale }) {
  if (findings.length === 0) return null;
  return (
    <ul class="findings" id={id}>
      {findings.map((f) => (
        <li key={f.code} class={f.severity}>
          {f.message[locale]}
        </li>
      ))}
    </ul>
  );
}

interface ChoiceProps<V extends string> {
  id: string;
  label: string;
  value: V;
  options: readonly V[];
  /** How the clerk reads each option. */
  name(option: V): string;
  findings?: readonly Finding[];
  locale: Locale;
  onChange(value: V): void;
}

/** A labelled drop-down over a fixed set of values. */
export function ChoiceField<V extends string>({
  id,
  label,
  value,
  options,
  name,
  findings,
  locale,
  onChange,
}: ChoiceProps<V>) {
  return (
    <Field id={id} label={label} findings={findings} locale={locale}>
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChange(e.currentTarget.value as V)}>
          {options.map((option) => (
            <option key={option} value={option}>
              {name(option)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
