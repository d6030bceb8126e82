import type { Ref } from 'preact';

/** A labelled passphrase field: what the browser may offer to fill is said by `auto` (a new or the current one). */
export function Secret({
  label,
  value,
  onInput,
  auto,
  inputRef,
}: {
  label: string;
  value: string;
  onInput: (value: string) => void;
  auto: 'new-password' | 'current-password' | 'off';
  inputRef?: Ref<HTMLInputElement>;
}) {
  return (
    <label>
      {label}
      <input
        ref={inputRef}
        type="password"
        autoComplete={auto}
        value={value}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
    </label>
  );
}
